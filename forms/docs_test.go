package forms

import (
	"os"
	"strings"
	"testing"
)

// TestDocsListEveryForm keeps docs/FORMS.md in step with the data: every
// form's ID, address and checked date appear there.
func TestDocsListEveryForm(t *testing.T) {
	doc, err := os.ReadFile("../docs/FORMS.md")
	if err != nil {
		t.Fatalf("read docs/FORMS.md: %v", err)
	}
	for _, f := range All() {
		for _, s := range []string{"`" + f.ID + "`", f.URL, f.Checked} {
			if !strings.Contains(string(doc), s) {
				t.Errorf("docs/FORMS.md does not mention %q (form %s)", s, f.ID)
			}
		}
		for _, fl := range f.Fields {
			if !strings.Contains(string(doc), "`"+fl.Key+"`") {
				t.Errorf("docs/FORMS.md does not list field %s of %s", fl.Key, f.ID)
			}
		}
	}
}
