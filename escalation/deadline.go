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
	// Available: a window with the effect YouMayAct has opened — the user
	// may take the step since Due. Such a window is never overdue.
	Available Status = "available"
)

// Deadline is one running or finished clock of a case.
type Deadline struct {
	Clock Clock `json:"clock"`
	// Key is the translation key of the clock's label, "esc.clock.<clock>";
	// the rule (Lookup(RuleID)) has the longer description and the source.
	Key string `json:"key"`
	// Nature says who stands behind the clock: the law, the provider's own
	// promise (its help articles, or an agent's promised-by time) or the
	// user (OTHER). Effect says what its end means: the other side must
	// act, the user may act from then on, or the user's own limit ends.
	Nature  Nature    `json:"nature"`
	Effect  Effect    `json:"effect"`
	RuleID  string    `json:"rule,omitempty"` // "" for promises
	EventID string    `json:"event"`          // the event that started the clock; "" when it starts from the incident date
	Start   time.Time `json:"start"`
	// Due is in the zone of the starting event: exact for hour windows and
	// promises, the last second (23:59:59) of the final day otherwise. For
	// a window with the effect YouMayAct that an event opened early (the
	// ombudsman after a final response), Due is that event's time.
	Due    time.Time `json:"due"`
	Status Status    `json:"status"`
	// DaysLeft is the number of calendar dates from today to the due date,
	// both in the zone of Due: 0 when due today, negative when the due date
	// is past. An overdue deadline that passed earlier today has 0.
	DaysLeft     int       `json:"days_left"`
	CheckLocally bool      `json:"check_locally,omitempty"`
	MetBy        string    `json:"met_by,omitempty"` // the event that met it (status Met or Late) or opened it early (Available)
	MetAt        time.Time `json:"met_at,omitzero"`  // when it was met
	// Acted is set on an overdue deadline when the user has reacted since it
	// passed (an outbound contact or a letter recorded after Due): it stays
	// overdue but no longer needs attention.
	Acted bool `json:"acted,omitempty"`
}

// Open reports whether nothing has met the deadline yet. A window with the
// effect YouMayAct is open until it becomes available.
func (d Deadline) Open() bool {
	return d.Status == Upcoming || d.Status == DueToday || d.Status == Overdue
}

// NeedsAttention reports whether the deadline is open and, if overdue, not
// yet reacted to. The date from which the user may act (YouMayAct) never
// needs attention: it is information, not a deadline.
func (d Deadline) NeedsAttention() bool { return d.Open() && !d.Acted && d.Effect != YouMayAct }

// Broken reports whether a deadline (typically a promise) was not met in
// time: it is overdue, or was met late.
func (d Deadline) Broken() bool { return d.Status == Overdue || d.Status == Late }

// Promise reports whether the clock is the provider's own promise rather
// than law or a user-set window.
func (d Deadline) Promise() bool { return d.Nature == ProviderPromise }

