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
	"redress/escalation"
	"redress/evidence"
)

// caseLister is what the case list reads.
type caseLister interface {
	Cases(ctx context.Context, archived bool) ([]app.CaseSummary, error)
	Attention(ctx context.Context) ([]escalation.Alert, error)
	SearchPage(ctx context.Context, text, caseRef string, limit int) ([]app.Hit, bool, error)
}

// searchLimit is how many matching cases and how many matching entries the
// case list's search reads at most; it says so when there were more.
const searchLimit = app.DefaultSearchLimit

// caseList is the left panel: search, the cases and the first-run state.
type caseList struct {
	u        *UI
	svc      caseLister
	all      []app.CaseSummary
	shown    []app.CaseSummary
	hits     map[string][]app.Hit // case ID → the entries the search matched
	list     *widget.List
	search   *entry
	archived *widget.Check
	empty    fyne.CanvasObject
	noMatch  *widget.Label
	capped   *widget.Label // "only the first 200 matches are shown"
	body     *fyne.Container
	content  fyne.CanvasObject
	query    string
	selected string
	badges   map[string]string // case ID → "⚠ 2 overdue" or the next deadline
	clients  *clientBar        // the client filter (clientbar.go)
}

func newCaseList(u *UI, svc caseLister) *caseList {
	cl := &caseList{u: u, svc: svc}
	cl.search = u.newEntry(u.T("ui.search-cases"))
	cl.search.OnChanged = func(s string) { cl.query = s; cl.filter() }
	cl.archived = widget.NewCheck(u.T("ui.show-archived"), func(bool) { cl.reload() })
	cl.clients = cl.newClientBar()
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
	cl.capped = widget.NewLabel("")
	cl.capped.Wrapping = fyne.TextWrapWord
	cl.capped.Importance = widget.WarningImportance
	cl.capped.SizeName = theme.SizeNameCaptionText
	cl.capped.Hide()
	cl.empty = cl.firstRun()
	cl.body = container.NewStack(cl.list)
	importBtn := u.iconButton(theme.DownloadIcon(), u.T("ui.import-case"), u.ImportCase)
	heading := widget.NewLabelWithStyle(u.T("ui.cases"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(importBtn, newBtn), heading),
		cl.search, cl.capped, cl.clients.content, cl.archived)
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
	return container.NewVScroll(container.NewVBox(layoutSpacer(24), title, text, container.NewCenter(btn)))
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

// rowText is what the list shows for a case: its title, a line with the
// provider, problem and amount, and a line with its status, entries and
// next deadline.
func (cl *caseList) rowText(c app.CaseSummary) (title, line, meta string) {
	u := cl.u
	title = c.Title
	if c.Archived != nil {
		title = "[" + u.T("status.archived") + "] " + title
	}
	line = c.Provider + " · " + u.l.Label("problem", string(c.Problem))
	if n := cl.clients.name(c.ClientID); n != "" {
		line = n + " · " + line
	}
	if s := c.Amount.String(); s != "" {
		line += " · " + s
	}
	parts := []string{u.l.Label("status", string(c.Status))}
	if c.Events == 0 && c.LastEvent == nil {
		parts = append(parts, u.T("ui.no-events-yet"))
	} else {
		n := u.N("ui.entries", c.Events)
		if c.LastEvent != nil {
			n = u.T("ui.entries-last", "entries", n, "date", c.LastEvent.In(u.clock.Location()).Format(evidence.DateLayout))
		}
		parts = append(parts, n)
	}
	if b := cl.badges[c.ID]; b != "" {
		parts = append(parts, b)
	}
	return title, line, strings.Join(parts, " · ")
}

// matchText names the entries of a case that the search matched.
func (cl *caseList) matchText(hits []app.Hit) string {
	var titles []string
	for _, h := range hits {
		if h.EventID != "" && len(titles) < 3 {
			titles = append(titles, cl.u.T("ui.quoted", "text", h.Title))
		}
	}
	n := 0
	for _, h := range hits {
		if h.EventID != "" {
			n++
		}
	}
	if n == 0 {
		return ""
	}
	return cl.u.N("ui.matching-entries", n, "titles", strings.Join(titles, cl.u.T("ui.list-sep")))
}

func (cl *caseList) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(cl.shown) {
		return
	}
	c := cl.shown[id]
	rows := o.(*fyne.Container).Objects
	title, line, meta := cl.rowText(c)
	rows[0].(*widget.Label).SetText(title)
	rows[1].(*widget.Label).SetText(line)
	// While searching, the last line says which entries matched.
	m := rows[2].(*widget.Label)
	m.Importance = widget.MediumImportance
	if match := cl.matchText(cl.hits[c.ID]); match != "" {
		meta = match
		m.Importance = widget.HighImportance
	}
	m.SetText(meta)
}

// reload reads the cases again (after a change) in the background.
func (cl *caseList) reload() {
	var got []app.CaseSummary
	archived := cl.archived.Checked
	var alerts []escalation.Alert
	cl.u.async(func(ctx context.Context) (err error) {
		if got, err = cl.svc.Cases(ctx, archived); err != nil {
			return err
		}
		alerts, err = cl.svc.Attention(ctx)
		return err
	}, func(err error) {
		if err != nil {
			cl.u.showError(err)
			return
		}
		cl.badges = map[string]string{}
		for _, a := range alerts {
			if _, ok := cl.badges[a.Case.ID]; ok {
				continue // the most urgent comes first
			}
			if a.Overdue > 0 {
				cl.badges[a.Case.ID] = cl.u.N("ui.badge-overdue", a.Overdue)
			} else {
				key, args := a.Deadline.When()
				cl.badges[a.Case.ID] = cl.u.T(key, args...)
			}
		}
		cl.u.alerts = alerts
		cl.all = got
		cl.clients.load("")
		if cl.u.view != nil {
			cl.u.view.refreshHome()
		}
		cl.filter()
	})
}

// filter applies the search box: full-text over cases and their events.
func (cl *caseList) filter() {
	q := strings.TrimSpace(cl.query)
	if q == "" {
		cl.hits = nil
		cl.capped.Hide()
		cl.show(cl.all)
		return
	}
	var hits []app.Hit
	var more bool
	cl.u.async(func(ctx context.Context) (err error) {
		hits, more, err = cl.svc.SearchPage(ctx, q, "", searchLimit)
		return err
	}, func(err error) {
		if err != nil {
			cl.u.showError(err)
			return
		}
		if strings.TrimSpace(cl.query) != q {
			return // the user typed on; a newer search is coming
		}
		if more {
			cl.capped.SetText(cl.u.T("ui.search-capped", "n", strconv.Itoa(searchLimit)))
			cl.capped.Show()
		} else {
			cl.capped.Hide()
		}
		cl.hits = map[string][]app.Hit{}
		for _, h := range hits {
			cl.hits[h.CaseID] = append(cl.hits[h.CaseID], h)
		}
		var shown []app.CaseSummary
		for _, c := range cl.all {
			if cl.hits[c.ID] != nil || strings.Contains(strings.ToLower(c.Title+" "+c.Provider), strings.ToLower(q)) {
				shown = append(shown, c)
			}
		}
		cl.show(shown)
	})
}

func (cl *caseList) show(cases []app.CaseSummary) {
	cases = cl.clients.apply(cases)
	cl.shown = cases
	switch {
	case len(cl.all) == 0 && !cl.archived.Checked && (cl.u.view == nil || cl.u.view.caseID == ""):
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
