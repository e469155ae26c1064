package dossier

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"redress/evidence"
)

// fakeCanvas records what the layout draws, page by page, with simple
// font metrics (a wide character is one em, anything else half an em), so
// layout decisions are checked without gofpdf or poppler.
type fakeCanvas struct {
	page, pages int
	size        float64
	w, h        float64
	texts       []fakeText
	images      []fakeImage
	bookmarks   []string
	links       int
}

type fakeText struct {
	page int
	y    float64
	s    string
}

type fakeImage struct{ page, id int }

func newFake(w, h float64) *fakeCanvas { return &fakeCanvas{w: w, h: h, size: bodySize} }

func (c *fakeCanvas) AddPage()                     { c.pages++; c.page = c.pages }
func (c *fakeCanvas) Page() int                    { return c.page }
func (c *fakeCanvas) SetPage(n int)                { c.page = n }
func (c *fakeCanvas) PageSize() (float64, float64) { return c.w, c.h }
func (c *fakeCanvas) SetFont(_ bool, size float64) { c.size = size }
func (c *fakeCanvas) Width(s string) float64 {
	w := 0.0
	for _, r := range s {
		if utf8.RuneLen(r) >= 3 {
			w += c.size * ptMM
		} else {
			w += c.size * ptMM * 0.5
		}
	}
	return w
}
func (c *fakeCanvas) Text(_, y float64, s string)                     { c.texts = append(c.texts, fakeText{c.page, y, s}) }
func (c *fakeCanvas) SetTextColor(int, int, int)                      {}
func (c *fakeCanvas) SetDrawColor(int, int, int)                      {}
func (c *fakeCanvas) SetFillColor(int, int, int)                      {}
func (c *fakeCanvas) SetLineWidth(float64)                            {}
func (c *fakeCanvas) SetDash(float64, float64)                        {}
func (c *fakeCanvas) Line(float64, float64, float64, float64)         {}
func (c *fakeCanvas) Rect(float64, float64, float64, float64, string) {}
func (c *fakeCanvas) ClipRect(float64, float64, float64, float64)     {}
func (c *fakeCanvas) ClipEnd()                                        {}
func (c *fakeCanvas) Image(id int, _, _, _, _ float64) {
	c.images = append(c.images, fakeImage{c.page, id})
}
func (c *fakeCanvas) NewLink() int                                 { c.links++; return c.links }
func (c *fakeCanvas) SetLink(int, float64, int)                    {}
func (c *fakeCanvas) Link(float64, float64, float64, float64, int) {}
func (c *fakeCanvas) Bookmark(title string, _ int, _ float64) {
	c.bookmarks = append(c.bookmarks, title)
}
func (c *fakeCanvas) Alias(string, string) {}
func (c *fakeCanvas) Err() error           { return nil }

// layout renders d on a fake A4 canvas; out receives the pictures and
// embedded files, which do not go through the canvas.
func layout(t *testing.T, d Dossier) (*fakeCanvas, []byte, Result) {
	t.Helper()
	r, err := newRenderer(d)
	if err != nil {
		t.Fatal(err)
	}
	c := newFake(210, 297)
	r.c = c
	var out bytes.Buffer
	res, err := r.render(&out)
	if err != nil {
		t.Fatal(err)
	}
	return c, out.Bytes(), res
}

// pageOf is the page the first line starting with s is drawn on, or 0.
func (c *fakeCanvas) pageOf(s string) int {
	for _, x := range c.texts {
		if strings.HasPrefix(x.s, s) {
			return x.page
		}
	}
	return 0
}

