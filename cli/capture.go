package cli

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"redress/app"
	"redress/evidence"
	"redress/lang"
	"redress/screen"
)

// readClipboard reads the clipboard (package screen: pure Go on Linux and
// Windows; on macOS it needs the cgo build the desktop app has anyway, and
// says "cannot read the clipboard here" without it). Tests replace it.
var readClipboard = screen.Clipboard

// attachClipboard is `attach CASE --from-clipboard`: the picture on the
// clipboard, stored exactly as the clipboard gave it (or, when it offered
// only another format, converted to PNG and labelled so).
func (r *runner) attachClipboard(caseRef string, caption string) error {
	clip, err := readClipboard()
	if err != nil {
		return err
	}
	if !clip.IsImage() {
		return lang.E("cli.clipboard-text", "case", caseRef)
	}
	a, err := r.open()
	if err != nil {
		return err
	}
	defer a.Close()
	p := app.Picture{PNG: clip.PNG, Source: evidence.TakenClipboard, Caption: caption}
	if clip.Converted {
		p.ConvertedFrom = clip.From
	}
	e, err := a.AttachPicture(r.ctx, caseRef, p)
	if err != nil {
		return err
	}
	if clip.Converted {
		fmt.Fprintln(r.errw, r.l.T("cli.clipboard-converted", "format", clip.From))
	}
	r.printf("%s\n", e.ID)
	return nil
}

// mailJSON is one file of `import-email --json`.
type mailJSON struct {
	File     string        `json:"file"`
	Error    string        `json:"error,omitempty"`
	Messages []messageJSON `json:"messages"`
}

type messageJSON struct {
	Index        int      `json:"index,omitempty"`
	Subject      string   `json:"subject"`
	From         string   `json:"from"`
	Sent         bool     `json:"sent"`
	EventID      string   `json:"event_id,omitempty"`
	Kind         string   `json:"kind,omitempty"`
	At           string   `json:"at,omitempty"`
	DuplicateOf  string   `json:"duplicate_of,omitempty"`
	DateFromFile bool     `json:"date_from_file,omitempty"`
	LeftOut      []string `json:"left_out,omitempty"`
	Error        string   `json:"error,omitempty"`
}

// importEmail is `import-email CASE FILE... [--me ADDR]... [--json]`.
func (r *runner) importEmail(args []string) error {
	f := newFlags("import-email")
	asJSON := f.boolean("json")
	me := f.list("me")
	pos, err := f.parse(args, -1, "CASE", "FILE")
	if err != nil {
		return err
	}
	if len(pos) < 2 {
		return usage("cli.missing-arg", "arg", "FILE", "command", "import-email")
	}
	var own []string
	for _, m := range *me {
		got := app.ParseAddresses(m)
		if len(got) == 0 {
			return usage("cli.bad-address", "value", m)
		}
		own = append(own, got...)
	}
	a, err := r.open()
	if err != nil {
		return err
	}
	defer a.Close()
	files, err := a.ImportEmails(r.ctx, pos[0], pos[1:], app.MailOptions{Own: own}, nil)
	if err != nil {
		return err
	}
	failed := 0
	out := make([]mailJSON, 0, len(files))
	for _, file := range files {
		j := mailJSON{File: file.Path, Messages: []messageJSON{}}
		if file.Err != nil {
			failed++
			j.Error = r.l.Err(file.Err)
			fmt.Fprintln(r.errw, evidence.Printable(j.Error))
		}
		for _, m := range file.Messages {
			mj := messageJSON{Index: m.Index, Subject: m.Subject, From: m.From, Sent: m.Sent, DuplicateOf: m.Duplicate,
				DateFromFile: m.DateFromFile, LeftOut: m.Left}
			if m.Event.ID != "" {
				mj.EventID, mj.Kind, mj.At = m.Event.ID, string(m.Event.Kind), m.Event.At.Format("2006-01-02T15:04:05Z07:00")
			}
			if m.Err != nil {
				failed++
				mj.Error = r.l.Err(m.Err)
				fmt.Fprintln(r.errw, evidence.Printable(mj.Error))
			}
			j.Messages = append(j.Messages, mj)
			if !*asJSON {
				r.printMessage(file.Path, m)
			}
		}
		out = append(out, j)
	}
	if *asJSON {
		if err := r.json(out); err != nil {
			return err
		}
	}
	if failed > 0 {
		return lang.E("cli.import-email-failed", "n", strconv.Itoa(failed))
	}
	return nil
}

// printMessage is one line of `import-email`: what became of a message.
func (r *runner) printMessage(path string, m app.MailMessage) {
	where := filepath.Base(path)
	if m.Index > 0 {
		where += " #" + strconv.Itoa(m.Index)
	}
	subject := m.Subject
	if subject == "" {
		subject = "-"
	}
	var status string
	switch {
	case m.Err != nil:
		return // said on stderr
	case m.Duplicate != "":
		status = r.l.T("cli.mail-duplicate", "id", m.Duplicate[:8])
	default:
		status = r.l.T("cli.mail-added", "id", m.Event.ID[:8], "kind", r.l.Label("kind", string(m.Event.Kind)),
			"at", m.Event.At.Format(TimeLayout))
		if m.DateFromFile {
			status += " " + r.l.T("cli.mail-date-from-file")
		}
		if len(m.Left) > 0 {
			status += " " + r.l.T("cli.mail-left-out", "names", strings.Join(m.Left, ", "))
		}
	}
	r.printf("%s\n", evidence.Printable(strings.Join([]string{where, status, subject}, "  ")))
}

// takenRows are the `event show` lines of an event's capture times.
func (r *runner) takenRows(t *table, e evidence.Event, a *app.App) {
	zone := a.CaseZone(r.ctx, e.CaseID)
	for _, at := range e.Attachments {
		if at.Taken == nil {
			continue
		}
		line := r.l.T("taken.time-how", "time", app.TakenTime(*at.Taken, zone), "how", app.TakenHow(r.l, *at.Taken, zone))
		t.row(r.l.T("cli.label", "label", r.l.T("field.taken")), at.Name+": "+line)
	}
}