// When describes how the deadline stands as a translation key with its
// placeholders: "3 days left", "due today", "2 days overdue", "met on …",
// "available since …", "promise not kept (…)".
func (d Deadline) When() (key string, args []string) {
	if d.Effect == YouMayAct {
		switch {
		case d.Status == Available:
			return "esc.when.available-since", []string{"date", date(d.Due)}
		case d.Status == DueToday:
			return "esc.when.available-today", nil
		case d.DaysLeft == 1:
			return "esc.when.available-tomorrow", nil
		}
		return "esc.when.available-in", []string{"n", strconv.Itoa(d.DaysLeft), "date", date(d.Due)}
	}
	switch d.Status {
	case Met:
		return "esc.when.met", []string{"date", date(d.MetAt.In(d.Due.Location()))}
	case Late:
		return "esc.when.late", []string{"date", date(d.MetAt.In(d.Due.Location()))}
	case Overdue:
		switch {
		case d.Nature == ProviderPromise:
			return "esc.when.not-kept", []string{"date", date(d.Due)}
		case d.Effect == YouMustAct:
			return "esc.when.limit-passed", []string{"date", date(d.Due)}
		}
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

// deadlines derives every deadline of the timeline, sorted by Due.
func (tl *timeline) deadlines(cal *Calendar, overrides map[string]Duration, now time.Time) []Deadline {
	var out []Deadline
	add := func(r Rule, start *evidence.Event, due time.Time, met *evidence.Event) {
		d := Deadline{Clock: r.Clock, Key: "esc.clock." + string(r.Clock), Nature: r.Nature, Effect: r.Effect,
			RuleID: r.ID, Start: tl.incident, Due: due, CheckLocally: r.CheckLocally}
		if start != nil {
			d.EventID, d.Start = start.ID, start.At
		}
		tl.settle(&d, met, now)
		out = append(out, d)
	}
	rs := RulesFor(tl.c.Jurisdiction, tl.c.Problem)
	extended := func(r Rule) (Rule, Duration) {
		for _, x := range rs {
			if x.ID == r.ID+"-extended" {
				return x, window(x, overrides)
			}
		}
		return Rule{}, Duration{}
	}
	for _, r := range rs {
		w := window(r, overrides)
		if w.IsZero() || strings.HasSuffix(r.ID, "-extended") {
			continue
		}
		due := func(t time.Time) time.Time { return cal.due(t, w) }
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
				add(r, tx, due(tx.At), tl.settlement(tx))
			}
		case OnEmail:
			for i := range tl.events {
				e := &tl.events[i]
				if e.Kind == evidence.KindContact && e.Contact != nil && e.Contact.Channel == evidence.Email &&
					e.Contact.Direction != evidence.Inbound {
					add(r, e, due(e.At), tl.firstAfter(e.At, isProviderReply))
				}
			}
		case OnInAppComplaint:
			if f := tl.inApp; f != nil {
				add(r, f, due(f.At), tl.firstAfter(f.At, isProviderReply))
			}
		case OnComplaint:
			f := tl.complaint
			if f == nil {
				continue
			}
			ext, extWindow := extended(r)
			switch r.Clock {
			case ClockComplaintReply:
				// Where there is an extended window, only a final response
				// meets the deadline; a holding reply in time moves it.
				if extWindow.IsZero() {
					add(r, f, due(f.At), tl.firstAfter(f.At, isProviderResponse))
					continue
				}
				if tl.holding(due(f.At)) {
					add(ext, f, cal.due(f.At, extWindow), tl.firstAfter(f.At, isFinal))
					continue
				}
				add(r, f, due(f.At), tl.firstAfter(f.At, isFinal))
			case ClockOmbudsmanAfter:
				// Available once the final response came, or after the
				// window (the extended one after a holding reply in time).
				if !extWindow.IsZero() && tl.holding(due(f.At)) {
					add(ext, f, cal.due(f.At, extWindow), tl.firstAfter(f.At, isFinal))
					continue
				}
				add(r, f, due(f.At), tl.firstAfter(f.At, isFinal))
			default:
				add(r, f, due(f.At), tl.firstAfter(f.At, isEscalation))
			}
		case OnNotice:
			n := tl.notice
			if n == nil {
				continue
			}
			switch r.Clock {
			case ClockErrorFinal:
				add(r, n, due(n.At), tl.firstAfter(n.At, isFinal))
			default: // refund, or investigate or credit provisionally
				add(r, n, due(n.At), tl.firstAfter(n.At, isRefundOrAnswer))
			}
		case OnIncident:
			if tl.incident.IsZero() {
				continue
			}
			var met *evidence.Event
			switch r.Clock {
			case ClockTimeLimit:
				met = tl.complaint
				if tl.c.Jurisdiction == evidence.CN {
					met = tl.platform
				}
			default: // notify, report the loss
				met = tl.notice
			}
			add(r, nil, due(tl.incident), met)
		case OnFinalResponse:
			f := tl.final
			if f == nil || (r.Nature == Law && tl.c.Jurisdiction == evidence.UK && !toldOfLimit(tl.c, f)) {
				continue
			}
			add(r, f, due(f.At), tl.firstAfter(f.At, isEscalation))
		case OnPlatformComplaint:
			if p := tl.platform; p != nil {
				add(r, p, due(p.At), tl.firstAfter(p.At, func(e *evidence.Event) bool {
					return e.Kind == evidence.KindResponse && from(e) == evidence.ToRegulator
				}))
			}
		case OnPlatformAccepted:
			if a := tl.accepted; a != nil {
				add(r, a, due(a.At), nil)
			}
		case OnRegulatorForwarded:
			g := tl.forwarded
			if g == nil {
				continue
			}
			switch r.Clock {
			case ClockRegulatorClose:
				add(r, g, due(g.At), tl.firstAfter(g.At, isAnyFinal))
			default:
				add(r, g, due(g.At), tl.firstAfter(g.At, isAnyResponse))
			}
		case OnRegulatorLetter:
			if g := tl.regulator; g != nil {
				add(r, g, due(g.At), tl.firstAfter(g.At, isAnyResponse))
			}
		case OnAssociationLetter:
			if a := tl.association; a != nil {
				add(r, a, due(a.At), tl.firstAfter(a.At, isAnyResponse))
			}
		case OnRecordsRequest:
			if q := tl.records; q != nil {
				add(r, q, cal.nextBusinessDay(due(q.At)), tl.firstAfter(q.At, isProviderReply))
			}
		}
	}
	for i := range tl.events {
		e := &tl.events[i]
		if e.Kind != evidence.KindContact || e.Contact == nil || e.Contact.PromiseBy == nil {
			continue
		}
		d := Deadline{Clock: ClockPromise, Key: "esc.clock." + string(ClockPromise), Nature: ProviderPromise, Effect: TheyMustAct,
			EventID: e.ID, Start: e.At, Due: e.Contact.PromiseBy.In(e.At.Location())}
		tl.settle(&d, tl.firstAfter(e.At, keepsPromise), now)
		out = append(out, d)
	}
	slices.SortStableFunc(out, func(a, b Deadline) int {
		return cmp.Or(a.Due.Compare(b.Due), strings.Compare(string(a.Clock), string(b.Clock)),
			strings.Compare(a.RuleID, b.RuleID), strings.Compare(a.EventID, b.EventID))
	})
	return out
}

