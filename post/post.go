// Package post drafts a factual public post about a case — for the
// provider's official social-media account, Weibo, X or a public complaint
// platform — from its timeline, in Chinese or English: what happened, with
// dates and amounts, what support promised and when that passed, the
// formal complaint, what the user asks for and the provider's reference.
// It says only what the timeline records, redacts personal data, and keeps
// the text within each platform's length limit by leaving out whole
// sentences, never part of one. Beside the draft it gives guidance (Guide)
// and the rule for when the public step may be suggested (Suggest).
package post

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"redress/evidence"
	"redress/lang"
)

// Length is the form of a draft.
type Length string

// The two forms.
const (
	// Short fits 140 characters (WeiboLength) and X's 280 weighted
	// characters (XLength) at once.
	Short Length = "short"
	// Long fits a Weibo long post of 2,000 characters, and is meant for
	// public complaint platforms too.
	Long Length = "long"
)

// Lengths lists the forms.
var Lengths = []Length{Short, Long}

// Platform names a limit a draft is counted against. Each has the
// translation key "post.count.<platform>".
type Platform string

// The platforms a draft is counted for.
const (
	Weibo       Platform = "weibo"        // short form: WeiboLength ≤ 140
	X           Platform = "x"            // short form: XLength ≤ 280
	WeiboLong   Platform = "weibo-long"   // long form: WeiboLength ≤ 2,000
	HeimaoTitle Platform = "heimao-title" // long form's title: no published limit found
)

// The limits, in each platform's own count.
const (
	ShortLimit = 140  // Weibo's classic post (Fortune, 21 Jan 2016: "only the first 140 will appear")
	XLimit     = 280  // twitter-text config v3 maxWeightedTweetLength
	LongLimit  = 2000 // Weibo long posts since 28 Feb 2016 (Fortune and ZDNet, Jan 2016)
)

// Count is a draft's length on one platform.
type Count struct {
	Platform Platform `json:"platform"`
	Used     int      `json:"used"`
	// Limit is the platform's limit; 0 when none is published (the count
	// is shown for information).
	Limit int `json:"limit"`
}

// Fits reports whether the count is within the limit.
func (c Count) Fits() bool { return c.Limit == 0 || c.Used <= c.Limit }

// Key is the translation key of the platform's label.
func (c Count) Key() string { return "post.count." + string(c.Platform) }

// Options adjust a draft.
type Options struct {
	// Now is the date the post is written; it decides which promises have
	// passed, how long a complaint has waited and whether dates need their
	// year. Zero means time.Now().
	Now time.Time
	// KeepAgentNames shows agents' names as recorded instead of their
	// staff number or initial (evidence.AgentLabel).
	KeepAgentNames bool
	// Mention starts the post, e.g. the provider's official account
	// "@OKPay客服".
	Mention string
}

// Warning is advice about the draft as a translation key and its
// placeholder pairs.
type Warning struct {
	Key  string   `json:"key"`
	Args []string `json:"args,omitempty"`
}

// Draft is a composed post.
type Draft struct {
	Lang   evidence.Language `json:"lang"`
	Length Length            `json:"length"`
	// Title is the complaint title for platforms that ask for one (long
	// form only).
	Title string `json:"title,omitempty"`
	Text  string `json:"text"`
	// Ask is the sentence saying what the user asks for, also on its own
	// for platforms with a separate field (黑猫投诉's 投诉要求).
	Ask    string  `json:"ask"`
	Counts []Count `json:"counts"`
	// Omitted is how many sentences or timeline entries were left out, or
	// shortened by leaving out the user's own words, to fit.
	Omitted  int       `json:"omitted"`
	Warnings []Warning `json:"warnings,omitempty"`
}

// Fits reports whether every count is within its limit.
func (d Draft) Fits() bool {
	for _, c := range d.Counts {
		if !c.Fits() {
			return false
		}
	}
	return true
}

