package ui

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"redress/app"
	"redress/forms"
	"redress/lang"
)

// formAnswerer fills the official complaint forms from the case.
type formAnswerer interface {
	FormAnswers(ctx context.Context, caseRef string, l lang.Lang, only string) ([]app.FormView, error)
}

// formAnswersPanel shows, for each complaint body of the case's
// jurisdiction, the form's fields in its order, each with the case's
// answer and a Copy button, and what is still missing with the reason and
// a button to fill it in.
type formAnswersPanel struct {
	u      *UI
	tabs   *container.AppTabs
	status *widget.Label
	copies map[string]*widget.Button // form ID + "/" + field key → its Copy button (tests)
	views  []app.FormView
	shown  *shown
}

// FormAnswers opens the form answers of the open case.
func (u *UI) FormAnswers() { u.formAnswers(u.svc) }

func (u *UI) formAnswers(svc formAnswerer) *formAnswersPanel {
	if u.view.caseID == "" {
		return nil
	}
	p := &formAnswersPanel{u: u, copies: map[string]*widget.Button{}}
	p.tabs = container.NewAppTabs()
	p.status = wrapped(u.T("ui.para.forms-loading"))
	p.status.Importance = widget.LowImportance
	content := container.NewBorder(nil, p.status, nil, nil, p.tabs)
	p.shown = u.modal(u.T("ui.para.forms-title"), content, "", nil, fyne.NewSize(860, 680))
	caseID := u.view.caseID
	u.async(func(ctx context.Context) (err error) {
		p.views, err = svc.FormAnswers(ctx, caseID, u.l, "")
		return err
	}, func(err error) {
		if err != nil {
			p.status.SetText(u.l.Err(err))
			return
		}
		p.show()
	})
	return p
}

func (p *formAnswersPanel) show() {
	u := p.u
	if len(p.views) == 0 {
		p.status.SetText(u.T("cli.no-forms"))
		return
	}
	for _, v := range p.views {
		p.tabs.Append(container.NewTabItem(shortName(v), container.NewVScroll(container.NewPadded(p.page(v)))))
	}
	p.status.SetText(u.T("ui.para.forms-hint"))
}

// shortName is the tab's name: the form's short name.
func shortName(v app.FormView) string {
	if s, ok := formShort[v.ID]; ok {
		return s
	}
	return v.ID
}

// page is one form: where it is, when it was checked, what to know, then
// its fields in order.
func (p *formAnswersPanel) page(v app.FormView) fyne.CanvasObject {
	u := p.u
	title := widget.NewLabelWithStyle(v.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(title, note(u.T("form.where", "url", v.URL, "date", v.Checked)), wrapped(v.Note))
	if n := len(v.Missing); n > 0 {
		var names []string
		for _, a := range v.Missing {
			names = append(names, a.Label)
		}
		m := wrapped(u.T("cli.form-missing-summary", "n", strconv.Itoa(n), "fields", strings.Join(names, u.T("ui.list-sep"))))
		m.Importance = widget.WarningImportance
		box.Add(m)
	}
	box.Add(widget.NewSeparator())
	for i, a := range v.Answers {
		box.Add(p.row(v, i, a))
	}
	return box
}

// row is one field: its label, then the answer with Copy, or what is
// missing and why with Fill in.
func (p *formAnswersPanel) row(v app.FormView, i int, a forms.Answer) fyne.CanvasObject {
	u := p.u
	label := strconv.Itoa(i+1) + ". " + a.Label
	if a.Field.Required {
		label = u.T("dossier.forms.required", "label", label)
	}
	head := bold(label)
	head.Wrapping = fyne.TextWrapWord
	if a.Missing {
		text := u.T("cli.form-missing", "reason", a.Reason)
		if a.Problem != "" {
			text = u.T("cli.form-problem", "problem", a.Problem)
		}
		why := wrapped(text)
		why.Importance = widget.WarningImportance
		row := container.NewVBox(head, why)
		if w := app.FactField(a.Field.Fact); w != "" {
			fill := widget.NewButtonWithIcon(u.T("ui.para.fill-in"), theme.DocumentCreateIcon(), func() { p.fill(w) })
			row.Add(container.NewHBox(fill))
		}
		return row
	}
	value := widget.NewLabel(a.Value)
	value.Wrapping = fyne.TextWrapWord
	value.Selectable = true
	var notes []fyne.CanvasObject
	if a.Cut {
		notes = append(notes, note(u.T("form.cut", "n", strconv.Itoa(a.Length), "full", strconv.Itoa(a.Full), "unit", u.T(a.Field.Limit.Count.Unit()))))
	}
	if a.Field.Choice {
		notes = append(notes, note(u.T("form.choice")))
	}
	if a.Sensitive {
		notes = append(notes, note(u.T("ui.para.id-note")))
	}
	val := a.Value
	copyBtn := widget.NewButtonWithIcon(u.T("ui.copy"), theme.ContentCopyIcon(), func() {
		u.fa.Clipboard().SetContent(val)
		p.status.SetText(u.T("ui.para.copied", "field", a.Label))
	})
	p.copies[v.ID+"/"+a.Field.Key] = copyBtn
	return container.NewVBox(head, container.NewBorder(nil, nil, nil, container.NewVBox(copyBtn), container.NewVBox(append([]fyne.CanvasObject{value}, notes...)...)))
}

// fill takes the user where a missing fact is given: the case form (with
// the cursor in the field), the profile, or the timeline.
func (p *formAnswersPanel) fill(where string) {
	u := p.u
	switch where {
	case "profile":
		p.shown.close()
		u.editProfile(u.svc, nil)
	case "timeline":
		u.notice(u.T("ui.para.forms-title"), u.T("ui.para.from-timeline"))
	default:
		p.shown.close()
		f := u.editCaseDialog(u.view.c)
		f.more.focusField(where)
	}
}

// formsAndLettersButton is the case's "Forms & letters" button: a menu of
// the form answers, the records request and the letter of authority.
func (u *UI) formsAndLettersButton() *widget.Button {
	var b *widget.Button
	b = widget.NewButtonWithIcon(u.T("ui.para.forms-letters"), theme.MenuDropDownIcon(), func() {
		menu := fyne.NewMenu("",
			fyne.NewMenuItem(u.T("ui.para.forms-button"), u.FormAnswers),
			fyne.NewMenuItem(u.T("ui.para.records-button"), u.RecordsRequest),
			fyne.NewMenuItem(u.T("ui.para.authority-button"), u.LetterOfAuthority))
		c := fyne.CurrentApp().Driver().CanvasForObject(b)
		if c == nil {
			return
		}
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
		widget.ShowPopUpMenuAtPosition(menu, c, pos.Add(fyne.NewPos(0, b.Size().Height)))
	})
	b.IconPlacement = widget.ButtonIconTrailingText
	return b
}
