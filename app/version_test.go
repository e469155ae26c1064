package app

import (
	"os"
	"regexp"
	"testing"
)

// TestFyneAppTOMLVersion fails when FyneApp.toml (read by `fyne package`)
// names another version than Version.
func TestFyneAppTOMLVersion(t *testing.T) {
	raw, err := os.ReadFile("../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*Version\s*=\s*"([^"]*)"`).FindSubmatch(raw)
	if m == nil {
		t.Fatal("FyneApp.toml has no Version line")
	}
	if got := string(m[1]); got != Version {
		t.Errorf("FyneApp.toml Version = %q, want %q (app.Version)", got, Version)
	}
}
