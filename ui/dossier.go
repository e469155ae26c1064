package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"redress/app"
	"redress/evidence"
	"redress/letters"
)

// dossierMaker is what the dossier panel uses: the letter drafts, the PDF
// and recording that it was sent.
type dossierMaker interface {
	letterWriter
	Dossier(ctx context.Context, caseRef string, opts app.DossierOptions) (app.DossierResult, error)
	MarkSent(ctx context.Context, rec app.DossierRecord, method, reference string, at time.Time) (evidence.Event, error)
}

// dossierPanel: choose recipient, language, paper and redaction; edit the
// letter (saved as a draft with the case); render the PDF.
type dossierPanel struct {
	u       *UI
	svc     dossierMaker
	dataDir string
	c       evidence.Case
	to      *choice
	lang    *choice
	paper   *choice
	redact  *widget.Check
	own     *widget.Check // the user's own copy (app.DossierOptions.OwnCopy)
	letterDraft
	warn     *fyne.Container // what to know before sending to the recipient
	progress *widget.ProgressBar
	out      string
	// ask asks where to save (the save dialog), then calls then with the path.
	ask func(dir, suggested string, then func(path string))
	// done is told what was made (the "dossier saved" dialog).
	done func(app.DossierResult)
	// chooser is the list of entries to leave out, when open (entries.go).
	chooser *entriesPanel
}

// CreateDossier opens the dossier panel for the open case.
func (u *UI) CreateDossier() { u.createDossier(u.svc, u.dataDir) }

func (u *UI) createDossier(svc dossierMaker, dataDir string) *dossierPanel {
	if u.view.caseID == "" {
		return nil
	}
	p := &dossierPanel{u: u, svc: svc, dataDir: dataDir, c: u.view.c, letterDraft: letterDraft{u: u}}
	p.ask = u.saveDialog
	p.done = func(res app.DossierResult) { u.dossierDone(svc, res) }
	lang := p.c.Language
	if lang == "" {
		lang = app.LetterLanguage(p.c.Jurisdiction, u.l)
	}
	p.to = u.newChoice("party", stringsOf(letters.Recipients), string(letters.Provider))
	p.lang = u.newChoice("language", stringsOf(evidence.Languages), string(lang))
	p.paper = u.newChoice("setting-paper", []string{"a4", "letter"}, u.fa.Preferences().StringWithFallback(PrefPaper, "a4"))
	p.redact = widget.NewCheck(u.T("ui.redact"), nil)
	p.text = u.newMultiline("", 8)
	p.status = widget.NewLabel("")
	p.own = widget.NewCheck(u.T("ui.own-copy"), func(on bool) {
		if on {
			p.status.SetText(u.T("ui.own-copy-about"))
		} else {
			p.status.SetText("")
		}
	})
	p.status.Wrapping = fyne.TextWrapWord
	p.progress = widget.NewProgressBar()
	p.progress.Hide()
	p.warn = container.NewVBox()
	prevTo, prevLang := p.to.value(), p.lang.value()
	onSwitch := func(string) {
		if p.to.value() == prevTo && p.lang.value() == prevLang {
			return
		}
		oldTo, oldLang := prevTo, prevLang
		prevTo, prevLang = p.to.value(), p.lang.value()
		p.saveIfEdited(letters.Recipient(oldTo), evidence.Language(oldLang), p.load)
	}
	p.to.OnChanged = onSwitch
	p.lang.OnChanged = onSwitch
	regen := widget.NewButtonWithIcon(u.T("ui.regenerate"), theme.ViewRefreshIcon(), p.regenerate)
	save := widget.NewButtonWithIcon(u.T("ui.save-draft"), theme.DocumentSaveIcon(), func() {
		p.saveIfEdited(p.recipient(), p.language(), nil)
	})
	p.redact.Text = u.T("ui.redact")
	form := widget.NewForm(
		widget.NewFormItem(u.T("field.to"), p.to),
		widget.NewFormItem(u.T("field.lang"), p.lang),
		widget.NewFormItem(u.T("ui.setting-paper"), p.paper),
	)
	top := container.NewVBox(form, newWrap(p.redact, p.own), p.warn, p.entriesRow(), container.NewBorder(nil, nil, bold(u.T("ui.letter")), nil, newWrap(regen, save)))
	content := container.NewBorder(top, container.NewVBox(p.progress, p.status), nil, nil, p.text)
	u.modal(u.T("ui.dossier-title"), content, u.T("ui.create-pdf"), p.create, fyne.NewSize(760, 680))
	p.load()
	return p
}

