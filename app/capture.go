package app

import (
	"bytes"
	"context"
	"io"
	"log"
	"os"
	"time"

	"redress/evidence"
	"redress/lang"
	"redress/photo"
	"redress/store"
)

// Capture times (docs/CAPTURE.md). Every picture keeps the time it was
// taken beside the time it was added: from the file itself (EXIF, PNG
// chunks), else — for a file on disk — its modification time, labelled as
// such; a pasted picture has the time of the paste, a screenshot Redress
// takes the time it took it. A time whose file records no UTC offset is a
// clock reading: it is placed in the case's zone (CaseZone) whenever it
// becomes an instant, never read as UTC.

// Taken is when the picture in data was taken, as far as its bytes (and
// modTime, the file's modification time, zero when there is none) tell;
// nil when nothing is known or data is not a picture.
func (a *App) Taken(data []byte, modTime time.Time) *evidence.Taken {
	if !evidence.IsImage(evidence.MediaType(head(data))) {
		return nil
	}
	t := photo.Taken(data, modTime, a.now())
	if t.Source == photo.SourceUnknown || t.At.IsZero() {
		return nil
	}
	return &evidence.Taken{At: t.At, OffsetKnown: t.OffsetKnown, Source: string(t.Source), Tag: t.Tag}
}

func head(data []byte) []byte {
	if len(data) > 512 {
		return data[:512]
	}
	return data
}

// CaseZone is the zone a time without a UTC offset is placed in for a
// case: the offset of the case's earliest event (the zone the user has
// been recording the case in), else the app's zone (WithLocation; the
// computer's by default).
func (a *App) CaseZone(ctx context.Context, caseID string) *time.Location {
	evs, err := a.store.Timeline(ctx, caseID, store.Query{OldestFirst: true, Limit: 1})
	if err != nil || len(evs) == 0 {
		return a.loc
	}
	return evs[0].At.Location()
}

// TakenAt is the instant a capture time stands for in a case: itself when
// its offset is known, else its clock reading in the case's zone.
func TakenAt(t evidence.Taken, caseZone *time.Location) time.Time {
	if t.OffsetKnown {
		return t.At
	}
	return t.In(caseZone)
}

// earliestTaken is the earliest capture time the files themselves record
// (EXIF, PNG chunks), placed in zone; zero when none does. A file's
// modification time is kept, labelled, as its capture time, but never
// moves the entry: copying, downloading or syncing a file changes it.
func earliestTaken(taken []*evidence.Taken, zone *time.Location) time.Time {
	var first time.Time
	for _, t := range taken {
		if t == nil || t.Source == evidence.TakenFileTime {
			continue
		}
		if at := TakenAt(*t, zone); first.IsZero() || at.Before(first) {
			first = at
		}
	}
	return first
}

// takenOfFile reads a file on disk for its capture time (pictures only;
// the file was checked by CheckFiles).
func (a *App) takenOfFile(c FileCheck) *evidence.Taken {
	if !evidence.IsImage(c.MediaType) {
		return nil
	}
	data, err := os.ReadFile(c.Path)
	if err != nil {
		return nil // attaching it reports the problem
	}
	var mod time.Time
	if st, err := os.Stat(c.Path); err == nil {
		mod = st.ModTime().In(a.loc)
	}
	return a.Taken(data, mod)
}

// Picture is a picture that is not a file: pasted from the clipboard or
// captured from the screen.
type Picture struct {
	PNG []byte
	// Source is evidence.TakenClipboard or evidence.TakenScreen.
	Source string
	// ConvertedFrom is the format the clipboard offered when Redress made
	// the PNG from it ("image/bmp"); empty when the bytes are its own.
	ConvertedFrom string
	Caption       string
}

// AttachPicture stores a pasted or captured picture as a screenshot entry.
// Its bytes are stored exactly as given and hashed; its capture time, and
// the entry's time, is now: the moment of the paste or of the capture.
func (a *App) AttachPicture(ctx context.Context, caseRef string, p Picture) (evidence.Event, error) {
	if len(p.PNG) == 0 {
		return evidence.Event{}, lang.E("screen.clip-empty")
	}
	id, err := a.store.ResolveCase(ctx, caseRef)
	if err != nil {
		return evidence.Event{}, err
	}
	now := a.now().In(a.loc).Truncate(time.Millisecond)
	prefix := "pasted"
	if p.Source == evidence.TakenScreen {
		prefix = "screenshot"
	} else {
		p.Source = evidence.TakenClipboard
	}
	name := prefix + "-" + now.Format("2006-01-02-150405") + ".png"
	data := p.PNG
	taken := &evidence.Taken{At: now, OffsetKnown: true, Source: p.Source, ConvertedFrom: p.ConvertedFrom}
	e := evidence.Event{CaseID: id, Kind: evidence.KindScreenshot, At: now,
		Exhibit: &evidence.Exhibit{Caption: p.Caption}}
	files := []store.File{{Name: name, Caption: p.Caption, Taken: taken,
		Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }}}
	if err := a.store.AddEvent(ctx, &e, files); err != nil {
		return e, err
	}
	return e, nil
}

// fillTaken works out the capture times the store does not have yet (files
// stored before schema 5, archives without them) from the stored bytes,
// and records them in one audited transaction. It runs when the data
// folder is opened; a failure is logged and tried again next time.
func (a *App) fillTaken(ctx context.Context) {
	if a.store.Damaged() {
		return
	}
	pending, err := a.store.PendingTaken(ctx)
	if err != nil || len(pending) == 0 {
		if err != nil {
			log.Printf("redress: capture times: %v", err)
		}
		return
	}
	found := make(map[string]*evidence.Taken, len(pending))
	bySHA := map[string]*evidence.Taken{}
	for _, p := range pending {
		if !evidence.IsImage(p.MediaType) {
			found[p.ID] = nil
			continue
		}
		t, ok := bySHA[p.SHA256]
		if !ok {
			var buf bytes.Buffer
			if err := a.store.WriteBlob(ctx, p.SHA256, &buf); err == nil {
				t = a.Taken(buf.Bytes(), time.Time{})
			}
			bySHA[p.SHA256] = t
		}
		found[p.ID] = t
	}
	if err := a.store.SetTaken(ctx, found); err != nil {
		log.Printf("redress: capture times: %v", err)
	}
}
