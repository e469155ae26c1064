package ui

// Fakes of the interfaces the panels declare, in the style of
// benbjohnson/wtf's mock package: each method calls its function field, or
// returns zero values when the field is nil. fakeService joins them into a
// Service, so a whole UI runs with no database.

import (
	"context"
	"io"
	"time"

	"redress/app"
	"redress/escalation"
	"redress/evidence"
	"redress/letters"
)

// fakeClock implements clock.
type fakeClock struct {
	NowFn      func() time.Time
	LocationFn func() *time.Location
}

var _ clock = (*fakeClock)(nil)

func (f *fakeClock) Now() time.Time {
	if f.NowFn == nil {
		return time.Time{}
	}
	return f.NowFn()
}

func (f *fakeClock) Location() *time.Location {
	if f.LocationFn == nil {
		return nil
	}
	return f.LocationFn()
}

// fakeCaseLister implements caseLister.
type fakeCaseLister struct {
	CasesFn      func(ctx context.Context, archived bool) ([]app.CaseSummary, error)
	AttentionFn  func(ctx context.Context) ([]escalation.Alert, error)
	SearchPageFn func(ctx context.Context, text, caseRef string, limit int) ([]app.Hit, bool, error)
}

var _ caseLister = (*fakeCaseLister)(nil)

func (f *fakeCaseLister) Cases(ctx context.Context, archived bool) ([]app.CaseSummary, error) {
	if f.CasesFn == nil {
		return nil, nil
	}
	return f.CasesFn(ctx, archived)
}

func (f *fakeCaseLister) Attention(ctx context.Context) ([]escalation.Alert, error) {
	if f.AttentionFn == nil {
		return nil, nil
	}
	return f.AttentionFn(ctx)
}

func (f *fakeCaseLister) SearchPage(ctx context.Context, text, caseRef string, limit int) ([]app.Hit, bool, error) {
	if f.SearchPageFn == nil {
		return nil, false, nil
	}
	return f.SearchPageFn(ctx, text, caseRef, limit)
}

// fakeCaseReader implements caseReader.
type fakeCaseReader struct {
	CaseFn         func(ctx context.Context, ref string) (evidence.Case, error)
	CountFn        func(ctx context.Context, caseID string, q app.Query) (int, error)
	TimelineFn     func(ctx context.Context, ref string, q app.Query) ([]evidence.Event, error)
	EventHistoryFn func(ctx context.Context, id string) ([]evidence.Event, error)
	ArchiveEventFn func(ctx context.Context, id string) error
	ArchiveCaseFn  func(ctx context.Context, ref string) error
	RestoreCaseFn  func(ctx context.Context, ref string) error
}

var _ caseReader = (*fakeCaseReader)(nil)

func (f *fakeCaseReader) Case(ctx context.Context, ref string) (evidence.Case, error) {
	if f.CaseFn == nil {
		return evidence.Case{}, nil
	}
	return f.CaseFn(ctx, ref)
}

func (f *fakeCaseReader) Count(ctx context.Context, caseID string, q app.Query) (int, error) {
	if f.CountFn == nil {
		return 0, nil
	}
	return f.CountFn(ctx, caseID, q)
}

func (f *fakeCaseReader) Timeline(ctx context.Context, ref string, q app.Query) ([]evidence.Event, error) {
	if f.TimelineFn == nil {
		return nil, nil
	}
	return f.TimelineFn(ctx, ref, q)
}

func (f *fakeCaseReader) EventHistory(ctx context.Context, id string) ([]evidence.Event, error) {
	if f.EventHistoryFn == nil {
		return nil, nil
	}
	return f.EventHistoryFn(ctx, id)
}

func (f *fakeCaseReader) ArchiveEvent(ctx context.Context, id string) error {
	if f.ArchiveEventFn == nil {
		return nil
	}
	return f.ArchiveEventFn(ctx, id)
}

func (f *fakeCaseReader) ArchiveCase(ctx context.Context, ref string) error {
	if f.ArchiveCaseFn == nil {
		return nil
	}
	return f.ArchiveCaseFn(ctx, ref)
}

func (f *fakeCaseReader) RestoreCase(ctx context.Context, ref string) error {
	if f.RestoreCaseFn == nil {
		return nil
	}
	return f.RestoreCaseFn(ctx, ref)
}

