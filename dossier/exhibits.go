package dossier

import (
	"cmp"
	"fmt"
	"math"
	"strconv"
	"strings"

	"redress/evidence"
)

// exhibit is what the layout knows about one exhibit.
type exhibit struct {
	evidence.Enclosure
	first    int  // the first exhibit with the same file (itself when unique)
	image    bool // the file is a picture (its media type, sniffed when it was attached)
	tall     bool // prepared for full-width slices
	img      int  // picture id once written, else 0
	err      error
	attName  string // attachment name once embedded
	link     int    // internal link to its first page
	pageLink string // alias replaced by its first page number
	pages    string // alias replaced by its number of pages, when not known before drawing
	aliased  bool   // pages was drawn
	w, h     int    // the prepared picture's size in pixels
}

// planExhibits numbers nothing (the exhibits come numbered) but finds
// repeated files and reserves the links the index points with.
func (r *renderer) planExhibits() {
	r.exhibits = make([]exhibit, len(r.d.Exhibits))
	firstOf := map[string]int{}
	for i, x := range r.d.Exhibits {
		e := exhibit{Enclosure: x, first: i, link: r.c.NewLink(),
			pageLink: aliasMark + "xp" + strconv.Itoa(i+1) + aliasMark,
			pages:    aliasMark + "xn" + strconv.Itoa(i+1) + aliasMark}
		e.image = evidence.IsImage(x.Attachment.MediaType)
		if sha := x.Attachment.SHA256; sha != "" {
			if j, ok := firstOf[sha]; ok {
				e.first = j
			} else {
				firstOf[sha] = i
			}
		}
		r.exhibits[i] = e
	}
}

// caption is the exhibit's caption, else its kind in the dossier's language.
func (r *renderer) caption(e *exhibit) string {
	return cmp.Or(e.Caption, r.kind(e.Kind))
}

func (r *renderer) index() {
	r.newPage()
	r.heading("dossier.sec.index")
	if len(r.exhibits) == 0 {
		r.emptyNote("dossier.none.exhibits")
		return
	}
	rows := make([][]string, len(r.exhibits))
	links := make([]int, len(r.exhibits))
	for i, e := range r.exhibits {
		times := r.exhibitTimes(&e)
		rows[i] = []string{
			r.gen(e.Number), r.user(r.caption(&e)), r.kind(e.Kind), r.user(e.Attachment.Name),
			r.size(e.Attachment.Size), times, r.gen(e.Attachment.SHA256), e.pageLink,
		}
		links[i] = e.link
	}
	r.table([]column{
		{r.tr("dossier.col.no"), 0.06, false},
		{r.tr("dossier.col.caption"), 0.18, false},
		{r.tr("dossier.col.kind"), 0.09, false},
		{r.tr("dossier.col.file"), 0.15, false},
		{r.tr("dossier.col.size"), 0.10, true},
		{r.tr("dossier.col.times"), 0.15, true},
		{r.tr("dossier.col.sha"), 0.20, false},
		{r.tr("dossier.col.page"), 0.07, false},
	}, rows, links)
}

const (
	stampSize = 9.5
	stampLead = stampSize * ptMM * 1.4
	metaSize  = 8.0
	metaLead  = metaSize * ptMM * 1.4
	shaSize   = 7.0
	shaLead   = shaSize * ptMM * 1.4
)

