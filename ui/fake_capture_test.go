package ui

import (
	"context"
	"time"

	"redress/app"
	"redress/evidence"
	"redress/screen"
)

// fakeCapturer implements capturer.
type fakeCapturer struct {
	AttachPictureFn func(ctx context.Context, caseRef string, p app.Picture) (evidence.Event, error)
	CaseZoneFn      func(ctx context.Context, caseID string) *time.Location
	ImportEmailsFn  func(ctx context.Context, caseRef string, paths []string, opts app.MailOptions, done func(app.MailFile)) ([]app.MailFile, error)
}

var _ capturer = (*fakeCapturer)(nil)

func (f *fakeCapturer) AttachPicture(ctx context.Context, caseRef string, p app.Picture) (evidence.Event, error) {
	if f.AttachPictureFn == nil {
		return evidence.Event{}, nil
	}
	return f.AttachPictureFn(ctx, caseRef, p)
}

func (f *fakeCapturer) CaseZone(ctx context.Context, caseID string) *time.Location {
	if f.CaseZoneFn == nil {
		return time.UTC
	}
	return f.CaseZoneFn(ctx, caseID)
}

func (f *fakeCapturer) ImportEmails(ctx context.Context, caseRef string, paths []string, opts app.MailOptions, done func(app.MailFile)) ([]app.MailFile, error) {
	if f.ImportEmailsFn == nil {
		return nil, nil
	}
	return f.ImportEmailsFn(ctx, caseRef, paths, opts, done)
}

// fakeScreen implements grabber: a clipboard and displays set by the test.
type fakeScreen struct {
	clip     screen.Clip
	clipErr  error
	displays []screen.Display
	shot     []byte
	shotErr  error
	captured []int // the displays captured, in order
}

var _ grabber = (*fakeScreen)(nil)

func (f *fakeScreen) Clipboard() (screen.Clip, error)     { return f.clip, f.clipErr }
func (f *fakeScreen) Displays() ([]screen.Display, error) { return f.displays, nil }
func (f *fakeScreen) Capture(display int) ([]byte, error) {
	f.captured = append(f.captured, display)
	return f.shot, f.shotErr
}
