package escalation

import (
	"redress/evidence"
)

// DisclaimerKey is the translation key of the notice that the rules are
// guidance, not legal advice. Show it wherever rules or deadlines are shown.
const DisclaimerKey = "esc.disclaimer"

// CheckLocallyKey is the translation key of the notice shown next to a
// figure whose rule has CheckLocally set.
const CheckLocallyKey = "esc.check-locally"

// Clock names what a rule's window measures. A [Deadline] has the clock of
// the rule it came from (or ClockPromise).
type Clock string

// The clocks.
const (
	ClockTopupCredit            Clock = "topup-credit"             // a pending top-up should be credited
	ClockWithdrawalArrive       Clock = "withdrawal-arrive"        // a pending withdrawal should arrive
	ClockContactSupportAfter    Clock = "contact-support-after"    // contact support if a withdrawal has not arrived by then
	ClockEmailReply             Clock = "email-reply"              // an email to support should be answered
	ClockComplaintReply         Clock = "complaint-reply"          // a formal complaint should be answered
	ClockComplaintReplyExtended Clock = "complaint-reply-extended" // the final answer after a holding reply
	ClockOmbudsmanAfter         Clock = "ombudsman-after"          // the ombudsman may take the case without a final response
	ClockOmbudsmanReferWithin   Clock = "ombudsman-refer-within"   // the last day to take the case to the ombudsman or ADR body
	ClockRegulatorReply         Clock = "regulator-reply"          // the company should respond to a regulator complaint
	ClockRegulatorClose         Clock = "regulator-close"          // the company should close a regulator complaint
	ClockPlatformAccept         Clock = "platform-accept"          // a complaint platform decides whether to accept
	ClockPromise                Clock = "promise"                  // a contact's promised-by time (no rule)
)

// Trigger is the timeline event that starts a rule's clock.
type Trigger string

// The triggers.
const (
	// A transaction whose status looks pending (see [Pending]) on a
	// top-up-not-credited case.
	OnPendingTopup Trigger = "pending-topup"
	// A transaction whose status looks pending on a withdrawal-delayed case.
	OnPendingWithdrawal Trigger = "pending-withdrawal"
	// Each outbound email contact.
	OnEmail Trigger = "email"
	// The first formal complaint: a letter to the provider, or a contact
	// tagged "complaint" (or "投诉").
	OnComplaint Trigger = "complaint"
	// The first final response from the provider after the complaint.
	OnFinalResponse Trigger = "final-response"
	// The first letter to a consumer association or complaint platform.
	OnAssociationLetter Trigger = "association-letter"
	// The first letter to a regulator.
	OnRegulatorLetter Trigger = "regulator-letter"
)

// Source says where a rule comes from.
type Source struct {
	Citation string // the instrument and article, as it is cited
	URL      string // "" when there is no stable public address
}

// Rule is one complaint clock as data.
type Rule struct {
	ID string // stable, used as the key of per-case overrides, e.g. "uk.complaint-reply"
	// Jurisdiction is "" for provider service expectations, which apply to
	// every case.
	Jurisdiction evidence.Jurisdiction
	Clock        Clock
	Start        Trigger
	// Window is the rule's default duration. It is zero for the user-set
	// windows of the OTHER jurisdiction: such a rule has no deadline until
	// the case overrides it.
	Window Duration
	Source Source
	// Key is the translation key of a one-sentence description.
	Key string
	// CheckLocally marks figures that vary by region or institution; the UI
	// shows CheckLocallyKey beside them.
	CheckLocally bool
}

// Expectation reports whether r is a provider's own service expectation
// rather than a rule of a jurisdiction (statutory, or user-set for OTHER).
func (r Rule) Expectation() bool { return r.Jurisdiction == "" }

var (
	srcProvider = Source{Citation: "Typical provider terms of service (check your provider's own terms)"}
	srcUser     = Source{Citation: "User-set window"}
	srcPSD2     = Source{Citation: "Directive (EU) 2015/2366 (PSD2), art. 101(2)",
		URL: "https://eur-lex.europa.eu/eli/dir/2015/2366/oj"}
	srcADR = Source{Citation: "Directive 2013/11/EU (consumer ADR), art. 5(4)(e): ADR bodies may not set a time limit under one year from the complaint to the trader",
		URL: "https://eur-lex.europa.eu/eli/dir/2013/11/oj"}
	srcDISP16 = Source{Citation: "FCA Handbook DISP 1.6.2A R (payment services and e-money complaints: final response within 15 business days, 35 after a holding response)",
		URL: "https://handbook.fca.org.uk/handbook/disp1/disp1s6"}
	srcDISP281 = Source{Citation: "FCA Handbook DISP 2.8.1 R (the Financial Ombudsman Service can consider a complaint after the final response, after 8 weeks, or for payment-services complaints after 15 or 35 business days)",
		URL: "https://handbook.fca.org.uk/handbook/disp2/disp2s8"}
	srcDISP282 = Source{Citation: "FCA Handbook DISP 2.8.2 R(1) (refer to the Financial Ombudsman Service within six months of the final response)",
		URL: "https://handbook.fca.org.uk/handbook/disp2/disp2s8"}
	srcCFPB = Source{Citation: "CFPB complaint process: the company responds within 15 days; a response marked in progress is followed by a final response within 60 days",
		URL: "https://www.consumerfinance.gov/complaint/process/"}
	srcCNFinance = Source{Citation: "《中国人民银行金融消费者权益保护实施办法》(PBOC 2020; hotline 12363); 《银行业保险业消费投诉处理管理办法》(CBIRC, now NFRA, 2020; hotline 12378): decision within 15 days, extendable up to 60 days"}
	srcCN12315   = Source{Citation: "《市场监督管理投诉举报处理暂行办法》(SAMR Order No. 20, 2019), art. 14: decision to accept within 7 working days; national platform 12315",
		URL: "https://www.12315.cn/"}
)

