// Package ui is the Redress desktop app, built with Fyne. It reaches the
// data only through the Service interface it declares, which the app
// package implements; it never touches the database directly.
package ui

import (
	"context"
	"errors"
	"io"
	"log"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"redress/app"
	"redress/escalation"
	"redress/evidence"
	"redress/lang"
	"redress/letters"
)

// Service is what the desktop app needs from the app layer.
type Service interface {
	Dir() string
	Now() time.Time
	Location() *time.Location
	MaxAttachment() int64
	Cases(ctx context.Context, archived bool) ([]app.CaseSummary, error)
	Providers(ctx context.Context) ([]string, error)
	NewCase(ctx context.Context, in app.CaseInput) (evidence.Case, error)
	Case(ctx context.Context, ref string) (evidence.Case, error)
	UpdateCase(ctx context.Context, c *evidence.Case) error
	CaseHistory(ctx context.Context, id string) ([]evidence.Case, error)
	ArchiveCase(ctx context.Context, ref string) error
	RestoreCase(ctx context.Context, ref string) error
	Timeline(ctx context.Context, ref string, q app.Query) ([]evidence.Event, error)
	Count(ctx context.Context, caseID string, q app.Query) (int, error)
	AddEvent(ctx context.Context, caseRef string, in app.EventInput) (evidence.Event, error)
	Event(ctx context.Context, id string) (evidence.Event, error)
	EventHistory(ctx context.Context, id string) ([]evidence.Event, error)
	UpdateEvent(ctx context.Context, e *evidence.Event) error
	ArchiveEvent(ctx context.Context, id string) error
	RestoreEvent(ctx context.Context, id string) error
	AttachUsable(ctx context.Context, caseID string, paths []string, in app.AttachInput) (evidence.Event, []app.FileCheck, error)
	Search(ctx context.Context, text, caseRef string) ([]app.Hit, error)
	ReadAttachment(ctx context.Context, id string) ([]byte, evidence.Attachment, error)
	IntegrityCheck(ctx context.Context) ([]string, error)
	AutoBackup(ctx context.Context) (string, error)
	RestoreInPlace(ctx context.Context, file string) (string, error)
	Export(ctx context.Context, caseRef, out string, opts app.ExportOptions) error
	Import(ctx context.Context, file string, opts app.ImportOptions) (evidence.Case, error)
	VerifyDossier(ctx context.Context, path string) (app.VerifyReport, error)
	Assess(ctx context.Context, caseRef string) (evidence.Case, escalation.Assessment, error)
	Attention(ctx context.Context) ([]escalation.Alert, error)
	Overrides(ctx context.Context, caseID string) (map[string]string, error)
	SetOverride(ctx context.Context, caseID, ruleID, window string) error
	SetChecklist(ctx context.Context, caseID, itemID string, done bool) error
	SelfCheck(ctx context.Context, caseID string, item escalation.Item, text string) (evidence.Event, error)
	Holidays(ctx context.Context, j evidence.Jurisdiction) ([]app.Holiday, error)
	ImportHolidays(ctx context.Context, j evidence.Jurisdiction, r io.Reader) (int, error)
	SetHoliday(ctx context.Context, j evidence.Jurisdiction, h app.Holiday, remove bool) error
	LetterText(ctx context.Context, caseRef string, to letters.Recipient, language evidence.Language) (string, bool, error)
	ComposeLetter(ctx context.Context, caseRef string, to letters.Recipient, language evidence.Language) (string, error)
	SaveDraft(ctx context.Context, caseID string, to letters.Recipient, language evidence.Language, text string) error
	Dossier(ctx context.Context, caseRef string, opts app.DossierOptions) (app.DossierResult, error)
	MarkSent(ctx context.Context, rec app.DossierRecord, method, reference string, at time.Time) (evidence.Event, error)
}

// Preference keys.
const (
	PrefLanguage = "language" // "", "en" or "zh"
	PrefPaper    = "paper"    // "a4" or "letter"
	PrefTheme    = "theme"    // "system", "light" or "dark"
)

