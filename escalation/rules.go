package escalation

import (
	"slices"

	"redress/evidence"
)

// DisclaimerKey is the translation key of the notice that the rules are
// guidance, not legal advice. Show it wherever rules or deadlines are shown.
const DisclaimerKey = "esc.disclaimer"

// CheckLocallyKey is the translation key of the notice shown next to a
// figure whose rule has CheckLocally set ("check locally", 查询当地规定).
const CheckLocallyKey = "esc.check-locally"

// Checked is the date the sources in this package were last looked up
// (docs/RULES.md lists them with their addresses).
const Checked = "2026-11-28"

// Clock names what a rule's window measures. A [Deadline] has the clock of
// the rule it came from (or ClockPromise). Each clock has the translation
// key "esc.clock.<clock>".
type Clock string

// The clocks.
const (
	// The provider's own published promises (Nature ProviderPromise).
	ClockTopupCredit         Clock = "topup-credit"          // a pending top-up should be credited
	ClockWithdrawalArrive    Clock = "withdrawal-arrive"     // a pending withdrawal should arrive
	ClockContactSupportAfter Clock = "contact-support-after" // contact support if a withdrawal has not arrived by then
	ClockEmailReply          Clock = "email-reply"           // an email to support should be answered
	ClockInAppComplaintReply Clock = "inapp-complaint-reply" // the in-app complaint form should be answered

	// The law.
	ClockComplaintReply         Clock = "complaint-reply"          // a formal complaint must be answered
	ClockComplaintReplyExtended Clock = "complaint-reply-extended" // the final answer after a holding reply
	ClockOmbudsmanAfter         Clock = "ombudsman-after"          // the ombudsman may take the case from then (available since)
	ClockOmbudsmanReferWithin   Clock = "ombudsman-refer-within"   // the last day to take the case to the ombudsman or ADR body
	ClockRegulatorReply         Clock = "regulator-reply"          // the company responds to a complaint the regulator sent it
	ClockRegulatorClose         Clock = "regulator-close"          // the company closes a complaint the regulator sent it
	ClockPlatformAccept         Clock = "platform-accept"          // the market regulator (12315) decides whether to accept
	ClockPlatformMediation      Clock = "platform-mediation"       // mediation by the market regulator ends without agreement
	ClockUnauthorisedRefund     Clock = "unauthorised-refund"      // refund of an unauthorised payment after notice
	ClockNotifyWithin           Clock = "notify-within"            // the last day to tell the provider about the transaction
	ClockReportLoss             Clock = "report-loss"              // tell the provider of a lost or stolen access device (US $50 limit)
	ClockErrorInvestigation     Clock = "error-investigation"      // US Regulation E: investigate, or credit provisionally
	ClockErrorFinal             Clock = "error-final"              // US Regulation E: finish the investigation
	ClockTimeLimit              Clock = "time-limit"               // the outer time limit for taking the complaint further
	ClockRecordsReply           Clock = "records-reply"            // the provider answers a request for the user's own records

	ClockPromise Clock = "promise" // a contact's promised-by time (no rule)
)

