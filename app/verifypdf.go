package app

import (
	"bytes"
	"compress/zlib"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"

	"redress/dossier"
	"redress/lang"
)

// dossierManifest is the JSON Redress embeds in every dossier PDF.
type dossierManifest struct {
	CaseID    string `json:"case_id"`
	Recipient string `json:"recipient"`
	AuditHead string `json:"audit_head"` // "SEQ:HASH", in sealed dossiers
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

// findManifest looks through a PDF's streams, in order, for the embedded
// manifest (the first embedded file of a dossier), and returns it with its
// bytes.
func findManifest(pdf []byte) (dossierManifest, []byte, bool) {
	for at := 0; at < len(pdf); {
		loc := streamRE.FindSubmatchIndex(pdf[at:])
		if loc == nil {
			break
		}
		raw := pdf[at+loc[2] : at+loc[3]]
		at += loc[1]
		candidates := [][]byte{raw}
		if zr, err := zlib.NewReader(bytes.NewReader(raw)); err == nil {
			if b, err := io.ReadAll(io.LimitReader(zr, 16<<20)); err == nil {
				candidates = append(candidates, b)
			}
		}
		for _, c := range candidates {
			if t := bytes.TrimSpace(c); len(t) == 0 || t[0] != '{' || !bytes.Contains(t, []byte(`"case_id"`)) {
				continue
			}
			var man dossierManifest
			if json.Unmarshal(c, &man) == nil && man.CaseID != "" {
				return man, c, true
			}
		}
	}
	return dossierManifest{}, nil, false
}

// VerifyDossier reads the manifest embedded in a dossier PDF made by
// Redress, checks the PDF's signature (VerifyReport.Seal: signed by this
// installation or by another key, unsigned, or altered), the PDF against
// the dossiers recorded here (made here or imported with an archive) and
// every exhibit against the bytes in this database. A PDF that is signed
// and unaltered is genuine even when it is not recorded here; its
// exhibits are still compared when the case is here.
func (a *App) VerifyDossier(ctx context.Context, path string) (VerifyReport, error) {
	rep := VerifyReport{Kind: "dossier"}
	data, err := os.ReadFile(path)
	if err != nil {
		return rep, lang.Wrap(err, "file.unreadable", "file", path)
	}
	man, manBytes, ok := findManifest(data)
	if !ok {
		return rep, lang.E("verify.no-manifest", "file", path)
	}
	rep.CaseID = man.CaseID
	rep.Entries, rep.LeftOut = len(man.Entries), man.LeftOut
	sum := sha256.Sum256(data)
	own := hex.EncodeToString(sum[:])

	// The signature first (a result of its own, as for archives): it
	// vouches for every byte of the PDF, whoever made it.
	signed, err := dossier.CheckSignature(data)
	if err == nil {
		if manSum := sha256.Sum256(manBytes); hex.EncodeToString(manSum[:]) != signed.ManifestSHA256 {
			err = fmt.Errorf("%w: the manifest is not the one signed", dossier.ErrAltered)
		}
	}
	switch {
	case err == nil:
		rep.Seal, rep.Signer, rep.Head = SealSigned, signed.Signature.Fingerprint, man.AuditHead
		rep.ThisInstall = rep.Signer == a.Fingerprint()
		rep.Results = append(rep.Results, VerifyResult{Path: dossier.SignatureName + " (signature)",
			Expected: rep.Signer, Actual: rep.Signer, OK: true})
	case errors.Is(err, dossier.ErrNotSigned):
		rep.Seal = SealUnsigned
	default:
		rep.Seal = SealAltered
		rep.Results = append(rep.Results, VerifyResult{Path: dossier.SignatureName + " (signature)", Problem: "verify.sig-altered"})
	}
	// The PDF is recognised by its SHA-256 among the dossiers recorded here,
	// made here or brought in with an imported case archive.
	recs, err := a.store.DossiersBySHA(ctx, own)
	if err != nil {
		return rep, err
	}
	_, caseErr := a.store.Case(ctx, man.CaseID)
	if caseErr != nil && len(recs) == 0 && rep.Seal == SealSigned {
		// Another installation's dossier, intact: its exhibits cannot be
		// compared with stored files here, and need not be.
		rep.Note = "verify.case-absent-signed"
		rep.Results = append(rep.Results, VerifyResult{Path: filepath.Base(path), Actual: own, OK: true})
		return rep, nil
	}
	if caseErr != nil && len(recs) == 0 {
		rep.Note = "verify.case-absent"
		for _, x := range man.Exhibits {
			rep.Results = append(rep.Results, VerifyResult{Path: x.Number + " " + x.Name, Expected: x.SHA256, Problem: "verify.not-here"})
		}
		return rep, nil
	}
	pdfResult := VerifyResult{Path: filepath.Base(path), Actual: own, Problem: "verify.pdf-unknown"}
	switch {
	case len(recs) > 0:
		pdfResult = VerifyResult{Path: filepath.Base(path), Expected: recs[0].SHA256, Actual: own, OK: true}
	case rep.Seal == SealSigned:
		pdfResult.OK, pdfResult.Problem = true, "" // not recorded here, but signed as it is
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
