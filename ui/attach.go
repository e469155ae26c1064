package ui

import (
	"context"
	"path/filepath"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"redress/app"
	"redress/evidence"
)

// attacher is what adding files uses.
type attacher interface {
	AttachUsable(ctx context.Context, caseID string, paths []string, in app.AttachInput) (evidence.Event, []app.FileCheck, error)
	UpdateEvent(ctx context.Context, e *evidence.Event) error
}

// Dropped handles files dropped anywhere on the window. It is a plain
// function so that tests can call it (the test window ignores drops).
func (u *UI) Dropped(uris []fyne.URI) { u.dropped(uris) }

func (u *UI) dropped(uris []fyne.URI) *importPanel {
	var paths []string
	for _, uri := range uris {
		if uri.Scheme() == "file" {
			paths = append(paths, uri.Path())
		}
	}
	return u.importPaths(paths)
}

// importPaths imports dropped or picked files: emails (.eml, mbox) as
// messages, everything else as screenshots and documents. The email
// dialog, which asks a question first, comes in front.
func (u *UI) importPaths(paths []string) *importPanel {
	var files, mails []string
	for _, p := range paths {
		if app.IsMailFile(p) {
			mails = append(mails, p)
		} else {
			files = append(files, p)
		}
	}
	var panel *importPanel
	if len(files) > 0 {
		panel = u.importFiles(u.svc, files)
	}
	if len(mails) > 0 {
		u.ImportEmails(mails)
	}
	return panel
}

// importRow is one file in an import batch.
type importRow struct {
	path    string
	name    *widget.Label
	status  *widget.Label
	thumb   *fyne.Container
	caption *entry
	event   evidence.Event
	err     error
	done    bool
}

// importPanel shows a batch of files being hashed and stored, each as its
// own screenshot or document event, with a caption per file.
type importPanel struct {
	u        *UI
	svc      attacher
	caseID   string
	rows     []*importRow
	progress *widget.ProgressBar
	summary  *widget.Label
}

// ImportFiles stores the files in the open case in the background. Usable
// files are kept; the others are listed with the reason.
func (u *UI) ImportFiles(paths []string) { u.importPaths(paths) }

func (u *UI) importFiles(svc attacher, paths []string) *importPanel {
	caseID := u.view.caseID
	if caseID == "" {
		u.showError(langError("ui.open-case-first"))
		return nil
	}
	p := &importPanel{u: u, svc: svc, caseID: caseID}
	p.progress = widget.NewProgressBar()
	p.progress.Max = float64(len(paths))
	p.summary = widget.NewLabel(u.N("ui.importing", len(paths)))
	p.summary.Wrapping = fyne.TextWrapWord
	list := container.NewVBox()
	for _, path := range paths {
		r := &importRow{path: path}
		r.name = widget.NewLabelWithStyle(filepath.Base(path), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		r.name.Truncation = fyne.TextTruncateEllipsis
		r.status = widget.NewLabel(u.T("ui.waiting"))
		r.status.Importance = widget.LowImportance
		r.status.Wrapping = fyne.TextWrapWord
		r.thumb = container.NewGridWrap(fyne.NewSize(56, 56), widget.NewIcon(theme.FileIcon()))
		r.caption = u.newEntry(u.T("ui.caption-hint"))
		r.caption.Disable()
		p.rows = append(p.rows, r)
		list.Add(container.NewBorder(nil, nil, r.thumb, nil, container.NewVBox(r.name, r.status, r.caption)))
		list.Add(widget.NewSeparator())
	}
	content := container.NewBorder(container.NewVBox(p.summary, p.progress), nil, nil, nil, container.NewVScroll(list))
	u.modalCancel(u.T("ui.import-title"), content, u.T("ui.save-captions"), p.saveCaptions, fyne.NewSize(620, 560), u.T("ui.close"), p.cancel)
	u.async(p.run, func(error) {})
	return p
}

// run stores the files one by one, showing each result as it comes.
func (p *importPanel) run(ctx context.Context) error {
	u := p.u
	for i, r := range p.rows {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		e, bad, err := p.svc.AttachUsable(ctx, p.caseID, []string{r.path}, app.AttachInput{})
		if err == nil && len(bad) > 0 {
			err = bad[0].Err
		}
		done := i + 1
		u.do(func() { // the row is the UI's: Save captions reads it meanwhile
			r.event, r.err, r.done = e, err, true
			if r.err != nil {
				r.status.SetText(u.l.Err(r.err))
				r.status.Importance = widget.DangerImportance
				r.thumb.Objects = []fyne.CanvasObject{widget.NewIcon(theme.ErrorIcon())}
			} else {
				a := r.event.Attachments[0]
				r.status.SetText(u.T("ui.stored", "size", sizeText(a.Size), "sha", a.SHA256[:16]))
				r.status.Importance = widget.SuccessImportance
				r.caption.Enable()
				r.thumb.Objects = []fyne.CanvasObject{u.thumbs.icon(a, 56, func() {
					r.thumb.Objects = []fyne.CanvasObject{u.thumbs.icon(a, 56, nil)}
					r.thumb.Refresh()
				})}
			}
			r.status.Refresh()
			r.thumb.Refresh()
			p.progress.SetValue(float64(done))
			u.view.reloadTimeline()
		})
	}
	u.do(func() {
		stored, failed := 0, 0
		for _, r := range p.rows {
			if r.err != nil {
				failed++
			} else {
				stored++
			}
		}
		p.summary.SetText(u.T("ui.import-done", "stored", strconv.Itoa(stored), "failed", strconv.Itoa(failed)))
		u.cases.reload()
	})
	return nil
}

// saveCaptions stores the captions typed for the stored files.
func (p *importPanel) saveCaptions(done func()) {
	u := p.u
	var edits []evidence.Event
	for _, r := range p.rows {
		if r.err != nil || !r.done || r.caption.Text == "" {
			continue
		}
		e := r.event
		app.SetCaption(&e, r.caption.Text)
		edits = append(edits, e)
	}
	u.async(func(ctx context.Context) error {
		for i := range edits {
			if err := p.svc.UpdateEvent(ctx, &edits[i]); err != nil {
				return err
			}
		}
		return nil
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		done()
		u.view.reloadTimeline()
	})
}

func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MB"
	case n >= 1<<10:
		return strconv.FormatFloat(float64(n)/(1<<10), 'f', 0, 64) + " KB"
	}
	return strconv.FormatInt(n, 10) + " B"
}

// cancel closes the panel, asking first when captions were typed but not saved.
func (p *importPanel) cancel(done func()) {
	for _, r := range p.rows {
		if r.caption.Text != "" {
			p.u.confirmWith(p.u.T("ui.discard-captions-title"), p.u.T("ui.discard-captions-text"), p.u.T("ui.discard"), done)
			return
		}
	}
	done()
}
