package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"redress/internal/testtool"
	"redress/lang"
)

// binary is the real program, built once for these tests.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "redress-main-test")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "redress")
	out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput()
	if err != nil {
		os.RemoveAll(dir)
		panic("go build: " + err.Error() + "\n" + string(out))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// environ is the test's environment without the variables a test sets
// itself (locale, display, data folder), plus extra.
func environ(extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case "LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "REDRESS_LANG", "REDRESS_DATA", "DISPLAY", "WAYLAND_DISPLAY":
			continue
		}
		env = append(env, kv)
	}
	return append(env, extra...)
}

func run(t *testing.T, env []string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = env
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run %v: %v", args, err)
	}
	return out.String(), errb.String(), code
}

// TestCLIQuietOnAnyLocale fails when Fyne (or anything else) writes to
// stderr while a command succeeds, whatever the locale variables say.
func TestCLIQuietOnAnyLocale(t *testing.T) {
	data := t.TempDir()
	locales := [][]string{
		{"LANG=C"}, {"LANG=C.UTF-8"}, {"LANG=C.utf8"}, {"LANG=POSIX"}, {"LC_ALL=C.UTF-8"},
		{"LC_ALL=C.UTF-8", "LANG=zh_CN.UTF-8"}, {"LC_MESSAGES=POSIX.UTF-8"}, {"LANG=C.UTF-8", "LANGUAGE=C"},
		{"LANG=zh_CN.UTF-8"}, {"LANG=en_US.UTF-8"}, {},
	}
	for _, loc := range locales {
		for _, args := range [][]string{{"version"}, {"--data", data, "case", "list"}} {
			t.Run(strings.Join(loc, " ")+" "+strings.Join(args, " "), func(t *testing.T) {
				out, errs, code := run(t, environ(loc...), args...)
				if code != 0 || errs != "" {
					t.Errorf("redress %s with %v = exit %d, stderr %q; want 0 and nothing", strings.Join(args, " "), loc, code, errs)
				}
				if out == "" {
					t.Errorf("redress %s with %v printed nothing", strings.Join(args, " "), loc)
				}
			})
		}
	}
}

// TestLanguageFromLocale checks the language the built program picks.
func TestLanguageFromLocale(t *testing.T) {
	tests := []struct {
		env  []string
		want lang.Lang
	}{
		{[]string{"LANG=C.UTF-8"}, lang.EN},
		{[]string{"LANG=C"}, lang.EN},
		{[]string{"LC_ALL=POSIX", "LANG=zh_CN.UTF-8"}, lang.EN},
		{[]string{"LANG=zh_CN.UTF-8"}, lang.ZH},
		{[]string{"LC_MESSAGES=zh_CN.UTF-8", "LANG=C.UTF-8"}, lang.ZH},
		{[]string{"REDRESS_LANG=zh", "LANG=C.UTF-8"}, lang.ZH},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.env, " "), func(t *testing.T) {
			// The data folder must exist: read-only commands never create one.
			dir := t.TempDir()
			if _, errs, code := run(t, environ(tt.env...), "--data", dir, "case", "new", "--title", "Top-up missing",
				"--provider", "OKPay", "--problem", "topup-not-credited", "--jurisdiction", "CN"); code != 0 {
				t.Fatalf("case new = exit %d, stderr %q", code, errs)
			}
			_, errs, code := run(t, environ(tt.env...), "--data", dir, "case", "show", "nosuchcase")
			want := tt.want.T("case.not-found", "ref", "nosuchcase")
			if code == 0 || !strings.Contains(errs, want) {
				t.Errorf("case show nosuchcase with %v = exit %d, stderr %q; want the %s sentence %q", tt.env, code, errs, tt.want, want)
			}
		})
	}
}

// TestGUIWithoutDisplay: one sentence in the user's language, exit 1, no
// panic, for `gui` and for the app started with --data alone.
func TestGUIWithoutDisplay(t *testing.T) {
	for _, l := range []lang.Lang{lang.EN, lang.ZH} {
		for _, args := range [][]string{{"gui"}, {}} {
			t.Run(string(l)+" "+strings.Join(args, " "), func(t *testing.T) {
				data := filepath.Join(t.TempDir(), "data")
				_, errs, code := run(t, environ("REDRESS_LANG="+string(l), "LANG=C.UTF-8"), append([]string{"--data", data}, args...)...)
				if want := l.T("gui.no-display") + "\n"; code != 1 || errs != want {
					t.Errorf("redress --data DIR %s without a display = exit %d, stderr %q; want 1, %q", strings.Join(args, " "), code, errs, want)
				}
				if _, err := os.Stat(data); err == nil {
					t.Errorf("the data folder was created although no window could open")
				}
			})
		}
	}
}