// fakeCaseWriter implements caseWriter.
type fakeCaseWriter struct {
	ProvidersFn  func(ctx context.Context) ([]string, error)
	NewCaseFn    func(ctx context.Context, in app.CaseInput) (evidence.Case, error)
	UpdateCaseFn func(ctx context.Context, c *evidence.Case) error
	EditCaseFn   func(ctx context.Context, caseRef string, in app.CaseInput) (evidence.Case, error)
}

func (f *fakeCaseWriter) EditCase(ctx context.Context, caseRef string, in app.CaseInput) (evidence.Case, error) {
	if f.EditCaseFn == nil {
		return evidence.Case{}, nil
	}
	return f.EditCaseFn(ctx, caseRef, in)
}

var _ caseWriter = (*fakeCaseWriter)(nil)

func (f *fakeCaseWriter) Providers(ctx context.Context) ([]string, error) {
	if f.ProvidersFn == nil {
		return nil, nil
	}
	return f.ProvidersFn(ctx)
}

func (f *fakeCaseWriter) NewCase(ctx context.Context, in app.CaseInput) (evidence.Case, error) {
	if f.NewCaseFn == nil {
		return evidence.Case{}, nil
	}
	return f.NewCaseFn(ctx, in)
}

func (f *fakeCaseWriter) UpdateCase(ctx context.Context, c *evidence.Case) error {
	if f.UpdateCaseFn == nil {
		return nil
	}
	return f.UpdateCaseFn(ctx, c)
}

// fakeEventWriter implements eventWriter.
type fakeEventWriter struct {
	AddEventFn    func(ctx context.Context, caseRef string, in app.EventInput) (evidence.Event, error)
	UpdateEventFn func(ctx context.Context, e *evidence.Event) error
}

var _ eventWriter = (*fakeEventWriter)(nil)

func (f *fakeEventWriter) AddEvent(ctx context.Context, caseRef string, in app.EventInput) (evidence.Event, error) {
	if f.AddEventFn == nil {
		return evidence.Event{}, nil
	}
	return f.AddEventFn(ctx, caseRef, in)
}

func (f *fakeEventWriter) UpdateEvent(ctx context.Context, e *evidence.Event) error {
	if f.UpdateEventFn == nil {
		return nil
	}
	return f.UpdateEventFn(ctx, e)
}

// fakeCallRecorder implements callRecorder.
type fakeCallRecorder struct {
	AddEventFn func(ctx context.Context, caseRef string, in app.EventInput) (evidence.Event, error)
}

var _ callRecorder = (*fakeCallRecorder)(nil)

func (f *fakeCallRecorder) AddEvent(ctx context.Context, caseRef string, in app.EventInput) (evidence.Event, error) {
	if f.AddEventFn == nil {
		return evidence.Event{}, nil
	}
	return f.AddEventFn(ctx, caseRef, in)
}

// fakeAssessor implements assessor.
type fakeAssessor struct {
	AssessFn       func(ctx context.Context, caseRef string) (evidence.Case, escalation.Assessment, error)
	AttentionFn    func(ctx context.Context) ([]escalation.Alert, error)
	OverridesFn    func(ctx context.Context, caseID string) (map[string]string, error)
	SetOverrideFn  func(ctx context.Context, caseID, ruleID, window string) error
	SetChecklistFn func(ctx context.Context, caseID, itemID string, done bool) error
	SelfCheckFn    func(ctx context.Context, caseID string, item escalation.Item, text string) (evidence.Event, error)
}

var _ assessor = (*fakeAssessor)(nil)

func (f *fakeAssessor) Assess(ctx context.Context, caseRef string) (evidence.Case, escalation.Assessment, error) {
	if f.AssessFn == nil {
		return evidence.Case{}, escalation.Assessment{}, nil
	}
	return f.AssessFn(ctx, caseRef)
}

func (f *fakeAssessor) Attention(ctx context.Context) ([]escalation.Alert, error) {
	if f.AttentionFn == nil {
		return nil, nil
	}
	return f.AttentionFn(ctx)
}

func (f *fakeAssessor) Overrides(ctx context.Context, caseID string) (map[string]string, error) {
	if f.OverridesFn == nil {
		return nil, nil
	}
	return f.OverridesFn(ctx, caseID)
}

