package main

import (
	"context"
	"fmt"
	"os"

	fyneapp "fyne.io/fyne/v2/app"

	"redress/app"
	"redress/cli"
	"redress/internal/localeenv"
	"redress/ui"
)

// runGUI creates the Fyne app and hands over to package ui, which opens
// the data folder (or says why it cannot, and offers what can be
// restored) and runs until the last window closes; it returns the exit
// code.
func runGUI(g cli.GUI) (code int) {
	detachConsole()
	localeenv.Apply()
	fyneapp.SetMetadata(metadata)
	fa := fyneapp.NewWithID(metadata.ID)
	fa.SetIcon(metadata.Icon)
	running := false
	defer func() {
		if running {
			return // a panic in the running app is a bug: let it show
		}
		// The first window could not be made: GLFW found no usable screen
		// (a DISPLAY that names no running X server) and panics.
		if p := recover(); p != nil {
			fmt.Fprintln(os.Stderr, ui.Language(fa).T("gui.cannot-open", "display", os.Getenv("DISPLAY")+os.Getenv("WAYLAND_DISPLAY")))
			code = 1
		}
	}()
	l := ui.Launch(fa, ui.Starter{Dir: g.Dir, Open: openData, Copies: keptCopies, Restore: app.Restore, Case: g.Case, Show: g.Show})
	running = true
	return l.Run()
}

// openData opens the data folder for the desktop app.
func openData(ctx context.Context, dir string) (ui.Data, error) {
	a, err := app.Open(ctx, dir)
	if err != nil {
		return nil, err
	}
	return a, nil
}

// keptCopies lists the copies that could replace a missing database.
func keptCopies(ctx context.Context, dir string) ([]app.Copy, error) {
	r, err := app.Recovery(ctx, dir)
	return r.Copies, err
}
