package forms

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"redress/evidence"
	"redress/lang"
)

// Answer is one field of a form with the case's answer to it.
type Answer struct {
	Field Field
	Label string // the field's label, in the user's language
	// Reason is why the form needs the field, in the user's language, with
	// its source. It is set for every field, so a missing answer can say
	// why it matters.
	Reason string
	// Value is the text to type or paste into the form, formatted the way
	// the form wants (its date layout, its currency style, its option
	// wording), cut to the form's limit. "" when Missing.
	Value   string
	Missing bool
	// Problem is one sentence in the user's language when the case has
	// the fact but it cannot be used (a date that is not a date).
	Problem string
	// Cut is true when Value was shortened to the form's limit at a
	// sentence or line boundary; Full is the length of the whole text and
	// Length that of Value, both counted the way the form counts.
	Cut          bool
	Length, Full int
	Sensitive    bool
}

// Answer fills the form from the facts: one Answer per field that applies
// (fields for a representative only when someone files for the
// complainant), in the form's order. Labels, reasons and problems are in
// l; values are in the form's language and formats.
func (f Form) Answer(facts Facts, l lang.Lang) []Answer {
	out := make([]Answer, 0, len(f.Fields))
	for _, fl := range f.Fields {
		if !fl.When.Holds(facts) {
			continue
		}
		a := Answer{Field: fl, Label: l.T(fl.Label), Reason: l.T(fl.Why), Sensitive: fl.Sensitive}
		v, bad := f.value(fl, facts)
		switch {
		case bad != "":
			a.Missing = true
			a.Problem = l.T(bad, "field", upperFirst(a.Label), "value", v)
		case v == "":
			a.Missing = true
		default:
			a.Full = fl.Limit.Count.Len(v)
			if fl.Limit.Max > 0 {
				v, a.Cut = Cut(v, fl.Limit.Max, fl.Limit.Count)
			}
			a.Value = v
			a.Length = fl.Limit.Count.Len(v)
		}
		out = append(out, a)
	}
	return out
}

// Missing lists the answers that are missing, required ones first.
func Missing(as []Answer) []Answer {
	var req, opt []Answer
	for _, a := range as {
		switch {
		case !a.Missing:
		case a.Field.Required:
			req = append(req, a)
		default:
			opt = append(opt, a)
		}
	}
	return append(req, opt...)
}

// ForProvider returns the answers fit for a dossier the provider will
// read: sensitive answers (an identity number) are left out, and a
// sensitive value quoted in any other answer is masked there; nothing else
// is masked (the provider knows the user's phone and account).
func ForProvider(as []Answer) []Answer {
	var secrets []string
	for _, a := range as {
		if a.Sensitive && a.Value != "" {
			secrets = append(secrets, a.Value)
		}
	}
	mask := func(s string) string {
		for _, v := range secrets {
			s = strings.ReplaceAll(s, v, evidence.MaskAccount(v))
		}
		return s
	}
	out := make([]Answer, 0, len(as))
	for _, a := range as {
		if a.Sensitive {
			continue
		}
		if len(secrets) > 0 && a.Value != "" {
			a = remask(a, mask)
		}
		out = append(out, a)
	}
	return out
}

// Redacted returns the answers masked for a redacted copy: a sensitive
// value keeps only its last four letters or digits (evidence.MaskAccount),
// and every other value is passed through evidence.Redactor with the
// complainant's account ID and the sensitive values, so numbers quoted in
// the narrative are masked too.
func Redacted(as []Answer, facts Facts) []Answer {
	known := []string{facts.AccountID}
	for _, a := range as {
		if a.Sensitive && a.Value != "" {
			known = append(known, a.Value)
		}
	}
	mask := evidence.Redactor(known...)
	out := make([]Answer, 0, len(as))
	for _, a := range as {
		switch {
		case a.Value == "":
		case a.Sensitive:
			a.Value = evidence.MaskAccount(a.Value)
			a.Length = a.Field.Limit.Count.Len(a.Value)
		default:
			a = remask(a, mask)
		}
		out = append(out, a)
	}
	return out
}

func remask(a Answer, mask func(string) string) Answer {
	a.Value = mask(a.Value)
	a.Length = a.Field.Limit.Count.Len(a.Value)
	return a
}