func (f *fakeAssessor) SetOverride(ctx context.Context, caseID, ruleID, window string) error {
	if f.SetOverrideFn == nil {
		return nil
	}
	return f.SetOverrideFn(ctx, caseID, ruleID, window)
}

func (f *fakeAssessor) SetChecklist(ctx context.Context, caseID, itemID string, done bool) error {
	if f.SetChecklistFn == nil {
		return nil
	}
	return f.SetChecklistFn(ctx, caseID, itemID, done)
}

func (f *fakeAssessor) SelfCheck(ctx context.Context, caseID string, item escalation.Item, text string) (evidence.Event, error) {
	if f.SelfCheckFn == nil {
		return evidence.Event{}, nil
	}
	return f.SelfCheckFn(ctx, caseID, item, text)
}

// fakeLetterWriter implements letterWriter.
type fakeLetterWriter struct {
	LetterTextFn    func(ctx context.Context, caseRef string, to letters.Recipient, language evidence.Language) (string, bool, error)
	ComposeLetterFn func(ctx context.Context, caseRef string, to letters.Recipient, language evidence.Language) (string, error)
	SaveDraftFn     func(ctx context.Context, caseID string, to letters.Recipient, language evidence.Language, text string) error
}

var _ letterWriter = (*fakeLetterWriter)(nil)

func (f *fakeLetterWriter) LetterText(ctx context.Context, caseRef string, to letters.Recipient, language evidence.Language) (string, bool, error) {
	if f.LetterTextFn == nil {
		return "", false, nil
	}
	return f.LetterTextFn(ctx, caseRef, to, language)
}

func (f *fakeLetterWriter) ComposeLetter(ctx context.Context, caseRef string, to letters.Recipient, language evidence.Language) (string, error) {
	if f.ComposeLetterFn == nil {
		return "", nil
	}
	return f.ComposeLetterFn(ctx, caseRef, to, language)
}

func (f *fakeLetterWriter) SaveDraft(ctx context.Context, caseID string, to letters.Recipient, language evidence.Language, text string) error {
	if f.SaveDraftFn == nil {
		return nil
	}
	return f.SaveDraftFn(ctx, caseID, to, language, text)
}

// fakeDossierMaker implements dossierMaker.
type fakeDossierMaker struct {
	*fakeLetterWriter
	DossierFn  func(ctx context.Context, caseRef string, opts app.DossierOptions) (app.DossierResult, error)
	MarkSentFn func(ctx context.Context, rec app.DossierRecord, method, reference string, at time.Time) (evidence.Event, error)
}

var _ dossierMaker = (*fakeDossierMaker)(nil)

func (f *fakeDossierMaker) Dossier(ctx context.Context, caseRef string, opts app.DossierOptions) (app.DossierResult, error) {
	if f.DossierFn == nil {
		return app.DossierResult{}, nil
	}
	return f.DossierFn(ctx, caseRef, opts)
}

func (f *fakeDossierMaker) MarkSent(ctx context.Context, rec app.DossierRecord, method, reference string, at time.Time) (evidence.Event, error) {
	if f.MarkSentFn == nil {
		return evidence.Event{}, nil
	}
	return f.MarkSentFn(ctx, rec, method, reference, at)
}

// fakeAttacher implements attacher.
type fakeAttacher struct {
	AttachUsableFn func(ctx context.Context, caseID string, paths []string, in app.AttachInput) (evidence.Event, []app.FileCheck, error)
	UpdateEventFn  func(ctx context.Context, e *evidence.Event) error
}

var _ attacher = (*fakeAttacher)(nil)

func (f *fakeAttacher) AttachUsable(ctx context.Context, caseID string, paths []string, in app.AttachInput) (evidence.Event, []app.FileCheck, error) {
	if f.AttachUsableFn == nil {
		return evidence.Event{}, nil, nil
	}
	return f.AttachUsableFn(ctx, caseID, paths, in)
}

func (f *fakeAttacher) UpdateEvent(ctx context.Context, e *evidence.Event) error {
	if f.UpdateEventFn == nil {
		return nil
	}
	return f.UpdateEventFn(ctx, e)
}

// fakeAttachmentReader implements attachmentReader.
type fakeAttachmentReader struct {
	ReadAttachmentFn func(ctx context.Context, id string) ([]byte, evidence.Attachment, error)
}

var _ attachmentReader = (*fakeAttachmentReader)(nil)

