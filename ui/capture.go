package ui

import (
	"context"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"redress/app"
	"redress/evidence"
	"redress/screen"
)

// Evidence in one step: paste what is on the clipboard, take a screenshot
// (docs/CAPTURE.md).

// grabber reads the clipboard and the screen: package screen, unless a
// test puts another in its place.
type grabber interface {
	Clipboard() (screen.Clip, error)
	Displays() ([]screen.Display, error)
	Capture(display int) ([]byte, error)
}

// systemScreen is the computer's clipboard and screens.
type systemScreen struct{}

func (systemScreen) Clipboard() (screen.Clip, error)     { return screen.Clipboard() }
func (systemScreen) Displays() ([]screen.Display, error) { return screen.Displays() }
func (systemScreen) Capture(display int) ([]byte, error) { return screen.Capture(display) }

// capturer is what pasting, screenshots and email import store through.
type capturer interface {
	AttachPicture(ctx context.Context, caseRef string, p app.Picture) (evidence.Event, error)
	CaseZone(ctx context.Context, caseID string) *time.Location
	ImportEmails(ctx context.Context, caseRef string, paths []string, opts app.MailOptions, done func(app.MailFile)) ([]app.MailFile, error)
}

// capture is the state of pasting and taking screenshots.
type capture struct {
	grab grabber
	// countdown is how many seconds "Take screenshot" waits with the
	// window hidden, so the user can bring up what to capture; settle is
	// how long it waits after hiding its own countdown window.
	countdown int
	settle    time.Duration
	// shooting is set while a screenshot is under way (one at a time).
	shooting bool
	// mail is the email import panel opened last.
	mail *mailPanel
}

func newCapture() *capture {
	return &capture{grab: systemScreen{}, countdown: 3, settle: 400 * time.Millisecond}
}

// quickCapture is the row of buttons beside the case's title that add
// evidence in one step.
func (u *UI) quickCapture() fyne.CanvasObject {
	add := func(key string, icon fyne.Resource, f func()) *widget.Button {
		b := widget.NewButtonWithIcon(u.T(key), icon, f)
		b.Importance = widget.LowImportance
		return b
	}
	return container.NewHBox(
		add("ui.paste", theme.ContentPasteIcon(), u.Paste),
		add("ui.take-screenshot", theme.ViewFullScreenIcon(), u.TakeScreenshot),
		add("ui.import-emails", theme.MailComposeIcon(), u.PickEmails),
	)
}

// pasteKey handles Ctrl/Cmd+V (and Shift+Insert) when no text field has
// the keyboard (a focused field takes the paste itself): in an open case
// with no dialog in front, it pastes as evidence.
func (u *UI) pasteKey(fyne.Shortcut) {
	if u.view.caseID == "" || u.win.Canvas().Overlays().Top() != nil {
		return
	}
	u.Paste()
}

// Paste adds what is on the clipboard to the open case: a picture as a
// screenshot entry (its bytes as the clipboard gave them, the time of the
// paste), text as a note to complete and save.
func (u *UI) Paste() {
	caseID := u.view.caseID
	if caseID == "" {
		u.showError(langError("ui.open-case-first"))
		return
	}
	var clip screen.Clip
	var e evidence.Event
	u.async(func(ctx context.Context) error {
		var err error
		if clip, err = u.cap.grab.Clipboard(); err != nil {
			return err
		}
		switch {
		case clip.IsImage():
			p := app.Picture{PNG: clip.PNG, Source: evidence.TakenClipboard}
			if clip.Converted {
				p.ConvertedFrom = clip.From
			}
			e, err = u.svc.AttachPicture(ctx, caseID, p)
			return err
		case strings.TrimSpace(clip.Text) == "":
			return &screen.Error{Problem: screen.ProblemClipEmpty}
		}
		return nil
	}, func(err error) {
		switch {
		case err != nil:
			u.showError(err)
		case clip.IsImage():
			u.added(e)
		default:
			u.noteDraft(clip.Text)
		}
	})
}

// noteDraft opens a new note holding text, for the user to complete and
// save; closing it asks first, like any form with something typed in it.
func (u *UI) noteDraft(text string) *eventForm {
	f := u.addEventDialog(evidence.KindNote)
	if f == nil {
		return nil
	}
	f.summary.SetText(strings.TrimSpace(strings.ReplaceAll(text, "\r\n", "\n")))
	return f
}

// added shows a new entry selected in the timeline.
func (u *UI) added(e evidence.Event) {
	u.view.selected = e.ID
	u.view.reloadTimeline()
	u.cases.reload()
}

