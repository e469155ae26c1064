package ui

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
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

// textOf returns every label, button, entry and check text under o,
// rendering widgets to reach their parts.
func textOf(t *testing.T, o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.Button:
			b.WriteString("[" + w.Text + "]\n")
		case *widget.Check:
			b.WriteString("[x] " + w.Text + "\n")
		case *entry:
			b.WriteString(w.Text + "|" + w.PlaceHolder + "\n")
		case *widget.Entry:
			b.WriteString(w.Text + "|" + w.PlaceHolder + "\n")
		case *choice:
			b.WriteString(w.Selected + "|" + w.PlaceHolder + "|" + strings.Join(w.Options, "|") + "\n")
		case *widget.Select:
			b.WriteString(w.Selected + "|" + w.PlaceHolder + "|" + strings.Join(w.Options, "|") + "\n")
		case *widget.Form:
			for _, it := range w.Items {
				b.WriteString(it.Text + ": " + it.HintText + "\n")
				walk(it.Widget)
			}
		case *canvas.Text:
			b.WriteString(w.Text + "\n")
		case *widget.RichText:
			b.WriteString(w.String() + "\n")
		case *widget.Table:
			rows, cols := w.Length()
			for r := 0; r < rows; r++ {
				for c := 0; c < cols; c++ {
					cell := w.CreateCell()
					w.UpdateCell(widget.TableCellID{Row: r, Col: c}, cell)
					walk(cell)
				}
			}
		case *widget.List:
			for i := 0; i < w.Length(); i++ {
				item := w.CreateItem()
				w.UpdateItem(i, item)
				walk(item)
			}
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case fyne.Widget:
			r := test.TempWidgetRenderer(t, w)
			for _, c := range r.Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return b.String()
}

// topText is the text of the top dialog of w (its content when none).
func topText(t *testing.T, w fyne.Window) string {
	c := w.Canvas()
	if top := c.Overlays().Top(); top != nil {
		return textOf(t, top)
	}
	return textOf(t, c.Content())
}

// TestOpenAndShowInFolderUseOpener: the dossier result's "Open the PDF"
// and "Show the folder", the export result's "Show the folder" and the
// viewer's "Open with…" go through package opener; when no program can
// open the file, its one sentence is shown in the dialog (the viewer's
// in a dialog over the viewer window).
func TestOpenAndShowInFolderUseOpener(t *testing.T) {
	noViewer := func(string) error { return langError("open.no-viewer", "file", "d.pdf") }
	for _, language := range []string{"en", "zh"} {
		t.Run(language, func(t *testing.T) {
			u, f := newFakeUI(t, language)
			var opened, revealed []string
			fl := &fakeLauncher{
				OpenFn:   func(p string) error { opened = append(opened, p); return noViewer(p) },
				RevealFn: func(p string) error { revealed = append(revealed, p); return nil },
			}
			u.launcher = fl
			want := u.l.Err(noViewer(""))
			rec := app.DossierRecord{Path: "/data/Dossiers/d.pdf", Pages: 3, SHA256: strings.Repeat("a", 64), Recipient: "regulator"}
			box := u.dossierDone(f, app.DossierResult{Record: rec})
			tap(t, u.Window(), u.T("ui.open-pdf"))
			u.Wait()
			tap(t, u.Window(), u.T("ui.show-folder"))
			u.Wait()
			if len(opened) != 1 || opened[0] != rec.Path || len(revealed) != 1 || revealed[0] != rec.Path {
				t.Errorf("dossier result: opened %q, revealed %q; want %q each", opened, revealed, rec.Path)
			}
			if got := textOf(t, box); !strings.Contains(got, want) {
				t.Errorf("dossier result does not say %q:\n%s", want, got)
			}
			u.Escape()

			opened, revealed = nil, nil
			box = u.exportDone("/home/me/case.zip", app.ExportOptions{}, app.ExportResult{})
			tap(t, u.Window(), u.T("ui.show-folder"))
			u.Wait()
			if len(revealed) != 1 || revealed[0] != "/home/me/case.zip" {
				t.Errorf("export result revealed %q, want the archive", revealed)
			}
			fl.RevealFn = func(p string) error { return langError("open.no-program", "file", p, "program", "xdg-open") }
			tap(t, u.Window(), u.T("ui.show-folder"))
			u.Wait()
			if want := u.l.Err(langError("open.no-program", "file", "/home/me/case.zip", "program", "xdg-open")); !strings.Contains(textOf(t, box), want) {
				t.Errorf("export result does not say %q:\n%s", want, textOf(t, box))
			}
			u.Escape()
		})
	}
}

