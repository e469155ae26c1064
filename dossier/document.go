package dossier

import (
	"cmp"
	"fmt"
	"io"
	"strings"
	"time"

	"redress/evidence"
)

// Document is a single document printed on its own — a letter of
// authority for the client to sign, a records request — laid out like the
// dossier's letter, on the same canvas, with the dossier's footer.
type Document struct {
	Case  evidence.Case     // the case it belongs to (footer reference)
	Lang  evidence.Language // "" means the case's language
	Paper string            // "a4" (the default) or "letter"
	// Title is the document's title: its first line when Text starts
	// with it (set as a title), its bookmark and the PDF's title.
	Title     string
	Text      string    // blocks separated by blank lines; line breaks kept
	Generated time.Time // zero means now
	Author    string
}

// RenderDocument writes a single-document PDF to w.
func RenderDocument(w io.Writer, doc Document) (Result, error) {
	r, err := newRenderer(Dossier{Case: doc.Case, Lang: doc.Lang, Paper: doc.Paper, Generated: doc.Generated, Author: doc.Author})
	if err != nil {
		return Result{}, fmt.Errorf("document: %w", err)
	}
	title := r.gen(strings.TrimSpace(doc.Title))
	c := newGofpdf(r.d.Paper, docInfo{Title: title, Subject: title, Author: r.meta(cmp.Or(r.d.Author, doc.Case.Complainant.Name)),
		Keywords: r.gen(doc.Case.ID), Date: r.d.Generated}, r.footer)
	if err := c.loadFonts(); err != nil {
		return Result{}, fmt.Errorf("document: %w", err)
	}
	r.c = c
	if err := r.start(w); err != nil {
		return Result{}, fmt.Errorf("document: %w", err)
	}
	text := r.gen(doc.Text)
	r.newPage()
	r.section(title, r.y)
	if head, rest, _ := strings.Cut(strings.TrimLeft(text, "\n"), "\n\n"); title != "" && strings.TrimSpace(head) == title {
		r.setFont(true, 16)
		lh := 16 * ptMM * 1.4
		r.traced(title)
		for _, l := range r.wrap(title, r.width) {
			r.textAt(r.left+(r.width-r.c.Width(l))/2, r.y, lh, l)
			r.y += lh
		}
		r.y += 4
		text = rest
	}
	r.body(text)
	if err := r.c.Err(); err != nil {
		return Result{}, fmt.Errorf("lay out document: %w", err)
	}
	pdf, pages, err := c.finish()
	if err != nil {
		return Result{}, fmt.Errorf("lay out document: %w", err)
	}
	if err := r.file.finish(pdf, c.aliases, statement{}, nil); err != nil {
		return Result{}, fmt.Errorf("write PDF: %w", err)
	}
	return Result{Pages: pages}, nil
}
