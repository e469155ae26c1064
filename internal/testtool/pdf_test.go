package testtool

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A testDest is where a test link or bookmark points: a page (from 1) and
// a line of that page (-1: the top of the page). notPage makes it point
// at the font object instead, which is not a page; number names the page
// by its index (from 0) instead of a reference, as only a destination in
// another file may, and as readers differ in following.
type testDest struct {
	page, line      int
	notPage, number bool
}

type testLink struct {
	line int // on the first page
	to   testDest
}

type testMark struct {
	title string
	to    testDest
	kids  []testMark
}

type testPDF struct {
	pages [][]string // lines of text, 24 points apart
	links []testLink
	marks []testMark
}

const testPageH = 842

// lineTop is how far below the top of the page line i starts.
func lineTop(i int) float64 { return float64(60+24*i) - 16 }

// sample is a small document built like a dossier: contents with links,
// a page holding two sections, an exhibit over two pages whose heading
// repeats, and an exhibit whose number starts like the first one's.
func sample() testPDF {
	return testPDF{
		pages: [][]string{
			{"Contents", "1 Alpha 2", "2 Beta 2", "3 Exhibits 3", "E-1", "E-11"},
			{"Alpha", "alpha text", "more alpha text", "", "Beta", "beta text"},
			{"Exhibits", "Exhibit E-1 - receipt", "part 1 of 2"},
			{"Exhibit E-1 - receipt", "part 2 of 2"},
			{"Exhibit E-11 - letter", "part 1 of 1"},
		},
		links: []testLink{
			{1, testDest{2, 0, false, false}}, {2, testDest{2, 4, false, false}}, {3, testDest{3, 0, false, false}},
			{4, testDest{3, -1, false, false}}, {5, testDest{5, -1, false, false}},
		},
		marks: []testMark{
			{"Alpha", testDest{2, 0, false, false}, nil},
			{"Beta", testDest{2, 4, false, false}, nil},
			{"Exhibits", testDest{3, 0, false, false}, []testMark{
				{"E-1 receipt", testDest{3, -1, false, false}, nil},
				{"E-11 letter", testDest{5, -1, false, false}, nil},
			}},
		},
	}
}

