package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Issue 15, "EXIF capture times show in the timeline", on the command
// line: a JPEG attached to a case takes its place in `timeline` at the
// time its EXIF gives (between a note dated before and one dated after,
// though it was added last), and `event show` says where that time came
// from and when the file was added; a photo whose EXIF has no offset is
// read in the case's zone (+00:00 here, its first entry's).
func TestTimelineShowsEXIFCaptureTime(t *testing.T) {
	for _, tt := range []struct {
		ui, photo, zone string
		row, show       string // in `timeline --oldest`; in `event show`
	}{
		{"en", "jpeg-offset.jpg", "+08:00", "2025-11-25 10:30 +08:00", "2025-11-25 10:30 (from the photo's EXIF, its own time zone +08:00)"},
		{"zh", "jpeg-offset.jpg", "+08:00", "2025-11-25 10:30 +08:00", "2025-11-25 10:30（取自照片的 EXIF，照片自带时区 +08:00）"},
		{"en", "jpeg-no-offset.jpg", "+00:00", "2025-11-25 10:30 +00:00",
			"2025-11-25 10:30 (from the photo's EXIF, which records no time zone: read as the case's time zone +00:00)"},
		{"zh", "jpeg-no-offset.jpg", "+00:00", "2025-11-25 10:30 +00:00", "2025-11-25 10:30（取自照片的 EXIF，照片未记录时区，按本案时区 +00:00 计）"},
	} {
		t.Run(tt.ui+"/"+tt.photo, func(t *testing.T) {
			setLang(t, tt.ui)
			dir := t.TempDir()
			id := newCase(t, dir)
			mustRun(t, dir, "event", "add", id[:8], "--kind", "note", "--at", "2025-11-20T09:00:00"+tt.zone, "--summary", "FIRST-NOTE")
			mustRun(t, dir, "event", "add", id[:8], "--kind", "note", "--at", "2025-12-01T09:00:00"+tt.zone, "--summary", "LATER-NOTE")
			data, err := os.ReadFile(filepath.Join("..", "photo", "testdata", tt.photo))
			if err != nil {
				t.Fatal(err)
			}
			photo := filepath.Join(t.TempDir(), tt.photo)
			if err := os.WriteFile(photo, data, 0o600); err != nil {
				t.Fatal(err)
			}
			ev := mustRun(t, dir, "attach", id[:8], photo)
			lines := strings.Split(mustRun(t, dir, "timeline", id[:8], "--oldest"), "\n")
			if len(lines) != 3 || !strings.Contains(lines[0], "FIRST-NOTE") || !strings.Contains(lines[2], "LATER-NOTE") ||
				!strings.HasPrefix(lines[1], tt.row+"  "+ev[:8]) {
				t.Errorf("timeline --oldest =\n%s\nwant the photo's row in the middle, starting %q", strings.Join(lines, "\n"), tt.row+"  "+ev[:8])
			}
			show := mustRun(t, dir, "event", "show", ev)
			if !strings.Contains(show, tt.photo+": "+tt.show) {
				t.Errorf("event show lacks %q:\n%s", tt.photo+": "+tt.show, show)
			}
		})
	}
}
