package ui

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"redress/evidence"
	"redress/screen"
)

func pngBytes(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.NRGBA{uint8(x * 5), uint8(y * 3), 90, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// pressPaste is Ctrl/Cmd+V with no text field focused: the real driver
// hands it to the window's canvas (a focused field would take it itself).
func (h *harness) pressPaste() {
	h.u.Window().Canvas().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutPaste{})
	h.u.Wait()
}

// fakeScreen puts a fake clipboard and screen in place of the system's.
func (h *harness) fakeScreen() *fakeScreen {
	f := &fakeScreen{displays: []screen.Display{{Index: 0, Bounds: image.Rect(0, 0, 1440, 900)}}}
	h.u.cap.grab = f
	h.u.cap.countdown, h.u.cap.settle = 0, 0
	return f
}

func TestPasteImageAddsScreenshotEntry(t *testing.T) {
	tests := []struct {
		name     string
		clip     func(png []byte) screen.Clip
		wantLine string // in the entry's detail
	}{
		{"PNG", func(p []byte) screen.Clip { return screen.Clip{PNG: p, Received: p, From: "image/png"} }, "PNG bytes kept exactly as received"},
		{"bitmap", func(p []byte) screen.Clip { return screen.Clip{PNG: p, From: "image/bmp", Converted: true} }, "it came as image/bmp and Redress converted it to PNG"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, "en")
			c := h.newCase("paste")
			img := pngBytes(t, 120, 260)
			h.fakeScreen().clip = tt.clip(img)
			h.pressPaste()
			evs := h.timeline(c.ID)
			if len(evs) != 1 || evs[0].Kind != evidence.KindScreenshot {
				t.Fatalf("timeline after paste = %+v, want one screenshot", evs)
			}
			a := evs[0].Attachments[0]
			if a.SHA256 != sha(img) || a.Width != 120 || a.Height != 260 {
				t.Errorf("pasted = %s %dx%d, want %s 120x260", a.SHA256, a.Width, a.Height, sha(img))
			}
			if a.Taken == nil || a.Taken.Source != evidence.TakenClipboard || !evs[0].At.Equal(h.clk.now()) {
				t.Errorf("pasted at %v taken %+v, want the paste time %v", evs[0].At, a.Taken, h.clk.now())
			}
			h.u.Wait()
			if d := h.u.view.detailText(); !strings.Contains(d, tt.wantLine) || !strings.Contains(d, "Added 2026-11-21") {
				t.Errorf("detail of the pasted entry lacks %q and the import time:\n%s", tt.wantLine, d)
			}
		})
	}
}

func TestPasteTextOpensNoteDraft(t *testing.T) {
	h := newHarness(t, "en")
	c := h.newCase("paste text")
	h.fakeScreen().clip = screen.Clip{Text: "客服说 24 小时内到账\r\n工单 T-8899"}
	h.pressPaste()
	if got := h.screenText(); !strings.Contains(got, "客服说 24 小时内到账\n工单 T-8899\n") || !strings.Contains(got, "Add: Note") {
		t.Fatalf("no note draft with the text:\n%s", got)
	}
	if len(h.timeline(c.ID)) != 0 {
		t.Fatal("pasted text was stored before the note was saved")
	}
	h.u.Escape() // asks first: the pasted text would be lost
	if !strings.Contains(h.screenText(), "Discard") {
		t.Fatalf("Esc on a pasted note did not ask:\n%s", h.screenText())
	}
	h.u.Escape() // no: back to the note
	h.u.Submit()
	h.u.Wait()
	evs := h.timeline(c.ID)
	if len(evs) != 1 || evs[0].Kind != evidence.KindNote || !strings.Contains(evs[0].Summary, "工单 T-8899") {
		t.Errorf("saved = %+v, want the pasted note", evs)
	}
}

func TestPasteNothingUsableSaysSo(t *testing.T) {
	tests := []struct {
		name string
		clip screen.Clip
		err  error
		want string
	}{
		{"empty", screen.Clip{}, &screen.Error{Problem: screen.ProblemClipEmpty}, "The clipboard holds no picture or text Redress can use."},
		{"blank text", screen.Clip{Text: "  \n"}, nil, "The clipboard holds no picture or text Redress can use."},
		{"no clipboard", screen.Clip{}, &screen.Error{Problem: screen.ProblemNoClipboard, Err: os.ErrNotExist}, "Redress cannot read the clipboard here"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, "en")
			c := h.newCase("nothing")
			f := h.fakeScreen()
			f.clip, f.clipErr = tt.clip, tt.err
			h.pressPaste()
			if got := h.screenText(); !strings.Contains(got, tt.want) {
				t.Errorf("paste of %s shows %q, want %q", tt.name, got, tt.want)
			}
			if len(h.timeline(c.ID)) != 0 {
				t.Error("something was stored")
			}
		})
	}
}

