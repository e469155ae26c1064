package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"redress/app"
	"redress/escalation"
	"redress/evidence"
)

// eventWriter is what the event forms store.
type eventWriter interface {
	AddEvent(ctx context.Context, caseRef string, in app.EventInput) (evidence.Event, error)
	UpdateEvent(ctx context.Context, e *evidence.Event) error
}

// eventForm adds or edits one event, with the fields its kind has.
type eventForm struct {
	u        *UI
	svc      eventWriter
	kind     evidence.Kind
	content  fyne.CanvasObject
	first    fyne.Focusable // where the cursor goes when the form opens
	tagFor   *widget.Select
	form     *form
	at       *dateField
	summary  *entry
	ref      *entry
	tags     *entry
	notes    *entry
	txid     *entry
	amount   *entry
	currency *widget.SelectEntry
	dir      *choice
	status   *entry
	counter  *entry
	channel  *choice
	agent    *entry
	duration *entry
	promise  *entry
	promBy   *dateField
	caption  *entry
	shows    *entry
	party    *choice
	name     *entry
	method   *entry
	outcome  *entry
	final    *widget.Check
}

// newEventForm makes the form for an event of kind in case c (e nil: a
// new event). Defaults come from the case: its currency, else its
// jurisdiction's.
func (u *UI) newEventForm(svc eventWriter, c evidence.Case, kind evidence.Kind, e *evidence.Event) *eventForm {
	f := &eventForm{u: u, svc: svc, kind: kind, form: u.newForm()}
	fm := f.form
	f.at = u.newDateField(true)
	f.at.setText(u.clock.Now().In(u.clock.Location()).Format(timeLayout))
	fm.add("at", u.T("field.at"), f.at.content)
	switch kind {
	case evidence.KindTransaction:
		f.txid = u.newEntry(u.T("ui.eg", "example", "TX20261120ABCDEF"))
		f.amount = u.newEntry(u.T("ui.eg", "example", "1280.00"))
		f.currency = widget.NewSelectEntry(commonCurrencies)
		f.currency.PlaceHolder = u.T("ui.currency-hint")
		if cur := c.Amount.Currency; cur != "" {
			f.currency.SetText(cur)
		} else {
			f.currency.SetText(app.DefaultCurrency(c.Jurisdiction))
		}
		f.first = f.txid
		f.dir = u.newChoice("direction", []string{evidence.MoneyOut, evidence.MoneyIn}, evidence.MoneyOut)
		f.status = u.newEntry(u.T("ui.status-hint"))
		f.counter = u.newEntry("")
		fm.add("txid", u.T("field.txid"), f.txid)
		fm.add("amount", u.T("field.amount"), container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(120, f.currency.MinSize().Height), f.currency), f.amount), "currency")
		fm.add("direction", u.T("field.direction"), f.dir)
		fm.add("status", u.T("ui.status-shown"), f.status)
		fm.add("counterparty", u.T("field.counterparty"), f.counter)
	case evidence.KindContact:
		f.channel = u.newChoice("channel", stringsOf(evidence.Channels), string(evidence.Chat))
		f.dir = u.newChoice("direction", []string{evidence.Outbound, evidence.Inbound}, evidence.Outbound)
		f.agent = u.newEntry(u.T("ui.agent-hint"))
		f.duration = u.newEntry(u.T("ui.eg", "example", "12m"))
		f.promise = u.newEntry(u.T("ui.promise-hint"))
		f.promBy = u.newDateField(true)
		f.promBy.setText("")
		fm.add("channel", u.T("field.channel"), f.channel)
		fm.add("direction", u.T("field.direction"), f.dir)
		fm.add("agent", u.T("field.agent"), f.agent)
	case evidence.KindScreenshot, evidence.KindDocument:
		f.caption = u.newEntry("")
		f.shows = u.newMultiline(u.T("ui.shows-hint"), 2)
		f.first = f.caption
		fm.add("caption", u.T("field.caption"), f.caption)
		fm.add("shows", u.T("field.shows"), f.shows)
	case evidence.KindLetter:
		f.party = u.newChoice("party", evidence.Parties, evidence.ToProvider)
		f.name = u.newEntry(u.T("ui.recipient-hint"))
		f.channel = u.newChoice("channel", stringsOf(evidence.LetterChannels), "") // how it was sent: chosen, never assumed
		f.method = u.newEntry(u.T("ui.method-hint"))
		f.first = f.name
		fm.add("to", u.T("field.to"), f.party)
		fm.add("name", u.T("field.name"), f.name)
		fm.add("channel", u.T("ui.sent-how"), f.channel)
		fm.add("method", u.T("field.method"), f.method)
	case evidence.KindResponse:
		f.party = u.newChoice("party", evidence.Parties, evidence.ToProvider)
		f.name = u.newEntry("")
		f.outcome = u.newMultiline(u.T("ui.outcome-hint"), 2)
		f.final = widget.NewCheck(u.T("ui.final-hint"), nil)
		f.first = f.outcome
		fm.add("from", u.T("field.from"), f.party)
		fm.add("name", u.T("field.name"), f.name)
		fm.add("outcome", u.T("field.outcome"), f.outcome)
		fm.add("final", u.T("field.final"), f.final)
	}
	summaryLabel := u.T("field.summary")
	switch kind {
	case evidence.KindContact:
		summaryLabel = u.T("ui.what-was-said")
	case evidence.KindNote:
		summaryLabel = u.T("ui.note-text")
	}
	f.summary = u.newMultiline(u.T("ui.summary-hint-"+string(kind)), 3)
	if f.first == nil {
		f.first = f.summary
	}
	fm.add("summary", summaryLabel, f.summary)
	if kind == evidence.KindContact {
		fm.add("promise", u.T("field.promise"), f.promise)
		fm.add("promise-by", u.T("field.promise-by"), f.promBy.content)
		fm.add("duration", u.T("field.duration"), f.duration)
	}
	f.ref = u.newEntry(u.T("ui.ref-hint"))
	f.tags = u.newEntry(u.T("ui.tags-hint"))
	f.notes = u.newMultiline("", 2)
	fm.add("ref", u.T("field.ref"), f.ref)
	// Checklist items are ticked by tagging an entry; the tags are codes, so
	// they are offered by their translated names instead of being typed.
	items := escalation.EvidenceItems(c.Problem)
	var names []string
	for _, it := range items {
		if len(it.Tags) > 0 {
			names = append(names, u.T(it.Key))
		}
	}
	f.tagFor = widget.NewSelect(names, nil)
	f.tagFor.PlaceHolder = u.T("ui.tag-for")
	f.tagFor.OnChanged = func(name string) {
		for _, it := range items {
			if len(it.Tags) > 0 && u.T(it.Key) == name {
				f.addTag(it.Tags[0])
			}
		}
	}
	tags := fyne.CanvasObject(f.tags)
	if len(names) > 0 {
		tags = container.NewVBox(f.tags, f.tagFor)
	}
	fm.add("tags", u.T("ui.tags"), tags)
	fm.add("notes", u.T("field.notes"), f.notes)
	if e != nil {
		f.fill(e)
	}
	return f
}