// TestViewerOpenWithAndSaveCopy: "Open with…" hands a copy of the verified
// bytes, under a name every system accepts, to opener; "Save a copy"
// suggests that name and writes the bytes whole.
func TestViewerOpenWithAndSaveCopy(t *testing.T) {
	u, f := newFakeUI(t, "en")
	data := []byte("%PDF-1.4 bank statement")
	a := evidence.Attachment{ID: "att1", Name: "CON.pdf", MediaType: "application/pdf", SHA256: strings.Repeat("b", 64), Size: int64(len(data))}
	f.ReadAttachmentFn = func(context.Context, string) ([]byte, evidence.Attachment, error) { return data, a, nil }
	var opened []string
	u.launcher = &fakeLauncher{OpenFn: func(p string) error {
		opened = append(opened, p)
		return langError("open.no-viewer", "file", p)
	}}
	v := u.showAttachment(f, a)
	u.Wait()
	tap(t, v.win, "Open with…")
	u.Wait()
	if len(opened) != 1 || filepath.Base(opened[0]) != "CON_.pdf" {
		t.Fatalf("opened %q, want a copy named CON_.pdf", opened)
	}
	if got, _ := os.ReadFile(opened[0]); !bytes.Equal(got, data) {
		t.Errorf("the copy handed over holds %q, want the original bytes", got)
	}
	if got := topText(t, v.win); !strings.Contains(got, "No program on this computer opens files like") {
		t.Errorf("the viewer does not say that nothing could open it:\n%s", got)
	}
	v.win.Canvas().Overlays().Top().Hide()
	v.win.Canvas().Overlays().Remove(v.win.Canvas().Overlays().Top())

	dir := t.TempDir()
	u.setLastFolder(dir)
	v.saveCopy()
	name := ""
	for _, o := range objectsIn(v.win) {
		if e, ok := o.(*widget.Entry); ok {
			name = e.Text
		}
	}
	if name != "CON_.pdf" {
		t.Errorf("save a copy suggests %q, want CON_.pdf", name)
	}
	tap(t, v.win, "Save")
	u.Wait()
	if got, _ := os.ReadFile(filepath.Join(dir, "CON_.pdf")); !bytes.Equal(got, data) {
		t.Errorf("the saved copy holds %q, want the original bytes", got)
	}
}

// TestExportResultSaysWhatWasLeftOut: the export uses ExportReport and
// names the dossiers it could not include.
func TestExportResultSaysWhatWasLeftOut(t *testing.T) {
	u, f := newFakeUI(t, "en")
	u.view.caseID = "0123456789"
	f.ExportReportFn = func(_ context.Context, _, out string, opts app.ExportOptions) (app.ExportResult, error) {
		return app.ExportResult{Dossiers: 1, Problems: []app.DossierProblem{
			{File: "/d/old.pdf", Key: "cli.export-dossier-changed"}, {File: "/d/gone.pdf", Key: "cli.export-dossier-missing"}}}, nil
	}
	u.exportWith(f, "/home/me/case.zip", app.ExportOptions{Dossiers: true})
	u.Wait()
	got := topText(t, u.Window())
	for _, want := range []string{"/home/me/case.zip", "1 dossier PDF is included.",
		"Dossier /d/old.pdf was not included: it no longer matches", "Dossier /d/gone.pdf was not included: the file is no longer there."} {
		if !strings.Contains(got, want) {
			t.Errorf("export result lacks %q:\n%s", want, got)
		}
	}
}

