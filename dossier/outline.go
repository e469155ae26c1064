package dossier

import (
	"strconv"
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
func (r *renderer) heading(key string) {
	title := r.tr(key)
	r.section(title, r.y)
	r.setFont(true, 15)
	lh := 15 * ptMM * 1.4
	r.textAt(r.left, r.y, lh, title)
	r.y += lh + 1
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
		r.traced(title)
		r.traced(num)
		tw := c.Width(title)
		nw := c.Width(num)
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
