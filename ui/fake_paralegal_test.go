package ui

import (
	"context"
	"time"

	"redress/app"
	"redress/evidence"
	"redress/lang"
	"redress/letters"
)

// fakeParalegal implements the paralegal panels' interfaces: each method
// calls its function field, or returns zero values when it is nil.
type fakeParalegal struct {
	ProfileFn             func(ctx context.Context) (evidence.Profile, bool, error)
	SaveProfileFn         func(ctx context.Context, p evidence.Profile) (evidence.Profile, error)
	ClientsFn             func(ctx context.Context, archived bool) ([]evidence.Client, error)
	NewClientFn           func(ctx context.Context, c evidence.Client) (evidence.Client, error)
	UpdateClientFn        func(ctx context.Context, c *evidence.Client) ([]string, error)
	ExportClientFn        func(ctx context.Context, ref, dir string, opts app.ExportOptions) ([]string, error)
	FormAnswersFn         func(ctx context.Context, caseRef string, l lang.Lang, only string) ([]app.FormView, error)
	RecordsRequestFn      func(ctx context.Context, caseRef string, language evidence.Language) (string, bool, error)
	ComposeRecordsFn      func(ctx context.Context, caseRef string, language evidence.Language) (string, error)
	SaveRecordsDraftFn    func(ctx context.Context, caseID string, language evidence.Language, text string) error
	RecordsPDFFn          func(ctx context.Context, caseRef string, opts app.DocumentOptions) (app.DossierRecord, error)
	MarkRecordsSentFn     func(ctx context.Context, caseRef string, rec app.DossierRecord, method string, at time.Time) (evidence.Event, error)
	AuthorityFn           func(ctx context.Context, caseRef string, opts app.DocumentOptions) (letters.Document, error)
	AuthorityPDFFn        func(ctx context.Context, caseRef string, opts app.DocumentOptions) (int, error)
	AddSignedAuthorityFn  func(ctx context.Context, caseRef string, paths []string, caption string) (evidence.Event, error)
	DossierEntriesFn      func(ctx context.Context, caseRef string, to letters.Recipient) ([]app.DossierEntry, error)
	SetDossierSelectionFn func(ctx context.Context, caseRef string, to letters.Recipient, leftOut []string) error
}

var (
	_ profileEditor  = (*fakeParalegal)(nil)
	_ clientKeeper   = (*fakeParalegal)(nil)
	_ formAnswerer   = (*fakeParalegal)(nil)
	_ recordsMaker   = (*fakeParalegal)(nil)
	_ authorityMaker = (*fakeParalegal)(nil)
	_ entryChooser   = (*fakeParalegal)(nil)
)

func (f *fakeParalegal) Profile(ctx context.Context) (evidence.Profile, bool, error) {
	if f.ProfileFn == nil {
		return evidence.Profile{}, false, nil
	}
	return f.ProfileFn(ctx)
}

func (f *fakeParalegal) SaveProfile(ctx context.Context, p evidence.Profile) (evidence.Profile, error) {
	if f.SaveProfileFn == nil {
		return p, nil
	}
	return f.SaveProfileFn(ctx, p)
}

func (f *fakeParalegal) Clients(ctx context.Context, archived bool) ([]evidence.Client, error) {
	if f.ClientsFn == nil {
		return nil, nil
	}
	return f.ClientsFn(ctx, archived)
}

func (f *fakeParalegal) NewClient(ctx context.Context, c evidence.Client) (evidence.Client, error) {
	if f.NewClientFn == nil {
		return c, nil
	}
	return f.NewClientFn(ctx, c)
}

func (f *fakeParalegal) UpdateClient(ctx context.Context, c *evidence.Client) ([]string, error) {
	if f.UpdateClientFn == nil {
		return nil, nil
	}
	return f.UpdateClientFn(ctx, c)
}

func (f *fakeParalegal) ExportClient(ctx context.Context, ref, dir string, opts app.ExportOptions) ([]string, error) {
	if f.ExportClientFn == nil {
		return nil, nil
	}
	return f.ExportClientFn(ctx, ref, dir, opts)
}

func (f *fakeParalegal) FormAnswers(ctx context.Context, caseRef string, l lang.Lang, only string) ([]app.FormView, error) {
	if f.FormAnswersFn == nil {
		return nil, nil
	}
	return f.FormAnswersFn(ctx, caseRef, l, only)
}

func (f *fakeParalegal) RecordsRequest(ctx context.Context, caseRef string, language evidence.Language) (string, bool, error) {
	if f.RecordsRequestFn == nil {
		return "", false, nil
	}
	return f.RecordsRequestFn(ctx, caseRef, language)
}

func (f *fakeParalegal) ComposeRecords(ctx context.Context, caseRef string, language evidence.Language) (string, error) {
	if f.ComposeRecordsFn == nil {
		return "", nil
	}
	return f.ComposeRecordsFn(ctx, caseRef, language)
}

func (f *fakeParalegal) SaveRecordsDraft(ctx context.Context, caseID string, language evidence.Language, text string) error {
	if f.SaveRecordsDraftFn == nil {
		return nil
	}
	return f.SaveRecordsDraftFn(ctx, caseID, language, text)
}

func (f *fakeParalegal) RecordsPDF(ctx context.Context, caseRef string, opts app.DocumentOptions) (app.DossierRecord, error) {
	if f.RecordsPDFFn == nil {
		return app.DossierRecord{}, nil
	}
	return f.RecordsPDFFn(ctx, caseRef, opts)
}

func (f *fakeParalegal) MarkRecordsSent(ctx context.Context, caseRef string, rec app.DossierRecord, method string, at time.Time) (evidence.Event, error) {
	if f.MarkRecordsSentFn == nil {
		return evidence.Event{}, nil
	}
	return f.MarkRecordsSentFn(ctx, caseRef, rec, method, at)
}

func (f *fakeParalegal) Authority(ctx context.Context, caseRef string, opts app.DocumentOptions) (letters.Document, error) {
	if f.AuthorityFn == nil {
		return letters.Document{}, nil
	}
	return f.AuthorityFn(ctx, caseRef, opts)
}

func (f *fakeParalegal) AuthorityPDF(ctx context.Context, caseRef string, opts app.DocumentOptions) (int, error) {
	if f.AuthorityPDFFn == nil {
		return 0, nil
	}
	return f.AuthorityPDFFn(ctx, caseRef, opts)
}

func (f *fakeParalegal) AddSignedAuthority(ctx context.Context, caseRef string, paths []string, caption string) (evidence.Event, error) {
	if f.AddSignedAuthorityFn == nil {
		return evidence.Event{}, nil
	}
	return f.AddSignedAuthorityFn(ctx, caseRef, paths, caption)
}

func (f *fakeParalegal) DossierEntries(ctx context.Context, caseRef string, to letters.Recipient) ([]app.DossierEntry, error) {
	if f.DossierEntriesFn == nil {
		return nil, nil
	}
	return f.DossierEntriesFn(ctx, caseRef, to)
}

func (f *fakeParalegal) SetDossierSelection(ctx context.Context, caseRef string, to letters.Recipient, leftOut []string) error {
	if f.SetDossierSelectionFn == nil {
		return nil
	}
	return f.SetDossierSelectionFn(ctx, caseRef, to, leftOut)
}
