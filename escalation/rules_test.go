package escalation

import (
	"strings"
	"testing"

	"redress/evidence"
)

// TestRules pins every rule: its window, what starts it and whether it is
// marked "check locally". A new rule must be added here.
func TestRules(t *testing.T) {
	tests := []struct {
		id           string
		clock        Clock
		start        Trigger
		window       string
		checkLocally bool
	}{
		{"provider.topup-credit", ClockTopupCredit, OnPendingTopup, "24h", false},
		{"provider.withdrawal-contact", ClockContactSupportAfter, OnPendingWithdrawal, "48h", false},
		{"provider.withdrawal-arrive", ClockWithdrawalArrive, OnPendingWithdrawal, "3bd", false},
		{"provider.email-reply", ClockEmailReply, OnEmail, "24h", false},
		{"provider.complaint-reply", ClockComplaintReply, OnComplaint, "24h", false},
		{"cn.complaint-reply", ClockComplaintReply, OnComplaint, "15d", true},
		{"cn.complaint-reply-extended", ClockComplaintReplyExtended, OnComplaint, "60d", true},
		{"cn.platform-accept", ClockPlatformAccept, OnAssociationLetter, "7bd", true},
		{"eu.complaint-reply", ClockComplaintReply, OnComplaint, "15bd", false},
		{"eu.complaint-reply-extended", ClockComplaintReplyExtended, OnComplaint, "35bd", false},
		{"eu.ombudsman-refer-within", ClockOmbudsmanReferWithin, OnComplaint, "12mo", true},
		{"uk.complaint-reply", ClockComplaintReply, OnComplaint, "15bd", false},
		{"uk.complaint-reply-extended", ClockComplaintReplyExtended, OnComplaint, "35bd", false},
		{"uk.ombudsman-after", ClockOmbudsmanAfter, OnComplaint, "8w", false},
		{"uk.ombudsman-refer-within", ClockOmbudsmanReferWithin, OnFinalResponse, "6mo", false},
		{"us.regulator-reply", ClockRegulatorReply, OnRegulatorLetter, "15d", false},
		{"us.regulator-close", ClockRegulatorClose, OnRegulatorLetter, "60d", false},
		{"other.complaint-reply", ClockComplaintReply, OnComplaint, "", false},
		{"other.complaint-reply-extended", ClockComplaintReplyExtended, OnComplaint, "", false},
		{"other.ombudsman-refer-within", ClockOmbudsmanReferWithin, OnFinalResponse, "", false},
		{"other.regulator-reply", ClockRegulatorReply, OnRegulatorLetter, "", false},
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
			if r.Clock != tt.clock || r.Start != tt.start || r.Window.String() != tt.window || r.CheckLocally != tt.checkLocally {
				t.Errorf("Lookup(%q) = clock %s, start %s, window %q, check locally %v; want %s, %s, %q, %v",
					tt.id, r.Clock, r.Start, r.Window, r.CheckLocally, tt.clock, tt.start, tt.window, tt.checkLocally)
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
				t.Errorf("the lang catalogs lacks %s", r.Key)
			}
			if r.Jurisdiction == evidence.CN && !r.CheckLocally {
				t.Errorf("CN rule %s is not marked check-locally", r.ID)
			}
			if r.Jurisdiction == evidence.Other && !r.Window.IsZero() {
				t.Errorf("OTHER rule %s has a default window %s; OTHER windows are user-set", r.ID, r.Window)
			}
			if r.Expectation() != strings.HasPrefix(r.ID, "provider.") {
				t.Errorf("rule %s Expectation() = %v", r.ID, r.Expectation())
			}
		})
	}
}

func TestRulesFor(t *testing.T) {
	tests := []struct {
		j    evidence.Jurisdiction
		want int // rules beyond the 5 provider expectations
	}{
		{"", 0},
		{evidence.CN, 3},
		{evidence.EU, 3},
		{evidence.UK, 4},
		{evidence.US, 2},
		{evidence.Other, 4},
		{"FR", 0},
	}
	for _, tt := range tests {
		rs := Rules(tt.j)
		if len(rs) != 5+tt.want {
			t.Errorf("len(Rules(%q)) = %d, want %d", tt.j, len(rs), 5+tt.want)
		}
		for _, r := range rs {
			if r.Jurisdiction != "" && r.Jurisdiction != tt.j {
				t.Errorf("Rules(%q) includes %s", tt.j, r.ID)
			}
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
