package escalation

import (
	"time"

	"redress/evidence"
)

// Warning is a caution for the user — before a letter is composed, or
// about the route a case is on — as a translation key with its {name}
// placeholders (name, value pairs; dates as YYYY-MM-DD).
type Warning struct {
	Key  string   `json:"key"`
	Args []string `json:"args,omitempty"`
	// Source is the rule, right or body the warning rests on, if any.
	Source string `json:"source,omitempty"`
}

// The warning keys, with their placeholders.
const (
	warnComplainFirst   = "esc.warn.complain-first"
	warnPremature       = "esc.warn.premature" // {date}
	warnCN152           = "esc.warn.cn-15-2"
	warnCNRoute         = "esc.warn.cn-route"
	warnCNAssociation   = "esc.warn.cn-association-closes-12315"
	warnCityMissing     = "esc.warn.city-missing"
	warnCityMissingPBoC = "esc.warn.city-missing-pboc"
	warnAdviserOnly     = "esc.warn.adviser-only"
	warnECC             = "esc.warn.eu-ecc"
	warnRecordForwarded = "esc.warn.record-forwarded"
)

var warningKeys = []string{warnComplainFirst, warnPremature, warnCN152, warnCNRoute, warnCNAssociation,
	warnCityMissing, warnCityMissingPBoC, warnAdviserOnly, warnECC, warnRecordForwarded}

// caseWarnings are the standing warnings of a case: in China, the choice
// between the 12315 platform and the consumer association (12315 refuses a
// dispute an association already handled), and in the US, that the CFPB's
// 15 and 60 days only run once the CFPB sent the complaint on.
func (tl *timeline) caseWarnings() []Warning {
	var out []Warning
	switch tl.c.Jurisdiction {
	case evidence.CN:
		switch {
		case tl.association != nil && tl.platform == nil:
			out = append(out, Warning{Key: warnCN152, Source: "cn.12315"})
		case tl.association == nil && tl.platform == nil && tl.regulator == nil:
			out = append(out, Warning{Key: warnCNRoute, Source: "cn.12315"})
		}
	case evidence.US:
		if tl.regulator != nil && tl.forwarded == nil && BodyOf(tl.c.Jurisdiction, tl.regulator) == "us.cfpb" {
			out = append(out, Warning{Key: warnRecordForwarded, Source: "us.regulator-reply"})
		}
	}
	return out
}

// LetterWarnings returns what the user should know before composing a
// letter to party (evidence.ToProvider, ToAssociation or ToRegulator)
// addressed to body (a Body ID; "" for the party's default) on the date
// now, for a case in in. city is the case's city ("" when not given).
//
//   - A letter to a body before any formal complaint to the provider:
//     bodies send such complaints back (complain first).
//   - A letter to a body while the provider's legal time to answer has
//     not run out (UK: before the ombudsman may take the case; US: before
//     Regulation E's 10 business days; elsewhere: before the statutory
//     reply date) and no final response came: saying it "did not answer"
//     is premature, and the body may send the case back.
//   - CN: a letter to the 12315 platform after a consumer association
//     handled the dispute (art. 15(2): not accepted), or to the
//     association before any 12315 complaint (that closes the 12315
//     route); a letter to the local association without the city.
//   - A body that only advises (UK Citizens Advice), or only helps across
//     borders (the European Consumer Centres).
//
// The provider's own promises never cause a warning: they do not decide
// when a body may be approached.
func LetterWarnings(in Input, party, body, city string, now time.Time) []Warning {
	if party == "" || party == evidence.ToProvider {
		return nil
	}
	tl := newTimeline(in.Case, in.Events)
	j := in.Case.Jurisdiction
	b, ok := LookupBody(body)
	if !ok || b.Jurisdiction != j || b.Party != party {
		b = DefaultBody(j, party)
	}
	var out []Warning
	if tl.complaint == nil && tl.final == nil {
		out = append(out, Warning{Key: warnComplainFirst})
	} else if tl.final == nil && !b.AdviserOnly {
		ds := tl.deadlines(in.Calendar, in.Overrides, now)
		for _, d := range ds {
			if d.Nature == ProviderPromise {
				continue
			}
			gate := false
			switch j {
			case evidence.UK:
				gate = d.Clock == ClockOmbudsmanAfter && d.Status != Available
			case evidence.US:
				gate = d.Clock == ClockErrorInvestigation && d.Open() && !now.After(d.Due)
			default:
				gate = (d.Clock == ClockComplaintReply || d.Clock == ClockComplaintReplyExtended) && d.Open() && !now.After(d.Due)
			}
			if gate {
				out = append(out, Warning{Key: warnPremature, Args: []string{"date", date(d.Due)}, Source: d.RuleID})
				break
			}
		}
	}
	switch {
	case b.ID == "cn.12315" && tl.association != nil:
		out = append(out, Warning{Key: warnCN152, Source: b.ID})
	case b.ID == "cn.association" && tl.platform == nil:
		out = append(out, Warning{Key: warnCNAssociation, Source: "cn.12315"})
	}
	if b.NeedsCity && city == "" {
		key := warnCityMissing
		if b.ID == "cn.pboc" {
			key = warnCityMissingPBoC
		}
		out = append(out, Warning{Key: key, Source: b.ID})
	}
	if b.AdviserOnly {
		out = append(out, Warning{Key: warnAdviserOnly, Source: b.ID})
	}
	if b.CrossBorderOnly {
		out = append(out, Warning{Key: warnECC, Source: b.ID})
	}
	return out
}