// TestVerifyTableNamesTheSigner: an archive's check says who signed it,
// in the table and the sentence above it.
func TestVerifyTableNamesTheSigner(t *testing.T) {
	fp := "SHA256:abcd1234"
	files := []app.VerifyResult{{Path: "case.json", Actual: strings.Repeat("c", 64), OK: true}}
	tests := []struct {
		name       string
		rep        app.VerifyReport
		cell, sent string
	}{
		{"this installation", app.VerifyReport{Kind: "archive", Results: files, Signer: fp, ThisInstall: true}, "✓ Signed by this installation", "signed by this installation (key " + fp},
		{"another key", app.VerifyReport{Kind: "archive", Results: files, Signer: fp}, "Signed by another key", "signed by key " + fp + ", not by this installation"},
		{"unsigned", app.VerifyReport{Kind: "archive", Results: files}, "⚠ Not signed", "The archive is not signed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, _ := newFakeUI(t, "en")
			table := u.showVerify("case.zip", tt.rep)
			got := textOf(t, table)
			if !strings.Contains(got, tt.cell) || (tt.rep.Signer != "" && !strings.Contains(got, fp)) {
				t.Errorf("table lacks %q and the key:\n%s", tt.cell, got)
			}
			if top := topText(t, u.Window()); !strings.Contains(top, tt.sent) {
				t.Errorf("summary lacks %q:\n%s", tt.sent, top)
			}
		})
	}
}

// TestVerifyArchiveFromTheAppIsSignedHere: an archive exported by this
// installation verifies as signed by it (App.VerifyArchive).
func TestVerifyArchiveFromTheAppIsSignedHere(t *testing.T) {
	h := newHarness(t, "en")
	h.newCase("签名")
	out := filepath.Join(t.TempDir(), "case.zip")
	h.u.exportTo(out, app.ExportOptions{})
	h.u.Wait()
	h.u.Escape()
	var rep app.VerifyReport
	h.u.verify(out, func(r app.VerifyReport) { rep = r; h.u.showVerify(out, r) })
	h.u.Wait()
	if !rep.OK() || !rep.ThisInstall {
		t.Fatalf("verify = %+v, want OK and signed by this installation", rep)
	}
	if got := topText(t, h.u.Window()); !strings.Contains(got, "signed by this installation") {
		t.Errorf("the verify result does not name the signer:\n%s", got)
	}
}

// TestSearchSaysWhenCapped: the case list's search says when matches were
// left out (App.SearchPage's more).
func TestSearchSaysWhenCapped(t *testing.T) {
	for _, more := range []bool{true, false} {
		u, f := newFakeUI(t, "en")
		f.CasesFn = func(context.Context, bool) ([]app.CaseSummary, error) {
			return []app.CaseSummary{{Case: evidence.Case{ID: "a", Title: "A"}}}, nil
		}
		var limit int
		f.SearchPageFn = func(_ context.Context, _, _ string, l int) ([]app.Hit, bool, error) {
			limit = l
			return []app.Hit{{CaseID: "a", EventID: "e", Title: "refund"}}, more, nil
		}
		u.cases.reload()
		u.Wait()
		u.cases.search.SetText("refund")
		u.Wait()
		if limit != app.DefaultSearchLimit {
			t.Errorf("searched with limit %d, want %d", limit, app.DefaultSearchLimit)
		}
		want := "Only the first 200 matching cases and entries are searched"
		if shown := u.cases.capped.Visible() && strings.Contains(u.cases.capped.Text, want); shown != more {
			t.Errorf("more = %v: the capped note shown = %v (%q)", more, shown, u.cases.capped.Text)
		}
		u.cases.search.SetText("")
		u.Wait()
		if u.cases.capped.Visible() {
			t.Error("the capped note stays after the search is cleared")
		}
	}
}