// Clocks lists every clock.
var Clocks = []Clock{ClockTopupCredit, ClockWithdrawalArrive, ClockContactSupportAfter, ClockEmailReply,
	ClockInAppComplaintReply, ClockComplaintReply, ClockComplaintReplyExtended, ClockOmbudsmanAfter,
	ClockOmbudsmanReferWithin, ClockRegulatorReply, ClockRegulatorClose, ClockPlatformAccept, ClockPlatformMediation,
	ClockUnauthorisedRefund, ClockNotifyWithin, ClockReportLoss, ClockErrorInvestigation, ClockErrorFinal,
	ClockTimeLimit, ClockRecordsReply, ClockPromise}

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
	// The first complaint made through the provider's in-app complaint
	// form: an in-app contact tagged "complaint" ("投诉").
	OnInAppComplaint Trigger = "inapp-complaint"
	// The first formal complaint: a letter to the provider, or a contact
	// tagged "complaint" (or "投诉").
	OnComplaint Trigger = "complaint"
	// The first time the provider was told of the problem: the first
	// outbound contact or letter to the provider on or after the incident
	// date (a "notice of error" in Regulation E's words).
	OnNotice Trigger = "notice"
	// The incident: the case's incident date, else its first transaction.
	OnIncident Trigger = "incident"
	// The first final response from the provider after the complaint.
	OnFinalResponse Trigger = "final-response"
	// The first complaint filed with the market regulator through the
	// 12315 platform (a letter to body cn.12315, see [BodyOf]).
	OnPlatformComplaint Trigger = "platform-complaint"
	// The market regulator's decision to accept that complaint: a response
	// from it tagged "accepted" ("受理", "已受理").
	OnPlatformAccepted Trigger = "platform-accepted"
	// The first letter to a consumer association.
	OnAssociationLetter Trigger = "association-letter"
	// The first letter to a regulator.
	OnRegulatorLetter Trigger = "regulator-letter"
	// The regulator sent the complaint on to the company: a response from
	// the regulator tagged "forwarded" ("sent-to-company", "已转办").
	OnRegulatorForwarded Trigger = "regulator-forwarded"
	// The first request to the provider for the user's own records: a
	// letter to the provider tagged "records-request" (see
	// IsRecordsRequest). It is not a complaint and starts no complaint
	// clock.
	OnRecordsRequest Trigger = "records-request"
)

// Nature says who stands behind a rule.
type Nature string

// The natures of rules.
const (
	// Law: a statute, a regulation or a regulator's published rule.
	Law Nature = "law"
	// ProviderPromise: the provider's own published promise (help
	// articles, terms). Never law, and never what decides when a
	// regulator or ombudsman may be approached.
	ProviderPromise Nature = "provider-promise"
	// UserSet: a window the user sets for a case (the OTHER jurisdiction).
	UserSet Nature = "user-set"
)

// Effect says what the end of a rule's window means for the user.
type Effect string

// The effects.
const (
	// TheyMustAct: the other side must act by the due date; a deadline
	// with this effect can become overdue.
	TheyMustAct Effect = "reply-by"
	// YouMayAct: the user may take a step from the due date on ("available
	// since"). Never overdue.
	YouMayAct Effect = "available-from"
	// YouMustAct: the user's own time limit ends on the due date.
	YouMustAct Effect = "act-by"
)

// Source says where a rule or a right comes from.
type Source struct {
	Citation string // the instrument and article, with what it says
	// Short is the citation as a letter gives it ("FCA DISP 1.6.2A R",
	// "《电子商务法》第五十七条"); "" for the provider's own promises,
	// which letters never cite as law.
	Short string
	URL   string // "" when there is no stable public address
}

// Rule is one complaint clock as data.
type Rule struct {
	ID string // stable, used as the key of per-case overrides, e.g. "uk.complaint-reply"
	// Jurisdiction is "" for the provider's own promises, which apply to
	// every case.
	Jurisdiction evidence.Jurisdiction
	Nature       Nature
	Effect       Effect
	Clock        Clock
	Start        Trigger
	// Problems limits the rule to these problem kinds; nil means every kind.
	Problems []evidence.Problem
	// Window is the rule's default duration. It is zero for the user-set
	// windows of the OTHER jurisdiction: such a rule has no deadline until
	// the case overrides it.
	Window Duration
	Source Source
	// Key is the translation key of a one-sentence description,
	// "esc.rule.<id>".
	Key string
	// CheckLocally marks figures that vary by region or institution or
	// that could not be verified against the current text; the UI shows
	// CheckLocallyKey beside them.
	CheckLocally bool
}

// Expectation reports whether r is the provider's own promise rather than
// a rule of a jurisdiction (law, or user-set for OTHER).
func (r Rule) Expectation() bool { return r.Nature == ProviderPromise }

// AppliesTo reports whether the rule applies to a problem kind.
func (r Rule) AppliesTo(p evidence.Problem) bool {
	return len(r.Problems) == 0 || slices.Contains(r.Problems, p)
}

