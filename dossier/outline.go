package dossier

import (
	"strconv"
	"strings"
)

// section is one entry of the outline (bookmarks) and of the table of
// contents on the cover.
type section struct {
	title string
	link  int
	page  int
}

// heading starts a section: a bookmark, a table-of-contents entry and a
// title.
func (r *renderer) heading(key string) { r.headingText(r.tr(key)) }

// headingText is heading with its title given.
func (r *renderer) headingText(title string) {
	r.section(title, r.y)
	r.setFont(true, 15)
	lh := 15 * ptMM * 1.4
	for _, l := range r.wrap(title, r.width) { // one line for the dossier's own headings
		r.textAt(r.left, r.y, lh, l)
		r.y += lh
	}
	r.y++
	r.c.SetDrawColor(60, 60, 60)
	r.c.SetLineWidth(0.4)
	r.c.Line(r.left, r.y, r.left+r.width, r.y)
	r.y += 4
}

// section adds a top-level bookmark and contents entry at y on this page.
func (r *renderer) section(title string, y float64) {
	link := r.c.NewLink()
	r.c.SetLink(link, y, r.c.Page())
	r.c.Bookmark(r.meta(title), 0, y)
	r.sections = append(r.sections, section{title: title, link: link, page: r.c.Page()})
}

const tocLead = 7.0

// toc draws the table of contents from y on the current page: one line per
// section, its page number right-aligned, the whole line a link.
func (r *renderer) toc(y float64) {
	c := r.c
	r.setFont(false, bodySize)
	c.SetTextColor(0, 0, 0)
	c.SetDrawColor(150, 150, 150)
	c.SetLineWidth(0.2)
	c.SetDash(0.4, 1.2)
	for i, s := range r.sections {
		top := y + float64(i)*tocLead
		num := strconv.Itoa(s.page)
		title := strconv.Itoa(i+1) + "   " + s.title
		nw := c.Width(num)
		// A title too long for its line (a form's name) is cut with "…".
		for rs := []rune(title); c.Width(title) > r.width-nw-6 && len(rs) > 8; {
			rs = rs[:len(rs)-1]
			title = strings.TrimRight(string(rs), " —") + "…"
		}
		r.traced(title)
		r.traced(num)
		tw := c.Width(title)
		r.textAt(r.left, top, tocLead, title)
		r.textAt(r.left+r.width-nw, top, tocLead, num)
		base := top + (tocLead-r.fs)/2 + 0.88*r.fs
		if x0, x1 := r.left+tw+2, r.left+r.width-nw-2; x1 > x0 {
			c.Line(x0, base, x1, base)
		}
		c.Link(r.left, top, r.width, tocLead, s.link)
	}
	c.SetDash(0, 0)
}
