package lang

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestParalegalKeysTranslated fails when a key the paralegal code uses
// (issue 14: profile, clients, forms, records, authority, entries) has no
// text in a language. It reads the keys from the source, so a key added
// there and forgotten in lang/*/paralegal.json is caught.
func TestParalegalKeysTranslated(t *testing.T) {
	files := []string{"../ui/profile.go", "../ui/clients.go", "../ui/clientbar.go", "../ui/casedetails.go",
		"../ui/formanswers.go", "../ui/records.go", "../ui/authority.go", "../ui/entries.go",
		"../cli/paralegal.go", "../app/paralegal.go", "../app/forms.go", "../app/authority.go", "../app/selection.go",
		"../store/clients.go"}
	key := regexp.MustCompile(`"((?:ui\.para|cli|client|profile|form|dossier\.forms|field|prefers|product|yesno)\.[a-z0-9-]+(?:\.[a-z0-9-]+)*)"`)
	n := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatalf("read %s: %v", f, err)
		}
		for _, m := range key.FindAllStringSubmatch(string(src), -1) {
			keys := []string{m[1]}
			switch {
			case m[1] == "ui.para.files", m[1] == "cli.authority-saved": // a count
				keys = []string{m[1] + ".one", m[1] + ".other"}
			case m[1] == "cli.form-fill-": // + where to fill a fact in
				keys = []string{m[1] + "flag", m[1] + "profile", m[1] + "timeline"}
			}
			n++
			for _, k := range keys {
				for _, l := range All {
					if !l.Has(k) {
						t.Errorf("%s: %s lacks %q", filepath.Base(f), l, k)
					}
				}
			}
		}
	}
	if n < 100 {
		t.Errorf("found %d keys; the pattern no longer matches the code", n)
	}
}
