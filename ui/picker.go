package ui

import (
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

// picker is a file chooser that can select many files at once (Fyne's own
// file dialog picks one), filtered to images and PDFs.
type picker struct {
	u        *UI
	dir      string
	entries  []os.DirEntry
	chosen   map[string]bool
	all      *widget.Check
	path     *widget.Label
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

func (u *UI) pickFiles(onChosen func([]string)) *picker {
	p := &picker{u: u, chosen: map[string]bool{}, onChosen: onChosen}
	start := u.lastFolder()
	p.path = widget.NewLabel("")
	p.path.Truncation = fyne.TextTruncateEllipsis
	p.all = widget.NewCheck(u.T("ui.show-all-files"), func(bool) { p.open(p.dir) })
	up := u.iconButton(theme.MoveUpIcon(), u.T("ui.folder-up"), func() { p.open(filepath.Dir(p.dir)) })
	home := u.iconButton(theme.HomeIcon(), u.T("ui.folder-home"), func() {
		h, _ := os.UserHomeDir()
		p.open(h)
	})
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
	top := container.NewBorder(nil, nil, container.NewHBox(up, home), p.all, p.path)
	hint := widget.NewLabel(u.T("ui.picker-hint"))
	hint.Importance = widget.LowImportance
	hint.Wrapping = fyne.TextWrapWord
	content := container.NewBorder(container.NewVBox(top, hint), nil, nil, nil, p.list)
	p.shown = u.modal(u.T("ui.pick-title"), content, u.N("ui.attach-n", 0), func(done func()) {
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
	p.entries = p.entries[:0]
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if isDir(dir, e) || p.all.Checked || evidenceExts[strings.ToLower(filepath.Ext(e.Name()))] {
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
		p.shown.save.SetText(p.u.N("ui.attach-n", len(p.chosen)))
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
	icon := widget.NewIcon(theme.FileIcon())
	name := widget.NewLabel("")
	name.Truncation = fyne.TextTruncateEllipsis
	size := widget.NewLabel("")
	size.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, container.NewHBox(check, icon), size, name)
}

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
	icon := left.Objects[1].(*widget.Icon)
	full := filepath.Join(p.dir, e.Name())
	name.SetText(e.Name())
	if isDir(p.dir, e) {
		check.Hide()
		icon.SetResource(theme.FolderIcon())
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
	ext := strings.ToLower(filepath.Ext(e.Name()))
	if ext == ".pdf" {
		icon.SetResource(theme.FileTextIcon())
	} else {
		icon.SetResource(theme.FileImageIcon())
	}
	if info, err := e.Info(); err == nil {
		size.SetText(sizeText(info.Size()))
	}
}
