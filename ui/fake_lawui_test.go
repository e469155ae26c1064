package ui

import (
	"context"

	"redress/app"
	"redress/escalation"
	"redress/evidence"
	"redress/letters"
	"redress/post"
)

// fakeLawDesk implements lawDesk.
type fakeLawDesk struct {
	BodiesFn           func(ctx context.Context, caseRef string) ([]app.BodyChoice, error)
	LetterDetailsFn    func(ctx context.Context, caseRef string) (app.LetterDetails, error)
	SetAddresseeFn     func(ctx context.Context, caseRef, party string, ad app.Addressee) error
	SetLetterDetailsFn func(ctx context.Context, caseRef string, d app.LetterDetails) error
	LetterWarningsFn   func(ctx context.Context, caseRef string, to letters.Recipient, body string) ([]escalation.Warning, error)
	LandmarksFn        func(ctx context.Context, caseRef string) (escalation.Landmarks, error)
}

var _ lawDesk = (*fakeLawDesk)(nil)

func (f *fakeLawDesk) Bodies(ctx context.Context, caseRef string) ([]app.BodyChoice, error) {
	if f.BodiesFn == nil {
		return nil, nil
	}
	return f.BodiesFn(ctx, caseRef)
}

func (f *fakeLawDesk) LetterDetails(ctx context.Context, caseRef string) (app.LetterDetails, error) {
	if f.LetterDetailsFn == nil {
		return app.LetterDetails{}, nil
	}
	return f.LetterDetailsFn(ctx, caseRef)
}

func (f *fakeLawDesk) SetAddressee(ctx context.Context, caseRef, party string, ad app.Addressee) error {
	if f.SetAddresseeFn == nil {
		return nil
	}
	return f.SetAddresseeFn(ctx, caseRef, party, ad)
}

func (f *fakeLawDesk) SetLetterDetails(ctx context.Context, caseRef string, d app.LetterDetails) error {
	if f.SetLetterDetailsFn == nil {
		return nil
	}
	return f.SetLetterDetailsFn(ctx, caseRef, d)
}

func (f *fakeLawDesk) LetterWarnings(ctx context.Context, caseRef string, to letters.Recipient, body string) ([]escalation.Warning, error) {
	if f.LetterWarningsFn == nil {
		return nil, nil
	}
	return f.LetterWarningsFn(ctx, caseRef, to, body)
}

func (f *fakeLawDesk) Landmarks(ctx context.Context, caseRef string) (escalation.Landmarks, error) {
	if f.LandmarksFn == nil {
		return escalation.Landmarks{}, nil
	}
	return f.LandmarksFn(ctx, caseRef)
}

// fakePoster implements poster.
type fakePoster struct {
	PostDraftFn       func(ctx context.Context, caseRef string, o app.PostOptions) (post.Draft, error)
	PostSuggestionFn  func(ctx context.Context, caseRef string) (app.PostSuggestion, error)
	RecordPostFn      func(ctx context.Context, caseRef string, in app.PostRecord) (evidence.Event, error)
	RecordPostReplyFn func(ctx context.Context, postID string, r app.PostReply) (evidence.Event, error)
}

var _ poster = (*fakePoster)(nil)

func (f *fakePoster) PostDraft(ctx context.Context, caseRef string, o app.PostOptions) (post.Draft, error) {
	if f.PostDraftFn == nil {
		return post.Draft{}, nil
	}
	return f.PostDraftFn(ctx, caseRef, o)
}

func (f *fakePoster) PostSuggestion(ctx context.Context, caseRef string) (app.PostSuggestion, error) {
	if f.PostSuggestionFn == nil {
		return app.PostSuggestion{}, nil
	}
	return f.PostSuggestionFn(ctx, caseRef)
}

func (f *fakePoster) RecordPost(ctx context.Context, caseRef string, in app.PostRecord) (evidence.Event, error) {
	if f.RecordPostFn == nil {
		return evidence.Event{}, nil
	}
	return f.RecordPostFn(ctx, caseRef, in)
}

func (f *fakePoster) RecordPostReply(ctx context.Context, postID string, r app.PostReply) (evidence.Event, error) {
	if f.RecordPostReplyFn == nil {
		return evidence.Event{}, nil
	}
	return f.RecordPostReplyFn(ctx, postID, r)
}