// Compose drafts the post for case c from its timeline (any order;
// archived events are ignored) in language l.
//
// Wrong arguments give a *evidence.FieldError naming "lang" or "length",
// or "provider" when the case names none (a post must say whom it is
// about).
// When even the essential sentences (the mention, what happened and what
// the user asks for, in their shortest wording) do not fit, Compose returns
// that shortest draft with its counts and a *lang.Error "post.too-long".
func Compose(c evidence.Case, timeline []evidence.Event, l evidence.Language, n Length, o Options) (Draft, error) {
	if !slices.Contains(evidence.Languages, l) {
		return Draft{}, &evidence.FieldError{Field: "lang", Reason: reasonFor(string(l)), Value: string(l),
			Allowed: []string{string(evidence.Chinese), string(evidence.English)}}
	}
	if !slices.Contains(Lengths, n) {
		return Draft{}, &evidence.FieldError{Field: "length", Reason: reasonFor(string(n)), Value: string(n),
			Allowed: []string{string(Short), string(Long)}}
	}
	if strings.TrimSpace(c.Provider) == "" {
		return Draft{}, &evidence.FieldError{Field: "provider", Reason: evidence.ReasonRequired}
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	f := newFacts(c, timeline, l, n, o)
	var slots []*slot
	if n == Short {
		slots = f.short()
	} else {
		slots = f.long()
	}
	d := Draft{Lang: l, Length: n}
	if n == Long {
		d.Title = f.title()
	}
	if n == Long && usePrefit {
		prefit(slots, LongLimit)
	}
	fitErr := fit(slots, func(text string) bool {
		if n == Long {
			return WeiboLength(text) <= LongLimit
		}
		// The cheap count first: X's is needed only when Weibo's fits.
		return WeiboLength(text) <= ShortLimit && XLength(text) <= XLimit
	}, f.render)
	d.Text = f.render(slots)
	d.Counts = countsFor(n, d.Text, d.Title)
	for _, s := range slots {
		if s.ask {
			d.Ask = s.text()
		}
		if s.cur > 0 {
			d.Omitted++
		}
	}
	if words := loaded(d.Title + "\n" + d.Text); len(words) > 0 {
		d.Warnings = append(d.Warnings, Warning{Key: "post.warn.loaded", Args: []string{"words", strings.Join(words, ", ")}})
	}
	if fitErr {
		limit := ShortLimit
		if n == Long {
			limit = LongLimit
		}
		return d, lang.E("post.too-long", "limit", strconv.Itoa(limit))
	}
	return d, nil
}

func reasonFor(v string) evidence.Reason {
	if v == "" {
		return evidence.ReasonRequired
	}
	return evidence.ReasonUnknownValue
}

// Counts counts a text (and, for the long form, its title) against the
// limits of the form's platforms, as Compose does for its draft: for a
// draft the user has edited.
func Counts(n Length, text, title string) []Count { return countsFor(n, text, title) }

func countsFor(n Length, text, title string) []Count {
	if n == Short {
		return []Count{
			{Platform: Weibo, Used: WeiboLength(text), Limit: ShortLimit},
			{Platform: X, Used: XLength(text), Limit: XLimit},
		}
	}
	cs := []Count{{Platform: WeiboLong, Used: WeiboLength(text), Limit: LongLimit}}
	if title != "" {
		cs = append(cs, Count{Platform: HeimaoTitle, Used: WeiboLength(title)})
	}
	return cs
}

// slot is one sentence (or timeline entry) of a draft in its wordings,
// longest first. Shrinking moves a slot to its next wording, or drops it
// after the last when it is optional; prio[i] is the priority of leaving
// wording i (lower goes first).
type slot struct {
	variants []string
	prio     []int
	cur      int
	para     int  // paragraph
	line     bool // a timeline entry (own line)
	ask      bool // the user's request
	mention  bool // an @mention, which a space must end
}

func (s *slot) text() string {
	if s.cur < len(s.variants) {
		return s.variants[s.cur]
	}
	return ""
}

// newSlot makes a slot from wordings, dropping empty ones; prio has one
// priority per step (len(variants)-1 for a required slot, one more for an
// optional one). It returns nil when no wording is left.
func newSlot(para int, prio []int, optional bool, variants ...string) *slot {
	s := &slot{para: para}
	for _, v := range variants {
		if v = strings.TrimSpace(v); v != "" && !slices.Contains(s.variants, v) {
			s.variants = append(s.variants, v)
		}
	}
	if len(s.variants) == 0 {
		return nil
	}
	steps := len(s.variants) - 1
	if optional {
		steps++
	}
	for i := 0; i < steps; i++ {
		p := prio[len(prio)-1]
		if i < len(prio) {
			p = prio[i]
		}
		s.prio = append(s.prio, p)
	}
	return s
}

// fit shrinks slots, lowest priority first (earlier slots first among
// equals), until ok accepts the rendered text. It reports whether nothing
// was left to shrink before the text fitted.
func fit(slots []*slot, ok func(string) bool, render func([]*slot) string) (failed bool) {
	for !ok(render(slots)) {
		best := next(slots)
		if best == nil {
			return true
		}
		best.cur++
	}
	return false
}

// next is the slot to shrink next: the lowest priority, the earliest
// among equals; nil when none can shrink.
func next(slots []*slot) *slot {
	var best *slot
	for _, s := range slots {
		if s.cur < len(s.prio) && (best == nil || s.prio[s.cur] < best.prio[best.cur]) {
			best = s
		}
	}
	return best
}

// usePrefit is switched off by a test that checks prefit changes nothing.
var usePrefit = true

// prefit takes the shrinking steps fit would take while even a lower bound
// of the text's WeiboLength — the sum of the slots' own lengths, leaving
// out a leading part that could compose with the text before it under
// NFC — is over limit. It spares fit from rendering and counting a long
// timeline once per entry left out, and changes nothing in the result:
// fit would take the same steps, in the same order.
func prefit(slots []*slot, limit int) {
	lb := func(s *slot) int {
		t := s.text()
		n := 0
		if s.line && t != "" {
			n = 2 // "- "
		}
		if i := norm.NFC.FirstBoundaryInString(t); i > 0 {
			t = t[i:]
		} else if i < 0 {
			return n
		}
		return n + WeiboLength(t)
	}
	total := 0
	for _, s := range slots {
		total += lb(s)
	}
	for total > limit {
		best := next(slots)
		if best == nil {
			return
		}
		total -= lb(best)
		best.cur++
		total += lb(best)
	}
}

// render joins the slots' current wordings: sentences of a paragraph with
// the language's sentence gap, timeline entries on their own lines under a
// heading, paragraphs with a blank line (long form) or a space (short).
func (f *facts) render(slots []*slot) string {
	gap := " "
	if f.lang == evidence.Chinese {
		gap = ""
	}
	byPara := map[int][]*slot{}
	var paras []int
	for _, s := range slots {
		if _, seen := byPara[s.para]; !seen {
			paras = append(paras, s.para)
		}
		byPara[s.para] = append(byPara[s.para], s)
	}
	slices.Sort(paras)
	var blocks []string
	for _, p := range paras {
		var lines []string
		dropped := 0
		var b strings.Builder
		for _, s := range byPara[p] {
			t := s.text()
			switch {
			case s.line && t == "":
				dropped++
			case s.line:
				lines = append(lines, "- "+t)
			case t != "":
				b.WriteString(joint(b.String(), t, gap))
				b.WriteString(t)
				if s.mention {
					// A space ends the mention; a line break when it ends
					// in a digit, so that it cannot run into a date.
					end := " "
					if r, _ := utf8.DecodeLastRuneInString(t); r >= '0' && r <= '9' {
						end = "\n"
					}
					b.WriteString(end)
				}
			}
		}
		if len(lines) > 0 {
			if b.Len() > 0 && !strings.HasSuffix(b.String(), " ") && !strings.HasSuffix(b.String(), "\n") {
				b.WriteString("\n")
			}
			b.WriteString(f.t("post.timeline"))
			b.WriteString("\n")
			if dropped > 0 {
				lines = append([]string{f.t("post.line.omitted", "n", strconv.Itoa(dropped))}, lines...)
			}
			b.WriteString(strings.Join(lines, "\n"))
		}
		if b.Len() > 0 {
			blocks = append(blocks, b.String())
		}
	}
	sep := "\n\n"
	if f.n == Short {
		sep = gap
	}
	return strings.Join(blocks, sep)
}

// joint is what goes between the text so far and the next sentence: the
// language's gap, but a space where Chinese text would otherwise glue two
// runs of ASCII letters or digits together ("T-8899" and "2026年").
func joint(before, next, gap string) string {
	if before == "" || strings.HasSuffix(before, " ") || strings.HasSuffix(before, "\n") {
		return ""
	}
	if gap == "" {
		last, _ := utf8.DecodeLastRuneInString(before)
		first, _ := utf8.DecodeRuneInString(next)
		if isASCIIAlnum(last) && isASCIIAlnum(first) {
			return " "
		}
	}
	return gap
}

// facts is the case and its timeline sifted for the post.
type facts struct {
	c    evidence.Case
	lang evidence.Language
	l    lang.Lang
	n    Length
	o    Options
	red  func(string) string // for the user's free text
	// prov and mention are the provider's name and the mention, redacted
	// as numbers only (an agent's recorded name must not rename them).
	prov, at string

	events    []evidence.Event // live events, oldest first
	txs       []evidence.Event
	contacts  []evidence.Event
	complaint *evidence.Event  // first formal complaint to the provider
	replies   []evidence.Event // provider responses after the complaint
	escalated []evidence.Event // letters to an association or a regulator
	exhibits  int              // screenshots and documents
	incident  time.Time
	amount    evidence.Money
	incoming  bool
}

func newFacts(c evidence.Case, timeline []evidence.Event, l evidence.Language, n Length, o Options) *facts {
	f := &facts{c: c, lang: l, l: lang.Lang(string(l)), n: n, o: o}
	for _, e := range timeline {
		if e.Archived == nil && !e.At.IsZero() {
			f.events = append(f.events, e)
		}
	}
	slices.SortStableFunc(f.events, func(a, b evidence.Event) int {
		return cmp.Or(a.At.Compare(b.At), cmp.Compare(a.ID, b.ID))
	})
	for i := range f.events {
		e := &f.events[i]
		switch {
		case e.Kind == evidence.KindTransaction && e.Transaction != nil:
			f.txs = append(f.txs, *e)
		case e.Kind == evidence.KindContact && e.Contact != nil:
			f.contacts = append(f.contacts, *e)
			if f.complaint == nil && hasTag(e, "complaint", "投诉") {
				f.complaint = e
			}
		case e.Kind == evidence.KindLetter && e.Letter != nil:
			if party(e.Letter.To) == evidence.ToProvider {
				if f.complaint == nil {
					f.complaint = e
				}
			} else {
				f.escalated = append(f.escalated, *e)
			}
		case e.Kind == evidence.KindScreenshot || e.Kind == evidence.KindDocument:
			f.exhibits++
		}
	}
	if f.complaint != nil {
		for _, e := range f.events {
			if e.Kind == evidence.KindResponse && e.Response != nil && party(e.Response.From) == evidence.ToProvider &&
				e.At.After(f.complaint.At) {
				f.replies = append(f.replies, e)
			}
		}
	}
	if t, err := time.Parse(evidence.DateLayout, strings.TrimSpace(c.Incident)); err == nil {
		f.incident = t
	} else if len(f.txs) > 0 {
		f.incident = f.txs[0].At
	}
	f.amount = c.Amount
	for _, t := range f.txs {
		if f.amount.IsZero() && t.Transaction.Amount.Minor > 0 {
			f.amount = t.Transaction.Amount
		}
	}
	for _, t := range f.txs {
		if d := t.Transaction.Direction; d != "" {
			f.incoming = d == evidence.MoneyIn
			break
		}
	}
	f.red = newRedactor(c, f.contacts, o.KeepAgentNames)
	numbers := newRedactor(evidence.Case{Complainant: c.Complainant}, nil, true)
	f.prov, f.at = numbers(c.Provider), numbers(o.Mention)
	return f
}

func hasTag(e *evidence.Event, tags ...string) bool {
	for _, t := range e.Tags {
		if slices.Contains(tags, strings.ToLower(strings.TrimSpace(t))) {
			return true
		}
	}
	return false
}

func party(s string) string {
	if s == "" {
		return evidence.ToProvider
	}
	return s
}

func (f *facts) t(key string, kv ...string) string { return f.l.T(key, kv...) }

// provider is the provider's name as the post shows it.
func (f *facts) provider() string { return f.prov }

// happened is the headline: what went wrong, when and for how much.
func (f *facts) happened() string {
	p := f.problem()
	key := "post.happened." + string(p)
	if p == evidence.TransferNotReceived {
		key += map[bool]string{true: ".in", false: ".out"}[f.incoming]
	}
	amount := f.money(f.amount)
	if amount == "" {
		key += ".no-amount"
	}
	when := ""
	if !f.incident.IsZero() {
		when = f.t("post.when", "date", f.date(f.incident))
	}
	return f.t(key, "when", when, "provider", f.provider(), "amount", amount)
}

// title is the long form's complaint title.
func (f *facts) title() string {
	problem := f.l.Label("problem", string(f.problem()))
	if a := f.money(f.amount); a != "" {
		return f.t("post.title.amount", "provider", f.provider(), "problem", problem, "amount", a)
	}
	return f.t("post.title", "provider", f.provider(), "problem", problem)
}

// promise is one promise support made, and how it stands.
type promise struct {
	e      evidence.Event
	by     *time.Time
	broken bool // its time has passed and nothing kept it
	kept   bool
}

// promises lists the contacts' promises, oldest first. A promise is kept
// when a response from the provider, an inbound contact or a transaction
// is recorded after the contact and no later than the promised time (the
// rule escalation.Assess uses); broken when its time has passed otherwise.
func (f *facts) promises() []promise {
	var out []promise
	for _, c := range f.contacts {
		by := c.Contact.PromiseBy
		if by == nil && strings.TrimSpace(c.Contact.Promise) == "" {
			continue
		}
		p := promise{e: c, by: by}
		if by != nil {
			for _, e := range f.events {
				if e.At.After(c.At) && !e.At.After(*by) && keepsPromise(&e) {
					p.kept = true
					break
				}
			}
			p.broken = !p.kept && by.Before(f.o.Now)
		}
		out = append(out, p)
	}
	return out
}

func keepsPromise(e *evidence.Event) bool {
	switch {
	case e.Kind == evidence.KindResponse && e.Response != nil:
		return party(e.Response.From) == evidence.ToProvider
	case e.Kind == evidence.KindContact && e.Contact != nil:
		return e.Contact.Direction == evidence.Inbound
	}
	return e.Kind == evidence.KindTransaction
}

// who is "support" or "support agent #1024".
func (f *facts) who(c evidence.Event) string {
	if a := f.agent(c.Contact.Agent); a != "" {
		return f.t("post.who.agent", "agent", a)
	}
	return f.t("post.who")
}

func (f *facts) agent(raw string) string {
	if f.o.KeepAgentNames {
		return f.red(raw)
	}
	return f.red(evidence.AgentLabel(raw))
}

// promiseSentence says what was promised and by when.
func (f *facts) promiseSentence(p promise) string {
	date, who := f.date(p.e.At), f.who(p.e)
	if p.by == nil {
		return f.t("post.promise.said", "date", date, "who", who, "promise", trimStop(f.red(p.e.Contact.Promise)))
	}
	if d := p.by.Sub(p.e.At); roundHours(d) {
		return f.t("post.promise.within", "date", date, "who", who, "hours", strconv.Itoa(int(d/time.Hour)))
	}
	due := f.date(*p.by)
	if sameDay(*p.by, p.e.At) {
		due = p.by.Format("15:04")
	}
	return f.t("post.promise.by", "date", date, "who", who, "due", due)
}

// roundHours reports whether a promise's window reads naturally in hours:
// whole hours up to 12, or 24, 48 or 72.
func roundHours(d time.Duration) bool {
	return d > 0 && d%time.Hour == 0 && (d <= 12*time.Hour || d <= 72*time.Hour && d%(24*time.Hour) == 0)
}

// compactPromise is promiseSentence in the fewest words, without the
// agent, for the short form.
func (f *facts) compactPromise(p promise) string {
	if p.by == nil {
		return f.t("post.promise.said", "date", f.date(p.e.At), "who", f.t("post.who"), "promise", trimStop(f.red(p.e.Contact.Promise)))
	}
	date := f.date(p.e.At)
	if d := p.by.Sub(p.e.At); roundHours(d) {
		return f.t("post.short.promise.within", "date", date, "hours", strconv.Itoa(int(d/time.Hour)))
	}
	due := f.date(*p.by)
	if sameDay(*p.by, p.e.At) {
		due = p.by.Format("15:04")
	}
	return f.t("post.short.promise.by", "date", date, "due", due)
}

func (f *facts) problem() evidence.Problem {
	if slices.Contains(evidence.Problems, f.c.Problem) {
		return f.c.Problem
	}
	return evidence.OtherProblem
}

// mainPromise is the promise the post names: the latest broken one, else
// the latest still open, else the latest without a time; and how many
// promises are broken.
func (f *facts) mainPromise() (p promise, ok bool, broken int) {
	ps := f.promises()
	pick := func(match func(promise) bool) bool {
		for i := len(ps) - 1; i >= 0; i-- {
			if match(ps[i]) {
				p, ok = ps[i], true
				return true
			}
		}
		return false
	}
	for _, q := range ps {
		if q.broken {
			broken++
		}
	}
	_ = pick(func(q promise) bool { return q.broken }) ||
		pick(func(q promise) bool { return q.by != nil && !q.kept }) ||
		pick(func(q promise) bool { return q.by == nil })
	return p, ok, broken
}

// complaintSentence says when the formal complaint went and how it was
// answered.
func (f *facts) complaintSentence() string {
	if f.complaint == nil {
		return ""
	}
	date, prov := f.date(f.complaint.At), f.provider()
	for _, r := range f.replies {
		if r.Response.Final {
			return f.t("post.complaint.final", "date", date, "provider", prov, "reply", f.date(r.At))
		}
	}
	if len(f.replies) > 0 {
		return f.t("post.complaint.replied", "date", date, "provider", prov, "reply", f.date(f.replies[0].At))
	}
	switch days := int(f.o.Now.Sub(f.complaint.At) / (24 * time.Hour)); {
	case days < 1:
		return f.t("post.complaint.waiting", "date", date, "provider", prov)
	case days == 1:
		return f.t("post.complaint.unanswered-one", "date", date, "provider", prov)
	default:
		return f.t("post.complaint.unanswered", "date", date, "provider", prov, "days", strconv.Itoa(days))
	}
}

// asks are the request's wordings: the user's own, then the default for
// the problem.
func (f *facts) asks() []string {
	p := f.problem()
	var out []string
	if r := f.red(f.c.Remedy); r != "" {
		out = append(out, f.t("post.ask.remedy", "provider", f.provider(), "remedy", finish(r)))
	}
	return append(out, f.t("post.ask."+string(p), "provider", f.provider()))
}

// ref is the provider's reference for the case: the formal complaint's,
// else the latest one recorded on a contact, letter or response.
func (f *facts) ref() string {
	r := ""
	if f.complaint != nil {
		r = f.complaint.Reference
	}
	for i := len(f.events) - 1; i >= 0 && strings.TrimSpace(r) == ""; i-- {
		if e := f.events[i]; e.Kind == evidence.KindContact || e.Kind == evidence.KindLetter || e.Kind == evidence.KindResponse {
			r = e.Reference
		}
	}
	if r = f.red(r); r == "" {
		return ""
	}
	return f.t("post.ref", "ref", r)
}

func (f *facts) mention() string { return f.at }

// Paragraphs of the long form.
const (
	paraHead = iota
	paraStory
	paraTimeline
	paraAsk
	paraEnd
)

// short builds the short form: mention, what happened, the promise, the
// complaint, the request and the reference, in one paragraph.
func (f *facts) short() []*slot {
	var slots []*slot
	add := func(s *slot) *slot {
		if s != nil {
			slots = append(slots, s)
		}
		return s
	}
	if m := add(newSlot(0, nil, false, f.mention())); m != nil {
		m.mention = true
	}
	add(newSlot(0, nil, false, f.happened()))
	if p, ok, broken := f.mainPromise(); ok {
		main, compact := f.promiseSentence(p), f.compactPromise(p)
		if broken >= 2 {
			n := strconv.Itoa(broken)
			add(newSlot(0, []int{10, 15, 50}, true,
				main+f.gap()+f.t("post.promise.count", "n", n),
				compact+f.gap()+f.t("post.short.promise.count", "n", n),
				compact))
		} else {
			add(newSlot(0, []int{10, 50}, true, main, compact))
		}
	}
	add(newSlot(0, []int{20}, true, f.complaintSentence()))
	asks := append(f.asks(), f.t("post.short.ask."+string(f.problem()), "provider", f.provider()))
	if a := add(newSlot(0, []int{30, 35}, false, asks...)); a != nil {
		a.ask = true
	}
	add(newSlot(0, []int{40}, true, f.ref()))
	return slots
}

// long builds the long form: the headline, the story (promise, complaint,
// escalations), the timeline, the request, the evidence and reference.
func (f *facts) long() []*slot {
	var slots []*slot
	add := func(s *slot) *slot {
		if s != nil {
			slots = append(slots, s)
		}
		return s
	}
	if m := add(newSlot(paraHead, nil, false, f.mention())); m != nil {
		m.mention = true
	}
	add(newSlot(paraHead, nil, false, f.happened()))
	if p, ok, broken := f.mainPromise(); ok {
		main := f.promiseSentence(p)
		if p.broken {
			main += f.gap() + f.t("post.promise.passed")
		}
		add(newSlot(paraStory, []int{45}, true, main))
		if broken >= 2 {
			add(newSlot(paraStory, []int{32}, true, f.t("post.promise.count", "n", strconv.Itoa(broken))))
		}
	}
	add(newSlot(paraStory, []int{40}, true, f.complaintSentence()))
	for _, e := range f.escalated {
		key := "post.escalated.regulator"
		if e.Letter.To == evidence.ToAssociation {
			key = "post.escalated.association"
		}
		add(newSlot(paraStory, []int{30}, true, f.t(key, "date", f.date(e.At))))
	}
	for _, e := range f.events {
		full, base, prio := f.line(e)
		steps := []int{8, prio}
		if full == "" {
			steps = steps[1:]
		}
		if s := add(newSlot(paraTimeline, steps, true, full, base)); s != nil {
			s.line = true
		}
	}
	if a := add(newSlot(paraAsk, []int{35}, false, f.asks()...)); a != nil {
		a.ask = true
	}
	switch {
	case f.exhibits == 1:
		add(newSlot(paraEnd, []int{5}, true, f.t("post.evidence-one")))
	case f.exhibits > 1:
		add(newSlot(paraEnd, []int{5}, true, f.t("post.evidence", "n", strconv.Itoa(f.exhibits))))
	}
	add(newSlot(paraEnd, []int{42}, true, f.ref()))
	return slots
}

func (f *facts) gap() string {
	if f.lang == evidence.Chinese {
		return ""
	}
	return " "
}

// line is one timeline entry: with the user's own words (summary,
// promise, outcome) and without them, and the priority of dropping it.
// Notes, screenshots and documents have none.
func (f *facts) line(e evidence.Event) (full, base string, prio int) {
	var parts, detail []string
	prio = 10
	switch {
	case e.Kind == evidence.KindTransaction && e.Transaction != nil:
		t := e.Transaction
		prio = 12
		parts = append(parts, f.t("post.line.tx"))
		if m := f.money(t.Amount); m != "" {
			parts = append(parts, m)
		}
		if id := f.red(t.TxID); id != "" {
			parts = append(parts, f.t("post.line.txid", "id", id))
		}
		if st := f.red(t.Status); st != "" {
			parts = append(parts, f.t("post.line.status", "status", st))
		}
	case e.Kind == evidence.KindContact && e.Contact != nil:
		c := e.Contact
		parts = append(parts, f.l.Label("channel", string(c.Channel)))
		if hasTag(&e, "complaint", "投诉") {
			parts = append(parts, f.t("post.line.complaint-contact"))
			prio = 16
		}
		if a := f.agent(c.Agent); a != "" {
			parts = append(parts, f.t("post.line.agent", "agent", a))
		}
		if pr := f.red(c.Promise); pr != "" {
			detail = append(detail, f.t("post.line.promise", "promise", trimStop(pr)))
		}
		if c.PromiseBy != nil {
			parts = append(parts, f.t("post.line.due", "due", f.longDateTime(*c.PromiseBy)))
			prio = max(prio, 14)
		}
	case e.Kind == evidence.KindLetter && e.Letter != nil:
		prio = 16
		switch party(e.Letter.To) {
		case evidence.ToProvider:
			parts = append(parts, f.t("post.line.complaint", "provider", f.provider()))
		case evidence.ToAssociation:
			parts = append(parts, f.t("post.line.escalated.association"))
		default:
			parts = append(parts, f.t("post.line.escalated.regulator"))
		}
	case e.Kind == evidence.KindResponse && e.Response != nil:
		prio = 16
		from := f.provider()
		if p := party(e.Response.From); p != evidence.ToProvider {
			from = f.l.Label("party", p)
		}
		parts = append(parts, f.t("post.line.reply", "from", from))
		if e.Response.Final {
			parts = append(parts, f.t("post.line.final"))
		}
		if o := f.red(e.Response.Outcome); o != "" {
			detail = append(detail, f.t("post.quoted", "text", trimStop(o)))
		}
	default:
		return "", "", 0
	}
	if s := f.red(e.Summary); s != "" {
		detail = append([]string{trimStop(s)}, detail...)
	}
	sep := f.t("post.separator.list")
	date := f.longDateTime(e.At)
	base = f.t("post.line", "date", date, "text", strings.Join(parts, sep))
	if len(detail) > 0 {
		full = f.t("post.line", "date", date, "text", strings.Join(append(parts, detail...), sep))
	}
	return full, base, prio
}
