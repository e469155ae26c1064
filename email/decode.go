package email

import (
	"bytes"
	"encoding/base64"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// charsetFor finds the decoder for a charset label: the WHATWG table first
// (what mail programs mean in practice: GB2312 → GBK, ISO-8859-1 →
// windows-1252, Big5 → Big5-HKSCS), then IANA's MIME names. nil means
// UTF-8 (or ASCII); ok is false for a label nobody knows.
func charsetFor(label string) (enc encoding.Encoding, ok bool) {
	l := strings.ToLower(strings.Trim(strings.TrimSpace(label), `"'`))
	switch l {
	case "", "utf-8", "utf8", "us-ascii", "ascii", "ansi_x3.4-1968", "x-unknown", "unknown-8bit":
		return nil, true
	case "gb2312", "gbk", "cp936", "x-gbk", "euc-cn", "x-euc-cn", "gb_2312-80", "csgb2312", "windows-936":
		return simplifiedchinese.GBK, true
	case "gb18030":
		return simplifiedchinese.GB18030, true
	}
	if e, err := htmlindex.Get(l); err == nil && e != nil {
		if name, _ := htmlindex.Name(e); name == "utf-8" {
			return nil, true
		}
		return e, true
	}
	if e, err := ianaindex.MIME.Encoding(l); err == nil && e != nil {
		return e, true
	}
	return nil, false
}

// decodeCharset turns bytes in a charset into UTF-8 text. An unknown
// charset, or bytes that are not valid in UTF-8 when it claims UTF-8, are
// read as well as can be: valid UTF-8 stays, anything else is read as
// windows-1252 so that no byte silently disappears.
func decodeCharset(b []byte, label string) string {
	if strings.TrimSpace(label) == "" && !utf8.Valid(b) {
		return guess8bit(string(b))
	}
	enc, ok := charsetFor(label)
	if ok && enc != nil {
		out, err := enc.NewDecoder().Bytes(b)
		if err == nil {
			return string(out)
		}
	}
	if utf8.Valid(b) {
		return string(b)
	}
	if ok && enc == nil {
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	out, _ := charmap.Windows1252.NewDecoder().Bytes(b)
	return string(out)
}

// fix8bit repairs a header value sent as raw 8-bit bytes instead of
// encoded words: the message's own charset when it names one, else GB18030
// when that reads every byte cleanly, else windows-1252.
func fix8bit(s, fallback string) string {
	if utf8.ValidString(s) {
		return s
	}
	if enc, ok := charsetFor(fallback); ok && enc != nil {
		if out, err := enc.NewDecoder().String(s); err == nil && !strings.ContainsRune(out, utf8.RuneError) {
			return out
		}
	}
	return guess8bit(s)
}

// guess8bit reads 8-bit text whose charset nobody declared: as GB18030
// (a superset of GBK and GB2312) when every byte reads cleanly and the
// result has Chinese in it — the usual case for mail Redress sees — and as
// windows-1252 otherwise, so that no byte is lost.
func guess8bit(s string) string {
	if out, err := simplifiedchinese.GB18030.NewDecoder().String(s); err == nil &&
		!strings.ContainsRune(out, utf8.RuneError) && hasHan(out) {
		return out
	}
	out, _ := charmap.Windows1252.NewDecoder().String(s)
	return out
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// decodeWords decodes RFC 2047 encoded words ("=?GBK?B?...?=") in a header
// value. Adjacent words of one charset separated only by white space are
// joined before their charset is decoded, so a character split across two
// words (as some mailers do) comes out whole. Malformed words stay as they
// are.
func decodeWords(s, fallback string) string {
	if !strings.Contains(s, "=?") {
		return fix8bit(s, fallback)
	}
	var out strings.Builder
	var pending []byte // decoded bytes of the current run of words
	pendingCharset := ""
	flush := func() {
		if pendingCharset != "" {
			out.WriteString(decodeCharset(pending, pendingCharset))
		}
		pending, pendingCharset = pending[:0], ""
	}
	i := 0
	for i < len(s) {
		start := strings.Index(s[i:], "=?")
		if start < 0 {
			flush()
			out.WriteString(fix8bit(s[i:], fallback))
			break
		}
		start += i
		charset, raw, end, ok := parseWord(s, start)
		if !ok {
			flush()
			out.WriteString(fix8bit(s[i:start+2], fallback))
			i = start + 2
			continue
		}
		gap := s[i:start]
		if pendingCharset != "" && strings.TrimSpace(gap) == "" && strings.EqualFold(charset, pendingCharset) {
			pending = append(pending, raw...) // white space between words is dropped
		} else {
			if pendingCharset != "" && strings.TrimSpace(gap) == "" {
				flush() // white space between words of different charsets is dropped too
			} else {
				flush()
				out.WriteString(fix8bit(gap, fallback))
			}
			pending, pendingCharset = append(pending[:0], raw...), charset
		}
		i = end
	}
	flush()
	return out.String()
}

// parseWord reads the encoded word starting at s[start] ("=?"): its
// charset (without any RFC 2231 "*lang" suffix), its decoded bytes and
// where it ends.
func parseWord(s string, start int) (charset string, raw []byte, end int, ok bool) {
	rest := s[start+2:]
	q1 := strings.IndexByte(rest, '?')
	if q1 <= 0 || q1+3 > len(rest) || rest[q1+2] != '?' {
		return "", nil, 0, false
	}
	charset = rest[:q1]
	if star := strings.IndexByte(charset, '*'); star >= 0 {
		charset = charset[:star]
	}
	enc := rest[q1+1]
	text := rest[q1+3:]
	close := strings.Index(text, "?=")
	if close < 0 || strings.ContainsAny(text[:close], " \t\r\n") {
		return "", nil, 0, false
	}
	text = text[:close]
	switch enc {
	case 'B', 'b':
		raw = decodeBase64([]byte(text))
	case 'Q', 'q':
		raw = decodeQ(text)
	default:
		return "", nil, 0, false
	}
	end = start + 2 + q1 + 3 + close + 2
	return charset, raw, end, true
}

// decodeQ decodes the "Q" encoding of RFC 2047: quoted-printable with "_"
// for a space.
func decodeQ(s string) []byte {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '_':
			b = append(b, ' ')
		case c == '=' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b = append(b, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
		default:
			b = append(b, c)
		}
	}
	return b
}

// decodeBase64 decodes base64 leniently, as mail programs must: characters
// outside the alphabet (line breaks, spaces) are skipped, padding is
// optional, and a dangling last character is dropped.
func decodeBase64(in []byte) []byte {
	clean := make([]byte, 0, len(in))
	for _, c := range in {
		switch {
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '+', c == '/':
			clean = append(clean, c)
		case c == '-':
			clean = append(clean, '+') // URL-safe alphabet, seen in the wild
		case c == '_':
			clean = append(clean, '/')
		}
	}
	if len(clean)%4 == 1 {
		clean = clean[:len(clean)-1]
	}
	out := make([]byte, base64.RawStdEncoding.DecodedLen(len(clean)))
	n, _ := base64.RawStdEncoding.Decode(out, clean)
	return out[:n]
}

// decodeQP decodes quoted-printable leniently: "=XY" is a byte, "=" at the
// end of a line (after optional white space) joins lines, and any other
// "=" is kept as it is.
func decodeQP(in []byte) []byte {
	out := make([]byte, 0, len(in))
	for i := 0; i < len(in); i++ {
		c := in[i]
		if c != '=' {
			out = append(out, c)
			continue
		}
		if i+2 < len(in) && isHex(in[i+1]) && isHex(in[i+2]) {
			out = append(out, unhex(in[i+1])<<4|unhex(in[i+2]))
			i += 2
			continue
		}
		j := i + 1
		for j < len(in) && (in[j] == ' ' || in[j] == '\t') {
			j++
		}
		switch {
		case j == len(in):
			i = j - 1 // soft break at the very end
		case in[j] == '\n':
			i = j
		case in[j] == '\r' && j+1 < len(in) && in[j+1] == '\n':
			i = j + 1
		case j+1 == len(in) && (in[j] == '\r'):
			i = j
		default:
			out = append(out, c)
		}
	}
	return out
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'F' || c >= 'a' && c <= 'f'
}

func unhex(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	default:
		return c - 'A' + 10
	}
}

// decodeTransfer undoes a Content-Transfer-Encoding. Unknown encodings
// (7bit, 8bit, binary and anything else) leave the bytes as they are.
func decodeTransfer(b []byte, cte string) []byte {
	switch strings.ToLower(strings.TrimSpace(cte)) {
	case "base64":
		return decodeBase64(b)
	case "quoted-printable":
		return decodeQP(b)
	}
	return b
}

// headerParams splits a structured header value ("text/plain;
// charset=gbk", "attachment; filename*=UTF-8”%E5%90%88") into its value
// (lower case) and parameters (names lower case, values decoded). It reads
// quoted and unquoted values, RFC 2231 extended values in any charset and
// their continuations, and RFC 2047 words inside quoted values as sent by
// many mailers. It never fails: what cannot be read is left out.
func headerParams(s, fallback string) (string, map[string]string) {
	value, rest, _ := strings.Cut(s, ";")
	value = strings.ToLower(strings.TrimSpace(value))
	params := map[string]string{}
	type piece struct {
		n        int
		extended bool
		val      string
	}
	pieces := map[string][]piece{}
	for rest != "" {
		rest = strings.TrimLeft(rest, " \t\r\n;")
		if rest == "" {
			break
		}
		eq := strings.IndexAny(rest, "=;")
		if eq < 0 {
			break
		}
		if rest[eq] == ';' {
			rest = rest[eq:]
			continue // a name without a value
		}
		name := strings.ToLower(strings.TrimSpace(rest[:eq]))
		rest = strings.TrimLeft(rest[eq+1:], " \t\r\n")
		var val string
		if strings.HasPrefix(rest, `"`) {
			var b strings.Builder
			i := 1
			for ; i < len(rest) && rest[i] != '"'; i++ {
				if rest[i] == '\\' && i+1 < len(rest) {
					i++
				}
				b.WriteByte(rest[i])
			}
			val = b.String()
			if i < len(rest) {
				i++
			}
			rest = rest[i:]
			if semi := strings.IndexByte(rest, ';'); semi >= 0 {
				rest = rest[semi:]
			} else {
				rest = ""
			}
		} else {
			semi := strings.IndexByte(rest, ';')
			if semi < 0 {
				semi = len(rest)
			}
			val, rest = strings.TrimSpace(rest[:semi]), rest[semi:]
		}
		if name == "" {
			continue
		}
		base, ext := name, false
		if strings.HasSuffix(base, "*") {
			base, ext = strings.TrimSuffix(base, "*"), true
		}
		n := -1
		if star := strings.LastIndexByte(base, '*'); star > 0 {
			if k, err := strconv.Atoi(base[star+1:]); err == nil && k >= 0 && k < 1000 {
				base, n = base[:star], k
			}
		}
		if n < 0 && !ext {
			params[base] = decodeWords(val, fallback)
			continue
		}
		if n < 0 {
			n = 0
		}
		pieces[base] = append(pieces[base], piece{n, ext, val})
	}
	for base, ps := range pieces {
		sort.SliceStable(ps, func(i, j int) bool { return ps[i].n < ps[j].n })
		charset := ""
		var raw []byte
		for i, p := range ps {
			if i > 0 && p.n == ps[i-1].n {
				continue // a repeated piece: keep the first
			}
			v := p.val
			if p.extended {
				if i == 0 {
					if parts := strings.SplitN(v, "'", 3); len(parts) == 3 {
						charset, v = parts[0], parts[2]
					}
				}
				raw = append(raw, unpercent(v)...)
			} else {
				raw = append(raw, v...)
			}
		}
		if charset == "" {
			params[base] = decodeWords(string(raw), fallback)
		} else {
			params[base] = decodeCharset(raw, charset)
		}
	}
	return value, params
}

func unpercent(s string) []byte {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			b = append(b, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
			continue
		}
		b = append(b, s[i])
	}
	return b
}

// lineEnds turns CRLF and lone CR into LF.
func lineEnds(b []byte) []byte {
	if !bytes.ContainsRune(b, '\r') {
		return b
	}
	b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(b, []byte("\r"), []byte("\n"))
}
