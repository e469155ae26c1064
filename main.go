// Redress (维权档案) keeps the evidence of a dispute with a payment provider
// and turns it into escalation-ready complaint dossiers. Without arguments
// it opens the desktop app; with arguments it runs the command line.
package main

import (
	"os"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"redress/cli"
	"redress/icons"
)

// Metadata is the app's identity; FyneApp.toml carries the same values for
// `fyne package`.
var metadata = fyne.AppMetadata{
	ID:         "io.github.redress.app",
	Name:       "Redress",
	Version:    cli.Version,
	Build:      1,
	Icon:       fyne.NewStaticResource("icon.png", icons.AppIcon),
	Release:    true,
	Migrations: map[string]bool{"fyneDo": true},
}

func main() {
	args := os.Args[1:]
	if len(args) == 0 || isGUI(args) {
		fyneapp.SetMetadata(metadata)
		fa := fyneapp.NewWithID(metadata.ID)
		fa.SetIcon(metadata.Icon)
		os.Exit(runGUI(fa, args))
	}
	os.Exit(cli.Run(args, os.Stdout, os.Stderr))
}
