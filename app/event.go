package app

import (
	"context"
	"strings"
	"time"

	"redress/evidence"
)

// EventInput is an event as typed in a form or on the command line. Empty
// strings mean "not given".
type EventInput struct {
	Kind                   string
	At                     string // RFC 3339, or local "2006-01-02 15:04"; empty: now
	Summary, Notes, Ref    string
	Tags                   []string
	TxID, Amount, Currency string
	Direction, Status      string // transaction: in/out; contact: outbound/inbound
	Counterparty           string
	Channel, Agent         string
	Duration               string // "12m"
	Promise, PromiseBy     string
	Caption, Shows         string
	To, From, Name, Method string
	Outcome                string
	Final                  bool
}

// Event parses the input into an event, reporting every bad field at once.
// Fields that do not belong to the kind are refused, so nothing typed is
// silently dropped.
func (in EventInput) Event(now time.Time, loc *time.Location) (evidence.Event, error) {
	var es evidence.Errors
	add := func(err error) { es = append(es, evidence.Fields(err)...) }
	kind := evidence.Kind(strings.TrimSpace(in.Kind))
	e := evidence.Event{Kind: kind, Summary: in.Summary, Notes: in.Notes, Reference: in.Ref, Tags: in.Tags}
	if strings.TrimSpace(in.At) == "" {
		e.At = now.In(loc)
	} else if t, err := evidence.ParseTime("at", in.At, loc); err != nil {
		add(err)
	} else if err := evidence.CheckDate("at", t, now, in.At); err != nil {
		add(err)
	} else {
		e.At = t
	}
	var money evidence.Money
	if strings.TrimSpace(in.Amount) != "" || strings.TrimSpace(in.Currency) != "" {
		m, err := evidence.ParseMoney("amount", in.Amount, in.Currency)
		add(err)
		money = m
	}
	// given lists the kind-specific inputs that were filled, so that a
	// field typed for the wrong kind is reported rather than lost.
	given := map[string]bool{
		"txid": in.TxID != "", "amount": in.Amount != "" || in.Currency != "", "status": in.Status != "",
		"counterparty": in.Counterparty != "", "channel": in.Channel != "", "agent": in.Agent != "",
		"duration": in.Duration != "", "promise": in.Promise != "", "promise-by": in.PromiseBy != "",
		"caption": in.Caption != "", "shows": in.Shows != "", "to": in.To != "", "from": in.From != "",
		"name": in.Name != "", "method": in.Method != "", "outcome": in.Outcome != "", "final": in.Final,
		"direction": in.Direction != "",
	}
	allowed := map[evidence.Kind][]string{
		evidence.KindTransaction: {"txid", "amount", "status", "counterparty", "direction"},
		evidence.KindContact:     {"channel", "agent", "duration", "promise", "promise-by", "direction"},
		evidence.KindScreenshot:  {"caption", "shows"},
		evidence.KindDocument:    {"caption", "shows"},
		evidence.KindLetter:      {"to", "name", "method", "channel"},
		evidence.KindResponse:    {"from", "name", "outcome", "final"},
	}
	ok := map[string]bool{}
	for _, f := range allowed[kind] {
		ok[f] = true
	}
	for _, f := range []string{"txid", "amount", "status", "counterparty", "direction", "channel", "agent",
		"duration", "promise", "promise-by", "caption", "shows", "to", "from", "name", "method", "outcome", "final"} {
		if given[f] && !ok[f] && kind != "" && evidence.Valid(kind) {
			es = append(es, &evidence.FieldError{Field: f, Reason: evidence.ReasonNotForKind, Value: string(kind)})
		}
	}
	switch kind {
	case evidence.KindTransaction:
		e.Transaction = &evidence.Transaction{TxID: in.TxID, Amount: money, Direction: strings.TrimSpace(in.Direction),
			Status: strings.TrimSpace(in.Status), Counterparty: strings.TrimSpace(in.Counterparty)}
	case evidence.KindContact:
		c := &evidence.Contact{Channel: evidence.Channel(strings.TrimSpace(in.Channel)), Direction: strings.TrimSpace(in.Direction),
			Agent: in.Agent, Promise: in.Promise}
		if in.Duration != "" {
			d, err := evidence.ParseDuration("duration", in.Duration)
			add(err)
			c.Duration = d
		}
		if in.PromiseBy != "" {
			t, err := evidence.ParseTime("promise-by", in.PromiseBy, loc)
			if err == nil {
				err = evidence.CheckDate("promise-by", t, now, in.PromiseBy)
			}
			if err != nil {
				add(err)
			} else {
				c.PromiseBy = &t
			}
		}
		e.Contact = c
	case evidence.KindScreenshot, evidence.KindDocument:
		e.Exhibit = &evidence.Exhibit{Caption: in.Caption, Shows: in.Shows}
	case evidence.KindLetter:
		e.Letter = &evidence.Letter{To: strings.TrimSpace(in.To), Name: strings.TrimSpace(in.Name), Channel: evidence.Channel(strings.TrimSpace(in.Channel)), Method: strings.TrimSpace(in.Method)}
		if e.Letter.Channel == "" { // --method email is the channel email
			e.Letter.Channel, e.Letter.Method = evidence.SentBy(e.Letter.Method)
		}
	case evidence.KindResponse:
		e.Response = &evidence.Response{From: strings.TrimSpace(in.From), Name: strings.TrimSpace(in.Name),
			Outcome: strings.TrimSpace(in.Outcome), Final: in.Final}
	}
	e.Normalize()
	if len(es) > 0 {
		// Report parse errors together with validation of what did parse.
		if !e.At.IsZero() {
			es = append(es, evidence.Fields(e.Validate())...)
		}
		return e, es
	}
	if err := e.Validate(); err != nil {
		return e, err
	}
	return e, nil
}

// AddEvent adds an event (without files) to a case.
func (a *App) AddEvent(ctx context.Context, caseRef string, in EventInput) (evidence.Event, error) {
	id, err := a.store.ResolveCase(ctx, caseRef)
	if err != nil {
		return evidence.Event{}, err
	}
	e, err := in.Event(a.now(), a.loc)
	if err != nil {
		return e, err
	}
	e.CaseID = id
	if err := a.store.AddEvent(ctx, &e, nil); err != nil {
		return e, err
	}
	return e, nil
}
