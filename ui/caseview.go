package ui

import (
	"context"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"redress/app"
	"redress/evidence"
)

// caseReader is what the case view reads and changes.
type caseReader interface {
	Case(ctx context.Context, ref string) (evidence.Case, error)
	Count(ctx context.Context, caseID string, q app.Query) (int, error)
	Timeline(ctx context.Context, ref string, q app.Query) ([]evidence.Event, error)
	EventHistory(ctx context.Context, id string) ([]evidence.Event, error)
	ArchiveEvent(ctx context.Context, id string) error
	ArchiveCase(ctx context.Context, ref string) error
	RestoreCase(ctx context.Context, ref string) error
}

// pageSize is how many timeline rows are read from the database at once.
const pageSize = 100

// timeline is the virtualized list's model: it knows the number of events
// and reads pages of them on demand, so a 10,000-event case opens at once.
type timeline struct {
	u      *UI
	svc    caseReader
	caseID string
	q      app.Query
	count  int
	pages  map[int][]evidence.Event
	err    error
}

func (m *timeline) reset(caseID string, q app.Query) error {
	m.caseID, m.q, m.pages = caseID, q, map[int][]evidence.Event{}
	n, err := m.svc.Count(m.u.ctx, caseID, q)
	m.count = n
	return err
}

func (m *timeline) get(i int) (evidence.Event, bool) {
	if i < 0 || i >= m.count {
		return evidence.Event{}, false
	}
	p := i / pageSize
	page, ok := m.pages[p]
	if !ok {
		q := m.q
		q.Limit, q.Offset = pageSize, p*pageSize
		evs, err := m.svc.Timeline(m.u.ctx, m.caseID, q)
		if err != nil {
			m.err = err
			return evidence.Event{}, false
		}
		page = evs
		m.pages[p] = page
	}
	if i-p*pageSize >= len(page) {
		return evidence.Event{}, false
	}
	return page[i-p*pageSize], true
}

// caseView is the right panel: the case's facts, the add-evidence buttons,
// the timeline and the selected event.
type caseView struct {
	u        *UI
	svc      caseReader
	caseID   string
	c        evidence.Case
	model    *timeline
	list     *widget.List
	search   *entry
	order    *widget.Select
	kind     *widget.Select
	kindVals []string
	header   *fyne.Container
	actions  *fyne.Container
	archive  *widget.Button
	detail   *fyne.Container
	body     *fyne.Container
	empty    *widget.Label
	count    *widget.Label
	main     fyne.CanvasObject
	none     fyne.CanvasObject
	content  *fyne.Container
	selected string
	status   *statusPanel
	tabs     *container.AppTabs
	home     *fyne.Container
	quick    fyne.CanvasObject // paste, screenshot, emails (capture.go)
}

