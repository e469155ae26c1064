package dossier

// canvas is what the layout draws on: pages in millimetres from the top
// left, one font family (regular and bold), lines, rectangles, clips,
// pictures by number, internal links and bookmarks. gofpdf implements it
// (gofpdf.go); the layout tests use a recording fake.
type canvas interface {
	AddPage()
	Page() int // the current page, from 1
	SetPage(n int)
	PageSize() (w, h float64)

	SetFont(bold bool, sizePt float64)
	// Width is the width of s in the current font.
	Width(s string) float64
	// Text draws s with its baseline at y.
	Text(x, y float64, s string)
	SetTextColor(r, g, b int)
	SetDrawColor(r, g, b int)
	SetFillColor(r, g, b int)
	SetLineWidth(w float64)
	SetDash(on, off float64) // 0, 0 for a solid line
	Line(x1, y1, x2, y2 float64)
	// Rect draws a rectangle: "D" outlined, "F" filled, "FD" both.
	Rect(x, y, w, h float64, style string)
	ClipRect(x, y, w, h float64)
	ClipEnd()
	// Image draws picture number id (see file.go) stretched to the box.
	Image(id int, x, y, w, h float64)

	NewLink() int
	SetLink(link int, y float64, page int)
	Link(x, y, w, h float64, link int)
	Bookmark(title string, level int, y float64)
	// Alias registers text that replaces alias on every page when the
	// document is finished (page numbers not known yet).
	Alias(alias, text string)
	Err() error
}
