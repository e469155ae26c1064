package email

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"mime"
	"net/mail"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	gomessage "github.com/emersion/go-message"
	gomail "github.com/emersion/go-message/mail"
	"github.com/emersion/go-message/textproto"
	htmlcharset "golang.org/x/net/html/charset"
)

// Limits that keep a hostile or broken file from exhausting the machine.
const (
	MaxDepth        = 32        // multipart levels inside one another
	MaxMessageBytes = 256 << 20 // one message (a whole mbox may be larger)
)

// Parse reads one email: the bytes of an .eml file (a leading mbox "From "
// line is tolerated). name is the file's name as the user knows it; it is
// used only in errors. The message's Original is data itself.
func Parse(name string, data []byte) (*Message, error) {
	m, p := parse(data)
	if p != "" {
		return nil, &Error{File: name, Problem: p}
	}
	return m, nil
}

// parse is Parse without the file name; a non-empty Problem means failure.
func parse(data []byte) (*Message, Problem) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, ProblemEmpty
	}
	if len(data) > MaxMessageBytes {
		return nil, ProblemTooLarge
	}
	rest := bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if isFromLine(firstLine(rest)) {
		rest = rest[len(firstLine(rest)):]
	}
	h, body, ok := readHeader(rest)
	if !ok {
		return nil, ProblemNotEmail
	}
	m := &Message{Original: data}
	_, ctParams := headerParams(h.Get("Content-Type"), "")
	fallback := ctParams["charset"]
	text := func(key string) string { return strings.TrimSpace(decodeWords(h.Get(key), fallback)) }

	m.Subject = text("Subject")
	m.From = addresses(h.Get("From"), fallback)
	m.To = addresses(strings.Join(h.Values("To"), ", "), fallback)
	m.Cc = addresses(strings.Join(h.Values("Cc"), ", "), fallback)
	m.DateText = text("Date")
	m.Date = parseDate(m.DateText)
	gh := gomail.Header{Header: gomessage.Header{Header: h}}
	if id, err := gh.MessageID(); err == nil && id != "" {
		m.MessageID = id
	} else if ids := msgIDs(h.Get("Message-Id")); len(ids) > 0 {
		m.MessageID = ids[0]
	}
	m.InReplyTo = idList(gh, "In-Reply-To")
	m.References = idList(gh, "References")

	w := &walker{fallback: fallback}
	if !w.walk(h, body, 0) {
		return nil, ProblemTooDeep
	}
	if len(w.plain) > 0 {
		m.Body = strings.Join(w.plain, "\n\n")
	} else if len(w.html) > 0 {
		m.Body, m.BodyFromHTML = htmlText(strings.Join(w.html, "\n")), true
	}
	m.Attachments = w.atts
	return m, ""
}

// dateLayouts are dates seen in the wild that RFC 5322 does not allow.
var dateLayouts = []string{
	time.RFC3339,
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -07:00",
	"Mon, 2 Jan 2006 15:04:05 -0700 MST",
	"Mon Jan _2 15:04:05 2006 -0700",
	"Mon, 2 Jan 2006 15:04:05 GMT-07:00",
}

// parseDate reads a Date header keeping its offset; zero when unreadable.
func parseDate(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	if d, err := mail.ParseDate(s); err == nil {
		return d
	}
	for _, l := range dateLayouts {
		if d, err := time.Parse(l, s); err == nil {
			return d
		}
	}
	return time.Time{}
}

func firstLine(b []byte) []byte {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i+1]
	}
	return b
}

// knownFields are header fields only emails have; a file with none of them
// is not an email.
var knownFields = []string{"From", "To", "Cc", "Date", "Subject", "Message-Id", "Mime-Version", "Content-Type", "Received", "Return-Path", "Sender", "Reply-To", "In-Reply-To", "References"}

// headerLine matches a header field's first line: a name of printable
// characters other than the colon, then a colon.
var headerLine = regexp.MustCompile(`^[!-9;-~]+[ \t]*:`)