// rules is the table of every rule. Order: provider expectations, then
// jurisdictions in evidence.Jurisdictions order.
var rules = []Rule{
	{ID: "provider.topup-credit", Clock: ClockTopupCredit, Start: OnPendingTopup,
		Window: Duration{24, Hours}, Source: srcProvider},
	{ID: "provider.withdrawal-contact", Clock: ClockContactSupportAfter, Start: OnPendingWithdrawal,
		Window: Duration{48, Hours}, Source: srcProvider},
	{ID: "provider.withdrawal-arrive", Clock: ClockWithdrawalArrive, Start: OnPendingWithdrawal,
		Window: Duration{3, BusinessDays}, Source: srcProvider},
	{ID: "provider.email-reply", Clock: ClockEmailReply, Start: OnEmail,
		Window: Duration{24, Hours}, Source: srcProvider},
	{ID: "provider.complaint-reply", Clock: ClockComplaintReply, Start: OnComplaint,
		Window: Duration{24, Hours}, Source: srcProvider},

	{ID: "cn.complaint-reply", Jurisdiction: evidence.CN, Clock: ClockComplaintReply, Start: OnComplaint,
		Window: Duration{15, Days}, Source: srcCNFinance, CheckLocally: true},
	{ID: "cn.complaint-reply-extended", Jurisdiction: evidence.CN, Clock: ClockComplaintReplyExtended, Start: OnComplaint,
		Window: Duration{60, Days}, Source: srcCNFinance, CheckLocally: true},
	{ID: "cn.platform-accept", Jurisdiction: evidence.CN, Clock: ClockPlatformAccept, Start: OnAssociationLetter,
		Window: Duration{7, BusinessDays}, Source: srcCN12315, CheckLocally: true},

	{ID: "eu.complaint-reply", Jurisdiction: evidence.EU, Clock: ClockComplaintReply, Start: OnComplaint,
		Window: Duration{15, BusinessDays}, Source: srcPSD2},
	{ID: "eu.complaint-reply-extended", Jurisdiction: evidence.EU, Clock: ClockComplaintReplyExtended, Start: OnComplaint,
		Window: Duration{35, BusinessDays}, Source: srcPSD2},
	{ID: "eu.ombudsman-refer-within", Jurisdiction: evidence.EU, Clock: ClockOmbudsmanReferWithin, Start: OnComplaint,
		Window: Duration{12, Months}, Source: srcADR, CheckLocally: true},

	{ID: "uk.complaint-reply", Jurisdiction: evidence.UK, Clock: ClockComplaintReply, Start: OnComplaint,
		Window: Duration{15, BusinessDays}, Source: srcDISP16},
	{ID: "uk.complaint-reply-extended", Jurisdiction: evidence.UK, Clock: ClockComplaintReplyExtended, Start: OnComplaint,
		Window: Duration{35, BusinessDays}, Source: srcDISP16},
	{ID: "uk.ombudsman-after", Jurisdiction: evidence.UK, Clock: ClockOmbudsmanAfter, Start: OnComplaint,
		Window: Duration{8, Weeks}, Source: srcDISP281},
	{ID: "uk.ombudsman-refer-within", Jurisdiction: evidence.UK, Clock: ClockOmbudsmanReferWithin, Start: OnFinalResponse,
		Window: Duration{6, Months}, Source: srcDISP282},

	{ID: "us.regulator-reply", Jurisdiction: evidence.US, Clock: ClockRegulatorReply, Start: OnRegulatorLetter,
		Window: Duration{15, Days}, Source: srcCFPB},
	{ID: "us.regulator-close", Jurisdiction: evidence.US, Clock: ClockRegulatorClose, Start: OnRegulatorLetter,
		Window: Duration{60, Days}, Source: srcCFPB},

	{ID: "other.complaint-reply", Jurisdiction: evidence.Other, Clock: ClockComplaintReply, Start: OnComplaint, Source: srcUser},
	{ID: "other.complaint-reply-extended", Jurisdiction: evidence.Other, Clock: ClockComplaintReplyExtended, Start: OnComplaint, Source: srcUser},
	{ID: "other.ombudsman-refer-within", Jurisdiction: evidence.Other, Clock: ClockOmbudsmanReferWithin, Start: OnFinalResponse, Source: srcUser},
	{ID: "other.regulator-reply", Jurisdiction: evidence.Other, Clock: ClockRegulatorReply, Start: OnRegulatorLetter, Source: srcUser},
}

func init() {
	for i := range rules {
		rules[i].Key = "esc.rule." + rules[i].ID
	}
}

// Rules returns the rules that apply to a case in jurisdiction j: the
// provider expectations followed by j's own rules. Rules("") returns the
// provider expectations only. The slice is a fresh copy.
func Rules(j evidence.Jurisdiction) []Rule {
	var out []Rule
	for _, r := range rules {
		if r.Jurisdiction == "" || (j != "" && r.Jurisdiction == j) {
			out = append(out, r)
		}
	}
	return out
}

// Lookup returns the rule with the given ID.
func Lookup(id string) (Rule, bool) {
	for _, r := range rules {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}

// window returns the rule's window for a case: the override when there is
// one (a zero override switches the rule off), else the default.
func window(r Rule, overrides map[string]Duration) Duration {
	if d, ok := overrides[r.ID]; ok {
		return d
	}
	return r.Window
}
