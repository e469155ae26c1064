package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"redress/app"
	"redress/letters"
)

// TestVerifyDialogShowsDossierSignature makes a dossier in the app and
// verifies it from the Verify dialog: the dialog says it is signed by this
// installation, with the key and the audit head; a copy with one byte
// changed says its signature does not match (altered).
func TestVerifyDialogShowsDossierSignature(t *testing.T) {
	h := newHarness(t, "en")
	c := h.newCase("Top-up lost")
	shot := filepath.Join(t.TempDir(), "s.png")
	writePNG(t, shot, 40, 80)
	h.u.ImportFiles([]string{shot})
	h.u.Wait()
	h.u.Escape()
	pdf := filepath.Join(t.TempDir(), "d.pdf")
	res, err := h.svc.Dossier(context.Background(), c.ID, app.DossierOptions{To: letters.Provider, Out: pdf})
	if err != nil {
		t.Fatal(err)
	}
	show := func(path string) (app.VerifyReport, string) {
		t.Helper()
		var rep app.VerifyReport
		h.u.verify(path, func(r app.VerifyReport) { rep = r; h.u.showVerify(path, r) })
		h.u.Wait()
		text := h.screenText()
		h.u.Escape()
		return rep, text
	}
	rep, text := show(pdf)
	fp := h.svc.Fingerprint()
	for _, want := range []string{"signed by this installation (key " + fp + ")", "verify-log --head " + rep.Head,
		"redress-signature.json (signature)", res.Record.SHA256} {
		if !strings.Contains(text, want) {
			t.Errorf("the verify dialog lacks %q:\n%s", want, text)
		}
	}
	if !rep.OK() || rep.Seal != app.SealSigned {
		t.Errorf("report = %+v, want OK and signed", rep)
	}

	b, _ := os.ReadFile(pdf)
	b[len(b)/2] ^= 0x01
	altered := filepath.Join(t.TempDir(), "altered.pdf")
	os.WriteFile(altered, b, 0o600)
	if rep, text := show(altered); rep.OK() || !strings.Contains(text, "signature does not match: it was altered after it was signed") ||
		!strings.Contains(text, "MISMATCH: the signature does not match the PDF") {
		t.Errorf("verify dialog for an altered dossier (OK %v):\n%s", rep.OK(), text)
	}
}
