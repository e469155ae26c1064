// Package letters writes complaint letters from a case and its timeline, for
// the provider, a consumer association or a regulator, in Chinese or English,
// and renders them into PDF dossiers.
package letters

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"redress/evidence"
)

// Recipient is who a letter is addressed to.
type Recipient string

// The letter recipients.
const (
	Provider    Recipient = "provider"
	Association Recipient = "association"
	Regulator   Recipient = "regulator"
)

// Recipients lists every recipient, in escalation order.
var Recipients = []Recipient{Provider, Association, Regulator}

// Exhibit is one numbered piece of evidence enclosed with a letter.
type Exhibit struct {
	Number   string // "E-1"
	Caption  string
	Kind     evidence.Kind
	FileName string
	EventID  string // the timeline event the exhibit belongs to, if any
}

// Input is everything a letter is composed from.
type Input struct {
	Case   evidence.Case
	Events []evidence.Event // any order; archived events are ignored
	To     Recipient
	Lang   evidence.Language // zh or en, independent of the UI language
	Date   time.Time         // the letter date, in the case's local zone
	// ReplyDays is the number of days given for a reply; 0 means the
	// default for the recipient (14 for the provider, 30 for the others).
	ReplyDays int
	Exhibits  []Exhibit
	// RecipientName and RecipientAddress override the default addressee
	// (the provider's complaints team, or the usual consumer association or
	// regulator of the case's jurisdiction). The address may have several
	// lines.
	RecipientName, RecipientAddress string
}

// Letter is a composed letter, block by block. Text joins the blocks in the
// layout conventional for the letter's language.
type Letter struct {
	Lang       evidence.Language
	Sender     []string
	Addressee  []string
	Date       string
	Subject    string // with its "Re: " or "事由：" label
	Salutation string
	Paragraphs []string // body, request and deadline paragraphs, in order
	Enclosures []string // "E-1 — caption (file name)"
	Closing    string
	Signature  []string
}

// Default reply periods, in days.
const (
	ProviderReplyDays = 14
	OtherReplyDays    = 30
)

// Compose writes the letter for in. Missing data never shows as a
// placeholder: the sentence that needs it is left out or worded neutrally.
func Compose(in Input) Letter {
	f := newFacts(in)
	w := writerFor(f.lang)
	l := Letter{
		Lang:       f.lang,
		Sender:     w.sender(f),
		Addressee:  w.addressee(f),
		Date:       w.date(f.date),
		Subject:    w.subject(f),
		Closing:    w.closing(),
		Signature:  w.signature(f),
		Enclosures: []string{},
	}
	l.Salutation = w.salutation(f, l.Addressee)
	add := func(p string) {
		if p = strings.TrimSpace(p); p != "" {
			l.Paragraphs = append(l.Paragraphs, p)
		}
	}
	add(w.intro(f))
	add(w.happened(f))
	add(w.transactions(f))
	add(w.contacts(f))
	for _, c := range f.contacts {
		if c.Contact.Promise != "" || c.Contact.PromiseBy != nil {
			add(w.promise(f, c))
		}
	}
	add(w.history(f))
	add(w.request(f))
	add(w.deadline(f))
	add(w.enclosing(f))
	for _, x := range in.Exhibits {
		l.Enclosures = append(l.Enclosures, w.enclosure(x))
	}
	return l
}

// Text is the whole letter as plain text, blocks separated by blank lines.
// It is what the user edits before rendering and what the PDF shows.
func (l Letter) Text() string {
	var blocks []string
	add := func(lines ...string) {
		var keep []string
		for _, s := range lines {
			if s = strings.TrimRight(s, " \t\n"); s != "" {
				keep = append(keep, s)
			}
		}
		if len(keep) > 0 {
			blocks = append(blocks, strings.Join(keep, "\n"))
		}
	}
	if l.Lang == evidence.Chinese {
		// Chinese letters: paragraphs indented by two characters, the
		// closing "此致" indented on its own line and "敬礼！" flush left,
		// then the signature and the date, then the enclosures.
		add(l.Sender...)
		add(l.Addressee...)
		add(l.Subject)
		add(l.Salutation)
		for _, p := range l.Paragraphs {
			add(zhIndent + p)
		}
		if l.Closing != "" {
			add(zhIndent + l.Closing)
		}
		add(append(slices.Clone(l.Signature), l.Date)...)
		if len(l.Enclosures) > 0 {
			add(append([]string{"附件："}, l.Enclosures...)...)
		}
	} else {
		add(l.Sender...)
		add(l.Date)
		add(l.Addressee...)
		add(l.Subject)
		add(l.Salutation)
		for _, p := range l.Paragraphs {
			add(p)
		}
		add(l.Closing)
		add(l.Signature...)
		if len(l.Enclosures) > 0 {
			add(append([]string{"Enclosures:"}, l.Enclosures...)...)
		}
	}
	return strings.Join(blocks, "\n\n") + "\n"
}

