package escalation

import (
	"slices"
	"strings"

	"redress/evidence"
)

// Body is a complaint body of a jurisdiction — a consumer association, an
// ombudsman or ADR body, a regulator, a complaint platform — with what to
// ask it for. Letters and responses reach a body through one of the
// parties evidence.ToAssociation or evidence.ToRegulator.
type Body struct {
	ID           string                `json:"id"` // stable, e.g. "uk.fos"
	Jurisdiction evidence.Jurisdiction `json:"jurisdiction"`
	Party        string                `json:"party"` // evidence.ToAssociation or evidence.ToRegulator
	// Key is the translation key of its name, "esc.body.<id>"; a body that
	// NeedsCity has the placeholder {city} in it, and the key
	// "esc.body.<id>.local" names it without a city.
	Key string `json:"key"`
	// AskKey is the translation key of what to ask it for, one sentence:
	// "esc.body-ask.<id>".
	AskKey string `json:"ask_key"`
	Source Source `json:"source"`
	// Default marks the body a letter to its party goes to unless the
	// user chose another.
	Default bool `json:"default,omitempty"`
	// NeedsCity: the body is the local one of the user's city (CN 消协,
	// the PBoC branch of the user's city).
	NeedsCity bool `json:"needs_city,omitempty"`
	// AdviserOnly: it advises; it is never asked to take up the complaint.
	AdviserOnly bool `json:"adviser_only,omitempty"`
	// CrossBorderOnly: it only helps when the provider is in another
	// country.
	CrossBorderOnly bool `json:"cross_border_only,omitempty"`
	CheckLocally    bool `json:"check_locally,omitempty"`
	// NoteKey, when set, is a warning to show with the body (e.g. the
	// 12315 platform refuses disputes a consumer association handled).
	NoteKey string `json:"note_key,omitempty"`
	// match: tags (exact, lower case) and name fragments that identify the
	// body in a letter or a response (see BodyOf).
	match []string
}

// NameKey returns the translation key and placeholders of the body's name
// for a case whose city is city ("" when unknown).
func (b Body) NameKey(city string) (string, []string) {
	if !b.NeedsCity {
		return b.Key, nil
	}
	if city = strings.TrimSpace(city); city == "" {
		return b.Key + ".local", nil
	}
	return b.Key, []string{"city", CityName(city)}
}

// CityName writes a city the way a local body's name has it: a Chinese
// city without its level gets 市 ("上海" → "上海市", "杭州" → "杭州市");
// names ending in 市, 区, 县, 自治州, 盟 or 省, and names in Latin letters,
// stay as they are.
func CityName(city string) string {
	city = strings.TrimSpace(city)
	if city == "" || isASCII(city) {
		return city
	}
	for _, suf := range []string{"市", "区", "县", "自治州", "盟", "省"} {
		if strings.HasSuffix(city, suf) {
			return city
		}
	}
	return city + "市"
}

