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