// realStarter is the desktop app's Starter over package app.
func realStarter(dir string) Starter {
	return Starter{Dir: dir,
		Open: func(ctx context.Context, dir string) (Data, error) {
			a, err := app.Open(ctx, dir)
			if err != nil {
				return nil, err
			}
			return a, nil
		},
		Copies: func(ctx context.Context, dir string) ([]app.Copy, error) {
			r, err := app.Recovery(ctx, dir)
			return r.Copies, err
		},
		Restore: app.Restore,
	}
}

// TestRecoveryWindowRestoresAndOpensTheApp: a data folder whose database
// is gone but whose backups were kept opens on the recovery window, which
// lists the copies (usable first, an unusable one with its reason), asks
// before restoring the chosen one, and then opens the main window on the
// restored data, without a restart.
func TestRecoveryWindowRestoresAndOpensTheApp(t *testing.T) {
	for _, language := range []string{"en", "zh"} {
		t.Run(language, func(t *testing.T) {
			t.Setenv("REDRESS_LANG", language)
			ctx := context.Background()
			dir := filepath.Join(t.TempDir(), "data")
			a, err := app.Open(ctx, dir)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := a.NewCase(ctx, app.CaseInput{Title: "找回的案件", Provider: "OKPay", Problem: "other", Jurisdiction: "CN"}); err != nil {
				t.Fatal(err)
			}
			backup, err := a.BackupNow(ctx)
			if err != nil {
				t.Fatal(err)
			}
			a.Close()
			for _, suffix := range []string{"", "-wal", "-shm"} {
				os.Remove(filepath.Join(dir, app.DBName+suffix))
			}
			junk := filepath.Join(dir, app.BackupDir, "redress-2026-01-01.db")
			os.WriteFile(junk, []byte("not a database"), 0o600)

			fa := test.NewTempApp(t)
			l := Launch(fa, realStarter(dir))
			if l.Main() != nil || l.rescue == nil || l.rescue.list == nil {
				t.Fatal("a folder with only copies did not open on the recovery window")
			}
			r := l.rescue
			u := r.u
			t.Cleanup(func() {
				if m := l.Main(); m != nil {
					m.Wait()
					m.Window().Close()
					l.data.Close()
				}
			})
			text := topText(t, u.win)
			for _, want := range []string{u.T("ui.recover-intro", "dir", dir), u.T("ui.copy-kind-backup"),
				u.T("ui.copy-holds", "cases", u.N("ui.cases-n", 1), "events", u.N("ui.entries", 0), "file", filepath.Base(backup)),
				filepath.Base(junk)} {
				if !strings.Contains(text, want) {
					t.Errorf("the recovery window lacks %q:\n%s", want, text)
				}
			}
			if len(r.copies) != 2 || r.copies[0].Path != backup || r.copies[1].Err == nil || r.chosen != 0 {
				t.Fatalf("copies %+v, chosen %d; want the backup first and chosen, the junk last with its reason", r.copies, r.chosen)
			}
			l.running = true // as in Run: the window is up
			tap(t, u.win, u.T("ui.recover-restore"))
			if q := topText(t, u.win); !strings.Contains(q, backup) || !strings.Contains(q, u.N("ui.cases-n", 1)) {
				t.Fatalf("the question does not name the copy and what it holds:\n%s", q)
			}
			u.Submit() // yes
			u.Wait()
			m := l.Main()
			if m == nil {
				t.Fatalf("the main window did not open after the restore:\n%s", topText(t, u.win))
			}
			m.Wait()
			if got := m.cases.titles(); len(got) != 1 || got[0] != "找回的案件" {
				t.Errorf("the main window lists %q, want the restored case", got)
			}
			if note := topText(t, m.Window()); !strings.Contains(note, u.T("ui.recovered", "file", backup)) {
				t.Errorf("the main window does not say what was restored:\n%s", note)
			}
			for _, w := range fa.Driver().AllWindows() {
				if w == u.win {
					t.Error("the recovery window is still open")
				}
			}
			if _, err := os.Stat(backup); err != nil {
				t.Errorf("the restored backup itself is gone: %v", err)
			}
		})
	}
}

