package photo

import (
	"path/filepath"
	"testing"
	"time"
)

// FuzzTaken feeds arbitrary bytes to Taken: it must never panic, and what
// it returns must be plausible and honestly labelled.
func FuzzTaken(f *testing.F) {
	names, _ := filepath.Glob("testdata/*.*")
	for _, n := range names {
		if filepath.Ext(n) != ".sh" {
			f.Add(read(f, filepath.Base(n)))
		}
	}
	mod := time.Date(2025, 12, 24, 18, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, data []byte) {
		got := Taken(data, mod, now)
		switch got.Source {
		case SourceUnknown:
			t.Fatalf("Taken gave unknown although a modification time was given")
		case SourceFileModified:
			if !got.At.Equal(mod) || !got.OffsetKnown {
				t.Fatalf("Taken = %v, want the modification time", got)
			}
		case SourceEXIF, SourcePNGEXIF, SourcePNGTime:
			if !plausible(got, now) {
				t.Fatalf("Taken gave an implausible time %v", got)
			}
			if !got.OffsetKnown && got.At.Location() != NoOffset {
				t.Fatalf("Taken gave a clock reading outside NoOffset: %v", got)
			}
		default:
			t.Fatalf("Taken gave source %q", got.Source)
		}
	})
}
