package app

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"redress/evidence"
	"redress/lang"
	"redress/store"
)

// FileCheck is what was found about one file before attaching it.
type FileCheck struct {
	Path      string
	Name      string
	Size      int64
	MediaType string
	Err       error // nil when the file can be attached
}

// CheckFiles looks at each path: it must exist, be a regular readable file,
// not be empty and not exceed the size limit. The media type is read from
// the content. Every file gets a result; usable ones have Err nil.
func (a *App) CheckFiles(paths []string) []FileCheck {
	out := make([]FileCheck, len(paths))
	for i, p := range paths {
		out[i] = a.checkFile(p)
	}
	return out
}

func (a *App) checkFile(p string) FileCheck {
	c := FileCheck{Path: p, Name: filepath.Base(p)}
	st, err := os.Stat(p)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		c.Err = lang.E("file.missing", "file", p)
		return c
	case err != nil:
		c.Err = lang.Wrap(err, "file.unreadable", "file", p)
		return c
	case st.IsDir():
		c.Err = lang.E("file.is-dir", "file", p)
		return c
	case !st.Mode().IsRegular():
		c.Err = lang.E("file.not-regular", "file", p)
		return c
	case st.Size() == 0:
		c.Err = lang.E("file.empty", "file", p)
		return c
	case st.Size() > a.MaxAttachment():
		c.Err = lang.E("file.too-big", "file", p, "limit", sizeText(a.MaxAttachment()))
		return c
	}
	c.Size = st.Size()
	f, err := os.Open(p)
	if err != nil {
		key := "file.unreadable"
		if locked(err) { // Windows: open in a program that lets no one read it
			key = "file.locked"
		}
		c.Err = lang.Wrap(err, key, "file", p)
		return c
	}
	defer f.Close()
	head := make([]byte, 512)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		c.Err = lang.Wrap(err, "file.unreadable", "file", p)
		return c
	}
	c.MediaType = evidence.MediaType(head[:n])
	return c
}

func sizeText(n int64) string {
	if n%(1<<20) == 0 {
		return itoa(n>>20) + " MB"
	}
	return itoa(n) + " bytes"
}

func itoa(n int64) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// AttachInput describes the event the files become.
type AttachInput struct {
	Caption string // caption of the event and of each file
	Shows   string
	At      string // when the screenshots were taken; empty: now
	Tags    []string
	Kind    evidence.Kind // screenshot or document; empty: screenshot when every file is an image
}

// Attach stores the files as one screenshot or document event. Any file
// that cannot be attached stops the whole operation with a message naming
// it, and nothing is written.
func (a *App) Attach(ctx context.Context, caseRef string, paths []string, in AttachInput) (evidence.Event, error) {
	if len(paths) == 0 {
		return evidence.Event{}, lang.E("attach.no-files")
	}
	id, err := a.store.ResolveCase(ctx, caseRef)
	if err != nil {
		return evidence.Event{}, err
	}
	checks := a.CheckFiles(paths)
	for _, c := range checks {
		if c.Err != nil {
			return evidence.Event{}, c.Err
		}
	}
	return a.attach(ctx, id, checks, in)
}

// AttachUsable stores the usable files among paths as one event and
// reports the others with their reasons; the event is empty when no file
// was usable.
func (a *App) AttachUsable(ctx context.Context, caseID string, paths []string, in AttachInput) (evidence.Event, []FileCheck, error) {
	var good, bad []FileCheck
	for _, c := range a.CheckFiles(paths) {
		if c.Err != nil {
			bad = append(bad, c)
		} else {
			good = append(good, c)
		}
	}
	if len(good) == 0 {
		return evidence.Event{}, bad, nil
	}
	e, err := a.attach(ctx, caseID, good, in)
	return e, bad, err
}

func (a *App) attach(ctx context.Context, caseID string, checks []FileCheck, in AttachInput) (evidence.Event, error) {
	kind := in.Kind
	if kind == "" {
		kind = evidence.KindScreenshot
		for _, c := range checks {
			if !evidence.IsImage(c.MediaType) {
				kind = evidence.KindDocument
			}
		}
	}
	e := evidence.Event{CaseID: caseID, Kind: kind, Tags: in.Tags,
		Exhibit: &evidence.Exhibit{Caption: in.Caption, Shows: in.Shows}}
	taken := make([]*evidence.Taken, len(checks))
	for i, c := range checks {
		taken[i] = a.takenOfFile(c)
	}
	if in.At == "" {
		// A screenshot happened when it was taken, not when it was added.
		e.At = a.now().In(a.loc)
		if kind == evidence.KindScreenshot {
			if t := earliestTaken(taken, a.CaseZone(ctx, caseID)); !t.IsZero() && !t.After(a.now().Add(24*time.Hour)) {
				e.At = t
			}
		}
	} else {
		t, err := evidence.ParseTime("at", in.At, a.loc)
		if err == nil {
			err = evidence.CheckDate("at", t, a.now(), in.At)
		}
		if err != nil {
			return e, err
		}
		e.At = t
	}
	files := make([]store.File, len(checks))
	for i, c := range checks {
		path := c.Path
		files[i] = store.File{Name: c.Name, Caption: in.Caption, Taken: taken[i],
			Open: func() (io.ReadCloser, error) { return os.Open(path) }}
	}
	if err := a.store.AddEvent(ctx, &e, files); err != nil {
		return e, err
	}
	return e, nil
}
