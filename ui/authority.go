package ui

import (
	"context"
	"fmt"
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

// authorityMaker is what the letter of authority uses.
type authorityMaker interface {
	Authority(ctx context.Context, caseRef string, opts app.DocumentOptions) (letters.Document, error)
	AuthorityPDF(ctx context.Context, caseRef string, opts app.DocumentOptions) (int, error)
	AddSignedAuthority(ctx context.Context, caseRef string, paths []string, caption string) (evidence.Event, error)
}

// authorityPanel: the letter of authority (授权委托书) for the client to
// sign, as a PDF, and "Add the signed scan", which adds it to the case as
// an exhibit tagged as the authority.
type authorityPanel struct {
	u       *UI
	svc     authorityMaker
	c       evidence.Case
	lang    *choice
	ids     *widget.Check
	preview *widget.Label
	status  *widget.Label
	ask     func(dir, suggested string, then func(path string))
	pick    func(then func([]string))
}

// LetterOfAuthority opens the letter of authority of the open case.
func (u *UI) LetterOfAuthority() { u.letterOfAuthority(u.svc) }

func (u *UI) letterOfAuthority(svc authorityMaker) *authorityPanel {
	if u.view.caseID == "" {
		return nil
	}
	p := &authorityPanel{u: u, svc: svc, c: u.view.c, ask: u.saveDialog}
	p.pick = func(then func([]string)) { u.pickFiles(then) }
	l := p.c.Language
	if l == "" {
		l = app.LetterLanguage(p.c.Jurisdiction, u.l)
	}
	p.lang = u.newChoice("language", stringsOf(evidence.Languages), string(l))
	p.lang.OnChanged = func(string) { p.load() }
	p.ids = widget.NewCheck(u.T("ui.para.print-ids"), func(bool) { p.load() })
	p.preview = wrapped("")
	p.status = wrapped("")
	intro := wrapped(u.T("ui.para.authority-intro"))
	scan := widget.NewButtonWithIcon(u.T("ui.para.add-signed"), theme.FileImageIcon(), p.addSigned)
	top := container.NewVBox(intro, widget.NewForm(widget.NewFormItem(u.T("field.lang"), p.lang)), p.ids, newWrap(scan))
	content := container.NewBorder(top, p.status, nil, nil, container.NewVScroll(p.preview))
	u.modal(u.T("ui.para.authority-title"), content, u.T("ui.create-pdf"), p.create, fyne.NewSize(760, 680))
	p.load()
	return p
}

func (p *authorityPanel) opts() app.DocumentOptions {
	return app.DocumentOptions{Lang: evidence.Language(p.lang.value()), IDNumbers: p.ids.Checked,
		Paper: p.u.fa.Preferences().StringWithFallback(PrefPaper, "a4")}
}

func (p *authorityPanel) load() {
	u := p.u
	var doc letters.Document
	opts := p.opts()
	u.async(func(ctx context.Context) (err error) {
		doc, err = p.svc.Authority(ctx, p.c.ID, opts)
		return err
	}, func(err error) {
		if err != nil {
			p.preview.SetText("")
			p.status.SetText(u.l.Err(err))
			p.status.Importance = widget.DangerImportance
			p.status.Refresh()
			return
		}
		p.preview.SetText(doc.Text())
	})
}

func (p *authorityPanel) create(func()) {
	u := p.u
	dir := u.documentFolder(u.dataDir)
	name := fmt.Sprintf("Redress-%s-authority.pdf", p.c.ID[:8])
	p.ask(dir, app.FreeName(filepath.Join(dir, name)), func(path string) {
		u.rememberDocumentFolder(u.dataDir, path)
		opts := p.opts()
		opts.Out = path
		var pages int
		u.async(func(ctx context.Context) (err error) {
			pages, err = p.svc.AuthorityPDF(ctx, p.c.ID, opts)
			return err
		}, func(err error) {
			if err != nil {
				p.status.SetText(u.l.Err(err))
				return
			}
			p.status.SetText(u.N("ui.authority-saved", pages, "file", path, "button", strings.TrimSuffix(u.T("ui.para.add-signed"), "…")))
		})
	})
}

func (p *authorityPanel) addSigned() {
	u := p.u
	p.pick(func(paths []string) {
		if len(paths) == 0 {
			return
		}
		u.async(func(ctx context.Context) error {
			_, err := p.svc.AddSignedAuthority(ctx, p.c.ID, paths, "")
			return err
		}, func(err error) {
			if err != nil {
				u.showError(err)
				return
			}
			p.status.SetText(u.T("ui.para.signed-added"))
			u.view.reloadTimeline()
		})
	})
}
