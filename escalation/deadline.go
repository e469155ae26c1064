package escalation

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"redress/evidence"
)

// Status is where a deadline stands at a given moment. Each status has the
// translation key "esc.status.<status>".
type Status string

// The deadline statuses.
const (
	Upcoming Status = "upcoming"  // due on a later date
	DueToday Status = "due-today" // due later today
	Overdue  Status = "overdue"   // passed, and nothing met it
	Met      Status = "met"       // met in time
	Late     Status = "late"      // met, but only after it passed
)

// Deadline is one running or finished clock of a case.
type Deadline struct {
	Clock Clock `json:"clock"`
	// Key is the translation key of the clock's label, "esc.clock.<clock>";
	// the rule (Lookup(RuleID)) has the longer description and the source.
	Key     string    `json:"key"`
	RuleID  string    `json:"rule,omitempty"` // "" for promises
	EventID string    `json:"event"`          // the event that started the clock
	Start   time.Time `json:"start"`
	// Due is in the zone of the starting event: exact for hour windows and
	// promises, the last second (23:59:59) of the final day otherwise.
	Due    time.Time `json:"due"`
	Status Status    `json:"status"`
	// DaysLeft is the number of calendar dates from today to the due date,
	// both in the zone of Due: 0 when due today, negative when the due date
	// is past. An overdue deadline that passed earlier today has 0.
	DaysLeft     int       `json:"days_left"`
	CheckLocally bool      `json:"check_locally,omitempty"`
	MetBy        string    `json:"met_by,omitempty"` // the event that met it (status Met or Late)
	MetAt        time.Time `json:"met_at,omitzero"`  // when it was met
	// Acted is set on an overdue deadline when the user has reacted since it
	// passed (an outbound contact or a letter recorded after Due): it stays
	// overdue but no longer needs attention.
	Acted bool `json:"acted,omitempty"`
}

// Open reports whether nothing has met the deadline yet.
func (d Deadline) Open() bool {
	return d.Status == Upcoming || d.Status == DueToday || d.Status == Overdue
}

// NeedsAttention reports whether the deadline is open and, if overdue, not
// yet reacted to.
func (d Deadline) NeedsAttention() bool { return d.Open() && !d.Acted }

// Broken reports whether a deadline (typically a promise) was not met in
// time: it is overdue, or was met late.
func (d Deadline) Broken() bool { return d.Status == Overdue || d.Status == Late }

// When describes how the deadline stands as a translation key with its
// placeholders: "3 days left", "due today", "2 days overdue", "met on …".
func (d Deadline) When() (key string, args []string) {
	switch d.Status {
	case Met:
		return "esc.when.met", []string{"date", date(d.MetAt.In(d.Due.Location()))}
	case Late:
		return "esc.when.late", []string{"date", date(d.MetAt.In(d.Due.Location()))}
	case Overdue:
		switch d.DaysLeft {
		case 0:
			return "esc.when.overdue-today", nil
		case -1:
			return "esc.when.overdue-one", nil
		}
		return "esc.when.overdue", []string{"n", strconv.Itoa(-d.DaysLeft)}
	case DueToday:
		return "esc.when.due-today", nil
	}
	if d.DaysLeft == 1 {
		return "esc.when.tomorrow", nil
	}
	return "esc.when.days-left", []string{"n", strconv.Itoa(d.DaysLeft)}
}