func (p *dossierPanel) recipient() letters.Recipient { return letters.Recipient(p.to.value()) }
func (p *dossierPanel) language() evidence.Language  { return evidence.Language(p.lang.value()) }

// load shows the draft for the chosen recipient and language, or a freshly
// composed letter.
func (p *dossierPanel) load() {
	to, l := p.recipient(), p.language()
	p.showLetterWarnings()
	p.show(func(ctx context.Context) (string, bool, error) { return p.svc.LetterText(ctx, p.c.ID, to, l) })
}

// saveIfEdited saves the letter as the draft for to and l when it was
// edited, then runs next.
func (p *dossierPanel) saveIfEdited(to letters.Recipient, l evidence.Language, next func()) {
	p.letterDraft.saveIfEdited(func(ctx context.Context, text string) error { return p.svc.SaveDraft(ctx, p.c.ID, to, l, text) }, next)
}

// regenerate composes the letter again from the timeline.
func (p *dossierPanel) regenerate() {
	to, l := p.recipient(), p.language()
	p.recompose(func(ctx context.Context) (string, error) { return p.svc.ComposeLetter(ctx, p.c.ID, to, l) })
}

// fileName is the dossier's suggested file name; an own copy's says so.
func (p *dossierPanel) fileName() string {
	to := p.to.value()
	if p.own.Checked {
		to += "-own-copy"
	}
	return fmt.Sprintf("Redress-%s-%s-%s.pdf", p.c.ID[:8], to, p.u.clock.Now().In(p.u.clock.Location()).Format("20060102"))
}

// folder is where the save dialog starts (u.documentFolder).
func (p *dossierPanel) folder() string { return p.u.documentFolder(p.dataDir) }

// documentFolder is where the save dialog starts for what Redress writes
// to be sent — dossiers, records requests, letters of authority: the
// folder such documents of this data folder were last saved in, else its
// Dossiers folder (made if missing). It is kept apart from the folder
// files are picked from, so a client's regulator PDF does not land beside
// the screenshots last attached.
func (u *UI) documentFolder(dataDir string) string {
	prefs := u.fa.Preferences()
	if dir := prefs.String(prefDossierFolder(dataDir)); isDirPath(dir) {
		return dir
	}
	dir := app.DossierDir(dataDir)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return dataDir
	}
	return dir
}

// rememberDocumentFolder keeps the folder a document was saved in for the
// next one of this data folder.
func (u *UI) rememberDocumentFolder(dataDir, path string) {
	u.fa.Preferences().SetString(prefDossierFolder(dataDir), filepath.Dir(path))
}

// prefDossierFolder is the preference remembering, per data folder, where
// its dossiers were last saved: one client's dossier never lands in the
// folder used for another's.
func prefDossierFolder(dataDir string) string { return "dossier-folder:" + dataDir }

// create shows what to know before sending to the recipient (the user
// goes on with "Create anyway"), saves the draft, asks where to save the
// PDF and renders it.
func (p *dossierPanel) create(done func()) {
	if p.own.Checked { // not sent: nothing to know before sending
		p.createPDF(done)
		return
	}
	p.u.beforeLetter(p.c.ID, p.recipient(), func() { p.createPDF(done) })
}

func (p *dossierPanel) createPDF(done func()) {
	p.saveIfEdited(p.recipient(), p.language(), func() {
		dir := p.folder()
		p.ask(dir, app.FreeName(filepath.Join(dir, p.fileName())), func(path string) {
			p.u.rememberDocumentFolder(p.dataDir, path)
			p.out = path
			p.render(done)
		})
	})
}