// stampLines lays out the lines that identify an exhibit at the top of each
// of its pages, so that a page separated from the others still says what
// it is: "Exhibit E-n — caption"; the file, capture time, case reference
// and "page k of n" of the exhibit; the file's full SHA-256.
func (r *renderer) stampLines(e *exhibit, part int, of string, note string) (head, meta, sha []string) {
	r.setFont(true, stampSize)
	head = r.wrap(r.tr("dossier.stamp", "number", r.gen(e.Number), "caption", r.user(r.caption(e))), r.width)
	var parts []string
	if e.Attachment.Name != "" {
		parts = append(parts, r.labelled(r.tr("dossier.meta.file"), r.user(e.Attachment.Name)))
	}
	if !e.At.IsZero() {
		parts = append(parts, r.labelled(r.tr("dossier.meta.captured"), r.whenLine(e.At)))
	}
	where := r.tr("dossier.exhibit-ref", "ref", r.gen(r.d.Case.ID)) + "   " +
		r.tr("dossier.part", "part", strconv.Itoa(part), "parts", of)
	if note != "" {
		where += " — " + note
	}
	r.setFont(false, metaSize)
	meta = append(r.wrap(strings.Join(parts, "   "), r.width), r.wrap(where, r.width)...)
	r.setFont(false, shaSize)
	sha = r.wrap("SHA-256 "+r.gen(e.Attachment.SHA256), r.width)
	return head, meta, sha
}

func stampHeight(head, meta, sha []string) float64 {
	return float64(len(head))*stampLead + float64(len(meta))*metaLead + float64(len(sha))*shaLead + 4
}

// stamp draws the exhibit's stamp lines and a rule under them.
// of is the exhibit's number of pages: "1" for a picture on one page, else
// an alias filled in once the exhibit is drawn.
func (r *renderer) stamp(e *exhibit, part int, of string, note string) {
	if of == e.pages {
		e.aliased = true
	}
	head, meta, sha := r.stampLines(e, part, of, note)
	r.traced(strings.Join(head, ""))
	r.traced(strings.Join(meta, ""))
	r.traced(strings.Join(sha, ""))
	r.setFont(true, stampSize)
	for _, l := range head {
		r.need(stampLead)
		r.textAt(r.left, r.y, stampLead, l)
		r.y += stampLead
	}
	r.setFont(false, metaSize)
	r.gray(70)
	for _, l := range meta {
		r.need(metaLead)
		r.textAt(r.left, r.y, metaLead, l)
		r.y += metaLead
	}
	r.setFont(false, shaSize)
	for _, l := range sha {
		r.need(shaLead)
		r.textAt(r.left, r.y, shaLead, l)
		r.y += shaLead
	}
	r.gray(0)
	r.y += 1
	r.c.SetDrawColor(120, 120, 120)
	r.c.SetLineWidth(0.3)
	r.c.Line(r.left, r.y, r.left+r.width, r.y)
	r.y += 3
}

// exhibitPages draws every exhibit, taking each file from the pipeline as
// it is ready and writing it into the file at once.
func (r *renderer) exhibitPages(p *pipeline) error {
	for i := range r.exhibits {
		e := &r.exhibits[i]
		r.newPage()
		first := r.c.Page()
		r.c.SetLink(e.link, 0, first)
		r.c.Alias(e.pageLink, strconv.Itoa(first))
		if i == 0 {
			r.heading("dossier.sec.exhibits")
		}
		r.c.Bookmark(r.meta(e.Number+" "+r.caption(e)), 1, 0)

		var in prepared
		if e.first == i {
			in = p.get(i)
			e.tall = in.tall
			if in.err == nil && e.image {
				e.img, in.err = r.file.image(in.prep)
			}
			e.err = in.err
		} else {
			// The same file as an earlier exhibit: drawn again, not stored again.
			same := &r.exhibits[e.first]
			e.tall, e.img, e.err, e.attName = same.tall, same.img, same.err, same.attName
			in.prep.Width, in.prep.Height = same.w, same.h
		}
		switch {
		case e.image && e.err == nil:
			r.imagePages(e, in.prep.Width, in.prep.Height)
		case e.image:
			r.brokenPage(e, in.data)
		default:
			r.filePage(e, in.data)
		}
		if e.first == i {
			e.w, e.h = in.prep.Width, in.prep.Height
			if r.d.Release != nil && in.data != nil {
				r.d.Release(in.data) // written: Prepared.Data and embed keep no reference
			}
			p.release()
		}
		if e.aliased {
			r.c.Alias(e.pages, strconv.Itoa(r.c.Page()-first+1))
		}
		if err := r.file.err; err != nil {
			return fmt.Errorf("write PDF: %w", err)
		}
	}
	return nil
}