func (f *fakeAttachmentReader) ReadAttachment(ctx context.Context, id string) ([]byte, evidence.Attachment, error) {
	if f.ReadAttachmentFn == nil {
		return nil, evidence.Attachment{}, nil
	}
	return f.ReadAttachmentFn(ctx, id)
}

// fakeArchiver implements archiver.
type fakeArchiver struct {
	ExportReportFn  func(ctx context.Context, caseRef, out string, opts app.ExportOptions) (app.ExportResult, error)
	ImportFn        func(ctx context.Context, file string, opts app.ImportOptions) (evidence.Case, error)
	VerifyDossierFn func(ctx context.Context, path string) (app.VerifyReport, error)
	VerifyArchiveFn func(file string) (app.VerifyReport, error)
}

var _ archiver = (*fakeArchiver)(nil)

func (f *fakeArchiver) ExportReport(ctx context.Context, caseRef, out string, opts app.ExportOptions) (app.ExportResult, error) {
	if f.ExportReportFn == nil {
		return app.ExportResult{}, nil
	}
	return f.ExportReportFn(ctx, caseRef, out, opts)
}

func (f *fakeArchiver) VerifyArchive(file string) (app.VerifyReport, error) {
	if f.VerifyArchiveFn == nil {
		return app.VerifyReport{}, nil
	}
	return f.VerifyArchiveFn(file)
}

func (f *fakeArchiver) Import(ctx context.Context, file string, opts app.ImportOptions) (evidence.Case, error) {
	if f.ImportFn == nil {
		return evidence.Case{}, nil
	}
	return f.ImportFn(ctx, file, opts)
}

func (f *fakeArchiver) VerifyDossier(ctx context.Context, path string) (app.VerifyReport, error) {
	if f.VerifyDossierFn == nil {
		return app.VerifyReport{}, nil
	}
	return f.VerifyDossierFn(ctx, path)
}

// fakeMaintainer implements maintainer.
type fakeMaintainer struct {
	IntegrityCheckFn func(ctx context.Context) ([]string, error)
	AutoBackupFn     func(ctx context.Context) (string, error)
	BackupNowFn      func(ctx context.Context) (string, error)
	RestoreInPlaceFn func(ctx context.Context, file string) (string, error)
	DamagedFn        func() bool
}

var _ maintainer = (*fakeMaintainer)(nil)

func (f *fakeMaintainer) IntegrityCheck(ctx context.Context) ([]string, error) {
	if f.IntegrityCheckFn == nil {
		return nil, nil
	}
	return f.IntegrityCheckFn(ctx)
}

func (f *fakeMaintainer) AutoBackup(ctx context.Context) (string, error) {
	if f.AutoBackupFn == nil {
		return "", nil
	}
	return f.AutoBackupFn(ctx)
}

func (f *fakeMaintainer) BackupNow(ctx context.Context) (string, error) {
	if f.BackupNowFn == nil {
		return "", nil
	}
	return f.BackupNowFn(ctx)
}

func (f *fakeMaintainer) RestoreInPlace(ctx context.Context, file string) (string, error) {
	if f.RestoreInPlaceFn == nil {
		return "", nil
	}
	return f.RestoreInPlaceFn(ctx, file)
}

func (f *fakeMaintainer) Damaged() bool {
	if f.DamagedFn == nil {
		return false
	}
	return f.DamagedFn()
}

// fakeLogChecker implements logChecker.
type fakeLogChecker struct {
	VerifyLogDeepProgressFn func(ctx context.Context, progress func(done, total int)) (app.LogReport, error)
}

var _ logChecker = (*fakeLogChecker)(nil)

func (f *fakeLogChecker) VerifyLogDeepProgress(ctx context.Context, progress func(done, total int)) (app.LogReport, error) {
	if f.VerifyLogDeepProgressFn == nil {
		return app.LogReport{}, nil
	}
	return f.VerifyLogDeepProgressFn(ctx, progress)
}

// fakeLauncher implements launcher, recording what it was asked to open.
type fakeLauncher struct {
	OpenFn   func(path string) error
	RevealFn func(path string) error
}

var _ launcher = (*fakeLauncher)(nil)

func (f *fakeLauncher) Open(path string) error {
	if f.OpenFn == nil {
		return nil
	}
	return f.OpenFn(path)
}