func newCaseView(u *UI, svc caseReader) *caseView {
	v := &caseView{u: u, svc: svc, model: &timeline{u: u, svc: svc, pages: map[int][]evidence.Event{}}}
	v.list = widget.NewList(func() int { return v.model.count }, v.createRow, v.updateRow)
	v.list.OnSelected = func(id widget.ListItemID) {
		if e, ok := v.model.get(id); ok {
			v.selected = e.ID
			v.showDetail(e)
			v.tabs.SelectIndex(1)
		}
	}
	v.search = u.newEntry(u.T("ui.search-timeline"))
	v.search.OnChanged = func(string) { v.refilter() }
	v.order = widget.NewSelect([]string{u.T("ui.newest-first"), u.T("ui.oldest-first")}, func(string) { v.refilter() })
	v.order.SetSelectedIndex(0)
	v.kindVals = append([]string{""}, stringsOf(evidence.Kinds)...)
	kindLabels := []string{u.T("ui.all-kinds")}
	for _, k := range evidence.Kinds {
		kindLabels = append(kindLabels, u.l.Label("kind", string(k)))
	}
	v.kind = widget.NewSelect(kindLabels, func(string) { v.refilter() })
	v.kind.SetSelectedIndex(0)
	v.header = container.NewVBox()
	v.detail = container.NewVBox()
	v.empty = widget.NewLabel(u.T("ui.timeline-empty"))
	v.empty.Wrapping = fyne.TextWrapWord
	v.empty.Alignment = fyne.TextAlignCenter
	v.count = widget.NewLabel("")
	v.count.SizeName = theme.SizeNameCaptionText
	v.body = container.NewStack(v.list)

	// One row of actions that wraps onto more rows in a narrow window:
	// evidence first, then what is done with the case.
	add := func(key string, icon fyne.Resource, f func()) *widget.Button {
		return widget.NewButtonWithIcon(u.T(key), icon, f)
	}
	call := add("ui.call-now", theme.NewErrorThemedResource(theme.MediaRecordIcon()), func() { u.StartCall() })
	call.Importance = widget.DangerImportance
	files := add("ui.add-files", theme.FileImageIcon(), func() { u.AddFiles() })
	files.Importance = widget.HighImportance
	dossier := add("ui.create-dossier", theme.DocumentPrintIcon(), u.CreateDossier)
	dossier.Importance = widget.HighImportance
	v.archive = add("ui.archive", theme.DeleteIcon(), func() {
		if v.c.Archived == nil {
			u.ArchiveCase(v.c)
		} else {
			u.RestoreCase(v.c)
		}
	})
	v.actions = newWrap(
		files,
		add("kind.transaction", kindIcon(evidence.KindTransaction), func() { u.AddEvent(evidence.KindTransaction) }),
		add("kind.contact", kindIcon(evidence.KindContact), func() { u.AddEvent(evidence.KindContact) }),
		call,
		add("kind.note", kindIcon(evidence.KindNote), func() { u.AddEvent(evidence.KindNote) }),
		add("kind.letter", kindIcon(evidence.KindLetter), func() { u.AddEvent(evidence.KindLetter) }),
		add("kind.response", kindIcon(evidence.KindResponse), func() { u.AddEvent(evidence.KindResponse) }),
		widget.NewSeparator(),
		dossier,
		add("ui.edit", theme.DocumentCreateIcon(), func() { u.EditCase(v.c) }),
		add("ui.export", theme.UploadIcon(), u.ExportCase),
		v.archive,
		add("lawui.public-post", theme.MailForwardIcon(), u.ShowPostDraft),
		u.formsAndLettersButton(),
	)
	v.quick = u.quickCapture()
	// The search box has a row of its own, so that it is always visible;
	// the order, the kind and the count share the next.
	filters := container.NewVBox(v.search, container.NewBorder(nil, nil, nil, v.count, newWrap(v.order, v.kind)))
	left := container.NewBorder(filters, nil, nil, nil, v.body)
	v.status = newStatusPanel(u, u.svc)
	v.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(u.T("ui.tab-status"), theme.InfoIcon(), container.NewVScroll(container.NewPadded(v.status.box))),
		container.NewTabItemWithIcon(u.T("ui.tab-entry"), theme.DocumentIcon(), container.NewVScroll(container.NewPadded(v.detail))),
	)
	split := container.NewHSplit(left, v.tabs)
	split.Offset = 0.55
	v.main = container.NewBorder(container.NewVBox(v.header, v.actions, widget.NewSeparator()), nil, nil, nil, split)
	v.home = container.NewVBox(wrapped(u.T("ui.choose-case")))
	v.none = container.NewVScroll(container.NewPadded(v.home))
	v.content = container.NewStack(v.none)
	return v
}

func kindIcon(k evidence.Kind) fyne.Resource {
	switch k {
	case evidence.KindTransaction:
		return theme.ListIcon()
	case evidence.KindContact:
		return theme.AccountIcon()
	case evidence.KindScreenshot:
		return theme.FileImageIcon()
	case evidence.KindDocument:
		return theme.FileTextIcon()
	case evidence.KindLetter:
		return theme.MailSendIcon()
	case evidence.KindResponse:
		return theme.MailReplyIcon()
	}
	return theme.DocumentCreateIcon()
}

// OpenCase shows a case in the right panel.
func (u *UI) OpenCase(id string) {
	v := u.view
	var c evidence.Case
	u.async(func(ctx context.Context) (err error) {
		c, err = v.svc.Case(ctx, id)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if v.caseID != id {
			v.selected = ""
			v.search.SetText("")
		}
		v.caseID, v.c = id, c
		v.showHeader()
		v.content.Objects = []fyne.CanvasObject{v.main}
		v.content.Refresh()
		v.reloadTimeline()
		u.win.SetTitle(u.T("app.title") + " — " + c.Title)
	})
}

func (v *caseView) query() app.Query {
	q := app.Query{OldestFirst: v.order.SelectedIndex() == 1, Text: strings.TrimSpace(v.search.Text)}
	if i := v.kind.SelectedIndex(); i > 0 {
		q.Kinds = []evidence.Kind{evidence.Kind(v.kindVals[i])}
	}
	return q
}

// reloadTimeline re-reads the timeline and the case's status after a change.
func (v *caseView) reloadTimeline() {
	if v.caseID == "" || v.order == nil || v.kind == nil {
		return
	}
	v.status.reload()
	v.refilter()
}