// build writes the document as a PDF with a correct cross-reference table.
func (d testPDF) build(t *testing.T) string {
	t.Helper()
	var objs []string // object i+1
	add := func(s string) int { objs = append(objs, s); return len(objs) }
	add("") // 1: catalog
	add("") // 2: page tree
	add("") // 3: outline root
	font := add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	pageObj := make([]int, len(d.pages))
	for i := range d.pages {
		pageObj[i] = add("")
	}
	dest := func(to testDest) string {
		ref := fmt.Sprintf("%d 0 R", font)
		switch {
		case to.number:
			ref = fmt.Sprint(to.page - 1)
		case !to.notPage:
			ref = fmt.Sprintf("%d 0 R", pageObj[to.page-1])
		}
		top := float64(testPageH)
		if to.line >= 0 {
			top = testPageH - lineTop(to.line)
		}
		return fmt.Sprintf("[%s /XYZ 0 %.2f null]", ref, top)
	}
	var kids []string
	for i, lines := range d.pages {
		var content strings.Builder
		for j, l := range lines {
			fmt.Fprintf(&content, "BT /F1 14 Tf 50 %d Td (%s) Tj ET\n", testPageH-60-24*j, l)
		}
		stream := add(fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", content.Len(), content.String()))
		var annots []string
		if i == 0 {
			for _, l := range d.links {
				annots = append(annots, fmt.Sprintf("<< /Type /Annot /Subtype /Link /Border [0 0 0] /Rect [45 %.2f 300 %.2f] /Dest %s >>",
					testPageH-lineTop(l.line)-22, testPageH-lineTop(l.line), dest(l.to)))
			}
		}
		objs[pageObj[i]-1] = fmt.Sprintf("<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R /Annots [%s] >>",
			font, stream, strings.Join(annots, " "))
		kids = append(kids, fmt.Sprintf("%d 0 R", pageObj[i]))
	}
	// The outline: each entry's object number is known before it is written.
	var outline func(marks []testMark, parent int) (first, last, count int)
	outline = func(marks []testMark, parent int) (int, int, int) {
		nums := make([]int, len(marks))
		for i := range marks {
			nums[i] = add("")
		}
		count := len(marks)
		for i, m := range marks {
			s := fmt.Sprintf("<< /Title (%s) /Parent %d 0 R /Dest %s", m.title, parent, dest(m.to))
			if i > 0 {
				s += fmt.Sprintf(" /Prev %d 0 R", nums[i-1])
			}
			if i+1 < len(marks) {
				s += fmt.Sprintf(" /Next %d 0 R", nums[i+1])
			}
			if len(m.kids) > 0 {
				f, l, n := outline(m.kids, nums[i])
				s += fmt.Sprintf(" /First %d 0 R /Last %d 0 R /Count %d", f, l, n)
				count += n
			}
			objs[nums[i]-1] = s + " >>"
		}
		if len(marks) == 0 {
			return 0, 0, 0
		}
		return nums[0], nums[len(nums)-1], count
	}
	objs[0] = "<< /Type /Catalog /Pages 2 0 R >>"
	objs[2] = "<< /Type /Outlines /Count 0 >>"
	if f, l, n := outline(d.marks, 3); n > 0 {
		objs[0] = "<< /Type /Catalog /Pages 2 0 R /Outlines 3 0 R /PageMode /UseOutlines >>"
		objs[2] = fmt.Sprintf("<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>", f, l, n)
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d /MediaBox [0 0 595 %d] >>", strings.Join(kids, " "), len(kids), testPageH)

	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	path := filepath.Join(t.TempDir(), "sample.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestPDFProblems builds small PDFs whose bookmarks and links are right or
// deliberately wrong, and checks that PDFProblems passes the right one and
// reports each fault as qpdf, MuPDF and poppler read it.
func TestPDFProblems(t *testing.T) {
	each := func(what string) []string {
		return []string{what + ": qpdf sends it", what + ": MuPDF sends it", what + ": poppler sends it"}
	}
	tests := []struct {
		name string
		edit func(d *testPDF)
		want []string // each must be in one of the problems; none: no problem
	}{
		{"right", func(*testPDF) {}, nil},
		{"contents link to the wrong page", func(d *testPDF) { d.links[0].to = testDest{3, 0, false, false} },
			each(`link "Alpha" on page 1`)},
		{"exhibit link to the exhibit's second page", func(d *testPDF) { d.links[3].to = testDest{4, -1, false, false} },
			append(each(`link "E-1" on page 1`), `but "E-1" starts earlier: page 3`)},
		{"exhibit link to an exhibit whose number starts the same", func(d *testPDF) { d.links[3].to = testDest{5, -1, false, false} },
			each(`link "E-1" on page 1`)},
		{"link to the right page but the wrong section on it", func(d *testPDF) { d.links[1].to = testDest{2, 0, false, false} },
			each(`link "Beta" on page 1`)},
		{"bookmark to the wrong page", func(d *testPDF) { d.marks[1].to = testDest{3, 0, false, false} },
			each(`bookmark "Beta"`)},
		{"exhibit bookmark to the exhibit's second page", func(d *testPDF) { d.marks[2].kids[0].to = testDest{4, -1, false, false} },
			each(`bookmark "E-1 receipt"`)},
		{"link to an object that is not a page", func(d *testPDF) { d.links[2].to = testDest{notPage: true} },
			// MuPDF warns and falls back to the first page.
			append(each(`link "Exhibits" on page 1`), "mutool run (links and bookmarks): warning: invalid page object")},
		{"link naming its page by number", func(d *testPDF) { d.links[0].to = testDest{2, 0, false, true} },
			[]string{`link "Alpha" on page 1: qpdf sends it to no page`, `link "Alpha" on page 1 goes to page 0 for qpdf, `}},
		{"no bookmarks", func(d *testPDF) { d.marks = nil }, []string{"0 bookmarks and 5 links"}},
		{"no links", func(d *testPDF) { d.links = nil }, []string{"5 bookmarks and 0 links"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := sample()
			tt.edit(&d)
			path := d.build(t)
			got := PDFProblems(t, path)
			if tt.want == nil && len(got) > 0 {
				t.Errorf("PDFProblems(%s) = %d problems, want none:\n%s", tt.name, len(got), strings.Join(got, "\n"))
			}
			all := strings.Join(got, "\n")
			for _, w := range tt.want {
				if !strings.Contains(all, w) {
					t.Errorf("PDFProblems(%s) lacks %q; got:\n%s", tt.name, w, all)
				}
			}
		})
	}
}

func TestNames(t *testing.T) {
	tests := []struct {
		lines []string
		want  string
		cut   bool
		ok    bool
	}{
		{[]string{"ExhibitE-1-receipt", "part1of2"}, "E-1", false, true},
		{[]string{"ExhibitE-11-letter", "part1of1"}, "E-1", false, false},
		{[]string{"Exhibits", "ExhibitE-1—x"}, "E-1", false, true},
		{[]string{"证据目录", "No.Caption"}, "证据", false, false},
		{[]string{"证据", "证据E-1—充值"}, "证据", false, true},
		{[]string{"Aclient'sletterof", "authority"}, "A client's letter of authority", false, true},
		{[]string{"Averylongsectiontitle", "text"}, "A very long", true, true},
		{[]string{"Averylongsectiontitle", "text"}, "A very long", false, false},
		{nil, "Alpha", false, false},
	}
	for _, tt := range tests {
		if _, ok := names(tt.lines, tt.want, tt.cut); ok != tt.ok {
			t.Errorf("names(%q, %q, %v) = %v, want %v", tt.lines, tt.want, tt.cut, ok, tt.ok)
		}
	}
}
