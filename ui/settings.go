package ui

import (
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"redress/evidence"
	"redress/lang"
)

// settingsPanel: language, paper size, theme, the data folder, backups and
// the holiday calendars.
type settingsPanel struct {
	language *choice
	paper    *choice
	theme    *choice
	holidays *holidaysPanel
}

// ShowSettings opens the settings dialog. Language applies after a restart;
// theme and paper size at once.
func (u *UI) ShowSettings() { u.showSettings() }

func (u *UI) showSettings() *settingsPanel {
	prefs := u.fa.Preferences()
	p := &settingsPanel{}
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
	dir := widget.NewLabel(u.dataDir)
	dir.Wrapping = fyne.TextWrapBreak
	dir.Selectable = true
	copyDir := u.iconButton(theme.ContentCopyIcon(), u.T("ui.copy"), func() {
		u.fa.Clipboard().SetContent(u.dataDir)
	})
	p.holidays = u.holidaysSection(holidayCalendar(u.svc), u.defaultCalendar())
	f := widget.NewForm(
		widget.NewFormItem(u.T("ui.setting-language"), container.NewVBox(p.language, restart)),
		widget.NewFormItem(u.T("ui.setting-paper"), p.paper),
		widget.NewFormItem(u.T("ui.setting-theme"), p.theme),
		widget.NewFormItem(u.T("ui.setting-data"), container.NewBorder(nil, nil, nil, copyDir, dir)),
		widget.NewFormItem(u.T("ui.setting-backups"), u.backupList()),
		widget.NewFormItem(u.T("ui.setting-check"), u.checkSection()),
		widget.NewFormItem(u.T("ui.para.setting-representative"), u.profileSummary()),
	)
	holidays := container.NewVBox(widget.NewSeparator(), bold(u.T("ui.holidays")), p.holidays.content)
	u.modal(u.T("ui.settings"), container.NewVScroll(container.NewVBox(f, holidays)), "", nil, fyne.NewSize(680, 620))
	return p
}

// defaultCalendar is the holiday calendar Settings opens on: the open
// case's jurisdiction, else the newest case's, else the one the interface
// language and locale suggest (China for Chinese; the United States for
// en_US, else the United Kingdom).
func (u *UI) defaultCalendar() evidence.Jurisdiction {
	if u.view != nil && u.view.caseID != "" && u.view.c.Jurisdiction != "" && u.view.c.Jurisdiction != evidence.Other {
		return u.view.c.Jurisdiction
	}
	if u.cases != nil {
		for _, c := range u.cases.all {
			if c.Jurisdiction != "" && c.Jurisdiction != evidence.Other {
				return c.Jurisdiction
			}
		}
	}
	if u.l == lang.ZH {
		return evidence.CN
	}
	for _, v := range []string{"LC_ALL", "LANG"} {
		if strings.HasPrefix(os.Getenv(v), "en_US") {
			return evidence.US
		}
	}
	return evidence.UK
}
