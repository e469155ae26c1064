package app

import (
	"context"
	"io"
	"os"
	"strings"
	"time"

	"redress/escalation"
	"redress/evidence"
	"redress/lang"
	"redress/post"
	"redress/store"
)

// The public step (issue 17): a factual post drafted from the timeline,
// when the status panel may suggest it, and the post and the provider's
// public replies recorded as evidence.

// PostOptions choose the draft of a public post.
type PostOptions struct {
	Lang           evidence.Language // "" = the case's letter language
	Length         post.Length       // "" = post.Short
	Mention        string            // the provider's official account, e.g. "@OKPay客服"; starts the post
	KeepAgentNames bool              // agents' names as recorded instead of their staff number or initial
}

// PostDraft drafts the public post for a case from its timeline, as of
// now (post.Compose). When even the essential sentences do not fit, the
// shortest draft comes back with the *lang.Error "post.too-long".
func (a *App) PostDraft(ctx context.Context, caseRef string, o PostOptions) (post.Draft, error) {
	c, err := a.Case(ctx, caseRef)
	if err != nil {
		return post.Draft{}, err
	}
	evs, err := a.store.Timeline(ctx, c.ID, store.Query{OldestFirst: true})
	if err != nil {
		return post.Draft{}, err
	}
	if o.Lang == "" {
		o.Lang = c.Language
		if o.Lang == "" {
			o.Lang = LetterLanguage(c.Jurisdiction, lang.EN)
		}
	}
	if o.Length == "" {
		o.Length = post.Short
	}
	return post.Compose(c, evs, o.Lang, o.Length, post.Options{Now: a.now(), KeepAgentNames: o.KeepAgentNames,
		Mention: strings.TrimSpace(o.Mention)})
}

// PostSuggestion says whether the status panel may suggest the public
// post for a case now, and why (post.Suggest), with the facts it was
// decided on.
type PostSuggestion struct {
	OK    bool        `json:"ok"`
	Why   post.Reason `json:"why"`
	Facts post.Facts  `json:"facts"`
}

// PostSuggestion decides whether the public post may be suggested: only
// after the formal complaint's reply time has run out — the statutory
// reply date from the assessment (the extended one after a holding reply;
// Regulation E's investigation date for a US error), never the provider's
// own promise — and never before the provider had a fair chance
// (post.FairChanceDays), or once the provider gave its final response.
func (a *App) PostSuggestion(ctx context.Context, caseRef string) (PostSuggestion, error) {
	c, err := a.Case(ctx, caseRef)
	if err != nil {
		return PostSuggestion{}, err
	}
	evs, err := a.store.Timeline(ctx, c.ID, store.Query{OldestFirst: true})
	if err != nil {
		return PostSuggestion{}, err
	}
	as, err := a.assess(ctx, c, evs)
	if err != nil {
		return PostSuggestion{}, err
	}
	return postSuggestion(c, evs, as, a.now()), nil
}

func postSuggestion(c evidence.Case, evs []evidence.Event, as escalation.Assessment, now time.Time) PostSuggestion {
	lm := escalation.LandmarksOf(c, evs)
	f := post.Facts{Complained: lm.Complaint, FinalReply: lm.Final, Posted: lm.Public, Now: now,
		Settled: c.Status == evidence.Resolved || c.Status == evidence.Closed}
	if due, ok := escalation.ComplaintReplyDue(as); ok {
		f.ReplyDue = due
	}
	ok, why := post.Suggest(f)
	return PostSuggestion{OK: ok, Why: why, Facts: f}
}

// Landmarks returns the moments of a case's timeline the public step
// depends on and the rungs of its ladder actually taken (the status
// panel's ladder).
func (a *App) Landmarks(ctx context.Context, caseRef string) (escalation.Landmarks, error) {
	c, err := a.Case(ctx, caseRef)
	if err != nil {
		return escalation.Landmarks{}, err
	}
	evs, err := a.store.Timeline(ctx, c.ID, store.Query{OldestFirst: true})
	if err != nil {
		return escalation.Landmarks{}, err
	}
	return escalation.LandmarksOf(c, evs), nil
}

// PostRecord is a public post as the user records it ("I posted it").
type PostRecord struct {
	At          string   // when it was posted: RFC 3339 or local "2006-01-02 15:04"; "" = now
	Link        string   // the post's address
	Text        string   // what was posted
	Screenshots []string // files to keep with it (optional)
}

// RecordPost records a public post as a contact event: channel social,
// outbound, tagged "public" (the optional public step of the ladder), the
// link as its reference, the text as its summary and the screenshots
// attached to it, in one transaction. A file that cannot be attached
// stops it with a message naming the file, and nothing is written.
func (a *App) RecordPost(ctx context.Context, caseRef string, in PostRecord) (evidence.Event, error) {
	return a.recordWithFiles(ctx, caseRef, EventInput{Kind: string(evidence.KindContact), At: in.At,
		Channel: string(evidence.Social), Direction: evidence.Outbound, Ref: strings.TrimSpace(in.Link),
		Summary: strings.TrimSpace(in.Text), Tags: []string{PublicTag}}, in.Screenshots)
}

// PublicTag marks a public post and the provider's public replies to it.
const PublicTag = "public"

// PostReply is a reply from the provider's official account to a public
// post.
type PostReply struct {
	At          string   // when it replied; "" = now
	Account     string   // the account that replied, e.g. "@OKPay客服"
	Text        string   // what it said
	Link        string   // the reply's address
	Screenshots []string // files to keep with it (optional)
}

// RecordPostReply records the provider's public reply to the post postID,
// in that post's case, as a response from the provider (its words as the outcome, the link as
// the reference, tagged "public"), with its screenshots attached. A reply
// dated before the post is refused: the field "at" names it.
func (a *App) RecordPostReply(ctx context.Context, postID string, r PostReply) (evidence.Event, error) {
	p, err := a.store.Event(ctx, postID)
	if err != nil {
		return evidence.Event{}, err
	}
	in := EventInput{Kind: string(evidence.KindResponse), At: r.At, From: evidence.ToProvider,
		Name: strings.TrimSpace(r.Account), Outcome: strings.TrimSpace(r.Text), Ref: strings.TrimSpace(r.Link),
		Tags: []string{PublicTag}}
	e, err := in.Event(a.now(), a.loc)
	if err == nil && e.At.Before(p.At) {
		err = lang.E("lawui.reply-before-post", "at", e.At.In(a.loc).Format("2006-01-02 15:04"),
			"posted", p.At.In(a.loc).Format("2006-01-02 15:04"))
	}
	if err != nil {
		return e, err
	}
	return a.recordWithFiles(ctx, p.CaseID, in, r.Screenshots)
}

// recordWithFiles adds an event with files attached to it, in one
// transaction; every file is checked first.
func (a *App) recordWithFiles(ctx context.Context, caseRef string, in EventInput, paths []string) (evidence.Event, error) {
	id, err := a.store.ResolveCase(ctx, caseRef)
	if err != nil {
		return evidence.Event{}, err
	}
	e, err := in.Event(a.now(), a.loc)
	if err != nil {
		return e, err
	}
	var files []store.File
	for _, c := range a.CheckFiles(paths) {
		if c.Err != nil {
			return e, c.Err
		}
		path := c.Path
		files = append(files, store.File{Name: c.Name, Open: func() (io.ReadCloser, error) { return os.Open(path) }})
	}
	e.CaseID = id
	if err := a.store.AddEvent(ctx, &e, files); err != nil {
		return e, err
	}
	return e, nil
}
