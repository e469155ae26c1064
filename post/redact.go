package post

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"redress/evidence"
)

// newRedactor returns the function every piece of user text goes through
// before it reaches a post — the dossier rule plus what a public post
// needs on top:
//
//  1. one line, single spaces, no control characters;
//  2. agents' names as recorded on contacts are replaced by their
//     evidence.AgentLabel ("王小明" → "王某", "Sarah Jones" → "S."), and so
//     is each word of three or more letters of a Latin name ("Sarah"), unless
//     keepAgents is set;
//  3. the complainant's own contact details and address, when they appear
//     in the text, and any e-mail address become evidence.Mask;
//  4. identity document numbers are removed (evidence.RemoveIDs);
//  5. account, card and phone numbers keep their last four digits, and the
//     complainant's account ID wherever it appears (evidence.Redactor).
func newRedactor(c evidence.Case, contacts []evidence.Event, keepAgents bool) func(string) string {
	type swap struct{ from, to string }
	var swaps []swap
	if !keepAgents {
		for _, e := range contacts {
			raw := clean(e.Contact.Agent)
			label := evidence.AgentLabel(raw)
			name := agentName(raw)
			if utf8.RuneCountInString(name) >= 2 {
				swaps = append(swaps, swap{name, label})
			}
			if isLatin(name) {
				for _, w := range strings.Fields(name) {
					if len(w) >= 3 {
						swaps = append(swaps, swap{w, label})
					}
				}
			}
		}
	}
	for _, p := range []string{c.Complainant.Contact, c.Complainant.Address} {
		if p = clean(p); utf8.RuneCountInString(p) >= 5 {
			swaps = append(swaps, swap{p, evidence.Mask})
		}
	}
	// Longer names first, so that "Sarah Jones" goes before "Sarah".
	slices.SortStableFunc(swaps, func(a, b swap) int { return len(b.from) - len(a.from) })
	accounts := evidence.Redactor(c.Complainant.AccountID)
	return func(s string) string {
		s = clean(s)
		for _, w := range swaps {
			s = replaceWord(s, w.from, w.to)
		}
		s = emailPattern.ReplaceAllString(s, evidence.Mask)
		return accounts(evidence.RemoveIDs(s))
	}
}

var emailPattern = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+`)

var (
	staffMarks = regexp.MustCompile(`(?i)(?:[#＃]|工号|编号|no\.|\bid\b)[\s:：#]*[A-Za-z]{0,2}\d+\b`)
	roleLead   = regexp.MustCompile(`(?i)^(?:客服专员|客服|专员|customer service|agent|support)[\s:：,，]*`)
)

// agentName is the name part of an agent field: without the staff number
// and the role words around it.
func agentName(raw string) string {
	s := staffMarks.ReplaceAllString(raw, " ")
	s = roleLead.ReplaceAllString(strings.TrimSpace(s), "")
	s = strings.TrimRight(strings.TrimSpace(s), "0123456789 ,，:：")
	return strings.TrimSpace(s)
}

func isLatin(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == ' ' || r == '.' || r == '-' || r == '\'') {
			return false
		}
	}
	return true
}

// replaceWord replaces from with to; a Latin from only where it is a
// whole word.
func replaceWord(s, from, to string) string {
	if !isLatin(from) {
		return strings.ReplaceAll(s, from, to)
	}
	var b strings.Builder
	for {
		i := strings.Index(s, from)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := i + len(from)
		before := i > 0 && isASCIIAlnum(rune(s[i-1]))
		after := j < len(s) && isASCIIAlnum(rune(s[j]))
		b.WriteString(s[:i])
		if before || after {
			b.WriteString(from)
		} else {
			b.WriteString(to)
		}
		s = s[j:]
	}
}
