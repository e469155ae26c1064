// Package letters writes complaint letters from a case and its timeline, for
// the provider, a consumer association or a regulator, in Chinese or English,
// and renders them into PDF dossiers.
package letters

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"redress/escalation"
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
	// ReplyDays, when positive, asks for a reply within that many calendar
	// days — unless the law gives the addressee longer (the letter never
	// asks for less than the statutory window). 0 means the statutory
	// window (escalation.ReplyRule): UK and EU 15 business days, CN 15
	// days, US Regulation E 10 business days, a Chinese authority 7 working
	// days; where there is none, 14 days for the provider and no date for
	// the other bodies.
	ReplyDays int
	Exhibits  []Exhibit
	// Body is the complaint body a letter to an association or a regulator
	// goes to (an escalation.Body ID, e.g. "uk.fos", "cn.12315"); "" or an
	// ID of another jurisdiction or party means the party's default body.
	// It decides the addressee and what the letter asks for.
	Body string
	// City is the user's city: a Chinese letter to the consumer
	// association goes to the association of that city.
	City string
	// RecipientName and RecipientAddress override the addressee's name
	// (the provider's complaints team, or the body's usual name) and give
	// its address; the address may have several lines.
	RecipientName, RecipientAddress string
	// ProviderAddress and ProviderContact complete the block that names
	// the provider in letters to bodies (被投诉人).
	ProviderAddress, ProviderContact string
	// Calendar counts business days for the reply-by date and the dates
	// the letter cites (nil: weekends only); Overrides are the case's rule
	// windows.
	Calendar  *escalation.Calendar
	Overrides map[string]escalation.Duration
	// Representative, when set, writes the letter on the complainant's
	// behalf ("on behalf of my client", 委托代理人): the complainant is
	// "my client" (委托人), and replies go to the representative.
	Representative *Representative
	// AuthorityEnclosed says the client's signed letter of authority is
	// among the exhibits, so the letter says it is enclosed.
	AuthorityEnclosed bool
}

// Letter is a composed letter, block by block. Text joins the blocks in the
// layout conventional for the letter's language.
type Letter struct {
	Lang      evidence.Language
	Sender    []string
	Addressee []string
	Date      string
	Subject   string // with its "Re: " or "事由：" label
	// Respondent names the provider complained about, with its address and
	// contact, in letters to bodies ("被投诉人：…").
	Respondent []string
	Salutation string
	Paragraphs []string // body, request and deadline paragraphs, in order
	Enclosures []string // "E-1 — caption (file name)"
	Closing    string
	Signature  []string
}

// ProviderReplyDays is the reply period, in days, a letter to the provider
// asks for where the law sets none.
const ProviderReplyDays = 14

// Compose writes the letter for in. Missing data never shows as a
// placeholder: the sentence that needs it is left out or worded neutrally.
func Compose(in Input) Letter {
	f := newFacts(in)
	w := writerFor(f.lang, f.c.Jurisdiction, f.rep != nil)
	l := Letter{
		Lang:       f.lang,
		Sender:     w.sender(f),
		Addressee:  w.addressee(f),
		Date:       w.date(f.date),
		Subject:    w.subject(f),
		Respondent: w.respondent(f),
		Closing:    w.closing(),
		Signature:  w.signature(f),
		Enclosures: []string{},
	}
	l.Salutation = w.salutation(f, l.Addressee)
	add := func(p string) { l.Paragraphs = appendPara(l.Paragraphs, p) }
	add(w.intro(f))
	l.Paragraphs = append(l.Paragraphs, story(w, f)...)
	add(w.legalBasis(f))
	add(w.keyDates(f))
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
		add(l.Respondent...)
		add(l.Salutation)
		for _, p := range l.Paragraphs {
			add(zhIndent + p)
		}
		if l.Closing != "" {
			add(zhIndent + l.Closing)
		}
		date := l.Date
		if date != "" {
			date = "日期：" + date
		}
		add(append(slices.Clone(l.Signature), date)...)
		if len(l.Enclosures) > 0 {
			add(append([]string{"附件："}, l.Enclosures...)...)
		}
	} else {
		add(l.Sender...)
		add(l.Date)
		add(l.Addressee...)
		add(l.Subject)
		add(l.Respondent...)
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
	respondent(f *facts) []string
	salutation(f *facts, addressee []string) string
	intro(f *facts) string
	happened(f *facts) string
	transactions(f *facts) string
	contacts(f *facts) string
	promise(f *facts, c evidence.Event) string
	history(f *facts) string
	otherSteps(f *facts) string
	legalBasis(f *facts) string
	keyDates(f *facts) string
	request(f *facts) string
	deadline(f *facts) string
	enclosing(f *facts) string
	enclosure(x Exhibit) string
	closing() string
	signature(f *facts) []string
}

// writerFor picks the wording: Chinese, or English — American for US
// cases ("Sincerely", "unauthorized", "November 28, 2026"), British
// otherwise.
//
// rep writes on the complainant's behalf (Input.Representative): the
// complainant is "my client" (委托人) and the representative speaks.
func writerFor(l evidence.Language, j evidence.Jurisdiction, rep bool) writer {
	if l == evidence.Chinese {
		return zh{rep: rep}
	}
	return en{us: j == evidence.US, rep: rep}
}

