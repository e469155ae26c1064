package escalation

import (
	"slices"
	"strings"
	"testing"
	"time"

	"redress/evidence"
)

// TestLetterWarnings covers the warnings before a letter is composed. The
// UK complaint on Monday 2 November 2026 opens the ombudsman on Monday
// 23 November (15 business days); the CN complaint's 15 days end on
// 17 November; the US notice's 10 business days on 16 November.
func TestLetterWarnings(t *testing.T) {
	u := func(s string) time.Time { return at(t, s, time.UTC) }
	complaint := letterEv("c", u("2026-11-02 10:00"), evidence.ToProvider)
	keys := func(ws []Warning) []string {
		var out []string
		for _, w := range ws {
			out = append(out, w.Key)
		}
		return out
	}
	tests := []struct {
		name   string
		j      evidence.Jurisdiction
		events []evidence.Event
		party  string
		body   string
		city   string
		now    time.Time
		want   []string
		date   string // the {date} of the premature warning
	}{
		{"letter to the provider: nothing to warn", evidence.UK, nil, evidence.ToProvider, "", "", u("2026-11-10 12:00"), nil, ""},
		{"no complaint yet", evidence.UK, nil, evidence.ToRegulator, "", "", u("2026-11-10 12:00"), []string{warnComplainFirst}, ""},
		{"UK: FOS seven days after the complaint", evidence.UK, []evidence.Event{complaint}, evidence.ToRegulator, "", "", u("2026-11-09 12:00"),
			[]string{warnPremature}, "2026-11-23"},
		{"UK: FOS after 15 business days", evidence.UK, []evidence.Event{complaint}, evidence.ToRegulator, "", "", u("2026-11-24 12:00"), nil, ""},
		{"UK: FOS once the final response came", evidence.UK, []evidence.Event{complaint, responseEv("f", u("2026-11-05 10:00"), evidence.ToProvider, true)},
			evidence.ToRegulator, "", "", u("2026-11-06 12:00"), nil, ""},
		{"UK: Citizens Advice only advises", evidence.UK, []evidence.Event{complaint}, evidence.ToAssociation, "", "", u("2026-11-09 12:00"),
			[]string{warnAdviserOnly}, ""},
		{"the in-app 24 hours never make a body letter timely", evidence.UK, []evidence.Event{
			contactEv("app", u("2026-11-02 09:00"), evidence.InApp, "", "complaint")}, evidence.ToRegulator, "", "", u("2026-11-04 12:00"),
			[]string{warnPremature}, "2026-11-23"},
		{"CN: PBoC before the 15 days, city missing", evidence.CN, []evidence.Event{complaint}, evidence.ToRegulator, "", "", u("2026-11-10 12:00"),
			[]string{warnPremature, warnCityMissingPBoC}, "2026-11-17"},
		{"CN: PBoC branch of the user's city", evidence.CN, []evidence.Event{complaint}, evidence.ToRegulator, "", "深圳", u("2026-11-20 12:00"),
			nil, ""},
		{"CN: association closes 12315, city missing", evidence.CN, []evidence.Event{complaint}, evidence.ToAssociation, "", "", u("2026-11-20 12:00"),
			[]string{warnCNAssociation, warnCityMissing}, ""},
		{"CN: association with the city", evidence.CN, []evidence.Event{complaint}, evidence.ToAssociation, "", "上海", u("2026-11-20 12:00"),
			[]string{warnCNAssociation}, ""},
		{"CN: 12315 after the association", evidence.CN, []evidence.Event{complaint, letterEv("a", u("2026-11-18 10:00"), evidence.ToAssociation)},
			evidence.ToRegulator, "cn.12315", "", u("2026-11-20 12:00"), []string{warnCN152}, ""},
		{"CN: 12315 first", evidence.CN, []evidence.Event{complaint}, evidence.ToRegulator, "cn.12315", "", u("2026-11-20 12:00"), nil, ""},
		{"US: CFPB before Regulation E's 10 business days", evidence.US, []evidence.Event{complaint}, evidence.ToRegulator, "", "", u("2026-11-10 12:00"),
			[]string{warnPremature}, "2026-11-16"},
		{"EU: the ECC is cross-border only", evidence.EU, []evidence.Event{complaint}, evidence.ToAssociation, "eu.ecc", "", u("2026-11-30 12:00"),
			[]string{warnECC}, ""},
		{"a body of another jurisdiction is the default", evidence.EU, []evidence.Event{complaint}, evidence.ToAssociation, "uk.fos", "", u("2026-11-30 12:00"),
			nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := Input{Case: testCase(tt.j, evidence.TopupNotCredited), Events: tt.events}
			ws := LetterWarnings(in, tt.party, tt.body, tt.city, tt.now)
			if got := keys(ws); !slices.Equal(got, tt.want) {
				t.Errorf("LetterWarnings() = %v, want %v", got, tt.want)
			}
			for _, w := range ws {
				checkArgs(t, w.Key, w.Args)
				if w.Key == warnPremature && !slices.Equal(w.Args, []string{"date", tt.date}) {
					t.Errorf("premature warning args = %v, want date %s", w.Args, tt.date)
				}
			}
		})
	}
}

