package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"redress/app"
	"redress/escalation"
	"redress/evidence"
)

// recordsMaker is what the records request uses: the letter (a draft once
// edited), its PDF and "I sent it".
type recordsMaker interface {
	RecordsRequest(ctx context.Context, caseRef string, language evidence.Language) (string, bool, error)
	ComposeRecords(ctx context.Context, caseRef string, language evidence.Language) (string, error)
	SaveRecordsDraft(ctx context.Context, caseID string, language evidence.Language, text string) error
	RecordsPDF(ctx context.Context, caseRef string, opts app.DocumentOptions) (app.DossierRecord, error)
	MarkRecordsSent(ctx context.Context, caseRef string, rec app.DossierRecord, method string, at time.Time) (evidence.Event, error)
}

// recordsPanel: the request for the user's own records (chat transcripts,
// call recordings, transaction records) and to preserve them, under the
// case's law; edit it, make the PDF, say it was sent.
type recordsPanel struct {
	u    *UI
	svc  recordsMaker
	c    evidence.Case
	lang *choice
	letterDraft
	sent *widget.Button
	rec  app.DossierRecord
	ask  func(dir, suggested string, then func(path string))
}

// RecordsRequest opens the records request of the open case.
func (u *UI) RecordsRequest() { u.recordsRequest(u.svc) }

func (u *UI) recordsRequest(svc recordsMaker) *recordsPanel {
	if u.view.caseID == "" {
		return nil
	}
	p := &recordsPanel{u: u, svc: svc, c: u.view.c, ask: u.saveDialog, letterDraft: letterDraft{u: u}}
	l := p.c.Language
	if l == "" {
		l = app.LetterLanguage(p.c.Jurisdiction, u.l)
	}
	p.lang = u.newChoice("language", stringsOf(evidence.Languages), string(l))
	prev := p.lang.value()
	p.lang.OnChanged = func(string) {
		old := prev
		prev = p.lang.value()
		p.saveIfEdited(evidence.Language(old), p.load)
	}
	p.text = u.newMultiline("", 10)
	p.status = wrapped("")
	intro := wrapped(u.T("ui.para.records-intro"))
	regen := widget.NewButtonWithIcon(u.T("ui.regenerate"), theme.ViewRefreshIcon(), p.regenerate)
	save := widget.NewButtonWithIcon(u.T("ui.save-draft"), theme.DocumentSaveIcon(), func() { p.saveIfEdited(p.language(), nil) })
	p.sent = widget.NewButtonWithIcon(u.T("ui.para.i-sent-it"), theme.MailSendIcon(), p.markSent)
	top := container.NewVBox(intro, widget.NewForm(widget.NewFormItem(u.T("field.lang"), p.lang)), newWrap(regen, save, p.sent))
	content := container.NewBorder(top, p.status, nil, nil, p.text)
	u.modal(u.T("ui.para.records-title"), content, u.T("ui.create-pdf"), p.create, fyne.NewSize(780, 680))
	p.load()
	return p
}

func (p *recordsPanel) language() evidence.Language { return evidence.Language(p.lang.value()) }

func (p *recordsPanel) load() {
	l := p.language()
	p.show(func(ctx context.Context) (string, bool, error) { return p.svc.RecordsRequest(ctx, p.c.ID, l) })
}

func (p *recordsPanel) saveIfEdited(l evidence.Language, next func()) {
	p.letterDraft.saveIfEdited(func(ctx context.Context, text string) error { return p.svc.SaveRecordsDraft(ctx, p.c.ID, l, text) }, next)
}

func (p *recordsPanel) regenerate() {
	l := p.language()
	p.recompose(func(ctx context.Context) (string, error) { return p.svc.ComposeRecords(ctx, p.c.ID, l) })
}

// create saves the draft, asks where to save the PDF and writes it.
func (p *recordsPanel) create(func()) {
	u := p.u
	p.saveIfEdited(p.language(), func() {
		dir := u.documentFolder(u.dataDir)
		name := fmt.Sprintf("Redress-%s-records-%s.pdf", p.c.ID[:8], u.clock.Now().In(u.clock.Location()).Format("20060102"))
		p.ask(dir, app.FreeName(filepath.Join(dir, name)), func(path string) {
			u.rememberDocumentFolder(u.dataDir, path)
			p.write(path)
		})
	})
}

func (p *recordsPanel) write(path string) {
	u := p.u
	p.status.SetText(u.T("ui.rendering"))
	var rec app.DossierRecord
	l := p.language()
	u.async(func(ctx context.Context) (err error) {
		rec, err = p.svc.RecordsPDF(ctx, p.c.ID, app.DocumentOptions{Lang: l, Paper: u.fa.Preferences().StringWithFallback(PrefPaper, "a4"), Out: path})
		return err
	}, func(err error) {
		if err != nil {
			p.status.SetText(u.l.Err(err))
			return
		}
		p.rec = rec
		p.status.SetText(u.N("ui.records-saved", rec.Pages, "file", rec.Path) + " " + u.T("ui.para.records-then-sent"))
	})
}

// markSent records that the request was sent (today), which starts its
// clock, and says when the reply is due.
func (p *recordsPanel) markSent() {
	u := p.u
	var due string
	u.async(func(ctx context.Context) error {
		e, err := p.svc.MarkRecordsSent(ctx, p.c.ID, p.rec, "", u.clock.Now().In(u.clock.Location()))
		if err != nil {
			return err
		}
		var as escalation.Assessment
		if u.svc != nil {
			if _, as, err = u.svc.Assess(ctx, p.c.ID); err != nil {
				return err
			}
		}
		for _, d := range as.Deadlines {
			if d.EventID == e.ID {
				due = d.Due.Format(evidence.DateLayout)
			}
		}
		return nil
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		p.sent.Disable()
		p.sent.SetText(u.T("ui.marked-sent"))
		msg := u.T("ui.para.records-sent")
		if due != "" {
			msg = u.T("ui.para.records-due", "date", due)
		}
		p.status.SetText(strings.TrimSpace(msg))
		u.view.reloadTimeline()
	})
}
