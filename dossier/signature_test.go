package dossier

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"redress/evidence"
	"redress/seal"
)

const testHeadHash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

// sealed is the test dossier sealed with key.
func sealed(t testing.TB, lang evidence.Language, key ed25519.PrivateKey) Dossier {
	t.Helper()
	d := pdfDossier(lang)
	d.Seal = &Seal{HeadSeq: 4217, HeadHash: testHeadHash, Fingerprint: seal.Fingerprint(key.Public().(ed25519.PublicKey)),
		Sign: func(st []byte) (seal.Signature, error) { return seal.Sign(key, seal.PurposeManifest, st), nil }}
	return d
}

func testKey(t testing.TB) ed25519.PrivateKey {
	t.Helper()
	key, err := seal.NewKey()
	if err != nil {
		t.Fatal(err)
	}
	return key
}

// TestSealedDossier: the cover prints the audit head and the key's
// fingerprint, the manifest carries them, the signature checks and names
// the key, the file passes the structure check (pdfRender), and the
// result's SHA-256 is the file's.
func TestSealedDossier(t *testing.T) {
	pdfNeed(t, "pdftotext", "pdfdetach")
	key := testKey(t)
	fp := seal.Fingerprint(key.Public().(ed25519.PublicKey))
	for _, lang := range []evidence.Language{evidence.English, evidence.Chinese} {
		t.Run(string(lang), func(t *testing.T) {
			path, res, _ := pdfRender(t, sealed(t, lang, key))
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if sum := sha256.Sum256(data); res.SHA256 != hex.EncodeToString(sum[:]) {
				t.Errorf("Result.SHA256 = %s, want the file's %x", res.SHA256, sum)
			}
			got, err := CheckSignature(data)
			if err != nil {
				t.Fatalf("CheckSignature = %v", err)
			}
			if got.Signature.Fingerprint != fp {
				t.Errorf("signed by %s, want %s", got.Signature.Fingerprint, fp)
			}
			if res.Manifest.AuditHead != "4217:"+testHeadHash || res.Manifest.KeyFingerprint != fp {
				t.Errorf("manifest head %q fingerprint %q, want 4217:%s and %s", res.Manifest.AuditHead, res.Manifest.KeyFingerprint, testHeadHash, fp)
			}
			// The manifest embedded is the one the statement names.
			dir := t.TempDir()
			pdfRun(t, "pdfdetach", "-saveall", "-o", dir, path)
			man, err := os.ReadFile(filepath.Join(dir, ManifestName))
			if err != nil {
				t.Fatal(err)
			}
			if sum := sha256.Sum256(man); got.ManifestSHA256 != hex.EncodeToString(sum[:]) {
				t.Errorf("signed manifest SHA-256 %s, embedded manifest %x", got.ManifestSHA256, sum)
			}
			var m Manifest
			if err := json.Unmarshal(man, &m); err != nil || m.AuditHead != res.Manifest.AuditHead || m.KeyFingerprint != fp {
				t.Errorf("embedded manifest = %+v, %v; want the head and the fingerprint", m, err)
			}
			if sig, err := os.ReadFile(filepath.Join(dir, SignatureName)); err != nil || !bytes.HasPrefix(sig, signatureMarker) || len(sig) != signatureLen {
				t.Errorf("embedded %s = %d bytes %q…, %v", SignatureName, len(sig), sig[:min(len(sig), 40)], err)
			}
			// The cover, in small type: the head and the fingerprint whole.
			cover := pdfStrip(strings.Split(pdfText(t, path, "-raw"), "\f")[0])
			for _, want := range []string{"4217", testHeadHash, fp, "verify-log--head4217:" + testHeadHash} {
				if !strings.Contains(cover, want) {
					t.Errorf("the cover lacks %q:\n%s", want, cover)
				}
			}
		})
	}
}

