package dossier

import (
	"bytes"
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"regexp"
	"slices"
	"strconv"
	"sync"

	"github.com/klauspost/compress/zlib"

	"redress/letters/images"
	"redress/seal"
)

// pdfFile writes the dossier's PDF file. Its own objects — the pictures
// and the embedded files — are written first, as soon as each is ready,
// numbered 1, 2, …; gofpdf's document (pages, fonts, links, bookmarks) is
// appended at the end with every object number shifted after them, the
// pictures added to its resource dictionary and the files to its
// catalog's name tree. Nothing large is ever held: a picture goes from
// the preparing goroutine to the writer and is dropped.
type pdfFile struct {
	w       io.Writer
	h       hash.Hash // SHA-256 of the bytes written
	n       int64     // bytes written
	err     error
	offsets []int64 // offsets[num]; offsets[0] is unused
	images  []int   // picture id (from 1) → object number; images[0] unused
	files   []int   // embedded files' Filespec object numbers, in name-tree order
}

func newPDFFile(w io.Writer) *pdfFile {
	f := &pdfFile{w: w, h: sha256.New(), offsets: []int64{0}, images: []int{0}}
	// A binary comment line tells transfer programs the file is binary.
	f.writeString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	return f
}

func (f *pdfFile) write(b []byte) {
	if f.err != nil {
		return
	}
	n, err := f.w.Write(b)
	f.h.Write(b[:n])
	f.n += int64(n)
	f.err = err
}

// sum is the SHA-256 of the file so far.
func (f *pdfFile) sum() string { return hex.EncodeToString(f.h.Sum(nil)) }

func (f *pdfFile) writeString(s string) { f.write([]byte(s)) }

// object starts the next object and returns its number.
func (f *pdfFile) object() int {
	f.offsets = append(f.offsets, f.n)
	num := len(f.offsets) - 1
	f.writeString(strconv.Itoa(num) + " 0 obj\n")
	return num
}

// stream writes one whole stream object.
func (f *pdfFile) stream(dict string, data ...[]byte) int {
	num := f.object()
	n := 0
	for _, d := range data {
		n += len(d)
	}
	f.writeString("<<" + dict + " /Length " + strconv.Itoa(n) + ">>\nstream\n")
	for _, d := range data {
		f.write(d)
	}
	f.writeString("\nendstream\nendobj\n")
	return num
}

// image writes a prepared picture and returns its id for canvas.Image.
func (f *pdfFile) image(p images.Prepared) (int, error) {
	s, err := p.Stream()
	if err != nil {
		return 0, err
	}
	dict := fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8 /Filter %s",
		s.Width, s.Height, s.ColorSpace, s.Filter)
	if s.DecodeParms != "" {
		dict += " /DecodeParms " + s.DecodeParms
	}
	num := f.stream(dict, s.Data...)
	f.images = append(f.images, num)
	return len(f.images) - 1, f.err
}

// embed writes a file attachment: its bytes (deflated at the fastest
// level when that saves a tenth, else stored) and its file specification,
// listed in the document's embedded files.
func (f *pdfFile) embed(data []byte, name, description string) {
	sum := md5.Sum(data)
	dict := fmt.Sprintf("/Type /EmbeddedFile /Params << /CheckSum <%x> /Size %d >>", sum, len(data))
	var z bytes.Buffer
	if len(data) > 64 {
		deflate(&z, data)
	}
	var stream int
	if z.Len() > 0 && z.Len() < len(data)*9/10 {
		stream = f.stream(dict+" /Filter /FlateDecode", z.Bytes())
	} else {
		stream = f.stream(dict, data)
	}
	num := f.object()
	f.writeString(filespec(name, description, stream))
	f.files = append(f.files, num)
}