// Pending reports whether a transaction status, as the provider shows it,
// looks pending: it contains "pending", "processing", "处理中", "审核中" or
// "等待" (case-insensitive).
func Pending(status string) bool {
	s := strings.ToLower(status)
	for _, w := range []string{"pending", "processing", "处理中", "审核中", "等待"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// clocks derives every deadline of the timeline, sorted by Due.
func (tl *timeline) deadlines(cal *Calendar, overrides map[string]Duration, now time.Time) []Deadline {
	var out []Deadline
	add := func(r Rule, clock Clock, start *evidence.Event, due time.Time, met *evidence.Event) {
		d := Deadline{Clock: clock, Key: "esc.clock." + string(clock), RuleID: r.ID, EventID: start.ID,
			Start: start.At, Due: due, CheckLocally: r.CheckLocally}
		tl.settle(&d, met, now)
		out = append(out, d)
	}
	rs := Rules(tl.c.Jurisdiction)
	for _, r := range rs {
		w := window(r, overrides)
		if w.IsZero() {
			continue
		}
		due := func(e *evidence.Event) time.Time { return cal.due(e.At, w) }
		switch r.Start {
		case OnPendingTopup, OnPendingWithdrawal:
			want := evidence.TopupNotCredited
			if r.Start == OnPendingWithdrawal {
				want = evidence.WithdrawalDelayed
			}
			if tl.c.Problem != want {
				continue
			}
			for _, tx := range tl.pendingTransactions() {
				add(r, r.Clock, tx, due(tx), tl.settlement(tx))
			}
		case OnEmail:
			for i := range tl.events {
				e := &tl.events[i]
				if e.Kind == evidence.KindContact && e.Contact != nil && e.Contact.Channel == evidence.Email &&
					e.Contact.Direction != evidence.Inbound {
					add(r, r.Clock, e, due(e), tl.firstAfter(e.At, isProviderReply))
				}
			}
		case OnComplaint:
			f := tl.complaint
			if f == nil {
				continue
			}
			switch r.Clock {
			case ClockComplaintReply:
				if r.Expectation() {
					add(r, r.Clock, f, due(f), tl.firstAfter(f.At, isProviderResponse))
					continue
				}
				tl.complaintReply(r, rs, overrides, cal, add)
			case ClockOmbudsmanAfter:
				add(r, r.Clock, f, due(f), tl.firstAfter(f.At, isFinal))
			case ClockOmbudsmanReferWithin:
				add(r, r.Clock, f, due(f), tl.firstAfter(f.At, isEscalation))
			}
		case OnFinalResponse:
			if tl.final != nil && r.Clock == ClockOmbudsmanReferWithin {
				add(r, r.Clock, tl.final, due(tl.final), tl.firstAfter(tl.final.At, isEscalation))
			}
		case OnRegulatorLetter:
			g := tl.regulator
			if g == nil {
				continue
			}
			switch r.Clock {
			case ClockRegulatorReply:
				add(r, r.Clock, g, due(g), tl.firstAfter(g.At, isAnyResponse))
			case ClockRegulatorClose:
				add(r, r.Clock, g, due(g), tl.firstAfter(g.At, isAnyFinal))
			}
		case OnAssociationLetter:
			if a := tl.association; a != nil && r.Clock == ClockPlatformAccept {
				add(r, r.Clock, a, due(a), tl.firstAfter(a.At, func(e *evidence.Event) bool {
					return e.Kind == evidence.KindResponse && from(e) == evidence.ToAssociation
				}))
			}
		}
	}
	for i := range tl.events {
		e := &tl.events[i]
		if e.Kind != evidence.KindContact || e.Contact == nil || e.Contact.PromiseBy == nil {
			continue
		}
		due := e.Contact.PromiseBy.In(e.At.Location())
		add(Rule{}, ClockPromise, e, due, tl.firstAfter(e.At, keepsPromise))
	}
	slices.SortStableFunc(out, func(a, b Deadline) int {
		return cmp.Or(a.Due.Compare(b.Due), strings.Compare(string(a.Clock), string(b.Clock)),
			strings.Compare(a.EventID, b.EventID))
	})
	return out
}

// complaintReply adds the statutory reply deadline of the first formal
// complaint. Where the jurisdiction has an extended window, only a final
// response meets the deadline, and a non-final response that arrives in
// time is a holding reply which moves the deadline to the extended window.
// Without an extended window, any response from the provider meets it.
func (tl *timeline) complaintReply(r Rule, rs []Rule, overrides map[string]Duration, cal *Calendar,
	add func(Rule, Clock, *evidence.Event, time.Time, *evidence.Event)) {
	f := tl.complaint
	due := cal.due(f.At, window(r, overrides))
	var ext Rule
	var extWindow Duration
	for _, x := range rs {
		if x.Jurisdiction == r.Jurisdiction && x.Clock == ClockComplaintReplyExtended {
			ext, extWindow = x, window(x, overrides)
		}
	}
	first := tl.firstAfter(f.At, isProviderResponse)
	if extWindow.IsZero() {
		add(r, r.Clock, f, due, first)
		return
	}
	final := tl.firstAfter(f.At, isFinal)
	holding := first != nil && !isFinal(first) && !first.At.After(due) &&
		(final == nil || final.At.After(due))
	if holding {
		add(ext, ext.Clock, f, cal.due(f.At, extWindow), final)
		return
	}
	add(r, r.Clock, f, due, final)
}

// settle fills Status, DaysLeft, MetBy and Acted.
func (tl *timeline) settle(d *Deadline, met *evidence.Event, now time.Time) {
	loc := d.Due.Location()
	d.DaysLeft = int(dayOf(d.Due) - dayOf(now.In(loc)))
	switch {
	case met != nil:
		d.MetBy, d.MetAt = met.ID, met.At
		d.Status = Met
		if met.At.After(d.Due) {
			d.Status = Late
		}
	case now.After(d.Due):
		d.Status = Overdue
		d.Acted = tl.firstAfter(d.Due, isUserAction) != nil
	case d.DaysLeft <= 0:
		d.Status = DueToday
	default:
		d.Status = Upcoming
	}
}

// firstAfter returns the first event strictly after t that matches.
func (tl *timeline) firstAfter(t time.Time, match func(*evidence.Event) bool) *evidence.Event {
	for i := range tl.events {
		e := &tl.events[i]
		if e.At.After(t) && match(e) {
			return e
		}
	}
	return nil
}

// pendingTransactions returns, for each transaction ID, the first event
// that shows it pending; pending transactions without an ID each count.
func (tl *timeline) pendingTransactions() []*evidence.Event {
	var out []*evidence.Event
	seen := map[string]bool{}
	for i := range tl.events {
		e := &tl.events[i]
		if e.Kind != evidence.KindTransaction || e.Transaction == nil || !Pending(e.Transaction.Status) {
			continue
		}
		if id := e.Transaction.TxID; id != "" {
			if seen[id] {
				continue
			}
			seen[id] = true
		}
		out = append(out, e)
	}
	return out
}

// settlement is the first later record of the same transaction (same ID,
// or either without an ID) with a status that is not pending: the
// provider concluded it, whatever the outcome. A record without a status
// settles nothing.
func (tl *timeline) settlement(tx *evidence.Event) *evidence.Event {
	return tl.firstAfter(tx.At, func(e *evidence.Event) bool {
		if e.Kind != evidence.KindTransaction || e.Transaction == nil {
			return false
		}
		st := strings.TrimSpace(e.Transaction.Status)
		a, b := tx.Transaction.TxID, e.Transaction.TxID
		return st != "" && !Pending(st) && (a == "" || b == "" || a == b)
	})
}

// isProviderResponse: a response event from the provider.
func isProviderResponse(e *evidence.Event) bool {
	return e.Kind == evidence.KindResponse && from(e) == evidence.ToProvider
}

// isProviderReply: a response from the provider or an inbound contact.
func isProviderReply(e *evidence.Event) bool {
	return isProviderResponse(e) || isInbound(e)
}

// keepsPromise: what keeps a promise made in a contact — a response from
// the provider, an inbound contact (they came back to the user) or a
// transaction record.
func keepsPromise(e *evidence.Event) bool {
	return isProviderReply(e) || e.Kind == evidence.KindTransaction
}

func isInbound(e *evidence.Event) bool {
	return e.Kind == evidence.KindContact && e.Contact != nil && e.Contact.Direction == evidence.Inbound
}

// isEscalation: a letter to a consumer association or a regulator.
func isEscalation(e *evidence.Event) bool {
	return e.Kind == evidence.KindLetter && party(e) != evidence.ToProvider
}

func isAnyResponse(e *evidence.Event) bool { return e.Kind == evidence.KindResponse }

func isAnyFinal(e *evidence.Event) bool {
	return e.Kind == evidence.KindResponse && e.Response != nil && e.Response.Final
}

// isUserAction: an outbound contact or a letter.
func isUserAction(e *evidence.Event) bool {
	return e.Kind == evidence.KindLetter || (e.Kind == evidence.KindContact && !isInbound(e))
}