// TestRecoveryWindowSaysWhenRestoreFails: a restore that fails is said in
// the recovery window, which lists the copies again; nothing opens.
func TestRecoveryWindowSaysWhenRestoreFails(t *testing.T) {
	t.Setenv("REDRESS_LANG", "en")
	when := fakeNow.Add(-48 * time.Hour)
	copies := []app.Copy{
		{Path: "/d/redress.db.replaced-1", Kind: "replaced", LastChange: when, Cases: 2, Events: 9},
		{Path: "/d/backups/redress-2026-11-18.db", Kind: "backup", LastChange: when.Add(-time.Hour), Cases: 2, Events: 7},
	}
	listed := 0
	s := Starter{Dir: "/d",
		Open: func(context.Context, string) (Data, error) {
			need := &app.RecoveryNeeded{Dir: "/d"}
			need.Recovery.Needed, need.Recovery.Copies = true, copies
			return nil, need
		},
		Copies: func(context.Context, string) ([]app.Copy, error) { listed++; return copies, nil },
		Restore: func(_ context.Context, _, file string, _ time.Time) (string, error) {
			return "", langError("restore.in-use", "file", file)
		},
	}
	l := Launch(test.NewTempApp(t), s)
	r := l.rescue
	if r == nil || len(r.copies) != 2 || r.chosen != 0 {
		t.Fatalf("rescue %+v", r)
	}
	r.list.Select(1)
	tap(t, r.u.win, "Restore this copy")
	r.u.Submit()
	r.u.Wait()
	if got := topText(t, r.u.win); !strings.Contains(got, "Another copy of Redress is using this data") {
		t.Errorf("the failure is not said:\n%s", got)
	}
	if l.Main() != nil || listed != 2 {
		t.Errorf("after a failed restore: main %v, copies listed %d times; want no main window and the list read again", l.Main() != nil, listed)
	}
}