// TestSealedDossierByteFlips alters one byte at a time, all over the file
// (every part: header, manifest, pictures, pages, fonts, the signature
// file with its statement, signature and padding, the cross-reference
// table and the trailer): every flip must be reported as an alteration.
func TestSealedDossierByteFlips(t *testing.T) {
	var b bytes.Buffer
	if _, err := Render(&b, sealed(t, evidence.English, testKey(t))); err != nil {
		t.Fatal(err)
	}
	data := b.Bytes()
	if _, err := CheckSignature(data); err != nil {
		t.Fatalf("CheckSignature(untouched) = %v", err)
	}
	sig := bytes.LastIndex(data, signatureMarker)
	var at []int
	for i := 0; i < len(data); i += len(data)/150 + 1 {
		at = append(at, i)
	}
	for i := sig - 200; i < sig+signatureLen+200 && i < len(data); i += 7 {
		at = append(at, i) // around and inside the signature file, padding included
	}
	at = append(at, len(data)-1, len(data)-10, sig, sig+signatureLen-1)
	for _, i := range at {
		for _, mask := range []byte{0x20, 0x01} { // letter case; a digit, a hex digit
			flipped := bytes.Clone(data)
			flipped[i] ^= mask
			if _, err := CheckSignature(flipped); !errors.Is(err, ErrAltered) {
				t.Errorf("byte %d of %d ^ %#x (%q): CheckSignature = %v, want ErrAltered", i, len(data), mask, data[max(0, i-10):min(len(data), i+10)], err)
			}
		}
	}
	// Cut short, or with bytes added at the end.
	for name, altered := range map[string][]byte{
		"truncated":      data[:len(data)-100],
		"appended":       append(bytes.Clone(data), "\n% more\n"...),
		"signature only": data[sig : sig+signatureLen+12],
	} {
		if _, err := CheckSignature(altered); !errors.Is(err, ErrAltered) {
			t.Errorf("%s: CheckSignature = %v, want ErrAltered", name, err)
		}
	}
}

// TestSealedDossierOtherKey: a dossier made by another installation checks
// and names that installation's key; the same dossier with its signature
// made by a third key over the first one's statement does not check.
func TestSealedDossierOtherKey(t *testing.T) {
	mine, theirs := testKey(t), testKey(t)
	var b bytes.Buffer
	if _, err := Render(&b, sealed(t, evidence.Chinese, theirs)); err != nil {
		t.Fatal(err)
	}
	got, err := CheckSignature(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if want := seal.Fingerprint(theirs.Public().(ed25519.PublicKey)); got.Signature.Fingerprint != want ||
		got.Signature.Fingerprint == seal.Fingerprint(mine.Public().(ed25519.PublicKey)) {
		t.Errorf("signed by %s, want the other installation's %s", got.Signature.Fingerprint, want)
	}
	// Swap in a signature by another key (the fingerprint and key its own).
	data := b.Bytes()
	start := bytes.LastIndex(data, signatureMarker)
	var f signatureFile
	if err := json.Unmarshal(data[start:start+signatureLen], &f); err != nil {
		t.Fatal(err)
	}
	forged := f
	forged.Signature = seal.Sign(mine, seal.PurposeHead, f.Statement) // right key, wrong purpose
	enc, err := encodeSignature(forged)
	if err != nil {
		t.Fatal(err)
	}
	swapped := append(append(bytes.Clone(data[:start]), enc...), data[start+signatureLen:]...)
	if _, err := CheckSignature(swapped); !errors.Is(err, ErrAltered) {
		t.Errorf("signature made for another purpose: CheckSignature = %v, want ErrAltered", err)
	}
}

// TestUnsealedDossier: without a seal there is no signature file, and
// CheckSignature says so; a sealed dossier attached as an exhibit of an
// unsealed one does not make it pass as signed (it fails as altered), and
// attached to a sealed one does not confuse its check.
func TestUnsealedDossier(t *testing.T) {
	var inner bytes.Buffer
	if _, err := Render(&inner, sealed(t, evidence.English, testKey(t))); err != nil {
		t.Fatal(err)
	}
	var plain bytes.Buffer
	d := pdfDossier(evidence.English)
	if _, err := Render(&plain, d); err != nil {
		t.Fatal(err)
	}
	if _, err := CheckSignature(plain.Bytes()); !errors.Is(err, ErrNotSigned) {
		t.Errorf("CheckSignature(unsealed) = %v, want ErrNotSigned", err)
	}
	if bytes.Contains(plain.Bytes(), []byte(SignatureName)) {
		t.Errorf("an unsealed dossier names %s", SignatureName)
	}

	withInner := func(d Dossier) []byte {
		d.Exhibits = append(d.Exhibits, pdfExhibitFile("E-7", "earlier-dossier.pdf", "application/pdf", evidence.KindDocument,
			"ev-5", "An earlier dossier", d.Events[4].At, inner.Bytes()))
		var b bytes.Buffer
		if _, err := Render(&b, d); err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(b.Bytes(), signatureMarker) {
			t.Fatal("the earlier dossier was not attached as it is (compressed?): the test shows nothing")
		}
		return b.Bytes()
	}
	if _, err := CheckSignature(withInner(pdfDossier(evidence.English))); !errors.Is(err, ErrAltered) {
		t.Errorf("an unsealed dossier with a sealed one attached: CheckSignature = %v, want ErrAltered", err)
	}
	outer := sealed(t, evidence.English, testKey(t))
	if _, err := CheckSignature(withInner(outer)); err != nil {
		t.Errorf("a sealed dossier with a sealed one attached: CheckSignature = %v", err)
	}
}
