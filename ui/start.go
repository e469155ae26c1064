package ui

import (
	"context"
	"errors"
	"log"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"redress/app"
)

// Data is an opened data folder: all the desktop app uses, closed when it
// ends. *app.App is one.
type Data interface {
	Service
	Resolve(ctx context.Context, ref string) (string, error)
	Close() error
}

// Starter is how the desktop app opens its data folder (package app's
// Open, Recovery and Restore; fakes in tests).
type Starter struct {
	Dir     string
	Open    func(ctx context.Context, dir string) (Data, error)
	Copies  func(ctx context.Context, dir string) ([]app.Copy, error) // the copies that could replace a missing database
	Restore func(ctx context.Context, dir, file string, now time.Time) (string, error)
	// Case and Show open a case, then one of its panels (redress gui --case).
	Case, Show string
}

// Launcher is the desktop app being started: the main window over the
// data, or, while the data cannot be opened, the window that says why and
// offers what can be restored. From there the app goes on to the main
// window without a restart.
type Launcher struct {
	fa      fyne.App
	s       Starter
	data    Data
	main    *UI
	rescue  *rescue
	running bool
}

// Launch opens the data and makes the first window. Run shows it.
func Launch(fa fyne.App, s Starter) *Launcher {
	l := &Launcher{fa: fa, s: s}
	data, err := s.Open(context.Background(), s.Dir)
	if err != nil {
		log.Printf("redress: %v", err)
		l.rescue = l.newRescue(err)
		return l
	}
	l.start(data, "")
	return l
}

// Run shows the window until the app quits, then closes the data. It
// returns 1 when the data could never be opened, else 0.
func (l *Launcher) Run() int {
	l.running = true
	if l.main != nil {
		l.main.Window().ShowAndRun()
	} else {
		l.rescue.u.win.ShowAndRun()
	}
	if l.data == nil {
		return 1
	}
	l.main.Wait()
	if err := l.data.Close(); err != nil {
		log.Printf("redress: close: %v", err)
	}
	return 0
}

// Main is the main window's UI (nil while the data is not open).
func (l *Launcher) Main() *UI { return l.main }

// start makes the main window over data; note, when set, is said there
// first (what was restored).
func (l *Launcher) start(data Data, note string) {
	l.data = data
	u := New(l.fa, data)
	l.main = u
	u.Window().SetMaster()
	begin := func() {
		u.StartMaintenance()
		if note != "" {
			u.notice(u.T("ui.recover-title"), note)
		}
		switch {
		case l.s.Case != "":
			l.openCase(u, data)
		case l.s.Show != "": // a view that needs no case: profile, new-client, settings…
			go func() {
				u.Wait()
				u.post(func() { u.Show(l.s.Show) })
			}()
		}
	}
	if !l.running {
		l.fa.Lifecycle().SetOnStarted(begin)
		return
	}
	u.Window().Show()
	begin()
}

// openCase opens the case asked for on the command line, then the panel.
func (l *Launcher) openCase(u *UI, data Data) {
	ref, show := l.s.Case, l.s.Show
	var id string
	u.async(func(ctx context.Context) (err error) {
		id, err = data.Resolve(ctx, ref)
		return err
	}, func(err error) {
		if err != nil {
			log.Printf("redress gui: %v", err)
			return
		}
		u.OpenCase(id)
		go func() {
			u.Wait() // the case and its timeline are loaded
			u.post(func() { u.Show(show) })
		}()
	})
}

// rescue is the window shown when the data cannot be opened: why, and
// the copies that can be restored.
type rescue struct {
	l       *Launcher
	u       *UI // a UI with no data: its window, dialogs and background work
	msg     *widget.Label
	copies  []app.Copy
	list    *widget.List
	chosen  int
	restore *widget.Button
}

// systemClock is the computer's clock, for the window shown before any
// data is open.
type systemClock struct{}

func (systemClock) Now() time.Time           { return time.Now() }
func (systemClock) Location() *time.Location { return time.Local }

func (l *Launcher) newRescue(err error) *rescue {
	u := base(l.fa, systemClock{})
	u.win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			u.Escape() // closes the open question
		}
	})
	r := &rescue{l: l, u: u, chosen: -1}
	r.msg = wrapped(u.l.Err(err))
	quit := widget.NewButton(u.T("ui.quit"), l.fa.Quit)
	var need *app.RecoveryNeeded
	if errors.As(err, &need) {
		r.msg.SetText(u.T("ui.recover-intro", "dir", l.s.Dir))
		r.restore = widget.NewButtonWithIcon(u.T("ui.recover-restore"), theme.HistoryIcon(), r.ask)
		r.restore.Importance = widget.HighImportance
		r.restore.Disable()
		r.list = widget.NewList(func() int { return len(r.copies) }, r.createRow, r.updateRow)
		r.list.OnSelected = func(id widget.ListItemID) { r.choose(id) }
		buttons := container.NewHBox(quit, r.restore)
		top := container.NewPadded(container.NewVBox(bold(u.T("ui.recover-heading")), r.msg))
		u.win.SetContent(container.NewBorder(top, container.NewCenter(buttons), nil, nil, r.list))
		u.win.Resize(fyne.NewSize(720, 520))
		copies, err := l.s.Copies(context.Background(), l.s.Dir)
		if err != nil {
			log.Printf("redress: list the kept copies: %v", err)
			copies = need.Recovery.Copies
		}
		r.fill(copies)
		return r
	}
	// Another failure (a database from a newer Redress, a folder that
	// cannot be written…): the newest good daily backup, if any.
	buttons := container.NewHBox(quit)
	if b, ok := app.NewestGoodBackup(context.Background(), l.s.Dir); ok && l.s.Dir != "" {
		r.restore = widget.NewButtonWithIcon(u.T("ui.restore-day", "day", b.Day), theme.HistoryIcon(), func() {
			u.confirmWith(u.T("ui.restore-title"), u.T("ui.recover-confirm-backup", "day", b.Day), u.T("ui.restore"), func() { r.restoreFrom(b.Path) })
		})
		r.restore.Importance = widget.HighImportance
		buttons.Add(r.restore)
	}
	u.win.SetContent(container.NewBorder(nil, container.NewCenter(buttons), nil, nil, container.NewVScroll(container.NewPadded(r.msg))))
	u.win.Resize(fyne.NewSize(560, 260))
	return r
}