// TestDamagedBannerPointsToRestore: on a damaged database (a page of a
// stored file zeroed) the main window says that writes are refused and
// offers the newest good backup, naming what it holds; after the restore
// the banner goes.
func TestDamagedBannerPointsToRestore(t *testing.T) {
	t.Setenv("REDRESS_LANG", "en")
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "data")
	a, err := app.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	c, err := a.NewCase(ctx, app.CaseInput{Title: "damaged", Provider: "OKPay", Problem: "other", Jurisdiction: "UK"})
	if err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(t.TempDir(), "statement.bin")
	data := make([]byte, 3<<20)
	for i := range data {
		data[i] = byte(i*7 + i/4096)
	}
	os.WriteFile(big, data, 0o600)
	if _, err := a.Attach(ctx, c.ID, []string{big}, app.AttachInput{Kind: "document"}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.AutoBackup(ctx); err != nil {
		t.Fatal(err)
	}
	a.Close()
	db := filepath.Join(dir, app.DBName)
	f, err := os.OpenFile(db, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := f.Stat()
	f.WriteAt(make([]byte, 4096), st.Size()/4096/2*4096) // a page of the stored file's bytes
	f.Close()
	a, err = app.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if !a.Damaged() {
		t.Fatal("the zeroed page was not noticed")
	}
	u := New(test.NewTempApp(t), a)
	u.Wait()
	t.Cleanup(func() { u.Wait(); u.Window().Close(); a.Close() })
	if !u.banner.Visible() || !strings.Contains(textOf(t, u.banner), "Redress will not write to it") {
		t.Fatalf("no banner on a damaged database:\n%s", textOf(t, u.banner))
	}
	tap(t, u.Window(), "Restore a backup…")
	u.Wait()
	if q := topText(t, u.Window()); !strings.Contains(q, "It holds 1 case, 1 entry and 1 file") {
		t.Fatalf("the restore question does not say what the backup holds:\n%s", q)
	}
	u.Submit()
	u.Wait()
	if u.banner.Visible() || a.Damaged() {
		t.Errorf("after the restore: banner shown %v, damaged %v", u.banner.Visible(), a.Damaged())
	}
}

// TestCheckEverythingShowsProgressAndResult: Settings' "Check everything"
// runs verify-log --deep in the background, shows how many files it has
// re-read, then says in the user's words what it found.
func TestCheckEverythingShowsProgressAndResult(t *testing.T) {
	problems := []app.LogProblem{{Entity: "event", ID: "0123abcd", Key: "audit.deleted"}, {Seq: 7, Key: "audit.head-mismatch"}}
	tests := []struct {
		lang  string
		rep   app.LogReport
		wants []string
	}{
		{"en", app.LogReport{Entries: 12, Cases: 1, Events: 5, Files: 2, Deep: true, Signed: true, Fingerprint: "SHA256:ab12"},
			[]string{"Everything checks: the audit log (12 entries) matches your 1 case and 5 entries; every stored file (2 files) was re-read", "The log is signed with this installation's key SHA256:ab12"}},
		{"zh", app.LogReport{Entries: 12, Cases: 1, Events: 5, Files: 2, Deep: true},
			[]string{"全部核对无误：审计日志（12 条）与您的 1 个案件、5 条记录 一致；所有已保存的文件（2 个文件）均已重新读取"}},
		{"en", app.LogReport{Problems: problems},
			[]string{"2 problems were found:", "The event 0123abcd: it is recorded in the audit log but missing from the database", "Audit entry 7: the log's last entry is not the one that was signed", "Restore a daily backup"}},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			u, f := newFakeUI(t, tt.lang)
			f.VerifyLogDeepProgressFn = func(ctx context.Context, progress func(done, total int)) (app.LogReport, error) {
				for i := 0; i <= 2; i++ {
					progress(i, 2)
				}
				return tt.rep, nil
			}
			u.ShowSettings()
			tap(t, u.Window(), u.T("ui.check-everything"))
			u.Wait()
			u.Escape()                // the first run's result
			r := u.checkEverything(f) // a second run, to read its progress
			u.Wait()
			if want := u.T("ui.check-files", "done", "2", "total", "2"); r.label.Text != want || r.bar.Value != 1 {
				t.Errorf("progress shows %q at %v, want %q at 1", r.label.Text, r.bar.Value, want)
			}
			got := topText(t, u.Window())
			for _, want := range tt.wants {
				if !strings.Contains(got, want) || !strings.Contains(r.result, want) {
					t.Errorf("the result lacks %q:\n%s", want, got)
				}
			}
		})
	}
}

// TestCheckEverythingOnRealData: on an intact database the check says so.
func TestCheckEverythingOnRealData(t *testing.T) {
	h := newHarness(t, "en")
	h.newCase("intact")
	shot := filepath.Join(t.TempDir(), "s.png")
	writePNG(t, shot, 20, 20)
	h.u.ImportFiles([]string{shot})
	h.u.Wait()
	h.u.Escape()
	r := h.u.checkEverything(h.svc)
	h.u.Wait()
	if !strings.Contains(r.result, "Everything checks") || !strings.Contains(r.result, "1 case and 1 entry; every stored file (1 file) was re-read") {
		t.Errorf("check on intact data = %q", r.result)
	}
}

