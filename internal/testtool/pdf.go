package testtool

import (
	"encoding/json"
	"fmt"
	"html"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// CheckPDF checks the structure of a PDF as a reader at a regulator would
// use it, and reports every problem PDFProblems finds as a test error. It
// needs qpdf, pdftotext and pdftohtml (poppler-utils) and mutool
// (mupdf-tools).
func CheckPDF(t testing.TB, path string) {
	t.Helper()
	for _, p := range PDFProblems(t, path) {
		t.Error(p)
	}
}

// PDFProblems reads the PDF at path with qpdf, MuPDF and poppler and
// returns what a reader would trip over, one sentence each:
//
//   - qpdf --check warns, or MuPDF (mutool draw) warns while rendering a page;
//   - the three programs do not see the same bookmarks and internal links,
//     or send one of them to different pages;
//   - a bookmark or link lands, in any of the three, on a page that does
//     not start what it names. What it names is the bookmark's title (for
//     an exhibit, its number "E-3"), or the text under the link (a
//     contents line without its number and page number, an exhibit number
//     in the index). One of the first two lines of text at the destination
//     must be that title (or begin with it, for a contents line cut short
//     with "…"; both lines together, for a title that wraps), or hold that
//     exhibit number ("E-1" is not in "E-13"); and the page before must
//     not have the same line at the same place (an exhibit's second page
//     repeats its heading: a link to it lands mid-exhibit).
//
// A PDF with no bookmark or no link is a problem too: a dossier has both.
// Each program reads the destinations itself: qpdf the /Dest arrays of
// the objects, MuPDF its own link and outline resolution (mutool run),
// poppler the links and outline pdftohtml -xml writes.
func PDFProblems(t testing.TB, path string) []string {
	t.Helper()
	Need(t, "poppler-utils, qpdf and mupdf-tools", "qpdf", "pdftotext", "pdftohtml", "mutool")
	c := pdfCheck{path: path, tmp: t.TempDir()}
	if err := c.read(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	c.compare()
	return c.problems
}

// A place is where a bookmark or link sends the reader: a page (from 1; 0
// when it is not a page of the document) and, when known, the distance of
// the destination from the top of the page in points.
type place struct {
	page int
	top  float64
}

// A box is a rectangle on a page, in points from the top left corner.
type box struct{ x0, y0, x1, y1 float64 }

func (b box) contains(x, y, slack float64) bool {
	return x >= b.x0-slack && x <= b.x1+slack && y >= b.y0-slack && y <= b.y1+slack
}

func (b box) near(o box, slack float64) bool {
	return math.Abs(b.x0-o.x0) <= slack && math.Abs(b.y0-o.y0) <= slack &&
		math.Abs(b.x1-o.x1) <= slack && math.Abs(b.y1-o.y1) <= slack
}

type bookmark struct {
	title string
	to    place
}

type link struct {
	page int
	at   box
	to   place
}

type word struct {
	at   box
	text string
}

type textPage struct {
	height float64
	words  []word
}

type pdfCheck struct {
	path, tmp  string
	problems   []string
	qpdfWarned bool

	pages []textPage // pdftotext -bbox, by page number - 1

	qpdfMarks, mupdfMarks, popplerMarks []bookmark
	qpdfLinks, mupdfLinks, popplerLinks []link // poppler's: one per text run inside a link
}

func (c *pdfCheck) problem(format string, args ...any) {
	c.problems = append(c.problems, c.path+": "+fmt.Sprintf(format, args...))
}

func (c *pdfCheck) run(name string, args ...string) (string, error) {
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("%s %s: %w\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out), nil
}

// qpdf runs qpdf and returns its standard output; exit status 3 (done,
// with warnings) adds the warnings to the problems and goes on, so that a
// file with a warning still has its links checked.
func (c *pdfCheck) qpdf(args ...string) (string, error) {
	cmd := exec.Command("qpdf", args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if e, ok := err.(*exec.ExitError); ok && e.ExitCode() == 3 {
		if args[0] == "--check" { // the other commands repeat its warnings
			c.problem("qpdf --check warns:\n%s%s", warnings(string(out)), stderr.String())
			c.qpdfWarned = true
		}
		err = nil
	}
	if err != nil {
		return "", fmt.Errorf("qpdf %s: %w\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return string(out), nil
}

// warnings is the lines of qpdf --check's report that warn.
func warnings(report string) string {
	var w []string
	for _, l := range strings.Split(report, "\n") {
		if strings.Contains(strings.ToLower(l), "warning") {
			w = append(w, l)
		}
	}
	return strings.Join(w, "\n")
}

func (c *pdfCheck) read() error {
	check, err := c.qpdf("--check", c.path)
	if err != nil {
		return err
	}
	if !strings.Contains(check, "No syntax or stream encoding errors found") && !c.qpdfWarned {
		c.problem("qpdf --check:\n%s", check)
	}
	draw, err := c.run("mutool", "draw", "-r", "12", "-F", "png", "-o", filepath.Join(c.tmp, "p%d.png"), c.path)
	if err != nil {
		return err
	}
	for _, l := range strings.Split(draw, "\n") {
		low := strings.ToLower(l)
		if strings.Contains(low, "icc support is not available") { // how Debian builds MuPDF, not the file
			continue
		}
		if strings.Contains(low, "warning") || strings.Contains(low, "error") {
			c.problem("mutool draw: %s", l)
		}
	}
	for _, f := range []func() error{c.readText, c.readQPDF, c.readMuPDF, c.readPoppler} {
		if err := f(); err != nil {
			return err
		}
	}
	return nil
}

var (
	bboxPageRE = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	bboxWordRE = regexp.MustCompile(`<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)</word>`)
)

// readText reads every word of every page with its box (pdftotext -bbox).
func (c *pdfCheck) readText() error {
	out, err := c.run("pdftotext", "-enc", "UTF-8", "-bbox", c.path, "-")
	if err != nil {
		return err
	}
	starts := bboxPageRE.FindAllStringSubmatchIndex(out, -1)
	for i, s := range starts {
		end := len(out)
		if i+1 < len(starts) {
			end = starts[i+1][0]
		}
		h, _ := strconv.ParseFloat(out[s[4]:s[5]], 64)
		p := textPage{height: h}
		for _, m := range bboxWordRE.FindAllStringSubmatch(out[s[1]:end], -1) {
			var f [4]float64
			for j := range f {
				f[j], _ = strconv.ParseFloat(m[j+1], 64)
			}
			p.words = append(p.words, word{box{f[0], f[1], f[2], f[3]}, html.UnescapeString(m[5])})
		}
		c.pages = append(c.pages, p)
	}
	if len(c.pages) == 0 {
		return fmt.Errorf("pdftotext -bbox finds no page")
	}
	return nil
}

// readQPDF reads the page tree, the outline and the link annotations from
// the objects themselves (qpdf --json).
func (c *pdfCheck) readQPDF() error {
	out, err := c.qpdf("--json", "--json-key=qpdf", c.path)
	if err != nil {
		return err
	}
	var doc struct {
		QPDF []json.RawMessage `json:"qpdf"`
	}
	var all map[string]struct {
		Value json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc.QPDF) < 2 {
		return fmt.Errorf("qpdf --json: %v", err)
	}
	if err := json.Unmarshal(doc.QPDF[1], &all); err != nil {
		return fmt.Errorf("qpdf --json: %w", err)
	}
	objs := map[string]any{}
	for k, v := range all {
		var o any
		if json.Unmarshal(v.Value, &o) == nil {
			objs[strings.TrimPrefix(k, "obj:")] = o
		}
	}
	// dict and array read a direct object or follow a reference ("12 0 R").
	dict := func(v any) map[string]any {
		if m, ok := v.(map[string]any); ok {
			return m
		}
		m, _ := objs[fmt.Sprint(v)].(map[string]any)
		return m
	}
	array := func(v any) []any {
		if a, ok := v.([]any); ok {
			return a
		}
		a, _ := objs[fmt.Sprint(v)].([]any)
		return a
	}
	root := dict(dict(objs["trailer"])["/Root"])
	var pages []string
	var walk func(ref any, depth int)
	walk = func(ref any, depth int) {
		n := dict(ref)
		if kids := array(n["/Kids"]); n["/Type"] == "/Pages" && depth < 32 {
			for _, k := range kids {
				walk(k, depth+1)
			}
			return
		}
		pages = append(pages, fmt.Sprint(ref))
	}
	walk(root["/Pages"], 0)
	pageNo := map[string]int{}
	for i, ref := range pages {
		pageNo[ref] = i + 1
	}
	if len(pages) != len(c.pages) {
		return fmt.Errorf("qpdf finds %d pages, pdftotext %d", len(pages), len(c.pages))
	}
	// dest reads an explicit destination [page /XYZ left top zoom], or
	// a GoTo action's; any other kind is reported.
	dest := func(what string, o map[string]any) (place, bool) {
		d := o["/Dest"]
		if a := dict(o["/A"]); d == nil && a != nil {
			if a["/S"] != "/GoTo" {
				return place{}, false // a link to the web or another file
			}
			d = a["/D"]
		}
		arr := array(dict(d)["/D"]) // a destination dictionary
		if arr == nil {
			arr = array(d)
		}
		if len(arr) == 0 {
			c.problem("%s: qpdf reads no explicit destination (%v)", what, d)
			return place{}, true
		}
		n := pageNo[fmt.Sprint(arr[0])]
		p := place{page: n}
		if len(arr) >= 4 && arr[1] == "/XYZ" && n > 0 {
			if y, ok := arr[3].(float64); ok {
				p.top = c.pages[n-1].height - y
			}
		}
		return p, true
	}

	seen := map[string]bool{} // a broken outline may loop
	var marks func(ref any)
	marks = func(ref any) {
		for ; dict(ref) != nil && !seen[fmt.Sprint(ref)]; ref = dict(ref)["/Next"] {
			seen[fmt.Sprint(ref)] = true
			o := dict(ref)
			title, _ := o["/Title"].(string)
			title = strings.TrimPrefix(title, "u:")
			to, _ := dest(fmt.Sprintf("bookmark %q", title), o)
			c.qpdfMarks = append(c.qpdfMarks, bookmark{title, to})
			marks(o["/First"])
		}
	}
	marks(dict(root["/Outlines"])["/First"])

	for i, ref := range pages {
		for _, a := range array(dict(ref)["/Annots"]) {
			m := dict(a)
			if m["/Subtype"] != "/Link" {
				continue
			}
			rect, _ := m["/Rect"].([]any)
			if len(rect) != 4 {
				c.problem("a link on page %d has no rectangle", i+1)
				continue
			}
			var f [4]float64
			for j := range rect {
				f[j], _ = rect[j].(float64)
			}
			h := c.pages[i].height
			at := box{math.Min(f[0], f[2]), h - math.Max(f[1], f[3]), math.Max(f[0], f[2]), h - math.Min(f[1], f[3])}
			to, internal := dest(fmt.Sprintf("the link on page %d at %.0f,%.0f", i+1, at.x0, at.y0), m)
			if internal {
				c.qpdfLinks = append(c.qpdfLinks, link{i + 1, at, to})
			}
		}
	}
	return nil
}

// mupdfScript prints MuPDF's reading of every internal link and bookmark,
// one JSON object a line, resolved by MuPDF itself.
const mupdfScript = `
var doc = new Document(scriptArgs[0]);
function resolve(uri) {
	if (!uri || uri.charAt(0) != "#") return null;
	try { var d = doc.resolveLink(uri); return {page: d.page + 1, y: d.y}; }
	catch (e) { return {page: 0, y: 0, error: "" + e}; }
}
var n = doc.countPages();
for (var i = 0; i < n; i++) {
	var links = doc.loadPage(i).getLinks();
	for (var j = 0; j < links.length; j++) {
		var to = resolve(links[j].uri);
		if (to) print(JSON.stringify({link: true, page: i + 1, at: links[j].bounds, to: to, uri: links[j].uri}));
	}
}
function walk(items) {
	for (var i = 0; items && i < items.length; i++) {
		print(JSON.stringify({title: items[i].title, to: resolve(items[i].uri), uri: items[i].uri}));
		walk(items[i].down);
	}
}
walk(doc.loadOutline());
`

func (c *pdfCheck) readMuPDF() error {
	script := filepath.Join(c.tmp, "links.js")
	if err := os.WriteFile(script, []byte(mupdfScript), 0o600); err != nil {
		return err
	}
	cmd := exec.Command("mutool", "run", script, c.path)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("mutool run %s: %w\n%s", c.path, err, stderr.String())
	}
	for _, l := range strings.Split(stderr.String(), "\n") {
		if strings.TrimSpace(l) != "" {
			c.problem("mutool run (links and bookmarks): %s", l)
		}
	}
	for _, l := range strings.Split(string(out), "\n") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		var r struct {
			Link  bool      `json:"link"`
			Page  int       `json:"page"`
			At    []float64 `json:"at"`
			Title string    `json:"title"`
			To    *struct {
				Page int     `json:"page"`
				Y    float64 `json:"y"`
			} `json:"to"`
		}
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			return fmt.Errorf("mutool run: %q: %w", l, err)
		}
		var to place
		if r.To != nil {
			to = place{r.To.Page, r.To.Y}
		}
		switch {
		case r.Link && len(r.At) == 4:
			c.mupdfLinks = append(c.mupdfLinks, link{r.Page, box{r.At[0], r.At[1], r.At[2], r.At[3]}, to})
		case !r.Link:
			c.mupdfMarks = append(c.mupdfMarks, bookmark{r.Title, to})
		}
	}
	return nil
}

var (
	htmlPageRE = regexp.MustCompile(`<page number="(\d+)"`)
	htmlTextRE = regexp.MustCompile(`<text top="(-?\d+)" left="(-?\d+)" width="(\d+)" height="(\d+)"[^>]*>(.*?)</text>`)
	htmlHrefRE = regexp.MustCompile(`<a href="([^"]*)">`)
	htmlItemRE = regexp.MustCompile(`<item(?: page="(\d+)")?>([^<]*)</item>`)
)

// readPoppler reads poppler's outline and the internal links it puts on
// the text runs they cover (pdftohtml -xml at 72 dpi, so in points).
func (c *pdfCheck) readPoppler() error {
	out, err := c.run("pdftohtml", "-xml", "-i", "-q", "-stdout", "-zoom", "1", c.path)
	if err != nil {
		return err
	}
	body, outline, _ := strings.Cut(out, "<outline>")
	starts := htmlPageRE.FindAllStringSubmatchIndex(body, -1)
	for i, s := range starts {
		end := len(body)
		if i+1 < len(starts) {
			end = starts[i+1][0]
		}
		page, _ := strconv.Atoi(body[s[2]:s[3]])
		for _, m := range htmlTextRE.FindAllStringSubmatch(body[s[1]:end], -1) {
			for _, h := range htmlHrefRE.FindAllStringSubmatch(m[5], -1) {
				href := html.UnescapeString(h[1])
				_, frag, ok := strings.Cut(href, "#")
				if !ok || strings.Contains(href, ":") {
					continue // a link to the web or another file
				}
				var f [4]float64
				for j := range f {
					f[j], _ = strconv.ParseFloat(m[j+1], 64)
				}
				to, _ := strconv.Atoi(frag)
				c.popplerLinks = append(c.popplerLinks, link{page, box{f[1], f[0], f[1] + f[2], f[0] + f[3]}, place{page: to}})
			}
		}
	}
	for _, m := range htmlItemRE.FindAllStringSubmatch(outline, -1) {
		n, _ := strconv.Atoi(m[1])
		c.popplerMarks = append(c.popplerMarks, bookmark{html.UnescapeString(m[2]), place{page: n}})
	}
	return nil
}

// compare checks every bookmark and link as each program reads it.
func (c *pdfCheck) compare() {
	if len(c.mupdfMarks) != len(c.qpdfMarks) || len(c.popplerMarks) != len(c.qpdfMarks) {
		c.problem("%d bookmarks for qpdf, %d for MuPDF, %d for poppler", len(c.qpdfMarks), len(c.mupdfMarks), len(c.popplerMarks))
	}
	for i, b := range c.qpdfMarks {
		got := map[string]int{"qpdf": b.to.page}
		for tool, marks := range map[string][]bookmark{"MuPDF": c.mupdfMarks, "poppler": c.popplerMarks} {
			if i < len(marks) && marks[i].title == b.title {
				got[tool] = marks[i].to.page
			}
		}
		want := b.title
		if f := strings.Fields(b.title); len(f) > 0 && exhibitRE.MatchString(f[0]) {
			want = f[0] // an exhibit: its number
		}
		c.lands(fmt.Sprintf("bookmark %q", b.title), want, false, b.to.top, got)
	}

	usedMu := make([]bool, len(c.mupdfLinks))
	usedPop := make([]bool, len(c.popplerLinks))
	for _, l := range c.qpdfLinks {
		got := map[string]int{"qpdf": l.to.page}
		for j, m := range c.mupdfLinks {
			if !usedMu[j] && m.page == l.page && m.at.near(l.at, 1.5) {
				usedMu[j] = true
				got["MuPDF"] = m.to.page
				break
			}
		}
		var pop []int
		for j, p := range c.popplerLinks {
			if p.page == l.page && l.at.contains((p.at.x0+p.at.x1)/2, (p.at.y0+p.at.y1)/2, 1.5) {
				usedPop[j] = true
				pop = append(pop, p.to.page)
			}
		}
		if len(pop) > 0 {
			got["poppler"] = pop[0]
			if slices.Min(pop) != slices.Max(pop) {
				c.problem("the link at %.0f,%.0f on page %d goes to pages %v for poppler", l.at.x0, l.at.y0, l.page, pop)
			}
		}
		under, cut := c.under(l.page, l.at)
		if under == "" {
			c.problem("the link at %.0f,%.0f on page %d has no text under it", l.at.x0, l.at.y0, l.page)
			continue
		}
		c.lands(fmt.Sprintf("link %q on page %d", under, l.page), under, cut, l.to.top, got)
	}
	for j, m := range c.mupdfLinks {
		if !usedMu[j] {
			c.problem("MuPDF finds a link at %.0f,%.0f on page %d to page %d that qpdf does not", m.at.x0, m.at.y0, m.page, m.to.page)
		}
	}
	for j, p := range c.popplerLinks {
		if !usedPop[j] {
			c.problem("poppler finds a link at %.0f,%.0f on page %d to page %d that qpdf does not", p.at.x0, p.at.y0, p.page, p.to.page)
		}
	}
	if len(c.qpdfMarks) == 0 || len(c.qpdfLinks) == 0 {
		c.problem("%d bookmarks and %d links; a dossier has both", len(c.qpdfMarks), len(c.qpdfLinks))
	}
}

var exhibitRE = regexp.MustCompile(`^E-\d+$`)

// lands checks where each program sends a bookmark or link: to the same
// page, and to the page where what it names starts.
func (c *pdfCheck) lands(what, want string, cut bool, top float64, got map[string]int) {
	for _, tool := range []string{"qpdf", "MuPDF", "poppler"} {
		n, ok := got[tool]
		switch {
		case !ok:
			c.problem("%s: %s does not find it", what, tool)
		case n < 1 || n > len(c.pages):
			c.problem("%s: %s sends it to no page of the document", what, tool)
		default:
			if why := c.starts(n, top, want, cut); why != "" {
				c.problem("%s: %s sends it to page %d, %s", what, tool, n, why)
			}
		}
	}
	if got["qpdf"] != got["MuPDF"] || got["qpdf"] != got["poppler"] {
		c.problem("%s goes to page %d for qpdf, %d for MuPDF, %d for poppler", what, got["qpdf"], got["MuPDF"], got["poppler"])
	}
}

// starts says why page n, from top down, does not start what want names,
// or "" when it does. cut says want is the start of a longer name (a
// contents line cut short with "…").
func (c *pdfCheck) starts(n int, top float64, want string, cut bool) string {
	lines := c.head(n, top)
	line, ok := names(lines, want, cut)
	if !ok {
		return fmt.Sprintf("whose first lines there (%q) do not name %q", lines, want)
	}
	if n > 1 && slices.Contains(c.head(n-1, top), line) {
		return fmt.Sprintf("but %q starts earlier: page %d has %q at the same place", want, n-1, line)
	}
	return ""
}

// names finds the line that names want: for an exhibit number, a line
// that holds it ("Exhibit E-3 — …"); for a title, a line that is the title
// (or, when cut, starts with it), or two lines that together are.
func names(lines []string, want string, cut bool) (string, bool) {
	want = squeeze(want)
	if want == "" {
		return "", false
	}
	cands := slices.Clone(lines)
	if len(lines) == 2 {
		cands = append(cands, lines[0]+lines[1])
	}
	for _, l := range cands {
		switch {
		case exhibitRE.MatchString(want) && hasName(l, want),
			l == want,
			cut && strings.HasPrefix(l, want):
			return l, true
		}
	}
	return "", false
}

// head is the first two lines of text of page n at or below top, without
// white space.
func (c *pdfCheck) head(n int, top float64) []string {
	var ws []word
	for _, w := range c.pages[n-1].words {
		if w.at.y0 >= top-3 {
			ws = append(ws, w)
		}
	}
	slices.SortStableFunc(ws, func(a, b word) int {
		if math.Abs(a.at.y0-b.at.y0) > 2 {
			return cmpFloat(a.at.y0, b.at.y0)
		}
		return cmpFloat(a.at.x0, b.at.x0)
	})
	var lines []string
	y := math.Inf(-1)
	for _, w := range ws {
		if w.at.y0 > y+2 {
			if len(lines) == 2 {
				break
			}
			lines = append(lines, "")
			y = w.at.y0
		}
		lines[len(lines)-1] += squeeze(w.text)
	}
	return lines
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// under is the text under a link: a contents line without its number and
// page number, an exhibit number; cut when the line ends cut with "…".
func (c *pdfCheck) under(page int, at box) (text string, cut bool) {
	var words []string
	for _, w := range c.pages[page-1].words {
		if at.contains((w.at.x0+w.at.x1)/2, (w.at.y0+w.at.y1)/2, 0) {
			words = append(words, w.text)
		}
	}
	if len(words) > 1 && isNumber(words[len(words)-1]) {
		words = words[:len(words)-1] // the page number of a contents line
	}
	if len(words) > 1 && isNumber(words[0]) {
		words = words[1:] // the number of a contents line
	}
	text = strings.Join(words, " ")
	return strings.TrimSuffix(text, "…"), strings.HasSuffix(text, "…")
}

// hasName reports whether text holds name; a name ending in a digit must
// not go on with one ("E-1" is not in "E-13").
func hasName(text, name string) bool {
	for i := 0; i < len(text); {
		j := strings.Index(text[i:], name)
		if j < 0 {
			return false
		}
		end := i + j + len(name)
		if end == len(text) || !isDigit(name[len(name)-1]) || !isDigit(text[end]) {
			return true
		}
		i += j + 1
	}
	return false
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func isNumber(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}