// readHeader splits a message into its header and body. Lines that are
// neither a field nor the continuation of one are dropped, as mail
// programs do, rather than losing the whole header.
func readHeader(b []byte) (textproto.Header, []byte, bool) {
	var clean bytes.Buffer
	rest := b
	inField := false
	for len(rest) > 0 {
		line := firstLine(rest)
		rest = rest[len(line):]
		trimmed := bytes.TrimRight(line, "\r\n")
		if len(trimmed) == 0 {
			break
		}
		switch {
		case trimmed[0] == ' ' || trimmed[0] == '\t':
			if inField {
				clean.Write(trimmed)
				clean.WriteString("\r\n")
			}
		case headerLine.Match(trimmed):
			clean.Write(trimmed)
			clean.WriteString("\r\n")
			inField = true
		default:
			inField = false
		}
	}
	clean.WriteString("\r\n")
	h, err := textproto.ReadHeader(bufio.NewReader(&clean))
	if err != nil {
		return textproto.Header{}, nil, false
	}
	for _, k := range knownFields {
		if h.Has(k) {
			return h, rest, true
		}
	}
	return textproto.Header{}, nil, false
}

// addresses reads an address list, falling back piece by piece when the
// list as a whole does not follow RFC 5322 (unquoted dots or commas in
// names, raw 8-bit names, missing angle brackets).
func addresses(v, fallback string) []Address {
	v = quoteWords(strings.TrimSpace(v), fallback)
	if v == "" {
		return nil
	}
	p := mail.AddressParser{WordDecoder: &mime.WordDecoder{CharsetReader: charsetReader}}
	if list, err := p.ParseList(fix8bit(v, fallback)); err == nil {
		out := make([]Address, 0, len(list))
		for _, a := range list {
			out = append(out, Address{Name: decodeWords(a.Name, fallback), Addr: a.Address})
		}
		return out
	}
	var out []Address
	for _, piece := range splitList(v) {
		if a, err := p.Parse(fix8bit(piece, fallback)); err == nil {
			out = append(out, Address{Name: decodeWords(a.Name, fallback), Addr: a.Address})
			continue
		}
		addr := bareAddr.FindString(piece)
		if addr == "" {
			continue
		}
		name := strings.Replace(piece, addr, "", 1)
		name = strings.Trim(strings.TrimSpace(name), `"<> `)
		out = append(out, Address{Name: decodeWords(name, fallback), Addr: addr})
	}
	return out
}

// wordRun matches encoded words, alone or in a run separated by white
// space.
var wordRun = regexp.MustCompile(`=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=(?:\s+=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=)*`)

// quoteWords decodes the encoded words of an address header with this
// package's decoder (which joins words split inside a character) and puts
// the text in a quoted string, where net/mail takes any UTF-8. Words that
// are already inside quotes are only decoded.
func quoteWords(v, fallback string) string {
	if !strings.Contains(v, "=?") {
		return v
	}
	var out strings.Builder
	last := 0
	for _, m := range wordRun.FindAllStringIndex(v, -1) {
		text := decodeWords(v[m[0]:m[1]], fallback)
		esc := strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(text)
		out.WriteString(v[last:m[0]])
		if m[0] > 0 && v[m[0]-1] == '"' && m[1] < len(v) && v[m[1]] == '"' {
			out.WriteString(esc)
		} else {
			out.WriteString(`"` + esc + `"`)
		}
		last = m[1]
	}
	out.WriteString(v[last:])
	return out.String()
}

var bareAddr = regexp.MustCompile(`[^\s<>",;:()\[\]]+@[^\s<>",;:()\[\]]+`)

