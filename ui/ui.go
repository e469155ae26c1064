// Package ui is the Redress desktop app, built with Fyne. It reaches the
// data only through small interfaces declared next to the panel that uses
// them (caseLister in caselist.go, callRecorder in call.go…), which the app
// package implements; it never touches the database directly.
package ui

import (
	"context"
	"errors"
	"log"
	"os"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	fynelang "fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"redress/cli"
	"redress/escalation"
	"redress/evidence"
	"redress/lang"
	"redress/letters"
)

// clock is the app's time: now, and the zone times are typed in.
type clock interface {
	Now() time.Time
	Location() *time.Location
}

// Service is everything the desktop app uses from the app layer: the union
// of what its panels declare. *app.App implements it.
type Service interface {
	clock
	Dir() string
	caseLister
	caseReader
	caseWriter
	eventWriter
	attacher
	attachmentReader
	assessor
	letterWriter
	dossierMaker
	archiver
	maintainer
	logChecker
	holidayCalendar
	lawDesk
	poster
	capturer
	// Paralegals and official forms (issue 14).
	profileEditor
	clientKeeper
	formAnswerer
	recordsMaker
	authorityMaker
	entryChooser
}

// Preference keys.
const (
	PrefLanguage = "language" // "", "en" or "zh"
	PrefPaper    = "paper"    // "a4" or "letter"
	PrefTheme    = "theme"    // "system", "light" or "dark"
)

// UI is the running desktop app.
type UI struct {
	fa      fyne.App
	svc     Service
	dataDir string
	clock   clock
	l       lang.Lang
	ctx     context.Context // cancelled when the main window closes
	cancel  context.CancelFunc
	win     fyne.Window

	cases    *caseList
	view     *caseView
	split    *container.Split
	banner   *fyne.Container // shown while the database is damaged
	bridge   *bridge         // background work and its way back to the widgets
	thumbs   *thumbCache
	launcher launcher // opens files and folders with the system's programs
	tips     *tips
	submit   func()                             // the open form's save action, for Ctrl+Enter
	escape   func()                             // closes the open dialog, for Esc
	dialogs  map[*dialog.CustomDialog]fyne.Size // open dialogs and the size each asked for
	alerts   []escalation.Alert                 // what the case list last read, for the home screen
	cap      *capture                           // pasting and screenshots (capture.go)
}

// Language picks the interface language: the saved preference, else the
// system locale.
func Language(fa fyne.App) lang.Lang {
	if l, ok := lang.Parse(fa.Preferences().String(PrefLanguage)); ok {
		return l
	}
	return lang.Detect()
}

// base makes a UI with its window and no panels: what every panel needs
// (language, clock, background work, dialogs). New adds the panels.
func base(fa fyne.App, c clock) *UI {
	u := &UI{fa: fa, clock: c, l: Language(fa), dialogs: map[*dialog.CustomDialog]fyne.Size{}, bridge: newBridge(),
		launcher: systemLauncher{}}
	speakFyne(u.l)
	u.ctx, u.cancel = context.WithCancel(context.Background())
	u.tips = newTips()
	applyTheme(fa)
	choosePathsOnly() // the save dialog gives a path; app writes the file (savefile.go)
	u.win = fa.NewWindow(u.T("app.title"))
	u.win.SetIcon(fa.Icon())
	u.win.SetOnClosed(u.cancel)
	return u
}

// speakFyne makes Fyne's own dialogs (the file dialogs and their
// questions, which Fyne translates itself) use the interface language
// chosen here rather than only the system's: Fyne reads the locale from the
// environment, LANGUAGE first, when its translations change.
func speakFyne(l lang.Lang) {
	tag := "en"
	if l == lang.ZH {
		tag = "zh_CN"
	}
	if os.Getenv("LANGUAGE") == tag {
		return
	}
	os.Setenv("LANGUAGE", tag)
	if err := fynelang.AddTranslationsForLocale([]byte("{}"), fyne.Locale("en")); err != nil {
		log.Printf("redress: Fyne translations: %v", err)
	}
}

// New builds the main window. Call Window().ShowAndRun() to start.
func New(fa fyne.App, svc Service) *UI {
	u := base(fa, svc)
	u.svc, u.dataDir = svc, svc.Dir()
	u.thumbs = newThumbCache(u, svc)
	u.cap = newCapture()
	u.cases = newCaseList(u, svc)
	u.view = newCaseView(u, svc)
	u.split = container.NewHSplit(u.cases.content, u.view.content)
	u.split.Offset = 0.3
	u.banner = u.damagedBanner()
	body := container.NewBorder(u.banner, nil, nil, nil, u.split)
	u.win.SetContent(container.New(&rootLayout{u: u}, u.tips.layer(u.win.Canvas(), body)))
	u.refreshDamaged()
	u.win.SetMainMenu(u.menu())
	u.win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape && u.escape != nil {
			u.escape()
		}
	})
	u.win.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) { u.Dropped(uris) })
	u.win.Canvas().AddShortcut(&fyne.ShortcutPaste{}, u.pasteKey)
	u.win.Resize(fyne.NewSize(1200, 780))
	u.cases.reload()
	return u
}

