package main

import (
	"context"
	"flag"
	"io"
	"log"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"redress/app"
	"redress/lang"
	"redress/ui"
)

// isGUI reports whether the arguments ask for the desktop app:
// `redress [--data DIR] gui [--case CASE] [--show VIEW]`.
func isGUI(args []string) bool {
	for i := 0; i < len(args); i++ {
		switch a := args[i]; {
		case a == "gui":
			return true
		case a == "--data" || a == "-data":
			i++
		case len(a) > 7 && a[:7] == "--data=":
		default:
			return false
		}
	}
	return false
}

// runGUI opens the data directory and runs the desktop app until its
// window closes; it returns the exit code.
func runGUI(fa fyne.App, args []string) int {
	fs := flag.NewFlagSet("gui", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	data := fs.String("data", "", "")
	caseRef := fs.String("case", "", "")
	show := fs.String("show", "", "")
	var rest []string
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			log.Printf("redress gui: %v", err)
			return 2
		}
		if fs.NArg() == 0 {
			break
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
	l := ui.Language(fa)
	dir, err := app.DataDir(*data)
	var svc *app.App
	if err == nil {
		svc, err = app.Open(context.Background(), dir)
	}
	if err != nil {
		failed(fa, l, dir, err)
		return 1
	}
	defer svc.Close()
	u := ui.New(fa, svc)
	fa.Lifecycle().SetOnStarted(u.StartMaintenance)
	if *caseRef != "" {
		id, err := svc.Resolve(context.Background(), *caseRef)
		if err != nil {
			log.Printf("redress gui: %v", err)
		} else {
			fa.Lifecycle().SetOnStarted(func() {
				u.StartMaintenance()
				u.OpenCase(id)
				go func() {
					u.Wait() // the case and its timeline are loaded
					fyne.Do(func() { u.Show(*show) })
				}()
			})
		}
	}
	u.Window().SetMaster()
	u.Window().ShowAndRun()
	return 0
}

// failed shows why the data could not be opened (a damaged or newer
// database, a folder that cannot be written) and waits for the user.
func failed(fa fyne.App, l lang.Lang, dir string, err error) {
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
	w.ShowAndRun()
}