// addTag adds a tag to the tags field unless it is there already.
func (f *eventForm) addTag(tag string) {
	cur := splitTags(f.tags.Text)
	for _, t := range cur {
		if t == tag {
			return
		}
	}
	f.tags.SetText(strings.Join(append(cur, tag), ", "))
}

func splitTags(s string) []string {
	var out []string
	for _, t := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == ';' || r == '；' }) {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

func (f *eventForm) fill(e *evidence.Event) {
	loc := f.u.clock.Location()
	f.at.setTime(e.At, loc)
	f.summary.SetText(e.Summary)
	f.ref.SetText(e.Reference)
	f.tags.SetText(strings.Join(e.Tags, ", "))
	f.notes.SetText(e.Notes)
	if t := e.Transaction; t != nil && f.txid != nil {
		f.txid.SetText(t.TxID)
		if !t.Amount.IsZero() {
			f.amount.SetText(t.Amount.Decimal())
			f.currency.SetText(t.Amount.Currency)
		}
		f.dir.set(t.Direction)
		f.status.SetText(t.Status)
		f.counter.SetText(t.Counterparty)
	}
	if c := e.Contact; c != nil && f.channel != nil {
		f.channel.set(string(c.Channel))
		f.dir.set(c.Direction)
		f.agent.SetText(c.Agent)
		if c.Duration > 0 {
			f.duration.SetText(c.Duration.String())
		}
		f.promise.SetText(c.Promise)
		if c.PromiseBy != nil {
			f.promBy.setTime(*c.PromiseBy, loc)
		}
	}
	if x := e.Exhibit; x != nil && f.caption != nil {
		f.caption.SetText(x.Caption)
		f.shows.SetText(x.Shows)
	}
	if l := e.Letter; l != nil && f.party != nil {
		f.party.set(l.To)
		f.name.SetText(l.Name)
		f.channel.set(string(l.Channel))
		f.method.SetText(l.Method)
	}
	if r := e.Response; r != nil && f.party != nil {
		f.party.set(r.From)
		f.name.SetText(r.Name)
		f.outcome.SetText(r.Outcome)
		f.final.SetChecked(r.Final)
	}
}

func (f *eventForm) input() app.EventInput {
	in := app.EventInput{Kind: string(f.kind), At: f.at.text(), Summary: f.summary.Text, Ref: f.ref.Text,
		Notes: f.notes.Text, Tags: splitTags(f.tags.Text)}
	switch f.kind {
	case evidence.KindTransaction:
		in.TxID, in.Amount, in.Currency = f.txid.Text, f.amount.Text, currencyFor(f.amount.Text, f.currency.Text)
		in.Direction, in.Status, in.Counterparty = f.dir.value(), f.status.Text, f.counter.Text
	case evidence.KindContact:
		in.Channel, in.Direction, in.Agent = f.channel.value(), f.dir.value(), f.agent.Text
		in.Duration, in.Promise, in.PromiseBy = strings.TrimSpace(f.duration.Text), f.promise.Text, strings.TrimSpace(f.promBy.text())
	case evidence.KindScreenshot, evidence.KindDocument:
		in.Caption, in.Shows = f.caption.Text, f.shows.Text
	case evidence.KindLetter:
		in.To, in.Name, in.Channel, in.Method = f.party.value(), f.name.Text, f.channel.value(), f.method.Text
	case evidence.KindResponse:
		in.From, in.Name, in.Outcome, in.Final = f.party.value(), f.name.Text, f.outcome.Text, f.final.Checked
	}
	return in
}

// AddEvent opens the form for a new event of the kind in the open case.
func (u *UI) AddEvent(kind evidence.Kind) { u.addEventDialog(kind) }

func (u *UI) addEventDialog(kind evidence.Kind) *eventForm {
	caseID := u.view.caseID
	if caseID == "" {
		return nil
	}
	f := u.newEventForm(u.svc, u.view.c, kind, nil)
	f.content = container.NewVScroll(f.form.content())
	u.modalForm(u.T("ui.add-title", "kind", u.l.Label("kind", string(kind))), f.content, u.T("ui.save"), func(close func()) {
		in := f.input()
		if _, err := in.Event(u.clock.Now(), u.clock.Location()); err != nil {
			f.form.show(err)
			return
		}
		var e evidence.Event
		u.async(func(ctx context.Context) (err error) {
			e, err = f.svc.AddEvent(ctx, caseID, in)
			return err
		}, func(err error) {
			if err != nil {
				f.form.show(err)
				return
			}
			close()
			u.view.selected = e.ID
			u.view.reloadTimeline()
			u.cases.reload()
		})
	}, fyne.NewSize(620, 600))
	u.focus(f.first)
	return f
}

// EditEvent opens the form for an existing event; the saved version is
// kept in its history.
func (u *UI) EditEvent(e evidence.Event) { u.editEventDialog(e) }

func (u *UI) editEventDialog(e evidence.Event) *eventForm {
	f := u.newEventForm(u.svc, u.view.c, e.Kind, &e)
	f.content = container.NewVScroll(f.form.content())
	u.modalForm(u.T("ui.edit-title", "kind", u.l.Label("kind", string(e.Kind))), f.content, u.T("ui.save"), func(close func()) {
		parsed, err := f.input().Event(u.clock.Now(), u.clock.Location())
		if err != nil {
			f.form.show(err)
			return
		}
		parsed.ID, parsed.CaseID, parsed.Attachments, parsed.Version = e.ID, e.CaseID, e.Attachments, e.Version
		if parsed.Exhibit != nil {
			caption := parsed.Exhibit.Caption
			parsed.Exhibit = e.Exhibit
			shows := f.shows.Text
			app.SetCaption(&parsed, caption)
			parsed.Exhibit.Shows = shows
		}
		u.async(func(ctx context.Context) error { return f.svc.UpdateEvent(ctx, &parsed) }, func(err error) {
			if err != nil {
				f.form.show(err)
				return
			}
			close()
			u.view.selected = e.ID
			u.view.reloadTimeline()
		})
	}, fyne.NewSize(620, 600))
	u.focus(f.first)
	return f
}
