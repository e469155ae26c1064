package ui

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"redress/app"
	"redress/evidence"
)

// Importing emails (docs/CAPTURE.md, "Emails"): each message of the .eml
// and mbox files chosen or dropped becomes a contact (sent by the user) or
// a response (received), with the message as its first exhibit.

// mailExts are the files the email picker shows unless "all files" is ticked.
var mailExts = map[string]bool{".eml": true, ".mbox": true, ".mbx": true}

// maxMessageLines is how many messages of one file the result lists; a
// mailbox with more says how many more.
const maxMessageLines = 40

// PickEmails lets the user choose .eml and mbox files to import into the
// open case.
func (u *UI) PickEmails() {
	if u.view.caseID == "" {
		u.showError(langError("ui.open-case-first"))
		return
	}
	u.pick(pickEmails, u.ImportEmails)
}

// mailPanel asks whose addresses are the user's, then imports the files
// one by one, showing each file's result as it comes.
type mailPanel struct {
	u        *UI
	caseID   string
	c        evidence.Case
	paths    []string
	own      *entry
	remember *widget.Check
	ask      *fyne.Container // the question about addresses, until the import starts
	asked    *widget.Label   // then what was answered
	rows     []*mailRow
	progress *widget.ProgressBar
	summary  *widget.Label
	shown    *shown
}

// mailRow is one file in the result list.
type mailRow struct {
	path     string
	status   *widget.Label
	icon     *widget.Icon
	messages *fyne.Container
	file     app.MailFile
	done     bool
}

// ImportEmails imports .eml and mbox files into the open case, first
// asking which addresses are the user's (from the case's contact details;
// more can be typed, and kept in them).
func (u *UI) ImportEmails(paths []string) { u.importEmails(paths) }

