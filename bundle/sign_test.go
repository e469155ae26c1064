package bundle

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"testing"

	"redress/seal"
)

type keySigner struct{ key ed25519.PrivateKey }

func (k keySigner) Sign(purpose string, content []byte) (seal.Signature, error) {
	return seal.Sign(k.key, purpose, content), nil
}

// signedSample exports the sample signed, then lets edit change the
// manifest before the archive is rebuilt with the same entries.
func signedSample(t *testing.T, edit func(m *Manifest)) []byte {
	t.Helper()
	key, _ := seal.NewKey()
	opts := sampleOptions()
	opts.Signer = keySigner{key}
	var buf bytes.Buffer
	if err := Export(context.Background(), &buf, sampleData(), sampleBlobs(), opts); err != nil {
		t.Fatal(err)
	}
	if edit == nil {
		return buf.Bytes()
	}
	a, err := open(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	m := a.Manifest
	edit(&m)
	raw, _ := json.MarshalIndent(m, "", "  ")
	return build(t, craft{parts: partsOf(t, buf.Bytes()), rawManifest: raw})
}

func TestSignedArchive(t *testing.T) {
	good := signedSample(t, nil)
	a, err := open(good)
	if err != nil || a.Manifest.Signature == nil {
		t.Fatalf("Open(signed) = %v, signature %v; want it open and signed", err, a)
	}
	rep, err := VerifyArchive(bytes.NewReader(good), int64(len(good)))
	if err != nil || !rep.OK() || rep.Signature == nil {
		t.Errorf("VerifyArchive(signed) = %+v, %v; want OK and signed", rep, err)
	}
	tests := []struct {
		name string
		edit func(m *Manifest)
	}{
		{"a file's hash changed in the manifest", func(m *Manifest) { m.Files[0].SHA256 = m.Files[1].SHA256 }},
		{"app version changed", func(m *Manifest) { m.AppVersion = "6.6.6" }},
		{"signature of another key", func(m *Manifest) {
			other, _ := seal.NewKey()
			sig := seal.Sign(other, seal.PurposeArchive, m.Signed())
			sig.PublicKey, sig.Fingerprint = m.Signature.PublicKey, m.Signature.Fingerprint
			m.Signature = &sig
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := signedSample(t, tt.edit)
			if _, err := open(b); !errors.Is(err, ErrBadSignature) {
				t.Errorf("Open = %v, want ErrBadSignature", err)
			}
			rep, err := VerifyArchive(bytes.NewReader(b), int64(len(b)))
			if err != nil || rep.OK() || rep.Results[0].Problem != ErrBadSignature.key {
				t.Errorf("VerifyArchive = %+v, %v; want the signature reported first", rep.Results, err)
			}
		})
	}
}