// TakeScreenshot hides the window, counts down (cancellable), captures the
// screen — the display chosen when there are several — shows the window
// again and adds the picture as a screenshot entry taken at that moment.
func (u *UI) TakeScreenshot() {
	caseID := u.view.caseID
	if caseID == "" {
		u.showError(langError("ui.open-case-first"))
		return
	}
	if u.cap.shooting {
		return
	}
	var displays []screen.Display
	u.async(func(context.Context) (err error) {
		displays, err = u.cap.grab.Displays()
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if len(displays) == 1 {
			u.countdown(caseID, displays[0].Index)
			return
		}
		u.chooseDisplay(caseID, displays)
	})
}

// chooseDisplay asks which display to capture.
func (u *UI) chooseDisplay(caseID string, displays []screen.Display) *widget.RadioGroup {
	var names []string
	for i, d := range displays {
		key := "ui.display"
		if i == 0 {
			key = "ui.display-primary"
		}
		names = append(names, u.T(key, "n", strconv.Itoa(i+1), "w", strconv.Itoa(d.Bounds.Dx()), "h", strconv.Itoa(d.Bounds.Dy())))
	}
	choice := widget.NewRadioGroup(names, nil)
	choice.SetSelected(names[0])
	choice.Required = true
	u.modal(u.T("ui.screenshot-which"), container.NewVBox(wrapped(u.T("ui.screenshot-which-hint")), choice),
		u.T("ui.take-screenshot"), func(close func()) {
			close()
			for i, n := range names {
				if n == choice.Selected {
					u.countdown(caseID, displays[i].Index)
				}
			}
		}, fyne.NewSize(460, 0))
	return choice
}

// countdown hides the main window and shows a small one counting down
// with a Cancel button (Esc, or closing it, cancels too); at zero it
// captures.
func (u *UI) countdown(caseID string, display int) {
	u.cap.shooting = true
	n := u.cap.countdown
	if n <= 0 {
		u.win.Hide()
		u.shoot(caseID, display)
		return
	}
	w := u.fa.NewWindow(u.T("ui.screenshot-title"))
	count := widget.NewLabelWithStyle(u.T("ui.screenshot-in", "n", strconv.Itoa(n)), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	over := false // counted down or cancelled
	var stop func()
	cancel := func() {
		if over {
			return
		}
		over = true
		stop()
		w.Close()
		u.cap.shooting = false
		u.win.Show()
	}
	stop = u.every(time.Second, func() {
		if over {
			return
		}
		n--
		if n > 0 {
			count.SetText(u.T("ui.screenshot-in", "n", strconv.Itoa(n)))
			return
		}
		over = true
		stop()
		w.Close()
		u.shoot(caseID, display)
	})
	w.SetContent(container.NewVBox(count, wrapped(u.T("ui.screenshot-hint")), widget.NewButton(u.T("ui.cancel"), cancel)))
	w.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			cancel()
		}
	})
	w.SetOnClosed(cancel)
	w.Resize(fyne.NewSize(320, 0))
	w.CenterOnScreen()
	u.win.Hide()
	w.Show()
}

// shoot captures the display once the countdown window is gone, shows the
// main window again and stores the picture.
func (u *UI) shoot(caseID string, display int) {
	var e evidence.Event
	u.async(func(ctx context.Context) error {
		time.Sleep(u.cap.settle) // let the desktop take the countdown window away
		png, err := u.cap.grab.Capture(display)
		if err != nil {
			return err
		}
		e, err = u.svc.AttachPicture(ctx, caseID, app.Picture{PNG: png, Source: evidence.TakenScreen})
		return err
	}, func(err error) {
		u.cap.shooting = false
		u.win.Show()
		u.win.RequestFocus()
		if err != nil {
			u.showError(err)
			return
		}
		u.added(e)
	})
}

// takenText fills label with when each picture of e was taken and added,
// once the case's zone is known (a time without an offset is placed in it).
func (u *UI) takenText(caseID string, a evidence.Attachment, label *widget.Label) {
	var zone *time.Location
	u.async(func(ctx context.Context) error {
		zone = u.svc.CaseZone(ctx, caseID)
		return nil
	}, func(error) {
		if zone == nil {
			zone = u.clock.Location()
		}
		local := func(t time.Time) string { return t.In(u.clock.Location()).Format(timeLayout) }
		label.SetText(app.TakenLine(u.l, a, zone, local))
	})
}

// title is an entry's one-line title; an entry with nothing but its kind
// to show (a pasted picture without a caption) is named by its kind in
// the interface language.
func (u *UI) title(e evidence.Event) string {
	if t := e.Title(); t != string(e.Kind) {
		return t
	}
	return u.l.Label("kind", string(e.Kind))
}
