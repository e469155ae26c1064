package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"redress/fonts"
)

var (
	fontRegular = fyne.NewStaticResource(fonts.RegularName, fonts.Regular)
	fontBold    = fyne.NewStaticResource(fonts.BoldName, fonts.Bold)
)

// appTheme is Fyne's default theme with the embedded Noto Sans SC, so that
// Chinese renders on machines without CJK fonts, and an optional fixed
// light or dark variant.
type appTheme struct {
	variant fyne.ThemeVariant
	fixed   bool
}

func (t *appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.fixed {
		v = t.variant
	}
	return theme.DefaultTheme().Color(n, v)
}

func (t *appTheme) Font(s fyne.TextStyle) fyne.Resource {
	switch {
	case s.Monospace || s.Symbol:
		return theme.DefaultTheme().Font(s)
	case s.Bold:
		return fontBold
	}
	return fontRegular
}

func (t *appTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (t *appTheme) Size(n fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(n) }

// newTheme returns the theme for a preference value: "light", "dark" or
// anything else for the system's choice.
func newTheme(pref string) fyne.Theme {
	switch pref {
	case "light":
		return &appTheme{variant: theme.VariantLight, fixed: true}
	case "dark":
		return &appTheme{variant: theme.VariantDark, fixed: true}
	}
	return &appTheme{}
}

func applyTheme(fa fyne.App) {
	fa.Settings().SetTheme(newTheme(fa.Preferences().StringWithFallback(PrefTheme, "system")))
}
