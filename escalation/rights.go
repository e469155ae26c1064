package escalation

import (
	"slices"

	"redress/evidence"
)

// Right is one right a consumer can rely on, as data: the rule that gets
// money back or makes the provider act, with its citation. Its plain
// statement is the translation key "esc.right.<id>" (one sentence, English
// and Chinese); letters cite it in their legal-basis paragraph.
type Right struct {
	ID           string                `json:"id"` // stable, e.g. "us.rege-error-resolution"
	Jurisdiction evidence.Jurisdiction `json:"jurisdiction"`
	// Problems limits the right to these problem kinds; nil means every
	// kind.
	Problems []evidence.Problem `json:"problems,omitempty"`
	Source   Source             `json:"source"`
	// Key is the translation key of the one-sentence statement.
	Key string `json:"key"`
	// CheckLocally marks a right whose scope or article varies or could
	// not be verified against the current text.
	CheckLocally bool `json:"check_locally,omitempty"`
}

// AppliesTo reports whether the right applies to a problem kind.
func (r Right) AppliesTo(p evidence.Problem) bool {
	return len(r.Problems) == 0 || slices.Contains(r.Problems, p)
}

var rights = []Right{
	{ID: "cn.ecl-57", Jurisdiction: evidence.CN, Problems: unauthorised,
		Source: Source{Short: "《电子商务法》第五十七条", Citation: "《中华人民共和国电子商务法》第五十七条"}},
	{ID: "cn.ecl-55", Jurisdiction: evidence.CN, Problems: executionProblems,
		Source: Source{Short: "《电子商务法》第五十五条", Citation: "《中华人民共和国电子商务法》第五十五条"}},
	{ID: "cn.ecl-53", Jurisdiction: evidence.CN,
		Source: Source{Short: "《电子商务法》第五十三条", Citation: "《中华人民共和国电子商务法》第五十三条第三款"}},
	{ID: "cn.cpl-28", Jurisdiction: evidence.CN,
		Source: Source{Short: "《消费者权益保护法》第二十八条", Citation: "《中华人民共和国消费者权益保护法》第二十八条"}},
	{ID: "cn.cpl-46", Jurisdiction: evidence.CN,
		Source: Source{Short: "《消费者权益保护法》第四十六条", Citation: "《中华人民共和国消费者权益保护法》第四十六条"}},
	{ID: "cn.npi-35", Jurisdiction: evidence.CN,
		Source: Source{Short: "《非银行支付机构监督管理条例》第三十五条", Citation: "《非银行支付机构监督管理条例》（国务院令第768号，2024年5月1日施行）第三十五条；《非银行支付机构监督管理条例实施细则》（中国人民银行2024年发布，自发布之日起施行）"}, CheckLocally: true},
	{ID: "cn.npi-24", Jurisdiction: evidence.CN, Problems: balanceAccess,
		Source: Source{Short: "《非银行支付机构监督管理条例》第二十四条", Citation: "《非银行支付机构监督管理条例》第二十四条"}},
	{ID: "cn.cpl-regs", Jurisdiction: evidence.CN,
		Source: Source{Short: "《消费者权益保护法实施条例》", Citation: "《中华人民共和国消费者权益保护法实施条例》（国务院令第778号，2024年7月1日施行）",
			URL: "https://www.gov.cn/zhengce/content/202403/content_6940158.htm"}, CheckLocally: true},

	{ID: "eu.psd2-refund", Jurisdiction: evidence.EU, Problems: unauthorised, Source: srcPSD2Refund},
	{ID: "eu.psd2-notify", Jurisdiction: evidence.EU, Problems: errorProblems, Source: srcPSD2Notify},
	{ID: "eu.psd2-execution", Jurisdiction: evidence.EU, Problems: executionProblems,
		Source: Source{Short: "PSD2 art. 89", Citation: "PSD2 art. 89: the payer's provider is liable for non-execution, defective or late execution and refunds without undue delay; the payee's provider must credit the amount immediately",
			URL: "https://eur-lex.europa.eu/eli/dir/2015/2366/oj"}},
	{ID: "eu.psd2-reply", Jurisdiction: evidence.EU, Source: srcPSD2Reply},
	{ID: "eu.psd2-adr", Jurisdiction: evidence.EU,
		Source: Source{Short: "PSD2 art. 101(3)", Citation: "PSD2 art. 101(3): the provider must inform you of at least one ADR body competent for the dispute; FIN-NET lists them",
			URL: "https://eur-lex.europa.eu/eli/dir/2015/2366/oj"}},

	{ID: "uk.psrs-refund", Jurisdiction: evidence.UK, Problems: unauthorised, Source: srcPSRs76},
	{ID: "uk.psrs-notify", Jurisdiction: evidence.UK, Problems: errorProblems, Source: srcPSRs74},
	{ID: "uk.psrs-execution", Jurisdiction: evidence.UK, Problems: executionProblems,
		Source: Source{Short: "Payment Services Regulations 2017, regs. 91–94", Citation: "Payment Services Regulations 2017, regs. 91–94: the provider is liable for non-execution or defective or late execution of a payment, and for the charges and interest that result",
			URL: "https://www.legislation.gov.uk/uksi/2017/752/part/7/crossheading/liability"}},
	{ID: "uk.emrs-redemption", Jurisdiction: evidence.UK, Problems: balanceAccess,
		Source: Source{Short: "Electronic Money Regulations 2011, reg. 39", Citation: "Electronic Money Regulations 2011 (SI 2011/99), reg. 39: e-money is redeemed at par value, at any time, at the holder's request",
			URL: "https://www.legislation.gov.uk/uksi/2011/99/regulation/39"}},
	{ID: "uk.disp-reply", Jurisdiction: evidence.UK, Source: srcDISP16},
	{ID: "uk.fos", Jurisdiction: evidence.UK, Source: srcDISP281},

	{ID: "us.rege-error-resolution", Jurisdiction: evidence.US, Problems: errorProblems, Source: srcRegE11},
	{ID: "us.rege-notice", Jurisdiction: evidence.US, Problems: errorProblems, Source: srcRegE11b},
	{ID: "us.rege-liability", Jurisdiction: evidence.US, Problems: unauthorised,
		Source: Source{Short: "Regulation E, 12 CFR 1005.6(b)", Citation: "12 CFR 1005.6(b) (Regulation E): $50 if you report within 2 business days of learning of the loss or theft, at most $500 after that; report transfers on a statement within 60 days",
			URL: "https://www.consumerfinance.gov/rules-policy/regulations/1005/6/"}},
	{ID: "us.rege-prepaid", Jurisdiction: evidence.US, Problems: errorProblems,
		Source: Source{Short: "Regulation E, 12 CFR 1005.18(e)", Citation: "12 CFR 1005.18(e) and 1005.2(b)(3) (Regulation E): a prepaid account — including a digital wallet that holds funds — gets the error-resolution and liability rules, with modified timing; not required for an account whose identity was never verified",
			URL: "https://www.consumerfinance.gov/rules-policy/regulations/1005/18/"}},
}

func init() {
	for i := range rights {
		rights[i].Key = "esc.right." + rights[i].ID
	}
}

// Rights returns the rights of jurisdiction j that apply to problem kind p,
// in a stable order (the most specific first: the rights that get money
// back, then the complaint rights). The OTHER jurisdiction has none: its
// rules are the user's own. The slice is a fresh copy.
func Rights(j evidence.Jurisdiction, p evidence.Problem) []Right {
	var out []Right
	for _, r := range rights {
		if r.Jurisdiction == j && r.AppliesTo(p) {
			r.Problems = slices.Clone(r.Problems)
			out = append(out, r)
		}
	}
	return out
}

// AllRights returns every right of every jurisdiction (for docs and tests).
func AllRights() []Right {
	out := slices.Clone(rights)
	for i := range out {
		out[i].Problems = slices.Clone(out[i].Problems)
	}
	return out
}

// LookupRight returns the right with the given ID.
func LookupRight(id string) (Right, bool) {
	for _, r := range rights {
		if r.ID == id {
			r.Problems = slices.Clone(r.Problems)
			return r, true
		}
	}
	return Right{}, false
}
