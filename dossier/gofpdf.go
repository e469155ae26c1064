package dossier

import (
	"bytes"
	"fmt"
	"strconv"
	"time"

	"github.com/jung-kurt/gofpdf"

	"redress/fonts"
)

// pdfFamily is the font family name; pdffonts shows utf8notosanssc(B).
const pdfFamily = "NotoSansSC"

// gofpdfCanvas is the canvas over gofpdf: the only code that knows it.
// gofpdf lays out the pages, fonts, links and bookmarks; pictures are
// drawn as references to image objects that file.go writes itself, and
// gofpdf is given no attachment, so its page objects come first and its
// destinations (object 1 + 2·page) are right.
type gofpdfCanvas struct {
	pdf *gofpdf.Fpdf
	k   float64 // points per millimetre
	// aliases are replaced by file.go when it compresses the pages, in
	// one pass over each page (gofpdf's RegisterAlias copies every page
	// once per alias: 60 exhibits made that a tenth of the finish).
	aliases map[string]string
}

// docInfo is the document information dictionary.
type docInfo struct {
	Title, Subject, Author, Keywords string
	Date                             time.Time
}

// newGofpdf makes the canvas without its fonts (loadFonts), so that the
// page geometry is known, and the exhibits' pipeline started, before the
// fonts are parsed.
func newGofpdf(paper string, info docInfo, footer func()) *gofpdfCanvas {
	pdf := gofpdf.New("P", "mm", paper, "")
	pdf.SetCatalogSort(true)
	// gofpdf writes these without a UTC offset, so they are given in UTC.
	pdf.SetCreationDate(info.Date.UTC())
	pdf.SetModificationDate(info.Date.UTC())
	pdf.SetTitle(info.Title, true)
	pdf.SetSubject(info.Subject, true)
	pdf.SetAuthor(info.Author, true)
	pdf.SetCreator("Redress", true)
	pdf.SetKeywords(info.Keywords, true)
	// The pages are compressed by file.go, after replacing the aliases.
	pdf.SetCompression(false)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(margin, margin, margin)
	pdf.SetFooterFunc(footer)
	return &gofpdfCanvas{pdf: pdf, k: 72 / 25.4, aliases: map[string]string{}}
}

// loadFonts parses the embedded fonts: before anything is drawn.
func (c *gofpdfCanvas) loadFonts() error {
	pdf := c.pdf
	pdf.AddUTF8FontFromBytes(pdfFamily, "", fonts.Regular)
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("load font %s: %w", fonts.RegularName, err)
	}
	pdf.AddUTF8FontFromBytes(pdfFamily, "B", fonts.Bold)
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("load font %s: %w", fonts.BoldName, err)
	}
	// gofpdf only prints a font that fails to parse; selecting it is what
	// reports it ("undefined font").
	pdf.SetFont(pdfFamily, "B", bodySize)
	pdf.SetFont(pdfFamily, "", bodySize)
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("load embedded fonts: %w", err)
	}
	// After the fonts: gofpdf then keeps the digits in every font subset,
	// which the page-number aliases need.
	pdf.AliasNbPages(nbAlias)
	return nil
}

func (c *gofpdfCanvas) AddPage()                              { c.pdf.AddPage() }
func (c *gofpdfCanvas) Page() int                             { return c.pdf.PageNo() }
func (c *gofpdfCanvas) SetPage(n int)                         { c.pdf.SetPage(n) }
func (c *gofpdfCanvas) PageSize() (w, h float64)              { return c.pdf.GetPageSize() }
func (c *gofpdfCanvas) Width(s string) float64                { return c.pdf.GetStringWidth(s) }
func (c *gofpdfCanvas) Text(x, y float64, s string)           { c.pdf.Text(x, y, s) }
func (c *gofpdfCanvas) SetTextColor(r, g, b int)              { c.pdf.SetTextColor(r, g, b) }
func (c *gofpdfCanvas) SetDrawColor(r, g, b int)              { c.pdf.SetDrawColor(r, g, b) }
func (c *gofpdfCanvas) SetFillColor(r, g, b int)              { c.pdf.SetFillColor(r, g, b) }
func (c *gofpdfCanvas) SetLineWidth(w float64)                { c.pdf.SetLineWidth(w) }
func (c *gofpdfCanvas) Line(x1, y1, x2, y2 float64)           { c.pdf.Line(x1, y1, x2, y2) }
func (c *gofpdfCanvas) Rect(x, y, w, h float64, style string) { c.pdf.Rect(x, y, w, h, style) }
func (c *gofpdfCanvas) ClipRect(x, y, w, h float64)           { c.pdf.ClipRect(x, y, w, h, false) }
func (c *gofpdfCanvas) ClipEnd()                              { c.pdf.ClipEnd() }
func (c *gofpdfCanvas) NewLink() int                          { return c.pdf.AddLink() }
func (c *gofpdfCanvas) SetLink(link int, y float64, page int) { c.pdf.SetLink(link, y, page) }
func (c *gofpdfCanvas) Link(x, y, w, h float64, link int)     { c.pdf.Link(x, y, w, h, link) }
func (c *gofpdfCanvas) Bookmark(title string, level int, y float64) {
	c.pdf.Bookmark(title, level, y)
}
func (c *gofpdfCanvas) Alias(alias, text string) { c.aliases[alias] = text }
func (c *gofpdfCanvas) Err() error               { return c.pdf.Error() }

func (c *gofpdfCanvas) SetFont(bold bool, size float64) {
	style := ""
	if bold {
		style = "B"
	}
	c.pdf.SetFont(pdfFamily, style, size)
}

func (c *gofpdfCanvas) SetDash(on, off float64) {
	if on <= 0 {
		c.pdf.SetDashPattern(nil, 0)
		return
	}
	c.pdf.SetDashPattern([]float64{on, off}, 0)
}

// Image draws image object /X<id> in the box: the operators gofpdf's own
// ImageOptions writes, with the resource named by file.go.
func (c *gofpdfCanvas) Image(id int, x, y, w, h float64) {
	_, ph := c.pdf.GetPageSize()
	c.pdf.RawWriteStr("q " + pt(w*c.k) + " 0 0 " + pt(h*c.k) + " " + pt(x*c.k) + " " + pt((ph-(y+h))*c.k) +
		" cm /X" + strconv.Itoa(id) + " Do Q")
}

func pt(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }

// finish lays out the last page and returns gofpdf's document: pages,
// fonts, links and bookmarks, with an empty /XObject dictionary and no
// embedded files, for file.go to complete.
func (c *gofpdfCanvas) finish() ([]byte, int, error) {
	var b bytes.Buffer
	n := c.pdf.PageCount()
	if err := c.pdf.Output(&b); err != nil {
		return nil, 0, err
	}
	return b.Bytes(), n, nil
}
