// Package escalation tells where a complaint stands and what to do next.
//
// It is pure and table-driven: the complaint clocks of each jurisdiction are
// data ([Rule], each with its [Source]); a [Calendar] counts business days
// with weekends, holidays and make-up working days (imported from iCalendar
// files with [ParseICS]); and [Assess] derives from a case and its timeline
// the ladder position, the deadlines with their status, the next step and
// the evidence checklist. [Attention] ranks open deadlines across cases.
//
// Every user-facing string is a translation key (prefixed "esc.") with its
// {name} placeholders; the English and Chinese texts are in lang/en/*.json
// and lang/zh/*.json. The rules are guidance, not legal advice: show [DisclaimerKey] with them.
//
// Tags: the timeline tells the ladder apart by event kinds and a few tags
// (compared in lower case): "self-check" (also "self-check-<step>" and
// "自查") for self-check notes, "complaint" ("投诉") for a contact that is a
// formal complaint, "public" ("公开") for a public social-media post, and
// "legal" ("lawyer", "律师") for legal help. Evidence checklist items are
// ticked by the tags in [Item.Tags] or by event data (see [EvidenceItems]).
//
// Times: a deadline is computed in the time zone of the event that started
// it (the location of its At). Windows counted in hours are exact elapsed
// time; windows counted in days, business days, weeks or months end at the
// last second (23:59:59) of their final day in that zone, because the
// provider has the whole of that day.
package escalation