// refilter re-reads the event count for the current order, kind and
// search text, and drops cached pages.
func (v *caseView) refilter() {
	if v.caseID == "" || v.order == nil || v.kind == nil {
		return
	}
	if err := v.model.reset(v.caseID, v.query()); err != nil {
		v.u.showError(err)
		return
	}
	v.count.SetText(v.u.N("ui.entries", v.model.count))
	if v.model.count == 0 {
		if v.query().Text != "" || v.kind.SelectedIndex() > 0 {
			v.empty.SetText(v.u.T("ui.timeline-no-match"))
		} else {
			v.empty.SetText(v.u.T("ui.timeline-empty"))
		}
		v.body.Objects = []fyne.CanvasObject{container.NewVScroll(v.empty)}
	} else {
		v.body.Objects = []fyne.CanvasObject{v.list}
	}
	v.body.Refresh()
	v.list.UnselectAll()
	v.list.Refresh()
	if v.selected != "" {
		for i := 0; i < min(v.model.count, pageSize); i++ {
			if e, ok := v.model.get(i); ok && e.ID == v.selected {
				v.list.Select(i)
				return
			}
		}
	}
	v.showNoSelection()
}

// showNoSelection fills the detail panel when no event is selected.
func (v *caseView) showNoSelection() {
	hint := widget.NewLabel(v.u.T("ui.select-entry"))
	hint.Wrapping = fyne.TextWrapWord
	hint.Alignment = fyne.TextAlignCenter
	v.detail.Objects = []fyne.CanvasObject{layoutSpacer(40), hint}
	v.detail.Refresh()
}

func (v *caseView) showHeader() {
	u, c := v.u, v.c
	title := widget.NewLabelWithStyle(c.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	title.SizeName = theme.SizeNameSubHeadingText
	facts := []string{c.Provider, u.l.Label("problem", string(c.Problem)), u.l.Label("jurisdiction", string(c.Jurisdiction))}
	if s := c.Amount.String(); s != "" {
		facts = append(facts, s)
	}
	if c.Incident != "" {
		facts = append(facts, u.T("ui.incident-on", "date", c.Incident))
	}
	facts = append(facts, u.l.Label("status", string(c.Status)))
	line := widget.NewLabel(strings.Join(facts, " · "))
	line.Truncation = fyne.TextTruncateEllipsis
	who := []string{}
	for _, s := range []string{c.Complainant.Name, c.Complainant.AccountID, c.Complainant.Contact} {
		if s != "" {
			who = append(who, s)
		}
	}
	who = append(who, v.representation()...)
	if c.Archived == nil {
		v.archive.SetText(u.T("ui.archive"))
		v.archive.SetIcon(theme.DeleteIcon())
	} else {
		v.archive.SetText(u.T("ui.restore"))
		v.archive.SetIcon(theme.ContentUndoIcon())
	}
	v.header.Objects = []fyne.CanvasObject{container.NewBorder(nil, nil, nil, v.quick, title), line}
	if len(who) > 0 {
		person := widget.NewLabel(strings.Join(who, " · "))
		person.SizeName = theme.SizeNameCaptionText
		person.Truncation = fyne.TextTruncateEllipsis
		v.header.Objects = append(v.header.Objects, person)
	}
	v.header.Refresh()
}

// ArchiveCase asks, then hides the case from the list (restorable).
func (u *UI) ArchiveCase(c evidence.Case) {
	u.confirm(u.T("ui.archive-case-title"), u.T("ui.archive-case-text", "title", c.Title), func() {
		u.async(func(ctx context.Context) error { return u.view.svc.ArchiveCase(ctx, c.ID) }, func(err error) {
			if err != nil {
				u.showError(err)
				return
			}
			u.cases.reload()
			u.OpenCase(c.ID)
		})
	})
}

// RestoreCase brings an archived case back.
func (u *UI) RestoreCase(c evidence.Case) {
	u.async(func(ctx context.Context) error { return u.view.svc.RestoreCase(ctx, c.ID) }, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		u.cases.reload()
		u.OpenCase(c.ID)
	})
}

// confirm asks before a destructive action.
func (u *UI) confirm(title, text string, yes func()) {
	u.confirmWith(title, text, u.T("ui.yes-continue"), yes)
}

// confirmWith is confirm with the label of the button that goes ahead.
func (u *UI) confirmWith(title, text, yesLabel string, yes func()) {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	u.modal(title, container.NewGridWrap(fyne.NewSize(400, l.MinSize().Height*4), l), yesLabel, func(close func()) {
		close()
		yes()
	}, fyne.Size{})
}

