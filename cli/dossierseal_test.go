package cli_test

import (
	"bytes"
	"crypto/ed25519"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"redress/app"
	"redress/internal/testtool"
	"redress/seal"
)

// sealedDossier makes a data folder with a case, a screenshot and a
// provider dossier, and returns the folder, the case and the PDF.
func sealedDossier(t *testing.T) (dir, caseID, pdf string) {
	t.Helper()
	dir, caseID = seeded(t)
	shot := filepath.Join(t.TempDir(), "余额截图.png")
	img := image.NewNRGBA(image.Rect(0, 0, 90, 160))
	for i := range img.Pix {
		img.Pix[i] = uint8(i * 7)
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(shot, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	must(t, dir, "attach", caseID, shot, "--caption", "钱包余额")
	pdf = filepath.Join(t.TempDir(), "dossier.pdf")
	must(t, dir, "dossier", caseID, "--to", "provider", "-o", pdf)
	return dir, caseID, pdf
}

func verifyJSON(t *testing.T, dir, pdf string) app.VerifyReport {
	t.Helper()
	var rep app.VerifyReport
	if err := json.Unmarshal([]byte(must(t, dir, "verify", pdf, "--json")), &rep); err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestVerifySealedDossier: a dossier made here is "signed by this
// installation"; a byte changed anywhere makes it "altered" (exit 1); on
// another installation, imported with its case or not, it is "signed by
// key …" with that key's fingerprint, and verifies.
func TestVerifySealedDossier(t *testing.T) {
	english(t)
	dir, caseID, pdf := sealedDossier(t)
	out := must(t, dir, "verify", pdf)
	rep := verifyJSON(t, dir, pdf)
	if rep.Seal != app.SealSigned || !rep.ThisInstall || rep.Signer == "" ||
		!strings.Contains(out, "signed by this installation (key "+rep.Signer+")") {
		t.Fatalf("verify (made here) = %+v\n%s\nwant signed by this installation", rep, out)
	}
	if !strings.Contains(out, "redress verify-log --head "+rep.Head) || len(rep.Head) < 66 {
		t.Errorf("verify does not give the audit head %q to check:\n%s", rep.Head, out)
	}

	data, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	for _, at := range []int{len(data) / 3, len(data) / 2, len(data) - 40} {
		flipped := filepath.Join(t.TempDir(), "flipped.pdf")
		b := append([]byte{}, data...)
		b[at] ^= 0x01
		os.WriteFile(flipped, b, 0o600)
		out, _, code := run(t, dir, "verify", flipped)
		if code != 1 || !strings.Contains(out, "signature does not match the PDF") || !strings.Contains(out, "was altered after it was signed") {
			t.Errorf("verify with byte %d of %d changed = exit %d\n%s\nwant exit 1, the signature does not match (altered)", at, len(data), code, out)
		}
	}

	// Another installation, with the case imported (its dossier records
	// travel with it) …
	zipFile := filepath.Join(t.TempDir(), "case.zip")
	must(t, dir, "export", caseID, "-o", zipFile, "--dossiers")
	other := t.TempDir()
	must(t, other, "import", zipFile)
	// … and one that has never seen the case.
	third := t.TempDir()
	newCase(t, third)
	for name, d := range map[string]string{"imported": other, "case absent": third} {
		out, errs, code := run(t, d, "verify", pdf)
		want := "signed by key " + rep.Signer + ", not by this installation"
		if code != 0 || !strings.Contains(out, want) || strings.Contains(out, "MISMATCH") {
			t.Errorf("verify on another installation (%s) = exit %d\n%s%s\nwant exit 0 and %q", name, code, out, errs, want)
		}
		if r := verifyJSON(t, d, pdf); r.Seal != app.SealSigned || r.ThisInstall || r.Signer != rep.Signer {
			t.Errorf("verify --json on another installation (%s) = %+v", name, r)
		}
	}
	if out := must(t, third, "verify", pdf); !strings.Contains(out, "exhibits were not compared") {
		t.Errorf("verify where the case is absent does not say the exhibits were not compared:\n%s", out)
	}
}

// TestPrintedHeadCatchesRewrite: the head printed on the dossier's cover
// (in Chinese: the case's language) is the one verify gives and verify-log --head accepts. Then the log is
// rewritten from outside by someone who has the database, key included
// (an entry backdated, every later hash recomputed, the head re-signed
// with the install key): verify-log alone cannot tell, verify-log --head
// with the printed head does.
func TestPrintedHeadCatchesRewrite(t *testing.T) {
	testtool.Need(t, "poppler-utils", "pdftotext")
	english(t)
	dir, _, pdf := sealedDossier(t)
	head := verifyJSON(t, dir, pdf).Head
	seqStr, _, _ := strings.Cut(head, ":")
	var seq int64
	fmt.Sscan(seqStr, &seq)
	cover, err := exec.Command("pdftotext", "-l", "1", "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	_, hash, _ := strings.Cut(head, ":")
	if !strings.Contains(string(cover), "verify-log --head "+head) || !strings.Contains(string(cover), "第 "+seqStr+" 条，哈希 "+hash) {
		t.Errorf("the cover does not print the head %s:\n%s", head, cover)
	}
	must(t, dir, "verify-log", "--head", head)

	db := raw(t, filepath.Join(dir, app.DBName))
	sqlExec(t, db, "DROP TRIGGER audit_no_update")
	type entry struct {
		seq, at                                      int64
		action, entity, id, caseID, content, st, det string
	}
	rows, err := db.Query("SELECT seq, at, action, entity, entity_id, case_id, content_hash, state, detail FROM audit ORDER BY seq")
	if err != nil {
		t.Fatal(err)
	}
	var es []entry
	for rows.Next() {
		var e entry
		if err := rows.Scan(&e.seq, &e.at, &e.action, &e.entity, &e.id, &e.caseID, &e.content, &e.st, &e.det); err != nil {
			t.Fatal(err)
		}
		es = append(es, e)
	}
	rows.Close()
	prev := ""
	for i, e := range es {
		if i == 1 {
			e.at -= 3 * 24 * 3600 * 1000 // logged three days earlier than it was
		}
		h := chainHash(prev, e.seq, e.at, e.action, e.entity, e.id, e.caseID, e.content, e.st, e.det)
		sqlExec(t, db, "UPDATE audit SET at = ?, prev_hash = ?, hash = ? WHERE seq = ?", e.at, prev, h, e.seq)
		prev = h
	}
	var seed []byte
	if err := db.QueryRow("SELECT private_key FROM install_key WHERE id = 1").Scan(&seed); err != nil {
		t.Fatal(err)
	}
	last := es[len(es)-1]
	sig := seal.Sign(ed25519.NewKeyFromSeed(seed), seal.PurposeHead, fmt.Appendf(nil, "%d\n%s\n%s", last.seq, prev, last.st))
	sqlExec(t, db, "UPDATE audit_head SET hash = ?, signature = ?", prev, sig.Value)
	db.Close()

	if out, errs, code := run(t, dir, "verify-log"); code != 0 {
		t.Fatalf("verify-log after a rewrite with the key = exit %d\n%s%s\n(the test's rewrite is not the undetectable kind it means to be)", code, out, errs)
	}
	out, errs, code := run(t, dir, "verify-log", "--head", head)
	if code != 1 || !strings.Contains(out, fmt.Sprintf("Audit entry %d", seq)) || !strings.Contains(out, "rewritten after that head was printed") {
		t.Errorf("verify-log --head %s after the rewrite = exit %d\n%s%s\nwant exit 1: entry %d rewritten", head, code, out, errs, seq)
	}
}