// TestLetterChannel: the letter form offers how it was sent (email, post,
// an in-app or web form, fax), stores it, fills it when editing, and the
// timeline row shows it.
func TestLetterChannel(t *testing.T) {
	for _, tt := range []struct{ lang, label string }{{"en", "Letter by post"}, {"zh", "邮寄信函"}} {
		t.Run(tt.lang, func(t *testing.T) {
			u, f := newFakeUI(t, tt.lang)
			c := evidence.Case{ID: "0123456789", Title: "T", Jurisdiction: evidence.UK}
			u.view.caseID, u.view.c = c.ID, c
			var got app.EventInput
			f.fakeEventWriter.AddEventFn = func(_ context.Context, _ string, in app.EventInput) (evidence.Event, error) {
				got = in
				return evidence.Event{ID: "e1"}, nil
			}
			form := u.addEventDialog(evidence.KindLetter)
			if form.channel == nil || len(form.channel.Options) != len(evidence.LetterChannels) || form.channel.value() != "" {
				t.Fatalf("the letter form's channel: %+v", form.channel)
			}
			if !strings.Contains(strings.Join(form.channel.Options, "|"), tt.label) {
				t.Errorf("channel options %q lack %q", form.channel.Options, tt.label)
			}
			form.channel.set(string(evidence.Post))
			u.Submit()
			u.Wait()
			if got.Channel != string(evidence.Post) || got.Kind != "letter" {
				t.Errorf("stored %+v, want a letter sent by post", got)
			}
			e := evidence.Event{ID: "e1", Kind: evidence.KindLetter, At: fakeNow, Letter: &evidence.Letter{To: "regulator", Channel: evidence.Fax}}
			edit := u.editEventDialog(e)
			if edit.channel.value() != string(evidence.Fax) {
				t.Errorf("editing fills the channel %q, want fax", edit.channel.value())
			}
			u.Escape()
			e.Letter.Channel = evidence.Post
			if _, meta := u.rowText(e); !strings.Contains(meta, tt.label) {
				t.Errorf("timeline row %q does not say how it was sent (%q)", meta, tt.label)
			}
		})
	}
}

// keyLike finds text that is a catalog key rather than a sentence:
// "esc.step.", "ui.no-viewer", "dossier.cover-title"…
var keyLike = regexp.MustCompile(`(^|[^\pL\pN_./-])(esc|ui|dossier|field|cli|kind|problem|status|party|channel|direction|jurisdiction|audit|entity|reason|law|post|forms|gui|data|store|open|file|restore|verify|bundle|import|export|attachment|app)\.[a-z][a-z0-9-]*`)

// allText is the text of every window of the app and of every dialog open
// on it.
func allText(t *testing.T, fa fyne.App) string {
	var b strings.Builder
	for _, w := range fa.Driver().AllWindows() {
		b.WriteString(w.Title() + "\n")
		b.WriteString(textOf(t, w.Canvas().Content()))
		for _, o := range w.Canvas().Overlays().List() {
			b.WriteString(textOf(t, o))
		}
	}
	return b.String()
}