// when shows a time in local time, adding the original time and offset
// when they differ from the local offset.
func (u *UI) when(t time.Time) string {
	loc := u.clock.Location()
	local := t.In(loc)
	s := local.Format(timeLayout)
	_, lo := local.Zone()
	_, oo := t.Zone()
	if lo != oo {
		s += " (" + t.Format("15:04 -07:00") + ")"
	}
	return s
}

func (v *caseView) createRow() fyne.CanvasObject {
	icon := widget.NewIcon(theme.DocumentIcon())
	title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	meta := widget.NewLabel("")
	meta.SizeName = theme.SizeNameCaptionText
	meta.Truncation = fyne.TextTruncateEllipsis
	thumbs := container.NewHBox()
	return container.NewBorder(nil, nil, icon, thumbs, container.NewVBox(title, meta))
}

// rowText is what a timeline row shows: the title, and a line with the
// time, kind, channel, agent, reference and amount.
func (u *UI) rowText(e evidence.Event) (title, meta string) {
	parts := []string{e.At.In(u.clock.Location()).Format(timeLayout), u.l.Label("kind", string(e.Kind))}
	if orig := u.originalTime(e.At); orig != "" {
		parts[0] += " " + orig
	}
	switch {
	case e.Contact != nil:
		parts[1] += " · " + u.l.Label("channel", string(e.Contact.Channel))
		if e.Contact.Agent != "" {
			parts = append(parts, e.Contact.Agent)
		}
		if e.Contact.Duration > 0 {
			parts = append(parts, app.DurationText(u.l, e.Contact.Duration))
		}
	case e.Transaction != nil:
		if e.Transaction.TxID != "" {
			parts = append(parts, e.Transaction.TxID)
		}
		if s := e.Transaction.Amount.String(); s != "" {
			parts = append(parts, s)
		}
	case e.Letter != nil:
		parts = append(parts, u.T("ui.to-party", "party", u.l.Label("party", e.Letter.To)))
		if e.Letter.Channel != "" {
			parts = append(parts, u.l.Label("channel", string(e.Letter.Channel))) // how it was sent
		}
	case e.Response != nil:
		parts = append(parts, u.T("ui.from-party", "party", u.l.Label("party", e.Response.From)))
		if e.Response.Final {
			parts = append(parts, u.T("field.final"))
		}
	}
	if e.Reference != "" {
		parts = append(parts, u.T("ui.ref", "ref", e.Reference))
	}
	if n := len(e.Attachments); n > 0 {
		parts = append(parts, u.N("ui.files", n))
	}
	return u.title(e), strings.Join(parts, " · ")
}

// originalTime is "(23:30 +08:00)" when the event's own offset differs from
// the local one, else "".
func (u *UI) originalTime(t time.Time) string {
	_, lo := t.In(u.clock.Location()).Zone()
	_, oo := t.Zone()
	if lo == oo {
		return ""
	}
	return "(" + t.Format("15:04 -07:00") + ")"
}

// timerText is the running clock of call mode: "0:35", "12:04", "1:02:03".
func timerText(d time.Duration) string {
	d = d.Round(time.Second)
	h, m, s := int(d.Hours()), int(d.Minutes())%60, int(d.Seconds())%60
	if h > 0 {
		return strconv.Itoa(h) + ":" + pad2(m) + ":" + pad2(s)
	}
	return strconv.Itoa(m) + ":" + pad2(s)
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func (v *caseView) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	e, ok := v.model.get(id)
	if !ok {
		return
	}
	u := v.u
	row := o.(*fyne.Container)
	center := row.Objects[0].(*fyne.Container)
	icon := row.Objects[1].(*widget.Icon)
	thumbs := row.Objects[2].(*fyne.Container)
	icon.SetResource(kindIcon(e.Kind))
	title, meta := u.rowText(e)
	center.Objects[0].(*widget.Label).SetText(title)
	center.Objects[1].(*widget.Label).SetText(meta)
	thumbs.Objects = nil
	for i, a := range e.Attachments {
		if i == 2 {
			break
		}
		thumbs.Objects = append(thumbs.Objects, u.thumbs.icon(a, 40, func() { v.list.RefreshItem(id) }))
	}
	thumbs.Refresh()
}