// holding reports whether the provider sent a holding reply to the formal
// complaint in time: its first response after the complaint is not final,
// came no later than due, and no final response came by then.
func (tl *timeline) holding(due time.Time) bool {
	f := tl.complaint
	first := tl.firstAfter(f.At, isProviderResponse)
	final := tl.firstAfter(f.At, isFinal)
	return first != nil && !isFinal(first) && !first.At.After(due) && (final == nil || final.At.After(due))
}

// toldOfLimit reports whether a final response told the user of the
// six-month limit for the ombudsman: the case says so
// (Case.FinalMentionsOmbudsman "yes"; "no" says it did not, whatever the
// entry holds), else the entry is tagged so (tagsFinalNotice), or its
// outcome, summary or notes mention six months.
func toldOfLimit(c evidence.Case, e *evidence.Event) bool {
	switch c.FinalMentionsOmbudsman { // the case's own answer, when given, decides
	case evidence.Yes:
		return true
	case evidence.No:
		return false
	}
	if hasTag(e, tagsFinalNotice) {
		return true
	}
	text := strings.ToLower(e.Summary + " " + e.Notes)
	if e.Response != nil {
		text += " " + strings.ToLower(e.Response.Outcome)
	}
	for _, w := range []string{"six months", "6 months", "six-month", "6-month", "六个月", "6个月"} {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// settle fills Status, DaysLeft, MetBy and Acted. A window with the
// effect YouMayAct opens at Due, or earlier when met says so (the event
// that opened it, such as a final response).
func (tl *timeline) settle(d *Deadline, met *evidence.Event, now time.Time) {
	loc := d.Due.Location()
	if d.Effect == YouMayAct {
		if met != nil && met.At.Before(d.Due) {
			d.Due = met.At.In(loc)
			d.MetBy, d.MetAt = met.ID, met.At
		}
		d.DaysLeft = int(dayOf(d.Due) - dayOf(now.In(loc)))
		switch {
		case !now.Before(d.Due):
			d.Status = Available
		case d.DaysLeft <= 0:
			d.Status = DueToday
		default:
			d.Status = Upcoming
		}
		return
	}
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

// isRefundOrAnswer: what answers a notice of an unauthorised or incorrect
// transfer — a response from the provider or money coming back (a refund
// or a provisional credit).
func isRefundOrAnswer(e *evidence.Event) bool {
	return isProviderResponse(e) ||
		(e.Kind == evidence.KindTransaction && e.Transaction != nil && e.Transaction.Direction == evidence.MoneyIn)
}

func isAnyFinal(e *evidence.Event) bool {
	return e.Kind == evidence.KindResponse && e.Response != nil && e.Response.Final
}

// isUserAction: an outbound contact or a letter.
func isUserAction(e *evidence.Event) bool {
	return e.Kind == evidence.KindLetter || (e.Kind == evidence.KindContact && !isInbound(e))
}