var bodies = []Body{
	{ID: "cn.association", Jurisdiction: evidence.CN, Party: evidence.ToAssociation, Default: true, NeedsCity: true, CheckLocally: true,
		Source: Source{Citation: "《中华人民共和国消费者权益保护法》第三十七条第一款第（五）项：消费者协会受理消费者的投诉，并对投诉事项进行调查、调解"},
		match:  []string{"消协", "消费者协会", "消保委", "消费者权益保护委员会", "consumers' association", "consumer association", "consumer council"}},
	{ID: "cn.12315", Jurisdiction: evidence.CN, Party: evidence.ToRegulator, CheckLocally: true, NoteKey: "esc.warn.cn-15-2",
		Source: Source{Citation: "《市场监督管理投诉举报处理暂行办法》第十四条、第十五条、第二十一条（2026年4月15日起为市场监管总局令第121号《市场监督管理投诉举报处理办法》）", URL: "https://www.12315.cn/"},
		match:  []string{"12315", "市场监督管理", "市场监管", "market regulation", "samr"}},
	// Complaints about a payment institution go to the PBoC branch where
	// the user is: since the branch reform of 18 August 2023 (31
	// provincial, 5 separately-planned-city and 317 prefecture-level city
	// branches; city central sub-branches renamed 市分行) a city's branch is
	// 中国人民银行××市分行 — check locally for a county.
	{ID: "cn.pboc", Jurisdiction: evidence.CN, Party: evidence.ToRegulator, Default: true, NeedsCity: true, CheckLocally: true,
		Source: Source{Citation: "《非银行支付机构监督管理条例》第四条；国家金融监督管理总局、中国人民银行、中国证监会《关于金融消费者权益保护相关工作安排的公告》：人民银行接收转办对非银行支付机构的投诉"},
		match:  []string{"12363", "人民银行", "人行", "pboc", "people's bank"}},
	{ID: "cn.nfra", Jurisdiction: evidence.CN, Party: evidence.ToRegulator, CheckLocally: true,
		Source: Source{Citation: "《关于金融消费者权益保护相关工作安排的公告》：国家金融监督管理总局接收转办对银行业金融机构、保险机构的投诉（热线12378）"},
		match:  []string{"12378", "金融监督管理总局", "金融监管总局", "金融监管局", "银保监", "nfra"}},

	{ID: "uk.fos", Jurisdiction: evidence.UK, Party: evidence.ToRegulator, Default: true,
		Source: srcDISP281, match: []string{"fos", "ombudsman", "financial ombudsman service"}},
	{ID: "uk.citizens-advice", Jurisdiction: evidence.UK, Party: evidence.ToAssociation, Default: true, AdviserOnly: true,
		Source: Source{Citation: "Citizens Advice consumer service: advice on your rights and next steps; it does not take up or decide complaints against payment firms",
			URL: "https://www.citizensadvice.org.uk/consumer/"},
		match: []string{"citizens advice"}},

	{ID: "eu.adr", Jurisdiction: evidence.EU, Party: evidence.ToAssociation, Default: true, CheckLocally: true,
		Source: Source{Citation: "PSD2 art. 101(3) and 102: the provider names its ADR body; FIN-NET lists the financial ADR bodies of each country",
			URL: "https://finance.ec.europa.eu/consumer-finance-and-payments/retail-financial-services/financial-dispute-resolution-network-fin-net/about-fin-net_en"},
		match: []string{"adr", "fin-net", "ombudsman", "arbitration", "dispute resolution", "schlichtung"}},
	{ID: "eu.nca", Jurisdiction: evidence.EU, Party: evidence.ToRegulator, Default: true, CheckLocally: true,
		Source: Source{Citation: "PSD2 art. 99: complaints to the national competent authority about a provider's breach of the Directive; its reply names the ADR procedures available",
			URL: "https://eur-lex.europa.eu/eli/dir/2015/2366/oj"},
		match: []string{"competent authority", "central bank", "bafin", "banque de france", "acpr", "banca d'italia", "banco de españa"}},
	{ID: "eu.ecc", Jurisdiction: evidence.EU, Party: evidence.ToAssociation, CrossBorderOnly: true,
		Source: Source{Citation: "European Consumer Centres Network (ECC-Net): free help with a dispute with a trader based in another EU country, Iceland or Norway",
			URL: "https://www.eccnet.eu/ecc-network/our-services/our-work"},
		match: []string{"ecc", "european consumer centre", "ecc-net"}},

	{ID: "us.cfpb", Jurisdiction: evidence.US, Party: evidence.ToRegulator, Default: true,
		Source: srcCFPB, match: []string{"cfpb", "consumer financial protection"}},
	{ID: "us.state-regulator", Jurisdiction: evidence.US, Party: evidence.ToRegulator, CheckLocally: true,
		Source: Source{Citation: "State money transmitter laws: the state's financial regulator licenses money transmitters (including wallet providers) and takes consumer complaints; NMLS Consumer Access shows which states license a company",
			URL: "https://www.nmlsconsumeraccess.org/"},
		match: []string{"department of financial", "banking department", "division of banking", "financial institutions", "dfpi", "nydfs", "money transmitter", "state regulator"}},
	{ID: "us.state-ag", Jurisdiction: evidence.US, Party: evidence.ToAssociation, Default: true, CheckLocally: true,
		Source: Source{Citation: "State attorneys general: consumer protection divisions take complaints about unfair or deceptive practices"},
		match:  []string{"attorney general"}},

	{ID: "other.association", Jurisdiction: evidence.Other, Party: evidence.ToAssociation, Default: true, CheckLocally: true,
		Source: Source{Citation: "Your country's consumer protection organisation"}},
	{ID: "other.regulator", Jurisdiction: evidence.Other, Party: evidence.ToRegulator, Default: true, CheckLocally: true,
		Source: Source{Citation: "Your country's financial regulator or financial ombudsman"}},
}

