package escalation

import (
	"slices"
	"testing"
	"time"

	"redress/evidence"
)

// TestJurisdictionTable pins, for every jurisdiction and problem kind, the
// rights cited, the bodies named, the law's key dates and the next step
// for one fixed timeline, written by hand from the sources (docs/RULES.md):
//
//	Mon 2 Nov 2026 03:00  the transaction (incident date 2 November)
//	Mon 2 Nov 2026 09:00  the user tells the provider by chat (the notice)
//	Tue 3 Nov 2026 10:00  formal complaint by letter
//	Fri 20 Nov 2026 12:00 now
//
// Counted by hand on a weekends-only calendar: 15 business days after
// Tuesday 3 November end on Tuesday 24 November; 10 business days after
// Monday 2 November on Monday 16 November; 1 business day on Tuesday
// 3 November; 2 business days on Wednesday 4 November; 15 days after
// 3 November is 18 November; 45 days after 2 November is 17 December; 60
// days is 1 January 2027; 13 months is 2 December 2027; 12 months after
// 3 November is 3 November 2027; 3 years is 2 November 2029; 6 years
// 2 November 2032. Dates are given as "YYYY-MM-DD status".
func TestJurisdictionTable(t *testing.T) {
	tests := []struct {
		j      evidence.Jurisdiction
		p      evidence.Problem
		rights []string
		bodies []string
		dates  map[string]string // rule ID → due date and status
		step   Step
		reason string
	}{
		{evidence.CN, evidence.TopupNotCredited,
			[]string{"cn.ecl-55", "cn.ecl-53", "cn.cpl-28", "cn.cpl-46", "cn.npi-35", "cn.cpl-regs"},
			[]string{"cn.association", "cn.pboc", "cn.12315", "cn.nfra"},
			map[string]string{"cn.complaint-reply": "2026-11-18 overdue", "cn.time-limit": "2029-11-02 upcoming"},
			Platform, reasonReplyOverdue},
		{evidence.CN, evidence.WithdrawalDelayed,
			[]string{"cn.ecl-55", "cn.ecl-53", "cn.cpl-28", "cn.cpl-46", "cn.npi-35", "cn.npi-24", "cn.cpl-regs"},
			[]string{"cn.association", "cn.pboc", "cn.12315", "cn.nfra"},
			map[string]string{"cn.complaint-reply": "2026-11-18 overdue", "cn.time-limit": "2029-11-02 upcoming"},
			Platform, reasonReplyOverdue},
		{evidence.CN, evidence.TransferNotReceived,
			[]string{"cn.ecl-55", "cn.ecl-53", "cn.cpl-28", "cn.cpl-46", "cn.npi-35", "cn.cpl-regs"},
			[]string{"cn.association", "cn.pboc", "cn.12315", "cn.nfra"},
			map[string]string{"cn.complaint-reply": "2026-11-18 overdue", "cn.time-limit": "2029-11-02 upcoming"},
			Platform, reasonReplyOverdue},
		{evidence.CN, evidence.PaymentFailed,
			[]string{"cn.ecl-55", "cn.ecl-53", "cn.cpl-28", "cn.cpl-46", "cn.npi-35", "cn.cpl-regs"},
			[]string{"cn.association", "cn.pboc", "cn.12315", "cn.nfra"},
			map[string]string{"cn.complaint-reply": "2026-11-18 overdue", "cn.time-limit": "2029-11-02 upcoming"},
			Platform, reasonReplyOverdue},
		{evidence.CN, evidence.AccountFrozen,
			[]string{"cn.ecl-53", "cn.cpl-28", "cn.cpl-46", "cn.npi-35", "cn.npi-24", "cn.cpl-regs"},
			[]string{"cn.association", "cn.pboc", "cn.12315", "cn.nfra"},
			map[string]string{"cn.complaint-reply": "2026-11-18 overdue", "cn.time-limit": "2029-11-02 upcoming"},
			Platform, reasonReplyOverdue},
		{evidence.CN, evidence.RefundRefused,
			[]string{"cn.ecl-53", "cn.cpl-28", "cn.cpl-46", "cn.npi-35", "cn.cpl-regs"},
			[]string{"cn.association", "cn.pboc", "cn.12315", "cn.nfra"},
			map[string]string{"cn.complaint-reply": "2026-11-18 overdue", "cn.time-limit": "2029-11-02 upcoming"},
			Platform, reasonReplyOverdue},
		{evidence.CN, evidence.UnauthorizedTransaction,
			[]string{"cn.ecl-57", "cn.ecl-53", "cn.cpl-28", "cn.cpl-46", "cn.npi-35", "cn.cpl-regs"},
			[]string{"cn.association", "cn.pboc", "cn.12315", "cn.nfra"},
			map[string]string{"cn.complaint-reply": "2026-11-18 overdue", "cn.time-limit": "2029-11-02 upcoming"},
			Platform, reasonReplyOverdue},
		{evidence.CN, evidence.IncorrectRecord,
			[]string{"cn.ecl-55", "cn.ecl-53", "cn.cpl-28", "cn.cpl-46", "cn.npi-35", "cn.cpl-regs"},
			[]string{"cn.association", "cn.pboc", "cn.12315", "cn.nfra"},
			map[string]string{"cn.complaint-reply": "2026-11-18 overdue", "cn.time-limit": "2029-11-02 upcoming"},
			Platform, reasonReplyOverdue},
		{evidence.CN, evidence.AccountClosure,
			[]string{"cn.ecl-53", "cn.cpl-28", "cn.cpl-46", "cn.npi-35", "cn.npi-24", "cn.cpl-regs"},
			[]string{"cn.association", "cn.pboc", "cn.12315", "cn.nfra"},
			map[string]string{"cn.complaint-reply": "2026-11-18 overdue", "cn.time-limit": "2029-11-02 upcoming"},
			Platform, reasonReplyOverdue},
		{evidence.CN, evidence.OtherProblem,
			[]string{"cn.ecl-53", "cn.cpl-28", "cn.cpl-46", "cn.npi-35", "cn.cpl-regs"},
			[]string{"cn.association", "cn.pboc", "cn.12315", "cn.nfra"},
			map[string]string{"cn.complaint-reply": "2026-11-18 overdue", "cn.time-limit": "2029-11-02 upcoming"},
			Platform, reasonReplyOverdue},
		{evidence.UK, evidence.TopupNotCredited,
			[]string{"uk.psrs-notify", "uk.psrs-execution", "uk.disp-reply", "uk.fos"},
			[]string{"uk.fos", "uk.citizens-advice"},
			map[string]string{"uk.complaint-reply": "2026-11-24 upcoming", "uk.ombudsman-after": "2026-11-24 upcoming", "uk.time-limit": "2032-11-02 met", "uk.notify-within": "2027-12-02 met"},
			Regulator, reasonOmbudsmanFrom},
		{evidence.UK, evidence.WithdrawalDelayed,
			[]string{"uk.psrs-notify", "uk.psrs-execution", "uk.emrs-redemption", "uk.disp-reply", "uk.fos"},
			[]string{"uk.fos", "uk.citizens-advice"},
			map[string]string{"uk.complaint-reply": "2026-11-24 upcoming", "uk.ombudsman-after": "2026-11-24 upcoming", "uk.time-limit": "2032-11-02 met", "uk.notify-within": "2027-12-02 met"},
			Regulator, reasonOmbudsmanFrom},
		{evidence.UK, evidence.TransferNotReceived,
			[]string{"uk.psrs-notify", "uk.psrs-execution", "uk.disp-reply", "uk.fos"},
			[]string{"uk.fos", "uk.citizens-advice"},
			map[string]string{"uk.complaint-reply": "2026-11-24 upcoming", "uk.ombudsman-after": "2026-11-24 upcoming", "uk.time-limit": "2032-11-02 met", "uk.notify-within": "2027-12-02 met"},
			Regulator, reasonOmbudsmanFrom},
		{evidence.UK, evidence.PaymentFailed,
			[]string{"uk.psrs-notify", "uk.psrs-execution", "uk.disp-reply", "uk.fos"},
			[]string{"uk.fos", "uk.citizens-advice"},
			map[string]string{"uk.complaint-reply": "2026-11-24 upcoming", "uk.ombudsman-after": "2026-11-24 upcoming", "uk.time-limit": "2032-11-02 met", "uk.notify-within": "2027-12-02 met"},
			Regulator, reasonOmbudsmanFrom},
		{evidence.UK, evidence.AccountFrozen,
			[]string{"uk.emrs-redemption", "uk.disp-reply", "uk.fos"},
			[]string{"uk.fos", "uk.citizens-advice"},
			map[string]string{"uk.complaint-reply": "2026-11-24 upcoming", "uk.ombudsman-after": "2026-11-24 upcoming", "uk.time-limit": "2032-11-02 met"},
			Regulator, reasonOmbudsmanFrom},
		{evidence.UK, evidence.RefundRefused,
			[]string{"uk.disp-reply", "uk.fos"},
			[]string{"uk.fos", "uk.citizens-advice"},
			map[string]string{"uk.complaint-reply": "2026-11-24 upcoming", "uk.ombudsman-after": "2026-11-24 upcoming", "uk.time-limit": "2032-11-02 met"},
			Regulator, reasonOmbudsmanFrom},
		{evidence.UK, evidence.UnauthorizedTransaction,
			[]string{"uk.psrs-refund", "uk.psrs-notify", "uk.disp-reply", "uk.fos"},
			[]string{"uk.fos", "uk.citizens-advice"},
			map[string]string{"uk.complaint-reply": "2026-11-24 upcoming", "uk.ombudsman-after": "2026-11-24 upcoming", "uk.time-limit": "2032-11-02 met", "uk.notify-within": "2027-12-02 met", "uk.unauthorised-refund": "2026-11-03 overdue"},
			Regulator, reasonOmbudsmanFrom},
		{evidence.UK, evidence.IncorrectRecord,
			[]string{"uk.psrs-notify", "uk.psrs-execution", "uk.disp-reply", "uk.fos"},
			[]string{"uk.fos", "uk.citizens-advice"},
			map[string]string{"uk.complaint-reply": "2026-11-24 upcoming", "uk.ombudsman-after": "2026-11-24 upcoming", "uk.time-limit": "2032-11-02 met", "uk.notify-within": "2027-12-02 met"},
			Regulator, reasonOmbudsmanFrom},
		{evidence.UK, evidence.AccountClosure,
			[]string{"uk.emrs-redemption", "uk.disp-reply", "uk.fos"},
			[]string{"uk.fos", "uk.citizens-advice"},
			map[string]string{"uk.complaint-reply": "2026-11-24 upcoming", "uk.ombudsman-after": "2026-11-24 upcoming", "uk.time-limit": "2032-11-02 met"},
			Regulator, reasonOmbudsmanFrom},
		{evidence.UK, evidence.OtherProblem,
			[]string{"uk.disp-reply", "uk.fos"},
			[]string{"uk.fos", "uk.citizens-advice"},
			map[string]string{"uk.complaint-reply": "2026-11-24 upcoming", "uk.ombudsman-after": "2026-11-24 upcoming", "uk.time-limit": "2032-11-02 met"},
			Regulator, reasonOmbudsmanFrom},
		{evidence.US, evidence.TopupNotCredited,
			[]string{"us.rege-error-resolution", "us.rege-notice", "us.rege-prepaid"},
			[]string{"us.cfpb", "us.state-ag", "us.state-regulator"},
			map[string]string{"us.notify-within": "2027-01-01 met", "us.error-investigation": "2026-11-16 overdue", "us.error-final": "2026-12-17 upcoming"},
			Regulator, reasonErrorOverdue},
		{evidence.US, evidence.WithdrawalDelayed,
			[]string{"us.rege-error-resolution", "us.rege-notice", "us.rege-prepaid"},
			[]string{"us.cfpb", "us.state-ag", "us.state-regulator"},
			map[string]string{"us.notify-within": "2027-01-01 met", "us.error-investigation": "2026-11-16 overdue", "us.error-final": "2026-12-17 upcoming"},
			Regulator, reasonErrorOverdue},
		{evidence.US, evidence.TransferNotReceived,
			[]string{"us.rege-error-resolution", "us.rege-notice", "us.rege-prepaid"},
			[]string{"us.cfpb", "us.state-ag", "us.state-regulator"},
			map[string]string{"us.notify-within": "2027-01-01 met", "us.error-investigation": "2026-11-16 overdue", "us.error-final": "2026-12-17 upcoming"},
			Regulator, reasonErrorOverdue},
		{evidence.US, evidence.PaymentFailed,
			[]string{"us.rege-error-resolution", "us.rege-notice", "us.rege-prepaid"},
			[]string{"us.cfpb", "us.state-ag", "us.state-regulator"},
			map[string]string{"us.notify-within": "2027-01-01 met", "us.error-investigation": "2026-11-16 overdue", "us.error-final": "2026-12-17 upcoming"},
			Regulator, reasonErrorOverdue},
		{evidence.US, evidence.AccountFrozen,
			[]string{},
			[]string{"us.cfpb", "us.state-ag", "us.state-regulator"},
			map[string]string{},
			Regulator, reasonCFPBAnytime},
		{evidence.US, evidence.RefundRefused,
			[]string{},
			[]string{"us.cfpb", "us.state-ag", "us.state-regulator"},
			map[string]string{},
			Regulator, reasonCFPBAnytime},
		{evidence.US, evidence.UnauthorizedTransaction,
			[]string{"us.rege-error-resolution", "us.rege-notice", "us.rege-liability", "us.rege-prepaid"},
			[]string{"us.cfpb", "us.state-ag", "us.state-regulator"},
			map[string]string{"us.notify-within": "2027-01-01 met", "us.error-investigation": "2026-11-16 overdue", "us.error-final": "2026-12-17 upcoming", "us.report-loss": "2026-11-04 met"},
			Regulator, reasonErrorOverdue},
		{evidence.US, evidence.IncorrectRecord,
			[]string{"us.rege-error-resolution", "us.rege-notice", "us.rege-prepaid"},
			[]string{"us.cfpb", "us.state-ag", "us.state-regulator"},
			map[string]string{"us.notify-within": "2027-01-01 met", "us.error-investigation": "2026-11-16 overdue", "us.error-final": "2026-12-17 upcoming"},
			Regulator, reasonErrorOverdue},
		{evidence.US, evidence.AccountClosure,
			[]string{},
			[]string{"us.cfpb", "us.state-ag", "us.state-regulator"},
			map[string]string{},
			Regulator, reasonCFPBAnytime},
		{evidence.US, evidence.OtherProblem,
			[]string{},
			[]string{"us.cfpb", "us.state-ag", "us.state-regulator"},
			map[string]string{},
			Regulator, reasonCFPBAnytime},
		{evidence.EU, evidence.TopupNotCredited,
			[]string{"eu.psd2-notify", "eu.psd2-execution", "eu.psd2-reply", "eu.psd2-adr"},
			[]string{"eu.adr", "eu.nca", "eu.ecc"},
			map[string]string{"eu.complaint-reply": "2026-11-24 upcoming", "eu.ombudsman-refer-within": "2027-11-03 upcoming", "eu.notify-within": "2027-12-02 met"},
			ConsumerAssociation, reasonReplyRunning},
		{evidence.EU, evidence.WithdrawalDelayed,
			[]string{"eu.psd2-notify", "eu.psd2-execution", "eu.psd2-reply", "eu.psd2-adr"},
			[]string{"eu.adr", "eu.nca", "eu.ecc"},
			map[string]string{"eu.complaint-reply": "2026-11-24 upcoming", "eu.ombudsman-refer-within": "2027-11-03 upcoming", "eu.notify-within": "2027-12-02 met"},
			ConsumerAssociation, reasonReplyRunning},
		{evidence.EU, evidence.TransferNotReceived,
			[]string{"eu.psd2-notify", "eu.psd2-execution", "eu.psd2-reply", "eu.psd2-adr"},
			[]string{"eu.adr", "eu.nca", "eu.ecc"},
			map[string]string{"eu.complaint-reply": "2026-11-24 upcoming", "eu.ombudsman-refer-within": "2027-11-03 upcoming", "eu.notify-within": "2027-12-02 met"},
			ConsumerAssociation, reasonReplyRunning},
		{evidence.EU, evidence.PaymentFailed,
			[]string{"eu.psd2-notify", "eu.psd2-execution", "eu.psd2-reply", "eu.psd2-adr"},
			[]string{"eu.adr", "eu.nca", "eu.ecc"},
			map[string]string{"eu.complaint-reply": "2026-11-24 upcoming", "eu.ombudsman-refer-within": "2027-11-03 upcoming", "eu.notify-within": "2027-12-02 met"},
			ConsumerAssociation, reasonReplyRunning},
		{evidence.EU, evidence.AccountFrozen,
			[]string{"eu.psd2-reply", "eu.psd2-adr"},
			[]string{"eu.adr", "eu.nca", "eu.ecc"},
			map[string]string{"eu.complaint-reply": "2026-11-24 upcoming", "eu.ombudsman-refer-within": "2027-11-03 upcoming"},
			ConsumerAssociation, reasonReplyRunning},
		{evidence.EU, evidence.RefundRefused,
			[]string{"eu.psd2-reply", "eu.psd2-adr"},
			[]string{"eu.adr", "eu.nca", "eu.ecc"},
			map[string]string{"eu.complaint-reply": "2026-11-24 upcoming", "eu.ombudsman-refer-within": "2027-11-03 upcoming"},
			ConsumerAssociation, reasonReplyRunning},
		{evidence.EU, evidence.UnauthorizedTransaction,
			[]string{"eu.psd2-refund", "eu.psd2-notify", "eu.psd2-reply", "eu.psd2-adr"},
			[]string{"eu.adr", "eu.nca", "eu.ecc"},
			map[string]string{"eu.complaint-reply": "2026-11-24 upcoming", "eu.ombudsman-refer-within": "2027-11-03 upcoming", "eu.notify-within": "2027-12-02 met", "eu.unauthorised-refund": "2026-11-03 overdue"},
			ConsumerAssociation, reasonReplyRunning},
		{evidence.EU, evidence.IncorrectRecord,
			[]string{"eu.psd2-notify", "eu.psd2-execution", "eu.psd2-reply", "eu.psd2-adr"},
			[]string{"eu.adr", "eu.nca", "eu.ecc"},
			map[string]string{"eu.complaint-reply": "2026-11-24 upcoming", "eu.ombudsman-refer-within": "2027-11-03 upcoming", "eu.notify-within": "2027-12-02 met"},
			ConsumerAssociation, reasonReplyRunning},
		{evidence.EU, evidence.AccountClosure,
			[]string{"eu.psd2-reply", "eu.psd2-adr"},
			[]string{"eu.adr", "eu.nca", "eu.ecc"},
			map[string]string{"eu.complaint-reply": "2026-11-24 upcoming", "eu.ombudsman-refer-within": "2027-11-03 upcoming"},
			ConsumerAssociation, reasonReplyRunning},
		{evidence.EU, evidence.OtherProblem,
			[]string{"eu.psd2-reply", "eu.psd2-adr"},
			[]string{"eu.adr", "eu.nca", "eu.ecc"},
			map[string]string{"eu.complaint-reply": "2026-11-24 upcoming", "eu.ombudsman-refer-within": "2027-11-03 upcoming"},
			ConsumerAssociation, reasonReplyRunning},
		{evidence.Other, evidence.TopupNotCredited,
			[]string{},
			[]string{"other.association", "other.regulator"},
			map[string]string{},
			ConsumerAssociation, reasonNoWindow},
		{evidence.Other, evidence.WithdrawalDelayed,
			[]string{},
			[]string{"other.association", "other.regulator"},
			map[string]string{},
			ConsumerAssociation, reasonNoWindow},
		{evidence.Other, evidence.TransferNotReceived,
			[]string{},
			[]string{"other.association", "other.regulator"},
			map[string]string{},
			ConsumerAssociation, reasonNoWindow},
		{evidence.Other, evidence.PaymentFailed,
			[]string{},
			[]string{"other.association", "other.regulator"},
			map[string]string{},
			ConsumerAssociation, reasonNoWindow},
		{evidence.Other, evidence.AccountFrozen,
			[]string{},
			[]string{"other.association", "other.regulator"},
			map[string]string{},
			ConsumerAssociation, reasonNoWindow},
		{evidence.Other, evidence.RefundRefused,
			[]string{},
			[]string{"other.association", "other.regulator"},
			map[string]string{},
			ConsumerAssociation, reasonNoWindow},
		{evidence.Other, evidence.UnauthorizedTransaction,
			[]string{},
			[]string{"other.association", "other.regulator"},
			map[string]string{},
			ConsumerAssociation, reasonNoWindow},
		{evidence.Other, evidence.IncorrectRecord,
			[]string{},
			[]string{"other.association", "other.regulator"},
			map[string]string{},
			ConsumerAssociation, reasonNoWindow},
		{evidence.Other, evidence.AccountClosure,
			[]string{},
			[]string{"other.association", "other.regulator"},
			map[string]string{},
			ConsumerAssociation, reasonNoWindow},
		{evidence.Other, evidence.OtherProblem,
			[]string{},
			[]string{"other.association", "other.regulator"},
			map[string]string{},
			ConsumerAssociation, reasonNoWindow},
	}
	if len(tests) != len(evidence.Jurisdictions)*len(evidence.Problems) {
		t.Errorf("the table has %d rows, want one per jurisdiction and problem kind (%d)", len(tests), len(evidence.Jurisdictions)*len(evidence.Problems))
	}
	at := func(s string) time.Time { t, _ := time.Parse("2006-01-02 15:04", s); return t }
	for _, tt := range tests {
		t.Run(string(tt.j)+"/"+string(tt.p), func(t *testing.T) {
			c := evidence.Case{ID: "c", Title: "t", Provider: "OKPay", Problem: tt.p, Jurisdiction: tt.j, Incident: "2026-11-02",
				Status: evidence.Open, Created: at("2026-11-02 03:00")}
			events := []evidence.Event{
				{ID: "tx", Kind: evidence.KindTransaction, At: at("2026-11-02 03:00"),
					Transaction: &evidence.Transaction{TxID: "X9", Direction: evidence.MoneyOut, Status: "Completed"}},
				{ID: "chat", Kind: evidence.KindContact, At: at("2026-11-02 09:00"),
					Contact: &evidence.Contact{Channel: evidence.Chat, Direction: evidence.Outbound}},
				{ID: "letter", Kind: evidence.KindLetter, At: at("2026-11-03 10:00"), Letter: &evidence.Letter{To: evidence.ToProvider}},
			}
			a := Assess(Input{Case: c, Events: events}, at("2026-11-20 12:00"))
			var rights []string
			for _, r := range a.Rights {
				rights = append(rights, r.ID)
			}
			if !slices.Equal(rights, tt.rights) {
				t.Errorf("rights = %v, want %v", rights, tt.rights)
			}
			var bodies []string
			for _, b := range Bodies(tt.j) {
				bodies = append(bodies, b.ID)
			}
			if !slices.Equal(bodies, tt.bodies) {
				t.Errorf("bodies = %v, want %v", bodies, tt.bodies)
			}
			dates := map[string]string{}
			for _, d := range a.Deadlines {
				dates[d.RuleID] = d.Due.Format(evidence.DateLayout) + " " + string(d.Status)
			}
			for id, want := range tt.dates {
				if dates[id] != want {
					t.Errorf("deadline %s = %q, want %q", id, dates[id], want)
				}
			}
			for id, got := range dates {
				if _, ok := tt.dates[id]; !ok {
					t.Errorf("unexpected deadline %s = %q", id, got)
				}
			}
			if a.Next.Step != tt.step || a.Next.Reason != tt.reason {
				t.Errorf("next = %s, %s; want %s, %s", a.Next.Step, a.Next.Reason, tt.step, tt.reason)
			}
		})
	}
}