func TestPasteKeyOnlyInAnOpenCaseWithoutDialog(t *testing.T) {
	h := newHarness(t, "en")
	f := h.fakeScreen()
	f.clip = screen.Clip{PNG: pngBytes(t, 10, 10)}
	h.pressPaste() // no case open: nothing happens
	if h.u.Window().Canvas().Overlays().Top() != nil {
		t.Fatalf("Ctrl+V with no case open showed:\n%s", h.screenText())
	}
	c := h.newCase("keys")
	h.u.AddEvent(evidence.KindNote)
	h.pressPaste() // a dialog is open: not evidence
	h.u.Escape()
	if n := len(h.timeline(c.ID)); n != 0 {
		t.Errorf("Ctrl+V behind a dialog stored %d entries", n)
	}
}

func TestTakeScreenshot(t *testing.T) {
	h := newHarness(t, "en")
	c := h.newCase("screenshot")
	f := h.fakeScreen()
	f.shot = pngBytes(t, 144, 90)
	h.u.TakeScreenshot()
	h.u.Wait()
	evs := h.timeline(c.ID)
	if len(evs) != 1 || len(f.captured) != 1 || f.captured[0] != 0 {
		t.Fatalf("after Take screenshot: %d entries, displays captured %v", len(evs), f.captured)
	}
	a := evs[0].Attachments[0]
	if a.SHA256 != sha(f.shot) || a.Width != 144 || a.Height != 90 || a.Taken == nil || a.Taken.Source != evidence.TakenScreen {
		t.Errorf("screenshot = %+v", a)
	}
	if !strings.Contains(h.u.view.detailText(), "screenshot taken by Redress") {
		t.Errorf("detail:\n%s", h.u.view.detailText())
	}

	t.Run("several displays: the one chosen", func(t *testing.T) {
		f.displays = append(f.displays, screen.Display{Index: 1, Bounds: image.Rect(1440, 0, 3360, 1080)})
		f.captured = nil
		h.u.TakeScreenshot()
		h.u.Wait()
		var radio *widget.RadioGroup
		for _, o := range test.LaidOutObjects(h.u.Window().Canvas().Overlays().Top()) {
			if r, ok := o.(*widget.RadioGroup); ok {
				radio = r
			}
		}
		if radio == nil || strings.Join(radio.Options, "|") != "Display 1 (1440×900, main)|Display 2 (1920×1080)" {
			t.Fatalf("display choice shows:\n%s", h.screenText())
		}
		radio.SetSelected(radio.Options[1])
		h.u.Submit()
		h.u.Wait()
		if len(f.captured) != 1 || f.captured[0] != 1 {
			t.Errorf("captured displays %v, want [1]", f.captured)
		}
	})
	t.Run("impossible: one sentence", func(t *testing.T) {
		f.displays = f.displays[:1]
		f.shotErr = &screen.Error{Problem: screen.ProblemWayland}
		h.u.TakeScreenshot()
		h.u.Wait()
		if got := h.screenText(); !strings.Contains(got, "the desktop did not allow it") {
			t.Errorf("capture refused shows:\n%s", got)
		}
		if h.u.cap.shooting {
			t.Error("still marked as taking a screenshot")
		}
	})
}

func mailFiles(t *testing.T, dir string, names ...string) []fyne.URI {
	t.Helper()
	var out []fyne.URI
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join("..", "email", "testdata", n))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, n)
		os.WriteFile(p, data, 0o600)
		out = append(out, storage.NewFileURI(p))
	}
	return out
}

