package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// settingsPanel: language, paper size, theme and the data folder.
type settingsPanel struct {
	language *choice
	paper    *choice
	theme    *choice
}

// ShowSettings opens the settings dialog. Language applies after a restart;
// theme and paper size at once.
func (u *UI) ShowSettings() {
	prefs := u.fa.Preferences()
	p := &settingsPanel{}
	u.lastSettings = p
	p.language = u.newChoice("setting-lang", []string{"system", "en", "zh"}, prefs.StringWithFallback(PrefLanguage, "system"))
	p.paper = u.newChoice("setting-paper", []string{"a4", "letter"}, prefs.StringWithFallback(PrefPaper, "a4"))
	p.theme = u.newChoice("setting-theme", []string{"system", "light", "dark"}, prefs.StringWithFallback(PrefTheme, "system"))
	restart := widget.NewLabel(u.T("ui.restart-note"))
	restart.Importance = widget.LowImportance
	restart.Wrapping = fyne.TextWrapWord
	restart.Hide()
	p.language.OnChanged = func(string) {
		v := p.language.value()
		if v == "system" {
			v = ""
		}
		prefs.SetString(PrefLanguage, v)
		restart.Show()
	}
	p.paper.OnChanged = func(string) { prefs.SetString(PrefPaper, p.paper.value()) }
	p.theme.OnChanged = func(string) {
		prefs.SetString(PrefTheme, p.theme.value())
		applyTheme(u.fa)
	}
	dir := widget.NewLabel(u.svc.Dir())
	dir.Wrapping = fyne.TextWrapBreak
	dir.Selectable = true
	copyDir := widget.NewButtonWithIcon(u.T("ui.copy"), theme.ContentCopyIcon(), func() {
		u.fa.Clipboard().SetContent(u.svc.Dir())
	})
	f := widget.NewForm(
		widget.NewFormItem(u.T("ui.setting-language"), container.NewVBox(p.language, restart)),
		widget.NewFormItem(u.T("ui.setting-paper"), p.paper),
		widget.NewFormItem(u.T("ui.setting-theme"), p.theme),
		widget.NewFormItem(u.T("ui.setting-data"), container.NewBorder(nil, nil, nil, copyDir, dir)),
		widget.NewFormItem(u.T("ui.setting-backups"), u.backupList()),
		widget.NewFormItem(u.T("ui.holidays"), u.holidaysSection()),
	)
	u.modal(u.T("ui.settings"), container.NewVScroll(f), "", nil, fyne.NewSize(680, 620))
}