func init() {
	for i := range bodies {
		bodies[i].Key = "esc.body." + bodies[i].ID
		bodies[i].AskKey = "esc.body-ask." + bodies[i].ID
	}
}

// Bodies returns the complaint bodies of jurisdiction j, the default one of
// each party first. An unknown jurisdiction gets OTHER's.
func Bodies(j evidence.Jurisdiction) []Body {
	if !slices.Contains(evidence.Jurisdictions, j) {
		j = evidence.Other
	}
	var out []Body
	for _, b := range bodies {
		if b.Jurisdiction == j {
			b.match = slices.Clone(b.match)
			out = append(out, b)
		}
	}
	slices.SortStableFunc(out, func(a, b Body) int {
		switch {
		case a.Default == b.Default:
			return 0
		case a.Default:
			return -1
		}
		return 1
	})
	return out
}

// LookupBody returns the body with the given ID.
func LookupBody(id string) (Body, bool) {
	for _, b := range bodies {
		if b.ID == id {
			b.match = slices.Clone(b.match)
			return b, true
		}
	}
	return Body{}, false
}

// DefaultBody returns the body a letter to party goes to in jurisdiction
// j when the user chose none.
func DefaultBody(j evidence.Jurisdiction, party string) Body {
	for _, b := range Bodies(j) {
		if b.Party == party && b.Default {
			return b
		}
	}
	b, _ := LookupBody("other." + party)
	return b
}

// BodyOf tells which body a letter to, or a response from, an association
// or a regulator concerns: the body one of whose identifying tags the
// event carries (the body ID itself, or e.g. "12315", "fos", "cfpb",
// "消协"), else the body whose name the letter's or response's addressee
// name contains, else the default body of the party. It returns "" for
// events that concern the provider.
func BodyOf(j evidence.Jurisdiction, e *evidence.Event) string {
	id, _ := identifyBody(j, e)
	return id
}

// identifyBody is BodyOf, and whether the event named the body (by a tag
// or its addressee name) rather than falling back to the default.
func identifyBody(j evidence.Jurisdiction, e *evidence.Event) (string, bool) {
	var p, name string
	switch {
	case e.Kind == evidence.KindLetter && e.Letter != nil:
		p, name = e.Letter.To, e.Letter.Name
	case e.Kind == evidence.KindResponse && e.Response != nil:
		p, name = e.Response.From, e.Response.Name
	default:
		return "", false
	}
	if p == "" || p == evidence.ToProvider {
		return "", false
	}
	cands := Bodies(j)
	for _, b := range cands {
		for _, t := range e.Tags {
			t = strings.ToLower(strings.TrimSpace(t))
			if t == b.ID || slices.Contains(b.match, t) {
				return b.ID, true
			}
		}
	}
	for _, b := range cands {
		if b.Party == p && matchesName(name, b.match) {
			return b.ID, true
		}
	}
	for _, b := range cands {
		if matchesName(name, b.match) {
			return b.ID, true
		}
	}
	return DefaultBody(j, p).ID, false
}

// matchesName reports whether name contains one of the fragments: short
// ASCII fragments (up to four letters, like "fos" or "adr") as whole
// words, others anywhere, ignoring case.
func matchesName(name string, fragments []string) bool {
	name = strings.ToLower(name)
	if strings.TrimSpace(name) == "" {
		return false
	}
	words := captionWords(name)
	for _, f := range fragments {
		if isASCII(f) && len(f) <= 4 && !strings.ContainsAny(f, " -'") {
			if slices.Contains(words, f) {
				return true
			}
			continue
		}
		if strings.Contains(name, f) {
			return true
		}
	}
	return false
}