// imagePages draws a prepared picture on this page, or full width over
// several pages when it is tall.
func (r *renderer) imagePages(e *exhibit, pw, ph int) {
	boxW, boxH := r.imageBox()
	ratio := float64(ph) / float64(pw)
	if !e.tall || ratio <= boxH/boxW*tallFactor {
		r.stamp(e, 1, "1", "")
		availH := r.bottom - r.y
		w := r.width
		h := w * ratio
		if h > availH {
			h = availH
			w = h / ratio
		}
		x := r.left + (r.width-w)/2
		r.c.Image(e.img, x, r.y, w, h)
		r.frame(x, r.y, w, h)
		return
	}

	// Tall: the same picture, full width, shifted up page by page under a
	// clip. Each slice repeats the last sliceOverlap mm of the one before.
	w := r.width
	h := w * ratio
	overlap := r.tr("dossier.overlap")
	room := r.bottom - r.top - stampHeight(r.stampLines(e, 1, e.pages, overlap))
	n := 1
	if h > room {
		n = 1 + int(math.Ceil((h-room)/(room-sliceOverlap)))
	}
	shown := 0.0 // mm of the picture above the current slice
	for k := 1; shown < h; k++ {
		if k > 1 {
			r.newPage()
			shown -= sliceOverlap
		}
		note := ""
		if n > 1 {
			note = overlap
		}
		r.stamp(e, k, e.pages, note)
		top := r.y
		sh := math.Min(r.bottom-top, h-shown)
		r.c.ClipRect(r.left, top, w, sh)
		r.c.Image(e.img, r.left, top-shown, w, h)
		r.c.ClipEnd()
		r.frame(r.left, top, w, sh)
		shown += sh
		if k > 4*tallMaxPages {
			break // cannot happen: the picture was prepared for fewer pages
		}
	}
}

func (r *renderer) frame(x, y, w, h float64) {
	r.c.SetDrawColor(160, 160, 160)
	r.c.SetLineWidth(0.2)
	r.c.Rect(x, y, w, h, "D")
}

// attach embeds an exhibit's original bytes as a file attachment. It
// reports whether there was anything to attach.
func (r *renderer) attach(e *exhibit, data []byte) bool {
	if e.attName != "" {
		return true
	}
	if len(data) == 0 {
		return false
	}
	name := strings.ReplaceAll(e.Attachment.Name, "/", "_")
	if r.d.Redact {
		name = evidence.Redact(name)
	}
	e.attName = e.Number + " " + cmp.Or(r.gen(name), "file")
	r.file.embed(data, e.attName, r.meta(e.Caption))
	return true
}

// fileInfo lists the file's particulars under the stamp.
func (r *renderer) fileInfo(e *exhibit) {
	lh := bodySize * ptMM * 1.45
	info := [][2]string{
		{r.tr("dossier.meta.file"), r.user(e.Attachment.Name)},
		{r.tr("dossier.meta.type"), r.gen(e.Attachment.MediaType)},
		{r.tr("dossier.meta.size"), strings.ReplaceAll(r.size(e.Attachment.Size), "\n", " — ")},
		{"SHA-256", r.gen(e.Attachment.SHA256)},
		{r.tr("dossier.meta.captured"), r.whenLine(e.At)},
		{r.tr("dossier.meta.imported"), r.whenLine(e.Attachment.Imported)},
	}
	labelW := 30.0
	for _, row := range info {
		if row[1] == "" {
			continue
		}
		r.setFont(false, bodySize)
		values := r.wrap(row[1], r.width-labelW)
		r.need(float64(len(values)) * lh)
		r.setFont(true, bodySize-1)
		r.gray(80)
		r.traced(row[0])
		r.traced(row[1])
		r.textAt(r.left, r.y, lh, row[0])
		r.gray(0)
		r.setFont(false, bodySize)
		for _, v := range values {
			r.textAt(r.left+labelW, r.y, lh, v)
			r.y += lh
		}
		r.y += 1
	}
}

