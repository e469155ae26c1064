package escalation

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"redress/evidence"
)

// Event builders. Every event gets its ID as summary, so that it is valid.

func ev(id string, kind evidence.Kind, when time.Time, tags ...string) evidence.Event {
	e := evidence.Event{ID: id, Kind: kind, At: when, Summary: id, Tags: tags}
	e.Normalize()
	return e
}

func contactEv(id string, when time.Time, ch evidence.Channel, dir string, tags ...string) evidence.Event {
	e := ev(id, evidence.KindContact, when, tags...)
	e.Contact.Channel = ch
	if dir != "" {
		e.Contact.Direction = dir
	}
	return e
}

func promised(e evidence.Event, by time.Time) evidence.Event {
	e.Contact.PromiseBy = &by
	e.Contact.Promise = "will fix it"
	return e
}

func letterEv(id string, when time.Time, to string) evidence.Event {
	e := ev(id, evidence.KindLetter, when)
	e.Letter.To = to
	return e
}

// letterTo is a letter to a named body (e.g. "12315", "CFPB").
func letterTo(id string, when time.Time, to, name string, tags ...string) evidence.Event {
	e := letterEv(id, when, to)
	e.Letter.Name = name
	e.Tags = append(e.Tags, tags...)
	e.Normalize()
	return e
}

// responseFrom is a response from a named body, with tags.
func responseFrom(id string, when time.Time, from, name string, final bool, tags ...string) evidence.Event {
	e := responseEv(id, when, from, final)
	e.Response.Name = name
	e.Tags = append(e.Tags, tags...)
	e.Normalize()
	return e
}

func responseEv(id string, when time.Time, from string, final bool) evidence.Event {
	e := ev(id, evidence.KindResponse, when)
	e.Response.From, e.Response.Final = from, final
	return e
}

func txEv(id string, when time.Time, txid, status string) evidence.Event {
	e := ev(id, evidence.KindTransaction, when)
	e.Transaction.TxID, e.Transaction.Status = txid, status
	return e
}

func archived(e evidence.Event) evidence.Event {
	t := e.At
	e.Archived = &t
	return e
}

func testCase(j evidence.Jurisdiction, p evidence.Problem) evidence.Case {
	c := evidence.Case{ID: "case-" + string(j), Title: "test", Provider: "OKPay", Problem: p, Jurisdiction: j,
		Incident: "2026-11-01", Created: time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)}
	c.Normalize()
	return c
}

// find returns the deadline from a rule (or, for "promise", the first
// promise), or nil.
func find(ds []Deadline, rule string) *Deadline {
	for _, d := range ds {
		if d.RuleID == rule || (rule == "promise" && d.Clock == ClockPromise) {
			return &d
		}
	}
	return nil
}

func ruleIDs(ds []Deadline) []string {
	var out []string
	for _, d := range ds {
		out = append(out, cmpOr(d.RuleID, string(d.Clock)))
	}
	slices.Sort(out)
	return out
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

const full = "2006-01-02 15:04:05"

func TestPosition(t *testing.T) {
	day := func(d, h int) time.Time { return time.Date(2026, 11, d, h, 0, 0, 0, time.UTC) }
	tests := []struct {
		name   string
		events []evidence.Event
		want   Step
	}{
		{"nothing", nil, NotStarted},
		{"transaction only", []evidence.Event{txEv("t", day(1, 9), "T1", "pending")}, NotStarted},
		{"self-check note", []evidence.Event{ev("n", evidence.KindNote, day(1, 10), "Self-Check")}, SelfCheck},
		{"Chinese self-check tag", []evidence.Event{ev("n", evidence.KindNote, day(1, 10), "自查")}, SelfCheck},
		{"one self-check step", []evidence.Event{ev("n", evidence.KindNote, day(1, 10), "self-check-balance")}, SelfCheck},
		{"contact", []evidence.Event{contactEv("c", day(2, 10), evidence.Chat, "")}, CustomerService},
		{"inbound contact", []evidence.Event{contactEv("c", day(2, 10), evidence.Phone, evidence.Inbound)}, CustomerService},
		{"contact tagged complaint", []evidence.Event{contactEv("c", day(2, 10), evidence.Chat, "", "complaint")}, FormalComplaint},
		{"contact tagged 投诉", []evidence.Event{contactEv("c", day(2, 10), evidence.Phone, "", "投诉")}, FormalComplaint},
		{"letter to provider", []evidence.Event{letterEv("l", day(3, 10), evidence.ToProvider)}, FormalComplaint},
		{"final response alone", []evidence.Event{responseEv("r", day(3, 10), evidence.ToProvider, true)}, FormalComplaint},
		{"non-final response alone", []evidence.Event{responseEv("r", day(3, 10), evidence.ToProvider, false)}, NotStarted},
		{"public post after complaint", []evidence.Event{letterEv("l", day(3, 10), evidence.ToProvider),
			contactEv("s", day(5, 10), evidence.Social, "", "public")}, PublicPost},
		{"public post without complaint", []evidence.Event{contactEv("s", day(5, 10), evidence.Social, "", "public")}, CustomerService},
		{"social DM is not public", []evidence.Event{letterEv("l", day(3, 10), evidence.ToProvider),
			contactEv("s", day(5, 10), evidence.Social, "")}, FormalComplaint},
		{"association", []evidence.Event{letterEv("l", day(3, 10), evidence.ToProvider), letterEv("a", day(9, 10), evidence.ToAssociation)}, ConsumerAssociation},
		{"regulator", []evidence.Event{letterEv("l", day(3, 10), evidence.ToProvider), letterEv("g", day(9, 10), evidence.ToRegulator)}, Regulator},
		{"legal", []evidence.Event{ev("n", evidence.KindNote, day(20, 10), "lawyer"), letterEv("g", day(9, 10), evidence.ToRegulator)}, Legal},
		{"archived letter ignored", []evidence.Event{contactEv("c", day(2, 10), evidence.Chat, ""),
			archived(letterEv("l", day(3, 10), evidence.ToProvider))}, CustomerService},
		{"events in any order", []evidence.Event{letterEv("g", day(9, 10), evidence.ToRegulator), letterEv("l", day(3, 10), evidence.ToProvider),
			contactEv("c", day(2, 10), evidence.Chat, "")}, Regulator},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := Input{Case: testCase(evidence.UK, evidence.TopupNotCredited), Events: tt.events}
			if got := Assess(in, day(28, 12)).Position; got != tt.want {
				t.Errorf("Assess(%s).Position = %s, want %s", tt.name, got, tt.want)
			}
		})
	}
}

type wantDeadline struct {
	rule   string
	due    string // local time in the deadline's zone
	status Status
}

func checkDeadlines(t *testing.T, ds []Deadline, want []wantDeadline) {
	t.Helper()
	if len(ds) != len(want) {
		t.Errorf("deadlines = %v, want %d", ruleIDs(ds), len(want))
	}
	for _, w := range want {
		d := find(ds, w.rule)
		if d == nil {
			t.Errorf("no deadline from %s; have %v", w.rule, ruleIDs(ds))
			continue
		}
		if d.Due.Format(full) != w.due || d.Status != w.status {
			t.Errorf("deadline %s = due %s, %s; want %s, %s", w.rule, d.Due.Format(full), d.Status, w.due, w.status)
		}
		if r, ok := Lookup(d.RuleID); ok && d.CheckLocally != r.CheckLocally {
			t.Errorf("deadline %s check locally = %v, want %v", w.rule, d.CheckLocally, r.CheckLocally)
		}
		if d.Due.Before(d.Start) {
			t.Errorf("deadline %s due %s before its start %s", w.rule, d.Due, d.Start)
		}
	}
}

