package ui

import (
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

// pageSize is how many timeline rows are read from the database at once.
const pageSize = 100

// timeline is the virtualized list's model: it knows the number of events
// and reads pages of them on demand, so a 10,000-event case opens at once.
type timeline struct {
	u      *UI
	caseID string
	q      app.Query
	count  int
	pages  map[int][]evidence.Event
	err    error
}

func (m *timeline) reset(caseID string, q app.Query) error {
	m.caseID, m.q, m.pages = caseID, q, map[int][]evidence.Event{}
	n, err := m.u.svc.Count(m.u.ctx, caseID, q)
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
		evs, err := m.u.svc.Timeline(m.u.ctx, m.caseID, q)
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
	caseID   string
	c        evidence.Case
	model    *timeline
	list     *widget.List
	search   *entry
	order    *widget.Select
	kind     *widget.Select
	kindVals []string
	header   *fyne.Container
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
}

func newCaseView(u *UI) *caseView {
	v := &caseView{u: u, model: &timeline{u: u, pages: map[int][]evidence.Event{}}}
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

	add := func(key string, icon fyne.Resource, f func()) *widget.Button {
		b := widget.NewButtonWithIcon(u.T(key), icon, f)
		return b
	}
	call := add("ui.call-now", theme.NewErrorThemedResource(theme.MediaRecordIcon()), func() { u.StartCall() })
	call.Importance = widget.DangerImportance
	files := add("ui.add-files", theme.FileImageIcon(), func() { u.AddFiles() })
	files.Importance = widget.HighImportance
	toolbar := container.NewHBox(
		files,
		add("kind.transaction", kindIcon(evidence.KindTransaction), func() { u.AddEvent(evidence.KindTransaction) }),
		add("kind.contact", kindIcon(evidence.KindContact), func() { u.AddEvent(evidence.KindContact) }),
		call,
		add("kind.note", kindIcon(evidence.KindNote), func() { u.AddEvent(evidence.KindNote) }),
		add("kind.letter", kindIcon(evidence.KindLetter), func() { u.AddEvent(evidence.KindLetter) }),
		add("kind.response", kindIcon(evidence.KindResponse), func() { u.AddEvent(evidence.KindResponse) }),
	)
	filters := container.NewBorder(nil, nil, container.NewHBox(v.order, v.kind), v.count, v.search)
	left := container.NewBorder(filters, nil, nil, nil, v.body)
	v.status = newStatusPanel(u)
	v.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(u.T("ui.tab-status"), theme.InfoIcon(), container.NewVScroll(container.NewPadded(v.status.box))),
		container.NewTabItemWithIcon(u.T("ui.tab-entry"), theme.DocumentIcon(), container.NewVScroll(container.NewPadded(v.detail))),
	)
	split := container.NewHSplit(left, v.tabs)
	split.Offset = 0.56
	v.main = container.NewBorder(container.NewVBox(v.header, container.NewHScroll(toolbar), widget.NewSeparator()), nil, nil, nil, split)
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
	u.async(func() (err error) {
		c, err = u.svc.Case(u.ctx, id)
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
	v.count.SetText(v.u.T("ui.event-count", "n", strconv.Itoa(v.model.count)))
	if v.model.count == 0 {
		if v.query().Text != "" || v.kind.SelectedIndex() > 0 {
			v.empty.SetText(v.u.T("ui.timeline-no-match"))
		} else {
			v.empty.SetText(v.u.T("ui.timeline-empty"))
		}
		v.body.Objects = []fyne.CanvasObject{container.NewVBox(v.empty)}
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
	person := widget.NewLabel(strings.Join(who, " · "))
	person.SizeName = theme.SizeNameCaptionText
	person.Truncation = fyne.TextTruncateEllipsis
	edit := widget.NewButtonWithIcon(u.T("ui.edit"), theme.DocumentCreateIcon(), func() { u.EditCase(v.c) })
	export := widget.NewButtonWithIcon(u.T("ui.export"), theme.UploadIcon(), u.ExportCase)
	dossier := widget.NewButtonWithIcon(u.T("ui.create-dossier"), theme.DocumentPrintIcon(), u.CreateDossier)
	dossier.Importance = widget.HighImportance
	var arch *widget.Button
	if c.Archived == nil {
		arch = widget.NewButtonWithIcon(u.T("ui.archive"), theme.DeleteIcon(), func() { u.ArchiveCase(v.c) })
	} else {
		arch = widget.NewButtonWithIcon(u.T("ui.restore"), theme.ContentUndoIcon(), func() { u.RestoreCase(v.c) })
	}
	v.header.Objects = []fyne.CanvasObject{container.NewBorder(nil, nil, nil, container.NewHBox(dossier, edit, export, arch), title), line}
	if len(who) > 0 {
		v.header.Objects = append(v.header.Objects, person)
	}
	v.header.Refresh()
}

// ArchiveCase asks, then hides the case from the list (restorable).
func (u *UI) ArchiveCase(c evidence.Case) {
	u.confirm(u.T("ui.archive-case-title"), u.T("ui.archive-case-text", "title", c.Title), func() {
		u.async(func() error { return u.svc.ArchiveCase(u.ctx, c.ID) }, func(err error) {
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
	u.async(func() error { return u.svc.RestoreCase(u.ctx, c.ID) }, func(err error) {
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
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	u.modal(title, container.NewGridWrap(fyne.NewSize(420, l.MinSize().Height*3), l), u.T("ui.yes-continue"), func(close func()) {
		close()
		yes()
	}, fyne.Size{})
}

// when shows a time in local time, adding the original time and offset
// when they differ from the local offset.
func (u *UI) when(t time.Time) string {
	loc := u.svc.Location()
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
	when := widget.NewLabel("2026-11-20 23:30")
	icon := widget.NewIcon(theme.DocumentIcon())
	title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	meta := widget.NewLabel("")
	meta.SizeName = theme.SizeNameCaptionText
	meta.Truncation = fyne.TextTruncateEllipsis
	thumbs := container.NewHBox()
	left := container.NewHBox(container.NewGridWrap(fyne.NewSize(when.MinSize().Width, when.MinSize().Height), when), icon)
	return container.NewBorder(nil, nil, left, thumbs, container.NewVBox(title, meta))
}

// rowText is what a timeline row shows besides its time: the title and a
// line with kind, channel, agent, reference and amount.
func (u *UI) rowText(e evidence.Event) (title, meta string) {
	parts := []string{u.l.Label("kind", string(e.Kind))}
	switch {
	case e.Contact != nil:
		parts[0] += " · " + u.l.Label("channel", string(e.Contact.Channel))
		if e.Contact.Agent != "" {
			parts = append(parts, e.Contact.Agent)
		}
		if e.Contact.Duration > 0 {
			parts = append(parts, u.T("ui.minutes", "n", strconv.Itoa(int(e.Contact.Duration.Round(time.Minute).Minutes()))))
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
		parts = append(parts, u.T("cli.files", "n", strconv.Itoa(n)))
	}
	if orig := u.originalTime(e.At); orig != "" {
		parts = append([]string{orig}, parts...)
	}
	return e.Title(), strings.Join(parts, " · ")
}

// originalTime is "(23:30 +08:00)" when the event's own offset differs from
// the local one, else "".
func (u *UI) originalTime(t time.Time) string {
	_, lo := t.In(u.svc.Location()).Zone()
	_, oo := t.Zone()
	if lo == oo {
		return ""
	}
	return "(" + t.Format("15:04 -07:00") + ")"
}

func durationText(d time.Duration) string {
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
	left := row.Objects[1].(*fyne.Container)
	thumbs := row.Objects[2].(*fyne.Container)
	left.Objects[0].(*fyne.Container).Objects[0].(*widget.Label).SetText(e.At.In(u.svc.Location()).Format(timeLayout))
	left.Objects[1].(*widget.Icon).SetResource(kindIcon(e.Kind))
	title, meta := u.rowText(e)
	center.Objects[0].(*widget.Label).SetText(title)
	center.Objects[1].(*widget.Label).SetText(meta)
	thumbs.Objects = nil
	for i, a := range e.Attachments {
		if i == 3 {
			break
		}
		thumbs.Objects = append(thumbs.Objects, u.thumbs.icon(a, 40, func() { v.list.RefreshItem(id) }))
	}
	thumbs.Refresh()
}

// showDetail shows one event in full, with its attachments and edit history.
func (v *caseView) showDetail(e evidence.Event) {
	u := v.u
	grid := container.New(layout.NewFormLayout())
	add := func(key, val string) {
		if val == "" {
			return
		}
		k := widget.NewLabelWithStyle(u.T(key), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		l := widget.NewLabel(val)
		l.Wrapping = fyne.TextWrapWord
		l.Selectable = true
		grid.Add(k)
		grid.Add(l)
	}
	for _, f := range app.EventFields(e, u.l, u.when) {
		add(f.Key, f.Value)
	}
	objs := []fyne.CanvasObject{widget.NewLabelWithStyle(e.Title(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), grid}
	for _, a := range e.Attachments {
		a := a
		b := widget.NewButtonWithIcon(a.Name+" ("+sizeText(a.Size)+")", theme.ZoomInIcon(), func() { u.ShowAttachment(a) })
		b.Alignment = widget.ButtonAlignLeading
		objs = append(objs, container.NewBorder(nil, nil, u.thumbs.icon(a, 64, nil), nil, b))
	}
	edit := widget.NewButtonWithIcon(u.T("ui.edit"), theme.DocumentCreateIcon(), func() { u.EditEvent(e) })
	var arch *widget.Button
	if e.Archived == nil {
		arch = widget.NewButtonWithIcon(u.T("ui.archive"), theme.DeleteIcon(), func() {
			u.confirm(u.T("ui.archive-event-title"), u.T("ui.archive-event-text"), func() {
				u.async(func() error { return u.svc.ArchiveEvent(u.ctx, e.ID) }, func(err error) {
					if err != nil {
						u.showError(err)
						return
					}
					v.selected = ""
					v.reloadTimeline()
					u.cases.reload()
				})
			})
		})
	}
	buttons := container.NewHBox(edit)
	if arch != nil {
		buttons.Add(arch)
	}
	objs = append(objs, buttons)
	hist := container.NewVBox()
	objs = append(objs, widget.NewSeparator(), widget.NewLabelWithStyle(u.T("ui.history"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), hist)
	v.detail.Objects = objs
	v.detail.Refresh()
	var versions []evidence.Event
	u.async(func() (err error) {
		versions, err = u.svc.EventHistory(u.ctx, e.ID)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if len(versions) == 0 {
			l := widget.NewLabel(u.T("ui.history-none", "date", u.when(e.Recorded)))
			l.Importance = widget.LowImportance
			l.Wrapping = fyne.TextWrapWord
			hist.Add(l)
			return
		}
		for i := len(versions) - 1; i >= 0; i-- {
			old := versions[i]
			l := widget.NewLabel(u.T("ui.history-version", "n", strconv.Itoa(old.Version), "title", old.Title(), "at", u.when(old.At)))
			l.Wrapping = fyne.TextWrapWord
			hist.Add(l)
		}
	})
}

// historyText returns the edit history lines shown for the selected event (tests).
func (v *caseView) detailText() string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.Button:
			b.WriteString("[" + w.Text + "]\n")
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		}
	}
	walk(v.detail)
	return b.String()
}

// refreshHome fills the home screen (no case open) with the cases that need
// attention.
func (v *caseView) refreshHome() {
	if v.caseID != "" {
		return
	}
	v.u.showAttention(v.home)
}
