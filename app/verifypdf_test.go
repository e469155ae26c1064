package app

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"redress/evidence"
	"redress/store"
)

// fakeDossier writes a minimal PDF whose only stream is the compressed
// manifest, the way the dossier renderer embeds it.
func fakeDossier(t *testing.T, path, caseID string, atts []evidence.Attachment) []byte {
	t.Helper()
	man := fmt.Sprintf(`{"case_id":%q,"recipient":"provider","exhibits":[`, caseID)
	for i, a := range atts {
		if i > 0 {
			man += ","
		}
		man += fmt.Sprintf(`{"number":"E-%d","name":%q,"sha256":%q,"size":%d}`, i+1, a.Name, a.SHA256, a.Size)
	}
	man += "]}"
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write([]byte(man))
	zw.Close()
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n1 0 obj\n<< /Type /EmbeddedFile /Filter /FlateDecode >>\nstream\n")
	b.Write(z.Bytes())
	b.WriteString("\nendstream\nendobj\n%%EOF\n")
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestVerifyDossier(t *testing.T) {
	a := openApp(t)
	c, err := a.NewCase(ctx, CaseInput{Title: "t", Provider: "p", Problem: "other", Jurisdiction: "EU"})
	if err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(t.TempDir(), "s.png")
	os.WriteFile(shot, []byte("\x89PNG\r\n\x1a\nfake"), 0o600)
	e, err := a.Attach(ctx, c.ID, []string{shot}, AttachInput{})
	if err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(t.TempDir(), "d.pdf")
	data := fakeDossier(t, pdf, c.ID, e.Attachments)
	sum := sha256.Sum256(data)
	rec := store.DossierRecord{ID: evidence.NewID(), CaseID: c.ID, Recipient: "provider", Language: "en",
		SHA256: hex.EncodeToString(sum[:]), Size: int64(len(data)), Pages: 1, Path: pdf}
	if err := a.store.RecordDossier(ctx, &rec); err != nil {
		t.Fatal(err)
	}
	rep, err := a.VerifyDossier(ctx, pdf)
	if err != nil || !rep.OK() || len(rep.Results) != 2 {
		t.Fatalf("VerifyDossier = %+v, %v", rep, err)
	}
	if rep.Seal != SealUnsigned || rep.Signer != "" {
		t.Errorf("VerifyDossier(a dossier without signature) seal %q signer %q, want unsigned", rep.Seal, rep.Signer)
	}
	// Any change to the PDF is caught.
	os.WriteFile(pdf, append(data, ' '), 0o600)
	if rep, _ := a.VerifyDossier(ctx, pdf); rep.OK() || rep.Results[0].Problem != "verify.pdf-unknown" {
		t.Errorf("altered PDF = %+v", rep)
	}
	// A dossier of a case that is not here cannot be verified.
	other := filepath.Join(t.TempDir(), "o.pdf")
	fakeDossier(t, other, evidence.NewID(), e.Attachments)
	if rep, _ := a.VerifyDossier(ctx, other); rep.OK() || rep.Note != "verify.case-absent" {
		t.Errorf("foreign dossier = %+v", rep)
	}
	// A PDF without a manifest is refused.
	plain := filepath.Join(t.TempDir(), "p.pdf")
	os.WriteFile(plain, []byte("%PDF-1.4\n%%EOF\n"), 0o600)
	if _, err := a.VerifyDossier(ctx, plain); err == nil {
		t.Error("a PDF without manifest verified")
	}
}
