package letters

import "strings"

// Narrative is the account of the dispute a complaint form asks for ("What
// happened?", 投诉内容): the letter's paragraphs on what happened, the
// transactions, the contacts and promises, the complaint so far and the
// other steps taken — without the letter's opening, request, rules or
// dates — in the input's language, paragraphs separated by blank lines.
func Narrative(in Input) string {
	f := newFacts(in)
	return strings.Join(story(writerFor(f.lang, f.c.Jurisdiction, f.rep != nil), f), "\n\n")
}

// story is the account of the dispute, paragraph by paragraph (empty ones
// left out): what happened, the transactions, the contacts and the
// promises made in them, the complaint so far and the other steps taken.
// The letter tells it between its opening and its legal basis.
func story(w writer, f *facts) []string {
	var ps []string
	for _, p := range []string{w.happened(f), w.transactions(f), w.contacts(f)} {
		ps = appendPara(ps, p)
	}
	for _, c := range f.contacts {
		if c.Contact.Promise != "" || c.Contact.PromiseBy != nil {
			ps = appendPara(ps, w.promise(f, c))
		}
	}
	ps = appendPara(ps, w.history(f))
	return appendPara(ps, w.otherSteps(f))
}

// appendPara appends p, trimmed, unless it is empty.
func appendPara(ps []string, p string) []string {
	if p = strings.TrimSpace(p); p != "" {
		ps = append(ps, p)
	}
	return ps
}

// Request is what the complainant asks for, for a complaint form: the
// remedy in their own words when they gave one, else the letter's request
// for the problem kind.
func Request(in Input) string {
	if r := strings.TrimSpace(in.Case.Remedy); r != "" {
		return r
	}
	f := newFacts(in)
	switch w := writerFor(f.lang, f.c.Jurisdiction, f.rep != nil).(type) {
	case zh:
		return "请求" + w.name(f) + w.remedy(f) + "。"
	case en:
		return "I ask " + w.name(f) + " to " + w.remedy(f) + "."
	}
	return ""
}
