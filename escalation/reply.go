package escalation

import (
	"slices"
	"time"

	"redress/evidence"
)

// ReplyRule returns the rule whose window a letter gives its addressee to
// answer: for the provider, the statutory reply to a complaint (UK and EU:
// 15 business days; CN: 15 days, check locally; US: Regulation E's 10
// business days for an error, else none; OTHER: the user's window); for a
// Chinese authority (the 12315 platform, the PBoC or NFRA), its 7 working
// days; for other bodies none (they set their own pace). ok is false when
// no rule applies or the case switched it off.
func ReplyRule(c evidence.Case, party, body string, overrides map[string]Duration) (r Rule, w Duration, ok bool) {
	id := ""
	switch party {
	case "", evidence.ToProvider:
		switch c.Jurisdiction {
		case evidence.CN, evidence.EU, evidence.UK, evidence.Other:
			id = string(toLower(c.Jurisdiction)) + ".complaint-reply"
		case evidence.US:
			if slices.Contains(errorProblems, c.Problem) {
				id = "us.error-investigation"
			}
		}
	case evidence.ToRegulator:
		if c.Jurisdiction != evidence.CN {
			break
		}
		if b, found := LookupBody(body); found && b.ID == "cn.12315" {
			id = "cn.platform-accept"
		} else {
			id = "cn.authority-reply"
		}
	}
	if r, ok = Lookup(id); !ok {
		return Rule{}, Duration{}, false
	}
	w = window(r, overrides)
	return r, w, !w.IsZero()
}

// ReplyBy is the date a letter written on date asks its addressee to
// answer by under ReplyRule, counted from the letter's date (the statutory
// window runs from receipt, so the letter says "if it reaches you today":
// never shorter than the law). ok is false when no rule applies.
func ReplyBy(c evidence.Case, party, body string, letterDate time.Time, cal *Calendar, overrides map[string]Duration) (time.Time, Rule, bool) {
	r, w, ok := ReplyRule(c, party, body, overrides)
	if !ok {
		return time.Time{}, Rule{}, false
	}
	return cal.due(letterDate, w), r, true
}

func toLower(j evidence.Jurisdiction) evidence.Jurisdiction {
	b := []byte(j)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return evidence.Jurisdiction(b)
}