// value is the answer to one field, or the translation key of the problem
// with the fact (and the fact's text as the value).
func (f Form) value(fl Field, x Facts) (v, bad string) {
	s := f.style
	opt := func(key string) string {
		if o, ok := fl.Options["*"]; ok {
			return o
		}
		if key == "" {
			return ""
		}
		if o, ok := fl.Options[key]; ok {
			return o
		}
		return fl.Options["other"]
	}
	switch fl.Fact {
	case FactName:
		return clean(x.Name), ""
	case FactPhone:
		return clean(x.Phone), ""
	case FactEmail:
		return clean(x.Email), ""
	case FactAddress:
		return s.oneLine(x.Address), ""
	case FactPostcode:
		return clean(x.Postcode), ""
	case FactBirthDate:
		return s.date(x.BirthDate)
	case FactIDNumber:
		return clean(x.IDNumber), ""
	case FactContact:
		return opt(string(x.Contact)), ""
	case FactAccountID:
		return clean(x.AccountID), ""
	case FactProvider:
		if n := clean(x.ProviderLegal); n != "" {
			return n, ""
		}
		return clean(x.Provider), ""
	case FactProviderLegal:
		return clean(x.ProviderLegal), ""
	case FactProviderAddress, FactHandlingOffice:
		return s.oneLine(x.ProviderAddress), ""
	case FactProviderRegNo:
		return clean(x.ProviderRegNo), ""
	case FactProviderEmail:
		return clean(x.ProviderEmail), ""
	case FactProduct, FactSubProduct:
		return opt(string(x.Product)), ""
	case FactProductName:
		p := opt(string(x.Product))
		if p == "" {
			return "", ""
		}
		if n := clean(x.Provider); n != "" {
			return n + " " + p, ""
		}
		return p, ""
	case FactSalesChannel:
		return opt(""), ""
	case FactProblem:
		return opt(string(x.Problem)), ""
	case FactAmount:
		if x.Amount.IsZero() {
			return "", ""
		}
		if x.Amount.Validate("amount") != nil {
			return x.Amount.String(), "forms.bad-amount"
		}
		return s.money(x.Amount), ""
	case FactIncident:
		return s.date(x.Incident)
	case FactTransactionIDs:
		var ids []string
		for _, t := range x.Transactions {
			if id := clean(t.ID); id != "" {
				ids = append(ids, id)
			}
		}
		return strings.Join(ids, s.list), ""
	case FactComplainedOn:
		return s.date(x.ComplainedOn)
	case FactComplaintSoFar:
		return f.complaintSoFar(x)
	case FactTriedToFix:
		if clean(x.ComplainedOn) == "" {
			return "", ""
		}
		return opt("yes"), ""
	case FactFinalResponse:
		if clean(x.FinalResponse) == "" {
			return opt("no"), ""
		}
		d, bad := s.date(x.FinalResponse)
		if bad != "" {
			return d, bad
		}
		return opt("yes") + " " + d, ""
	case FactOmbudsmanNotice:
		return opt(string(x.FinalMentionsOmbudsman)), ""
	case FactNarrative:
		return strings.TrimSpace(x.Narrative), ""
	case FactRequest:
		return strings.TrimSpace(x.Request), ""
	case FactForWhom:
		if x.OnBehalf {
			return opt("other"), ""
		}
		return opt("self"), ""
	case FactRepName:
		n, firm := clean(x.Representative.Name), clean(x.Representative.Firm)
		switch {
		case n != "" && firm != "":
			return n + s.firm(firm), ""
		case n != "":
			return n, ""
		}
		return firm, ""
	case FactRepRelationship:
		return clean(x.Representative.Relationship), ""
	case FactRepAddress:
		return s.oneLine(x.Representative.Address), ""
	case FactRepPostcode:
		return clean(x.Representative.Postcode), ""
	case FactRepPhone:
		return clean(x.Representative.Phone), ""
	case FactRepEmail:
		return clean(x.Representative.Email), ""
	case FactRepReference:
		return clean(x.Representative.Reference), ""
	}
	return "", ""
}

