package post

import (
	"time"

	"redress/evidence"
	"redress/lang"
)

// FairChanceDays is the least time, in calendar days, a provider gets to
// answer a formal complaint before a public post may be suggested,
// whatever shorter reply time it announces for itself (a "24 h" promise):
// the reply period a complaint letter from Redress asks for where the law
// sets none (letters.ProviderReplyDays; where the law sets one, the letter
// asks for the statutory date, which reaches Suggest as ReplyDue). Like
// the date in the letter, the period ends at the end of its last day
// (23:59:59 in the complaint's zone), not 14×24 hours after the
// complaint: a letter that asks for a reply "by 10 December" has not been
// ignored at noon on 10 December.
const FairChanceDays = 14

// Facts are what Suggest needs to know about a case at a moment; the
// escalation assessment has them all.
type Facts struct {
	// Complained is when the first formal complaint reached the provider;
	// zero when none was made.
	Complained time.Time
	// ReplyDue is when the answer to it is due: the statutory reply
	// deadline, or the provider's own when it is the only one known
	// (escalation's complaint-reply clock). Zero when unknown.
	ReplyDue time.Time
	// FinalReply is when the provider's final response to the complaint
	// came; zero when none has.
	FinalReply time.Time
	// Posted is when a public post was recorded; zero when none was.
	Posted time.Time
	// Settled reports that the case is resolved or closed.
	Settled bool
	// Now is the moment of the assessment.
	Now time.Time
}

// Reason says why Suggest decided as it did: a translation key, and the
// date it names (when the step becomes possible, or became so).
type Reason struct {
	Key  string    `json:"key"`
	Date time.Time `json:"date,omitzero"`
}

// Text is the reason as a sentence in l, the date as YYYY-MM-DD.
func (r Reason) Text(l lang.Lang) string {
	if r.Date.IsZero() {
		return l.T(r.Key)
	}
	return l.T(r.Key, "date", r.Date.Format(evidence.DateLayout))
}

// Suggest decides whether the status panel may propose the public post.
// The rule: only after the formal complaint's reply time has run out, and
// never before the provider had a fair chance. In order:
//
//   - a settled case, or one already posted about, needs no suggestion;
//   - without a formal complaint the provider has had no fair chance: no;
//   - a final response to the complaint ends the provider's chance: yes,
//     from its date (the provider has answered and the case is still open);
//   - otherwise the step waits until both the reply deadline and the end
//     of the FairChanceDays-th day after the complaint have passed (the
//     later of the two): no before, yes after.
func Suggest(f Facts) (ok bool, why Reason) {
	switch {
	case f.Settled:
		return false, Reason{Key: "post.suggest.resolved"}
	case !f.Posted.IsZero():
		return false, Reason{Key: "post.suggest.posted", Date: f.Posted}
	case f.Complained.IsZero():
		return false, Reason{Key: "post.suggest.no-complaint"}
	case !f.FinalReply.IsZero() && !f.FinalReply.Before(f.Complained) && !f.FinalReply.After(f.Now):
		return true, Reason{Key: "post.suggest.final", Date: f.FinalReply}
	}
	from := FairChanceEnds(f.Complained)
	if f.ReplyDue.After(from) {
		from = f.ReplyDue
	}
	if !f.Now.After(from) {
		return false, Reason{Key: "post.suggest.waiting", Date: from}
	}
	return true, Reason{Key: "post.suggest.overdue", Date: from}
}

// FairChanceEnds is the end of the provider's fair chance to answer a
// complaint made at complained: the last second (23:59:59) of the
// FairChanceDays-th calendar day after it, in its zone.
func FairChanceEnds(complained time.Time) time.Time {
	y, m, d := complained.AddDate(0, 0, FairChanceDays).Date()
	return time.Date(y, m, d, 23, 59, 59, 0, complained.Location())
}