// facts is the input sorted and sifted for the writers.
type facts struct {
	in       Input
	c        evidence.Case
	to       Recipient
	lang     evidence.Language
	date     time.Time // letter date
	incident time.Time // zero when unknown
	body     escalation.Body
	city     string

	// The reply the letter asks for: by deadline, under rule when the
	// law sets the window (statutory), else within days.
	days      int
	deadline  time.Time
	rule      escalation.Rule
	statutory bool

	txs       []evidence.Event // transactions, oldest first
	contacts  []evidence.Event // contacts, oldest first
	letters   []evidence.Event // letters sent to the provider
	responses []evidence.Event // responses from the provider
	referrals []evidence.Event // letters already sent to bodies, oldest first
	police    []evidence.Event // notes and documents about a police report
	bank      []evidence.Event // notes and documents about a dispute with the bank (chargeback)

	rights    []escalation.Right
	deadlines []escalation.Deadline // the law's clocks at the letter date

	see map[string][]string // event ID → exhibit numbers

	rep *Representative // who writes on the complainant's behalf, or nil
}

func newFacts(in Input) *facts {
	f := &facts{in: in, c: in.Case, to: in.To, lang: in.Lang, date: in.Date, see: map[string][]string{}}
	if r := in.Representative; r != nil && !r.IsZero() {
		cp := r.cleaned()
		f.rep = &cp
	}
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
	to := string(f.to)
	if f.to != Provider {
		b, ok := escalation.LookupBody(in.Body)
		if !ok || b.Jurisdiction != bodyJurisdiction(c.Jurisdiction) || b.Party != to {
			b = escalation.DefaultBody(c.Jurisdiction, to)
		}
		f.body = b
	}
	f.city = clean(in.City)
	if due, r, ok := escalation.ReplyBy(f.c, to, f.body.ID, f.date, in.Calendar, in.Overrides); ok {
		f.deadline, f.rule, f.statutory = due, r, true
	}
	days := in.ReplyDays
	if days <= 0 && !f.statutory && f.to == Provider {
		days = ProviderReplyDays
	}
	if days > 0 {
		if d := f.date.AddDate(0, 0, days); !f.statutory || d.After(f.deadline) {
			f.days, f.deadline, f.statutory = days, d, false
		}
	}

	events := evidence.Active(in.Events)
	for _, e := range events {
		switch {
		case escalation.IsRecordsRequest(&e):
			// A request for the user's records is not a complaint.
		case e.Kind == evidence.KindTransaction && e.Transaction != nil:
			f.txs = append(f.txs, e)
		case e.Kind == evidence.KindContact && e.Contact != nil:
			f.contacts = append(f.contacts, e)
		case e.Kind == evidence.KindLetter && e.Letter != nil && party(e.Letter.To) == evidence.ToProvider:
			f.letters = append(f.letters, e)
		case e.Kind == evidence.KindResponse && e.Response != nil && party(e.Response.From) == evidence.ToProvider:
			f.responses = append(f.responses, e)
		case e.Kind == evidence.KindLetter && e.Letter != nil:
			f.referrals = append(f.referrals, e)
		case mentions(e, policeWords):
			f.police = append(f.police, e)
		case mentions(e, bankWords):
			f.bank = append(f.bank, e)
		}
	}
	f.rights = escalation.Rights(c.Jurisdiction, c.Problem)
	f.deadlines = escalation.Assess(escalation.Input{Case: f.c, Events: events, Overrides: in.Overrides,
		Calendar: in.Calendar}, f.date).Deadlines

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

// bodyJurisdiction is the jurisdiction whose bodies a case uses: its own,
// or OTHER's for an unknown one.
func bodyJurisdiction(j evidence.Jurisdiction) evidence.Jurisdiction {
	if slices.Contains(evidence.Jurisdictions, j) {
		return j
	}
	return evidence.Other
}

// Words that tell a note or document about a police report, or about a
// dispute raised with the user's bank (a chargeback): as tags, or in its
// summary or notes.
var (
	policeWords = []string{"police-report", "police", "报警", "报案", "报警回执"}
	bankWords   = []string{"chargeback", "bank-dispute", "拒付", "银行争议", "银行申诉", "bank dispute", "dispute with my bank"}
)

// mentions reports whether a note, document or screenshot is about one of
// the words: as a tag, or in its summary, notes or caption.
func mentions(e evidence.Event, words []string) bool {
	switch e.Kind {
	case evidence.KindNote, evidence.KindDocument, evidence.KindScreenshot:
	default:
		return false
	}
	text := strings.ToLower(e.Summary + " " + e.Notes)
	if e.Exhibit != nil {
		text += " " + strings.ToLower(e.Exhibit.Caption)
	}
	for _, w := range words {
		if slices.Contains(e.Tags, w) || strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// referredTo returns the first letter already sent to body, or nil.
func (f *facts) referredTo(body string) *evidence.Event {
	for i := range f.referrals {
		if escalation.BodyOf(f.c.Jurisdiction, &f.referrals[i]) == body {
			return &f.referrals[i]
		}
	}
	return nil
}

// citedDeadlines are the law's clocks the letter cites: those that bind
// the provider or open a body to the user, started before the letter date
// and not yet met (a met one is told by the history).
func (f *facts) citedDeadlines() []escalation.Deadline {
	var out []escalation.Deadline
	for _, d := range f.deadlines {
		if d.Nature != escalation.Law || d.Effect == escalation.YouMustAct || d.Start.After(f.date) ||
			d.Status == escalation.Met || d.Status == escalation.Late {
			continue
		}
		if r, ok := escalation.Lookup(d.RuleID); !ok || r.Source.Short == "" {
			continue
		}
		out = append(out, d)
	}
	return out
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

// firstReferral is the first letter to a body sent before the letter
// date, or nil.
func (f *facts) firstReferral() *evidence.Event {
	for i := range f.referrals {
		if f.referrals[i].At.Before(f.date) {
			return &f.referrals[i]
		}
	}
	return nil
}

// isASCII reports whether s is plain ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
