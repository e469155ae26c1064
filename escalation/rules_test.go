package escalation

import (
	"slices"
	"strings"
	"testing"

	"redress/evidence"
)

// TestRules pins every rule: what it measures, what starts it, its window
// as the source states it, who stands behind it and what its end means,
// and whether it is marked "check locally". A new rule must be added here.
func TestRules(t *testing.T) {
	P, L, U := ProviderPromise, Law, UserSet
	tests := []struct {
		id           string
		clock        Clock
		start        Trigger
		window       string
		nature       Nature
		effect       Effect
		checkLocally bool
	}{
		{"provider.topup-credit", ClockTopupCredit, OnPendingTopup, "24h", P, TheyMustAct, false},
		{"provider.withdrawal-contact", ClockContactSupportAfter, OnPendingWithdrawal, "48h", P, TheyMustAct, false},
		{"provider.withdrawal-arrive", ClockWithdrawalArrive, OnPendingWithdrawal, "3bd", P, TheyMustAct, false},
		{"provider.email-reply", ClockEmailReply, OnEmail, "24h", P, TheyMustAct, false},
		{"provider.inapp-complaint-reply", ClockInAppComplaintReply, OnInAppComplaint, "24h", P, TheyMustAct, false},
		{"cn.complaint-reply", ClockComplaintReply, OnComplaint, "15d", L, TheyMustAct, true},
		{"cn.complaint-reply-extended", ClockComplaintReplyExtended, OnComplaint, "60d", L, TheyMustAct, true},
		{"cn.platform-accept", ClockPlatformAccept, OnPlatformComplaint, "7bd", L, TheyMustAct, true},
		{"cn.platform-mediation", ClockPlatformMediation, OnPlatformAccepted, "45bd", L, YouMayAct, true},
		{"cn.authority-reply", ClockRegulatorReply, OnRegulatorLetter, "7bd", L, TheyMustAct, true},
		{"cn.time-limit", ClockTimeLimit, OnIncident, "3y", L, YouMustAct, true},
		{"cn.records-reply", ClockRecordsReply, OnRecordsRequest, "30d", L, TheyMustAct, true},
		{"eu.unauthorised-refund", ClockUnauthorisedRefund, OnNotice, "1bd", L, TheyMustAct, false},
		{"eu.notify-within", ClockNotifyWithin, OnIncident, "13mo", L, YouMustAct, false},
		{"eu.complaint-reply", ClockComplaintReply, OnComplaint, "15bd", L, TheyMustAct, false},
		{"eu.complaint-reply-extended", ClockComplaintReplyExtended, OnComplaint, "35bd", L, TheyMustAct, false},
		{"eu.ombudsman-refer-within", ClockOmbudsmanReferWithin, OnComplaint, "12mo", L, YouMustAct, true},
		{"eu.records-reply", ClockRecordsReply, OnRecordsRequest, "1mo", L, TheyMustAct, false},
		{"uk.unauthorised-refund", ClockUnauthorisedRefund, OnNotice, "1bd", L, TheyMustAct, false},
		{"uk.notify-within", ClockNotifyWithin, OnIncident, "13mo", L, YouMustAct, false},
		{"uk.complaint-reply", ClockComplaintReply, OnComplaint, "15bd", L, TheyMustAct, false},
		{"uk.complaint-reply-extended", ClockComplaintReplyExtended, OnComplaint, "35bd", L, TheyMustAct, false},
		{"uk.ombudsman-after", ClockOmbudsmanAfter, OnComplaint, "15bd", L, YouMayAct, false},
		{"uk.ombudsman-after-extended", ClockOmbudsmanAfter, OnComplaint, "35bd", L, YouMayAct, false},
		{"uk.ombudsman-refer-within", ClockOmbudsmanReferWithin, OnFinalResponse, "6mo", L, YouMustAct, false},
		{"uk.time-limit", ClockTimeLimit, OnIncident, "6y", L, YouMustAct, false},
		{"uk.records-reply", ClockRecordsReply, OnRecordsRequest, "1mo", L, TheyMustAct, false},
		{"us.report-loss", ClockReportLoss, OnIncident, "2bd", L, YouMustAct, false},
		{"us.notify-within", ClockNotifyWithin, OnIncident, "60d", L, YouMustAct, false},
		{"us.error-investigation", ClockErrorInvestigation, OnNotice, "10bd", L, TheyMustAct, false},
		{"us.error-final", ClockErrorFinal, OnNotice, "45d", L, TheyMustAct, false},
		{"us.regulator-reply", ClockRegulatorReply, OnRegulatorForwarded, "15d", L, TheyMustAct, false},
		{"us.regulator-close", ClockRegulatorClose, OnRegulatorForwarded, "60d", L, TheyMustAct, false},
		{"us.records-reply", ClockRecordsReply, OnRecordsRequest, "30d", U, TheyMustAct, true},
		{"other.complaint-reply", ClockComplaintReply, OnComplaint, "", U, TheyMustAct, false},
		{"other.complaint-reply-extended", ClockComplaintReplyExtended, OnComplaint, "", U, TheyMustAct, false},
		{"other.ombudsman-refer-within", ClockOmbudsmanReferWithin, OnFinalResponse, "", U, YouMustAct, false},
		{"other.regulator-reply", ClockRegulatorReply, OnRegulatorLetter, "", U, TheyMustAct, false},
		{"other.records-reply", ClockRecordsReply, OnRecordsRequest, "", U, TheyMustAct, false},
	}
	if len(tests) != len(rules) {
		t.Errorf("the rule table has %d rules, this test pins %d", len(rules), len(tests))
	}
	keys := loadKeys(t)
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			r, ok := Lookup(tt.id)
			if !ok {
				t.Fatalf("Lookup(%q) found nothing", tt.id)
			}
			if r.Clock != tt.clock || r.Start != tt.start || r.Window.String() != tt.window || r.CheckLocally != tt.checkLocally ||
				r.Nature != tt.nature || r.Effect != tt.effect {
				t.Errorf("Lookup(%q) = clock %s, start %s, window %q, %s, %s, check locally %v; want %s, %s, %q, %s, %s, %v",
					tt.id, r.Clock, r.Start, r.Window, r.Nature, r.Effect, r.CheckLocally,
					tt.clock, tt.start, tt.window, tt.nature, tt.effect, tt.checkLocally)
			}
			prefix := strings.ToLower(string(r.Jurisdiction))
			if r.Jurisdiction == "" {
				prefix = "provider"
			}
			if !strings.HasPrefix(r.ID, prefix+".") {
				t.Errorf("rule %s has jurisdiction %q; its ID should start with %q", r.ID, r.Jurisdiction, prefix+".")
			}
			if r.Source.Citation == "" {
				t.Errorf("rule %s has no source", r.ID)
			}
			if r.Source.URL != "" && !strings.HasPrefix(r.Source.URL, "https://") {
				t.Errorf("rule %s source URL %q is not https", r.ID, r.Source.URL)
			}
			if r.Key != "esc.rule."+r.ID {
				t.Errorf("rule %s key = %q, want %q", r.ID, r.Key, "esc.rule."+r.ID)
			}
			if _, ok := keys[r.Key]; !ok {
				t.Errorf("the lang catalogs lack %s", r.Key)
			}
			if r.Jurisdiction == evidence.CN && !r.CheckLocally {
				t.Errorf("CN rule %s is not marked check-locally", r.ID)
			}
			if r.Jurisdiction == evidence.Other && !r.Window.IsZero() {
				t.Errorf("OTHER rule %s has a default window %s; OTHER windows are user-set", r.ID, r.Window)
			}
			if r.Expectation() != strings.HasPrefix(r.ID, "provider.") || (r.Nature == ProviderPromise) != (r.Jurisdiction == "") {
				t.Errorf("rule %s Expectation() = %v with jurisdiction %q", r.ID, r.Expectation(), r.Jurisdiction)
			}
			if r.Nature == ProviderPromise && !strings.Contains(r.Source.Citation, "not law") {
				t.Errorf("provider promise %s is cited as %q; it must say it is not law", r.ID, r.Source.Citation)
			}
		})
	}
}

