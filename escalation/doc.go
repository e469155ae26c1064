// Package escalation tells where a complaint stands, what to do next, and
// what the law says about it.
//
// It is pure and table-driven. The complaint clocks of each jurisdiction
// are data ([Rule], each with its [Source], its [Nature] — the law, the
// provider's own promise, or a window the user set — and its [Effect] —
// the other side must act, the user may act from then on, or the user's
// own limit); the rights a consumer relies on ([Right], [Rights]) and the
// complaint bodies with what to ask each ([Body], [Bodies], [BodyOf]) are
// data too. docs/RULES.md lists every entry with its source and the date
// it was checked ([Checked]). A [Calendar] counts business days with
// weekends, holidays and make-up working days (imported from iCalendar
// files with [ParseICS]); and [Assess] derives from a case and its
// timeline the ladder position, the deadlines with their status, the next
// step, the evidence checklist, the rights and the standing warnings.
// [Attention] ranks open deadlines across cases; [LetterWarnings] says
// what to know before a letter goes to a body; [ReplyBy] is the date a
// letter may ask for (never shorter than the law); [ShowsChecklist] and
// [ShowsDeadline] keep the missing evidence and the user's own limits out
// of documents for the provider and the bodies.
//
// Only the law (or a window the user set) decides when a body may be
// approached: the provider's own promises (top-up in 24 hours, withdrawal
// in 1–3 business days, replies in 24 hours…) only time the first
// contacts, and read "promise not kept" when broken. A date from which the
// user may act reads "available since", never overdue.
//
// Every user-facing string is a translation key (prefixed "esc.") with its
// {name} placeholders; the English and Chinese texts are in
// lang/en/law.json and lang/zh/law.json. The rules are guidance, not legal
// advice: show [DisclaimerKey] with them, and [CheckLocallyKey] beside
// figures marked CheckLocally.
//
// Tags: the timeline tells the ladder apart by event kinds and a few tags
// (compared in lower case): "self-check" (also "self-check-<step>" and
// "自查") for self-check notes, "complaint" ("投诉") for a contact that is a
// formal complaint (an in-app one is the in-app complaint form), "public"
// ("公开") for a public social-media post, "legal" ("lawyer", "律师") for
// legal help, "forwarded" ("sent-to-company", "已转办") for the regulator's
// message that it sent the complaint on, "accepted" ("受理") for the 12315
// platform's acceptance, and "six-months" ("告知时限") for a UK final
// response that told the user of the six-month limit. Evidence checklist
// items are ticked by the tags in [Item.Tags] or by event data (see
// [EvidenceItems]).
//
// Times: a deadline is computed in the time zone of the event that started
// it (the location of its At). Windows counted in hours are exact elapsed
// time; windows counted in days, business days, weeks, months or years end
// at the last second (23:59:59) of their final day in that zone, because
// the other side has the whole of that day.
package escalation