// filespec is the body of a file specification object for the embedded
// file in object stream.
func filespec(name, description string, stream int) string {
	return "<< /Type /Filespec /F " + pdfString([]byte(asciiName(name))) + " /UF " + pdfString(utf16be(name)) +
		" /EF << /F " + strconv.Itoa(stream) + " 0 R >> /Desc " + pdfString(utf16be(description)) + " >>\nendobj\n"
}

// deflate appends data compressed in zlib format, at the fastest level.
func deflate(z *bytes.Buffer, data []byte) {
	zw := zlibWriters.Get().(*zlib.Writer)
	defer zlibWriters.Put(zw)
	zw.Reset(z)
	zw.Write(data) // writes to a bytes.Buffer cannot fail
	zw.Close()
}

var zlibWriters = sync.Pool{New: func() any {
	zw, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	return zw
}}

// finish appends gofpdf's document, renumbered, its pages' aliases
// replaced and their contents compressed, then, when sealed (sign is
// set), the signature file (signature.go), and the cross-reference table
// and trailer.
func (f *pdfFile) finish(doc []byte, aliases map[string]string, st statement, sign func([]byte) (seal.Signature, error)) error {
	if f.err != nil {
		return f.err
	}
	g, err := parseDoc(doc)
	if err != nil {
		return fmt.Errorf("read the laid-out pages: %w", err)
	}
	contents := g.contents()
	replace := newAliases(aliases)
	shift := len(f.offsets) - 1
	files := f.files
	sigStream := shift + len(g.offsets) // the objects after gofpdf's
	if sign != nil {
		files = append(slices.Clip(files), sigStream+1)
	}
	for _, o := range g.order {
		var body []byte
		if contents[o] {
			body, err = pageContents(g.body(o), replace)
		} else {
			body, err = renumber(g.body(o), shift)
		}
		if err != nil {
			return fmt.Errorf("object %d of the laid-out pages: %w", o, err)
		}
		switch o {
		case 2: // the resource dictionary: add the pictures
			var x bytes.Buffer
			for id := 1; id < len(f.images); id++ {
				fmt.Fprintf(&x, "\n/X%d %d 0 R", id, f.images[id])
			}
			body = bytes.Replace(body, []byte("/XObject <<"), append([]byte("/XObject <<"), x.Bytes()...), 1)
		case g.root: // the catalog: add the embedded files
			var names bytes.Buffer
			names.WriteString("/EmbeddedFiles << /Names [")
			for i, num := range files {
				fmt.Fprintf(&names, " (%06d) %d 0 R", i, num)
			}
			names.WriteString(" ] >>")
			loc := embeddedFilesRE.FindIndex(body)
			if loc == nil {
				return errors.New("the catalog has no embedded-files entry")
			}
			body = slices.Concat(body[:loc[0]], names.Bytes(), body[loc[1]:])
		}
		for len(f.offsets) <= o+shift {
			f.offsets = append(f.offsets, 0)
		}
		f.offsets[o+shift] = f.n
		f.writeString(strconv.Itoa(o+shift) + " 0 obj")
		f.write(body)
	}
	if sign == nil {
		f.write(f.xref(f.n, g.root+shift, g.info+shift))
		return f.err
	}

	// The signature file: its stream header, then — everything after its
	// data being known already — the statement's hash of the whole file
	// without that data, signed; then the data and the rest.
	if num := f.object(); num != sigStream {
		return fmt.Errorf("signature object %d, want %d", num, sigStream)
	}
	f.writeString(fmt.Sprintf("<< /Type /EmbeddedFile /Subtype /application#2Fjson /Params << /Size %d >> /Length %d >>\nstream\n",
		signatureLen, signatureLen))
	var tail bytes.Buffer
	tail.WriteString("\nendstream\nendobj\n")
	f.offsets = append(f.offsets, f.n+signatureLen+int64(tail.Len()))
	tail.WriteString(strconv.Itoa(sigStream+1) + " 0 obj\n")
	tail.WriteString(filespec(SignatureName, signatureDescription, sigStream))
	tail.Write(f.xref(f.n+signatureLen+int64(tail.Len()), g.root+shift, g.info+shift))
	h := f.h.(hash.Cloner)
	d, err := h.Clone()
	if err != nil {
		return err
	}
	d.Write(tail.Bytes())
	st.PDFSHA256 = hex.EncodeToString(d.Sum(nil))
	data, err := signatureData(st, sign)
	if err != nil {
		return err
	}
	f.write(data)
	f.write(tail.Bytes())
	return f.err
}