func isDirPath(p string) bool {
	if p == "" {
		return false
	}
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

func (p *dossierPanel) render(done func()) {
	u := p.u
	p.progress.SetValue(0)
	p.progress.Show()
	p.status.SetText(u.T("ui.rendering"))
	opts := app.DossierOptions{To: p.recipient(), Lang: p.language(), Paper: p.paper.value(), Redact: p.redact.Checked, OwnCopy: p.own.Checked, Out: p.out,
		Progress: func(f float64) { u.post(func() { p.progress.SetValue(f) }) }}
	var res app.DossierResult
	u.async(func(ctx context.Context) (err error) {
		res, err = p.svc.Dossier(ctx, p.c.ID, opts)
		return err
	}, func(err error) {
		p.progress.Hide()
		if err != nil {
			p.status.SetText(u.l.Err(err))
			return
		}
		done()
		p.done(res)
	})
}

// dossierDone says where the PDF is, offers to open it or show it in its
// folder (saying in the dialog why not when no program could) and "I sent
// it", which asks how it was sent.
func (u *UI) dossierDone(svc dossierMaker, res app.DossierResult) *fyne.Container {
	lines := []string{u.T("ui.dossier-saved", "file", res.Record.Path, "pages", fmt.Sprint(res.Record.Pages)),
		"SHA-256 " + res.Record.SHA256}
	for _, pr := range res.Problems {
		lines = append(lines, u.T("ui.exhibit-problem", "number", pr.Number, "file", pr.FileName, "reason", u.T(app.ProblemKey(pr))))
	}
	msg := widget.NewLabel(strings.Join(lines, "\n"))
	msg.Wrapping = fyne.TextWrapWord
	status := wrapped("")
	status.Hide()
	failed := func(err error) {
		status.SetText(u.l.Err(err))
		status.Importance = widget.WarningImportance
		status.Show()
	}
	open := widget.NewButtonWithIcon(u.T("ui.open-pdf"), theme.FileIcon(), func() { u.launch(res.Record.Path, false, failed) })
	folder := widget.NewButtonWithIcon(u.T("ui.show-folder"), theme.FolderOpenIcon(), func() { u.launch(res.Record.Path, true, failed) })
	var sent *widget.Button
	sent = widget.NewButtonWithIcon(u.T("ui.mark-sent"), theme.MailSendIcon(), func() {
		u.askHowSent(svc, res.Record, func() {
			sent.Disable()
			sent.SetText(u.T("ui.marked-sent"))
		})
	})
	buttons := newWrap(open, folder, sent)
	if res.OwnCopy { // kept, not sent
		buttons = newWrap(open, folder)
	}
	box := container.NewVBox(buttons, msg, status)
	u.modal(u.T("ui.dossier-title"), container.NewVScroll(box), "", nil, fyne.NewSize(680, 340))
	return box
}

// sentForm asks how a dossier was sent: the channel (email, post, an
// in-app or web form, fax), when, and a reference (a tracking number, the
// form's confirmation).
type sentForm struct {
	form    *form
	channel *choice
	at      *dateField
	ref     *entry
}

// askHowSent records that the dossier was sent, with how, when and a
// reference; marked runs once it is in the timeline.
func (u *UI) askHowSent(svc dossierMaker, rec app.DossierRecord, marked func()) *sentForm {
	f := &sentForm{form: u.newForm()}
	f.channel = u.newChoice("channel", stringsOf(evidence.LetterChannels), "")
	f.at = u.newDateField(true)
	f.at.setText(u.clock.Now().In(u.clock.Location()).Format(timeLayout))
	f.ref = u.newEntry(u.T("ui.sent-ref-hint"))
	f.form.add("channel", u.T("ui.sent-how"), f.channel)
	f.form.add("at", u.T("ui.sent-when"), f.at.content)
	f.form.add("ref", u.T("field.ref"), f.ref)
	intro := wrapped(u.T("ui.sent-intro", "party", u.l.Label("party", rec.Recipient)))
	u.modalForm(u.T("ui.mark-sent"), container.NewVScroll(container.NewVBox(intro, f.form.content())), u.T("ui.save"), func(done func()) {
		if f.channel.value() == "" {
			f.form.show(&evidence.FieldError{Field: "channel", Reason: evidence.ReasonRequired})
			return
		}
		at, err := evidence.ParseTime("at", f.at.text(), u.clock.Location())
		if err != nil {
			f.form.show(err)
			return
		}
		channel, ref := f.channel.value(), strings.TrimSpace(f.ref.Text)
		u.async(func(ctx context.Context) error {
			_, err := svc.MarkSent(ctx, rec, channel, ref, at)
			return err
		}, func(err error) {
			if err != nil {
				f.form.show(err)
				return
			}
			done()
			marked()
			u.view.reloadTimeline()
			u.cases.reload()
		})
	}, fyne.NewSize(520, 400))
	u.focus(f.channel)
	return f
}
