package app

import (
	"strings"
	"time"

	"redress/evidence"
	"redress/lang"
)

// Field is one labelled fact of an event, for listings: Key is the lang
// key of its label, Value is already in the user's language.
type Field struct {
	Key, Value string
}

// EventFields lists the facts of an event in display order, leaving out
// empty ones; when formats times. Attachments are not included.
func EventFields(e evidence.Event, l lang.Lang, when func(time.Time) string) []Field {
	var out []Field
	add := func(key, v string) {
		if v != "" {
			out = append(out, Field{key, v})
		}
	}
	add("field.kind", l.Label("kind", string(e.Kind)))
	add("field.at", when(e.At))
	add("field.recorded", when(e.Recorded))
	add("field.summary", e.Summary)
	if x := e.Transaction; x != nil {
		add("field.txid", x.TxID)
		add("field.amount", x.Amount.String())
		if x.Direction != "" {
			add("field.direction", l.Label("direction", x.Direction))
		}
		add("field.status", x.Status)
		add("field.counterparty", x.Counterparty)
	}
	if c := e.Contact; c != nil {
		add("field.channel", l.Label("channel", string(c.Channel)))
		add("field.direction", l.Label("direction", c.Direction))
		add("field.agent", c.Agent)
		if c.Duration > 0 {
			add("field.duration", DurationText(l, c.Duration)) // "12 min 34 s", never Go's "12m34s"
		}
		add("field.promise", c.Promise)
		if c.PromiseBy != nil {
			add("field.promise-by", when(*c.PromiseBy))
		}
	}
	if x := e.Exhibit; x != nil {
		add("field.caption", x.Caption)
		add("field.shows", x.Shows)
	}
	if x := e.Letter; x != nil {
		add("field.to", l.Label("party", x.To))
		add("field.name", x.Name)
		if x.Channel != "" {
			add("field.channel", l.Label("channel", string(x.Channel)))
		}
		add("field.method", x.Method)
	}
	if x := e.Response; x != nil {
		add("field.from", l.Label("party", x.From))
		add("field.name", x.Name)
		add("field.outcome", x.Outcome)
		if x.Final {
			add("field.final", l.T("cli.yes"))
		}
	}
	add("field.ref", e.Reference)
	add("field.tags", strings.Join(e.Tags, ", "))
	add("field.notes", e.Notes)
	if e.Archived != nil {
		add("field.archived", when(*e.Archived))
	}
	return out
}
