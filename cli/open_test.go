package cli

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"redress/lang"
)

// TestDossierOpen: --open hands the new PDF to the system's opener
// (xdg-open here, a script that records what it got); without one the
// dossier is still made and the user is told, in one sentence, why it
// did not open.
func TestDossierOpen(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("xdg-open is the opener on Linux; other systems are covered by package opener")
	}
	setLang(t, "en")
	dir := t.TempDir()
	id := seedCase(t, dir)
	bin := t.TempDir()
	record := filepath.Join(bin, "args")
	script := "#!/bin/sh\nprintf '%s' \"$1\" > '" + record + "'\n"
	if err := os.WriteFile(filepath.Join(bin, "xdg-open"), []byte(script), 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin)
	out := filepath.Join(t.TempDir(), "opened.pdf")
	if _, stderr, code := runCLI(t, dir, "dossier", id, "-o", out, "--open"); code != 0 || stderr != "" {
		t.Fatalf("dossier --open: exit %d, stderr %q", code, stderr)
	}
	if got, err := os.ReadFile(record); err != nil || string(got) != out {
		t.Errorf("xdg-open got %q (%v), want %q", got, err, out)
	}

	t.Setenv("PATH", t.TempDir()) // no xdg-open
	out = filepath.Join(t.TempDir(), "unopened.pdf")
	stdout, stderr, code := runCLI(t, dir, "dossier", id, "-o", out, "--open")
	want := lang.EN.T("open.no-program", "file", out, "program", "xdg-open")
	if code != ExitFail || strings.TrimSpace(stderr) != want {
		t.Errorf("dossier --open without xdg-open = exit %d, stderr %q; want %d, %q", code, stderr, ExitFail, want)
	}
	if !strings.Contains(stdout, out) {
		t.Errorf("dossier --open without xdg-open did not report the saved dossier: %q", stdout)
	}
	if _, err := os.Stat(out); err != nil {
		t.Errorf("the dossier was not kept when it could not be opened: %v", err)
	}
}