// TestLetterClosingKeptWithSignature lengthens the letter line by line so
// that the page break falls everywhere around its end, and checks that
// the closing never starts a page alone and the signature never leaves it.
func TestLetterClosingKeptWithSignature(t *testing.T) {
	for _, lang := range []evidence.Language{evidence.English, evidence.Chinese} {
		closing, signature := "Yours faithfully,", "Alex Morgan"
		if lang == evidence.Chinese {
			closing, signature = "此致\n敬礼！", "投诉人：李晓明\n2026年11月22日"
		}
		first := strings.Split(closing, "\n")[0]
		sig := strings.Split(signature, "\n")[0]
		breaks := 0
		for n := 30; n < 75; n++ {
			var paras []string
			for i := range n {
				paras = append(paras, fmt.Sprintf("Line %d of the body.", i))
			}
			paras = append(paras, "The last paragraph before the closing, long enough to take two lines of the page when it is broken by the layout of the letter page.")
			paras = append(paras, closing, signature)
			d := Dossier{Case: evidence.Case{ID: "c0ffee00-0000-4000-8000-000000000000", Language: lang},
				LetterText: strings.Join(paras, "\n\n"), Generated: pdfClock}
			c, _, _ := layout(t, d)
			pc, ps := c.pageOf(first), c.pageOf(sig)
			var last int // the page of the last line of the paragraph before the closing
			for _, x := range c.texts {
				if strings.Contains(x.s, "letter page.") || strings.Contains(x.s, "page.") {
					last = x.page
				}
			}
			if pc != ps || pc != last {
				t.Errorf("%s, %d body lines: closing on page %d, signature on %d, end of the paragraph before on %d; want one page",
					lang, n, pc, ps, last)
			}
			if c.pageOf(fmt.Sprintf("Line %d of", n-1)) != pc {
				breaks++ // the page break fell right before the letter's end
			}
		}
		if breaks == 0 {
			t.Errorf("%s: the paragraph before the closing was never split by a page break; the test proves nothing", lang)
		}
	}
}

// TestExhibitPagesSayWhatTheyAre checks each exhibit page's stamp: the
// exhibit number, the full SHA-256, the case reference and its page of
// the exhibit; and that a file repeated under two numbers is one picture
// drawn twice.
func TestExhibitPagesSayWhatTheyAre(t *testing.T) {
	d := pdfDossier(evidence.Chinese)
	again := d.Exhibits[0]
	again.Number = "E-7"
	again.Caption = ""
	d.Exhibits = append(d.Exhibits, again)
	c, out, _ := layout(t, d)
	byPage := map[int]string{}
	for _, x := range c.texts {
		byPage[x.page] += x.s + "\n"
	}
	first := c.pageOf("证据 E-1")
	if first == 0 {
		t.Fatal("no exhibit page")
	}
	for p := first; p <= c.pages; p++ {
		text := byPage[p]
		var x *evidence.Enclosure
		for i := range d.Exhibits {
			if strings.Contains(text, "证据 "+d.Exhibits[i].Number+" —") {
				x = &d.Exhibits[i]
			}
		}
		if x == nil {
			t.Errorf("page %d names no exhibit:\n%s", p, text)
			continue
		}
		flat := strings.ReplaceAll(text, "\n", "")
		for _, want := range []string{x.Attachment.SHA256, d.Case.ID, "本证据第"} {
			if !strings.Contains(flat, want) {
				t.Errorf("page %d (%s) lacks %q:\n%s", p, x.Number, want, text)
			}
		}
	}
	// E-7 is E-1's file again: the same picture id, one image object.
	ids := map[int]int{}
	for _, im := range c.images {
		ids[im.id]++
	}
	if n := bytes.Count(out, []byte("/Subtype /Image")); n != len(ids) {
		t.Errorf("%d image objects written for %d picture ids", n, len(ids))
	}
	e1, e7 := c.images[0].id, c.images[len(c.images)-1].id
	if e1 != e7 {
		t.Errorf("E-1 and E-7 (the same file) drawn as pictures %d and %d, want one", e1, e7)
	}
	// An uncaptioned exhibit is named by its kind in the dossier's language.
	if last := c.bookmarks[len(c.bookmarks)-1]; last != "E-7 截图" {
		t.Errorf("bookmark of the uncaptioned E-7 = %q, want %q", last, "E-7 截图")
	}
}
