package dossier

import (
	"strings"

	"redress/evidence"
)

func (r *renderer) exhibitNumbers(e evidence.Event) string {
	return strings.Join(r.exhibitsOf[e.ID], ", ")
}

func (r *renderer) chronology() {
	r.newPage()
	r.heading("dossier.sec.chronology")
	if len(r.events) == 0 {
		r.emptyNote("dossier.none.events")
		return
	}
	cols := []column{
		{r.tr("dossier.col.when"), 0.14, true},
		{r.tr("dossier.col.kind"), 0.15, false},
		{r.tr("dossier.col.agent"), 0.11, false},
		{r.tr("dossier.col.ref"), 0.15, false},
		{r.tr("dossier.col.summary"), 0.37, false},
		{r.tr("dossier.col.exhibits"), 0.08, true},
	}
	rows := make([][]string, 0, len(r.events))
	for _, e := range r.events {
		rows = append(rows, r.chronologyRow(e))
	}
	r.table(cols, rows, nil)
}

func (r *renderer) chronologyRow(e evidence.Event) []string {
	kind := r.kind(e.Kind)
	var agent, ref []string
	if e.Reference != "" {
		ref = append(ref, r.user(e.Reference))
	}
	var summary []string
	if e.Summary != "" {
		summary = append(summary, r.user(e.Summary))
	}
	switch {
	case e.Transaction != nil:
		t := e.Transaction
		if t.TxID != "" && t.TxID != e.Reference {
			ref = append(ref, r.user(t.TxID))
		}
		var parts []string
		if !t.Amount.IsZero() {
			parts = append(parts, r.labelled(r.tr("dossier.amount.short"), r.gen(t.Amount.String())))
		}
		if t.Direction != "" {
			parts = append(parts, r.direction(t.Direction))
		}
		if t.Status != "" {
			parts = append(parts, r.user(t.Status))
		}
		if t.Counterparty != "" {
			parts = append(parts, r.user(t.Counterparty))
		}
		if len(parts) > 0 {
			summary = append(summary, strings.Join(parts, " · "))
		}
	case e.Contact != nil:
		c := e.Contact
		kind += "\n" + r.channel(c.Channel) + "\n" + r.direction(c.Direction)
		if c.Agent != "" {
			agent = append(agent, r.user(c.Agent))
		}
		if p := r.promise(c); p != "" {
			summary = append(summary, p)
		}
	case e.Exhibit != nil:
		if e.Summary == "" && e.Exhibit.Caption != "" {
			summary = append(summary, r.user(e.Exhibit.Caption))
		}
		if e.Exhibit.Shows != "" {
			summary = append(summary, r.user(e.Exhibit.Shows))
		}
	case e.Letter != nil:
		kind += "\n→ " + r.party(e.Letter.To)
		if e.Letter.Channel != "" {
			kind += "\n" + r.channel(e.Letter.Channel)
		}
		if e.Letter.Method != "" && e.Letter.Method != string(e.Letter.Channel) {
			kind += "\n" + r.user(e.Letter.Method)
		}
		if e.Letter.Name != "" {
			agent = append(agent, r.user(e.Letter.Name))
		}
	case e.Response != nil:
		kind += "\n← " + r.party(e.Response.From)
		if e.Response.Final {
			kind += "\n" + r.tr("dossier.final")
		}
		if e.Response.Name != "" {
			agent = append(agent, r.user(e.Response.Name))
		}
		if e.Response.Outcome != "" {
			summary = append(summary, r.labelled(r.tr("dossier.outcome"), r.user(e.Response.Outcome)))
		}
	}
	if e.Notes != "" {
		summary = append(summary, r.user(e.Notes))
	}
	return []string{
		r.when(e.At), kind, strings.Join(agent, "\n"), strings.Join(ref, "\n"),
		strings.Join(summary, "\n"), r.exhibitNumbers(e),
	}
}

func (r *renderer) promise(c *evidence.Contact) string {
	if c.Promise == "" && c.PromiseBy == nil {
		return ""
	}
	s := r.user(c.Promise)
	if c.PromiseBy != nil {
		s += r.tr("dossier.promised.by", "date", r.whenLine(*c.PromiseBy))
	}
	return r.labelled(r.tr("dossier.promised"), s)
}

func (r *renderer) transactions() {
	r.newPage()
	r.heading("dossier.sec.tx")
	var rows [][]string
	for _, e := range r.events {
		if e.Kind != evidence.KindTransaction || e.Transaction == nil {
			continue
		}
		t := e.Transaction
		id := r.user(t.TxID)
		if t.TxID == "" {
			id = r.user(e.Reference)
		}
		rows = append(rows, []string{
			r.when(e.At), id, r.gen(t.Amount.String()), r.direction(t.Direction),
			r.user(t.Status), r.user(t.Counterparty), r.exhibitNumbers(e),
		})
	}
	if len(rows) == 0 {
		r.emptyNote("dossier.none.tx")
		return
	}
	r.table([]column{
		{r.tr("dossier.col.when"), 0.14, true},
		{r.tr("dossier.col.txid"), 0.23, false},
		{r.tr("dossier.col.amount"), 0.13, true},
		{r.tr("dossier.col.direction"), 0.08, false},
		{r.tr("dossier.col.status"), 0.14, false},
		{r.tr("dossier.col.counter"), 0.19, false},
		{r.tr("dossier.col.exhibits"), 0.09, true},
	}, rows, nil)
}

func (r *renderer) contacts() {
	var rows [][]string
	for _, e := range r.events {
		if e.Kind != evidence.KindContact || e.Contact == nil {
			continue
		}
		c := e.Contact
		said := r.user(e.Summary)
		if p := r.promise(c); p != "" {
			said = strings.TrimPrefix(said+"\n"+p, "\n")
		}
		rows = append(rows, []string{
			r.when(e.At), r.channel(c.Channel) + "\n" + r.direction(c.Direction),
			r.user(c.Agent), r.duration(c.Duration), r.user(e.Reference), said,
			r.exhibitNumbers(e),
		})
	}
	// The contact log follows the transactions when the heading, the table
	// header and a row or two still fit.
	r.y += 8
	r.need(45)
	r.heading("dossier.sec.contacts")
	if len(rows) == 0 {
		r.emptyNote("dossier.none.contacts")
		return
	}
	r.table([]column{
		{r.tr("dossier.col.when"), 0.14, true},
		{r.tr("dossier.col.channel"), 0.14, false},
		{r.tr("dossier.col.agent"), 0.11, false},
		{r.tr("dossier.col.duration"), 0.08, true},
		{r.tr("dossier.col.ref"), 0.13, false},
		{r.tr("dossier.col.said"), 0.32, false},
		{r.tr("dossier.col.exhibits"), 0.08, true},
	}, rows, nil)
}