// TestComplaintReply covers the clocks a first formal complaint (a letter
// on Monday 2 November 2026, 10:00 local time, seen on 10 November) starts
// in each jurisdiction on a withdrawal case whose incident was on Sunday
// 1 November. Dates counted by hand: 15 business days after 2 November end
// on Monday 23 November; 10 business days on Monday 16 November; 45 days
// on 17 December; 13 months after 1 November is 1 December 2027; 60 days
// is 31 December. The provider's own 24-hour promise no longer applies to
// a formal letter (only to the in-app complaint form).
func TestComplaintReply(t *testing.T) {
	tests := []struct {
		j    evidence.Jurisdiction
		zone string
		want []wantDeadline
	}{
		{evidence.UK, "Europe/London", []wantDeadline{
			{"uk.complaint-reply", "2026-11-23 23:59:59", Upcoming},
			{"uk.ombudsman-after", "2026-11-23 23:59:59", Upcoming},
			{"uk.notify-within", "2027-12-01 23:59:59", Met},
			{"uk.time-limit", "2032-11-01 23:59:59", Met}}},
		{evidence.EU, "Europe/Berlin", []wantDeadline{
			{"eu.complaint-reply", "2026-11-23 23:59:59", Upcoming},
			{"eu.ombudsman-refer-within", "2027-11-02 23:59:59", Upcoming},
			{"eu.notify-within", "2027-12-01 23:59:59", Met}}},
		{evidence.US, "America/New_York", []wantDeadline{
			{"us.error-investigation", "2026-11-16 23:59:59", Upcoming},
			{"us.error-final", "2026-12-17 23:59:59", Upcoming},
			{"us.notify-within", "2026-12-31 23:59:59", Met}}},
		{evidence.CN, "Asia/Shanghai", []wantDeadline{
			{"cn.complaint-reply", "2026-11-17 23:59:59", Upcoming},
			{"cn.time-limit", "2029-11-01 23:59:59", Upcoming}}},
		{evidence.Other, "UTC", nil},
	}
	for _, tt := range tests {
		t.Run(string(tt.j), func(t *testing.T) {
			loc := mustLoad(t, tt.zone)
			in := Input{Case: testCase(tt.j, evidence.WithdrawalDelayed),
				Events: []evidence.Event{letterEv("complaint", at(t, "2026-11-02 10:00", loc), evidence.ToProvider)}}
			a := Assess(in, at(t, "2026-11-10 12:00", loc))
			checkDeadlines(t, a.Deadlines, tt.want)
			for _, d := range a.Deadlines {
				wantEvent := "complaint"
				if r, _ := Lookup(d.RuleID); r.Start == OnIncident {
					wantEvent = ""
				}
				if d.EventID != wantEvent || d.Due.Location() != loc {
					t.Errorf("deadline %s: event %q, zone %s; want %q, %s", d.RuleID, d.EventID, d.Due.Location(), wantEvent, loc)
				}
				if d.Promise() {
					t.Errorf("a formal letter started the provider's promise %s", d.RuleID)
				}
			}
		})
	}
}

// TestFinalResponses covers how responses meet the statutory reply clock,
// holding replies and the extended windows.
func TestFinalResponses(t *testing.T) {
	berlin := mustLoad(t, "Europe/Berlin")
	shanghai := mustLoad(t, "Asia/Shanghai")
	b := func(s string) time.Time { return at(t, s, berlin) }
	sh := func(s string) time.Time { return at(t, s, shanghai) }
	tests := []struct {
		name      string
		j         evidence.Jurisdiction
		overrides map[string]Duration
		events    []evidence.Event
		now       time.Time
		rule      string
		due       string
		status    Status
		absent    string // a rule that must have no deadline
	}{
		{"final in time", evidence.EU, nil, []evidence.Event{responseEv("r", b("2026-11-20 09:00"), evidence.ToProvider, true)},
			b("2026-12-30 12:00"), "eu.complaint-reply", "2026-11-23 23:59:59", Met, "eu.complaint-reply-extended"},
		{"final on the last day", evidence.EU, nil, []evidence.Event{responseEv("r", b("2026-11-23 23:00"), evidence.ToProvider, true)},
			b("2026-12-30 12:00"), "eu.complaint-reply", "2026-11-23 23:59:59", Met, ""},
		{"final late", evidence.EU, nil, []evidence.Event{responseEv("r", b("2026-11-25 09:00"), evidence.ToProvider, true)},
			b("2026-12-30 12:00"), "eu.complaint-reply", "2026-11-23 23:59:59", Late, ""},
		{"holding reply then final", evidence.EU, nil, []evidence.Event{
			responseEv("h", b("2026-11-10 09:00"), evidence.ToProvider, false),
			responseEv("r", b("2026-12-15 09:00"), evidence.ToProvider, true)},
			b("2026-12-30 12:00"), "eu.complaint-reply-extended", "2026-12-21 23:59:59", Met, "eu.complaint-reply"},
		{"holding reply, no final", evidence.EU, nil, []evidence.Event{responseEv("h", b("2026-11-10 09:00"), evidence.ToProvider, false)},
			b("2026-12-30 12:00"), "eu.complaint-reply-extended", "2026-12-21 23:59:59", Overdue, "eu.complaint-reply"},
		{"late non-final reply is no holding reply", evidence.EU, nil, []evidence.Event{responseEv("h", b("2026-11-25 09:00"), evidence.ToProvider, false)},
			b("2026-11-30 12:00"), "eu.complaint-reply", "2026-11-23 23:59:59", Overdue, "eu.complaint-reply-extended"},
		{"a regulator's answer is not the provider's", evidence.EU, nil, []evidence.Event{responseEv("g", b("2026-11-10 09:00"), evidence.ToRegulator, true)},
			b("2026-11-30 12:00"), "eu.complaint-reply", "2026-11-23 23:59:59", Overdue, ""},
		{"in-app 24h promise met by any response", evidence.US, nil, []evidence.Event{
			contactEv("app", b("2026-11-02 12:00"), evidence.InApp, "", "complaint"),
			responseEv("h", b("2026-11-02 18:00"), evidence.ToProvider, false)},
			b("2026-11-30 12:00"), "provider.inapp-complaint-reply", "2026-11-03 12:00:00", Met, ""},
		{"CN holding reply", evidence.CN, nil, []evidence.Event{responseEv("h", sh("2026-11-05 09:00"), evidence.ToProvider, false)},
			sh("2026-12-30 12:00"), "cn.complaint-reply-extended", "2027-01-01 23:59:59", Upcoming, "cn.complaint-reply"},
		{"OTHER window without extension: any response meets it", evidence.Other, map[string]Duration{"other.complaint-reply": {10, Days}},
			[]evidence.Event{responseEv("h", b("2026-11-05 09:00"), evidence.ToProvider, false)},
			b("2026-12-30 12:00"), "other.complaint-reply", "2026-11-12 23:59:59", Met, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			loc := berlin
			if tt.j == evidence.CN {
				loc = shanghai
			}
			events := append([]evidence.Event{letterEv("complaint", at(t, "2026-11-02 10:00", loc), evidence.ToProvider)}, tt.events...)
			a := Assess(Input{Case: testCase(tt.j, evidence.RefundRefused), Events: events, Overrides: tt.overrides}, tt.now)
			d := find(a.Deadlines, tt.rule)
			if d == nil {
				t.Fatalf("no deadline from %s; have %v", tt.rule, ruleIDs(a.Deadlines))
			}
			if d.Due.Format(full) != tt.due || d.Status != tt.status {
				t.Errorf("deadline %s = %s, %s; want %s, %s", tt.rule, d.Due.Format(full), d.Status, tt.due, tt.status)
			}
			if (d.Status == Met || d.Status == Late) && (d.MetBy == "" || d.MetAt.IsZero()) {
				t.Errorf("deadline %s is %s but MetBy %q, MetAt %v", tt.rule, d.Status, d.MetBy, d.MetAt)
			}
			if tt.absent != "" && find(a.Deadlines, tt.absent) != nil {
				t.Errorf("deadlines %v include %s", ruleIDs(a.Deadlines), tt.absent)
			}
		})
	}
}

