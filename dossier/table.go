package dossier

import "strings"

type column struct {
	head  string
	frac  float64 // share of the printable width
	lines bool    // widen to keep each line of a cell whole (dates, amounts)
}

// table draws rows with wrapped cells. A row moves to the next page whole
// when it fits there; only a row taller than a page is split. The header
// row is repeated on every page.
func (r *renderer) table(cols []column, rows [][]string, links []int) {
	cv := r.c
	lh := tableSize * ptMM * tableLead
	ws := r.columnWidths(cols, rows)
	r.setFont(true, tableSize)
	heads := make([][]string, len(cols))
	headN := 1
	for i, c := range cols {
		heads[i] = r.wrap(c.head, ws[i]-2*cellPadX)
		headN = max(headN, len(heads[i]))
	}
	headH := float64(headN)*lh + 2*cellPadY
	drawHead := func() {
		r.setFont(true, tableSize)
		cv.SetFillColor(228, 232, 238)
		cv.SetDrawColor(170, 170, 170)
		cv.SetLineWidth(0.2)
		x := r.left
		for i, c := range cols {
			r.traced(c.head)
			cv.Rect(x, r.y, ws[i], headH, "FD")
			for j, l := range heads[i] {
				r.textAt(x+cellPadX, r.y+cellPadY+float64(j)*lh, lh, l)
			}
			x += ws[i]
		}
		r.y += headH
		r.setFont(false, tableSize)
	}
	r.need(headH + lh + 2*cellPadY)
	drawHead()
	r.onNewPage = drawHead
	defer func() { r.onNewPage = nil }()

	cells := make([][]string, len(cols))
	for ri, row := range rows {
		r.setFont(false, tableSize)
		n := 1
		for i := range cols {
			cells[i] = r.wrap(row[i], ws[i]-2*cellPadX)
			n = max(n, len(cells[i]))
		}
		h := float64(n)*lh + 2*cellPadY
		pageRoom := r.bottom - r.top - headH
		if r.y+h > r.bottom && h <= pageRoom {
			r.newPage()
		}
		for from := 0; from < n; {
			fit := int((r.bottom - r.y - 2*cellPadY) / lh)
			if fit < 1 {
				r.newPage()
				continue
			}
			to := min(n, from+fit)
			ch := float64(to-from)*lh + 2*cellPadY
			if ri%2 == 1 {
				cv.SetFillColor(246, 247, 249)
			} else {
				cv.SetFillColor(255, 255, 255)
			}
			cv.SetDrawColor(190, 190, 190)
			cv.SetLineWidth(0.2)
			x := r.left
			for i := range cols {
				if from == 0 {
					r.traced(row[i])
				}
				cv.Rect(x, r.y, ws[i], ch, "FD")
				for j := from; j < to && j < len(cells[i]); j++ {
					r.textAt(x+cellPadX, r.y+cellPadY+float64(j-from)*lh, lh, cells[i][j])
				}
				x += ws[i]
			}
			if from == 0 && links != nil && links[ri] != 0 {
				cv.Link(r.left, r.y, ws[0], ch, links[ri])
			}
			r.y += ch
			from = to
		}
	}
}

// columnWidths starts from the columns' shares of the width and widens a
// column whose header has a word, or whose cells have a short word ("Screenshot",
// "Direction"), that would otherwise be hard-broken, taking the room from
// columns with space to spare. Long tokens (IDs, hashes, Chinese runs)
// still wrap inside their cell.
func (r *renderer) columnWidths(cols []column, rows [][]string) []float64 {
	ws := make([]float64, len(cols))
	need := make([]float64, len(cols))
	longest := func(s string, lines bool) float64 {
		parts := strings.Fields(s)
		if lines {
			parts = strings.Split(s, "\n")
		}
		w := 0.0
		for _, p := range parts {
			w = max(w, r.c.Width(p))
		}
		return w
	}
	wordCap := 0.15 * r.width
	for i, c := range cols {
		ws[i] = c.frac * r.width
		r.setFont(true, tableSize)
		h := longest(c.head, false)
		r.setFont(false, tableSize)
		cell := 0.0
		for _, row := range rows {
			if w := longest(row[i], c.lines); w <= wordCap {
				cell = max(cell, w)
			}
		}
		need[i] = max(h, cell) + 2*cellPadX + 0.2
	}
	deficit, slack := 0.0, 0.0
	for i := range ws {
		if ws[i] < need[i] {
			deficit += need[i] - ws[i]
		} else {
			slack += ws[i] - need[i]
		}
	}
	if deficit == 0 || slack < deficit {
		return ws
	}
	for i := range ws {
		if ws[i] < need[i] {
			ws[i] = need[i]
		} else {
			ws[i] -= (ws[i] - need[i]) * deficit / slack
		}
	}
	return ws
}
