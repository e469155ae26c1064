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
	for _, tt := range []struct {
		ui, photo, first string // first: the case's first entry, which sets its zone
		row, detail      string
	}{
		{"en", "jpeg-offset.jpg", "2025-11-20T09:00:00+08:00", "2025-11-25 10:30 · Screenshot · 1 file",
			"Taken 2025-11-25 10:30 (from the photo's EXIF, its own time zone +08:00) · Added 2026-11-21 07:31"},
		{"zh", "jpeg-offset.jpg", "2025-11-20T09:00:00+08:00", "2025-11-25 10:30 · 截图 · 1 个文件",
			"拍摄于 2025-11-25 10:30（取自照片的 EXIF，照片自带时区 +08:00）· 添加于 2026-11-21 07:31"},
		{"en", "jpeg-no-offset.jpg", "2025-11-20T09:00:00+00:00", "2025-11-25 18:30 (10:30 +00:00) · Screenshot · 1 file",
			"Taken 2025-11-25 10:30 (from the photo's EXIF, which records no time zone: read as the case's time zone +00:00) · Added 2026-11-21 07:31"},
		{"zh", "jpeg-no-offset.jpg", "2025-11-20T09:00:00+00:00", "2025-11-25 18:30 (10:30 +00:00) · 截图 · 1 个文件",
			"拍摄于 2025-11-25 10:30（取自照片的 EXIF，照片未记录时区，按本案时区 +00:00 计）· 添加于 2026-11-21 07:31"},
	} {
		t.Run(tt.ui+"/"+tt.photo, func(t *testing.T) {
			h := newHarness(t, tt.ui)
			c := h.newCase("photo") // at 07:31 in Shanghai: the clock moves a minute for each new case
			for _, at := range []string{tt.first, "2025-12-01T09:00:00+08:00"} {
				if _, err := h.svc.AddEvent(bg, c.ID, app.EventInput{Kind: "note", At: at, Summary: "note " + at}); err != nil {
					t.Fatal(err)
				}
			}
			h.u.OpenCase(c.ID)
			h.u.Wait()
			p := h.u.dropped([]fyne.URI{storage.NewFileURI(photoFixture(t, tt.photo))})
			h.u.Wait()
			if p == nil || p.progress.Value != 1 {
				t.Fatalf("the drop did not store the photo:\n%s", h.screenText())
			}
			h.u.Escape()
			h.u.Wait()
			evs := h.timeline(c.ID)
			if len(evs) != 3 || len(evs[1].Attachments) != 1 {
				t.Fatalf("timeline, oldest first = %d entries; want the photo between the notes (by its capture time)", len(evs))
			}
			photo := evs[1]
			if a := photo.Attachments[0]; a.Taken == nil || a.Taken.Source != evidence.TakenEXIF || !a.Imported.Equal(h.clk.now()) {
				t.Fatalf("stored capture time = %+v, imported %v", a.Taken, a.Imported)
			}
			// The row in the list, drawn by the list's own row code.
			v := h.u.view
			row := -1
			for i := 0; i < v.model.count; i++ {
				if e, ok := v.model.get(i); ok && e.ID == photo.ID {
					row = i
				}
			}
			if row < 0 {
				t.Fatalf("the photo is not in the timeline list")
			}
			o := v.createRow()
			v.updateRow(row, o)
			if got := labelsIn(o); len(got) < 2 || got[1] != tt.row {
				t.Errorf("the photo's row = %q, want its line %q", got, tt.row)
			}
			v.list.Select(row)
			h.u.Wait()
			if d := v.detailText(); !strings.Contains(d, tt.detail+"\n") {
				t.Errorf("the photo's detail lacks\n%s\n%s", tt.detail, d)
			}
		})
	}
}