// TestReferWithin covers the UK window after a final response: the
// Financial Ombudsman Service within 6 months (31 August + 6 months is
// 28 February).
func TestReferWithin(t *testing.T) {
	london := mustLoad(t, "Europe/London")
	l := func(s string) time.Time { return at(t, s, london) }
	base := []evidence.Event{
		letterEv("complaint", l("2026-08-03 10:00"), evidence.ToProvider),
		responseFrom("final", l("2026-08-31 15:00"), evidence.ToProvider, "", true, "six-months"),
	}
	tests := []struct {
		name   string
		extra  []evidence.Event
		now    time.Time
		status Status
		next   Step
		reason string
	}{
		{"window open", nil, l("2026-09-10 12:00"), Upcoming, Regulator, reasonFinalReferBy},
		{"referred in time", []evidence.Event{letterEv("fos", l("2027-01-15 10:00"), evidence.ToRegulator)}, l("2027-03-10 12:00"), Met, Legal, reasonLegal},
		{"association letter counts", []evidence.Event{letterEv("ca", l("2027-02-28 22:00"), evidence.ToAssociation)}, l("2027-03-10 12:00"), Met, Regulator, reasonFinalResponse},
		{"window closed", nil, l("2027-03-01 09:00"), Overdue, Regulator, reasonFinalResponse},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Assess(Input{Case: testCase(evidence.UK, evidence.AccountFrozen), Events: append(slices.Clone(base), tt.extra...)}, tt.now)
			d := find(a.Deadlines, "uk.ombudsman-refer-within")
			if d == nil {
				t.Fatalf("no refer-within deadline; have %v", ruleIDs(a.Deadlines))
			}
			if d.EventID != "final" || d.Due.Format(full) != "2027-02-28 23:59:59" || d.Status != tt.status {
				t.Errorf("refer-within = from %s, due %s, %s; want from final, 2027-02-28 23:59:59, %s", d.EventID, d.Due.Format(full), d.Status, tt.status)
			}
			if a.Next.Step != tt.next || a.Next.Reason != tt.reason {
				t.Errorf("Next = %s, %s; want %s, %s", a.Next.Step, a.Next.Reason, tt.next, tt.reason)
			}
			checkArgs(t, a.Next.Reason, a.Next.Args)
			// The 15 business days ran out on 24 August: the final response was
			// late, and the ombudsman could take the case from 24 August on.
			if r := find(a.Deadlines, "uk.complaint-reply"); r == nil || r.Status != Late {
				t.Errorf("uk.complaint-reply = %+v, want late", r)
			}
			if r := find(a.Deadlines, "uk.ombudsman-after"); r == nil || r.Status != Available || r.Due.Format(full) != "2026-08-24 23:59:59" {
				t.Errorf("uk.ombudsman-after = %+v, want available since 2026-08-24 23:59:59", r)
			}
		})
	}
	t.Run("final response silent on the six months", func(t *testing.T) {
		events := []evidence.Event{letterEv("complaint", l("2026-08-03 10:00"), evidence.ToProvider),
			responseEv("final", l("2026-08-31 15:00"), evidence.ToProvider, true)}
		a := Assess(Input{Case: testCase(evidence.UK, evidence.AccountFrozen), Events: events}, l("2027-03-10 12:00"))
		if d := find(a.Deadlines, "uk.ombudsman-refer-within"); d != nil {
			t.Errorf("a final response that did not mention the limit started it: %+v", d)
		}
		if a.Next.Step != Regulator || a.Next.Reason != reasonFinalResponse {
			t.Errorf("Next = %s, %s; want regulator, %s", a.Next.Step, a.Next.Reason, reasonFinalResponse)
		}
	})
	t.Run("six months mentioned in the outcome", func(t *testing.T) {
		final := responseEv("final", l("2026-08-31 15:00"), evidence.ToProvider, true)
		final.Response.Outcome = "Complaint rejected. You may refer it to the Financial Ombudsman Service within six months."
		a := Assess(Input{Case: testCase(evidence.UK, evidence.AccountFrozen),
			Events: []evidence.Event{letterEv("complaint", l("2026-08-03 10:00"), evidence.ToProvider), final}}, l("2026-09-10 12:00"))
		if d := find(a.Deadlines, "uk.ombudsman-refer-within"); d == nil || d.Due.Format(full) != "2027-02-28 23:59:59" {
			t.Errorf("refer-within = %+v, want due 2027-02-28 23:59:59", d)
		}
	})
}

// TestPromises covers promised-by times: kept when a response from the
// provider, an inbound contact or a transaction is recorded after the
// contact and no later than the promised time.
func TestPromises(t *testing.T) {
	utc8 := time.FixedZone("UTC+8", 8*3600)
	c := func(s string) time.Time { return at(t, s, utc8) }
	call := promised(contactEv("call", c("2026-11-16 10:00"), evidence.Phone, ""), c("2026-11-18 18:00"))
	tests := []struct {
		name     string
		extra    []evidence.Event
		now      time.Time
		status   Status
		broken   bool
		daysLeft int
		acted    bool
	}{
		{"kept by a response", []evidence.Event{responseEv("r", c("2026-11-17 09:00"), evidence.ToProvider, false)}, c("2026-11-19 09:00"), Met, false, -1, false},
		{"kept by a transaction at the promised minute", []evidence.Event{txEv("t", c("2026-11-18 18:00"), "T1", "success")}, c("2026-11-19 09:00"), Met, false, -1, false},
		{"kept by a call back", []evidence.Event{contactEv("cb", c("2026-11-18 10:00"), evidence.Phone, evidence.Inbound)}, c("2026-11-19 09:00"), Met, false, -1, false},
		{"answered a minute late", []evidence.Event{txEv("t", c("2026-11-18 18:01"), "T1", "success")}, c("2026-11-19 09:00"), Late, true, -1, false},
		{"broken, answered later", []evidence.Event{responseEv("r", c("2026-11-19 08:00"), evidence.ToProvider, false)}, c("2026-11-19 09:00"), Late, true, -1, false},
		{"broken", nil, c("2026-11-19 09:00"), Overdue, true, -1, false},
		{"broken earlier today", nil, c("2026-11-18 20:00"), Overdue, true, 0, false},
		{"running", nil, c("2026-11-17 09:00"), Upcoming, false, 1, false},
		{"due today", nil, c("2026-11-18 09:00"), DueToday, false, 0, false},
		{"a response in the same minute is not after it", []evidence.Event{responseEv("r", c("2026-11-16 10:00"), evidence.ToProvider, false)}, c("2026-11-19 09:00"), Overdue, true, -1, false},
		{"a regulator's answer does not keep it", []evidence.Event{responseEv("r", c("2026-11-17 09:00"), evidence.ToRegulator, false)}, c("2026-11-19 09:00"), Overdue, true, -1, false},
		{"our own follow-up does not keep it", []evidence.Event{contactEv("f", c("2026-11-17 09:00"), evidence.Chat, "")}, c("2026-11-19 09:00"), Overdue, true, -1, false},
		{"chased after it broke", []evidence.Event{contactEv("f", c("2026-11-19 08:00"), evidence.Chat, "")}, c("2026-11-19 09:00"), Overdue, true, -1, true},
		{"archived response ignored", []evidence.Event{archived(responseEv("r", c("2026-11-17 09:00"), evidence.ToProvider, false))}, c("2026-11-19 09:00"), Overdue, true, -1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Assess(Input{Case: testCase(evidence.CN, evidence.PaymentFailed), Events: append([]evidence.Event{call}, tt.extra...)}, tt.now)
			d := find(a.Deadlines, "promise")
			if d == nil {
				t.Fatalf("no promise deadline in %v", ruleIDs(a.Deadlines))
			}
			if d.Status != tt.status || d.Broken() != tt.broken || d.DaysLeft != tt.daysLeft || d.Acted != tt.acted {
				t.Errorf("promise = %s, broken %v, %d days left, acted %v; want %s, %v, %d, %v",
					d.Status, d.Broken(), d.DaysLeft, d.Acted, tt.status, tt.broken, tt.daysLeft, tt.acted)
			}
			if d.Due.Format(full) != "2026-11-18 18:00:00" || d.EventID != "call" || d.RuleID != "" {
				t.Errorf("promise = due %s from %q rule %q; want 2026-11-18 18:00:00 from call, no rule", d.Due.Format(full), d.EventID, d.RuleID)
			}
			if tt.status == Overdue && !tt.acted && a.Next.Reason != reasonPromiseBroken {
				t.Errorf("Next.Reason = %s, want %s", a.Next.Reason, reasonPromiseBroken)
			}
		})
	}
}