// UI is the running desktop app.
type UI struct {
	fa  fyne.App
	svc Service
	l   lang.Lang
	ctx context.Context
	win fyne.Window

	cases   *caseList
	view    *caseView
	split   *container.Split
	pending sync.WaitGroup
	uiMu    sync.Mutex // serializes UI callbacks; the test driver runs them on worker goroutines
	thumbs  *thumbCache
	submit  func() // the open form's save action, for Ctrl+Enter
	escape  func() // closes the open dialog, for Esc
	// The forms and panels opened last, for tests.
	lastCaseForm    *caseForm
	lastEventForm   *eventForm
	lastCall        *callPanel
	lastImport      *importPanel
	lastPicker      *picker
	lastViewer      *viewer
	lastSettings    *settingsPanel
	lastVerify      *app.VerifyReport
	lastLetter      *entry
	lastSelfCheck   *fyne.Container
	lastHolidays    *holidaysPanel
	lastDossier     *dossierPanel
	lastDossierDone *app.DossierResult
	alerts          []escalation.Alert
	notified        int
}

// Language picks the interface language: the saved preference, else the
// system locale.
func Language(fa fyne.App) lang.Lang {
	if l, ok := lang.Parse(fa.Preferences().String(PrefLanguage)); ok {
		return l
	}
	return lang.Detect()
}

// New builds the main window. Call Window().ShowAndRun() to start.
func New(fa fyne.App, svc Service) *UI {
	u := &UI{fa: fa, svc: svc, l: Language(fa), ctx: context.Background()}
	u.thumbs = newThumbCache(u)
	applyTheme(fa)
	u.win = fa.NewWindow(u.T("app.title"))
	u.win.SetIcon(fa.Icon())
	u.cases = newCaseList(u)
	u.view = newCaseView(u)
	u.split = container.NewHSplit(u.cases.content, u.view.content)
	u.split.Offset = 0.32
	u.win.SetContent(u.split)
	u.win.SetMainMenu(u.menu())
	u.win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape && u.escape != nil {
			u.escape()
		}
	})
	u.win.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) { u.Dropped(uris) })
	u.win.Resize(fyne.NewSize(1200, 780))
	u.cases.reload()
	return u
}

// Window is the main window.
func (u *UI) Window() fyne.Window { return u.win }

// T translates a key.
func (u *UI) T(key string, kv ...string) string { return u.l.T(key, kv...) }

// Wait blocks until background work started so far has finished (tests).
func (u *UI) Wait() { u.pending.Wait() }

var (
	shortcutNew    = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutFind   = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutSave   = &desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutSaveKP = &desktop.CustomShortcut{KeyName: fyne.KeyEnter, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutQuit   = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}
)

func (u *UI) menu() *fyne.MainMenu {
	newCase := fyne.NewMenuItem(u.T("ui.new-case"), u.NewCase)
	newCase.Shortcut = shortcutNew
	find := fyne.NewMenuItem(u.T("ui.find"), u.Find)
	find.Shortcut = shortcutFind
	save := fyne.NewMenuItem(u.T("ui.save-form"), u.Submit)
	save.Shortcut = shortcutSave
	saveKP := fyne.NewMenuItem(u.T("ui.save-form"), u.Submit)
	saveKP.Shortcut = shortcutSaveKP
	quit := fyne.NewMenuItem(u.T("ui.quit"), func() { u.fa.Quit() })
	quit.Shortcut = shortcutQuit
	quit.IsQuit = true
	settings := fyne.NewMenuItem(u.T("ui.settings"), u.ShowSettings)
	importItem := fyne.NewMenuItem(u.T("ui.import-case"), u.ImportCase)
	verifyItem := fyne.NewMenuItem(u.T("ui.verify-file"), u.VerifyFile)
	about := fyne.NewMenuItem(u.T("ui.about"), u.showAbout)
	return fyne.NewMainMenu(
		fyne.NewMenu(u.T("ui.menu-file"), newCase, importItem, verifyItem, fyne.NewMenuItemSeparator(), settings, fyne.NewMenuItemSeparator(), quit),
		fyne.NewMenu(u.T("ui.menu-edit"), find, save),
		fyne.NewMenu(u.T("ui.menu-help"), about),
	)
}

// Find puts the cursor in the search box of the open case, or of the case list.
func (u *UI) Find() {
	if u.view.caseID != "" {
		u.win.Canvas().Focus(u.view.search)
		return
	}
	u.win.Canvas().Focus(u.cases.search)
}

// Submit saves the open form (Ctrl/Cmd+Enter).
func (u *UI) Submit() {
	if u.submit != nil {
		u.submit()
	}
}

// Escape closes the open dialog (Esc).
func (u *UI) Escape() {
	if u.escape != nil {
		u.escape()
	}
}