func (u *UI) importEmails(paths []string) *mailPanel {
	v := u.view
	if v.caseID == "" {
		u.showError(langError("ui.open-case-first"))
		return nil
	}
	if len(paths) == 0 {
		return nil
	}
	p := &mailPanel{u: u, caseID: v.caseID, c: v.c, paths: paths}
	p.own = u.newEntry(u.T("ui.eg", "example", "li.wei@example.cn"))
	p.own.SetText(strings.Join(app.OwnAddresses(v.c), ", "))
	p.remember = widget.NewCheck(u.T("ui.mail-remember"), nil)
	p.remember.SetChecked(true)
	p.progress = widget.NewProgressBar()
	p.progress.Max = float64(len(paths))
	p.summary = wrapped(u.N("ui.mail-files", len(paths)))
	list := container.NewVBox()
	for _, path := range paths {
		r := &mailRow{path: path, icon: widget.NewIcon(theme.MailComposeIcon()), messages: container.NewVBox()}
		name := widget.NewLabelWithStyle(filepath.Base(path), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		name.Truncation = fyne.TextTruncateEllipsis
		r.status = wrapped(u.T("ui.waiting"))
		r.status.Importance = widget.LowImportance
		p.rows = append(p.rows, r)
		list.Add(container.NewBorder(nil, nil, container.NewVBox(r.icon), nil, container.NewVBox(name, r.status, r.messages)))
		list.Add(widget.NewSeparator())
	}
	hint := wrapped(u.T("ui.mail-own-hint"))
	hint.Importance = widget.LowImportance
	p.ask = container.NewVBox(bold(u.T("ui.mail-own")), p.own, hint, p.remember)
	p.asked = wrapped("")
	p.asked.Hide()
	top := container.NewVBox(p.summary, p.ask, p.asked, p.progress)
	content := container.NewBorder(top, nil, nil, nil, container.NewVScroll(list))
	p.shown = u.modal(u.T("ui.mail-title"), content, u.T("ui.mail-import"), p.start, fyne.NewSize(660, 600))
	u.cap.mail = p
	return p
}

// start imports, once: the button then closes the finished panel.
func (p *mailPanel) start(close func()) {
	u := p.u
	if p.shown.save != nil && p.shown.save.Text == u.T("ui.close") {
		close()
		return
	}
	own := app.ParseAddresses(p.own.Text)
	if strings.TrimSpace(p.own.Text) != "" && len(own) == 0 {
		u.notice(u.T("ui.error-title"), u.T("ui.mail-bad-address", "value", p.own.Text))
		return
	}
	p.ask.Hide()
	if len(own) == 0 {
		p.asked.SetText(u.T("ui.mail-own-none"))
	} else {
		p.asked.SetText(u.T("ui.mail-own-used", "addresses", strings.Join(own, ", ")))
	}
	p.asked.Show()
	if p.shown.save != nil {
		p.shown.save.Disable()
	}
	known := app.OwnAddresses(p.c)
	var added []string
	for _, a := range own {
		if !containsFold(known, a) {
			added = append(added, a)
		}
	}
	remember := p.remember.Checked && len(added) > 0
	c := p.c
	u.async(func(ctx context.Context) error {
		if remember {
			contact := strings.TrimSpace(c.Complainant.Contact)
			if contact != "" {
				contact += ", "
			}
			c.Complainant.Contact = contact + strings.Join(added, ", ")
			if err := u.svc.UpdateCase(ctx, &c); err != nil {
				return err
			}
		}
		i := 0
		_, err := u.svc.ImportEmails(ctx, p.caseID, p.paths, app.MailOptions{Own: own}, func(f app.MailFile) {
			r := p.rows[i]
			i++
			done := i
			u.do(func() {
				r.file, r.done = f, true
				p.showRow(r)
				p.progress.SetValue(float64(done))
				u.view.reloadTimeline()
			})
		})
		return err
	}, func(err error) {
		if remember && err == nil {
			u.view.c = c
			u.view.showHeader()
		}
		if err != nil {
			u.showError(err)
		}
		p.finish()
	})
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// showRow fills a file's row with what became of it.
func (p *mailPanel) showRow(r *mailRow) {
	u := p.u
	f := r.file
	if f.Err != nil {
		r.status.SetText(u.l.Err(f.Err))
		r.status.Importance = widget.DangerImportance
		r.icon.SetResource(theme.ErrorIcon())
		r.status.Refresh()
		return
	}
	sent, received, dup, failed := 0, 0, 0, 0
	for i, m := range f.Messages {
		var line string
		imp := widget.MediumImportance
		switch {
		case m.Err != nil:
			failed++
			line, imp = "✗ "+u.l.Err(m.Err), widget.DangerImportance
		case m.Duplicate != "":
			dup++
			line, imp = "= "+u.T("ui.mail-duplicate", "subject", subjectOf(u, m)), widget.LowImportance
		default:
			dir := "ui.mail-received"
			if m.Sent {
				sent++
				dir = "ui.mail-sent"
			} else {
				received++
			}
			line = "✓ " + u.T(dir, "subject", subjectOf(u, m), "at", u.when(m.Event.At))
			if m.DateFromFile {
				line += " " + u.T("ui.mail-date-from-file")
			}
			if len(m.Left) > 0 {
				line += " " + u.T("ui.mail-left-out", "names", strings.Join(m.Left, ", "))
			}
		}
		if i < maxMessageLines {
			l := wrapped(line)
			l.Importance = imp
			r.messages.Add(l)
		} else if i == maxMessageLines {
			r.messages.Add(wrapped(u.N("ui.mail-more", len(f.Messages)-maxMessageLines)))
		}
	}
	r.status.SetText(u.T("ui.mail-file-result", "added", strconv.Itoa(sent+received), "sent", strconv.Itoa(sent),
		"received", strconv.Itoa(received), "dup", strconv.Itoa(dup), "failed", strconv.Itoa(failed)))
	r.status.Importance = widget.SuccessImportance
	if failed > 0 {
		r.status.Importance = widget.WarningImportance
	}
	r.icon.SetResource(theme.ConfirmIcon())
	r.status.Refresh()
	r.messages.Refresh()
}

func subjectOf(u *UI, m app.MailMessage) string {
	if s := strings.TrimSpace(m.Subject); s != "" {
		return s
	}
	return u.T("ui.mail-no-subject")
}

// finish sums up and turns the import button into Close.
func (p *mailPanel) finish() {
	u := p.u
	added, dup, failed := 0, 0, 0
	for _, r := range p.rows {
		if !r.done {
			continue
		}
		if r.file.Err != nil {
			failed++
		}
		for _, m := range r.file.Messages {
			switch {
			case m.Err != nil:
				failed++
			case m.Duplicate != "":
				dup++
			default:
				added++
			}
		}
	}
	p.summary.SetText(u.T("ui.mail-done", "added", strconv.Itoa(added), "dup", strconv.Itoa(dup), "failed", strconv.Itoa(failed)))
	if p.shown.save != nil {
		p.shown.save.SetText(u.T("ui.close"))
		p.shown.save.Enable()
	}
	u.view.reloadTimeline()
	u.cases.reload()
}