func TestPending(t *testing.T) {
	tests := []struct {
		status string
		want   bool
	}{
		{"pending", true}, {"Pending review", true}, {"PROCESSING", true}, {"处理中", true}, {"审核中", true},
		{"等待到账", true}, {"success", false}, {"成功", false}, {"failed", false}, {"", false},
	}
	for _, tt := range tests {
		if got := Pending(tt.status); got != tt.want {
			t.Errorf("Pending(%q) = %v, want %v", tt.status, got, tt.want)
		}
	}
}

// TestPendingMoney covers pending top-ups (24 hours) and withdrawals
// (contact support after 48 hours, arrival within 3 business days).
func TestPendingMoney(t *testing.T) {
	sh := mustLoad(t, "Asia/Shanghai")
	s := func(v string) time.Time { return at(t, v, sh) }
	topup := txEv("pay", s("2026-11-06 22:00"), "T1", "处理中") // a Friday night
	withdrawal := txEv("out", s("2026-11-06 10:00"), "W1", "Pending review")
	tests := []struct {
		name    string
		problem evidence.Problem
		events  []evidence.Event
		now     time.Time
		want    []wantDeadline
	}{
		{"top-up credited in time", evidence.TopupNotCredited, []evidence.Event{topup, txEv("ok", s("2026-11-07 10:00"), "T1", "success")},
			s("2026-11-09 12:00"), []wantDeadline{{"provider.topup-credit", "2026-11-07 22:00:00", Met}, {"cn.time-limit", "2029-11-01 23:59:59", Upcoming}}},
		{"top-up credited late", evidence.TopupNotCredited, []evidence.Event{topup, txEv("ok", s("2026-11-08 10:00"), "T1", "成功")},
			s("2026-11-09 12:00"), []wantDeadline{{"provider.topup-credit", "2026-11-07 22:00:00", Late}, {"cn.time-limit", "2029-11-01 23:59:59", Upcoming}}},
		{"another transaction does not settle it", evidence.TopupNotCredited, []evidence.Event{topup, txEv("ok", s("2026-11-07 10:00"), "T2", "success")},
			s("2026-11-09 12:00"), []wantDeadline{{"provider.topup-credit", "2026-11-07 22:00:00", Overdue}, {"cn.time-limit", "2029-11-01 23:59:59", Upcoming}}},
		{"a record without status does not settle it", evidence.TopupNotCredited, []evidence.Event{topup, txEv("ok", s("2026-11-07 10:00"), "T1", "")},
			s("2026-11-09 12:00"), []wantDeadline{{"provider.topup-credit", "2026-11-07 22:00:00", Overdue}, {"cn.time-limit", "2029-11-01 23:59:59", Upcoming}}},
		{"still pending: one clock per transaction", evidence.TopupNotCredited, []evidence.Event{topup, txEv("again", s("2026-11-07 10:00"), "T1", "审核中")},
			s("2026-11-09 12:00"), []wantDeadline{{"provider.topup-credit", "2026-11-07 22:00:00", Overdue}, {"cn.time-limit", "2029-11-01 23:59:59", Upcoming}}},
		{"top-up still in its window", evidence.TopupNotCredited, []evidence.Event{topup},
			s("2026-11-07 09:00"), []wantDeadline{{"provider.topup-credit", "2026-11-07 22:00:00", DueToday}, {"cn.time-limit", "2029-11-01 23:59:59", Upcoming}}},
		{"withdrawal", evidence.WithdrawalDelayed, []evidence.Event{withdrawal},
			s("2026-11-09 12:00"), []wantDeadline{
				{"provider.withdrawal-contact", "2026-11-08 10:00:00", Overdue},
				{"provider.withdrawal-arrive", "2026-11-11 23:59:59", Upcoming}, {"cn.time-limit", "2029-11-01 23:59:59", Upcoming}}},
		{"withdrawal arrived", evidence.WithdrawalDelayed, []evidence.Event{withdrawal, txEv("done", s("2026-11-09 08:00"), "W1", "completed")},
			s("2026-11-09 12:00"), []wantDeadline{
				{"provider.withdrawal-contact", "2026-11-08 10:00:00", Late},
				{"provider.withdrawal-arrive", "2026-11-11 23:59:59", Met}, {"cn.time-limit", "2029-11-01 23:59:59", Upcoming}}},
		{"top-up clock only on top-up cases", evidence.WithdrawalDelayed, []evidence.Event{topup},
			s("2026-11-09 12:00"), []wantDeadline{
				{"provider.withdrawal-contact", "2026-11-08 22:00:00", Overdue},
				{"provider.withdrawal-arrive", "2026-11-11 23:59:59", Upcoming}, {"cn.time-limit", "2029-11-01 23:59:59", Upcoming}}},
		{"no clock on other problems", evidence.PaymentFailed, []evidence.Event{topup}, s("2026-11-09 12:00"), []wantDeadline{{"cn.time-limit", "2029-11-01 23:59:59", Upcoming}}},
		{"no clock without a pending status", evidence.TopupNotCredited, []evidence.Event{txEv("pay", s("2026-11-06 22:00"), "T1", "failed")},
			s("2026-11-09 12:00"), []wantDeadline{{"cn.time-limit", "2029-11-01 23:59:59", Upcoming}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Assess(Input{Case: testCase(evidence.CN, tt.problem), Events: tt.events}, tt.now)
			checkDeadlines(t, a.Deadlines, tt.want)
		})
	}
	t.Run("next step waits for the provider's window", func(t *testing.T) {
		events := []evidence.Event{withdrawal, ev("check", evidence.KindNote, s("2026-11-06 10:30"), "self-check")}
		a := Assess(Input{Case: testCase(evidence.CN, evidence.WithdrawalDelayed), Events: events}, s("2026-11-07 12:00"))
		if a.Next.Step != CustomerService || a.Next.Reason != reasonWindowRunning || !a.Next.From.Equal(s("2026-11-08 10:00")) {
			t.Errorf("Next = %s, %s from %s; want customer-service, %s from 2026-11-08 10:00", a.Next.Step, a.Next.Reason, a.Next.From, reasonWindowRunning)
		}
		checkArgs(t, a.Next.Reason, a.Next.Args)
		a = Assess(Input{Case: testCase(evidence.CN, evidence.WithdrawalDelayed), Events: events}, s("2026-11-09 12:00"))
		if a.Next.Reason != reasonWindowPassed || a.Next.Deadline == nil || a.Next.Deadline.RuleID != "provider.withdrawal-contact" {
			t.Errorf("Next = %s (deadline %+v), want %s with the 48h deadline", a.Next.Reason, a.Next.Deadline, reasonWindowPassed)
		}
	})
}