// TestNoRawKeysInAnyPanel opens every panel and dialog of the app on fakes
// that answer with zero values (an assessment with no next step, a case
// with nothing filled in) in both languages, and fails on any text that is
// a catalog key instead of words: the class of "esc.step." shown by the
// status panel.
func TestNoRawKeysInAnyPanel(t *testing.T) {
	for _, language := range []string{"en", "zh"} {
		t.Run(language, func(t *testing.T) {
			u, f := newFakeUI(t, language)
			u.launcher = &fakeLauncher{}
			c := evidence.Case{ID: "0123456789abcdef", Title: "T", Provider: "OKPay", Problem: evidence.OtherProblem, Jurisdiction: evidence.UK, Status: evidence.Open}
			f.CaseFn = func(context.Context, string) (evidence.Case, error) { return c, nil }
			f.DamagedFn = func() bool { return true }
			data := []byte("%PDF-1.4")
			att := evidence.Attachment{ID: "a1", Name: "d.pdf", MediaType: "application/pdf", SHA256: strings.Repeat("d", 64), Size: int64(len(data))}
			f.ReadAttachmentFn = func(context.Context, string) ([]byte, evidence.Attachment, error) { return data, att, nil }
			f.VerifyLogDeepProgressFn = func(_ context.Context, p func(int, int)) (app.LogReport, error) {
				p(0, 1)
				return app.LogReport{Problems: []app.LogProblem{{Entity: "file", ID: "x", Key: "audit.blob-altered"}}}, nil
			}
			var seen strings.Builder
			look := func(what string) {
				t.Helper()
				u.Wait()
				text := allText(t, u.fa)
				seen.WriteString(text)
				if m := keyLike.FindString(text); m != "" {
					t.Errorf("%s shows the key %q instead of words:\n%s", what, strings.TrimSpace(m), text)
				}
			}
			closeAll := func() {
				for u.Window().Canvas().Overlays().Top() != nil {
					u.Escape()
					if top := u.Window().Canvas().Overlays().Top(); top != nil && u.escape == nil {
						u.Window().Canvas().Overlays().Remove(top)
					}
				}
			}
			u.refreshDamaged()
			look("the first screen")
			u.OpenCase(c.ID)
			look("the case view")
			if got := textOf(t, u.view.status.box); keyLike.MatchString(got) {
				t.Errorf("the status panel shows a key:\n%s", got)
			}
			u.view.showDetail(evidence.Event{ID: "e", Kind: evidence.KindLetter, At: fakeNow, Letter: &evidence.Letter{To: "regulator", Channel: evidence.WebForm}, Attachments: []evidence.Attachment{att}})
			look("the entry panel")
			steps := []struct {
				what string
				open func()
			}{
				{"new case", u.NewCase},
				{"edit case", func() { u.EditCase(c) }},
				{"call mode", u.StartCall},
				{"settings", u.ShowSettings},
				{"check everything", func() { u.checkEverything(f) }},
				{"dossier", u.CreateDossier},
				{"dossier result", func() {
					u.dossierDone(f, app.DossierResult{Record: app.DossierRecord{Path: "/d/x.pdf", Recipient: "provider", SHA256: strings.Repeat("e", 64)}})
				}},
				{"I sent it", func() { u.askHowSent(f, app.DossierRecord{Recipient: "association"}, func() {}) }},
				{"export options", u.ExportCase},
				{"export result", func() {
					u.exportDone("/d/x.zip", app.ExportOptions{Dossiers: true}, app.ExportResult{Problems: []app.DossierProblem{{File: "/d/y.pdf", Key: "cli.export-dossier-missing"}}})
				}},
				{"verify result", func() {
					u.showVerify("x.zip", app.VerifyReport{Kind: "archive", Results: []app.VerifyResult{{Path: "case.json", Problem: "bundle.hash-mismatch"}}})
				}},
				{"letter", func() { u.ShowLetter("provider") }},
				{"add files", u.AddFiles},
				{"about", func() { u.Show("about") }},
				{"restore question", func() { u.askRestore(app.BackupInfo{Path: filepath.Join(t.TempDir(), "none.db"), Day: "2026-11-20"}) }},
			}
			for _, k := range evidence.Kinds {
				k := k
				steps = append(steps, struct {
					what string
					open func()
				}{"add " + string(k), func() { u.AddEvent(k) }})
			}
			for _, s := range steps {
				s.open()
				look(s.what)
				closeAll()
			}
			v := u.showAttachment(f, att)
			look("the attachment viewer")
			v.win.Close()
			// The recovery window, before any data is open.
			need := &app.RecoveryNeeded{Dir: "/d"}
			need.Recovery.Needed = true
			need.Recovery.Copies = []app.Copy{{Path: "/d/redress.db.restoring-1", Kind: "restoring", LastChange: fakeNow, Cases: 1},
				{Path: "/d/backups/x.db", Kind: "backup", Err: langError("store.damaged", "file", "/d/backups/x.db")}}
			fa := test.NewTempApp(t)
			Launch(fa, Starter{Dir: "/d", Open: func(context.Context, string) (Data, error) { return nil, need },
				Copies: func(context.Context, string) ([]app.Copy, error) { return need.Recovery.Copies, nil }})
			text := allText(t, fa)
			if m := keyLike.FindString(text); m != "" {
				t.Errorf("the recovery window shows the key %q:\n%s", m, text)
			}
			seen.WriteString(text)
			// The scan saw the panels: a few words each must be in what it read.
			for _, key := range []string{"ui.damaged-banner", "ui.check-title", "ui.sent-how", "ui.open-with", "ui.recover-restore", "ui.verify-signature", "ui.setting-check"} {
				if !strings.Contains(seen.String(), u.T(key)) {
					t.Errorf("the scan never saw %q (%s)", u.T(key), key)
				}
			}
		})
	}
}
