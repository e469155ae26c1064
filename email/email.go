// Package email reads saved emails — single .eml files and mbox mailboxes —
// into messages Redress can file as evidence: the date with the sender's
// offset, the addresses, subject, Message-ID and thread references, a
// plain-text body, the attachments with their bytes, and the message's
// original bytes.
//
// Header and multipart structure are read with github.com/emersion/go-message
// (its textproto layer); transfer encodings, charsets and RFC 2047/2231
// words are decoded here, so that the result never depends on a
// process-wide charset hook, attachments keep their exact bytes, and
// encoded words split in the middle of a character still come out whole.
// Charset labels follow the WHATWG table used by browsers (GB2312 is read
// as GBK, ISO-8859-1 as windows-1252), which is what mail programs send in
// practice.
//
// Nothing here panics on bad input: a file that is not an email gives an
// *Error naming the file and what is wrong, in the user's language via
// package lang.
package email

import (
	"crypto/sha256"
	"encoding/hex"
	"net/mail"
	"strings"
	"time"
)

// Message is one email.
type Message struct {
	// Date is the Date header with the sender's own UTC offset; zero when
	// the header is missing or unreadable (DateText then says what it was).
	Date     time.Time
	DateText string

	From, To, Cc []Address
	Subject      string

	// MessageID, InReplyTo and References are message identifiers without
	// their angle brackets.
	MessageID  string
	InReplyTo  []string
	References []string

	// Body is the message's text: its text/plain parts, or the text of its
	// HTML part when that is the only body (BodyFromHTML is then true).
	Body         string
	BodyFromHTML bool

	// Attachments are the files in the message, inline images and
	// forwarded messages (message/rfc822, named after their subject) too.
	Attachments []Attachment

	// Original is the message exactly as it was stored: the whole file for
	// an .eml, the message with its mbox "From " quoting undone for an mbox.
	Original []byte
}

// Address is a mailbox: a display name (decoded) and the address itself.
type Address struct {
	Name string
	Addr string
}

// String formats the address as `Name <addr>`, or the bare address when
// there is no name.
func (a Address) String() string {
	if a.Name == "" {
		return a.Addr
	}
	return a.Name + " <" + a.Addr + ">"
}

// Attachment is a file carried by a message.
type Attachment struct {
	// Name is the file name the sender gave (decoded, without any folder
	// part), or one made up from the part's position and media type.
	Name      string
	MediaType string // lower case, without parameters: "image/png"
	Data      []byte // the decoded bytes, exactly as sent
	Inline    bool   // shown in the body (Content-Disposition: inline or a Content-ID)
	ContentID string // without angle brackets, for inline images
}

// Dir says whether a message was sent by the user or to the user.
type Dir string

// The two directions of a message.
const (
	Inbound  Dir = "inbound"
	Outbound Dir = "outbound"
)

// Direction is Outbound when one of the message's From addresses is one of
// the user's own addresses, Inbound otherwise. Addresses compare without
// regard to case, display names ("Li Wei <li@example.com>") are ignored and
// a "+tag" in the local part ("li+shop@example.com") matches the address
// without it.
func Direction(m *Message, own []string) Dir {
	mine := map[string]bool{}
	for _, o := range own {
		if a := canonicalAddr(o); a != "" {
			mine[a] = true
		}
	}
	for _, f := range m.From {
		if mine[canonicalAddr(f.Addr)] {
			return Outbound
		}
	}
	return Inbound
}

// canonicalAddr lowers an address, drops a display name and a "+tag".
func canonicalAddr(s string) string {
	s = strings.TrimSpace(s)
	if a, err := mail.ParseAddress(s); err == nil {
		s = a.Address
	}
	s = strings.ToLower(strings.Trim(s, "<> \t"))
	at := strings.LastIndexByte(s, '@')
	if at <= 0 {
		return s
	}
	local, domain := s[:at], s[at:]
	if plus := strings.IndexByte(local, '+'); plus > 0 {
		local = local[:plus]
	}
	return local + domain
}

// Key is a stable identity for duplicate detection: "id:" and the
// Message-ID (brackets, spaces and case dropped) when there is one, else
// "sha256:" and a hash of the date (as an instant), the From addresses,
// the subject and the body with line ends and trailing spaces normalised,
// so two saved copies of one message share a key.
func Key(m *Message) string {
	if id := normalID(m.MessageID); id != "" {
		return "id:" + id
	}
	h := sha256.New()
	if !m.Date.IsZero() {
		h.Write([]byte(m.Date.UTC().Format(time.RFC3339)))
	} else {
		h.Write([]byte(strings.TrimSpace(m.DateText)))
	}
	h.Write([]byte{0})
	for _, f := range m.From {
		h.Write([]byte(canonicalAddr(f.Addr)))
		h.Write([]byte{1})
	}
	h.Write([]byte{0})
	h.Write([]byte(strings.TrimSpace(m.Subject)))
	h.Write([]byte{0})
	h.Write([]byte(normalBody(m.Body)))
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

func normalID(id string) string {
	id = strings.TrimSpace(id)
	id = strings.TrimPrefix(id, "<")
	id = strings.TrimSuffix(id, ">")
	return strings.ToLower(strings.Join(strings.Fields(id), ""))
}

func normalBody(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t\r")
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}