// zhIndent is the two-character first-line indent of Chinese paragraphs.
const zhIndent = "\u3000\u3000"

// writer holds the wording of one language. Every method returns "" (or
// nil) when it has nothing to say.
type writer interface {
	date(t time.Time) string
	sender(f *facts) []string
	addressee(f *facts) []string
	subject(f *facts) string
	salutation(f *facts, addressee []string) string
	intro(f *facts) string
	happened(f *facts) string
	transactions(f *facts) string
	contacts(f *facts) string
	promise(f *facts, c evidence.Event) string
	history(f *facts) string
	request(f *facts) string
	deadline(f *facts) string
	enclosing(f *facts) string
	enclosure(x Exhibit) string
	closing() string
	signature(f *facts) []string
}

func writerFor(l evidence.Language) writer {
	if l == evidence.Chinese {
		return zh{}
	}
	return en{}
}

// facts is the input sorted and sifted for the writers.
type facts struct {
	in       Input
	c        evidence.Case
	to       Recipient
	lang     evidence.Language
	date     time.Time // letter date
	days     int       // reply period
	deadline time.Time
	incident time.Time // zero when unknown

	txs       []evidence.Event // transactions, oldest first
	contacts  []evidence.Event // contacts, oldest first
	letters   []evidence.Event // letters sent to the provider
	responses []evidence.Event // responses from the provider

	see map[string][]string // event ID → exhibit numbers
}

func newFacts(in Input) *facts {
	f := &facts{in: in, c: in.Case, to: in.To, lang: in.Lang, date: in.Date, see: map[string][]string{}}
	c := &f.c
	c.Provider = strings.TrimSpace(c.Provider)
	c.Title = strings.TrimSpace(c.Title)
	c.Remedy = strings.TrimSpace(c.Remedy)
	c.Complainant.Name = strings.TrimSpace(c.Complainant.Name)
	c.Complainant.Contact = strings.TrimSpace(c.Complainant.Contact)
	c.Complainant.Address = strings.TrimSpace(c.Complainant.Address)
	c.Complainant.AccountID = strings.TrimSpace(c.Complainant.AccountID)
	if !slices.Contains(Recipients, f.to) {
		f.to = Provider
	}
	if f.lang != evidence.Chinese && f.lang != evidence.English {
		f.lang = c.Language
		if f.lang != evidence.Chinese {
			f.lang = evidence.English
		}
	}
	if f.date.IsZero() {
		f.date = time.Now()
	}
	f.days = in.ReplyDays
	if f.days <= 0 {
		f.days = OtherReplyDays
		if f.to == Provider {
			f.days = ProviderReplyDays
		}
	}
	f.deadline = f.date.AddDate(0, 0, f.days)

	for _, e := range evidence.Active(in.Events) {
		switch {
		case e.Kind == evidence.KindTransaction && e.Transaction != nil:
			f.txs = append(f.txs, e)
		case e.Kind == evidence.KindContact && e.Contact != nil:
			f.contacts = append(f.contacts, e)
		case e.Kind == evidence.KindLetter && e.Letter != nil && party(e.Letter.To) == evidence.ToProvider:
			f.letters = append(f.letters, e)
		case e.Kind == evidence.KindResponse && e.Response != nil && party(e.Response.From) == evidence.ToProvider:
			f.responses = append(f.responses, e)
		}
	}

	if c.Incident != "" {
		if t, err := time.ParseInLocation(evidence.DateLayout, c.Incident, f.date.Location()); err == nil {
			f.incident = t
		}
	}
	if f.incident.IsZero() && len(f.txs) > 0 {
		f.incident = f.txs[0].At
	}

	for _, x := range in.Exhibits {
		if x.EventID != "" && x.Number != "" {
			f.see[x.EventID] = append(f.see[x.EventID], x.Number)
		}
	}
	return f
}

func party(s string) string {
	if s == "" {
		return evidence.ToProvider
	}
	return s
}

// broken reports whether the promise made in contact c is broken: its date
// has passed by the letter date and no response from the provider and no
// transaction was recorded after the contact and by that date.
func (f *facts) broken(c evidence.Event) bool {
	by := c.Contact.PromiseBy
	if by == nil || !by.Before(f.date) {
		return false
	}
	kept := func(events []evidence.Event) bool {
		for _, e := range events {
			if e.At.After(c.At) && !e.At.After(*by) {
				return true
			}
		}
		return false
	}
	return !kept(f.responses) && !kept(f.txs)
}

