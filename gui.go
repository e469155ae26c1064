package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"redress/app"
	"redress/cli"
	"redress/internal/localeenv"
	"redress/lang"
	"redress/ui"
)

// runGUI creates the Fyne app, opens the data folder and hands over to the
// main window until it closes; it returns the exit code.
func runGUI(g cli.GUI) (code int) {
	detachConsole()
	localeenv.Apply()
	fyneapp.SetMetadata(metadata)
	fa := fyneapp.NewWithID(metadata.ID)
	fa.SetIcon(metadata.Icon)
	l := ui.Language(fa)
	running := false
	defer func() {
		if running {
			return // a panic in the running app is a bug: let it show
		}
		// The first window could not be made: GLFW found no usable screen
		// (a DISPLAY that names no running X server) and panics.
		if p := recover(); p != nil {
			fmt.Fprintln(os.Stderr, l.T("gui.cannot-open", "display", os.Getenv("DISPLAY")+os.Getenv("WAYLAND_DISPLAY")))
			code = 1
		}
	}()
	svc, err := app.Open(context.Background(), g.Dir)
	if err != nil {
		failed(fa, l, g.Dir, err, &running)
		return 1
	}
	defer svc.Close()
	u := ui.New(fa, svc)
	fa.Lifecycle().SetOnStarted(u.StartMaintenance)
	if g.Case != "" {
		id, err := svc.Resolve(context.Background(), g.Case)
		if err != nil {
			log.Printf("redress gui: %v", err)
		} else {
			fa.Lifecycle().SetOnStarted(func() {
				u.StartMaintenance()
				u.OpenCase(id)
				go func() {
					u.Wait() // the case and its timeline are loaded
					fyne.Do(func() { u.Show(g.Show) })
				}()
			})
		}
	}
	if g.Case == "" && g.Show != "" { // a view that needs no case: profile, new-client, settings…
		fa.Lifecycle().SetOnStarted(func() {
			u.StartMaintenance()
			go func() {
				u.Wait()
				fyne.Do(func() { u.Show(g.Show) })
			}()
		})
	}
	u.Window().SetMaster()
	running = true
	u.Window().ShowAndRun()
	return 0
}

// failed shows why the data could not be opened (a damaged or newer
// database, a folder that cannot be written) and waits for the user.
func failed(fa fyne.App, l lang.Lang, dir string, err error, running *bool) {
	log.Printf("redress: %v", err)
	w := fa.NewWindow(l.T("app.title"))
	msg := widget.NewLabel(l.Err(err))
	msg.Wrapping = fyne.TextWrapWord
	buttons := container.NewHBox(widget.NewButton(l.T("ui.quit"), fa.Quit))
	if b, ok := app.NewestGoodBackup(context.Background(), dir); ok && dir != "" {
		restore := widget.NewButton(l.T("ui.restore-day", "day", b.Day), nil)
		restore.Importance = widget.HighImportance
		restore.OnTapped = func() {
			aside, err := app.Restore(context.Background(), dir, b.Path, time.Now())
			if err != nil {
				msg.SetText(l.Err(err))
				return
			}
			restore.Disable()
			msg.SetText(l.T("ui.restored-restart", "aside", aside))
		}
		buttons.Add(restore)
	}
	w.SetContent(container.NewBorder(nil, container.NewCenter(buttons), nil, nil, container.NewPadded(msg)))
	w.Resize(fyne.NewSize(560, 220))
	*running = true
	w.ShowAndRun()
}
