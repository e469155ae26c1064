package ui

import (
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// PrefLastFolder, followed by ":" and the data folder, remembers where
// files were last picked from or saved to with that data folder.
const PrefLastFolder = "last-folder"

// evidenceExts are the file types the picker shows unless "all files" is ticked.
var evidenceExts = map[string]bool{".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true,
	".heic": true, ".heif": true, ".bmp": true, ".tif": true, ".tiff": true, ".pdf": true}

// pickKind is what a picker chooses: the files it shows unless "all
// files" is ticked, its title, and its button ("Attach 2 files").
type pickKind struct {
	exts   map[string]bool
	title  string // lang key
	hint   string // lang key
	button string // lang key of a count
}

var (
	pickEvidence = pickKind{evidenceExts, "ui.pick-title", "ui.picker-hint", "ui.attach-n"}
	pickEmails   = pickKind{mailExts, "ui.mail-pick-title", "ui.mail-pick-hint", "ui.mail-import-n"}
)

// picker is a file chooser that can select many files at once (Fyne's own
// file dialog picks one), filtered to images and PDFs (or to emails): a
// path that can be typed or pasted, the usual folders one click away
// (places.go), thumbnails of pictures.
type picker struct {
	u        *UI
	kind     pickKind
	dir      string
	entries  []os.DirEntry
	chosen   map[string]bool
	all      *widget.Check
	path     *entry
	problem  *widget.Label
	places   []place
	list     *widget.List
	attach   *widget.Button
	onChosen func([]string)
	shown    *shown
}

// AddFiles lets the user pick screenshots and documents for the open case.
func (u *UI) AddFiles() { u.addFiles() }

func (u *UI) addFiles() *picker {
	if u.view.caseID == "" {
		u.showError(langError("ui.open-case-first"))
		return nil
	}
	return u.pickFiles(func(paths []string) { u.ImportFiles(paths) })
}

func (u *UI) pickFiles(onChosen func([]string)) *picker { return u.pick(pickEvidence, onChosen) }

func (u *UI) pick(kind pickKind, onChosen func([]string)) *picker {
	p := &picker{u: u, kind: kind, chosen: map[string]bool{}, onChosen: onChosen}
	start := u.lastFolder()
	p.path = u.newEntry(u.T("ui.picker-path-hint"))
	p.path.OnSubmitted = p.goTo
	p.problem = widget.NewLabel("")
	p.problem.Importance = widget.DangerImportance
	p.problem.Wrapping = fyne.TextWrapWord
	p.problem.Hide()
	p.all = widget.NewCheck(u.T("ui.show-all-files"), func(bool) { p.open(p.dir) })
	up := u.iconButton(theme.MoveUpIcon(), u.T("ui.folder-up"), func() { p.open(filepath.Dir(p.dir)) })
	goBtn := u.iconButton(theme.NavigateNextIcon(), u.T("ui.picker-go"), func() { p.goTo(p.path.Text) })
	p.list = widget.NewList(func() int { return len(p.entries) }, p.createRow, p.updateRow)
	p.list.OnSelected = func(id widget.ListItemID) {
		p.list.Unselect(id)
		if id >= len(p.entries) {
			return
		}
		e := p.entries[id]
		full := filepath.Join(p.dir, e.Name())
		if isDir(p.dir, e) {
			p.open(full)
			return
		}
		p.toggle(full)
	}
	shortcuts := newWrap()
	p.places = userPlaces()
	for _, pl := range p.places {
		pl := pl
		b := widget.NewButtonWithIcon(p.placeName(pl), pl.icon(), func() { p.open(pl.path) })
		b.Importance = widget.LowImportance
		shortcuts.Add(b)
	}
	top := container.NewBorder(nil, nil, up, container.NewHBox(goBtn, p.all), p.path)
	hint := widget.NewLabel(u.T(kind.hint))
	hint.Importance = widget.LowImportance
	hint.Wrapping = fyne.TextWrapWord
	content := container.NewBorder(container.NewVBox(top, p.problem, shortcuts), hint, nil, nil, p.list)
	p.shown = u.modal(u.T(kind.title), content, u.N(kind.button, 0), func(done func()) {
		paths := p.selection()
		if len(paths) == 0 {
			return
		}
		u.setLastFolder(p.dir)
		done()
		p.onChosen(paths)
	}, fyne.NewSize(640, 560))
	p.open(start)
	return p
}

// placeName is a shortcut's label: the folder's own name where the system
// gives it in the user's language (the XDG user folders on Linux), else
// Redress's name for it.
func (p *picker) placeName(pl place) string {
	if pl.name != "" {
		return pl.name
	}
	return p.u.T("ui.place-" + pl.key)
}

// goTo opens what was typed or pasted in the path field: a folder, or the
// folder of a file, which is then chosen. "~" is the home folder.
func (p *picker) goTo(typed string) {
	path := strings.TrimSpace(strings.Trim(strings.TrimSpace(typed), `"'`))
	if path == "" {
		return
	}
	if path == "~" || strings.HasPrefix(path, "~/") || strings.HasPrefix(path, `~\`) {
		if home, err := os.UserHomeDir(); err == nil {
			path = filepath.Join(home, path[1:])
		}
	}
	if u, err := url.Parse(path); err == nil && u.Scheme == "file" {
		path = u.Path
	}
	if !filepath.IsAbs(path) {
		path = filepath.Join(p.dir, path)
	}
	st, err := os.Stat(path)
	switch {
	case err != nil:
		p.say(p.u.l.Err(langError("file.missing", "file", path)))
	case st.IsDir():
		p.open(path)
	default:
		p.open(filepath.Dir(path))
		if !p.chosen[path] {
			p.toggle(path)
		}
	}
}

// say shows a problem under the path field until the next folder opens.
func (p *picker) say(text string) {
	p.problem.SetText(text)
	p.problem.Show()
}

func isDir(dir string, e os.DirEntry) bool {
	if e.IsDir() {
		return true
	}
	if e.Type()&os.ModeSymlink != 0 {
		st, err := os.Stat(filepath.Join(dir, e.Name()))
		return err == nil && st.IsDir()
	}
	return false
}

// open lists a folder: sub-folders first, then the files that match.
func (p *picker) open(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		p.u.showError(langError("file.unreadable", "file", dir))
		return
	}
	p.dir = dir
	p.problem.Hide()
	p.entries = p.entries[:0]
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if isDir(dir, e) || p.all.Checked || p.kind.exts[strings.ToLower(filepath.Ext(e.Name()))] {
			p.entries = append(p.entries, e)
		}
	}
	sort.SliceStable(p.entries, func(i, j int) bool {
		di, dj := isDir(dir, p.entries[i]), isDir(dir, p.entries[j])
		if di != dj {
			return di
		}
		return strings.ToLower(p.entries[i].Name()) < strings.ToLower(p.entries[j].Name())
	})
	p.path.SetText(dir)
	p.path.CursorColumn = len([]rune(dir))
	p.list.Refresh()
	p.list.ScrollToTop()
}

func (p *picker) toggle(path string) {
	if p.chosen[path] {
		delete(p.chosen, path)
	} else {
		p.chosen[path] = true
	}
	p.list.Refresh()
	p.refreshButton()
}

func (p *picker) refreshButton() {
	if p.shown != nil && p.shown.save != nil {
		p.shown.save.SetText(p.u.N(p.kind.button, len(p.chosen)))
	}
}

// selection returns the chosen paths in name order.
func (p *picker) selection() []string {
	out := make([]string, 0, len(p.chosen))
	for path := range p.chosen {
		out = append(out, path)
	}
	sort.Strings(out)
	return out
}

func (p *picker) createRow() fyne.CanvasObject {
	check := widget.NewCheck("", nil)
	icon := container.NewGridWrap(fyne.NewSize(pickThumb, pickThumb), widget.NewIcon(theme.FileIcon()))
	name := widget.NewLabel("")
	name.Truncation = fyne.TextTruncateEllipsis
	size := widget.NewLabel("")
	size.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, container.NewHBox(check, icon), size, name)
}

// pickThumb is the size of a row's icon or picture.
const pickThumb = 40

func (p *picker) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(p.entries) {
		return
	}
	e := p.entries[id]
	row := o.(*fyne.Container)
	name := row.Objects[0].(*widget.Label)
	left := row.Objects[1].(*fyne.Container)
	size := row.Objects[2].(*widget.Label)
	check := left.Objects[0].(*widget.Check)
	icon := left.Objects[1].(*fyne.Container)
	full := filepath.Join(p.dir, e.Name())
	name.SetText(e.Name())
	setIcon := func(o fyne.CanvasObject) {
		icon.Objects = []fyne.CanvasObject{o}
		icon.Refresh()
	}
	if isDir(p.dir, e) {
		check.Hide()
		setIcon(widget.NewIcon(theme.FolderIcon()))
		size.SetText("")
		return
	}
	check.Show()
	check.OnChanged = nil
	check.SetChecked(p.chosen[full])
	check.OnChanged = func(on bool) {
		if on != p.chosen[full] {
			p.toggle(full)
		}
	}
	info, err := e.Info()
	if err == nil {
		size.SetText(sizeText(info.Size()))
	}
	switch ext := strings.ToLower(filepath.Ext(e.Name())); {
	case ext == ".pdf":
		setIcon(widget.NewIcon(theme.FileTextIcon()))
	case mailExts[ext]:
		setIcon(widget.NewIcon(theme.MailComposeIcon()))
	case evidenceExts[ext] && err == nil:
		setIcon(p.u.thumbs.file(full, info, pickThumb, func() { p.list.RefreshItem(id) }))
	default:
		setIcon(widget.NewIcon(theme.FileIcon()))
	}
}
