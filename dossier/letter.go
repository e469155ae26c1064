package dossier

import "strings"

// letter draws the letter text, paragraphs separated by blank lines.
//
// The closing and the signature (the last two paragraphs, when both are
// short) are kept together on one page, with at least the last two lines
// of the paragraph before them: "Yours faithfully," never starts a page
// alone and a signature is never separated from its closing.
func (r *renderer) letter() {
	r.newPage()
	r.heading("dossier.sec.letter")
	r.body(r.user(r.d.LetterText))
}

// body sets text as paragraphs from r.y on, keeping a short closing and
// signature together (see letter).
func (r *renderer) body(text string) {
	r.setFont(false, bodySize)
	lh := bodySize * ptMM * bodyLead
	gap := lh * 0.6
	paras := paragraphs(text)
	if len(paras) == 0 {
		r.para(r.tr("dossier.none.letter"), r.left, r.width, lh)
		return
	}
	lines := make([][]string, len(paras))
	for i, p := range paras {
		lines[i] = r.wrap(p, r.width)
	}
	// The tail kept together: the closing and the signature.
	tail, tailH := len(paras), 0.0
	if n := len(paras); n >= 2 && len(lines[n-1]) <= 4 && len(lines[n-2]) <= 4 {
		tail = n - 2
		tailH = float64(len(lines[n-2])+len(lines[n-1]))*lh + gap
	}
	for i, p := range paras {
		if i > 0 {
			r.y += gap
		}
		r.traced(p)
		keepFrom, keepH := len(lines[i]), 0.0
		switch {
		case i == tail:
			keepFrom, keepH = 0, tailH-float64(len(lines[i]))*lh
		case i == tail-1:
			keepFrom, keepH = max(0, len(lines[i])-2), gap+tailH
		}
		for j, ln := range lines[i] {
			h := lh
			if j == keepFrom && r.top+float64(len(lines[i])-j)*lh+keepH <= r.bottom {
				h = float64(len(lines[i])-j)*lh + keepH
			}
			r.need(h)
			r.textAt(r.left, r.y, lh, ln)
			r.y += lh
		}
	}
}

// paragraphs splits text at blank lines; the lines inside a paragraph stay
// as forced breaks.
func paragraphs(text string) []string {
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, "\n"))
			cur = nil
		}
	}
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) == "" {
			flush()
			continue
		}
		cur = append(cur, strings.TrimRight(l, " "))
	}
	flush()
	return out
}
