package escalation_test

import (
	"fmt"
	"time"

	"redress/escalation"
	"redress/evidence"
)

// A UK withdrawal stuck since Friday: the user checked, chatted with
// support on Monday, got a promise for Tuesday that was broken, and sent a
// formal complaint on Thursday. The provider's own promises it broke are
// "not kept" and, reacted to by the chat or the letter, need no
// attention. The law gives the firm 15 business days (to 3 December) and
// opens the Financial Ombudsman Service on that date: a date from which
// the user may act, not a deadline.
func ExampleAssess() {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		panic(err)
	}
	at := func(s string) time.Time {
		t, _ := time.ParseInLocation("2006-01-02 15:04", s, london)
		return t
	}
	promiseBy := at("2026-11-10 17:00")
	in := escalation.Input{
		Case: evidence.Case{ID: "c1", Title: "Withdrawal stuck", Provider: "OKPay", Status: evidence.Open,
			Problem: evidence.WithdrawalDelayed, Jurisdiction: evidence.UK, Incident: "2026-11-06"},
		Events: []evidence.Event{
			{ID: "tx", Kind: evidence.KindTransaction, At: at("2026-11-06 09:30"),
				Transaction: &evidence.Transaction{TxID: "W-1", Status: "processing", Direction: evidence.MoneyOut}},
			{ID: "check", Kind: evidence.KindNote, At: at("2026-11-06 10:00"), Tags: []string{"self-check", "self-check-balance"}},
			{ID: "chat", Kind: evidence.KindContact, At: at("2026-11-09 11:00"),
				Contact: &evidence.Contact{Channel: evidence.Chat, Direction: evidence.Outbound, PromiseBy: &promiseBy}},
			{ID: "letter", Kind: evidence.KindLetter, At: at("2026-11-12 10:00"),
				Letter: &evidence.Letter{To: evidence.ToProvider}},
		},
	}
	a := escalation.Assess(in, at("2026-11-20 12:00"))

	fmt.Println("position:", a.Position)
	fmt.Println("next:", a.Next.Step, a.Next.Reason, a.Next.Args)
	for _, d := range a.Deadlines {
		name := d.RuleID
		if name == "" {
			name = string(d.Clock)
		}
		mark := " " // reacted to, or met
		if d.NeedsAttention() {
			mark = "!"
		}
		key, args := d.When()
		fmt.Printf("%s %-27s %s %-8s %s %v\n", mark, name, d.Due.Format("2006-01-02 15:04"), d.Status, key, args)
	}
	fmt.Printf("evidence: %d of %d, missing %s\n", a.Checklist.Done, a.Checklist.Total, a.Checklist.Missing[0].Key)
	// Output:
	// position: formal-complaint
	// next: regulator esc.reason.ombudsman-from [date 2026-12-03]
	//   provider.withdrawal-contact 2026-11-08 09:30 overdue  esc.when.not-kept [date 2026-11-08]
	//   promise                     2026-11-10 17:00 overdue  esc.when.not-kept [date 2026-11-10]
	//   provider.withdrawal-arrive  2026-11-11 23:59 overdue  esc.when.not-kept [date 2026-11-11]
	// ! uk.complaint-reply          2026-12-03 23:59 upcoming esc.when.days-left [n 13]
	//   uk.ombudsman-after          2026-12-03 23:59 upcoming esc.when.available-in [n 13 date 2026-12-03]
	//   uk.notify-within            2027-12-06 23:59 met      esc.when.met [date 2026-11-09]
	//   uk.time-limit               2032-11-06 23:59 met      esc.when.met [date 2026-11-12]
	// evidence: 4 of 5, missing esc.item.balance
}
