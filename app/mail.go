package app

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"redress/email"
	"redress/evidence"
	"redress/lang"
	"redress/store"
)

// Emails (docs/CAPTURE.md, "Emails"). Each message of an .eml file or an
// mbox becomes one event: a contact (email, outbound) when the user sent
// it, a response (from the provider) when the user received it. The
// message's bytes are the event's first attachment, exactly as they were
// in the file; its attachments follow, each with its decoded bytes. The
// user's own addresses are those in the complainant's contact details,
// plus any given for the import.

// OwnAddresses are the email addresses written in the case's complainant
// contact ("li.wei@example.cn, +86 138…"): messages from them were sent
// by the user.
func OwnAddresses(c evidence.Case) []string {
	var out []string
	seen := map[string]bool{}
	for _, a := range addrRE.FindAllString(c.Complainant.Contact, -1) {
		if k := strings.ToLower(a); !seen[k] {
			seen[k] = true
			out = append(out, a)
		}
	}
	return out
}

var addrRE = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}`)

// ParseAddresses reads addresses typed in a field (separated by commas,
// semicolons or spaces); anything that is not an address is ignored.
func ParseAddresses(s string) []string {
	return OwnAddresses(evidence.Case{Complainant: evidence.Complainant{Contact: s}})
}

// IsMailFile reports whether path is an email file Redress imports as
// messages: an .eml or .mbox (.mbx) file, or a file without an extension
// that starts like an mbox (Thunderbird's "Inbox").
func IsMailFile(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".eml", ".mbox", ".mbx":
		return true
	case "":
		f, err := os.Open(path)
		if err != nil {
			return false
		}
		defer f.Close()
		line, _ := bufio.NewReader(io.LimitReader(f, 4096)).ReadSlice('\n')
		return email.IsMbox(line)
	}
	return false
}

// MailOptions adjusts an email import.
type MailOptions struct {
	// Own are the user's addresses besides those of the case's contact.
	Own []string
}

// MailFile is what became of one file.
type MailFile struct {
	Path     string
	Messages []MailMessage
	Err      error // the file could not be read at all (nothing was added from it)
}

// Added counts the messages stored as new events.
func (f MailFile) Added() int {
	n := 0
	for _, m := range f.Messages {
		if m.Err == nil && m.Duplicate == "" {
			n++
		}
	}
	return n
}

// MailMessage is what became of one message.
type MailMessage struct {
	Index   int    // position in an mbox, from 1; 0 for an .eml file
	Subject string // decoded
	From    string
	Sent    bool           // sent by the user: a contact; else a response
	Event   evidence.Event // the event stored (empty for a duplicate or an error)
	// Duplicate is the event that holds this message already (same
	// Message-ID or, without one, same date, sender, subject and body):
	// nothing was stored.
	Duplicate         string
	DuplicateArchived bool
	DateFromFile      bool     // no usable Date header: the file's time was used
	Left              []string // attachments left out (empty, or larger than the limit; still inside the message)
	Err               error
}

// ImportEmails stores the messages of .eml and mbox files in a case, one
// event each. A file or message that cannot be read is reported and the
// others go on; a message the case holds already is reported as a
// duplicate and not stored again. done, when not nil, is called after each
// file.
func (a *App) ImportEmails(ctx context.Context, caseRef string, paths []string, opts MailOptions, done func(MailFile)) ([]MailFile, error) {
	if len(paths) == 0 {
		return nil, lang.E("mail.no-files")
	}
	id, err := a.store.ResolveCase(ctx, caseRef)
	if err != nil {
		return nil, err
	}
	c, err := a.store.Case(ctx, id)
	if err != nil {
		return nil, err
	}
	own := append(OwnAddresses(c), opts.Own...)
	out := make([]MailFile, 0, len(paths))
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		f := a.importMailFile(ctx, id, p, own)
		out = append(out, f)
		if done != nil {
			done(f)
		}
	}
	return out, nil
}

func (a *App) importMailFile(ctx context.Context, caseID, path string, own []string) MailFile {
	res := MailFile{Path: path}
	// A mailbox may be larger than one attachment may be: each message
	// is checked on its own.
	var le *lang.Error
	if check := a.checkFile(path); check.Err != nil && !(errors.As(check.Err, &le) && le.Key == "file.too-big") {
		res.Err = check.Err
		return res
	}
	st, err := os.Stat(path)
	if err != nil {
		res.Err = lang.Wrap(err, "file.unreadable", "file", path)
		return res
	}
	modTime := st.ModTime().In(a.loc)
	f, err := os.Open(path)
	if err != nil {
		res.Err = lang.Wrap(err, "file.unreadable", "file", path)
		return res
	}
	defer f.Close()
	name := filepath.Base(path)
	br := bufio.NewReaderSize(f, 64<<10)
	first, _ := br.Peek(4096)
	if !email.IsMbox(first) {
		data, err := io.ReadAll(io.LimitReader(br, email.MaxMessageBytes+1))
		if err != nil {
			res.Err = lang.Wrap(err, "file.unreadable", "file", path)
			return res
		}
		m, err := email.Parse(name, data)
		if err != nil {
			res.Err = err
			return res
		}
		res.Messages = append(res.Messages, a.storeMail(ctx, caseID, m, 0, name, modTime, own))
		return res
	}
	mb := email.NewMbox(br, name)
	for i := 1; ; i++ {
		if err := ctx.Err(); err != nil {
			res.Err = err
			return res
		}
		m, err := mb.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		var ee *email.Error
		if err != nil && errors.As(err, &ee) && ee.Index > 0 {
			res.Messages = append(res.Messages, MailMessage{Index: ee.Index, Err: err})
			continue
		}
		if err != nil {
			if len(res.Messages) == 0 {
				res.Err = err
			} else {
				res.Messages = append(res.Messages, MailMessage{Index: i, Err: err})
			}
			break
		}
		exhibit := strings.TrimSuffix(name, filepath.Ext(name)) + "-" + strconv.Itoa(i) + ".eml"
		res.Messages = append(res.Messages, a.storeMail(ctx, caseID, m, i, exhibit, modTime, own))
	}
	return res
}

// storeMail stores one message as an event with its files.
func (a *App) storeMail(ctx context.Context, caseID string, m *email.Message, index int, exhibit string, modTime time.Time, own []string) MailMessage {
	r := MailMessage{Index: index, Subject: m.Subject}
	if len(m.From) > 0 {
		r.From = m.From[0].String()
	}
	r.Sent = email.Direction(m, own) == email.Outbound
	at := m.Date
	if at.IsZero() || at.Year() < 1970 || at.After(a.now().AddDate(1, 0, 0)) {
		at, r.DateFromFile = modTime, true
		if at.IsZero() {
			at = a.now().In(a.loc)
		}
	}
	body, cut := mailText(m.Body, evidence.MaxLong)
	mail := &evidence.Mail{Subject: oneLine(m.Subject, evidence.MaxLong), MessageID: oneLine(m.MessageID, evidence.MaxShort),
		Key: email.Key(m), Date: oneLine(m.DateText, evidence.MaxShort), DateFromFile: r.DateFromFile,
		BodyFromHTML: m.BodyFromHTML, BodyCut: cut}
	if len(m.From) > 0 {
		mail.From = oneLine(m.From[0].String(), evidence.MaxShort)
	}
	for _, t := range m.To {
		mail.To = append(mail.To, oneLine(t.String(), evidence.MaxShort))
	}
	for _, t := range m.Cc {
		mail.Cc = append(mail.Cc, oneLine(t.String(), evidence.MaxShort))
	}
	summary, _ := mailText(m.Subject, evidence.MaxLong)
	e := evidence.Event{CaseID: caseID, At: at, Summary: summary, Notes: body, Email: mail}
	if r.Sent {
		e.Kind = evidence.KindContact
		e.Contact = &evidence.Contact{Channel: evidence.Email, Direction: evidence.Outbound}
		if len(m.To) > 0 {
			e.Contact.Agent = oneLine(cmpOr(m.To[0].Name, m.To[0].Addr), evidence.MaxShort)
		}
	} else {
		e.Kind = evidence.KindResponse
		e.Response = &evidence.Response{From: evidence.ToProvider}
		if len(m.From) > 0 {
			e.Response.Name = oneLine(cmpOr(m.From[0].Name, m.From[0].Addr), evidence.MaxShort)
		}
	}
	original := m.Original
	files := []store.File{{Name: exhibit, MediaType: "message/rfc822",
		Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(original)), nil }}}
	if int64(len(original)) > a.MaxAttachment() {
		r.Err = lang.E("file.too-big", "file", exhibit, "limit", sizeText(a.MaxAttachment()))
		return r
	}
	for _, att := range m.Attachments {
		data := att.Data
		name := oneLine(att.Name, evidence.MaxShort)
		if len(data) == 0 || int64(len(data)) > a.MaxAttachment() {
			r.Left = append(r.Left, name)
			continue
		}
		files = append(files, store.File{Name: name, Taken: a.Taken(data, time.Time{}),
			Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }})
	}
	err := a.store.AddEvent(ctx, &e, files)
	var dup *store.DuplicateMail
	switch {
	case errors.As(err, &dup):
		r.Duplicate, r.DuplicateArchived = dup.EventID, dup.Archived
	case err != nil:
		r.Err = err
	default:
		r.Event = e
	}
	return r
}

func cmpOr(a, b string) string {
	if strings.TrimSpace(a) != "" {
		return a
	}
	return b
}

// mailText makes a message's text fit a multi-line field: valid UTF-8,
// line ends as "\n", no control characters but tabs and line ends, at
// most max characters (cut reports that the end was left out).
func mailText(s string, max int) (string, bool) {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	n := 0
	cut := false
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
		case r == '\r':
			r = '\n'
		case r < 0x20 || (r >= 0x7f && r < 0xa0):
			r = ' '
		}
		if n == max-1 && utf8.RuneCountInString(s) > max {
			b.WriteRune('…')
			cut = true
			break
		}
		b.WriteRune(r)
		n++
	}
	return strings.TrimSpace(b.String()), cut
}

// oneLine makes text fit a single-line field: control and direction
// characters become spaces, at most max characters.
func oneLine(s string, max int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	n := 0
	for _, r := range s {
		if r < 0x20 || (r >= 0x7f && r < 0xa0) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			r = ' '
		}
		if n == max {
			break
		}
		b.WriteRune(r)
		n++
	}
	return strings.TrimSpace(b.String())
}