// splitList splits an address list at commas outside quotes and brackets.
func splitList(s string) []string {
	var out []string
	depth, quoted, start := 0, false, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && quoted:
			i++
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '<' || c == '(':
			depth++
		case (c == '>' || c == ')') && depth > 0:
			depth--
		case c == ',' && depth == 0:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// charsetReader lets net/mail decode encoded words in display names with
// this package's charset table.
func charsetReader(label string, r io.Reader) (io.Reader, error) {
	enc, ok := charsetFor(label)
	if !ok {
		return nil, errors.New("unknown charset " + label)
	}
	if enc == nil {
		return r, nil
	}
	return enc.NewDecoder().Reader(r), nil
}

var msgIDPattern = regexp.MustCompile(`<([^<>\s]+)>`)

// msgIDs reads message identifiers leniently: every <...>, or, when there
// are no brackets, the words of the value.
func msgIDs(v string) []string {
	var out []string
	for _, m := range msgIDPattern.FindAllStringSubmatch(v, -1) {
		out = append(out, m[1])
	}
	if len(out) == 0 {
		out = strings.Fields(v)
	}
	return out
}

func idList(h gomail.Header, key string) []string {
	if ids, err := h.MsgIDList(key); err == nil {
		return ids
	}
	return msgIDs(h.Get(key))
}

// walker collects a message's text and attachments while walking its
// MIME tree.
type walker struct {
	fallback    string
	plain, html []string
	atts        []Attachment
}

// walk reads one entity; false means the parts nest too deep.
func (w *walker) walk(h textproto.Header, body []byte, depth int) bool {
	ct := h.Get("Content-Type")
	mt, params := headerParams(ct, w.fallback)
	if mt == "" || !strings.Contains(mt, "/") {
		mt = "text/plain"
	}
	disp, dparams := headerParams(h.Get("Content-Disposition"), w.fallback)
	if strings.HasPrefix(mt, "multipart/") {
		if depth >= MaxDepth {
			return false
		}
		parts := splitParts(body, params["boundary"])
		if parts == nil { // no boundary found: keep the body as text
			w.plain = appendText(w.plain, decodeCharset(body, w.fallback))
			return true
		}
		if mt == "multipart/alternative" {
			return w.alternative(parts, depth)
		}
		for _, p := range parts {
			if !w.walk(p.h, p.body, depth+1) {
				return false
			}
		}
		return true
	}
	data := decodeTransfer(body, h.Get("Content-Transfer-Encoding"))
	name := dparams["filename"]
	if name == "" {
		name = params["name"]
	}
	name = cleanName(name)
	if (mt == "text/plain" || mt == "text/html") && disp != "attachment" && name == "" {
		charset := params["charset"]
		if charset == "" {
			charset = w.fallback
		}
		if charset == "" && mt == "text/html" {
			_, charset, _ = htmlcharset.DetermineEncoding(data, "text/html")
		}
		if mt == "text/html" {
			w.html = append(w.html, decodeCharset(data, charset))
			return true
		}
		text := decodeCharset(data, charset)
		if strings.EqualFold(params["format"], "flowed") {
			text = unflow(text, strings.EqualFold(params["delsp"], "yes"))
		}
		w.plain = appendText(w.plain, text)
		return true
	}
	if name == "" && (mt == "message/rfc822" || mt == "message/global") {
		if ih, _, ok := readHeader(data); ok {
			name = cleanName(decodeWords(ih.Get("Subject"), w.fallback))
			if name != "" {
				name += ".eml"
			}
		}
	}
	cid := strings.Trim(strings.TrimSpace(h.Get("Content-Id")), "<>")
	if name == "" {
		name = "attachment-" + strconv.Itoa(len(w.atts)+1) + extension(mt)
	}
	w.atts = append(w.atts, Attachment{
		Name:      name,
		MediaType: mt,
		Data:      data,
		Inline:    disp == "inline" || (disp == "" && cid != ""),
		ContentID: cid,
	})
	return true
}

// alternative keeps the text of the first alternative that has plain text
// (else the first with HTML) and the attachments of all of them.
func (w *walker) alternative(parts []part, depth int) bool {
	var subs []*walker
	for _, p := range parts {
		s := &walker{fallback: w.fallback}
		if !s.walk(p.h, p.body, depth+1) {
			return false
		}
		subs = append(subs, s)
	}
	var best *walker
	for _, s := range subs {
		if len(s.plain) > 0 {
			best = s
			break
		}
	}
	if best == nil {
		for _, s := range subs {
			if len(s.html) > 0 {
				best = s
				break
			}
		}
	}
	if best != nil {
		w.plain = append(w.plain, best.plain...)
		w.html = append(w.html, best.html...)
	}
	for _, s := range subs {
		for _, a := range s.atts {
			if !hasAttachment(w.atts, a) {
				a.Name = renumber(a.Name, len(w.atts)+1)
				w.atts = append(w.atts, a)
			}
		}
	}
	return true
}

func hasAttachment(list []Attachment, a Attachment) bool {
	for _, b := range list {
		if b.Name == a.Name && b.MediaType == a.MediaType && bytes.Equal(b.Data, a.Data) {
			return true
		}
	}
	return false
}

var madeUpName = regexp.MustCompile(`^attachment-[0-9]+(\.[a-z0-9]+)$`)

// renumber keeps made-up names in step with their position in the message.
func renumber(name string, n int) string {
	if m := madeUpName.FindStringSubmatch(name); m != nil {
		return "attachment-" + strconv.Itoa(n) + m[1]
	}
	return name
}

// unflow joins the lines of a format=flowed text (RFC 3676): a line that
// ends in a space continues on the next line of the same quote depth (the
// space is dropped too when delsp=yes); space-stuffing is undone; the
// signature separator "-- " never flows.
func unflow(s string, delsp bool) string {
	var out []string
	var para strings.Builder
	depth := -1 // quote depth of the open paragraph; -1: none open
	prefix := func(q int) string {
		if q == 0 {
			return ""
		}
		return strings.Repeat(">", q) + " "
	}
	closePara := func() {
		if depth >= 0 {
			line := prefix(depth) + para.String()
			if para.Len() == 0 {
				line = strings.TrimRight(line, " ")
			}
			out = append(out, line)
			para.Reset()
			depth = -1
		}
	}
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSuffix(l, "\r")
		q := len(l) - len(strings.TrimLeft(l, ">"))
		body := strings.TrimPrefix(l[q:], " ")
		flowed := body != "-- " && strings.HasSuffix(body, " ")
		if depth >= 0 && q != depth {
			closePara()
		}
		if flowed && delsp {
			body = body[:len(body)-1]
		}
		para.WriteString(body)
		depth = q
		if !flowed {
			closePara()
		}
	}
	closePara()
	return strings.Join(out, "\n")
}