// unanswered reports whether the provider has not answered since the last
// formal complaint to it (or at all, when there was none).
func (f *facts) unanswered() bool {
	if len(f.responses) == 0 {
		return true
	}
	if len(f.letters) == 0 {
		return false
	}
	return f.responses[len(f.responses)-1].At.Before(f.letters[len(f.letters)-1].At)
}

// incoming reports whether the case's money was coming to the complainant,
// judged by its first transaction with a direction.
func (f *facts) incoming() bool {
	for _, t := range f.txs {
		switch t.Transaction.Direction {
		case evidence.MoneyIn:
			return true
		case evidence.MoneyOut:
			return false
		}
	}
	return false
}

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
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// offset renders the UTC offset of t: "UTC+08:00".
func offset(t time.Time) string { return "UTC" + t.Format("-07:00") }

// clean puts user text on one line with single spaces.
func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

// lines splits user text into trimmed, non-empty lines.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = clean(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// trimStop removes a trailing full stop (and the space before it) so that
// user text can be quoted or followed by the letter's own punctuation.
func trimStop(s string) string {
	s = clean(s)
	for {
		t := strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(s, "."), "。"), " ")
		if t == s {
			return s
		}
		s = t
	}
}

// finish ends user text as a sentence with stop unless it already ends
// with sentence punctuation; trailing commas, semicolons and colons give
// way to it.
func finish(s, stop string) string {
	s = clean(s)
	s = strings.TrimRight(s, ",，;；:： ")
	if s == "" {
		return ""
	}
	if strings.ContainsAny(lastRune(s), ".。!！?？…\"”'’)）") {
		return s
	}
	return s + stop
}

func lastRune(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return ""
	}
	return string(r[len(r)-1])
}

// upperFirst capitalises the first letter of an English sentence.
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	if r[0] >= 'a' && r[0] <= 'z' {
		r[0] -= 'a' - 'A'
	}
	return string(r)
}

// lowerFirst lower-cases a capitalised word such as "Email" so it reads in
// a sentence; "PDF" and "WeChat" are left alone.
func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) < 2 || r[0] < 'A' || r[0] > 'Z' {
		return s
	}
	for _, c := range r[1:] {
		if c >= 'A' && c <= 'Z' {
			return s
		}
	}
	r[0] += 'a' - 'A'
	return string(r)
}

// numbered turns items into a numbered list, one per line.
func numbered(items []string) string {
	var b strings.Builder
	for i, it := range items {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(strconv.Itoa(i + 1))
		b.WriteString(". ")
		b.WriteString(it)
	}
	return b.String()
}

// body addresses: default recipients per jurisdiction.
type body struct {
	en, enRef string   // English name, and its in-sentence form
	zh        string   // Chinese name
	enExtra   []string // extra English addressee lines
	zhExtra   []string // extra Chinese addressee lines
}

var associations = map[evidence.Jurisdiction]body{
	evidence.CN: {en: "China Consumers' Association", enRef: "the China Consumers' Association", zh: "中国消费者协会"},
	evidence.UK: {en: "Citizens Advice Consumer Service", enRef: "the Citizens Advice Consumer Service", zh: "英国公民咨询局消费者服务（Citizens Advice）"},
	evidence.EU: {en: "European Consumer Centre", enRef: "the European Consumer Centre", zh: "欧洲消费者中心（European Consumer Centre）"},
	evidence.US: {en: "Office of the Attorney General", enRef: "the State Attorney General's consumer protection office", zh: "州检察长办公室消费者保护部门",
		enExtra: []string{"Consumer Protection Division"}},
	evidence.Other: {en: "Consumer Protection Organisation", enRef: "the consumer protection organisation", zh: "消费者权益保护组织"},
}

var regulators = map[evidence.Jurisdiction]body{
	evidence.CN: {en: "People's Bank of China", enRef: "the People's Bank of China", zh: "中国人民银行",
		enExtra: []string{"Financial Consumer Protection (hotline 12363)"}, zhExtra: []string{"金融消费者权益保护（12363）"}},
	evidence.UK:    {en: "Financial Ombudsman Service", enRef: "the Financial Ombudsman Service", zh: "英国金融申诉专员服务机构（Financial Ombudsman Service）"},
	evidence.EU:    {en: "National Competent Authority for Payment Services", enRef: "the national competent authority for payment services", zh: "所在成员国支付服务主管机构"},
	evidence.US:    {en: "Consumer Financial Protection Bureau", enRef: "the Consumer Financial Protection Bureau", zh: "美国消费者金融保护局（CFPB）"},
	evidence.Other: {en: "Financial Regulator or Ombudsman", enRef: "the financial regulator or ombudsman", zh: "金融监管机构或金融申诉专员"},
}

func defaultBody(to Recipient, j evidence.Jurisdiction) body {
	m := regulators
	if to == Association {
		m = associations
	}
	if b, ok := m[j]; ok {
		return b
	}
	return m[evidence.Other]
}
