package app

import (
	"bytes"
	"compress/zlib"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"

	"redress/lang"
)

// dossierManifest is the JSON Redress embeds in every dossier PDF.
type dossierManifest struct {
	CaseID    string `json:"case_id"`
	Recipient string `json:"recipient"`
	Exhibits  []struct {
		Number string `json:"number"`
		Name   string `json:"name"`
		SHA256 string `json:"sha256"`
		Size   int64  `json:"size"`
	} `json:"exhibits"`
	Entries []string `json:"entries"`  // the timeline entries it includes
	LeftOut []string `json:"left_out"` // the case's entries the user left out
}

var streamRE = regexp.MustCompile(`(?s)stream\r?\n(.*?)\r?\nendstream`)

// findManifest looks through a PDF's streams for the embedded manifest.
func findManifest(pdf []byte) (dossierManifest, bool) {
	for _, m := range streamRE.FindAllSubmatch(pdf, -1) {
		raw := m[1]
		candidates := [][]byte{raw}
		if zr, err := zlib.NewReader(bytes.NewReader(raw)); err == nil {
			if b, err := io.ReadAll(io.LimitReader(zr, 16<<20)); err == nil {
				candidates = append(candidates, b)
			}
		}
		for _, c := range candidates {
			c = bytes.TrimSpace(c)
			if len(c) == 0 || c[0] != '{' || !bytes.Contains(c, []byte(`"case_id"`)) {
				continue
			}
			var man dossierManifest
			if json.Unmarshal(c, &man) == nil && man.CaseID != "" {
				return man, true
			}
		}
	}
	return dossierManifest{}, false
}

// VerifyDossier reads the manifest embedded in a dossier PDF made by
// Redress and checks every exhibit against the bytes in this database, and
// the PDF itself against the dossiers recorded for the case.
func (a *App) VerifyDossier(ctx context.Context, path string) (VerifyReport, error) {
	rep := VerifyReport{Kind: "dossier"}
	data, err := os.ReadFile(path)
	if err != nil {
		return rep, lang.Wrap(err, "file.unreadable", "file", path)
	}
	man, ok := findManifest(data)
	if !ok {
		return rep, lang.E("verify.no-manifest", "file", path)
	}
	rep.CaseID = man.CaseID
	rep.Entries, rep.LeftOut = len(man.Entries), man.LeftOut
	sum := sha256.Sum256(data)
	own := hex.EncodeToString(sum[:])
	// The PDF is recognised by its SHA-256 among the dossiers recorded here,
	// made here or brought in with an imported case archive.
	recs, err := a.store.DossiersBySHA(ctx, own)
	if err != nil {
		return rep, err
	}
	_, caseErr := a.store.Case(ctx, man.CaseID)
	if caseErr != nil && len(recs) == 0 {
		rep.Note = "verify.case-absent"
		for _, x := range man.Exhibits {
			rep.Results = append(rep.Results, VerifyResult{Path: x.Number + " " + x.Name, Expected: x.SHA256, Problem: "verify.not-here"})
		}
		return rep, nil
	}
	pdfResult := VerifyResult{Path: filepath.Base(path), Actual: own, Problem: "verify.pdf-unknown"}
	if len(recs) > 0 {
		pdfResult = VerifyResult{Path: filepath.Base(path), Expected: recs[0].SHA256, Actual: own, OK: true}
	}
	rep.Results = append(rep.Results, pdfResult)
	for _, x := range man.Exhibits {
		res := VerifyResult{Path: x.Number + " " + x.Name, Expected: x.SHA256}
		h := sha256.New()
		if err := a.store.WriteBlob(ctx, x.SHA256, h); err != nil {
			res.Problem = "verify.not-here"
		} else {
			res.Actual = hex.EncodeToString(h.Sum(nil))
			res.OK = res.Actual == x.SHA256
		}
		rep.Results = append(rep.Results, res)
	}
	return rep, nil
}
