package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"redress/app"
	"redress/escalation"
	"redress/evidence"
)

// caseList is the left panel: search, the cases and the first-run state.
type caseList struct {
	u        *UI
	all      []app.CaseSummary
	shown    []app.CaseSummary
	list     *widget.List
	search   *entry
	archived *widget.Check
	empty    fyne.CanvasObject
	noMatch  *widget.Label
	body     *fyne.Container
	content  fyne.CanvasObject
	query    string
	selected string
	badges   map[string]string // case ID → "⚠ 2 overdue" or the next deadline
}

func newCaseList(u *UI) *caseList {
	cl := &caseList{u: u}
	cl.search = u.newEntry(u.T("ui.search-cases"))
	cl.search.OnChanged = func(s string) { cl.query = s; cl.filter() }
	cl.archived = widget.NewCheck(u.T("ui.show-archived"), func(bool) { cl.reload() })
	newBtn := widget.NewButtonWithIcon(u.T("ui.new-case"), theme.ContentAddIcon(), u.NewCase)
	newBtn.Importance = widget.HighImportance
	cl.list = widget.NewList(func() int { return len(cl.shown) }, cl.createRow, cl.updateRow)
	cl.list.OnSelected = func(id widget.ListItemID) {
		if id < len(cl.shown) {
			cl.selected = cl.shown[id].ID
			u.OpenCase(cl.shown[id].ID)
		}
	}
	cl.noMatch = widget.NewLabel("")
	cl.noMatch.Alignment = fyne.TextAlignCenter
	cl.noMatch.Wrapping = fyne.TextWrapWord
	cl.empty = cl.firstRun()
	cl.body = container.NewStack(cl.list)
	importBtn := widget.NewButtonWithIcon("", theme.DownloadIcon(), u.ImportCase)
	top := container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(importBtn, newBtn), widget.NewLabelWithStyle(u.T("ui.cases"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})),
		cl.search, cl.archived)
	cl.content = container.NewBorder(top, nil, nil, nil, cl.body)
	return cl
}

// firstRun explains the app in two sentences and offers "New case".
func (cl *caseList) firstRun() fyne.CanvasObject {
	u := cl.u
	title := widget.NewLabelWithStyle(u.T("ui.welcome-title"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	text := widget.NewLabel(u.T("ui.welcome-text"))
	text.Wrapping = fyne.TextWrapWord
	text.Alignment = fyne.TextAlignCenter
	btn := widget.NewButtonWithIcon(u.T("ui.new-case"), theme.ContentAddIcon(), u.NewCase)
	btn.Importance = widget.HighImportance
	return container.NewVBox(layoutSpacer(24), title, text, container.NewCenter(btn))
}

func layoutSpacer(h float32) fyne.CanvasObject {
	r := widget.NewLabel("")
	r.Resize(fyne.NewSize(1, h))
	return r
}

func (cl *caseList) createRow() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	line := widget.NewLabel("")
	line.Truncation = fyne.TextTruncateEllipsis
	meta := widget.NewLabel("")
	meta.Truncation = fyne.TextTruncateEllipsis
	meta.SizeName = theme.SizeNameCaptionText
	return container.NewVBox(title, line, meta)
}

func (cl *caseList) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(cl.shown) {
		return
	}
	c := cl.shown[id]
	u := cl.u
	rows := o.(*fyne.Container).Objects
	title := c.Title
	if c.Archived != nil {
		title = "[" + u.T("status.archived") + "] " + title
	}
	rows[0].(*widget.Label).SetText(title)
	line := c.Provider + " · " + u.l.Label("problem", string(c.Problem))
	if s := c.Amount.String(); s != "" {
		line += " · " + s
	}
	rows[1].(*widget.Label).SetText(line)
	last := u.T("ui.no-events-yet")
	if c.LastEvent != nil {
		last = u.T("ui.last-event", "date", c.LastEvent.In(u.svc.Location()).Format(evidence.DateLayout))
	}
	meta := u.l.Label("status", string(c.Status)) + " · " + last
	if b := cl.badges[c.ID]; b != "" {
		meta += " · " + b
	}
	rows[2].(*widget.Label).SetText(meta)
}

// reload reads the cases again (after a change) in the background.
func (cl *caseList) reload() {
	var got []app.CaseSummary
	archived := cl.archived.Checked
	var alerts []escalation.Alert
	cl.u.async(func() (err error) {
		if got, err = cl.u.svc.Cases(cl.u.ctx, archived); err != nil {
			return err
		}
		alerts, err = cl.u.svc.Attention(cl.u.ctx)
		return err
	}, func(err error) {
		if err != nil {
			cl.u.showError(err)
			return
		}
		cl.badges = map[string]string{}
		for _, a := range alerts {
			if a.Overdue > 0 {
				cl.badges[a.Case.ID] = cl.u.T("ui.badge-overdue", "n", strconv.Itoa(a.Overdue))
			} else {
				key, args := a.Deadline.When()
				cl.badges[a.Case.ID] = cl.u.T(key, args...)
			}
		}
		cl.u.alerts = alerts
		cl.all = got
		cl.u.view.refreshHome()
		cl.filter()
	})
}

// filter applies the search box: full-text over cases and their events.
func (cl *caseList) filter() {
	q := strings.TrimSpace(cl.query)
	if q == "" {
		cl.show(cl.all)
		return
	}
	var hits []app.Hit
	cl.u.async(func() (err error) {
		hits, err = cl.u.svc.Search(cl.u.ctx, q, "")
		return err
	}, func(err error) {
		if err != nil {
			cl.u.showError(err)
			return
		}
		if strings.TrimSpace(cl.query) != q {
			return // the user typed on; a newer search is coming
		}
		match := map[string]bool{}
		for _, h := range hits {
			match[h.CaseID] = true
		}
		var shown []app.CaseSummary
		for _, c := range cl.all {
			if match[c.ID] || strings.Contains(strings.ToLower(c.Title+" "+c.Provider), strings.ToLower(q)) {
				shown = append(shown, c)
			}
		}
		cl.show(shown)
	})
}

func (cl *caseList) show(cases []app.CaseSummary) {
	cl.shown = cases
	switch {
	case len(cl.all) == 0 && !cl.archived.Checked:
		cl.body.Objects = []fyne.CanvasObject{cl.empty}
	case len(cases) == 0:
		cl.noMatch.SetText(cl.u.T("ui.no-match", "text", cl.query))
		if cl.query == "" {
			cl.noMatch.SetText(cl.u.T("ui.no-archived"))
		}
		cl.body.Objects = []fyne.CanvasObject{container.NewVBox(cl.noMatch)}
	default:
		cl.body.Objects = []fyne.CanvasObject{cl.list}
	}
	cl.body.Refresh()
	cl.list.UnselectAll()
	cl.list.Refresh()
	for i, c := range cases {
		if c.ID == cl.selected {
			cl.list.Select(i)
			break
		}
	}
}

// titles returns the titles shown, in order (tests).
func (cl *caseList) titles() []string {
	var out []string
	for _, c := range cl.shown {
		out = append(out, c.Title)
	}
	return out
}
