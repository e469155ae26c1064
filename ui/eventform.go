package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"redress/app"
	"redress/evidence"
)

// eventForm adds or edits one event, with the fields its kind has.
type eventForm struct {
	u        *UI
	kind     evidence.Kind
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

func (u *UI) newEventForm(kind evidence.Kind, e *evidence.Event) *eventForm {
	f := &eventForm{u: u, kind: kind, form: u.newForm()}
	fm := f.form
	f.at = u.newDateField(true)
	f.at.SetText(u.svc.Now().In(u.svc.Location()).Format(timeLayout))
	fm.add("at", u.T("field.at"), f.at.content)
	switch kind {
	case evidence.KindTransaction:
		f.txid = u.newEntry(u.T("ui.eg", "example", "TX20261120ABCDEF"))
		f.amount = u.newEntry(u.T("ui.eg", "example", "1280.00"))
		f.currency = widget.NewSelectEntry(commonCurrencies)
		f.currency.PlaceHolder = "CNY"
		f.dir = u.newChoice("direction", []string{evidence.MoneyOut, evidence.MoneyIn}, evidence.MoneyOut)
		f.status = u.newEntry(u.T("ui.status-hint"))
		f.counter = u.newEntry("")
		fm.add("txid", u.T("field.txid"), f.txid)
		fm.add("amount", u.T("field.amount"), container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(110, f.currency.MinSize().Height), f.currency), f.amount), "currency")
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
		f.promBy.SetText("")
		fm.add("channel", u.T("field.channel"), f.channel)
		fm.add("direction", u.T("field.direction"), f.dir)
		fm.add("agent", u.T("field.agent"), f.agent)
	case evidence.KindScreenshot, evidence.KindDocument:
		f.caption = u.newEntry("")
		f.shows = u.newMultiline(u.T("ui.shows-hint"), 2)
		fm.add("caption", u.T("field.caption"), f.caption)
		fm.add("shows", u.T("field.shows"), f.shows)
	case evidence.KindLetter:
		f.party = u.newChoice("party", evidence.Parties, evidence.ToProvider)
		f.name = u.newEntry(u.T("ui.recipient-hint"))
		f.method = u.newEntry(u.T("ui.method-hint"))
		fm.add("to", u.T("field.to"), f.party)
		fm.add("name", u.T("field.name"), f.name)
		fm.add("method", u.T("field.method"), f.method)
	case evidence.KindResponse:
		f.party = u.newChoice("party", evidence.Parties, evidence.ToProvider)
		f.name = u.newEntry("")
		f.outcome = u.newMultiline(u.T("ui.outcome-hint"), 2)
		f.final = widget.NewCheck(u.T("ui.final-hint"), nil)
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
	fm.add("tags", u.T("ui.tags"), f.tags)
	fm.add("notes", u.T("field.notes"), f.notes)
	if e != nil {
		f.fill(e)
	}
	return f
}

func (f *eventForm) fill(e *evidence.Event) {
	loc := f.u.svc.Location()
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
	in := app.EventInput{Kind: string(f.kind), At: f.at.Text, Summary: f.summary.Text, Ref: f.ref.Text,
		Notes: f.notes.Text, Tags: strings.FieldsFunc(f.tags.Text, func(r rune) bool { return r == ',' || r == '，' || r == ';' })}
	switch f.kind {
	case evidence.KindTransaction:
		in.TxID, in.Amount, in.Currency = f.txid.Text, f.amount.Text, f.currency.Text
		in.Direction, in.Status, in.Counterparty = f.dir.value(), f.status.Text, f.counter.Text
	case evidence.KindContact:
		in.Channel, in.Direction, in.Agent = f.channel.value(), f.dir.value(), f.agent.Text
		in.Duration, in.Promise, in.PromiseBy = strings.TrimSpace(f.duration.Text), f.promise.Text, strings.TrimSpace(f.promBy.Text)
	case evidence.KindScreenshot, evidence.KindDocument:
		in.Caption, in.Shows = f.caption.Text, f.shows.Text
	case evidence.KindLetter:
		in.To, in.Name, in.Method = f.party.value(), f.name.Text, f.method.Text
	case evidence.KindResponse:
		in.From, in.Name, in.Outcome, in.Final = f.party.value(), f.name.Text, f.outcome.Text, f.final.Checked
	}
	return in
}

// AddEvent opens the form for a new event of the kind in the open case.
func (u *UI) AddEvent(kind evidence.Kind) {
	caseID := u.view.caseID
	if caseID == "" {
		return
	}
	f := u.newEventForm(kind, nil)
	u.lastEventForm = f
	u.modal(u.T("ui.add-title", "kind", u.l.Label("kind", string(kind))), container.NewVScroll(f.form.content()), u.T("ui.save"), func(close func()) {
		in := f.input()
		if _, err := in.Event(u.svc.Now(), u.svc.Location()); err != nil {
			f.form.show(err)
			return
		}
		var e evidence.Event
		u.async(func() (err error) {
			e, err = u.svc.AddEvent(u.ctx, caseID, in)
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
}

// EditEvent opens the form for an existing event; the saved version is
// kept in its history.
func (u *UI) EditEvent(e evidence.Event) {
	f := u.newEventForm(e.Kind, &e)
	u.lastEventForm = f
	u.modal(u.T("ui.edit-title", "kind", u.l.Label("kind", string(e.Kind))), container.NewVScroll(f.form.content()), u.T("ui.save"), func(close func()) {
		parsed, err := f.input().Event(u.svc.Now(), u.svc.Location())
		if err != nil {
			f.form.show(err)
			return
		}
		parsed.ID, parsed.CaseID, parsed.Attachments, parsed.Version = e.ID, e.CaseID, e.Attachments, e.Version
		for i := range parsed.Attachments {
			if parsed.Exhibit != nil && (e.Exhibit == nil || parsed.Attachments[i].Caption == e.Exhibit.Caption) {
				parsed.Attachments[i].Caption = parsed.Exhibit.Caption
			}
		}
		u.async(func() error { return u.svc.UpdateEvent(u.ctx, &parsed) }, func(err error) {
			if err != nil {
				f.form.show(err)
				return
			}
			close()
			u.view.selected = e.ID
			u.view.reloadTimeline()
		})
	}, fyne.NewSize(620, 600))
}
