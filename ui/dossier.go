package ui

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"redress/app"
	"redress/evidence"
	"redress/letters"
)

// dossierPanel: choose recipient, language, paper and redaction; edit the
// letter (saved as a draft with the case); render the PDF.
type dossierPanel struct {
	u        *UI
	c        evidence.Case
	to       *choice
	lang     *choice
	paper    *choice
	redact   *widget.Check
	text     *entry
	loaded   string // the text as loaded or last saved
	status   *widget.Label
	progress *widget.ProgressBar
	result   *app.DossierResult
	out      string
}

// CreateDossier opens the dossier panel for the open case.
func (u *UI) CreateDossier() {
	if u.view.caseID == "" {
		return
	}
	p := &dossierPanel{u: u, c: u.view.c}
	u.lastDossier = p
	p.to = u.newChoice("party", stringsOf(letters.Recipients), string(letters.Provider))
	p.lang = u.newChoice("language", stringsOf(evidence.Languages), string(p.c.Language))
	p.paper = u.newChoice("setting-paper", []string{"a4", "letter"}, u.fa.Preferences().StringWithFallback(PrefPaper, "a4"))
	p.redact = widget.NewCheck(u.T("ui.redact"), nil)
	p.text = u.newMultiline("", 16)
	p.status = widget.NewLabel("")
	p.status.Wrapping = fyne.TextWrapWord
	p.progress = widget.NewProgressBar()
	p.progress.Hide()
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
	form := widget.NewForm(
		widget.NewFormItem(u.T("field.to"), p.to),
		widget.NewFormItem(u.T("field.lang"), p.lang),
		widget.NewFormItem(u.T("ui.setting-paper"), p.paper),
		widget.NewFormItem("", p.redact),
	)
	top := container.NewVBox(form, container.NewBorder(nil, nil, widget.NewLabelWithStyle(u.T("ui.letter"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), container.NewHBox(regen, save)))
	content := container.NewBorder(top, container.NewVBox(p.progress, p.status), nil, nil, p.text)
	u.modal(u.T("ui.dossier-title"), content, u.T("ui.create-pdf"), p.create, fyne.NewSize(760, 680))
	p.load()
}

func (p *dossierPanel) recipient() letters.Recipient { return letters.Recipient(p.to.value()) }
func (p *dossierPanel) language() evidence.Language  { return evidence.Language(p.lang.value()) }

// load shows the draft for the chosen recipient and language, or a freshly
// composed letter.
func (p *dossierPanel) load() {
	u := p.u
	var text string
	var edited bool
	to, l := p.recipient(), p.language()
	u.async(func() (err error) {
		text, edited, err = u.svc.LetterText(u.ctx, p.c.ID, to, l)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		p.text.SetText(text)
		p.loaded = text
		if edited {
			p.status.SetText(u.T("ui.draft-loaded"))
		} else {
			p.status.SetText(u.T("ui.letter-composed"))
		}
	})
}

// saveIfEdited saves the text as a draft when it differs from what was
// loaded, then runs next.
func (p *dossierPanel) saveIfEdited(to letters.Recipient, l evidence.Language, next func()) {
	u := p.u
	text := p.text.Text
	if text == p.loaded {
		if next != nil {
			next()
		}
		return
	}
	u.async(func() error { return u.svc.SaveDraft(u.ctx, p.c.ID, to, l, text) }, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		p.loaded = text
		p.status.SetText(u.T("ui.draft-saved"))
		if next != nil {
			next()
		}
	})
}

// regenerate composes the letter again from the timeline, asking first
// when that would replace edits.
func (p *dossierPanel) regenerate() {
	u := p.u
	do := func() {
		var text string
		to, l := p.recipient(), p.language()
		u.async(func() (err error) {
			text, err = u.svc.ComposeLetter(u.ctx, p.c.ID, to, l)
			return err
		}, func(err error) {
			if err != nil {
				u.showError(err)
				return
			}
			p.text.SetText(text)
			p.status.SetText(u.T("ui.letter-composed"))
		})
	}
	if p.text.Text != p.loaded || strings.TrimSpace(p.loaded) != "" {
		u.confirm(u.T("ui.regenerate"), u.T("ui.regenerate-text"), do)
		return
	}
	do()
}