// modal shows content in a dialog with the given buttons. save (may be nil)
// is bound to Ctrl/Cmd+Enter; Esc and the cancel button close it.
func (u *UI) modal(title string, content fyne.CanvasObject, saveLabel string, save func(close func()), size fyne.Size) *shown {
	return u.modalCancel(title, content, saveLabel, save, size, "", nil)
}

// shown is an open dialog and its save button (nil when it has none).
type shown struct {
	dialog.Dialog
	save *widget.Button
}

// modalCancel is modal with its own cancel button label and action; cancel
// receives the function that closes the dialog.
func (u *UI) modalCancel(title string, content fyne.CanvasObject, saveLabel string, save func(close func()), size fyne.Size,
	cancelLabel string, cancel func(close func())) *shown {
	var d *dialog.CustomDialog
	prevSubmit, prevEscape := u.submit, u.escape
	closeIt := func() {
		u.submit, u.escape = prevSubmit, prevEscape
		d.Hide()
	}
	onCancel := closeIt
	if cancel != nil {
		onCancel = func() { cancel(closeIt) }
	}
	if cancelLabel == "" {
		cancelLabel = u.T("ui.cancel")
	}
	cancelBtn := widget.NewButton(cancelLabel, onCancel)
	buttons := []fyne.CanvasObject{cancelBtn}
	var ok *widget.Button
	if save != nil {
		ok = widget.NewButton(saveLabel, func() { save(closeIt) })
		ok.Importance = widget.HighImportance
		buttons = append(buttons, ok)
		u.submit = func() { save(closeIt) }
	} else {
		cancelBtn.SetText(u.T("ui.close"))
		u.submit = nil
	}
	u.escape = onCancel
	d = dialog.NewCustomWithoutButtons(title, content, u.win)
	d.SetButtons(buttons)
	if size.Width > 0 {
		d.Resize(size)
	}
	d.Show()
	return &shown{Dialog: d, save: ok}
}

// showError reports err in a dialog in the user's language. Errors that
// are not the user's to fix are also logged.
func (u *UI) showError(err error) {
	if err == nil {
		return
	}
	var le *lang.Error
	if !errors.As(err, &le) && len(evidence.Fields(err)) == 0 {
		log.Printf("redress: %v", err)
	}
	msg := widget.NewLabel(u.l.Err(err))
	msg.Wrapping = fyne.TextWrapWord
	u.modal(u.T("ui.error-title"), container.NewGridWrap(fyne.NewSize(420, msg.MinSize().Height*3), msg), "", nil, fyne.Size{})
}

// async runs work off the UI thread and then done (on the UI thread) with
// its error; a non-nil error is shown unless done handles it.
func (u *UI) async(work func() error, done func(err error)) {
	u.pending.Add(1)
	go func() {
		defer u.pending.Done()
		err := work()
		u.do(func() {
			if done != nil {
				done(err)
			} else if err != nil {
				u.showError(err)
			}
		})
	}()
}

// do runs fn on the UI thread from a background goroutine and waits.
func (u *UI) do(fn func()) {
	fyne.DoAndWait(func() {
		u.uiMu.Lock()
		defer u.uiMu.Unlock()
		fn()
	})
}

func (u *UI) showAbout() {
	text := widget.NewLabel(u.T("ui.about-text", "dir", u.svc.Dir()))
	text.Wrapping = fyne.TextWrapWord
	u.modal(u.T("ui.about"), container.NewGridWrap(fyne.NewSize(460, 200), text), "", nil, fyne.Size{})
}

// Show opens one of the app's panels for the open case by name: "call",
// "new-case", "settings", "add-files", an event kind ("contact", "note"…)
// or "viewer" (the newest attachment). Used by `redress gui --show`.
func (u *UI) Show(view string) {
	switch view {
	case "call":
		u.StartCall()
	case "new-case":
		u.NewCase()
	case "settings":
		u.ShowSettings()
	case "add-files":
		u.AddFiles()
	case "viewer":
		for i := 0; i < u.view.model.count && i < pageSize; i++ {
			if e, ok := u.view.model.get(i); ok && len(e.Attachments) > 0 {
				u.view.list.Select(i)
				u.ShowAttachment(e.Attachments[0])
				return
			}
		}
	case "":
	default:
		if evidence.Valid(evidence.Kind(view)) {
			u.AddEvent(evidence.Kind(view))
		}
	}
}