// Problem kinds that are an "error" or an incorrect execution of a payment
// (Regulation E 1005.11(a), PSD2 art. 71 and 89, PSRs 2017 reg. 74 and 91).
var (
	executionProblems = []evidence.Problem{evidence.TopupNotCredited, evidence.WithdrawalDelayed,
		evidence.TransferNotReceived, evidence.PaymentFailed, evidence.IncorrectRecord}
	errorProblems = append([]evidence.Problem{evidence.UnauthorizedTransaction}, executionProblems...)
	unauthorised  = []evidence.Problem{evidence.UnauthorizedTransaction}
	balanceAccess = []evidence.Problem{evidence.WithdrawalDelayed, evidence.AccountFrozen, evidence.AccountClosure}
)

// The sources, each looked up on Checked (docs/RULES.md quotes them).
var (
	srcProvider = Source{Citation: "The provider's own help articles (OKPay: top-up within 24 hours, withdrawal in 1–3 business days, contact support after 48 hours, email and in-app complaint replies within 24 hours) — a promise, not law"}
	srcUser     = Source{Citation: "User-set window"}

	srcPSD2Reply = Source{Short: "PSD2 art. 101(2)", Citation: "Directive (EU) 2015/2366 (PSD2), art. 101(2): reply within 15 business days; 35 after a holding reply",
		URL: "https://eur-lex.europa.eu/eli/dir/2015/2366/oj"}
	srcPSD2Refund = Source{Short: "PSD2 art. 73(1)", Citation: "PSD2 art. 73(1): refund an unauthorised payment immediately, and no later than by the end of the following business day after noting or being notified of it",
		URL: "https://eur-lex.europa.eu/eli/dir/2015/2366/oj"}
	srcPSD2Notify = Source{Short: "PSD2 art. 71(1)", Citation: "PSD2 art. 71(1): notify the provider without undue delay, and no later than 13 months after the debit date",
		URL: "https://eur-lex.europa.eu/eli/dir/2015/2366/oj"}
	srcADR = Source{Short: "Directive 2013/11/EU art. 5(4)(e)", Citation: "Directive 2013/11/EU (consumer ADR), art. 5(4)(e): an ADR body may not set a time limit shorter than one year from the complaint to the trader",
		URL: "https://eur-lex.europa.eu/eli/dir/2013/11/oj"}

	srcDISP16 = Source{Short: "FCA DISP 1.6.2A R", Citation: "FCA Handbook DISP 1.6.2A R: payment-services and e-money complaints get a final response within 15 business days of receipt, 35 after a holding response",
		URL: "https://www.handbook.fca.org.uk/handbook/DISP/1/6.html"}
	srcDISP281 = Source{Short: "FCA DISP 2.8.1 R", Citation: "FCA Handbook DISP 2.8.1 R(1) and (2A): the Financial Ombudsman Service can consider a payment-services or e-money complaint once the firm sent its final response, or 15 business days after it received the complaint (35 after a holding response)",
		URL: "https://www.handbook.fca.org.uk/handbook/DISP/2/8.html"}
	srcDISP282 = Source{Short: "FCA DISP 2.8.2 R(1)", Citation: "FCA Handbook DISP 2.8.2 R(1): refer to the Financial Ombudsman Service within six months of the final response — which must mention that limit (DISP 1.6.2 R(1); FOS: a final response has to mention the six-month limit) for it to run",
		URL: "https://www.handbook.fca.org.uk/handbook/DISP/2/8.html"}
	srcDISP282Years = Source{Short: "FCA DISP 2.8.2 R(2)", Citation: "FCA Handbook DISP 2.8.2 R(2): six years from the event complained of, or (if later) three years from when you knew or ought to have known you had cause to complain, unless you complained to the firm within that time",
		URL: "https://www.handbook.fca.org.uk/handbook/DISP/2/8.html"}
	srcPSRs76 = Source{Short: "Payment Services Regulations 2017, reg. 76", Citation: "Payment Services Regulations 2017 (SI 2017/752), reg. 76(2): refund no later than the end of the business day following the day the provider becomes aware of the unauthorised transaction",
		URL: "https://www.legislation.gov.uk/uksi/2017/752/regulation/76"}
	srcPSRs74 = Source{Short: "Payment Services Regulations 2017, reg. 74", Citation: "Payment Services Regulations 2017, reg. 74(1): notify without undue delay, and no later than 13 months after the debit date",
		URL: "https://www.legislation.gov.uk/uksi/2017/752/regulation/74"}

	srcRegE11 = Source{Short: "Regulation E, 12 CFR 1005.11(c)", Citation: "12 CFR 1005.11(c) (Regulation E): investigate within 10 business days of the notice of error, or provisionally credit within 10 business days and finish within 45 days (90 for point-of-sale, foreign-initiated or new-account transfers; 20 business days for new accounts)",
		URL: "https://www.consumerfinance.gov/rules-policy/regulations/1005/11/"}
	srcRegE11b = Source{Short: "Regulation E, 12 CFR 1005.11(b) and 1005.18(e)", Citation: "12 CFR 1005.11(b)(1) (Regulation E): a notice of error must reach the institution within 60 days after it sent the statement first showing the error; for prepaid accounts 1005.18(e) counts the 60 days from the earlier of electronic access or a written history, or allows 120 days from the transfer",
		URL: "https://www.consumerfinance.gov/rules-policy/regulations/1005/11/"}
	srcRegE6 = Source{Short: "Regulation E, 12 CFR 1005.6(b)", Citation: "12 CFR 1005.6(b)(1)–(2) (Regulation E): tell the institution within 2 business days of learning of the loss or theft of the access device and your liability is at most $50; later, at most $500",
		URL: "https://www.consumerfinance.gov/rules-policy/regulations/1005/6/"}
	srcCFPB = Source{Short: "CFPB complaint process", Citation: "CFPB complaint process: after the CFPB sends your complaint to the company, the company responds within 15 days; a response marked in progress is followed by a final response within 60 days",
		URL: "https://www.consumerfinance.gov/complaint/process/"}

	srcCNFinance = Source{Short: "《中国人民银行金融消费者权益保护实施办法》", Citation: "《中国人民银行金融消费者权益保护实施办法》(PBOC Order 2020 No. 5): banks and payment institutions decide on a complaint within 15 days, extendable in complex cases up to 60 days — check locally"}
	srcCN12315   = Source{Short: "《消费者权益保护法》第四十六条、市场监督管理投诉举报处理规定", Citation: "《市场监督管理投诉举报处理暂行办法》(SAMR Order No. 20, amended 2022) art. 14, and 《消费者权益保护法》 art. 46: decision to accept within 7 working days of receipt. Replaced on 2026-04-15 by 《市场监督管理投诉举报处理办法》(SAMR Order No. 121) — check the current article locally",
		URL: "https://www.12315.cn/"}
	srcCNAuthority = Source{Short: "《消费者权益保护法》第四十六条", Citation: "《中华人民共和国消费者权益保护法》第四十六条: an administrative department that receives a consumer's complaint handles it and tells the consumer within 7 working days of receipt"}
	srcCNMediation = Source{Short: "市场监督管理投诉举报处理规定", Citation: "《市场监督管理投诉举报处理暂行办法》 art. 21(5): mediation ends when no agreement is reached within 45 working days of acceptance (SAMR Order No. 121 since 2026-04-15 — check locally)",
		URL: "https://www.12315.cn/"}
	srcCNThreeYears = Source{Short: "市场监督管理投诉举报处理规定", Citation: "《市场监督管理投诉举报处理暂行办法》 art. 15(4): a complaint filed more than three years after you knew or should have known of the harm is not accepted (SAMR Order No. 121 since 2026-04-15 — check locally)",
		URL: "https://www.12315.cn/"}
)

