package testtool

import (
	"encoding/json"
	"fmt"
	"html"
	"math"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// CheckPDF checks the structure of a PDF as a reader at a regulator would
// use it: every outline entry (bookmark) and every link annotation points
// at a page object of the document, and that page's text (pdftotext of the
// single page) contains the bookmark's title — or, for an exhibit, its
// number ("E-3 …") — or the text under the link (a contents line without
// its number and page number, an exhibit number in the index); qpdf
// --check finds nothing to warn about; MuPDF renders every page without a
// warning or error, and MuPDF and poppler send every bookmark to the
// same page as qpdf. It needs qpdf, pdftotext (poppler-utils) and mutool
// (mupdf-tools).
func CheckPDF(t testing.TB, path string) {
	t.Helper()
	Need(t, "poppler-utils, qpdf and mupdf-tools", "qpdf", "pdftotext", "pdftohtml", "mutool")
	run := func(name string, args ...string) string {
		t.Helper()
		out, err := exec.Command(name, args...).CombinedOutput()
		if err != nil {
			t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	check := run("qpdf", "--check", path)
	if !strings.Contains(check, "No syntax or stream encoding errors found") || strings.Contains(strings.ToLower(check), "warning") {
		t.Errorf("qpdf --check %s:\n%s", path, check)
	}
	for _, l := range strings.Split(run("mutool", "draw", "-r", "12", "-F", "png", "-o", t.TempDir()+"/p%d.png", path), "\n") {
		low := strings.ToLower(l)
		if strings.Contains(low, "icc support is not available") { // how Debian builds MuPDF, not the file
			continue
		}
		if strings.Contains(low, "warning") || strings.Contains(low, "error") {
			t.Errorf("mutool draw %s: %s", path, l)
		}
	}

	var doc struct {
		QPDF []json.RawMessage `json:"qpdf"`
	}
	var all map[string]struct {
		Value json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal([]byte(run("qpdf", "--json", "--json-key=qpdf", path)), &doc); err != nil || len(doc.QPDF) < 2 {
		t.Fatalf("qpdf --json %s: %v", path, err)
	}
	if err := json.Unmarshal(doc.QPDF[1], &all); err != nil {
		t.Fatalf("qpdf --json %s: %v", path, err)
	}
	objs := map[string]map[string]any{}
	for k, v := range all {
		var m map[string]any
		if json.Unmarshal(v.Value, &m) == nil {
			objs[strings.TrimPrefix(k, "obj:")] = m
		}
	}
	root := objs[fmt.Sprint(objs["trailer"]["/Root"])]
	pagesRoot := objs[fmt.Sprint(root["/Pages"])]
	kids, _ := pagesRoot["/Kids"].([]any)
	pageNo := map[string]int{}
	for i, k := range kids {
		pageNo[fmt.Sprint(k)] = i + 1
	}
	if len(pageNo) == 0 {
		t.Fatalf("%s: no pages in the page tree", path)
	}
	pageH := func(ref string) float64 {
		box, _ := objs[ref]["/MediaBox"].([]any)
		if box == nil {
			box, _ = pagesRoot["/MediaBox"].([]any)
		}
		if len(box) == 4 {
			h, _ := box[3].(float64)
			return h
		}
		return 792
	}
	texts := map[int]string{}
	pageText := func(n int, crop ...string) string {
		t.Helper()
		args := append([]string{"-enc", "UTF-8", "-f", strconv.Itoa(n), "-l", strconv.Itoa(n)}, crop...)
		s := run("pdftotext", append(args, path, "-")...)
		return strings.Join(strings.Fields(s), " ")
	}
	target := func(what string, dest any) int {
		t.Helper()
		d, _ := dest.([]any)
		if len(d) == 0 {
			t.Errorf("%s: %s has no destination", path, what)
			return 0
		}
		n, ok := pageNo[fmt.Sprint(d[0])]
		if !ok {
			t.Errorf("%s: %s points at %v, which is not a page of the document", path, what, d[0])
			return 0
		}
		if _, ok := texts[n]; !ok {
			texts[n] = pageText(n)
		}
		return n
	}
	contains := func(page, want string) bool {
		squeeze := func(s string) string {
			return strings.Map(func(r rune) rune {
				if unicode.IsSpace(r) {
					return -1
				}
				return r
			}, s)
		}
		return strings.Contains(squeeze(page), squeeze(want))
	}

	// MuPDF's own reading of the bookmarks: "|\t"Title"\t#page=N&…".
	mupdf := map[string]int{}
	for _, l := range strings.Split(run("mutool", "show", path, "outline"), "\n") {
		q1, q2 := strings.Index(l, `"`), strings.LastIndex(l, `"`)
		_, page, ok := strings.Cut(l, "#page=")
		if q1 < 0 || q2 <= q1 || !ok {
			continue
		}
		page, _, _ = strings.Cut(page, "&")
		if n, err := strconv.Atoi(page); err == nil {
			mupdf[l[q1+1:q2]] = n
		}
	}

	// Poppler's: pdftohtml -xml lists the outline with resolved pages.
	poppler := map[string]int{}
	for _, m := range popplerItemRE.FindAllStringSubmatch(run("pdftohtml", "-xml", "-i", "-q", "-stdout", "-f", "1", "-l", "1", path), -1) {
		n, _ := strconv.Atoi(m[1])
		poppler[html.UnescapeString(m[2])] = n
	}

	outlines := 0
	for ref, o := range objs {
		title, ok := o["/Title"].(string)
		if !ok || o["/Parent"] == nil {
			continue
		}
		outlines++
		title = strings.TrimPrefix(title, "u:")
		n := target(fmt.Sprintf("bookmark %q (%s)", title, ref), o["/Dest"])
		if n == 0 {
			continue
		}
		if m, ok := mupdf[title]; !ok || m != n {
			t.Errorf("%s: bookmark %q goes to page %d for qpdf, %d for MuPDF (found %v)", path, title, n, m, ok)
		}
		if m, ok := poppler[title]; !ok || m != n {
			t.Errorf("%s: bookmark %q goes to page %d for qpdf, %d for poppler (found %v)", path, title, n, m, ok)
		}
		want := title
		if f := strings.Fields(title); len(f) > 0 && strings.HasPrefix(f[0], "E-") {
			want = f[0] // an exhibit: its number
		}
		if !contains(texts[n], want) {
			t.Errorf("%s: bookmark %q goes to page %d, whose text lacks %q:\n%.300s", path, title, n, want, texts[n])
		}
	}
	links := 0
	for ref, p := range pageNo {
		annots, _ := objs[ref]["/Annots"].([]any)
		for _, a := range annots {
			m, ok := a.(map[string]any)
			if !ok {
				m = objs[fmt.Sprint(a)]
			}
			if m["/Subtype"] != "/Link" {
				continue
			}
			links++
			rect, _ := m["/Rect"].([]any)
			if len(rect) != 4 {
				t.Errorf("%s: link on page %d has no rectangle", path, p)
				continue
			}
			f := make([]float64, 4)
			for i := range rect {
				f[i], _ = rect[i].(float64)
			}
			x0, x1 := math.Min(f[0], f[2]), math.Max(f[0], f[2])
			y0, y1 := math.Min(f[1], f[3]), math.Max(f[1], f[3])
			under := pageText(p, "-x", strconv.Itoa(int(x0)), "-y", strconv.Itoa(int(pageH(ref)-y1)),
				"-W", strconv.Itoa(int(math.Ceil(x1-x0))), "-H", strconv.Itoa(int(math.Ceil(y1-y0))))
			words := strings.Fields(under)
			if len(words) > 1 && isNumber(words[len(words)-1]) {
				words = words[:len(words)-1] // the page number of a contents line
			}
			if len(words) > 1 && isNumber(words[0]) {
				words = words[1:] // the number of a contents line
			}
			// A contents line too long for the page ends cut with "…".
			want := strings.TrimSuffix(strings.Join(words, " "), "…")
			if want == "" {
				t.Errorf("%s: link on page %d at %v has no text under it", path, p, rect)
				continue
			}
			n := target(fmt.Sprintf("link %q on page %d", want, p), m["/Dest"])
			if n != 0 && !contains(texts[n], want) {
				t.Errorf("%s: link %q on page %d goes to page %d, whose text lacks it:\n%.300s", path, want, p, n, texts[n])
			}
		}
	}
	if outlines == 0 || links == 0 {
		t.Errorf("%s: %d bookmarks and %d links; a dossier has both", path, outlines, links)
	}
}

var popplerItemRE = regexp.MustCompile(`<item page="(\d+)">([^<]*)</item>`)

func isNumber(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}