const signatureDescription = "Redress signature: the installation's signature of this PDF and its manifest (redress verify FILE.pdf)"

// xref is the cross-reference table of every object so far, at offset at,
// and the trailer.
func (f *pdfFile) xref(at int64, root, info int) []byte {
	size := len(f.offsets)
	var b bytes.Buffer
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", size)
	for _, off := range f.offsets[1:] {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<<\n/Size %d\n/Root %d 0 R\n/Info %d 0 R\n>>\nstartxref\n%d\n%%%%EOF\n", size, root, info, at)
	return b.Bytes()
}

var embeddedFilesRE = regexp.MustCompile(`/EmbeddedFiles\s*<<\s*/Names\s*\[[^\]]*\]\s*>>`)

// gofpdfDoc is gofpdf's output, located by its cross-reference table.
type gofpdfDoc struct {
	data       []byte
	offsets    []int // by object number
	ends       []int
	order      []int // object numbers in file order
	root, info int
}

var (
	startxrefRE = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
	trailerRE   = regexp.MustCompile(`/Root (\d+) 0 R\s*/Info (\d+) 0 R`)
	objRE       = regexp.MustCompile(`^(\d+) 0 obj`)
)

func parseDoc(doc []byte) (*gofpdfDoc, error) {
	m := startxrefRE.FindSubmatch(doc)
	if m == nil {
		return nil, errors.New("no startxref")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	if xref <= 0 || xref >= len(doc) || !bytes.HasPrefix(doc[xref:], []byte("xref\n0 ")) {
		return nil, errors.New("no cross-reference table")
	}
	rest := doc[xref+len("xref\n0 "):]
	nl := bytes.IndexByte(rest, '\n')
	size, err := strconv.Atoi(string(bytes.TrimSpace(rest[:nl])))
	if err != nil || size < 3 || len(rest) < nl+1+20*size {
		return nil, errors.New("bad cross-reference table")
	}
	g := &gofpdfDoc{data: doc, offsets: make([]int, size), ends: make([]int, size)}
	entries := rest[nl+1:]
	for i := 1; i < size; i++ {
		e := entries[20*i : 20*i+20]
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || off <= 0 || off >= xref || e[17] != 'n' {
			return nil, fmt.Errorf("bad cross-reference entry %d", i)
		}
		if om := objRE.FindSubmatch(doc[off:min(off+20, len(doc))]); om == nil || string(om[1]) != strconv.Itoa(i) {
			return nil, fmt.Errorf("object %d is not at its offset", i)
		}
		g.offsets[i] = off
		g.order = append(g.order, i)
	}
	slices.SortFunc(g.order, func(a, b int) int { return g.offsets[a] - g.offsets[b] })
	for k, o := range g.order {
		end := xref
		if k+1 < len(g.order) {
			end = g.offsets[g.order[k+1]]
		}
		g.ends[o] = end
	}
	t := trailerRE.FindSubmatch(doc[xref:])
	if t == nil {
		return nil, errors.New("no /Root and /Info in the trailer")
	}
	g.root, _ = strconv.Atoi(string(t[1]))
	g.info, _ = strconv.Atoi(string(t[2]))
	if g.root <= 0 || g.root >= size || g.info <= 0 || g.info >= size {
		return nil, errors.New("bad trailer")
	}
	return g, nil
}

var (
	pageRE     = regexp.MustCompile(`/Type\s*/Page[\s/>]`)
	contentsRE = regexp.MustCompile(`/Contents\s+(\d+)\s+0\s+R`)
	streamRE   = regexp.MustCompile(`^\s*<<\s*/Length\s+(\d+)\s*>>\s*stream\r?\n`)
)

// contents finds the objects that hold the pages' contents.
func (g *gofpdfDoc) contents() map[int]bool {
	out := map[int]bool{}
	for _, o := range g.order {
		body := g.body(o)
		if !pageRE.Match(body) {
			continue
		}
		if m := contentsRE.FindSubmatch(body); m != nil {
			n, _ := strconv.Atoi(string(m[1]))
			out[n] = true
		}
	}
	return out
}

// pageContents is a page's contents object (gofpdf writes it
// uncompressed: "<</Length n>> stream … endstream endobj") with its
// aliases replaced and its stream compressed.
func pageContents(obj []byte, replace *aliases) ([]byte, error) {
	m := streamRE.FindSubmatchIndex(obj)
	if m == nil {
		return nil, errors.New("page contents are not a plain stream")
	}
	n, err := strconv.Atoi(string(obj[m[2]:m[3]]))
	if err != nil || m[1]+n > len(obj) || !bytes.HasPrefix(bytes.TrimLeft(obj[m[1]+n:], "\r\n"), []byte("endstream")) {
		return nil, errors.New("page contents have a wrong length")
	}
	var z bytes.Buffer
	deflate(&z, replace.in(obj[m[1]:m[1]+n]))
	var out bytes.Buffer
	out.Grow(z.Len() + 80)
	out.WriteString("\n<</Filter /FlateDecode /Length " + strconv.Itoa(z.Len()) + ">>\nstream\n")
	out.Write(z.Bytes())
	out.WriteString("\nendstream\nendobj\n")
	return out.Bytes(), nil
}

// aliases replaces text drawn as an alias (aliasMark … aliasMark) with
// its final text, in a page's contents, where gofpdf writes text in
// UTF-16BE.
type aliases struct {
	mark []byte            // aliasMark in UTF-16BE
	to   map[string][]byte // alias in UTF-16BE → its text in UTF-16BE
}

func newAliases(m map[string]string) *aliases {
	a := &aliases{mark: utf16be(aliasMark)[2:], to: make(map[string][]byte, len(m))}
	for k, v := range m {
		a.to[string(utf16be(k)[2:])] = utf16be(v)[2:]
	}
	return a
}

// in returns data with every known alias replaced, in one pass.
func (a *aliases) in(data []byte) []byte {
	if len(a.to) == 0 || !bytes.Contains(data, a.mark) {
		return data
	}
	var out bytes.Buffer
	out.Grow(len(data))
	for {
		i := bytes.Index(data, a.mark)
		if i < 0 {
			break
		}
		j := bytes.Index(data[i+len(a.mark):], a.mark)
		if j < 0 {
			break
		}
		key := data[i : i+2*len(a.mark)+j]
		if text, ok := a.to[string(key)]; ok {
			out.Write(data[:i])
			out.Write(text)
			data = data[i+len(key):]
			continue
		}
		out.Write(data[:i+len(a.mark)])
		data = data[i+len(a.mark):]
	}
	out.Write(data)
	return out.Bytes()
}

// body is object o after its "n 0 obj".
func (g *gofpdfDoc) body(o int) []byte {
	b := g.data[g.offsets[o]:g.ends[o]]
	return b[len(strconv.Itoa(o))+len(" 0 obj"):]
}

// renumber adds shift to every indirect reference ("n g R") in an
// object's dictionary, up to its stream data, which is copied unchanged.
// It lexes the PDF syntax (strings with escapes and nesting, hex strings,
// names, comments), so text that merely looks like a reference is left
// alone.
func renumber(obj []byte, shift int) ([]byte, error) {
	type token struct {
		start, end int
		num        bool
	}
	var out bytes.Buffer
	out.Grow(len(obj) + 64)
	last := 0
	var prev [2]token
	isDelim := func(c byte) bool { return bytes.IndexByte([]byte("()<>[]{}/%"), c) >= 0 }
	isSpace := func(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0 }
	i := 0
	for i < len(obj) {
		c := obj[i]
		switch {
		case isSpace(c):
			i++
			continue
		case c == '%':
			for i < len(obj) && obj[i] != '\n' && obj[i] != '\r' {
				i++
			}
			continue
		case c == '(':
			depth := 0
			for ; i < len(obj); i++ {
				switch obj[i] {
				case '\\':
					i++
				case '(':
					depth++
				case ')':
					depth--
				}
				if depth == 0 {
					break
				}
			}
			if depth != 0 {
				return nil, errors.New("unterminated string")
			}
			i++
			prev = [2]token{}
			continue
		case c == '<' && i+1 < len(obj) && obj[i+1] == '<', c == '>' && i+1 < len(obj) && obj[i+1] == '>':
			i += 2
			prev = [2]token{}
			continue
		case c == '<':
			j := bytes.IndexByte(obj[i:], '>')
			if j < 0 {
				return nil, errors.New("unterminated hex string")
			}
			i += j + 1
			prev = [2]token{}
			continue
		case c == '[' || c == ']' || c == '{' || c == '}' || c == ')' || c == '>':
			i++
			prev = [2]token{}
			continue
		}
		// A name or a regular token.
		start := i
		i++
		for i < len(obj) && !isSpace(obj[i]) && !isDelim(obj[i]) {
			i++
		}
		word := obj[start:i]
		if c == '/' {
			prev = [2]token{}
			continue
		}
		switch string(word) {
		case "R":
			if prev[0].num && prev[1].num {
				n, err := strconv.Atoi(string(obj[prev[0].start:prev[0].end]))
				if err != nil {
					return nil, err
				}
				out.Write(obj[last:prev[0].start])
				out.WriteString(strconv.Itoa(n + shift))
				last = prev[0].end
			}
			prev = [2]token{}
			continue
		case "stream":
			// The data starts after the end of this line; copy the rest.
			out.Write(obj[last:])
			return out.Bytes(), nil
		case "endobj":
			out.Write(obj[last:])
			return out.Bytes(), nil
		}
		isInt := true
		for _, d := range word {
			if d < '0' || d > '9' {
				isInt = false
			}
		}
		prev = [2]token{prev[1], {start, i, isInt}}
	}
	return nil, errors.New("no endobj")
}

// pdfString is a literal string with the characters PDF needs escaped.
func pdfString(b []byte) string {
	var s bytes.Buffer
	s.WriteByte('(')
	for _, c := range b {
		switch c {
		case '(', ')', '\\':
			s.WriteByte('\\')
			s.WriteByte(c)
		case '\r':
			s.WriteString(`\r`)
		default:
			s.WriteByte(c)
		}
	}
	s.WriteByte(')')
	return s.String()
}

// utf16be is a text string: UTF-16BE with a byte order mark.
func utf16be(s string) []byte {
	out := []byte{0xfe, 0xff}
	for _, r := range s {
		if r >= 0x10000 {
			r -= 0x10000
			hi, lo := 0xd800+(r>>10), 0xdc00+(r&0x3ff)
			out = append(out, byte(hi>>8), byte(hi), byte(lo>>8), byte(lo))
			continue
		}
		out = append(out, byte(r>>8), byte(r))
	}
	return out
}

// asciiName is a file name for readers that only know /F: the name with
// every character outside printable ASCII replaced by "_".
func asciiName(s string) string {
	b := []byte{}
	for _, r := range s {
		if r < 0x20 || r > 0x7e {
			b = append(b, '_')
			continue
		}
		b = append(b, byte(r))
	}
	return string(b)
}
