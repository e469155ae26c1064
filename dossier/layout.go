package dossier

import (
	"cmp"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"redress/evidence"
	"redress/lang"
	"redress/letters"
	"redress/letters/typeset"
)

// Page geometry, in millimetres, and type sizes, in points.
const (
	ptMM    = 25.4 / 72 // one point in millimetres
	margin  = 18.0      // left, right and top margins
	footerH = 20.0      // space kept for the footer

	bodySize  = 10.5
	bodyLead  = 1.55
	tableSize = 8.0
	tableLead = 1.4
	cellPadX  = 1.2
	cellPadY  = 1.0
)

// Page numbers not known yet are drawn as aliases that are replaced when
// the file is written. They are wrapped in a private-use character, which
// typeset.Sanitize never lets through from user text, so a letter that says
// "{nb}" keeps saying it.
const (
	aliasMark = "\ue000"
	nbAlias   = aliasMark + "nb" + aliasMark
)

// renderer lays out one dossier.
type renderer struct {
	d    Dossier
	l    lang.Lang
	has  func(rune) bool
	c    canvas
	file *pdfFile

	pageW, pageH float64
	left, top    float64
	width        float64 // printable width
	bottom       float64 // lowest y for content
	y            float64
	fs           float64 // current font size, mm

	onNewPage func()            // repeats a table header after a page break
	trace     func(int, string) // see render

	events     []evidence.Event
	exhibitsOf map[string][]string // event ID → exhibit numbers
	exhibits   []exhibit
	sections   []section
	problems   []Problem
}

func newRenderer(d Dossier) (*renderer, error) {
	r := &renderer{d: d}
	switch lng := cmp.Or(d.Lang, d.Case.Language, evidence.English); lng {
	case evidence.English:
		r.l = lang.EN
	case evidence.Chinese:
		r.l = lang.ZH
	default:
		return nil, fmt.Errorf("unknown language %q (want zh or en)", lng)
	}
	if r.d.To == "" {
		r.d.To = letters.Provider
	}
	switch r.d.To {
	case letters.Provider, letters.Association, letters.Regulator:
	default:
		return nil, fmt.Errorf("unknown recipient %q (want provider, association or regulator)", r.d.To)
	}
	switch strings.ToLower(strings.TrimSpace(d.Paper)) {
	case "", "a4":
		r.d.Paper = "A4"
	case "letter":
		r.d.Paper = "Letter"
	default:
		return nil, fmt.Errorf("unknown paper %q (want a4 or letter)", d.Paper)
	}
	if r.d.Generated.IsZero() {
		r.d.Generated = time.Now()
	}
	has, err := glyphs()
	if err != nil {
		return nil, err
	}
	r.has = has
	return r, nil
}

// start makes the canvas (gofpdf unless a test gave one, its fonts not
// loaded yet: see render) and the page geometry.
func (r *renderer) start(w io.Writer) error {
	if r.c == nil {
		title := r.tr("dossier.title")
		if t := r.meta(r.d.Case.Title); t != "" {
			title += " — " + t
		}
		r.c = newGofpdf(r.d.Paper, docInfo{
			Title:    title,
			Subject:  r.gen(r.tr("dossier.subject", "problem", r.problem(), "recipient", r.recipient())),
			Author:   r.meta(cmp.Or(r.d.Author, r.d.Case.Complainant.Name)),
			Keywords: r.gen(r.d.Case.ID),
			Date:     r.d.Generated,
		}, r.footer)
	}
	r.file = newPDFFile(w)
	r.pageW, r.pageH = r.c.PageSize()
	r.left, r.top = margin, margin
	r.width = r.pageW - 2*margin
	r.bottom = r.pageH - footerH
	r.fs = bodySize * ptMM
	return nil
}

// --- text --------------------------------------------------------------------

// tr is a dossier string in the dossier's language.
func (r *renderer) tr(key string, kv ...string) string { return r.l.T(key, kv...) }

// label is an enumerated value in the dossier's language ("kind.contact").
func (r *renderer) label(group, value string) string {
	if !r.l.Has(group + "." + value) {
		return r.user(value)
	}
	return r.l.Label(group, value)
}

// labelled is "label: value" with the language's colon.
func (r *renderer) labelled(label, value string) string {
	return r.tr("dossier.label", "label", label, "value", value)
}

// gen makes generated text drawable.
func (r *renderer) gen(s string) string {
	return typeset.SanitizeWith(strings.ReplaceAll(s, "\t", " "), r.has, r.substitute)
}

// user makes text the user typed drawable, and redacts it when asked.
func (r *renderer) user(s string) string {
	if r.d.Redact {
		s = evidence.Redact(s)
	}
	return r.gen(s)
}

// meta prepares text for the document information and the outline, which
// are not drawn with the font but should still match the pages.
func (r *renderer) meta(s string) string {
	return strings.ReplaceAll(r.user(s), "\n", " ")
}

