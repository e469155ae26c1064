package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"redress/app"
	"redress/letters"
)

// entryChooser is what choosing a dossier's entries uses: the case's
// entries with whether each goes in (private notes are left out by
// default), and the choice, remembered per case and recipient.
type entryChooser interface {
	DossierEntries(ctx context.Context, caseRef string, to letters.Recipient) ([]app.DossierEntry, error)
	SetDossierSelection(ctx context.Context, caseRef string, to letters.Recipient, leftOut []string) error
}

// entriesPanel lists the entries and exhibits that will go into a dossier
// for one recipient; each can be left out.
type entriesPanel struct {
	u       *UI
	svc     entryChooser
	caseID  string
	to      letters.Recipient
	entries []app.DossierEntry
	in      map[string]bool
	list    *widget.List
	count   *widget.Label
	saved   func(included, total int)
	shown   *shown
}

// chooseEntries opens the list for the case's dossier to a recipient;
// saved is told how many entries go in once the choice is kept.
func (u *UI) chooseEntries(svc entryChooser, caseID string, to letters.Recipient, saved func(included, total int)) *entriesPanel {
	p := &entriesPanel{u: u, svc: svc, caseID: caseID, to: to, in: map[string]bool{}, saved: saved}
	p.count = wrapped("")
	intro := wrapped(u.T("ui.para.entries-intro", "recipient", u.l.Label("party", string(to))))
	p.list = widget.NewList(func() int { return len(p.entries) }, p.createRow, p.updateRow)
	p.list.OnSelected = func(id widget.ListItemID) {
		p.list.Unselect(id)
		if id < len(p.entries) {
			p.toggle(id)
		}
	}
	all := widget.NewButtonWithIcon(u.T("ui.para.include-all"), theme.CheckButtonCheckedIcon(), func() { p.setAll(true) })
	none := widget.NewButtonWithIcon(u.T("ui.para.include-none"), theme.CheckButtonIcon(), func() { p.setAll(false) })
	top := container.NewVBox(intro, newWrap(all, none), p.count)
	p.shown = u.modal(u.T("ui.para.entries-title"), container.NewBorder(top, nil, nil, nil, p.list), u.T("ui.save"), func(close func()) {
		var out []string
		for _, e := range p.entries {
			if !p.in[e.Event.ID] {
				out = append(out, e.Event.ID)
			}
		}
		n, total := len(p.entries)-len(out), len(p.entries)
		u.async(func(ctx context.Context) error { return svc.SetDossierSelection(ctx, caseID, to, out) }, func(err error) {
			if err != nil {
				u.showError(err)
				return
			}
			close()
			if p.saved != nil {
				p.saved(n, total)
			}
		})
	}, fyne.NewSize(720, 620))
	u.async(func(ctx context.Context) (err error) {
		p.entries, err = svc.DossierEntries(ctx, caseID, to)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		for _, e := range p.entries {
			p.in[e.Event.ID] = e.Included
		}
		p.list.Refresh()
		p.refreshCount()
	})
	return p
}

func (p *entriesPanel) createRow() fyne.CanvasObject {
	chk := widget.NewCheck("", nil)
	title := widget.NewLabel("")
	title.Truncation = fyne.TextTruncateEllipsis
	meta := widget.NewLabel("")
	meta.SizeName = theme.SizeNameCaptionText
	meta.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, chk, nil, container.NewVBox(title, meta))
}

func (p *entriesPanel) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(p.entries) {
		return
	}
	u := p.u
	e := p.entries[id]
	c := o.(*fyne.Container)
	var chk *widget.Check
	var texts *fyne.Container
	for _, x := range c.Objects {
		switch w := x.(type) {
		case *widget.Check:
			chk = w
		case *fyne.Container:
			texts = w
		}
	}
	title, meta := u.rowText(e.Event)
	chk.OnChanged = nil
	chk.SetChecked(p.in[e.Event.ID])
	chk.OnChanged = func(on bool) {
		p.in[e.Event.ID] = on
		p.refreshCount()
	}
	if e.Private {
		meta = u.T("ui.para.private") + " · " + meta
	}
	if n := len(e.Event.Attachments); n > 0 {
		meta += " · " + u.N("ui.para.files", n)
	}
	texts.Objects[0].(*widget.Label).SetText(title)
	texts.Objects[1].(*widget.Label).SetText(meta)
}

func (p *entriesPanel) toggle(i int) {
	id := p.entries[i].Event.ID
	p.in[id] = !p.in[id]
	p.list.RefreshItem(i)
	p.refreshCount()
}

func (p *entriesPanel) setAll(on bool) {
	for _, e := range p.entries {
		p.in[e.Event.ID] = on
	}
	p.list.Refresh()
	p.refreshCount()
}

func (p *entriesPanel) refreshCount() {
	n, files := 0, 0
	var left []string
	for _, e := range p.entries {
		if p.in[e.Event.ID] {
			n++
			files += len(e.Event.Attachments)
		} else {
			left = append(left, e.Event.Summary)
		}
	}
	text := p.u.T("ui.para.entries-count", "n", fmt.Sprint(n), "total", fmt.Sprint(len(p.entries)), "files", p.u.N("ui.para.files", files))
	if len(left) > 0 && len(left) <= 3 {
		text += " " + p.u.T("ui.para.left-out", "entries", strings.Join(left, p.u.T("ui.list-sep")))
	}
	p.count.SetText(text)
}

// included says how many of the dossier's entries go in.
func (p *entriesPanel) included() int {
	n := 0
	for _, e := range p.entries {
		if p.in[e.Event.ID] {
			n++
		}
	}
	return n
}

// entriesRow is the dossier panel's line saying how many of the case's
// entries go in, with "Choose…" to leave some out; it follows the
// recipient chosen.
func (p *dossierPanel) entriesRow() fyne.CanvasObject {
	u := p.u
	var svc entryChooser = u.svc
	if svc == nil {
		return widget.NewLabel("")
	}
	count := widget.NewLabel("")
	count.Wrapping = fyne.TextWrapWord
	refresh := func() {
		var es []app.DossierEntry
		to := p.recipient()
		u.async(func(ctx context.Context) (err error) {
			es, err = svc.DossierEntries(ctx, p.c.ID, to)
			return err
		}, func(err error) {
			if err != nil {
				count.SetText(u.l.Err(err))
				return
			}
			n, files := 0, 0
			for _, e := range es {
				if e.Included {
					n++
					files += len(e.Event.Attachments)
				}
			}
			count.SetText(u.T("ui.para.entries-count", "n", fmt.Sprint(n), "total", fmt.Sprint(len(es)), "files", u.N("ui.para.files", files)))
		})
	}
	choose := widget.NewButtonWithIcon(u.T("ui.para.choose-entries"), theme.CheckButtonCheckedIcon(), func() {
		p.chooser = u.chooseEntries(svc, p.c.ID, p.recipient(), func(int, int) { refresh() })
	})
	prev := p.to.OnChanged
	p.to.OnChanged = func(s string) {
		if prev != nil {
			prev(s)
		}
		refresh()
	}
	refresh()
	return container.NewBorder(nil, nil, nil, choose, count)
}
