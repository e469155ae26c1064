package app

import (
	"context"
	"fmt"
	"io"
	"strings"

	"redress/escalation"
	"redress/evidence"
	"redress/lang"
	"redress/store"
)

// Calendar builds the business-day calendar of a jurisdiction from the
// holidays the user entered or imported.
func (a *App) Calendar(ctx context.Context, j evidence.Jurisdiction) (*escalation.Calendar, error) {
	hs, err := a.store.Holidays(ctx, string(j))
	if err != nil {
		return nil, err
	}
	days := make([]escalation.Holiday, len(hs))
	for i, h := range hs {
		days[i] = escalation.Holiday{Date: h.Day, Name: h.Name, Working: h.Working}
	}
	cal, err := escalation.NewCalendar(nil, days)
	if err != nil {
		return nil, fmt.Errorf("calendar %s: %w", j, err)
	}
	return cal, nil
}

// Holidays lists a jurisdiction's holidays and make-up working days.
func (a *App) Holidays(ctx context.Context, j evidence.Jurisdiction) ([]store.Holiday, error) {
	return a.store.Holidays(ctx, string(j))
}

// ImportHolidays reads an iCalendar file into a jurisdiction's calendar and
// returns how many days it added or updated.
func (a *App) ImportHolidays(ctx context.Context, j evidence.Jurisdiction, r io.Reader) (int, error) {
	days, err := escalation.ParseICS(r)
	if err != nil {
		return 0, lang.Wrap(err, "holidays.bad-ics", "detail", err.Error())
	}
	add := make([]store.Holiday, len(days))
	for i, d := range days {
		add[i] = store.Holiday{Jurisdiction: string(j), Day: d.Date, Name: d.Name, Working: d.Working}
	}
	if err := a.store.SetHolidays(ctx, string(j), add, nil); err != nil {
		return 0, err
	}
	return len(add), nil
}

// SetHoliday adds (or, with remove, deletes) one day in a jurisdiction's calendar.
func (a *App) SetHoliday(ctx context.Context, j evidence.Jurisdiction, h store.Holiday, remove bool) error {
	if _, err := evidence.ParseDate("date", h.Day); err != nil {
		return err
	}
	if remove {
		return a.store.SetHolidays(ctx, string(j), nil, []string{h.Day})
	}
	h.Jurisdiction = string(j)
	return a.store.SetHolidays(ctx, string(j), []store.Holiday{h}, nil)
}

// Overrides returns a case's rule overrides.
func (a *App) Overrides(ctx context.Context, caseID string) (map[string]string, error) {
	return a.store.Overrides(ctx, caseID)
}

// SetOverride replaces a rule's window for one case ("15bd", "48h", "8w",
// "6mo"); an empty window goes back to the rule's own.
func (a *App) SetOverride(ctx context.Context, caseID, ruleID, window string) error {
	if _, ok := escalation.Lookup(ruleID); !ok {
		return &evidence.FieldError{Field: "rule", Reason: evidence.ReasonUnknownValue, Value: ruleID}
	}
	window = strings.TrimSpace(window)
	if window != "" {
		if _, err := escalation.ParseDuration(window); err != nil {
			return err
		}
	}
	return a.store.SetOverride(ctx, caseID, ruleID, window)
}

// SetChecklist ticks or unticks an evidence checklist item by hand.
func (a *App) SetChecklist(ctx context.Context, caseID, itemID string, done bool) error {
	return a.store.SetChecklist(ctx, caseID, itemID, done)
}

// SelfCheck records a self-check step in the timeline, as a note tagged
// "self-check" and the step's own tag (regulators ask what was tried first).
func (a *App) SelfCheck(ctx context.Context, caseID string, item escalation.Item, text string) (evidence.Event, error) {
	tags := append([]string{escalation.SelfCheckTag}, item.Tags...)
	return a.AddEvent(ctx, caseID, EventInput{Kind: string(evidence.KindNote), Summary: text, Tags: tags})
}

// assessInput gathers what escalation needs about a case whose timeline
// (oldest first) the caller has read: overrides, the calendar, and the
// checklist items ticked by hand.
func (a *App) assessInput(ctx context.Context, c evidence.Case, evs []evidence.Event) (escalation.Input, map[string]bool, error) {
	in := escalation.Input{Case: c, Events: evs}
	over, err := a.store.Overrides(ctx, c.ID)
	if err != nil {
		return in, nil, err
	}
	if len(over) > 0 {
		in.Overrides = map[string]escalation.Duration{}
		for id, w := range over {
			if d, err := escalation.ParseDuration(w); err == nil {
				in.Overrides[id] = d
			}
		}
	}
	if in.Calendar, err = a.Calendar(ctx, c.Jurisdiction); err != nil {
		return in, nil, err
	}
	ticks, err := a.store.Checklist(ctx, c.ID)
	return in, ticks, err
}

// applyTicks marks items ticked by hand as done and recounts.
func applyTicks(cl escalation.Checklist, ticks map[string]bool) escalation.Checklist {
	cl.Done, cl.Missing = 0, nil
	for i := range cl.Items {
		if ticks[cl.Items[i].ID] {
			cl.Items[i].Done = true
		}
		if cl.Items[i].Optional {
			continue
		}
		if cl.Items[i].Done {
			cl.Done++
		} else {
			cl.Missing = append(cl.Missing, cl.Items[i])
		}
	}
	return cl
}

// Assess tells where a case stands: ladder position, next step, deadlines
// and evidence checklist, as of now.
func (a *App) Assess(ctx context.Context, caseRef string) (evidence.Case, escalation.Assessment, error) {
	c, err := a.Case(ctx, caseRef)
	if err != nil {
		return c, escalation.Assessment{}, err
	}
	evs, err := a.store.Timeline(ctx, c.ID, store.Query{OldestFirst: true})
	if err != nil {
		return c, escalation.Assessment{}, err
	}
	as, err := a.assess(ctx, c, evs)
	return c, as, err
}

// assess assesses a case whose timeline has been read already.
func (a *App) assess(ctx context.Context, c evidence.Case, evs []evidence.Event) (escalation.Assessment, error) {
	in, ticks, err := a.assessInput(ctx, c, evs)
	if err != nil {
		return escalation.Assessment{}, err
	}
	as := escalation.Assess(in, a.now())
	as.Checklist = applyTicks(as.Checklist, ticks)
	return as, nil
}

// Attention lists, across open cases, the deadlines that need the user,
// most urgent first (overdue first).
func (a *App) Attention(ctx context.Context) ([]escalation.Alert, error) {
	cases, err := a.store.Cases(ctx, false)
	if err != nil {
		return nil, err
	}
	var ins []escalation.Input
	for _, cs := range cases {
		evs, err := a.store.Timeline(ctx, cs.ID, store.Query{OldestFirst: true})
		if err != nil {
			return nil, err
		}
		in, _, err := a.assessInput(ctx, cs.Case, evs)
		if err != nil {
			return nil, err
		}
		ins = append(ins, in)
	}
	return escalation.Attention(ins, a.now()), nil
}