// fill lists the copies, usable and newest data first, and chooses the
// first usable one.
func (r *rescue) fill(copies []app.Copy) {
	r.copies = copies
	r.list.Refresh()
	r.list.UnselectAll()
	r.chosen = -1
	r.restore.Disable()
	for i, c := range copies {
		if c.Err == nil {
			r.list.Select(i)
			return
		}
	}
}

func (r *rescue) choose(i int) {
	r.chosen = i
	if i >= 0 && i < len(r.copies) && r.copies[i].Err == nil {
		r.restore.Enable()
	} else {
		r.restore.Disable()
	}
}

func (r *rescue) createRow() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	line := widget.NewLabel("")
	line.Truncation = fyne.TextTruncateEllipsis
	return container.NewVBox(title, line)
}

func (r *rescue) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(r.copies) {
		return
	}
	title, line, usable := r.rowText(r.copies[id])
	rows := o.(*fyne.Container).Objects
	rows[0].(*widget.Label).SetText(title)
	l := rows[1].(*widget.Label)
	l.Importance = widget.MediumImportance
	if !usable {
		l.Importance = widget.DangerImportance
	}
	l.SetText(line)
}

// rowText is what the list says of a copy: what it is and its last
// change; what it holds and its file, or why it cannot be used.
func (r *rescue) rowText(c app.Copy) (title, line string, usable bool) {
	u := r.u
	title = u.T("ui.copy-kind-" + c.Kind)
	if !c.LastChange.IsZero() {
		title = u.T("ui.copy-title", "kind", title, "when", c.LastChange.In(u.clock.Location()).Format(timeLayout))
	}
	if c.Err != nil {
		return title, u.T("ui.copy-unusable", "reason", u.l.Err(c.Err)), false // the reason names the file
	}
	return title, u.T("ui.copy-holds", "cases", u.N("ui.cases-n", c.Cases), "events", u.N("ui.entries", c.Events), "file", filepath.Base(c.Path)), true
}

// ask confirms the restore of the chosen copy, saying what it holds.
func (r *rescue) ask() {
	if r.chosen < 0 || r.chosen >= len(r.copies) || r.copies[r.chosen].Err != nil {
		return
	}
	c, u := r.copies[r.chosen], r.u
	when := "-"
	if !c.LastChange.IsZero() {
		when = c.LastChange.In(u.clock.Location()).Format(timeLayout)
	}
	text := u.T("ui.recover-confirm", "file", c.Path, "when", when, "cases", u.N("ui.cases-n", c.Cases), "events", u.N("ui.entries", c.Events))
	u.confirmWith(u.T("ui.recover-title"), text, u.T("ui.recover-restore"), func() { r.restoreFrom(c.Path) })
}

// restoreFrom restores file over the missing database, then opens the data
// and goes on to the main window; a failure is said here and the list of
// copies read again.
func (r *rescue) restoreFrom(file string) {
	u, l := r.u, r.l
	if r.restore != nil {
		r.restore.Disable()
	}
	var data Data
	var aside string
	u.async(func(ctx context.Context) (err error) {
		if aside, err = l.s.Restore(ctx, l.s.Dir, file, time.Now()); err != nil {
			return err
		}
		data, err = l.s.Open(ctx, l.s.Dir)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			r.reload()
			return
		}
		note := u.T("ui.recovered", "file", file)
		if aside != "" {
			note += " " + u.T("ui.recovered-aside", "aside", aside)
		}
		l.start(data, note)
		l.rescue = nil
		u.win.Close()
	})
}

// reload reads the copies again (after a failed restore).
func (r *rescue) reload() {
	if r.list == nil {
		if r.restore != nil {
			r.restore.Enable()
		}
		return
	}
	var copies []app.Copy
	r.u.async(func(ctx context.Context) (err error) {
		copies, err = r.l.s.Copies(ctx, r.l.s.Dir)
		return err
	}, func(err error) {
		if err != nil {
			r.u.showError(err)
			return
		}
		r.fill(copies)
	})
}