// showDetail shows one event in full, with its attachments and edit
// history. Long text wraps, so the panel never widens the window.
func (v *caseView) showDetail(e evidence.Event) {
	u := v.u
	grid := container.New(layout.NewFormLayout())
	for _, f := range u.eventFields(e) {
		k := widget.NewLabelWithStyle(u.T(f.Key), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		l := widget.NewLabel(f.Value)
		l.Wrapping = fyne.TextWrapWord
		l.Selectable = true
		grid.Add(k)
		grid.Add(l)
	}
	heading := widget.NewLabelWithStyle(u.title(e), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.Wrapping = fyne.TextWrapWord
	objs := []fyne.CanvasObject{heading, grid}
	for _, a := range e.Attachments {
		a := a
		name := widget.NewLabel(a.Name + " (" + sizeText(a.Size) + ")")
		name.Truncation = fyne.TextTruncateEllipsis
		taken := widget.NewLabel("")
		taken.Wrapping = fyne.TextWrapWord
		taken.SizeName = theme.SizeNameCaptionText
		u.takenText(e.CaseID, a, taken)
		open := u.iconButton(theme.ZoomInIcon(), u.T("ui.open-file"), func() { u.ShowAttachment(a) })
		thumb := u.thumbs.icon(a, 64, func() { // the picture once it is made
			if v.selected == e.ID {
				v.showDetail(e)
			}
		})
		objs = append(objs, container.NewBorder(nil, nil, thumb, open, container.NewVBox(name, taken)))
	}
	edit := widget.NewButtonWithIcon(u.T("ui.edit"), theme.DocumentCreateIcon(), func() { u.EditEvent(e) })
	buttons := newWrap(append([]fyne.CanvasObject{edit}, u.entryButtons(e)...)...)
	if e.Archived == nil {
		buttons.Add(widget.NewButtonWithIcon(u.T("ui.archive"), theme.DeleteIcon(), func() {
			u.confirm(u.T("ui.archive-event-title"), u.T("ui.archive-event-text"), func() {
				u.async(func(ctx context.Context) error { return v.svc.ArchiveEvent(ctx, e.ID) }, func(err error) {
					if err != nil {
						u.showError(err)
						return
					}
					v.selected = ""
					v.reloadTimeline()
					u.cases.reload()
				})
			})
		}))
	}
	objs = append(objs, buttons)
	hist := container.NewVBox()
	objs = append(objs, widget.NewSeparator(), bold(u.T("ui.history")), hist)
	v.detail.Objects = objs
	v.detail.Refresh()
	var versions []evidence.Event
	u.async(func(ctx context.Context) (err error) {
		versions, err = v.svc.EventHistory(ctx, e.ID)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if len(versions) == 0 {
			l := wrapped(u.T("ui.history-none", "date", u.when(e.Recorded)))
			l.Importance = widget.LowImportance
			hist.Add(l)
			return
		}
		for _, line := range u.historyLines(e, versions) {
			hist.Add(wrapped(line))
		}
	})
}

// eventFields are an event's facts as shown in the detail panel (those of
// app.EventFields, the command line's too).
func (u *UI) eventFields(e evidence.Event) []app.Field {
	return app.EventFields(e, u.l, u.when)
}

// historyLines say, newest first, what each edit changed: "Version 2
// (2026-11-21 10:00): Summary: old → new".
func (u *UI) historyLines(cur evidence.Event, versions []evidence.Event) []string {
	var out []string
	next := cur
	for i := len(versions) - 1; i >= 0; i-- {
		old := versions[i]
		var changes []string
		before, after := fieldMap(u.eventFields(old)), u.eventFields(next)
		seen := map[string]bool{}
		for _, f := range after {
			seen[f.Key] = true
			if f.Key == "field.recorded" {
				continue
			}
			if before[f.Key] != f.Value {
				changes = append(changes, u.T("ui.history-change", "field", u.T(f.Key), "old", orNone(u, before[f.Key]), "new", f.Value))
			}
		}
		for _, f := range u.eventFields(old) {
			if !seen[f.Key] && f.Key != "field.recorded" {
				changes = append(changes, u.T("ui.history-change", "field", u.T(f.Key), "old", f.Value, "new", u.T("ui.history-empty")))
			}
		}
		if len(changes) == 0 {
			changes = append(changes, u.T("ui.history-files"))
		}
		out = append(out, u.T("ui.history-version", "n", strconv.Itoa(old.Version), "next", strconv.Itoa(next.Version), "at", u.when(next.Recorded))+"\n"+strings.Join(changes, "\n"))
		next = old
	}
	return out
}

func fieldMap(fs []app.Field) map[string]string {
	m := map[string]string{}
	for _, f := range fs {
		m[f.Key] = f.Value
	}
	return m
}

func orNone(u *UI, s string) string {
	if s == "" {
		return u.T("ui.history-empty")
	}
	return s
}

// refreshHome fills the home screen (no case open) with the cases that need
// attention.
func (v *caseView) refreshHome() {
	if v.caseID != "" {
		return
	}
	v.u.showAttention(v.home)
}
