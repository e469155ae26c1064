package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2/widget"
)

// letterDraft is the editable text of a letter the case keeps as a draft
// (the dossier's letter, the records request): what was loaded, so an
// edit is saved only when there is one, and a status line that says
// where the text came from.
type letterDraft struct {
	u      *UI
	text   *entry
	loaded string // the text as loaded or last saved
	status *widget.Label
}

// show loads the text with fetch: the saved draft (edited) or a freshly
// composed letter.
func (d *letterDraft) show(fetch func(ctx context.Context) (text string, edited bool, err error)) {
	u := d.u
	var text string
	var edited bool
	u.async(func(ctx context.Context) (err error) {
		text, edited, err = fetch(ctx)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		d.text.SetText(text)
		d.loaded = text
		if edited {
			d.status.SetText(u.T("ui.draft-loaded"))
		} else {
			d.status.SetText(u.T("ui.letter-composed"))
		}
	})
}

// saveIfEdited saves the text with save when it differs from what was
// loaded, then runs next (may be nil).
func (d *letterDraft) saveIfEdited(save func(ctx context.Context, text string) error, next func()) {
	u := d.u
	text := d.text.Text
	if text == d.loaded {
		if next != nil {
			next()
		}
		return
	}
	u.async(func(ctx context.Context) error { return save(ctx, text) }, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		d.loaded = text
		d.status.SetText(u.T("ui.draft-saved"))
		if next != nil {
			next()
		}
	})
}

// recompose writes the letter again from the timeline with compose,
// asking first when that would replace text in the box.
func (d *letterDraft) recompose(compose func(ctx context.Context) (string, error)) {
	u := d.u
	do := func() {
		var text string
		u.async(func(ctx context.Context) (err error) {
			text, err = compose(ctx)
			return err
		}, func(err error) {
			if err != nil {
				u.showError(err)
				return
			}
			d.text.SetText(text)
			d.status.SetText(u.T("ui.letter-composed"))
		})
	}
	if strings.TrimSpace(d.text.Text) != "" {
		u.confirm(u.T("ui.regenerate"), u.T("ui.regenerate-text"), do)
		return
	}
	do()
}