func TestEmailReply(t *testing.T) {
	u := func(s string) time.Time { return at(t, s, time.UTC) }
	mail := contactEv("mail", u("2026-11-16 09:00"), evidence.Email, "")
	tests := []struct {
		name   string
		extra  []evidence.Event
		status Status
		acted  bool
	}{
		{"answered by email", []evidence.Event{contactEv("re", u("2026-11-16 15:00"), evidence.Email, evidence.Inbound)}, Met, false},
		{"answered by a response", []evidence.Event{responseEv("re", u("2026-11-17 08:00"), evidence.ToProvider, false)}, Met, false},
		{"unanswered", nil, Overdue, false},
		{"chased", []evidence.Event{contactEv("chase", u("2026-11-17 10:00"), evidence.Chat, "")}, Overdue, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Assess(Input{Case: testCase(evidence.EU, evidence.OtherProblem), Events: append([]evidence.Event{mail}, tt.extra...)}, u("2026-11-18 12:00"))
			d := find(a.Deadlines, "provider.email-reply")
			if d == nil || d.Due.Format(full) != "2026-11-17 09:00:00" || d.Status != tt.status || d.Acted != tt.acted {
				t.Fatalf("email deadline = %+v, want due 2026-11-17 09:00:00, %s, acted %v", d, tt.status, tt.acted)
			}
		})
	}
	t.Run("inbound email starts no clock", func(t *testing.T) {
		a := Assess(Input{Case: testCase(evidence.EU, evidence.OtherProblem),
			Events: []evidence.Event{contactEv("in", u("2026-11-16 09:00"), evidence.Email, evidence.Inbound)}}, u("2026-11-18 12:00"))
		if len(a.Deadlines) != 0 {
			t.Errorf("deadlines = %v, want none", ruleIDs(a.Deadlines))
		}
	})
}

// TestOverrides covers per-case windows replacing the rules' defaults.
func TestOverrides(t *testing.T) {
	london := mustLoad(t, "Europe/London")
	events := []evidence.Event{letterEv("complaint", at(t, "2026-11-02 10:00", london), evidence.ToProvider)}
	now := at(t, "2026-11-10 12:00", london)
	notify := wantDeadline{"uk.notify-within", "2027-12-01 23:59:59", Met}
	limit := wantDeadline{"uk.time-limit", "2032-11-01 23:59:59", Met}
	tests := []struct {
		name      string
		overrides map[string]Duration
		want      []wantDeadline
	}{
		{"none", nil, []wantDeadline{
			{"uk.complaint-reply", "2026-11-23 23:59:59", Upcoming},
			{"uk.ombudsman-after", "2026-11-23 23:59:59", Upcoming}, notify, limit}},
		{"shorter statutory window", map[string]Duration{"uk.complaint-reply": {5, BusinessDays}}, []wantDeadline{
			{"uk.complaint-reply", "2026-11-09 23:59:59", Overdue},
			{"uk.ombudsman-after", "2026-11-23 23:59:59", Upcoming}, notify, limit}},
		{"switched off", map[string]Duration{"uk.complaint-reply": {}, "uk.ombudsman-after": {}, "uk.time-limit": {}}, []wantDeadline{notify}},
		{"longer ombudsman window", map[string]Duration{"uk.ombudsman-after": {10, Weeks}}, []wantDeadline{
			{"uk.complaint-reply", "2026-11-23 23:59:59", Upcoming},
			{"uk.ombudsman-after", "2027-01-11 23:59:59", Upcoming}, notify, limit}},
		{"another jurisdiction's rule is ignored", map[string]Duration{"eu.complaint-reply": {1, BusinessDays}, "other.complaint-reply": {1, Days}}, []wantDeadline{
			{"uk.complaint-reply", "2026-11-23 23:59:59", Upcoming},
			{"uk.ombudsman-after", "2026-11-23 23:59:59", Upcoming}, notify, limit}},
		{"extended window without a holding reply", map[string]Duration{"uk.complaint-reply-extended": {20, BusinessDays}}, []wantDeadline{
			{"uk.complaint-reply", "2026-11-23 23:59:59", Upcoming},
			{"uk.ombudsman-after", "2026-11-23 23:59:59", Upcoming}, notify, limit}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Assess(Input{Case: testCase(evidence.UK, evidence.TransferNotReceived), Events: events, Overrides: tt.overrides}, now)
			checkDeadlines(t, a.Deadlines, tt.want)
		})
	}
	t.Run("holding reply uses the overridden extension", func(t *testing.T) {
		ev := append(slices.Clone(events), responseEv("h", at(t, "2026-11-05 10:00", london), evidence.ToProvider, false))
		a := Assess(Input{Case: testCase(evidence.UK, evidence.TransferNotReceived), Events: ev,
			Overrides: map[string]Duration{"uk.complaint-reply-extended": {20, BusinessDays}}}, now)
		if d := find(a.Deadlines, "uk.complaint-reply-extended"); d == nil || d.Due.Format(full) != "2026-11-30 23:59:59" {
			t.Errorf("extended deadline = %+v, want due 2026-11-30 23:59:59", d)
		}
		// The ombudsman's own extension is not overridden: 35 business days.
		if d := find(a.Deadlines, "uk.ombudsman-after-extended"); d == nil || d.Due.Format(full) != "2026-12-21 23:59:59" || d.Status != Upcoming {
			t.Errorf("ombudsman after a holding reply = %+v, want due 2026-12-21 23:59:59, upcoming", d)
		}
	})
}

// TestOtherJurisdiction: OTHER has no statutory clocks, only windows the
// user sets per case; the provider's own promises never decide the next
// step.
func TestOtherJurisdiction(t *testing.T) {
	u := func(s string) time.Time { return at(t, s, time.UTC) }
	complaint := letterEv("complaint", u("2026-11-02 10:00"), evidence.ToProvider)
	final := responseEv("final", u("2026-11-05 10:00"), evidence.ToProvider, true)
	regulator := letterEv("reg", u("2026-11-08 10:00"), evidence.ToRegulator)
	inApp := contactEv("app", u("2026-11-02 09:00"), evidence.InApp, "", "投诉")
	tests := []struct {
		name      string
		events    []evidence.Event
		overrides map[string]Duration
		want      []wantDeadline
		reason    string
	}{
		{"no windows", []evidence.Event{complaint}, nil, nil, reasonNoWindow},
		{"the in-app promise does not decide the next step", []evidence.Event{inApp, complaint}, nil,
			[]wantDeadline{{"provider.inapp-complaint-reply", "2026-11-03 09:00:00", Overdue}}, reasonNoWindow},
		{"user-set reply window", []evidence.Event{complaint}, map[string]Duration{"other.complaint-reply": {2, Weeks}},
			[]wantDeadline{{"other.complaint-reply", "2026-11-16 23:59:59", Upcoming}}, reasonReplyRunning},
		{"user-set escalation window", []evidence.Event{complaint, final}, map[string]Duration{"other.ombudsman-refer-within": {3, Months}},
			[]wantDeadline{{"other.ombudsman-refer-within", "2027-02-05 23:59:59", Upcoming}}, reasonFinalReferBy},
		{"user-set regulator window", []evidence.Event{complaint, final, regulator}, map[string]Duration{"other.regulator-reply": {30, Days}},
			[]wantDeadline{{"other.regulator-reply", "2026-12-08 23:59:59", Upcoming}}, reasonRegulatorRunning},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Assess(Input{Case: testCase(evidence.Other, evidence.AccountClosure), Events: tt.events, Overrides: tt.overrides}, u("2026-11-10 12:00"))
			checkDeadlines(t, a.Deadlines, tt.want)
			for _, d := range a.Deadlines {
				if r, ok := Lookup(d.RuleID); ok && !r.Expectation() && tt.overrides[d.RuleID].IsZero() {
					t.Errorf("OTHER case has deadline %s without an override", d.RuleID)
				}
			}
			if a.Next.Reason != tt.reason {
				t.Errorf("Next.Reason = %s, want %s", a.Next.Reason, tt.reason)
			}
			checkArgs(t, a.Next.Reason, a.Next.Args)
		})
	}
}

