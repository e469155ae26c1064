package dossier

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"

	"redress/evidence"
	"redress/seal"
)

func (r *renderer) render(w io.Writer) (Result, error) {
	if err := r.start(w); err != nil {
		return Result{}, err
	}
	d := r.d
	r.events = evidence.Active(d.Events)
	r.exhibitsOf = map[string][]string{}
	for _, x := range d.Exhibits {
		if x.EventID != "" {
			r.exhibitsOf[x.EventID] = append(r.exhibitsOf[x.EventID], x.Number)
		}
	}
	r.planExhibits()
	man, data, err := r.manifest()
	if err != nil {
		return Result{}, err
	}
	manSum := sha256.Sum256(data)
	r.file.embed(data, ManifestName, manifestDescription)

	// The exhibits' files are read and prepared on every core while the
	// text sections are laid out.
	p := r.startPipeline()
	defer p.stop()
	// The fonts are parsed while the first exhibits are read.
	if g, ok := r.c.(*gofpdfCanvas); ok {
		if err := g.loadFonts(); err != nil {
			return Result{}, err
		}
	}

	tocPage, tocY := r.cover()
	r.letter()
	r.chronology()
	r.transactions()
	r.contacts()
	r.index()
	if err := r.exhibitPages(p); err != nil {
		return Result{}, err
	}
	r.forms()

	// The table of contents, now that every section has its page.
	last := r.c.Page()
	r.c.SetPage(tocPage)
	r.toc(tocY)
	r.c.SetPage(last)
	if err := r.c.Err(); err != nil {
		return Result{}, fmt.Errorf("lay out pages: %w", err)
	}
	res := Result{Pages: last, Problems: r.problems, Manifest: man}
	g, ok := r.c.(*gofpdfCanvas)
	if !ok {
		return res, nil // a test's canvas: the layout is what was wanted
	}
	doc, pages, err := g.finish()
	if err != nil {
		return Result{}, fmt.Errorf("lay out pages: %w", err)
	}
	var sign func([]byte) (seal.Signature, error)
	if r.d.Seal != nil {
		sign = r.d.Seal.Sign
		if sign == nil {
			return Result{}, errors.New("the seal has no way to sign")
		}
	}
	if err := r.file.finish(doc, g.aliases, statement{ManifestSHA256: hex.EncodeToString(manSum[:])}, sign); err != nil {
		return Result{}, fmt.Errorf("write PDF: %w", err)
	}
	res.Pages = pages
	res.SHA256 = r.file.sum()
	return res, nil
}
