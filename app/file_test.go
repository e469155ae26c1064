package app

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"redress/lang"
)

func TestWriteFileRefusesNamesWindowsCannotKeep(t *testing.T) {
	tests := []struct {
		goos, name, key string
	}{
		{"windows", "NUL.pdf", "file.name-reserved"},
		{"windows", "con.zip", "file.name-reserved"},
		{"windows", "COM1.db", "file.name-reserved"},
		{"windows", "dossier. ", "file.name-trailing"},
		{"windows", "dossier.pdf.", "file.name-trailing"},
		{"windows", "what?.pdf", "file.name-character"},
		{"windows", "dossier.pdf", ""},
		{"windows", "投诉材料 2026.pdf", ""},
		{"linux", "NUL.pdf", ""},
		{"linux", "dossier. ", ""},
		{"darwin", "con.zip", ""},
	}
	for _, tt := range tests {
		t.Run(tt.goos+" "+tt.name, func(t *testing.T) {
			defer func(old string) { goos = old }(goos)
			goos = tt.goos
			dir := t.TempDir()
			path := filepath.Join(dir, tt.name)
			_, err := writeFile(path, "export.cannot-write", func(w io.Writer) error {
				_, err := w.Write([]byte("data"))
				return err
			})
			var le *lang.Error
			switch {
			case tt.key == "" && err != nil:
				t.Fatalf("writeFile(%q) on %s = %v, want it written", tt.name, tt.goos, err)
			case tt.key != "" && (!errors.As(err, &le) || le.Key != tt.key):
				t.Fatalf("writeFile(%q) on %s = %v, want the error %s", tt.name, tt.goos, err, tt.key)
			}
			entries, _ := os.ReadDir(dir)
			if want := map[bool]int{true: 0, false: 1}[tt.key != ""]; len(entries) != want {
				t.Errorf("writeFile(%q) on %s left %d files, want %d", tt.name, tt.goos, len(entries), want)
			}
			if tt.key != "" {
				for _, l := range lang.All {
					if msg := l.Err(err); !l.Has(tt.key) || msg == "" {
						t.Errorf("%s has no sentence for %s", l, tt.key)
					}
				}
			}
		})
	}
}

func TestBackupRefusesReservedNameOnWindows(t *testing.T) {
	defer func(old string) { goos = old }(goos)
	goos = "windows"
	ctx := t.Context()
	dir := t.TempDir()
	a, err := Open(ctx, filepath.Join(dir, "data"))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	out := filepath.Join(dir, "aux.db")
	err = a.Backup(ctx, out)
	var le *lang.Error
	if !errors.As(err, &le) || le.Key != "file.name-reserved" {
		t.Fatalf("Backup(%q) on windows = %v, want file.name-reserved", out, err)
	}
	if _, err := os.Stat(out + ".partial"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Backup(%q) left %s.partial: %v", out, out, err)
	}
}

// TestWriteFileLarge writes a file larger than several writeback steps in
// pieces of uneven sizes and reads it back: every byte arrives, in order,
// and each Write reports the bytes it took.
func TestWriteFileLarge(t *testing.T) {
	path := filepath.Join(t.TempDir(), "large.bin")
	var want []byte
	_, err := writeFile(path, "export.cannot-write", func(w io.Writer) error {
		for i := 0; len(want) < 3*writebackStep+12345; i++ {
			p := make([]byte, 1+(i*7919)%(1<<20))
			for j := range p {
				p[j] = byte(i + j)
			}
			n, err := w.Write(p)
			if err != nil || n != len(p) {
				return fmt.Errorf("Write(%d bytes) = %d, %v", len(p), n, err)
			}
			want = append(want, p...)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("file has %d bytes (sha differs), want the %d written", len(got), len(want))
	}
}