// attachmentBox draws a framed line naming an attachment.
func (r *renderer) attachmentBox(name string) {
	c := r.c
	r.setFont(false, bodySize)
	lh := bodySize * ptMM * 1.6
	text := r.labelled(r.tr("dossier.attachment"), name)
	r.traced(text)
	lines := r.wrap(text, r.width-8)
	h := float64(len(lines))*lh + 4
	r.need(h)
	c.SetDrawColor(70, 110, 170)
	c.SetFillColor(238, 243, 250)
	c.SetLineWidth(0.4)
	c.Rect(r.left, r.y, r.width, h, "FD")
	for i, l := range lines {
		r.textAt(r.left+4, r.y+2+float64(i)*lh, lh, l)
	}
	r.y += h + 4
}

func (r *renderer) filePage(e *exhibit, data []byte) {
	r.stamp(e, 1, e.pages, "")
	r.fileInfo(e)
	r.y += 4
	if !r.attach(e, data) {
		e.err = cmp.Or(e.err, errNoData)
		r.brokenNote(e, nil)
		return
	}
	lh := bodySize * ptMM * bodyLead
	r.setFont(false, bodySize)
	r.para(r.tr("dossier.attached", "name", e.attName), r.left, r.width, lh)
	r.y += 3
	r.attachmentBox(e.attName)
	if r.d.Redact {
		r.setFont(false, 8.5)
		r.gray(90)
		r.para(r.tr("dossier.attached.raw"), r.left, r.width, 8.5*ptMM*1.5)
		r.gray(0)
	}
}

// brokenPage is the placeholder for a picture that cannot be shown.
func (r *renderer) brokenPage(e *exhibit, data []byte) {
	r.stamp(e, 1, e.pages, "")
	r.brokenNote(e, data)
}

func (r *renderer) brokenNote(e *exhibit, data []byte) {
	c := r.c
	reason := e.err.Error()
	cause := CauseOf(e.err)
	r.problems = append(r.problems, Problem{Number: e.Number, FileName: e.Attachment.Name,
		SHA256: e.Attachment.SHA256, Reason: reason, Cause: cause, Err: e.err})
	top, page := r.y, c.Page()
	r.y += 6
	x := r.left + 6
	w := r.width - 12
	r.setFont(true, 13)
	c.SetTextColor(150, 30, 30)
	r.para(r.tr("dossier.broken"), x, w, 13*ptMM*1.5)
	r.gray(0)
	r.y += 3
	lh := bodySize * ptMM * 1.5
	for _, row := range [][2]string{
		{r.tr("dossier.meta.file"), r.user(e.Attachment.Name)},
		{"SHA-256", r.gen(e.Attachment.SHA256)},
		{r.tr("dossier.broken.reason"), r.sentence(r.tr(cause.Key())) + "\n" + r.gen(reason)},
	} {
		r.setFont(true, bodySize-1)
		r.para(row[0], x, w, lh)
		r.setFont(false, bodySize)
		r.para(cmp.Or(row[1], "—"), x, w, lh)
		r.y += 2
	}
	attached := r.attach(e, data)
	if attached {
		r.setFont(false, bodySize)
		r.para(r.tr("dossier.broken.orig", "name", e.attName), x, w, lh)
		r.y += 3
	}
	c.SetDrawColor(190, 60, 60)
	c.SetLineWidth(0.6)
	if c.Page() == page {
		c.Rect(r.left, top, r.width, r.y-top+3, "D")
	}
	r.y += 6
	if attached {
		r.attachmentBox(e.attName)
	}
}

// sentence makes a lang phrase ("the picture file is damaged") a sentence.
func (r *renderer) sentence(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		s = string(s[0]-'a'+'A') + s[1:]
	}
	return r.tr("dossier.exhibit-cause", "cause", s)
}