func TestDropEmailsImportsThem(t *testing.T) {
	h := newHarness(t, "en")
	c := h.newCase("emails")
	c.Complainant.Contact = "+86 138 1234 5678"
	if err := h.svc.UpdateCase(context.Background(), &c); err != nil {
		t.Fatal(err)
	}
	h.u.OpenCase(c.ID)
	h.u.Wait()
	dir := t.TempDir()
	uris := mailFiles(t, dir, "gbk-body.eml", "utf8-attachments.eml", "mailbox.mbox")
	shot := filepath.Join(dir, "shot.png")
	writePNG(t, shot, 20, 20)
	uris = append(uris, storage.NewFileURI(shot))
	files := h.u.dropped(uris)
	h.u.Wait()
	if files == nil || len(files.rows) != 1 {
		t.Fatalf("the picture was not imported as a file: %+v", files)
	}
	// The email dialog is in front, asking whose addresses are the user's:
	// none in the contact details yet.
	p := h.u.cap.mail
	if p == nil || p.own.Text != "" || len(p.rows) != 3 {
		t.Fatalf("mail panel = %+v", p)
	}
	p.own.SetText("li.wei@example.cn")
	h.u.Submit()
	h.u.Wait()
	if !strings.Contains(p.summary.Text, "Done: 4 messages added, 1 already in the case, 1 not readable.") {
		t.Errorf("summary = %q", p.summary.Text)
	}
	if got := p.rows[1].status.Text; got != "1 added (1 sent, 0 received) · 0 already in the case · 0 not readable" {
		t.Errorf("utf8-attachments.eml row = %q", got)
	}
	if got := labelText(p.rows[2].messages); !strings.Contains(got, "already in the case") || !strings.Contains(got, "message 3") {
		t.Errorf("mailbox rows = %q", got)
	}
	kinds := map[evidence.Kind]int{}
	for _, e := range h.timeline(c.ID) {
		kinds[e.Kind]++
	}
	if kinds[evidence.KindResponse] != 2 || kinds[evidence.KindContact] != 2 || kinds[evidence.KindScreenshot] != 1 {
		t.Errorf("timeline kinds = %v", kinds)
	}
	// The address typed is now the case's: the next import knows it.
	got, _ := h.svc.Case(context.Background(), c.ID)
	if got.Complainant.Contact != "+86 138 1234 5678, li.wei@example.cn" || got.Version != c.Version+1 {
		t.Errorf("contact = %q (version %d)", got.Complainant.Contact, got.Version)
	}
	h.u.Submit() // Close
	if h.u.Window().Canvas().Overlays().Top() != nil {
		h.u.Escape()
	}
	h.u.ImportEmails([]string{filepath.Join(dir, "gbk-body.eml")})
	if h.u.cap.mail.own.Text != "li.wei@example.cn" {
		t.Errorf("own addresses offered = %q", h.u.cap.mail.own.Text)
	}
}

func labelText(c *fyne.Container) string {
	var b strings.Builder
	for _, o := range c.Objects {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}

func TestPickerTypedPathPlacesThumbnails(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", "")
	os.MkdirAll(filepath.Join(home, ".config"), 0o700)
	os.WriteFile(filepath.Join(home, ".config", "user-dirs.dirs"), []byte("# written by xdg-user-dirs-update\n"+
		"XDG_DESKTOP_DIR=\"$HOME/桌面\"\nXDG_PICTURES_DIR=\"$HOME/图片\"\nXDG_DOWNLOAD_DIR=\"$HOME\"\n"), 0o600)
	pics := filepath.Join(home, "图片")
	os.MkdirAll(pics, 0o700)
	os.MkdirAll(filepath.Join(home, "Documents"), 0o700)
	writePNG(t, filepath.Join(pics, "topup.png"), 30, 60)

	h := newHarness(t, "en")
	h.newCase("picker")
	p := h.u.addFiles()
	var names []string
	for _, pl := range p.places {
		names = append(names, p.placeName(pl))
	}
	// Home, the XDG folders by their own names, the default Documents;
	// not Downloads (XDG points it at home: not in use) nor a missing Desktop.
	if got := strings.Join(names, ","); got != "Home,Documents,图片" {
		t.Errorf("places = %s", got)
	}
	p.path.SetText(pics)
	p.path.OnSubmitted(p.path.Text)
	if p.dir != pics || len(p.entries) != 1 {
		t.Fatalf("typed %s: dir %s, %d entries", pics, p.dir, len(p.entries))
	}
	// Its thumbnail is made in the background.
	row := p.createRow()
	p.updateRow(0, row)
	h.u.Wait()
	p.updateRow(0, row)
	icon := row.(*fyne.Container).Objects[1].(*fyne.Container).Objects[1].(*fyne.Container).Objects[0].(*fyne.Container).Objects[0]
	if _, ok := icon.(*canvas.Image); !ok {
		t.Errorf("the picture's row shows %T, want its thumbnail", icon)
	}
	p.goTo("~/Documents")
	if p.dir != filepath.Join(home, "Documents") {
		t.Errorf("~/Documents opened %s", p.dir)
	}
	p.goTo(filepath.Join(pics, "topup.png"))
	if p.dir != pics || !p.chosen[filepath.Join(pics, "topup.png")] || p.shown.save.Text != "Attach 1 file" {
		t.Errorf("typing a file: dir %s, chosen %v", p.dir, p.chosen)
	}
	p.goTo(filepath.Join(home, "nowhere"))
	if !p.problem.Visible() || !strings.Contains(p.problem.Text, "nowhere") || p.dir != pics {
		t.Errorf("a missing path: problem %q, dir %s", p.problem.Text, p.dir)
	}
	h.u.Submit()
	h.u.Wait()
	// The folder is remembered for this data folder only.
	if h.u.lastFolder() != pics {
		t.Errorf("last folder = %s, want %s", h.u.lastFolder(), pics)
	}
	mine := h.u.dataDir
	h.u.dataDir = filepath.Join(t.TempDir(), "other data")
	if h.u.lastFolder() != home {
		t.Errorf("another data folder starts in %s, want the home folder", h.u.lastFolder())
	}
	h.u.dataDir = mine
}