// create saves the draft, asks where to save the PDF and renders it.
func (p *dossierPanel) create(done func()) {
	u := p.u
	name := fmt.Sprintf("Redress-%s-%s-%s.pdf", p.c.ID[:8], p.to.value(), u.svc.Now().Format("20060102"))
	dir := u.fa.Preferences().String(PrefLastFolder)
	if st, err := os.Stat(dir); dir == "" || err != nil || !st.IsDir() {
		dir, _ = os.UserHomeDir()
		if docs := filepath.Join(dir, "Documents"); isDirPath(docs) {
			dir = docs
		}
	}
	p.out = filepath.Join(dir, name)
	p.saveIfEdited(p.recipient(), p.language(), func() { p.render(done) })
}

func isDirPath(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

func (p *dossierPanel) render(done func()) {
	u := p.u
	p.progress.SetValue(0)
	p.progress.Show()
	p.status.SetText(u.T("ui.rendering"))
	opts := app.DossierOptions{To: p.recipient(), Lang: p.language(), Paper: p.paper.value(), Redact: p.redact.Checked, Out: p.out,
		Progress: func(f float64) { u.do(func() { p.progress.SetValue(f) }) }}
	var res app.DossierResult
	u.async(func() (err error) {
		res, err = u.svc.Dossier(u.ctx, p.c.ID, opts)
		return err
	}, func(err error) {
		p.progress.Hide()
		if err != nil {
			p.status.SetText(u.l.Err(err))
			return
		}
		p.result = &res
		done()
		u.dossierDone(res)
	})
}

// dossierDone says where the PDF is, opens it, and offers "Mark as sent".
func (u *UI) dossierDone(res app.DossierResult) {
	lines := []string{u.T("ui.dossier-saved", "file", res.Record.Path, "pages", fmt.Sprint(res.Record.Pages)),
		"SHA-256 " + res.Record.SHA256}
	for _, pr := range res.Problems {
		lines = append(lines, u.T("ui.exhibit-problem", "number", pr.Number, "file", pr.FileName, "reason", u.T(app.ProblemKey(pr))))
	}
	msg := widget.NewLabel(strings.Join(lines, "\n"))
	msg.Wrapping = fyne.TextWrapBreak
	open := widget.NewButtonWithIcon(u.T("ui.open-pdf"), theme.FileIcon(), func() {
		if err := u.fa.OpenURL(&url.URL{Scheme: "file", Path: filepath.ToSlash(res.Record.Path)}); err != nil {
			u.showError(err)
		}
	})
	folder := widget.NewButtonWithIcon(u.T("ui.show-folder"), theme.FolderOpenIcon(), func() {
		if err := u.fa.OpenURL(&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Dir(res.Record.Path))}); err != nil {
			u.showError(err)
		}
	})
	var sent *widget.Button
	sent = widget.NewButtonWithIcon(u.T("ui.mark-sent"), theme.MailSendIcon(), func() {
		u.async(func() error {
			_, err := u.svc.MarkSent(u.ctx, res.Record, "", "", u.svc.Now().In(u.svc.Location()))
			return err
		}, func(err error) {
			if err != nil {
				u.showError(err)
				return
			}
			sent.Disable()
			sent.SetText(u.T("ui.marked-sent"))
			u.view.reloadTimeline()
		})
	})
	u.lastDossierDone = &res
	u.modal(u.T("ui.dossier-title"), container.NewVBox(msg, container.NewHBox(open, folder, sent)), "", nil, fyne.NewSize(680, 300))
}
