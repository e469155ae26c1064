package ui

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"redress/app"
	"redress/evidence"
)

// Tests of the loose ends of issues 9, 10, 12 and 16: the save dialog that
// emptied the file it was to replace, opening files, the recovery window
// and the damaged-database banner, the integrity engineer's app functions,
// the letter channel, raw keys.

// objectsIn returns the laid-out objects of the top overlay of w (the
// window's content when none is open).
func objectsIn(w fyne.Window) []fyne.CanvasObject {
	c := w.Canvas()
	if top := c.Overlays().Top(); top != nil {
		return test.LaidOutObjects(top)
	}
	return test.LaidOutObjects(c.Content())
}

// tap taps the button labelled text in the top overlay of w.
func tap(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	var seen []string
	for _, o := range objectsIn(w) {
		if b, ok := o.(*widget.Button); ok {
			if b.Text == text && !b.Disabled() {
				test.Tap(b)
				return
			}
			seen = append(seen, b.Text)
		}
	}
	t.Fatalf("no button %q to tap; the buttons are %q", text, seen)
}

// typeFileName puts name into the save dialog's file name box.
func typeFileName(t *testing.T, w fyne.Window, name string) {
	t.Helper()
	for _, o := range objectsIn(w) {
		if e, ok := o.(*widget.Entry); ok {
			e.SetText(name)
			return
		}
	}
	t.Fatal("the save dialog has no file name box")
}

// TestSaveDialogNeverEmptiesTheFileItReplaces: choosing an existing file
// in the save dialog and confirming "Overwrite?" used to empty it at once
// (Fyne's writer truncates on open, and the dialog's callback then deleted
// it); when the dossier or archive then failed, the user's file was lost.
// Now the dialog only names the file, and a failed write leaves the old
// file byte for byte; a new name is not even created.
func TestSaveDialogNeverEmptiesTheFileItReplaces(t *testing.T) {
	old := []byte("%PDF-1.4 the dossier the regulator already has\n")
	tests := []struct {
		what     string
		exists   bool
		failWith string // how writing fails: a directory in the way of the temporary file
		start    func(h *harness, c evidence.Case, folder string)
	}{
		{"dossier over an existing file", true, "dir", startDossier},
		{"dossier under a new name", false, "dir", startDossier},
		{"archive over an existing file", true, "dir", startExport},
		{"archive under a new name", false, "dir", startExport},
	}
	for _, tt := range tests {
		t.Run(tt.what, func(t *testing.T) {
			h := newHarness(t, "en")
			c := escalationCase(h)
			shot := filepath.Join(t.TempDir(), "s.png")
			writePNG(t, shot, 40, 80)
			h.u.ImportFiles([]string{shot})
			h.u.Wait()
			h.u.Escape()
			folder := t.TempDir()
			target := filepath.Join(folder, "sent-to-regulator.bin")
			if tt.exists {
				if err := os.WriteFile(target, old, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			// The atomic writer's temporary file cannot be made: the write fails.
			if err := os.Mkdir(target+".partial", 0o700); err != nil {
				t.Fatal(err)
			}
			tt.start(h, c, folder)
			w := h.u.Window()
			typeFileName(t, w, filepath.Base(target))
			tap(t, w, "Save")
			if tt.exists {
				if !strings.Contains(h.screenText(), "overwrite") {
					t.Fatalf("choosing an existing file did not ask:\n%s", h.screenText())
				}
				if got, _ := os.ReadFile(target); !bytes.Equal(got, old) {
					t.Fatalf("while the dialog asks, the file holds %q, want it untouched", got)
				}
				tap(t, w, "Yes")
			}
			h.u.Wait()
			got, err := os.ReadFile(target)
			switch {
			case tt.exists && !bytes.Equal(got, old):
				t.Errorf("after the failed write the file holds %q (%v), want the old %d bytes unchanged", got, err, len(old))
			case !tt.exists && !errors.Is(err, os.ErrNotExist):
				t.Errorf("after the failed write a file was left (%q, %v), want none", got, err)
			}
			if !strings.Contains(h.screenText(), "could not be written") {
				t.Errorf("the failure is not said:\n%s", h.screenText())
			}
		})
	}
}

// startDossier opens the dossier panel and asks to create the PDF; the
// save dialog opens in folder.
func startDossier(h *harness, c evidence.Case, folder string) {
	h.u.fa.Preferences().SetString(prefDossierFolder(h.svc.Dir()), folder)
	h.u.createDossier(h.svc, h.svc.Dir())
	h.u.Wait()
	h.u.Submit()
	h.u.Wait()
}

// startExport asks to export the case; the save dialog opens in folder.
func startExport(h *harness, c evidence.Case, folder string) {
	h.u.setLastFolder(folder)
	h.u.ExportCase()
	h.u.Submit() // "Choose where to save…"
	h.u.Wait()
}

// TestSaveDialogReplacesOnlyWithCompleteFile: with nothing in the way, the
// chosen existing file is replaced by the complete new dossier.
func TestSaveDialogReplacesOnlyWithCompleteFile(t *testing.T) {
	h := newHarness(t, "en")
	c := escalationCase(h)
	folder := t.TempDir()
	target := filepath.Join(folder, "dossier.pdf")
	os.WriteFile(target, []byte("old"), 0o600)
	startDossier(h, c, folder)
	typeFileName(t, h.u.Window(), "dossier.pdf")
	tap(t, h.u.Window(), "Save")
	tap(t, h.u.Window(), "Yes")
	h.u.Wait()
	got, _ := os.ReadFile(target)
	if !bytes.HasPrefix(got, []byte("%PDF-")) || !bytes.Contains(got, []byte("%%EOF")) {
		t.Errorf("the replaced file holds %d bytes starting %q, want the whole new PDF", len(got), got[:min(len(got), 8)])
	}
	if !strings.Contains(h.screenText(), target) {
		t.Errorf("the saved dossier is not reported:\n%s", h.screenText())
	}
}

// The save dialog's writer only names the file: it writes nothing.
func TestSaveDialogWriterWritesNothing(t *testing.T) {
	newFakeUI(t, "en")
	if !canChoosePaths() {
		t.Fatal("Fyne's file repository is not wrapped")
	}
	path := filepath.Join(t.TempDir(), "x.pdf")
	os.WriteFile(path, []byte("keep"), 0o600)
	w, err := pathOnlyRepository{}.Writer(storageURI(path))
	if err != nil {
		t.Fatal(err)
	}
	if n, err := w.Write([]byte("new")); n != 0 || err == nil {
		t.Errorf("Write = %d, %v; want 0 and an error", n, err)
	}
	w.Close()
	if got, _ := os.ReadFile(path); string(got) != "keep" {
		t.Errorf("the file holds %q after the dialog's writer, want %q", got, "keep")
	}
}

var _ = context.Background
var _ = app.DossierDir