// Window is the main window.
func (u *UI) Window() fyne.Window { return u.win }

// T translates a key.
func (u *UI) T(key string, kv ...string) string { return u.l.T(key, kv...) }

// N translates a count (lang.Lang.N).
func (u *UI) N(key string, n int, kv ...string) string { return u.l.N(key, n, kv...) }

// Wait blocks until background work started so far has finished, and
// what it does to the widgets has been done (tests; see bridge).
func (u *UI) Wait() { u.bridge.wait() }

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
	backup := fyne.NewMenuItem(u.T("ui.backup-now"), u.BackupNow)
	importItem := fyne.NewMenuItem(u.T("ui.import-case"), u.ImportCase)
	verifyItem := fyne.NewMenuItem(u.T("ui.verify-file"), u.VerifyFile)
	about := fyne.NewMenuItem(u.T("ui.about"), u.showAbout)
	return fyne.NewMainMenu(
		fyne.NewMenu(u.T("ui.menu-file"), newCase, importItem, verifyItem, fyne.NewMenuItemSeparator(), settings, backup, fyne.NewMenuItemSeparator(), quit),
		fyne.NewMenu(u.T("ui.menu-edit"), find, save),
		fyne.NewMenu(u.T("ui.menu-help"), about),
	)
}

// Find puts the cursor in the search box of the open case, or of the case list.
func (u *UI) Find() {
	if u.view.caseID != "" {
		u.focus(u.view.search)
		return
	}
	u.focus(u.cases.search)
}

