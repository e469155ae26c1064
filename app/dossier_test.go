package app

import (
	"os"
	"path/filepath"
	"testing"

	"redress/dossier"
	"redress/internal/testtool"
	"redress/letters"
)

// TestDossierChecksEveryExhibit damages one stored file behind the
// store's back: the dossier still renders, that exhibit gets a
// placeholder page and is reported, the others are shown, and the PDF
// passes the structure check.
func TestDossierChecksEveryExhibit(t *testing.T) {
	a := openApp(t)
	c, err := a.NewCase(ctx, CaseInput{Title: "OKPay top-up", Provider: "OKPay", Problem: "topup-not-credited",
		Jurisdiction: "UK", Name: "Alex Morgan", Language: "en"})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var paths []string
	for i, data := range [][]byte{testtool.Screenshot(300, 650, 1, true), testtool.Photo(400, 300, 2)} {
		p := filepath.Join(dir, []string{"phone.png", "letter.jpg"}[i])
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	e, err := a.Attach(ctx, c.ID, paths, AttachInput{Caption: "evidence", At: "2026-11-20 10:00"})
	if err != nil {
		t.Fatal(err)
	}
	damaged := e.Attachments[1]
	if _, err := a.store.DB().ExecContext(ctx, `UPDATE blob_chunks SET data = zeroblob(length(data)) WHERE sha256 = ?`, damaged.SHA256); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "d.pdf")
	res, err := a.Dossier(ctx, c.ID, DossierOptions{To: letters.Regulator, Out: out})
	if err != nil {
		t.Fatalf("Dossier: %v", err)
	}
	if len(res.Problems) != 1 || res.Problems[0].Number != "E-2" || res.Problems[0].Cause != dossier.CauseUnreadable {
		t.Fatalf("Problems = %+v, want E-2, unreadable", res.Problems)
	}
	if got := ProblemKey(res.Problems[0]); got != "exhibit.unreadable" {
		t.Errorf("ProblemKey = %q, want exhibit.unreadable", got)
	}
	testtool.CheckPDF(t, out)
	recs, err := a.Dossiers(ctx, c.ID)
	if err != nil || len(recs) != 1 || recs[0].SHA256 != res.Record.SHA256 || recs[0].Pages != res.Record.Pages {
		t.Errorf("recorded dossiers = %+v, %v; want the one made", recs, err)
	}
}

// TestBufferPool: a buffer handed back is reused for an exhibit it can
// hold (the smallest that fits), never for one it cannot, and comes back
// empty.
func TestBufferPool(t *testing.T) {
	var p bufferPool
	small, large := p.get(100), p.get(1000)
	if cap(small) < 100 || cap(large) < 1000 || len(small) != 0 || len(large) != 0 {
		t.Fatalf("get(100), get(1000) = len %d cap %d, len %d cap %d; want empty with room", len(small), cap(small), len(large), cap(large))
	}
	p.put(append(large, "used"...))
	p.put(append(small, "used"...))
	tests := []struct {
		n    int64
		want *byte // the buffer expected back; nil for a new one
	}{
		{90, &small[:1][0]}, // the smallest that fits
		{90, &large[:1][0]}, // the small one is taken: the large one
		{90, nil},           // none left
	}
	for i, tt := range tests {
		b := p.get(tt.n)
		if len(b) != 0 || int64(cap(b)) < tt.n {
			t.Fatalf("get %d: len %d cap %d, want empty with room for %d", i, len(b), cap(b), tt.n)
		}
		if got := &b[:1][0]; (tt.want == nil) != (got != &small[:1][0] && got != &large[:1][0]) || (tt.want != nil && got != tt.want) {
			t.Errorf("get %d (%d bytes) returned the wrong buffer", i, tt.n)
		}
	}
	p.put(small)
	if b := p.get(500); &b[:1][0] == &small[:1][0] {
		t.Errorf("get(500) reused a buffer of %d bytes", cap(small))
	}
}