// TestCaseWarnings: the standing warnings of a case's route.
func TestCaseWarnings(t *testing.T) {
	u := func(s string) time.Time { return at(t, s, time.UTC) }
	complaint := letterEv("c", u("2026-11-02 10:00"), evidence.ToProvider)
	tests := []struct {
		name   string
		j      evidence.Jurisdiction
		events []evidence.Event
		want   []string
	}{
		{"CN, before any body: choose a route", evidence.CN, []evidence.Event{complaint}, []string{warnCNRoute}},
		{"CN, after the association: 12315 is closed", evidence.CN, []evidence.Event{complaint, letterEv("a", u("2026-11-20 10:00"), evidence.ToAssociation)},
			[]string{warnCN152}},
		{"CN, 12315 used", evidence.CN, []evidence.Event{complaint, letterTo("p", u("2026-11-20 10:00"), evidence.ToRegulator, "", "12315")}, nil},
		{"US, CFPB complaint not yet sent on", evidence.US, []evidence.Event{complaint, letterTo("g", u("2026-11-20 10:00"), evidence.ToRegulator, "CFPB")},
			[]string{warnRecordForwarded}},
		{"US, sent on", evidence.US, []evidence.Event{complaint, letterTo("g", u("2026-11-20 10:00"), evidence.ToRegulator, "CFPB"),
			responseFrom("f", u("2026-11-21 10:00"), evidence.ToRegulator, "", false, "已转办")}, nil},
		{"UK: none", evidence.UK, []evidence.Event{complaint}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, w := range Assess(Input{Case: testCase(tt.j, evidence.AccountFrozen), Events: tt.events}, u("2026-11-25 12:00")).Warnings {
				got = append(got, w.Key)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Warnings = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestReplyRule: the window a letter gives its addressee.
func TestReplyRule(t *testing.T) {
	sun := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC) // a Sunday
	tests := []struct {
		j     evidence.Jurisdiction
		p     evidence.Problem
		party string
		body  string
		rule  string
		due   string
	}{
		{evidence.UK, evidence.PaymentFailed, evidence.ToProvider, "", "uk.complaint-reply", "2026-12-11"},
		{evidence.EU, evidence.AccountFrozen, evidence.ToProvider, "", "eu.complaint-reply", "2026-12-11"},
		{evidence.CN, evidence.AccountFrozen, evidence.ToProvider, "", "cn.complaint-reply", "2026-12-07"},
		{evidence.US, evidence.UnauthorizedTransaction, evidence.ToProvider, "", "us.error-investigation", "2026-12-04"},
		{evidence.US, evidence.AccountFrozen, evidence.ToProvider, "", "", ""},
		{evidence.Other, evidence.AccountFrozen, evidence.ToProvider, "", "", ""},
		{evidence.CN, evidence.AccountFrozen, evidence.ToRegulator, "cn.12315", "cn.platform-accept", "2026-12-01"},
		{evidence.CN, evidence.AccountFrozen, evidence.ToRegulator, "", "cn.authority-reply", "2026-12-01"},
		{evidence.CN, evidence.AccountFrozen, evidence.ToAssociation, "", "", ""},
		{evidence.UK, evidence.AccountFrozen, evidence.ToRegulator, "uk.fos", "", ""},
	}
	for _, tt := range tests {
		due, r, ok := ReplyBy(testCase(tt.j, tt.p), tt.party, tt.body, sun, nil, nil)
		got := ""
		if ok {
			got = due.Format(evidence.DateLayout)
		}
		if r.ID != tt.rule || got != tt.due {
			t.Errorf("ReplyBy(%s, %s, %s, %s) = %s %s, want %s %s", tt.j, tt.p, tt.party, tt.body, r.ID, got, tt.rule, tt.due)
		}
	}
	if _, _, ok := ReplyBy(testCase(evidence.Other, evidence.AccountFrozen), evidence.ToProvider, "", sun, nil,
		map[string]Duration{"other.complaint-reply": {10, Days}}); !ok {
		t.Errorf("ReplyBy(OTHER with a user-set window) found none")
	}
}

// TestChecklistAudience: the missing evidence is for the user only.
func TestChecklistAudience(t *testing.T) {
	for a, want := range map[Audience]bool{InApp: true, OwnCopy: true, evidence.ToProvider: false,
		evidence.ToAssociation: false, evidence.ToRegulator: false, "": false} {
		if got := ShowsChecklist(a); got != want {
			t.Errorf("ShowsChecklist(%q) = %v, want %v", a, got, want)
		}
		limit := Deadline{Effect: YouMustAct}
		if got := ShowsDeadline(a, limit); got != want {
			t.Errorf("ShowsDeadline(%q, the user's own limit) = %v, want %v", a, got, want)
		}
		if !ShowsDeadline(a, Deadline{Effect: TheyMustAct}) || !ShowsDeadline(a, Deadline{Effect: YouMayAct}) {
			t.Errorf("ShowsDeadline(%q) hides a deadline of the provider", a)
		}
	}
}

// TestBodyOf: which body a letter or response concerns.
func TestBodyOf(t *testing.T) {
	u := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		j    evidence.Jurisdiction
		e    evidence.Event
		want string
	}{
		{evidence.CN, letterTo("a", u, evidence.ToRegulator, "全国12315平台"), "cn.12315"},
		{evidence.CN, letterTo("a", u, evidence.ToRegulator, "上海市市场监督管理局"), "cn.12315"},
		{evidence.CN, letterTo("a", u, evidence.ToRegulator, "", "12315"), "cn.12315"},
		{evidence.CN, letterTo("a", u, evidence.ToRegulator, "中国人民银行上海分行"), "cn.pboc"},
		{evidence.CN, letterTo("a", u, evidence.ToRegulator, "国家金融监督管理总局上海监管局"), "cn.nfra"},
		{evidence.CN, letterTo("a", u, evidence.ToRegulator, ""), "cn.pboc"},
		{evidence.CN, letterTo("a", u, evidence.ToAssociation, "浦东新区消费者权益保护委员会"), "cn.association"},
		{evidence.UK, letterTo("a", u, evidence.ToRegulator, "Financial Ombudsman Service"), "uk.fos"},
		{evidence.UK, letterTo("a", u, evidence.ToRegulator, "The FOS, Exchange Tower"), "uk.fos"},
		{evidence.EU, letterTo("a", u, evidence.ToRegulator, "Sadr Consulting"), "eu.nca"}, // "adr" only as a word
		{evidence.UK, letterTo("a", u, evidence.ToAssociation, "Citizens Advice Leeds"), "uk.citizens-advice"},
		{evidence.EU, letterTo("a", u, evidence.ToAssociation, "ECC Germany"), "eu.ecc"},
		{evidence.US, letterTo("a", u, evidence.ToRegulator, "NY Department of Financial Services"), "us.state-regulator"},
		{evidence.US, letterTo("a", u, evidence.ToRegulator, "", "us.state-regulator"), "us.state-regulator"},
		{evidence.US, responseFrom("r", u, evidence.ToRegulator, "CFPB", false), "us.cfpb"},
		{evidence.US, letterEv("a", u, evidence.ToProvider), ""},
		{"XX", letterTo("a", u, evidence.ToRegulator, ""), "other.regulator"},
	}
	for _, tt := range tests {
		if got := BodyOf(tt.j, &tt.e); got != tt.want {
			t.Errorf("BodyOf(%s, %q %v) = %q, want %q", tt.j, tt.e.Letter, tt.e.Tags, got, tt.want)
		}
	}
}

// TestRightsAndBodiesTables: every right and body has a source, a short
// citation for letters (the law's rules too), translations, and one
// default body per party in each jurisdiction.
func TestRightsAndBodiesTables(t *testing.T) {
	keys := loadKeys(t)
	seen := map[string]bool{}
	for _, r := range AllRights() {
		if seen[r.ID] {
			t.Errorf("right %s twice", r.ID)
		}
		seen[r.ID] = true
		if r.Source.Citation == "" || r.Source.Short == "" || !strings.HasPrefix(r.ID, strings.ToLower(string(r.Jurisdiction))+".") {
			t.Errorf("right %s: jurisdiction %s, source %+v", r.ID, r.Jurisdiction, r.Source)
		}
		if _, ok := keys[r.Key]; !ok {
			t.Errorf("the lang catalogs lack %s", r.Key)
		}
		if r.Jurisdiction == evidence.CN && strings.Contains(r.Source.Citation, "实施条例") && !r.CheckLocally {
			t.Errorf("right %s cites no verified article but is not marked check-locally", r.ID)
		}
	}
	for _, r := range rules {
		if (r.Nature == Law) != (r.Source.Short != "") {
			t.Errorf("rule %s (%s) has short citation %q", r.ID, r.Nature, r.Source.Short)
		}
	}
	for _, j := range evidence.Jurisdictions {
		defaults := map[string]int{}
		for _, b := range Bodies(j) {
			if b.Default {
				defaults[b.Party]++
			}
			if b.Source.Citation == "" || (b.Source.URL != "" && !strings.HasPrefix(b.Source.URL, "https://")) {
				t.Errorf("body %s source %+v", b.ID, b.Source)
			}
			if _, ok := keys[b.AskKey]; !ok {
				t.Errorf("the lang catalogs lack %s", b.AskKey)
			}
			if d := DefaultBody(j, b.Party); d.Party != b.Party || d.Jurisdiction != j {
				t.Errorf("DefaultBody(%s, %s) = %s", j, b.Party, d.ID)
			}
		}
		if defaults[evidence.ToAssociation] != 1 || defaults[evidence.ToRegulator] != 1 {
			t.Errorf("%s has defaults %v, want one per party", j, defaults)
		}
	}
	for _, b := range Bodies(evidence.CN) {
		if !b.CheckLocally {
			t.Errorf("CN body %s is not marked check-locally", b.ID)
		}
	}
	if b, _ := LookupBody("cn.association"); !b.NeedsCity {
		t.Errorf("the CN consumer association is not the city's")
	}
	if k, args := DefaultBody(evidence.CN, evidence.ToAssociation).NameKey("上海市"); k != "esc.body.cn.association" || !slices.Equal(args, []string{"city", "上海市"}) {
		t.Errorf("NameKey(上海市) = %s %v", k, args)
	}
	for in, want := range map[string]string{"上海": "上海市", "杭州市": "杭州市", "浦东新区": "浦东新区", "大理白族自治州": "大理白族自治州", "杭州": "杭州市", "广州": "广州市", "Shanghai": "Shanghai", " ": ""} {
		if got := CityName(in); got != want {
			t.Errorf("CityName(%q) = %q, want %q", in, got, want)
		}
	}
	if b, _ := LookupBody("uk.citizens-advice"); !b.AdviserOnly {
		t.Errorf("Citizens Advice is not marked adviser-only")
	}
	if b, _ := LookupBody("eu.ecc"); !b.CrossBorderOnly {
		t.Errorf("the ECC is not marked cross-border only")
	}
}