func TestRulesFor(t *testing.T) {
	tests := []struct {
		j    evidence.Jurisdiction
		p    evidence.Problem
		want []string // rules beyond the provider's five promises
	}{
		{"", evidence.OtherProblem, nil},
		{evidence.CN, evidence.AccountFrozen, []string{"cn.complaint-reply", "cn.complaint-reply-extended", "cn.platform-accept",
			"cn.platform-mediation", "cn.authority-reply", "cn.time-limit", "cn.records-reply"}},
		{evidence.EU, evidence.RefundRefused, []string{"eu.complaint-reply", "eu.complaint-reply-extended", "eu.ombudsman-refer-within",
			"eu.records-reply"}},
		{evidence.EU, evidence.UnauthorizedTransaction, []string{"eu.unauthorised-refund", "eu.notify-within", "eu.complaint-reply",
			"eu.complaint-reply-extended", "eu.ombudsman-refer-within", "eu.records-reply"}},
		{evidence.UK, evidence.PaymentFailed, []string{"uk.notify-within", "uk.complaint-reply", "uk.complaint-reply-extended",
			"uk.ombudsman-after", "uk.ombudsman-after-extended", "uk.ombudsman-refer-within", "uk.time-limit", "uk.records-reply"}},
		{evidence.US, evidence.AccountClosure, []string{"us.regulator-reply", "us.regulator-close", "us.records-reply"}},
		{evidence.US, evidence.UnauthorizedTransaction, []string{"us.report-loss", "us.notify-within", "us.error-investigation",
			"us.error-final", "us.regulator-reply", "us.regulator-close", "us.records-reply"}},
		{evidence.Other, evidence.TopupNotCredited, []string{"other.complaint-reply", "other.complaint-reply-extended",
			"other.ombudsman-refer-within", "other.regulator-reply", "other.records-reply"}},
		{"FR", evidence.TopupNotCredited, nil},
	}
	for _, tt := range tests {
		var got []string
		for _, r := range RulesFor(tt.j, tt.p) {
			if r.Jurisdiction != "" {
				got = append(got, r.ID)
			} else if !r.Expectation() {
				t.Errorf("RulesFor(%q, %s) includes %s without a jurisdiction", tt.j, tt.p, r.ID)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("RulesFor(%q, %s) = %v, want %v", tt.j, tt.p, got, tt.want)
		}
		if n := len(RulesFor(tt.j, tt.p)) - len(got); n != 5 {
			t.Errorf("RulesFor(%q, %s) has %d provider promises, want 5", tt.j, tt.p, n)
		}
	}
	rs := Rules(evidence.UK)
	rs[0].Window = Duration{1, Hours}
	if r, _ := Lookup(rs[0].ID); r.Window == rs[0].Window {
		t.Errorf("changing the slice from Rules changed the table")
	}
	if _, ok := Lookup("uk.nonexistent"); ok {
		t.Errorf("Lookup(uk.nonexistent) found a rule")
	}
}