// The records-request sources (forms.RecordsClockFor holds the same
// clocks for the letter; docs/FORMS.md quotes them).
var (
	srcRecordsCN = Source{Short: "《个人信息保护法》第四十五条、第五十条", Citation: "《中华人民共和国个人信息保护法》 art. 45 and 50: a request to see and copy one's personal information is answered promptly (及时), reasons given for a refusal; no fixed period — the 30 days are the recommended national standard GB/T 35273-2020 §8.7 (not binding); 《电子商务法》 art. 53: transaction records for the last three years free of charge — check locally",
		URL: "https://flk.npc.gov.cn/"}
	srcRecordsEU = Source{Short: "GDPR art. 12(3) and 15", Citation: "Regulation (EU) 2016/679 (GDPR) art. 15 and 12(3): a copy of the personal data without undue delay and at the latest within one month of receipt, extendable by two further months with reasons given within the first month",
		URL: "https://eur-lex.europa.eu/eli/reg/2016/679/oj"}
	srcRecordsUK = Source{Short: "UK GDPR art. 12(3), 12A and 15", Citation: "UK GDPR art. 15, 12(3) and 12A (Data (Use and Access) Act 2025): one month from receipt (or from the identity information or fee asked for), two further months for complex or numerous requests; the clock stops while the controller waits for clarification; ICO: a deadline on a weekend or bank holiday moves to the next working day",
		URL: "https://www.legislation.gov.uk/eur/2016/679/contents"}
	srcRecordsUS = Source{Citation: "The date the request asked for (30 days): Regulation E (12 CFR 1005.11(d)(1), 1005.18(b)(1)(iii)) asks for the records promptly and sets no fixed period, and no general federal law gives a right of access — check locally",
		URL: "https://www.consumerfinance.gov/rules-policy/regulations/1005/11/"}
)

