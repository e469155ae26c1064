package dossier

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

	"redress/seal"
)

// SignatureName is the name of the embedded file that carries a sealed
// dossier's signature (docs/ARCHIVE.md, "Signed dossiers").
const SignatureName = "redress-signature.json"

// The signature file is the last embedded file, stored uncompressed and
// exactly signatureLen bytes long: its JSON (signatureFile, compact, as
// encoding/json writes it) padded with spaces. It is the only part of the
// PDF the signature does not cover, and it must be byte for byte the
// canonical form of what it says, so no byte of the file is unchecked.
const signatureLen = 1024

// signatureMarker starts the signature file; the last one in the PDF is
// the dossier's own (an earlier one belongs to an attached file).
var signatureMarker = []byte(`{"redress_dossier_signature":`)

// signatureFile is the content of SignatureName.
type signatureFile struct {
	Format int    `json:"redress_dossier_signature"` // 1
	Covers string `json:"covers"`
	// Statement is what Signature signs (purpose seal.PurposeManifest),
	// exactly as it appears here.
	Statement json.RawMessage `json:"statement"`
	Signature seal.Signature  `json:"signature"`
}

var signatureCovers = fmt.Sprintf("statement.pdf_sha256 is the SHA-256 of this PDF without the contents of this file "+
	"(the %d bytes between its stream and endstream keywords); statement.manifest_sha256 is the SHA-256 of %s",
	signatureLen, ManifestName)

// statement is what a dossier's signature vouches for.
type statement struct {
	PDFSHA256      string `json:"pdf_sha256"`
	ManifestSHA256 string `json:"manifest_sha256"`
}

// signatureData signs st and returns the signature file's bytes.
func signatureData(st statement, sign func([]byte) (seal.Signature, error)) ([]byte, error) {
	raw, err := json.Marshal(st)
	if err != nil {
		return nil, err
	}
	sig, err := sign(raw)
	if err != nil {
		return nil, fmt.Errorf("sign the dossier: %w", err)
	}
	return encodeSignature(signatureFile{Format: 1, Covers: signatureCovers, Statement: raw, Signature: sig})
}

// encodeSignature is the canonical form of f: compact JSON padded with
// spaces to signatureLen bytes.
func encodeSignature(f signatureFile) ([]byte, error) {
	b, err := json.Marshal(f)
	if err != nil {
		return nil, err
	}
	if len(b) > signatureLen {
		return nil, fmt.Errorf("the signature takes %d bytes, more than the %d reserved", len(b), signatureLen)
	}
	return append(b, bytes.Repeat([]byte(" "), signatureLen-len(b))...), nil
}

// Why CheckSignature found no valid signature; test with errors.Is.
var (
	ErrNotSigned = errors.New("the dossier carries no signature")
	ErrAltered   = errors.New("the signature does not match the file: it was altered after it was signed")
)

// Signed is a dossier's valid signature.
type Signed struct {
	Signature      seal.Signature // names the key and its fingerprint
	ManifestSHA256 string         // the SHA-256 of the signed manifest's bytes
}

// CheckSignature checks the signature a sealed dossier carries: the
// statement is signed by the key the signature file names, the signature
// file is byte for byte the canonical form of that (its fixed text, the
// statement, the key, its fingerprint and the signature, in lower-case
// hex), and the PDF without the signature file hashes to the statement's
// pdf_sha256. So any change to any byte of the PDF makes it fail with
// ErrAltered. A PDF with no trace of a signature file gives ErrNotSigned.
// The caller compares ManifestSHA256 with the manifest it reads, and the
// key with the ones it knows.
//
// The signature file is the last one in the PDF: a sealed dossier
// attached unchanged to an unsealed one makes that one fail as altered,
// never pass as signed.
func CheckSignature(pdf []byte) (Signed, error) {
	start := bytes.LastIndex(pdf, signatureMarker)
	if start < 0 {
		if bytes.Contains(pdf, []byte("("+SignatureName+")")) {
			return Signed{}, fmt.Errorf("%w: the signature file is damaged", ErrAltered)
		}
		return Signed{}, ErrNotSigned
	}
	end := start + signatureLen
	if end > len(pdf) || !bytes.HasPrefix(pdf[end:], []byte("\nendstream")) {
		return Signed{}, fmt.Errorf("%w: the signature file is cut or resized", ErrAltered)
	}
	data := pdf[start:end]
	var f signatureFile
	if err := json.Unmarshal(data, &f); err != nil {
		return Signed{}, fmt.Errorf("%w: the signature file is damaged: %v", ErrAltered, err)
	}
	pub, err := seal.Verify(f.Signature, seal.PurposeManifest, f.Statement)
	if err != nil {
		return Signed{}, fmt.Errorf("%w: %v", ErrAltered, err)
	}
	value, _ := hex.DecodeString(f.Signature.Value) // seal.Verify decoded it
	sig := seal.Signature{Algorithm: "ed25519", PublicKey: hex.EncodeToString(pub), Fingerprint: seal.Fingerprint(pub),
		Value: hex.EncodeToString(value)}
	canon, err := encodeSignature(signatureFile{Format: 1, Covers: signatureCovers, Statement: f.Statement, Signature: sig})
	if err != nil || !bytes.Equal(canon, data) {
		return Signed{}, fmt.Errorf("%w: the signature file was edited", ErrAltered)
	}
	var st statement
	if err := json.Unmarshal(f.Statement, &st); err != nil {
		return Signed{}, fmt.Errorf("%w: %v", ErrAltered, err)
	}
	h := sha256.New()
	h.Write(pdf[:start])
	h.Write(pdf[end:])
	if hex.EncodeToString(h.Sum(nil)) != st.PDFSHA256 {
		return Signed{}, fmt.Errorf("%w: the PDF's bytes are not the ones signed", ErrAltered)
	}
	return Signed{Signature: sig, ManifestSHA256: st.ManifestSHA256}, nil
}