func (r *renderer) setFont(bold bool, size float64) {
	r.c.SetFont(bold, size)
	r.fs = size * ptMM
}

func (r *renderer) wrap(s string, w float64) []string {
	return typeset.Break(s, w, r.c.Width)
}

// textAt draws one line in a line box of height lh whose top is at top.
func (r *renderer) textAt(x, top, lh float64, s string) {
	if s == "" {
		return
	}
	r.c.Text(x, top+(lh-r.fs)/2+0.88*r.fs, s)
}

func (r *renderer) newPage() {
	r.c.AddPage()
	r.y = r.top
	if r.onNewPage != nil {
		r.onNewPage()
	}
}

// need starts a new page unless h more millimetres fit on this one.
func (r *renderer) need(h float64) {
	if r.y+h > r.bottom {
		r.newPage()
	}
}

// para draws wrapped text from r.y on, breaking pages between lines.
func (r *renderer) para(s string, x, w, lh float64) {
	r.traced(s)
	for _, ln := range r.wrap(s, w) {
		r.need(lh)
		r.textAt(x, r.y, lh, ln)
		r.y += lh
	}
}

func (r *renderer) traced(s string) {
	if r.trace != nil {
		r.trace(r.c.Page(), s)
	}
}

func (r *renderer) gray(v int) { r.c.SetTextColor(v, v, v) }

// emptyNote says a section has nothing to show.
func (r *renderer) emptyNote(key string) {
	lh := bodySize * ptMM * bodyLead
	r.setFont(false, bodySize)
	r.gray(90)
	r.para(r.tr(key), r.left, r.width, lh)
	r.gray(0)
}

func (r *renderer) footer() {
	c := r.c
	size := 7.5
	fs := size * ptMM
	c.SetFont(false, size)
	c.SetTextColor(90, 90, 90)
	c.SetDrawColor(190, 190, 190)
	c.SetLineWidth(0.2)
	y := r.pageH - footerH + 6
	c.Line(r.left, y, r.left+r.width, y)
	base := y + 3 + fs
	ref := r.tr("dossier.footer.ref", "ref", r.gen(shortID(r.d.Case.ID)))
	if r.d.OwnCopy {
		ref = r.tr("dossier.footer.own-copy", "ref", ref)
	}
	page := r.tr("dossier.footer.page", "page", strconv.Itoa(c.Page()), "pages", nbAlias)
	gen := r.tr("dossier.footer.gen", "date", r.d.Generated.Format(evidence.DateLayout))
	c.Text(r.left, base, ref)
	c.Text(r.left+(r.width-c.Width(page))/2, base, page)
	c.Text(r.left+r.width-c.Width(gen), base, gen)
	c.SetTextColor(0, 0, 0)
}

func shortID(id string) string {
	if rs := []rune(id); len(rs) > 8 {
		return string(rs[:8])
	}
	return id
}

// --- formatting --------------------------------------------------------------

func (r *renderer) when(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02") + "\n" + t.Format("15:04") + " UTC" + t.Format("-07:00")
}

func (r *renderer) whenLine(t time.Time) string {
	return strings.ReplaceAll(r.when(t), "\n", " ")
}

func (r *renderer) longDate(t time.Time) string {
	if r.l == lang.ZH {
		return t.Format("2006年1月2日")
	}
	return t.Format("2 January 2006")
}

func (r *renderer) size(n int64) string {
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(s[i])
	}
	exact := r.tr("dossier.bytes", "n", b.String())
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB\n%s", float64(n)/(1<<20), exact)
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB\n%s", float64(n)/(1<<10), exact)
	}
	return exact
}

func (r *renderer) duration(d time.Duration) string {
	if d <= 0 {
		return ""
	}
	d = d.Round(time.Second)
	h, m, s := int(d.Hours()), int(d.Minutes())%60, int(d.Seconds())%60
	units := [3]string{" h", " min", " s"}
	if r.l == lang.ZH {
		units = [3]string{" 小时", " 分钟", " 秒"}
	}
	var parts []string
	if h > 0 {
		parts = append(parts, strconv.Itoa(h)+units[0])
	}
	if m > 0 {
		parts = append(parts, strconv.Itoa(m)+units[1])
	}
	if s > 0 && h == 0 {
		parts = append(parts, strconv.Itoa(s)+units[2])
	}
	return strings.Join(parts, " ")
}

func (r *renderer) party(p string) string { return r.label("party", p) }

func (r *renderer) recipient() string {
	if r.d.To == letters.Provider {
		return r.tr("dossier.to.provider", "provider", r.user(cmp.Or(r.d.Case.Provider, "—")))
	}
	return r.tr("dossier.to." + string(r.d.To))
}

func (r *renderer) problem() string { return r.label("problem", string(r.d.Case.Problem)) }

func (r *renderer) kind(k evidence.Kind) string { return r.label("kind", string(k)) }

func (r *renderer) channel(c evidence.Channel) string { return r.label("channel", string(c)) }

func (r *renderer) direction(d string) string { return r.label("direction", d) }
