package letters

import "strings"

// Narrative is the account of the dispute a complaint form asks for ("What
// happened?", 投诉内容): the letter's paragraphs on what happened, the
// transactions, the contacts and promises, the complaint so far and the
// other steps taken — without the letter's opening, request, rules or
// dates — in the input's language, paragraphs separated by blank lines.
func Narrative(in Input) string {
	f := newFacts(in)
	w := writerFor(f.lang, f.c.Jurisdiction, f.rep != nil)
	var ps []string
	add := func(p string) {
		if p = strings.TrimSpace(p); p != "" {
			ps = append(ps, p)
		}
	}
	add(w.happened(f))
	add(w.transactions(f))
	add(w.contacts(f))
	for _, c := range f.contacts {
		if c.Contact.Promise != "" || c.Contact.PromiseBy != nil {
			add(w.promise(f, c))
		}
	}
	add(w.history(f))
	add(w.otherSteps(f))
	return strings.Join(ps, "\n\n")
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