// complaintSoFar says when the provider was complained to, under which
// reference and whether it answered, in the form's language.
func (f Form) complaintSoFar(x Facts) (string, string) {
	s := f.style
	on, bad := s.date(x.ComplainedOn)
	if on == "" || bad != "" {
		return on, bad
	}
	final := ""
	if clean(x.FinalResponse) != "" {
		if final, bad = s.date(x.FinalResponse); bad != "" {
			return final, bad
		}
	}
	name := clean(x.Provider)
	if n := clean(x.ProviderLegal); n != "" {
		name = n
	}
	ref := clean(x.ProviderRef)
	if f.Lang == evidence.Chinese {
		if name == "" {
			name = "被投诉机构"
		}
		out := "已于" + on + "向" + name + "投诉"
		if ref != "" {
			out += "（投诉编号：" + ref + "）"
		}
		if final != "" {
			return out + "，" + name + "于" + final + "作出最终答复。", ""
		}
		return out + "，尚未获得最终答复。", ""
	}
	if name == "" {
		name = "the business"
	}
	out := "I complained to " + name + " on " + on
	if ref != "" {
		out += " (reference " + ref + ")"
	}
	if final != "" {
		return out + "; its final response is dated " + final + ".", ""
	}
	return out + "; I have not received its final response.", ""
}

// style is how a form writes dates, amounts and lists.
type style struct {
	lang     evidence.Language
	layout   string // Go date layout
	list     string // separator between items
	currency map[string]string
	// letter writes CNY amounts as 人民币1,280.00元 (written complaints);
	// otherwise CN forms take a plain number.
	letter bool
}

var (
	// zhWeb: 12315's web form: date pickers, plain numbers.
	zhWeb = style{lang: evidence.Chinese, layout: evidence.DateLayout, list: "、"}
	// zhLetter: written complaints to the PBoC or NFRA.
	zhLetter = style{lang: evidence.Chinese, layout: "2006年1月2日", list: "、", letter: true}
	ukForm   = style{lang: evidence.English, layout: "02/01/2006", list: ", ", currency: map[string]string{"GBP": "£"}}
	usForm   = style{lang: evidence.English, layout: "01/02/2006", list: ", ", currency: map[string]string{"USD": "$"}}
	euForm   = style{lang: evidence.English, layout: "02/01/2006", list: ", ", currency: map[string]string{"EUR": "€"}}
)

// date formats a YYYY-MM-DD fact, or reports it malformed.
func (s style) date(v string) (string, string) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", ""
	}
	t, err := time.Parse(evidence.DateLayout, v)
	if err != nil {
		return v, "forms.bad-date"
	}
	return t.Format(s.layout), ""
}

func (s style) money(m evidence.Money) string {
	if s.lang == evidence.Chinese {
		if m.Currency == "CNY" {
			if s.letter {
				return "人民币" + grouped(m) + "元"
			}
			return m.Decimal()
		}
		return m.Decimal() + " " + m.Currency
	}
	if sym, ok := s.currency[m.Currency]; ok {
		return sym + grouped(m)
	}
	return grouped(m) + " " + m.Currency
}

// oneLine joins the lines of a multi-line entry (an address).
func (s style) oneLine(v string) string {
	var parts []string
	for _, l := range strings.Split(v, "\n") {
		if l = clean(l); l != "" {
			parts = append(parts, strings.TrimRight(l, ",，"))
		}
	}
	if s.lang == evidence.Chinese {
		return strings.Join(parts, " ")
	}
	return strings.Join(parts, ", ")
}

func (s style) firm(f string) string {
	if s.lang == evidence.Chinese {
		return "（" + f + "）"
	}
	return " (" + f + ")"
}

// upperFirst capitalises a label that starts a sentence ("date of birth"
// as the FOS form words it).
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// clean puts user text on one line with single spaces.
func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

// grouped renders the amount with thousands separators: "1,280.00".
func grouped(m evidence.Money) string {
	d := m.Decimal()
	sign := ""
	if strings.HasPrefix(d, "-") {
		sign, d = "-", d[1:]
	}
	whole, frac, dot := strings.Cut(d, ".")
	var b strings.Builder
	b.WriteString(sign)
	for i := 0; i < len(whole); i++ {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(whole[i])
	}
	if dot {
		b.WriteString("." + frac)
	}
	return b.String()
}
