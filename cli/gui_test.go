package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"redress/lang"
)

func TestMainStartsTheDesktopApp(t *testing.T) {
	setLang(t, "en")
	env := filepath.Join(t.TempDir(), "env-data")
	t.Setenv("REDRESS_DATA", env)
	flag := filepath.Join(t.TempDir(), "flag-data")
	tests := []struct {
		name    string
		args    []string
		display bool
		code    int // what the desktop app returns
		want    *GUI
		exit    int
		stderr  string
	}{
		{"no arguments", nil, true, 0, &GUI{Dir: env}, 0, ""},
		{"--data alone opens the app there", []string{"--data", flag}, true, 0, &GUI{Dir: flag}, 0, ""},
		{"--data= alone", []string{"--data=" + flag}, true, 0, &GUI{Dir: flag}, 0, ""},
		{"gui at a case", []string{"--data", flag, "gui", "--case", "abcd1234", "--show", "dossier"}, true, 0,
			&GUI{Dir: flag, Case: "abcd1234", Show: "dossier"}, 0, ""},
		{"the app's exit code", []string{"gui"}, true, 3, &GUI{Dir: env}, 3, ""},
		{"no display", []string{"--data", flag}, false, 0, nil, ExitFail, lang.EN.T("gui.no-display") + "\n"},
		{"no display, gui", []string{"gui"}, false, 0, nil, ExitFail, lang.EN.T("gui.no-display") + "\n"},
		{"gui with an extra argument", []string{"gui", "extra"}, true, 0, nil, ExitUsage, "extra"},
		{"gui with an unknown flag", []string{"gui", "--bogus"}, true, 0, nil, ExitUsage, "--bogus"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func(old func() bool) { hasDisplay = old }(hasDisplay)
			hasDisplay = func() bool { return tt.display }
			var got *GUI
			start := func(g GUI) int { got = &g; return tt.code }
			var out, errb bytes.Buffer
			exit := Main(tt.args, &out, &errb, start)
			if exit != tt.exit {
				t.Errorf("Main(%q) = %d, want %d (stderr %q)", tt.args, exit, tt.exit, errb.String())
			}
			switch {
			case tt.want == nil && got != nil:
				t.Errorf("Main(%q) started the app with %+v, want not started", tt.args, *got)
			case tt.want != nil && got == nil:
				t.Errorf("Main(%q) did not start the app, want %+v", tt.args, *tt.want)
			case tt.want != nil && *got != *tt.want:
				t.Errorf("Main(%q) started the app with %+v, want %+v", tt.args, *got, *tt.want)
			}
			if tt.stderr == "" && errb.Len() > 0 {
				t.Errorf("Main(%q) stderr = %q, want nothing", tt.args, errb.String())
			}
			if tt.stderr != "" && !strings.Contains(errb.String(), tt.stderr) {
				t.Errorf("Main(%q) stderr = %q, want it to contain %q", tt.args, errb.String(), tt.stderr)
			}
			if out.Len() > 0 {
				t.Errorf("Main(%q) stdout = %q, want nothing", tt.args, out.String())
			}
		})
	}
}

func TestNoDisplayInChinese(t *testing.T) {
	setLang(t, "zh")
	defer func(old func() bool) { hasDisplay = old }(hasDisplay)
	hasDisplay = func() bool { return false }
	var out, errb bytes.Buffer
	exit := Main([]string{"--data", t.TempDir()}, &out, &errb, func(GUI) int { return 0 })
	if want := lang.ZH.T("gui.no-display") + "\n"; exit != ExitFail || errb.String() != want {
		t.Errorf("Main(--data DIR) without a display = %d, %q; want %d, %q", exit, errb.String(), ExitFail, want)
	}
}

func TestRunWithoutDesktopApp(t *testing.T) {
	setLang(t, "en")
	var out, errb bytes.Buffer
	if code := Run([]string{"gui"}, &out, &errb); code != ExitUsage || !strings.Contains(errb.String(), "gui") {
		t.Errorf("Run(gui) without a desktop app = %d, %q; want %d naming gui", code, errb.String(), ExitUsage)
	}
	out.Reset()
	if code := Run([]string{"--data", t.TempDir()}, &out, &errb); code != 0 || !strings.Contains(out.String(), "redress [--data DIR] gui") {
		t.Errorf("Run(--data DIR) without a desktop app = %d, %q; want the help with the gui line", code, out.String())
	}
}
