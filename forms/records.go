package forms

import (
	"time"

	"redress/evidence"
)

// RecordsClock is how long a provider has to answer a request for the
// user's own records (chat transcripts, call recordings, transaction
// records) under one jurisdiction's law, as data with its sources. The
// escalation wiring tracks it like its other clocks; letters.ComposeRecords
// quotes it.
type RecordsClock struct {
	Jurisdiction evidence.Jurisdiction
	// Months and Days are the period from receipt of the request; both 0
	// when the law sets none.
	Months, Days int
	// ExtensionMonths is how many further months the provider may take
	// where the law allows it, by telling the user, with reasons, within
	// the first period.
	ExtensionMonths int
	// Promptly marks a law that asks for an answer "promptly" (及时)
	// without fixing a period; Months or Days then come from guidance.
	Promptly bool
	// Binding is false when the period comes from guidance or a
	// recommended standard rather than from law.
	Binding bool
	// StopsClock marks a period that pauses while the provider waits for
	// information it asked for to confirm the user's identity or to find
	// the records (UK GDPR art. 12A).
	StopsClock   bool
	CheckLocally bool
	// Note is the translation key of how the clock runs, in one or two
	// sentences: "forms.records.<jurisdiction>".
	Note    string
	Sources []Source
}

var recordsClocks = []RecordsClock{
	{
		Jurisdiction: evidence.CN, Days: 30, Promptly: true, CheckLocally: true,
		Note: "forms.records.cn",
		Sources: []Source{
			{Citation: "《中华人民共和国个人信息保护法》第四十五条（查阅、复制，个人信息处理者应当及时提供）、第五十条（申请受理和处理机制；拒绝的应当说明理由）",
				URL: "https://flk.npc.gov.cn/"},
			{Citation: "GB/T 35273—2020《信息安全技术 个人信息安全规范》第8.7条：验证身份后三十天内或法律法规规定的期限内作出答复（推荐性国家标准，不具强制力）"},
			{Citation: "《中华人民共和国电子商务法》第五十三条：电子支付服务提供者应当向用户免费提供对账服务以及最近三年的交易记录",
				URL: "https://flk.npc.gov.cn/"},
		},
	},
	{
		Jurisdiction: evidence.EU, Months: 1, ExtensionMonths: 2, Binding: true,
		Note: "forms.records.eu",
		Sources: []Source{
			{Citation: "GDPR (EU) 2016/679 art. 15 (right of access; a copy of the data, the first free) and art. 12(3) (without undue delay, at the latest one month from receipt; extendable by two further months where necessary given complexity and number of requests, telling the data subject with reasons within the first month)",
				URL: "https://eur-lex.europa.eu/eli/reg/2016/679/oj"},
			{Citation: "EDPB Guidelines 01/2022 on data subject rights — Right of access (version 2.0, 28 March 2023), on the time limit",
				URL: "https://www.edpb.europa.eu/"},
		},
	},
	{
		Jurisdiction: evidence.UK, Months: 1, ExtensionMonths: 2, Binding: true, StopsClock: true,
		Note: "forms.records.uk",
		Sources: []Source{
			{Citation: "UK GDPR art. 15 and art. 12A (inserted by the Data (Use and Access) Act 2025, in force 5 February 2026 by SI 2026/82): one month from the latest of receipt, receipt of identity information asked for, or payment of a fee; two further months for complex or numerous requests with notice and reasons within the first month; the clock stops while the controller waits for clarification it reasonably requires",
				URL: "https://www.legislation.gov.uk/eur/2016/679/contents"},
			{Citation: "ICO, Right of access guidance: count from the day of receipt to the corresponding date of the next month (the last day of that month if it has no such date); a deadline on a weekend or bank holiday moves to the next working day",
				URL: "https://ico.org.uk/global/sar-checklist-for-smes/i-need-to-complete-a-sar"},
		},
	},
	{
		Jurisdiction: evidence.US, Promptly: true, Binding: true, CheckLocally: true,
		Note: "forms.records.us",
		Sources: []Source{
			{Citation: "12 CFR 1005.11(d)(1) (Regulation E): after finding no error, or a different error, the institution must promptly provide on request copies of the documents it relied on",
				URL: "https://www.consumerfinance.gov/rules-policy/regulations/1005/11/"},
			{Citation: "12 CFR 1005.18(b)(1)(iii) (Regulation E, prepaid accounts using the periodic-statement alternative): promptly, on request, a written history of account transactions covering at least 24 months",
				URL: "https://www.consumerfinance.gov/rules-policy/regulations/1005/18/"},
			{Citation: "No general federal right of access to personal data; some state laws give one (check locally)"},
		},
	},
	{
		Jurisdiction: evidence.Other, CheckLocally: true, Note: "forms.records.other",
	},
}

// RecordsClockFor returns the records-request clock of a jurisdiction.
func RecordsClockFor(j evidence.Jurisdiction) (RecordsClock, bool) {
	for _, c := range recordsClocks {
		if c.Jurisdiction == j {
			return c, true
		}
	}
	return RecordsClock{}, false
}

// RecordsClocks lists every jurisdiction's records-request clock.
func RecordsClocks() []RecordsClock {
	return append([]RecordsClock(nil), recordsClocks...)
}

// Due is the last day for an answer to a request received on the given
// day, and false when the clock sets no period. A period in months ends on
// the same day of the month (the last day of a shorter month: a request of
// 31 January is due on 28 or 29 February); a day that is not a working day
// moves to the next one. working reports whether a day is a working day;
// nil means Monday to Friday. The result is at midnight in received's zone.
func (c RecordsClock) Due(received time.Time, working func(time.Time) bool) (time.Time, bool) {
	return c.due(received, c.Months, working)
}

// Extended is the last day when the provider has used the extension, and
// false when the law allows none.
func (c RecordsClock) Extended(received time.Time, working func(time.Time) bool) (time.Time, bool) {
	if c.ExtensionMonths == 0 || c.Months == 0 {
		return time.Time{}, false
	}
	return c.due(received, c.Months+c.ExtensionMonths, working)
}

func (c RecordsClock) due(received time.Time, months int, working func(time.Time) bool) (time.Time, bool) {
	day := time.Date(received.Year(), received.Month(), received.Day(), 0, 0, 0, 0, received.Location())
	var d time.Time
	switch {
	case months > 0:
		d = AddMonths(day, months)
	case c.Days > 0:
		d = day.AddDate(0, 0, c.Days)
	default:
		return time.Time{}, false
	}
	if working == nil {
		working = weekday
	}
	for i := 0; i < 31 && !working(d); i++ {
		d = d.AddDate(0, 0, 1)
	}
	return d, true
}

// AddMonths adds calendar months, keeping the day of the month or, when
// the target month is shorter, ending on its last day (unlike
// time.AddDate, which runs 31 January + 1 month into March).
func AddMonths(t time.Time, months int) time.Time {
	y, m, d := t.Date()
	first := time.Date(y, m+time.Month(months), 1, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Location())
	last := first.AddDate(0, 1, -1).Day()
	if d > last {
		d = last
	}
	return first.AddDate(0, 0, d-1)
}

func weekday(t time.Time) bool {
	return t.Weekday() != time.Saturday && t.Weekday() != time.Sunday
}
