package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"

	"redress/app"
	"redress/evidence"
)

// photoFixture copies a picture with EXIF from the photo package's
// fixtures (written by exiftool, see photo/testdata/make_fixtures.sh).
func photoFixture(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "photo", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// Issue 15, "EXIF capture times show in the timeline": a JPEG dropped on
// a case is placed in the timeline at the time its EXIF says it was taken
// (before an entry recorded earlier but dated later), its row shows that
// time, and its detail says where the time came from beside when it was
// added — in both languages. A photo whose EXIF has no offset is read in
// the case's zone (here +00:00, the zone of its first entry), not the
// computer's (+08:00).
func TestEXIFCaptureTimeInTheTimeline(t *testing.T) {
	type photo struct {
		file, zone  string // zone: the case's first entry's, which sets the case's zone
		row, detail string
	}
	for _, tt := range []struct {
		ui     string
		photos []photo
	}{
		{"en", []photo{
			{"jpeg-offset.jpg", "+08:00", "2025-11-25 10:30 · Screenshot · 1 file",
				"Taken 2025-11-25 10:30 (from the photo's EXIF, its own time zone +08:00) · Added 2026-11-21 07:32"},
			{"jpeg-no-offset.jpg", "+00:00", "2025-11-25 18:30 (10:30 +00:00) · Screenshot · 1 file",
				"Taken 2025-11-25 10:30 (from the photo's EXIF, which records no time zone: read as the case's time zone +00:00) · Added 2026-11-21 07:32"},
		}},
		{"zh", []photo{
			{"jpeg-offset.jpg", "+08:00", "2025-11-25 10:30 · 截图 · 1 个文件",
				"拍摄于 2025-11-25 10:30（取自照片的 EXIF，照片自带时区 +08:00）· 添加于 2026-11-21 07:32"},
			{"jpeg-no-offset.jpg", "+00:00", "2025-11-25 18:30 (10:30 +00:00) · 截图 · 1 个文件",
				"拍摄于 2025-11-25 10:30（取自照片的 EXIF，照片未记录时区，按本案时区 +00:00 计）· 添加于 2026-11-21 07:32"},
		}},
	} {
		t.Run(tt.ui, func(t *testing.T) {
			h := newHarness(t, tt.ui)
			// Two cases, at 07:31 and 07:32 in Shanghai: the harness's
			// clock moves a minute for each new case.
			var cases []evidence.Case
			for _, ph := range tt.photos {
				c := h.newCase(ph.file)
				for _, at := range []string{"2025-11-20T09:00:00" + ph.zone, "2025-12-01T09:00:00+08:00"} {
					if _, err := h.svc.AddEvent(bg, c.ID, app.EventInput{Kind: "note", At: at, Summary: "note " + at}); err != nil {
						t.Fatal(err)
					}
				}
				cases = append(cases, c)
			}
			for i, ph := range tt.photos {
				checkPhotoEntry(t, h, cases[i], ph.file, ph.row, ph.detail)
			}
		})
	}
}

// checkPhotoEntry drops the photo file on case c, then checks its place
// in the timeline (between the case's two notes), its row and its detail.
func checkPhotoEntry(t *testing.T, h *harness, c evidence.Case, file, row, detail string) {
	t.Helper()
	opened := false // chosen in the case list, as a user opens it
	for i, s := range h.u.cases.shown {
		if s.ID == c.ID {
			h.u.cases.list.Select(i)
			h.u.Wait()
			opened = h.u.view.caseID == c.ID
		}
	}
	if !opened {
		t.Fatalf("%s: could not open the case from the case list", file)
	}
	p := h.u.dropped([]fyne.URI{storage.NewFileURI(photoFixture(t, file))})
	h.u.Wait()
	if p == nil || p.progress.Value != 1 {
		t.Fatalf("%s: the drop did not store the photo:\n%s", file, h.screenText())
	}
	h.u.Escape()
	h.u.Wait()
	evs := h.timeline(c.ID)
	if len(evs) != 3 || len(evs[1].Attachments) != 1 {
		t.Fatalf("%s: timeline, oldest first = %d entries; want the photo between the notes (by its capture time)", file, len(evs))
	}
	photo := evs[1]
	if a := photo.Attachments[0]; a.Taken == nil || a.Taken.Source != evidence.TakenEXIF || !a.Imported.Equal(h.clk.now()) {
		t.Fatalf("%s: stored capture time = %+v, imported %v", file, a.Taken, a.Imported)
	}
	// The row in the list, drawn by the list's own row code.
	v := h.u.view
	at := -1
	for i := 0; i < v.model.count; i++ {
		if e, ok := v.model.get(i); ok && e.ID == photo.ID {
			at = i
		}
	}
	if at < 0 {
		t.Fatalf("%s: the photo is not in the timeline list", file)
	}
	o := v.createRow()
	v.updateRow(at, o)
	if got := labelsIn(o); len(got) < 2 || got[1] != row {
		t.Errorf("%s: the photo's row = %q, want its line %q", file, got, row)
	}
	v.list.Select(at)
	h.u.Wait()
	if d := v.detailText(); !strings.Contains(d, detail+"\n") {
		t.Errorf("%s: the photo's detail lacks\n%s\n%s", file, detail, d)
	}
}