// TestDataAloneOpensTheApp starts `redress --data DIR` under Xvfb: the
// window must appear and the database be created in DIR.
func TestDataAloneOpensTheApp(t *testing.T) {
	testtool.Need(t, "xvfb and xdotool", "Xvfb", "xdotool")
	display := startXvfb(t)
	data := filepath.Join(t.TempDir(), "picked folder")
	cmd := exec.Command(binary, "--data", data)
	cmd.Env = environ("DISPLAY="+display, "LANG=C.UTF-8", "REDRESS_LANG=en")
	var errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &errb, &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	// Poll: one xdotool call can fail while the server or a window is
	// still coming up.
	found := false
	for deadline := time.Now().Add(60 * time.Second); !found && time.Now().Before(deadline); {
		find := exec.Command("xdotool", "search", "--onlyvisible", "--name", "^Redress")
		find.Env = environ("DISPLAY=" + display)
		ids, _ := find.Output()
		found = strings.TrimSpace(string(ids)) != ""
		if !found {
			time.Sleep(200 * time.Millisecond)
		}
	}
	if !found {
		t.Fatalf("no Redress window appeared within a minute; app output %q", errb.String())
	}
	if _, err := os.Stat(filepath.Join(data, "redress.db")); err != nil {
		t.Errorf("redress --data DIR did not open DIR: %v", err)
	}
	if strings.Contains(errb.String(), "Fyne error") {
		t.Errorf("the app logged Fyne errors: %q", errb.String())
	}
}

// startXvfb starts a private X server (it picks a free display) and
// returns its name; it is stopped when the test ends. A server that takes
// no connection within ten seconds is replaced by a new one.
func startXvfb(t *testing.T) string {
	t.Helper()
	var report []string
	for attempt := 1; attempt <= 3; attempt++ {
		display, log, ok := tryXvfb(t)
		if ok {
			return display
		}
		report = append(report, fmt.Sprintf("attempt %d on %s: %s", attempt, display, log))
	}
	t.Fatalf("no Xvfb accepted a connection:\n%s", strings.Join(report, "\n"))
	return ""
}

// tryXvfb starts one Xvfb and waits for it to take a connection; when it
// does not, it is stopped and log says what it and xdotool printed.
func tryXvfb(t *testing.T) (display, log string, ok bool) {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	x := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "1024x768x24", "-nolisten", "tcp", "-noreset")
	x.ExtraFiles = []*os.File{w}
	x.Stderr = &stderr
	if err := x.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	stop := func() { x.Process.Kill(); x.Wait() }
	// Xvfb writes the number and then a newline in two writes, and dies
	// ("Cannot write display number") when the pipe is closed between
	// them: read the whole line before closing.
	line, err := bufio.NewReader(r).ReadString('\n')
	r.Close()
	if err != nil {
		stop()
		return "", fmt.Sprintf("Xvfb gave no display number (%v): %s", err, stderr.String()), false
	}
	display = ":" + strings.TrimSpace(line)
	var last string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		probe := exec.Command("xdotool", "getdisplaygeometry")
		probe.Env = environ("DISPLAY=" + display)
		out, err := probe.CombinedOutput()
		if err == nil {
			t.Cleanup(stop)
			return display, "", true
		}
		last = fmt.Sprintf("%v: %s", err, out)
	}
	stop()
	return display, fmt.Sprintf("xdotool: %s; Xvfb: %s", last, stderr.String()), false
}

// TestCLIChildrenSeeTheUsersLocale: the LANGUAGE=en given to Fyne on a
// C.UTF-8 system does not leak into programs the command line starts
// (xdg-open for dossier --open).
func TestCLIChildrenSeeTheUsersLocale(t *testing.T) {
	data := t.TempDir()
	env := environ("LANG=C.UTF-8", "REDRESS_LANG=en")
	id, errs, code := run(t, env, "--data", data, "case", "new", "--title", "Top-up missing", "--provider", "OKPay",
		"--problem", "topup-not-credited", "--jurisdiction", "CN")
	if code != 0 {
		t.Fatalf("case new: exit %d, %s", code, errs)
	}
	bin := t.TempDir()
	record := filepath.Join(bin, "language")
	script := "#!/bin/sh\nprintf '%s' \"${LANGUAGE-unset}\" > '" + record + "'\n"
	if err := os.WriteFile(filepath.Join(bin, "xdg-open"), []byte(script), 0o700); err != nil {
		t.Fatal(err)
	}
	var withPath []string
	for _, kv := range env {
		if !strings.HasPrefix(kv, "PATH=") {
			withPath = append(withPath, kv)
		}
	}
	withPath = append(withPath, "PATH="+bin)
	out := filepath.Join(t.TempDir(), "d.pdf")
	if _, errs, code := run(t, withPath, "--data", data, "dossier", strings.TrimSpace(id)[:8], "-o", out, "--open"); code != 0 || errs != "" {
		t.Fatalf("dossier --open: exit %d, stderr %q", code, errs)
	}
	if got, err := os.ReadFile(record); err != nil || string(got) != "unset" {
		t.Errorf("xdg-open saw LANGUAGE=%q (%v), want it unset as the user had it", got, err)
	}
}

// TestGUIWithUnusableDisplay: a DISPLAY that names no X server ends in a
// sentence and exit 1, not in a Go panic.
func TestGUIWithUnusableDisplay(t *testing.T) {
	display := ":59999" // no X server listens there
	_, errs, code := run(t, environ("DISPLAY="+display, "REDRESS_LANG=en", "LANG=C.UTF-8"), "--data", t.TempDir(), "gui")
	want := lang.EN.T("gui.cannot-open", "display", display)
	if code != 1 || !strings.Contains(errs, want) || strings.Contains(errs, "panic") || strings.Contains(errs, "goroutine") {
		t.Errorf("redress gui on DISPLAY=%s = exit %d, stderr %q; want 1 and %q without a panic", display, code, errs, want)
	}
}