// rules is the table of every rule. Order: the provider's promises, then
// jurisdictions in evidence.Jurisdictions order.
var rules = []Rule{
	{ID: "provider.topup-credit", Nature: ProviderPromise, Effect: TheyMustAct, Clock: ClockTopupCredit,
		Start: OnPendingTopup, Window: Duration{24, Hours}, Source: srcProvider},
	{ID: "provider.withdrawal-contact", Nature: ProviderPromise, Effect: TheyMustAct, Clock: ClockContactSupportAfter,
		Start: OnPendingWithdrawal, Window: Duration{48, Hours}, Source: srcProvider},
	{ID: "provider.withdrawal-arrive", Nature: ProviderPromise, Effect: TheyMustAct, Clock: ClockWithdrawalArrive,
		Start: OnPendingWithdrawal, Window: Duration{3, BusinessDays}, Source: srcProvider},
	{ID: "provider.email-reply", Nature: ProviderPromise, Effect: TheyMustAct, Clock: ClockEmailReply,
		Start: OnEmail, Window: Duration{24, Hours}, Source: srcProvider},
	{ID: "provider.inapp-complaint-reply", Nature: ProviderPromise, Effect: TheyMustAct, Clock: ClockInAppComplaintReply,
		Start: OnInAppComplaint, Window: Duration{24, Hours}, Source: srcProvider},

	{ID: "cn.complaint-reply", Jurisdiction: evidence.CN, Nature: Law, Effect: TheyMustAct, Clock: ClockComplaintReply,
		Start: OnComplaint, Window: Duration{15, Days}, Source: srcCNFinance, CheckLocally: true},
	{ID: "cn.complaint-reply-extended", Jurisdiction: evidence.CN, Nature: Law, Effect: TheyMustAct, Clock: ClockComplaintReplyExtended,
		Start: OnComplaint, Window: Duration{60, Days}, Source: srcCNFinance, CheckLocally: true},
	{ID: "cn.platform-accept", Jurisdiction: evidence.CN, Nature: Law, Effect: TheyMustAct, Clock: ClockPlatformAccept,
		Start: OnPlatformComplaint, Window: Duration{7, BusinessDays}, Source: srcCN12315, CheckLocally: true},
	{ID: "cn.platform-mediation", Jurisdiction: evidence.CN, Nature: Law, Effect: YouMayAct, Clock: ClockPlatformMediation,
		Start: OnPlatformAccepted, Window: Duration{45, BusinessDays}, Source: srcCNMediation, CheckLocally: true},
	{ID: "cn.authority-reply", Jurisdiction: evidence.CN, Nature: Law, Effect: TheyMustAct, Clock: ClockRegulatorReply,
		Start: OnRegulatorLetter, Window: Duration{7, BusinessDays}, Source: srcCNAuthority, CheckLocally: true},
	{ID: "cn.time-limit", Jurisdiction: evidence.CN, Nature: Law, Effect: YouMustAct, Clock: ClockTimeLimit,
		Start: OnIncident, Window: Duration{3, Years}, Source: srcCNThreeYears, CheckLocally: true},
	{ID: "cn.records-reply", Jurisdiction: evidence.CN, Nature: Law, Effect: TheyMustAct, Clock: ClockRecordsReply,
		Start: OnRecordsRequest, Window: Duration{30, Days}, Source: srcRecordsCN, CheckLocally: true},

	{ID: "eu.unauthorised-refund", Jurisdiction: evidence.EU, Nature: Law, Effect: TheyMustAct, Clock: ClockUnauthorisedRefund,
		Start: OnNotice, Problems: unauthorised, Window: Duration{1, BusinessDays}, Source: srcPSD2Refund},
	{ID: "eu.notify-within", Jurisdiction: evidence.EU, Nature: Law, Effect: YouMustAct, Clock: ClockNotifyWithin,
		Start: OnIncident, Problems: errorProblems, Window: Duration{13, Months}, Source: srcPSD2Notify},
	{ID: "eu.complaint-reply", Jurisdiction: evidence.EU, Nature: Law, Effect: TheyMustAct, Clock: ClockComplaintReply,
		Start: OnComplaint, Window: Duration{15, BusinessDays}, Source: srcPSD2Reply},
	{ID: "eu.complaint-reply-extended", Jurisdiction: evidence.EU, Nature: Law, Effect: TheyMustAct, Clock: ClockComplaintReplyExtended,
		Start: OnComplaint, Window: Duration{35, BusinessDays}, Source: srcPSD2Reply},
	{ID: "eu.ombudsman-refer-within", Jurisdiction: evidence.EU, Nature: Law, Effect: YouMustAct, Clock: ClockOmbudsmanReferWithin,
		Start: OnComplaint, Window: Duration{12, Months}, Source: srcADR, CheckLocally: true},
	{ID: "eu.records-reply", Jurisdiction: evidence.EU, Nature: Law, Effect: TheyMustAct, Clock: ClockRecordsReply,
		Start: OnRecordsRequest, Window: Duration{1, Months}, Source: srcRecordsEU},

	{ID: "uk.unauthorised-refund", Jurisdiction: evidence.UK, Nature: Law, Effect: TheyMustAct, Clock: ClockUnauthorisedRefund,
		Start: OnNotice, Problems: unauthorised, Window: Duration{1, BusinessDays}, Source: srcPSRs76},
	{ID: "uk.notify-within", Jurisdiction: evidence.UK, Nature: Law, Effect: YouMustAct, Clock: ClockNotifyWithin,
		Start: OnIncident, Problems: errorProblems, Window: Duration{13, Months}, Source: srcPSRs74},
	{ID: "uk.complaint-reply", Jurisdiction: evidence.UK, Nature: Law, Effect: TheyMustAct, Clock: ClockComplaintReply,
		Start: OnComplaint, Window: Duration{15, BusinessDays}, Source: srcDISP16},
	{ID: "uk.complaint-reply-extended", Jurisdiction: evidence.UK, Nature: Law, Effect: TheyMustAct, Clock: ClockComplaintReplyExtended,
		Start: OnComplaint, Window: Duration{35, BusinessDays}, Source: srcDISP16},
	{ID: "uk.ombudsman-after", Jurisdiction: evidence.UK, Nature: Law, Effect: YouMayAct, Clock: ClockOmbudsmanAfter,
		Start: OnComplaint, Window: Duration{15, BusinessDays}, Source: srcDISP281},
	{ID: "uk.ombudsman-after-extended", Jurisdiction: evidence.UK, Nature: Law, Effect: YouMayAct, Clock: ClockOmbudsmanAfter,
		Start: OnComplaint, Window: Duration{35, BusinessDays}, Source: srcDISP281},
	{ID: "uk.ombudsman-refer-within", Jurisdiction: evidence.UK, Nature: Law, Effect: YouMustAct, Clock: ClockOmbudsmanReferWithin,
		Start: OnFinalResponse, Window: Duration{6, Months}, Source: srcDISP282},
	{ID: "uk.time-limit", Jurisdiction: evidence.UK, Nature: Law, Effect: YouMustAct, Clock: ClockTimeLimit,
		Start: OnIncident, Window: Duration{6, Years}, Source: srcDISP282Years},
	{ID: "uk.records-reply", Jurisdiction: evidence.UK, Nature: Law, Effect: TheyMustAct, Clock: ClockRecordsReply,
		Start: OnRecordsRequest, Window: Duration{1, Months}, Source: srcRecordsUK},

	{ID: "us.report-loss", Jurisdiction: evidence.US, Nature: Law, Effect: YouMustAct, Clock: ClockReportLoss,
		Start: OnIncident, Problems: unauthorised, Window: Duration{2, BusinessDays}, Source: srcRegE6},
	{ID: "us.notify-within", Jurisdiction: evidence.US, Nature: Law, Effect: YouMustAct, Clock: ClockNotifyWithin,
		Start: OnIncident, Problems: errorProblems, Window: Duration{60, Days}, Source: srcRegE11b},
	{ID: "us.error-investigation", Jurisdiction: evidence.US, Nature: Law, Effect: TheyMustAct, Clock: ClockErrorInvestigation,
		Start: OnNotice, Problems: errorProblems, Window: Duration{10, BusinessDays}, Source: srcRegE11},
	{ID: "us.error-final", Jurisdiction: evidence.US, Nature: Law, Effect: TheyMustAct, Clock: ClockErrorFinal,
		Start: OnNotice, Problems: errorProblems, Window: Duration{45, Days}, Source: srcRegE11},
	{ID: "us.regulator-reply", Jurisdiction: evidence.US, Nature: Law, Effect: TheyMustAct, Clock: ClockRegulatorReply,
		Start: OnRegulatorForwarded, Window: Duration{15, Days}, Source: srcCFPB},
	{ID: "us.regulator-close", Jurisdiction: evidence.US, Nature: Law, Effect: TheyMustAct, Clock: ClockRegulatorClose,
		Start: OnRegulatorForwarded, Window: Duration{60, Days}, Source: srcCFPB},
	{ID: "us.records-reply", Jurisdiction: evidence.US, Nature: UserSet, Effect: TheyMustAct, Clock: ClockRecordsReply,
		Start: OnRecordsRequest, Window: Duration{30, Days}, Source: srcRecordsUS, CheckLocally: true},

	{ID: "other.complaint-reply", Jurisdiction: evidence.Other, Nature: UserSet, Effect: TheyMustAct, Clock: ClockComplaintReply,
		Start: OnComplaint, Source: srcUser},
	{ID: "other.complaint-reply-extended", Jurisdiction: evidence.Other, Nature: UserSet, Effect: TheyMustAct, Clock: ClockComplaintReplyExtended,
		Start: OnComplaint, Source: srcUser},
	{ID: "other.ombudsman-refer-within", Jurisdiction: evidence.Other, Nature: UserSet, Effect: YouMustAct, Clock: ClockOmbudsmanReferWithin,
		Start: OnFinalResponse, Source: srcUser},
	{ID: "other.regulator-reply", Jurisdiction: evidence.Other, Nature: UserSet, Effect: TheyMustAct, Clock: ClockRegulatorReply,
		Start: OnRegulatorLetter, Source: srcUser},
	{ID: "other.records-reply", Jurisdiction: evidence.Other, Nature: UserSet, Effect: TheyMustAct, Clock: ClockRecordsReply,
		Start: OnRecordsRequest, Source: srcUser},
}

func init() {
	for i := range rules {
		rules[i].Key = "esc.rule." + rules[i].ID
	}
}

// Rules returns the rules that apply to a case in jurisdiction j: the
// provider's promises followed by j's own rules, whatever the problem
// kind. Rules("") returns the provider's promises only. The slice is a
// fresh copy.
func Rules(j evidence.Jurisdiction) []Rule {
	var out []Rule
	for _, r := range rules {
		if r.Jurisdiction == "" || (j != "" && r.Jurisdiction == j) {
			r.Problems = slices.Clone(r.Problems)
			out = append(out, r)
		}
	}
	return out
}

// RulesFor returns the rules of jurisdiction j that apply to problem kind
// p, provider promises included.
func RulesFor(j evidence.Jurisdiction, p evidence.Problem) []Rule {
	var out []Rule
	for _, r := range Rules(j) {
		if r.AppliesTo(p) {
			out = append(out, r)
		}
	}
	return out
}

// Lookup returns the rule with the given ID.
func Lookup(id string) (Rule, bool) {
	for _, r := range rules {
		if r.ID == id {
			r.Problems = slices.Clone(r.Problems)
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