// TestNextStep walks the ladder. Dates by hand: a complaint on Monday
// 2 November 2026 gives the provider 15 business days to Monday
// 23 November (35 to Monday 21 December); Regulation E's 10 business days
// end on Monday 16 November and 45 days on 17 December; a 12315 complaint
// on Friday 20 November is decided by Tuesday 1 December (7 working days);
// mediation accepted on Wednesday 25 November ends after 45 working days,
// on Wednesday 27 January 2027; the CFPB's 15 and 60 days from 10 November
// end on 25 November and 9 January.
func TestNextStep(t *testing.T) {
	l := mustLoad(t, "Europe/London")
	sh := mustLoad(t, "Asia/Shanghai")
	ny := mustLoad(t, "America/New_York")
	L := func(s string) time.Time { return at(t, s, l) }
	S := func(s string) time.Time { return at(t, s, sh) }
	N := func(s string) time.Time { return at(t, s, ny) }
	complaintUK := letterEv("complaint", L("2026-11-02 10:00"), evidence.ToProvider)
	complaintCN := letterEv("c", S("2026-11-02 10:00"), evidence.ToProvider)
	complaintUS := letterEv("c", N("2026-11-02 10:00"), evidence.ToProvider)
	to12315 := letterTo("p", S("2026-11-20 10:00"), evidence.ToRegulator, "12315")
	cfpb := letterTo("g", N("2026-11-10 10:00"), evidence.ToRegulator, "CFPB")
	forwarded := responseFrom("f", N("2026-11-10 12:00"), evidence.ToRegulator, "CFPB", false, "forwarded")
	tests := []struct {
		name    string
		j       evidence.Jurisdiction
		problem evidence.Problem // "" for top-up not credited
		status  evidence.Status
		events  []evidence.Event
		now     time.Time
		step    Step
		reason  string
		from    string // local time of From, "" to skip
		date    string // the {date} argument, "" for none
	}{
		{"resolved", evidence.UK, "", evidence.Resolved, []evidence.Event{complaintUK}, L("2026-11-10 12:00"), Done, reasonClosed, "", ""},
		{"nothing yet", evidence.UK, "", "", nil, L("2026-11-10 12:00"), SelfCheck, reasonSelfCheck, "", ""},
		{"self-checked", evidence.UK, "", "", []evidence.Event{ev("n", evidence.KindNote, L("2026-11-01 20:00"), "self-check")},
			L("2026-11-10 12:00"), CustomerService, reasonContactSupport, "2026-11-01 20:00", ""},
		{"contacted", evidence.UK, "", "", []evidence.Event{contactEv("c", L("2026-11-02 09:00"), evidence.Chat, "")},
			L("2026-11-10 12:00"), FormalComplaint, reasonFormalComplaint, "2026-11-02 09:00", ""},
		{"promise pending", evidence.UK, "", "", []evidence.Event{promised(contactEv("c", L("2026-11-09 09:00"), evidence.Chat, ""), L("2026-11-12 17:00"))},
			L("2026-11-10 12:00"), FormalComplaint, reasonPromiseRunning, "2026-11-12 17:00", "2026-11-12"},
		{"UK: ombudsman from 15 business days", evidence.UK, "", "", []evidence.Event{complaintUK},
			L("2026-11-10 12:00"), Regulator, reasonOmbudsmanFrom, "2026-11-23 23:59", "2026-11-23"},
		{"UK: ombudsman available since", evidence.UK, "", "", []evidence.Event{complaintUK},
			L("2026-11-24 12:00"), Regulator, reasonOmbudsmanAvailable, "2026-11-23 23:59", "2026-11-23"},
		{"UK: holding reply, 35 business days", evidence.UK, "", "", []evidence.Event{complaintUK,
			responseEv("h", L("2026-11-05 10:00"), evidence.ToProvider, false)},
			L("2026-11-24 12:00"), Regulator, reasonOmbudsmanFrom, "2026-12-21 23:59", "2026-12-21"},
		{"UK: the in-app 24 hours do not open the ombudsman", evidence.UK, "", "", []evidence.Event{
			contactEv("app", L("2026-11-02 09:00"), evidence.InApp, "", "complaint")},
			L("2026-11-04 12:00"), Regulator, reasonOmbudsmanFrom, "2026-11-23 23:59", "2026-11-23"},
		{"UK: Citizens Advice advises, the ombudsman decides", evidence.UK, "", "", []evidence.Event{complaintUK,
			letterTo("ca", L("2026-11-05 10:00"), evidence.ToAssociation, "Citizens Advice")},
			L("2026-11-10 12:00"), Regulator, reasonOmbudsmanFrom, "2026-11-23 23:59", "2026-11-23"},
		{"EU goes to the ADR body", evidence.EU, "", "", []evidence.Event{complaintUK},
			L("2026-11-10 12:00"), ConsumerAssociation, reasonReplyRunning, "", "2026-11-23"},
		{"US: Regulation E running", evidence.US, "", "", []evidence.Event{complaintUS},
			N("2026-11-10 12:00"), Regulator, reasonErrorRunning, "2026-11-16 23:59", "2026-11-16"},
		{"US: Regulation E passed", evidence.US, "", "", []evidence.Event{complaintUS},
			N("2026-11-17 12:00"), Regulator, reasonErrorOverdue, "2026-11-16 23:59", "2026-11-16"},
		{"US provider answered", evidence.US, "", "", []evidence.Event{complaintUS, responseEv("r", N("2026-11-02 18:00"), evidence.ToProvider, false)},
			N("2026-11-10 12:00"), Regulator, reasonAnswered, "2026-11-02 18:00", "2026-11-02"},
		{"US: no Regulation E for a frozen account", evidence.US, evidence.AccountFrozen, "", []evidence.Event{complaintUS},
			N("2026-11-10 12:00"), Regulator, reasonCFPBAnytime, "2026-11-02 10:00", ""},
		{"public post", evidence.UK, "", "", []evidence.Event{complaintUK, contactEv("p", L("2026-11-04 10:00"), evidence.Social, "", "public")},
			L("2026-11-10 12:00"), Regulator, reasonOmbudsmanFrom, "", "2026-11-23"},
		{"association without a complaint", evidence.CN, "", "", []evidence.Event{letterEv("a", L("2026-11-04 10:00"), evidence.ToAssociation)},
			L("2026-11-10 12:00"), FormalComplaint, reasonComplainFirst, "2026-11-04 10:00", ""},
		{"CN: complaint, then 12315", evidence.CN, "", "", []evidence.Event{complaintCN},
			S("2026-11-10 12:00"), Platform, reasonReplyRunning, "", "2026-11-17"},
		{"CN: 12315 deciding", evidence.CN, "", "", []evidence.Event{complaintCN, to12315},
			S("2026-11-25 12:00"), Regulator, reasonPlatformRunning, "", "2026-12-01"},
		{"CN: 12315 late to decide", evidence.CN, "", "", []evidence.Event{complaintCN, to12315},
			S("2026-12-02 12:00"), Regulator, reasonPlatformOverdue, "", "2026-12-01"},
		{"CN: 12315 mediating", evidence.CN, "", "", []evidence.Event{complaintCN, to12315,
			responseFrom("acc", S("2026-11-25 09:00"), evidence.ToRegulator, "12315", false, "受理")},
			S("2026-12-02 12:00"), Regulator, reasonMediationRunning, "", "2027-01-27"},
		{"CN: 12315 mediation over", evidence.CN, "", "", []evidence.Event{complaintCN, to12315,
			responseFrom("acc", S("2026-11-25 09:00"), evidence.ToRegulator, "", false, "accepted")},
			S("2027-02-01 12:00"), Regulator, reasonMediationEnded, "", "2027-01-27"},
		{"CN: association, then the PBoC", evidence.CN, "", "", []evidence.Event{complaintCN,
			letterEv("a", S("2026-11-20 10:00"), evidence.ToAssociation)},
			S("2026-12-02 12:00"), Regulator, reasonRegulatorCN, "", ""},
		{"US: CFPB complaint not yet sent on", evidence.US, "", "", []evidence.Event{complaintUS, cfpb},
			N("2026-11-12 12:00"), Legal, reasonRecordForwarded, "2026-11-10 10:00", ""},
		{"US: CFPB sent it on, company's 15 days", evidence.US, "", "", []evidence.Event{complaintUS, cfpb, forwarded},
			N("2026-11-12 12:00"), Legal, reasonRegulatorRunning, "", "2026-11-25"},
		{"US: company answered, closing running", evidence.US, "", "", []evidence.Event{complaintUS, cfpb, forwarded,
			responseEv("r", N("2026-11-20 10:00"), evidence.ToRegulator, false)},
			N("2026-11-30 12:00"), Legal, reasonRegulatorRunning, "", "2027-01-09"},
		{"US: regulator done", evidence.US, "", "", []evidence.Event{complaintUS, cfpb, forwarded},
			N("2027-02-12 12:00"), Legal, reasonLegal, "", ""},
		{"legal", evidence.UK, "", "", []evidence.Event{complaintUK, ev("n", evidence.KindNote, L("2026-12-01 10:00"), "legal")},
			L("2026-12-10 12:00"), Legal, reasonLegalUnderway, "2026-12-01 10:00", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.problem
			if p == "" {
				p = evidence.TopupNotCredited
			}
			c := testCase(tt.j, p)
			if tt.status != "" {
				c.Status = tt.status
			}
			n := Assess(Input{Case: c, Events: tt.events}, tt.now).Next
			if n.Step != tt.step || n.Reason != tt.reason {
				t.Errorf("Next = %s, %s; want %s, %s", n.Step, n.Reason, tt.step, tt.reason)
			}
			if tt.from != "" && n.From.Format(tl) != tt.from {
				t.Errorf("Next.From = %s, want %s", n.From.Format(tl), tt.from)
			}
			var date string
			for i := 0; i+1 < len(n.Args); i += 2 {
				if n.Args[i] == "date" {
					date = n.Args[i+1]
				}
			}
			if date != tt.date {
				t.Errorf("Next date argument = %q, want %q (args %v)", date, tt.date, n.Args)
			}
			checkArgs(t, n.Reason, n.Args)
			if n.Deadline != nil && !strings.Contains(fmt.Sprint(n.Args), n.Deadline.Due.Format(evidence.DateLayout)) &&
				n.Reason != reasonFinalReferBy && n.Reason != reasonAnswered {
				t.Errorf("Next.Deadline due %s is not the date in the reason (args %v)", n.Deadline.Due, n.Args)
			}
		})
	}
}