func (f *fakeLauncher) Reveal(path string) error {
	if f.RevealFn == nil {
		return nil
	}
	return f.RevealFn(path)
}

// fakeHolidayCalendar implements holidayCalendar.
type fakeHolidayCalendar struct {
	HolidaysFn       func(ctx context.Context, j evidence.Jurisdiction) ([]app.Holiday, error)
	ImportHolidaysFn func(ctx context.Context, j evidence.Jurisdiction, r io.Reader) (int, error)
	SetHolidayFn     func(ctx context.Context, j evidence.Jurisdiction, h app.Holiday, remove bool) error
}

var _ holidayCalendar = (*fakeHolidayCalendar)(nil)

func (f *fakeHolidayCalendar) Holidays(ctx context.Context, j evidence.Jurisdiction) ([]app.Holiday, error) {
	if f.HolidaysFn == nil {
		return nil, nil
	}
	return f.HolidaysFn(ctx, j)
}

func (f *fakeHolidayCalendar) ImportHolidays(ctx context.Context, j evidence.Jurisdiction, r io.Reader) (int, error) {
	if f.ImportHolidaysFn == nil {
		return 0, nil
	}
	return f.ImportHolidaysFn(ctx, j, r)
}

func (f *fakeHolidayCalendar) SetHoliday(ctx context.Context, j evidence.Jurisdiction, h app.Holiday, remove bool) error {
	if f.SetHolidayFn == nil {
		return nil
	}
	return f.SetHolidayFn(ctx, j, h, remove)
}

// fakeService is a Service made of the fakes; Dir is a folder name.
type fakeService struct {
	DirName string
	*fakeClock
	*fakeCaseLister
	*fakeCaseReader
	*fakeCaseWriter
	*fakeEventWriter
	*fakeCallRecorder
	*fakeAssessor
	*fakeLetterWriter
	*fakeDossierMaker
	*fakeAttacher
	*fakeAttachmentReader
	*fakeArchiver
	*fakeMaintainer
	*fakeLogChecker
	*fakeHolidayCalendar
	*fakeLawDesk
	*fakePoster
	*fakeCapturer
	*fakeParalegal
}

var _ Service = (*fakeService)(nil)

func (f *fakeService) Dir() string { return f.DirName }

// newFakeService returns a Service whose every method returns zero values
// until its function field is set, with a fixed clock.
func newFakeService(dir string, now time.Time, loc *time.Location) *fakeService {
	return &fakeService{DirName: dir,
		fakeCaseLister:       &fakeCaseLister{},
		fakeCaseReader:       &fakeCaseReader{},
		fakeCaseWriter:       &fakeCaseWriter{},
		fakeEventWriter:      &fakeEventWriter{},
		fakeCallRecorder:     &fakeCallRecorder{},
		fakeAssessor:         &fakeAssessor{},
		fakeLetterWriter:     &fakeLetterWriter{},
		fakeDossierMaker:     &fakeDossierMaker{fakeLetterWriter: &fakeLetterWriter{}},
		fakeAttacher:         &fakeAttacher{},
		fakeAttachmentReader: &fakeAttachmentReader{},
		fakeArchiver:         &fakeArchiver{},
		fakeMaintainer:       &fakeMaintainer{},
		fakeLogChecker:       &fakeLogChecker{},
		fakeHolidayCalendar:  &fakeHolidayCalendar{},
		fakeLawDesk:          &fakeLawDesk{},
		fakePoster:           &fakePoster{},
		fakeCapturer:         &fakeCapturer{},
		fakeParalegal:        &fakeParalegal{},
		fakeClock:            &fakeClock{NowFn: func() time.Time { return now }, LocationFn: func() *time.Location { return loc }},
	}
}

// AddEvent and UpdateEvent are declared by more than one panel; the fake
// service answers them with its eventWriter's functions.
func (f *fakeService) AddEvent(ctx context.Context, caseRef string, in app.EventInput) (evidence.Event, error) {
	return f.fakeEventWriter.AddEvent(ctx, caseRef, in)
}

func (f *fakeService) UpdateEvent(ctx context.Context, e *evidence.Event) error {
	return f.fakeEventWriter.UpdateEvent(ctx, e)
}

// Attention is read by the case list and the notifications.
func (f *fakeService) Attention(ctx context.Context) ([]escalation.Alert, error) {
	return f.fakeCaseLister.Attention(ctx)
}
