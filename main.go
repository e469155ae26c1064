// Redress (维权档案) keeps the evidence of a dispute with a payment provider
// and turns it into escalation-ready complaint dossiers. Without a command
// it opens the desktop app; with one it runs the command line. The command
// line (package cli) parses every argument; this package only starts Fyne.
package main

import (
	"os"

	"fyne.io/fyne/v2"

	"redress/app"
	"redress/cli"
	"redress/icons"
	"redress/internal/localeenv" // imported before Fyne reads the locale: see its doc
)

// metadata is the app's identity; FyneApp.toml carries the same values for
// `fyne package` (a test of package app checks that they agree).
var metadata = fyne.AppMetadata{
	ID:         "io.github.redress.app",
	Name:       "Redress",
	Version:    app.Version,
	Build:      1,
	Icon:       fyne.NewStaticResource("icon.png", icons.AppIcon),
	Release:    true,
	Migrations: map[string]bool{"fyneDo": true},
}

func main() {
	localeenv.Restore() // Fyne's init has read it; runGUI applies it again
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr, runGUI))
}