func TestAttention(t *testing.T) {
	u := func(s string) time.Time { return at(t, s, time.UTC) }
	now := u("2026-11-20 12:00")
	mk := func(id string, status evidence.Status, events ...evidence.Event) Input {
		c := testCase(evidence.EU, evidence.RefundRefused)
		c.ID = id
		if status != "" {
			c.Status = status
		}
		return Input{Case: c, Events: events}
	}
	promise := func(id, made, by string) evidence.Event {
		return promised(contactEv(id, u(made), evidence.Chat, ""), u(by))
	}
	archivedCase := mk("archived", "", promise("p", "2026-11-01 10:00", "2026-11-02 10:00"))
	archivedCase.Case.Archived = &now
	cases := []Input{
		mk("soon", "", promise("p", "2026-11-19 10:00", "2026-11-23 10:00")),
		mk("broken-yesterday", "", promise("p", "2026-11-17 10:00", "2026-11-19 10:00")),
		mk("resolved", evidence.Resolved, promise("p", "2026-11-01 10:00", "2026-11-02 10:00")),
		archivedCase,
		mk("quiet", "", ev("n", evidence.KindNote, u("2026-11-10 10:00"), "self-check")),
		mk("chased", "", promise("p", "2026-11-10 10:00", "2026-11-12 10:00"), contactEv("f", u("2026-11-13 10:00"), evidence.Phone, "")),
		mk("complaint", "", letterEv("l", u("2026-11-02 10:00"), evidence.ToProvider)),
		mk("today", "", promise("p", "2026-11-19 10:00", "2026-11-20 18:00")),
	}
	got := Attention(cases, now)
	var ids []string
	for _, a := range got {
		ids = append(ids, a.Case.ID)
	}
	want := []string{"broken-yesterday", "today", "soon", "complaint"}
	if !slices.Equal(ids, want) {
		t.Fatalf("Attention() = %v, want %v", ids, want)
	}
	if a := got[3]; a.Deadline.RuleID != "eu.complaint-reply" || a.Overdue != 0 || a.Next.Step != ConsumerAssociation {
		t.Errorf("Attention()[3] = %s, %d overdue, next %s; want eu.complaint-reply, 0, association", a.Deadline.RuleID, a.Overdue, a.Next.Step)
	}
	if got[0].Deadline.Status != Overdue || got[1].Deadline.Status != DueToday || got[2].Deadline.Status != Upcoming {
		t.Errorf("statuses = %s, %s, %s; want overdue, due-today, upcoming", got[0].Deadline.Status, got[1].Deadline.Status, got[2].Deadline.Status)
	}
	// A date from which the user may act is never an alert.
	uk := Input{Case: testCase(evidence.UK, evidence.RefundRefused), Events: []evidence.Event{
		letterEv("l", u("2026-10-01 10:00"), evidence.ToProvider), responseEv("r", u("2026-10-05 10:00"), evidence.ToProvider, false)}}
	for _, a := range Attention([]Input{uk}, now) {
		if a.Deadline.Effect == YouMayAct {
			t.Errorf("Attention() lists %s, a date from which the user may act", a.Deadline.RuleID)
		}
	}
	if len(Attention(nil, now)) != 0 {
		t.Errorf("Attention(nil) is not empty")
	}
}

