package app

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// SaveFile replaces a file only with a complete new one: a write that
// fails leaves the old bytes and no temporary file.
func TestSaveFileKeepsOldFileWhenWriteFails(t *testing.T) {
	tests := []struct {
		name  string
		write func(io.Writer) error
		want  string // the file's content afterwards
		err   bool
	}{
		{"write fails half-way", func(w io.Writer) error { w.Write([]byte("NEW, half")); return errors.New("render failed") }, "OLD CONTENT", true},
		{"write succeeds", func(w io.Writer) error { _, err := w.Write([]byte("NEW CONTENT")); return err }, "NEW CONTENT", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "copy.png")
			if err := os.WriteFile(path, []byte("OLD CONTENT"), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := SaveFile(path, tt.write)
			if (err != nil) != tt.err {
				t.Fatalf("SaveFile = %v, want error %v", err, tt.err)
			}
			if got, _ := os.ReadFile(path); !bytes.Equal(got, []byte(tt.want)) {
				t.Errorf("after SaveFile the file holds %q, want %q", got, tt.want)
			}
			if _, err := os.Stat(path + ".partial"); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("the temporary file was left: %v", err)
			}
		})
	}
}

// VerifyLogDeepProgress tells how many stored files it has re-hashed: none
// of n once the log is checked, then one more after each file.
func TestVerifyLogDeepProgress(t *testing.T) {
	for _, n := range []int{0, 1, 3} {
		t.Run(strconv.Itoa(n)+" files", func(t *testing.T) {
			a := openApp(t)
			c, err := a.NewCase(ctx, CaseInput{Title: "T", Provider: "OKPay", Problem: "other", Jurisdiction: "UK"})
			if err != nil {
				t.Fatal(err)
			}
			for i := range n {
				path := filepath.Join(t.TempDir(), fmt.Sprintf("doc-%d.txt", i))
				os.WriteFile(path, []byte(strings.Repeat("x", 1000+i)), 0o600)
				if _, err := a.Attach(ctx, c.ID, []string{path}, AttachInput{Kind: "document"}); err != nil {
					t.Fatal(err)
				}
			}
			var got [][2]int
			rep, err := a.VerifyLogDeepProgress(ctx, func(done, total int) { got = append(got, [2]int{done, total}) })
			if err != nil || !rep.OK() || !rep.Deep || rep.Files != n {
				t.Fatalf("VerifyLogDeepProgress = %+v, %v; want a deep, intact report of %d files", rep, err, n)
			}
			var want [][2]int
			for i := 0; i <= n; i++ {
				want = append(want, [2]int{i, n})
			}
			if !slices.Equal(got, want) {
				t.Errorf("progress reports = %v, want %v", got, want)
			}
		})
	}
}
