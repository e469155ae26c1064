package opener

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"redress/lang"
)

func tempFile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "投诉 dossier.pdf")
	if err := os.WriteFile(path, []byte("%PDF-1.4\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func wantKey(t *testing.T, what string, err error, key string) {
	t.Helper()
	var le *lang.Error
	if !errors.As(err, &le) || le.Key != key {
		t.Fatalf("%s = %v, want the error %s", what, err, key)
	}
	for _, l := range lang.All {
		if !l.Has(key) {
			t.Errorf("%s has no sentence for %s", l, key)
		}
	}
}

// TestCommands checks the program and arguments each system gets.
func TestCommands(t *testing.T) {
	file := tempFile(t)
	tests := []struct {
		goos   string
		reveal bool
		want   []string // the command's arguments, program first
		shell  bool     // Open goes through ShellExecute
	}{
		{"linux", false, []string{"xdg-open", file}, false},
		{"linux", true, []string{"xdg-open", filepath.Dir(file)}, false},
		{"freebsd", false, []string{"xdg-open", file}, false},
		{"darwin", false, []string{"open", file}, false},
		{"darwin", true, []string{"open", "-R", file}, false},
		{"windows", false, nil, true},
		{"windows", true, []string{"explorer", `/select,"` + file + `"`}, false},
	}
	for _, tt := range tests {
		name := tt.goos + map[bool]string{false: " open", true: " reveal"}[tt.reveal]
		t.Run(name, func(t *testing.T) {
			var got []string
			shelled := ""
			o := opener{goos: tt.goos,
				look: func(name string) (string, error) { return name, nil },
				start: func(cmd *exec.Cmd) error {
					got = append([]string{cmd.Path}, cmd.Args[1:]...)
					return nil
				},
				shell: func(path string) error { shelled = path; return nil }}
			do := o.open
			if tt.reveal {
				do = o.reveal
			}
			if err := do(file); err != nil {
				t.Fatalf("%s(%q) = %v", name, file, err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("%s(%q) ran %q, want %q", name, file, got, tt.want)
			}
			if tt.shell && shelled != file {
				t.Errorf("%s(%q) gave ShellExecute %q, want the file", name, file, shelled)
			}
		})
	}
}

func TestWindowsErrors(t *testing.T) {
	file := tempFile(t)
	o := opener{goos: "windows", shell: func(string) error { return errNoAssoc }}
	wantKey(t, "Open with no program for .pdf", o.open(file), "open.no-viewer")
	o.shell = func(string) error { return errors.New("access denied") }
	wantKey(t, "Open refused", o.open(file), "open.failed")
}

// fakeTool puts a program called name on the PATH (alone) that records its
// arguments in a file and exits with code.
func fakeTool(t *testing.T, name string, code int) (record string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("shell scripts stand in for the helper programs on Unix only")
	}
	dir := t.TempDir()
	record = filepath.Join(dir, "args")
	script := "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > '" + record + "'\nexit " + string(rune('0'+code)) + "\n"
	if err := os.WriteFile(filepath.Join(dir, name), []byte(script), 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir)
	return record
}

// TestRealHelper runs a real program in the place of xdg-open.
func TestRealHelper(t *testing.T) {
	file := tempFile(t)
	o := opener{goos: "linux", look: exec.LookPath, start: startCmd}
	tests := []struct {
		name   string
		code   int
		reveal bool
		want   string // the argument the helper got
		key    string
	}{
		{"open", 0, false, file, ""},
		{"reveal", 0, true, filepath.Dir(file), ""},
		{"no program for the type", 3, false, file, "open.no-viewer"},
		{"the program failed", 4, false, file, "open.failed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			record := fakeTool(t, "xdg-open", tt.code)
			do := o.open
			if tt.reveal {
				do = o.reveal
			}
			err := do(file)
			if tt.key == "" && err != nil {
				t.Fatalf("%s(%q) = %v", tt.name, file, err)
			}
			if tt.key != "" {
				wantKey(t, tt.name, err, tt.key)
			}
			got, err := os.ReadFile(record)
			if err != nil {
				t.Fatalf("xdg-open was not run: %v", err)
			}
			if strings.TrimSuffix(string(got), "\n") != tt.want {
				t.Errorf("xdg-open got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestNoHelperProgram(t *testing.T) {
	file := tempFile(t)
	t.Setenv("PATH", t.TempDir())
	o := opener{goos: "linux", look: exec.LookPath, start: startCmd}
	wantKey(t, "Open without xdg-open", o.open(file), "open.no-program")
	wantKey(t, "Reveal without xdg-open", o.reveal(file), "open.no-program")
	if msg := lang.EN.Err(o.open(file)); !strings.Contains(msg, "xdg-open") || !strings.Contains(msg, file) {
		t.Errorf("message %q does not name the program and the file", msg)
	}
}

func TestMissingFile(t *testing.T) {
	ran := false
	o := opener{goos: "linux", look: func(n string) (string, error) { return n, nil },
		start: func(*exec.Cmd) error { ran = true; return nil }}
	missing := filepath.Join(t.TempDir(), "gone.pdf")
	wantKey(t, "Open of a missing file", o.open(missing), "file.missing")
	wantKey(t, "Reveal of a missing file", o.reveal(missing), "file.missing")
	if ran {
		t.Error("a helper program was started for a missing file")
	}
}