func TestChecklist(t *testing.T) {
	u := func(s string) time.Time { return at(t, s, time.UTC) }
	keys := loadKeys(t)
	for _, p := range evidence.Problems {
		items := EvidenceItems(p)
		if len(items) < 3 {
			t.Errorf("EvidenceItems(%s) has %d items, want at least 3", p, len(items))
		}
		for _, it := range items {
			if _, ok := keys[it.Key]; !ok || len(it.Tags) == 0 || it.Done {
				t.Errorf("EvidenceItems(%s) item %s: key in the lang catalogs %v, tags %v, done %v", p, it.ID, ok, it.Tags, it.Done)
			}
		}
	}
	shot := func(id, caption string, tags ...string) evidence.Event {
		e := ev(id, evidence.KindScreenshot, u("2026-11-02 10:00"), tags...)
		e.Exhibit.Caption = caption
		return e
	}
	doc := func(id, attachmentCaption string) evidence.Event {
		e := ev(id, evidence.KindDocument, u("2026-11-02 10:00"))
		e.Attachments = []evidence.Attachment{{ID: "a", Caption: attachmentCaption}}
		return e
	}
	tests := []struct {
		name     string
		problem  evidence.Problem
		incident string
		events   []evidence.Event
		done     []string
		total    int
	}{
		{"nothing", evidence.TopupNotCredited, "", nil, nil, 5},
		{"satisfied by event data", evidence.TopupNotCredited, "", []evidence.Event{
			txEv("t", u("2026-11-01 10:00"), "T1", "pending"), contactEv("c", u("2026-11-02 10:00"), evidence.Chat, "")},
			[]string{"transaction-id", "transaction-time", "support-contacts"}, 5},
		{"transaction without ID", evidence.TopupNotCredited, "", []evidence.Event{txEv("t", u("2026-11-01 10:00"), "", "pending")},
			[]string{"transaction-time"}, 5},
		{"satisfied by tags", evidence.TopupNotCredited, "", []evidence.Event{shot("s", "", "Receipt"), shot("b", "", "银行流水")},
			[]string{"payment-confirmation", "bank-statement"}, 5},
		{"exhibit caption word", evidence.TopupNotCredited, "", []evidence.Event{shot("s", "scan #bank-statement, November")},
			[]string{"bank-statement"}, 5},
		{"caption words only", evidence.TopupNotCredited, "", []evidence.Event{shot("s", "bank-statements overview")}, nil, 5},
		{"Chinese attachment caption", evidence.TopupNotCredited, "", []evidence.Event{doc("d", "工商银行流水2026年11月")},
			[]string{"bank-statement"}, 5},
		{"archived events do not count", evidence.TopupNotCredited, "", []evidence.Event{archived(shot("s", "", "receipt"))}, nil, 5},
		{"frozen account", evidence.AccountFrozen, "", []evidence.Event{shot("f", "", "freeze-notice"),
			letterEv("l", u("2026-11-03 10:00"), evidence.ToProvider)},
			[]string{"freeze-notice", "request-dates"}, 5},
		{"unauthorized, police report optional", evidence.UnauthorizedTransaction, "2026-11-01", []evidence.Event{
			txEv("t", u("2026-11-01 03:00"), "X9", "success"), contactEv("c", u("2026-11-01 08:00"), evidence.Phone, ""),
			ev("p", evidence.KindDocument, u("2026-11-01 12:00"), "police-report")},
			[]string{"disputed-transactions", "noticed-time", "provider-told", "police-report"}, 4},
		{"refund refused", evidence.RefundRefused, "", []evidence.Event{responseEv("r", u("2026-11-05 10:00"), evidence.ToProvider, true)},
			[]string{"refusal"}, 5},
		{"withdrawal", evidence.WithdrawalDelayed, "", []evidence.Event{func() evidence.Event {
			e := txEv("w", u("2026-11-01 10:00"), "W1", "pending")
			e.Transaction.Direction = evidence.MoneyOut
			return e
		}()}, []string{"withdrawal-request", "transaction-id", "transaction-time"}, 5},
		{"unknown problem uses other", "mystery", "", []evidence.Event{ev("s", evidence.KindScreenshot, u("2026-11-01 10:00"))},
			[]string{"screenshots"}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := testCase(evidence.CN, tt.problem)
			c.Incident = tt.incident
			cl := Assess(Input{Case: c, Events: tt.events}, u("2026-11-20 12:00")).Checklist
			var done []string
			for _, it := range cl.Items {
				if it.Done {
					done = append(done, it.ID)
				}
			}
			slices.Sort(done)
			want := slices.Sorted(slices.Values(tt.done))
			if !slices.Equal(done, want) {
				t.Errorf("Checklist done = %v, want %v", done, want)
			}
			required := 0
			for _, id := range want {
				if !items[id].optional {
					required++
				}
			}
			if cl.Total != tt.total || cl.Done != required || len(cl.Missing) != cl.Total-cl.Done {
				t.Errorf("Checklist = %d of %d, %d missing; want %d of %d, %d missing", cl.Done, cl.Total, len(cl.Missing), required, tt.total, tt.total-required)
			}
			for _, m := range cl.Missing {
				if m.Done || m.Optional {
					t.Errorf("Missing includes %s (done %v, optional %v)", m.ID, m.Done, m.Optional)
				}
			}
			key, args := cl.Summary()
			checkArgs(t, key, args)
		})
	}
}

func TestSelfCheck(t *testing.T) {
	u := func(s string) time.Time { return at(t, s, time.UTC) }
	items := SelfCheckItems()
	var ids []string
	for _, it := range items {
		ids = append(ids, it.ID)
		if len(it.Tags) != 1 || it.Tags[0] != "self-check-"+it.ID {
			t.Errorf("self-check item %s tags = %v, want [self-check-%s]", it.ID, it.Tags, it.ID)
		}
	}
	if want := []string{"account", "balance", "details", "maintenance", "relogin"}; !slices.Equal(ids, want) {
		t.Errorf("SelfCheckItems() = %v, want %v", ids, want)
	}
	events := []evidence.Event{
		ev("a", evidence.KindNote, u("2026-11-01 10:00"), SelfCheckTag, "self-check-balance"),
		ev("b", evidence.KindNote, u("2026-11-01 10:05"), SelfCheckTag, "self-check-relogin"),
	}
	a := Assess(Input{Case: testCase(evidence.CN, evidence.TopupNotCredited), Events: events}, u("2026-11-02 10:00"))
	if a.SelfCheck.Done != 2 || a.SelfCheck.Total != 5 || len(a.SelfCheck.Missing) != 3 || a.Position != SelfCheck {
		t.Errorf("SelfCheck = %d of %d (%d missing), position %s; want 2 of 5 (3 missing), self-check",
			a.SelfCheck.Done, a.SelfCheck.Total, len(a.SelfCheck.Missing), a.Position)
	}
}

func TestWhen(t *testing.T) {
	due := time.Date(2026, 11, 20, 18, 0, 0, 0, time.UTC)
	tests := []struct {
		d    Deadline
		key  string
		args []string
	}{
		{Deadline{Status: Upcoming, DaysLeft: 3}, "esc.when.days-left", []string{"n", "3"}},
		{Deadline{Status: Upcoming, DaysLeft: 1}, "esc.when.tomorrow", nil},
		{Deadline{Status: DueToday}, "esc.when.due-today", nil},
		{Deadline{Status: Overdue, DaysLeft: 0}, "esc.when.overdue-today", nil},
		{Deadline{Status: Overdue, DaysLeft: -1}, "esc.when.overdue-one", nil},
		{Deadline{Status: Overdue, DaysLeft: -12}, "esc.when.overdue", []string{"n", "12"}},
		{Deadline{Status: Met, Due: due, MetAt: due.Add(-30 * time.Hour)}, "esc.when.met", []string{"date", "2026-11-19"}},
		{Deadline{Status: Late, Due: due, MetAt: due.Add(30 * time.Hour)}, "esc.when.late", []string{"date", "2026-11-22"}},
		{Deadline{Status: Overdue, DaysLeft: -3, Due: due, Nature: ProviderPromise}, "esc.when.not-kept", []string{"date", "2026-11-20"}},
		{Deadline{Status: Overdue, DaysLeft: -3, Due: due, Effect: YouMustAct}, "esc.when.limit-passed", []string{"date", "2026-11-20"}},
		{Deadline{Status: Available, DaysLeft: -2, Due: due, Effect: YouMayAct}, "esc.when.available-since", []string{"date", "2026-11-20"}},
		{Deadline{Status: DueToday, Due: due, Effect: YouMayAct}, "esc.when.available-today", nil},
		{Deadline{Status: Upcoming, DaysLeft: 1, Due: due, Effect: YouMayAct}, "esc.when.available-tomorrow", nil},
		{Deadline{Status: Upcoming, DaysLeft: 6, Due: due, Effect: YouMayAct}, "esc.when.available-in", []string{"n", "6", "date", "2026-11-20"}},
	}
	for _, tt := range tests {
		key, args := tt.d.When()
		if key != tt.key || !slices.Equal(args, tt.args) {
			t.Errorf("When(%s, %d) = %s %v, want %s %v", tt.d.Status, tt.d.DaysLeft, key, args, tt.key, tt.args)
		}
	}
}