// appendText adds a text part: line ends as LF, trailing blank lines gone.
func appendText(list []string, s string) []string {
	s = strings.TrimRight(string(lineEnds([]byte(s))), " \t\n")
	if s == "" {
		return list
	}
	return append(list, s)
}

type part struct {
	h    textproto.Header
	body []byte
}

// splitParts reads the parts of a multipart body. A body cut short (no
// closing boundary) keeps the parts read so far; nil means no part at all.
func splitParts(body []byte, boundary string) []part {
	if boundary == "" {
		return nil
	}
	r := textproto.NewMultipartReader(bytes.NewReader(body), boundary)
	var parts []part
	for {
		p, err := r.NextPart()
		if err != nil {
			break
		}
		b, err := io.ReadAll(p)
		parts = append(parts, part{p.Header, b})
		if err != nil {
			break
		}
	}
	return parts
}

// cleanName keeps the last element of a sender-given file name and drops
// control characters, so that no name can point outside a folder.
func cleanName(name string) string {
	name = strings.ReplaceAll(name, `\`, "/")
	name = path.Base("/" + name)
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '/' {
			return -1
		}
		return r
	}, name)
	name = strings.TrimSpace(name)
	if name == "." || name == ".." || name == "/" {
		return ""
	}
	if r := []rune(name); len(r) > 120 {
		name = string(r[:120])
	}
	return name
}

// extension gives made-up attachment names a usable extension.
func extension(mediaType string) string {
	switch mediaType {
	case "image/png":
		return ".png"
	case "image/jpeg", "image/jpg", "image/pjpeg":
		return ".jpg"
	case "image/gif":
		return ".gif"
	case "image/webp":
		return ".webp"
	case "image/heic":
		return ".heic"
	case "application/pdf":
		return ".pdf"
	case "message/rfc822", "message/global":
		return ".eml"
	case "text/plain":
		return ".txt"
	case "text/html":
		return ".html"
	case "text/calendar":
		return ".ics"
	}
	return ".bin"
}
