package dossier

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"redress/evidence"
	"redress/internal/testtool"
)

// TestDossierWrongLinkFound takes the 13-exhibit regulator dossier, sends
// the exhibit index's link for E-2 (a long screenshot over several pages)
// to E-2's second page instead of its first, with qpdf --update-from-json,
// and checks that testtool.PDFProblems reports that one link, and only it,
// as qpdf, MuPDF and poppler each read it.
func TestDossierWrongLinkFound(t *testing.T) {
	pdfNeed(t, "qpdf")
	for _, lang := range []evidence.Language{evidence.English, evidence.Chinese} {
		t.Run(string(lang), func(t *testing.T) {
			path, _, _ := pdfRender(t, pdfRegulator(lang)) // right as rendered
			var doc struct {
				QPDF []json.RawMessage `json:"qpdf"`
			}
			if err := json.Unmarshal([]byte(pdfRun(t, "qpdf", "--json", "--json-key=qpdf", path)), &doc); err != nil || len(doc.QPDF) != 2 {
				t.Fatalf("qpdf --json: %v", err)
			}
			var objs map[string]struct {
				Value json.RawMessage `json:"value"`
			}
			if err := json.Unmarshal(doc.QPDF[1], &objs); err != nil {
				t.Fatal(err)
			}
			get := func(ref any, v any) {
				t.Helper()
				if err := json.Unmarshal(objs["obj:"+fmt.Sprint(ref)].Value, v); err != nil {
					t.Fatalf("object %v: %v", ref, err)
				}
			}
			var trailer, root, tree struct {
				Root  string   `json:"/Root"`
				Pages string   `json:"/Pages"`
				Kids  []string `json:"/Kids"`
			}
			if err := json.Unmarshal(objs["trailer"].Value, &trailer); err != nil {
				t.Fatal(err)
			}
			get(trailer.Root, &root)
			get(root.Pages, &tree)
			// The page E-2 starts on, as its bookmark says.
			first := 0
			for _, line := range strings.Split(pdfRun(t, "mutool", "show", path, "outline"), "\n") {
				if strings.Contains(line, `"E-2 `) {
					fmt.Sscanf(line[strings.Index(line, "#page=")+len("#page="):], "%d", &first)
				}
			}
			if first == 0 {
				t.Fatal("no bookmark for E-2")
			}
			from, to := tree.Kids[first-1], tree.Kids[first]
			patched, index := 0, 0
			for i, k := range tree.Kids {
				var page map[string]any
				get(k, &page)
				annots, _ := page["/Annots"].([]any)
				changed := false
				for _, a := range annots {
					m, _ := a.(map[string]any)
					if d, _ := m["/Dest"].([]any); len(d) > 0 && d[0] == from {
						d[0] = to
						changed = true
						patched++
						index = i + 1
					}
				}
				if changed {
					update, _ := json.Marshal(map[string]any{"qpdf": []any{doc.QPDF[0], map[string]any{"obj:" + k: map[string]any{"value": page}}}})
					file := filepath.Join(t.TempDir(), "patch.json")
					if err := os.WriteFile(file, update, 0o600); err != nil {
						t.Fatal(err)
					}
					out := filepath.Join(t.TempDir(), "wrong.pdf")
					pdfRun(t, "qpdf", path, "--update-from-json="+file, out)
					path = out
				}
			}
			if patched != 1 {
				t.Fatalf("%d links go to E-2's first page %d, want 1 (the exhibit index's)", patched, first)
			}

			got := testtool.PDFProblems(t, path)
			what := fmt.Sprintf(`link "E-2" on page %d: `, index)
			var want []string
			for _, tool := range []string{"qpdf", "MuPDF", "poppler"} {
				want = append(want, fmt.Sprintf(`%s%s sends it to page %d, but "E-2" starts earlier: page %d`, what, tool, first+1, first))
			}
			if len(got) != len(want) {
				t.Errorf("PDFProblems(E-2's link sent to page %d) = %d problems, want %d:\n%s", first+1, len(got), len(want), strings.Join(got, "\n"))
			}
			for _, w := range want {
				found := false
				for _, p := range got {
					found = found || strings.Contains(p, w)
				}
				if !found {
					t.Errorf("PDFProblems(E-2's link sent to page %d) lacks %q; got:\n%s", first+1, w, strings.Join(got, "\n"))
				}
			}
		})
	}
}