// focus gives the keyboard focus to a widget in whichever window holds it.
func (u *UI) focus(o fyne.Focusable) {
	if o == nil {
		return
	}
	if co, ok := o.(fyne.CanvasObject); ok {
		if c := fyne.CurrentApp().Driver().CanvasForObject(co); c != nil {
			c.Focus(o)
			return
		}
	}
	u.win.Canvas().Focus(o)
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

// modalForm is modal for a form: Esc or Cancel ask before throwing away
// anything typed since it opened.
func (u *UI) modalForm(title string, content fyne.CanvasObject, saveLabel string, save func(close func()), size fyne.Size) *shown {
	before := formState(content)
	return u.modalCancel(title, content, saveLabel, save, size, "", func(close func()) {
		if formState(content) == before {
			close()
			return
		}
		u.confirmWith(u.T("ui.discard-title"), u.T("ui.discard-text"), u.T("ui.discard"), close)
	})
}

// shown is an open dialog and its save button (nil when it has none).
type shown struct {
	dialog.Dialog
	save  *widget.Button
	close func()
}

// modalCancel is modal with its own cancel button label and action; cancel
// receives the function that closes the dialog.
func (u *UI) modalCancel(title string, content fyne.CanvasObject, saveLabel string, save func(close func()), size fyne.Size,
	cancelLabel string, cancel func(close func())) *shown {
	var d *dialog.CustomDialog
	prevSubmit, prevEscape := u.submit, u.escape
	layer := u.tips.push(u.win.Canvas())
	closed := false
	closeIt := func() {
		if closed {
			return
		}
		closed = true
		u.submit, u.escape = prevSubmit, prevEscape
		u.tips.pop(u.win.Canvas(), layer)
		delete(u.dialogs, d)
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
	d = dialog.NewCustomWithoutButtons(title, container.NewStack(content, layer), u.win)
	d.SetButtons(buttons)
	d.Resize(u.fit(size))
	if size.Width > 0 {
		u.dialogs[d] = size
	}
	d.Show()
	return &shown{Dialog: d, save: ok, close: closeIt}
}

// rootLayout stacks the window's content and, when the window changes
// size, fits the open dialogs to it again.
type rootLayout struct {
	u    *UI
	last fyne.Size
}

func (l *rootLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	layout.NewStackLayout().Layout(objects, size)
	if size != l.last {
		l.last = size
		fyne.Do(func() {
			for d, want := range l.u.dialogs {
				d.Resize(l.u.fit(want))
			}
		})
	}
}

func (l *rootLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	return layout.NewStackLayout().MinSize(objects)
}

// fit shrinks a dialog size to the window, so that no dialog is larger
// than the screen the window is on (its content scrolls instead).
func (u *UI) fit(size fyne.Size) fyne.Size { return fitTo(u.win, size) }

// fitTo shrinks a dialog size to the window w.
func fitTo(w fyne.Window, size fyne.Size) fyne.Size {
	if size.Width <= 0 {
		return size
	}
	win := w.Canvas().Size()
	if win.Width > 0 {
		size.Width = min(size.Width, win.Width-24)
	}
	if win.Height > 0 {
		size.Height = min(size.Height, win.Height-24)
	}
	return size
}

// showError reports err in a dialog in the user's language. Errors that
// are not the user's to fix are also logged.
func (u *UI) showError(err error) {
	if err == nil || errors.Is(err, context.Canceled) {
		return
	}
	var le *lang.Error
	if !errors.As(err, &le) && len(evidence.Fields(err)) == 0 {
		log.Printf("redress: %v", err)
	}
	u.notice(u.T("ui.error-title"), u.l.Err(err))
}

// showErrorOn is showError over another window of the app (the attachment
// viewer): the sentence in a dialog there, where the user is looking.
func (u *UI) showErrorOn(w fyne.Window, err error) {
	if w == nil || w == u.win {
		u.showError(err)
		return
	}
	if err == nil || errors.Is(err, context.Canceled) {
		return
	}
	var le *lang.Error
	if !errors.As(err, &le) && len(evidence.Fields(err)) == 0 {
		log.Printf("redress: %v", err)
	}
	msg := widget.NewLabel(u.l.Err(err))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(u.T("ui.error-title"), u.T("ui.close"), container.NewVScroll(msg), w)
	d.Resize(fitTo(w, fyne.NewSize(480, 220)))
	d.Show()
}

// async runs work in the background with the window's context, then done
// on the UI thread with its error; a non-nil error is shown unless done
// handles it. Nothing runs after the window has closed. All background
// work goes through here.
func (u *UI) async(work func(ctx context.Context) error, done func(err error)) {
	u.bridge.start()
	go func() {
		defer u.bridge.finish()
		err := work(u.ctx)
		if u.ctx.Err() != nil {
			return
		}
		u.do(func() {
			if done != nil {
				done(err)
			} else if err != nil {
				u.showError(err)
			}
		})
	}()
}

// every calls fn on the UI thread every d until the window closes or stop
// is called.
func (u *UI) every(d time.Duration, fn func()) (stop func()) {
	t := time.NewTicker(d)
	quit := make(chan struct{})
	var once sync.Once
	stop = func() { once.Do(func() { close(quit) }) }
	go func() {
		defer t.Stop()
		for {
			select {
			case <-u.ctx.Done():
				return
			case <-quit:
				return
			case <-t.C:
				u.do(fn)
			}
		}
	}()
	return stop
}

// do runs fn on the UI thread from a background goroutine and waits for
// it (never call it on the UI thread itself).
func (u *UI) do(fn func()) { u.bridge.do(u.ctx, fn) }

// post runs fn on the UI thread from a background goroutine without
// waiting (progress reports from a renderer's workers).
func (u *UI) post(fn func()) { u.bridge.post(fn) }

func (u *UI) showAbout() {
	dir := ""
	if u.svc != nil {
		dir = u.svc.Dir()
	}
	u.notice(u.T("ui.about"), u.T("ui.about-text", "version", cli.Version, "dir", dir))
}

// Show opens one of the app's panels for the open case by name: "call",
// "new-case", "settings", "add-files", "dossier", "post" (the public
// post's draft), "rights" (the status panel at "Your rights"), "about",
// "profile", "new-client", "forms", "records", "authority", "entries" (the
// regulator dossier's), "case-details" (the edit form, its details for the
// official forms open), an event kind ("contact", "note"…), "viewer" (the
// newest attachment), "paste", "screenshot", "emails" (the email picker) or
// "import-emails=PATHS" (PATHS joined with the system's list separator).
// Used by
// `redress gui --show` (screenshots).
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
	case "dossier":
		u.CreateDossier()
	case "post":
		u.ShowPostDraft()
	case "rights":
		u.ShowRights()
	case "about":
		u.showAbout()
	case "paste":
		u.Paste()
	case "screenshot":
		u.TakeScreenshot()
	case "emails":
		u.PickEmails()
	case "profile":
		u.EditProfile()
	case "new-client":
		u.NewClient()
	case "forms":
		u.FormAnswers()
	case "records":
		u.RecordsRequest()
	case "authority":
		u.LetterOfAuthority()
	case "case-details":
		if u.view.caseID != "" {
			u.editCaseDialog(u.view.c).more.focusField("phone")
		}
	case "entries":
		if u.view.caseID != "" {
			u.chooseEntries(u.svc, u.view.caseID, letters.Regulator, nil)
		}
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
		if paths, ok := strings.CutPrefix(view, "import-emails="); ok {
			u.ImportEmails(strings.Split(paths, string(os.PathListSeparator)))
			return
		}
		if evidence.Valid(evidence.Kind(view)) {
			u.AddEvent(evidence.Kind(view))
		}
	}
}
