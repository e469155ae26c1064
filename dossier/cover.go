package dossier

import (
	"strconv"
	"strings"
)

// cover draws the cover page and reserves room for the table of contents,
// whose page and top it returns.
func (r *renderer) cover() (int, float64) {
	d := r.d
	r.newPage()
	r.y = r.top + 8
	r.setFont(true, 24)
	r.para(r.tr("dossier.title"), r.left, r.width, 24*ptMM*1.3)
	if t := r.user(d.Case.Title); t != "" {
		r.y += 2
		r.setFont(false, 14)
		r.para(t, r.left, r.width, 14*ptMM*1.4)
	}
	if d.OwnCopy {
		r.y += 2
		r.setFont(true, bodySize+1)
		r.c.SetTextColor(170, 30, 30)
		r.para(r.tr("dossier.own-copy-banner"), r.left, r.width, (bodySize+1)*ptMM*1.45)
		r.c.SetTextColor(0, 0, 0)
	}
	r.y += 4
	r.c.SetDrawColor(60, 60, 60)
	r.c.SetLineWidth(0.6)
	r.c.Line(r.left, r.y, r.left+r.width, r.y)
	r.y += 8

	c := d.Case.Complainant
	rows := [][2]string{
		{r.tr("dossier.to"), r.recipient()},
		{r.tr("dossier.complainant"), r.user(c.Name)},
		{r.tr("dossier.account"), r.user(c.AccountID)},
		{r.tr("dossier.contact"), r.user(c.Contact)},
		{r.tr("dossier.provider"), r.user(d.Case.Provider)},
		{r.tr("dossier.problem"), r.problem()},
		{r.tr("dossier.amount"), r.gen(d.Case.Amount.String())},
		{r.tr("dossier.incident"), r.gen(d.Case.Incident)},
		{r.tr("dossier.caseref"), r.gen(d.Case.ID)},
		{r.tr("dossier.date"), r.longDate(d.Generated)},
		{r.tr("dossier.exhibitcount"), strconv.Itoa(len(d.Exhibits))},
	}
	labelW := 44.0
	lh := bodySize * ptMM * 1.45
	for _, row := range rows {
		if strings.TrimSpace(row[1]) == "" {
			continue
		}
		r.setFont(true, bodySize-1)
		labels := r.wrap(row[0], labelW-3)
		r.setFont(false, bodySize)
		values := r.wrap(row[1], r.width-labelW)
		n := max(len(labels), len(values))
		r.need(float64(n) * lh)
		top := r.y
		r.setFont(true, bodySize-1)
		r.gray(80)
		r.traced(row[0])
		r.traced(row[1])
		for i, l := range labels {
			r.textAt(r.left, top+float64(i)*lh, lh, l)
		}
		r.gray(0)
		r.setFont(false, bodySize)
		for i, v := range values {
			r.textAt(r.left+labelW, top+float64(i)*lh, lh, v)
		}
		r.y = top + float64(n)*lh + 1.5
	}

	if len(d.KeyDates) > 0 {
		r.subheading(r.tr("dossier.keydates"))
		r.setFont(false, bodySize)
		for _, kd := range d.KeyDates {
			if kd = r.user(strings.TrimSpace(kd)); kd == "" {
				continue
			}
			r.traced(kd)
			lines := r.wrap(kd, r.width-5)
			for i, l := range lines {
				r.need(lh)
				if i == 0 {
					r.textAt(r.left, r.y, lh, "•")
				}
				r.textAt(r.left+5, r.y, lh, l)
				r.y += lh
			}
		}
	}
	if s := r.user(strings.TrimSpace(d.ChecklistSummary)); s != "" {
		r.subheading(r.tr("dossier.checklist"))
		r.setFont(false, bodySize)
		r.para(s, r.left, r.width, lh)
	}

	// Contents: one line per section, filled in at the end.
	entries := 5 + len(d.Forms)
	if len(d.Exhibits) > 0 {
		entries++
	}
	r.subheading(r.tr("dossier.contents"))
	r.need(float64(entries) * tocLead)
	page, y := r.c.Page(), r.y
	r.y += float64(entries) * tocLead
	if d.Seal != nil {
		r.sealNote(d.Seal)
	}
	return page, y
}

// sealNote prints, in small type at the foot of the cover, the audit
// log's head when the dossier was made and the fingerprint of the key
// that signed it (docs/ARCHIVE.md), so that a later rewrite of the data is
// detectable against the dossier as it was sent.
func (r *renderer) sealNote(s *Seal) {
	const size = 7.0
	lh := size * ptMM * 1.45
	seq, hash := strconv.FormatInt(s.HeadSeq, 10), r.gen(s.HeadHash)
	r.setFont(false, size)
	var lines []string
	for _, key := range []string{"dossier.seal.head", "dossier.seal.key", "dossier.seal.check-file", "dossier.seal.check-log"} {
		text := r.tr(key, "seq", seq, "hash", hash, "fingerprint", r.gen(s.Fingerprint))
		r.traced(text)
		lines = append(lines, r.wrap(text, r.width)...)
	}
	h := float64(len(lines)) * lh
	r.y += 6
	if r.y+h <= r.bottom {
		r.y = r.bottom - h // at the foot of the page
	}
	r.gray(70)
	for _, l := range lines {
		r.need(lh)
		r.textAt(r.left, r.y, lh, l)
		r.y += lh
	}
	r.gray(0)
}

func (r *renderer) subheading(s string) {
	lh := 12 * ptMM * 1.4
	r.y += 5
	r.need(lh + 8)
	r.setFont(true, 12)
	r.textAt(r.left, r.y, lh, s)
	r.y += lh + 1.5
}
