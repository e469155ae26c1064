package seal

import (
	"crypto/ed25519"
	"errors"
	"strings"
	"testing"
)

func TestSignVerify(t *testing.T) {
	priv, err := NewKey()
	if err != nil {
		t.Fatal(err)
	}
	other, _ := NewKey()
	content := []byte("case.json 8d1d97 6090\n")
	s := Sign(priv, PurposeArchive, content)
	if _, err := Verify(s, PurposeArchive, content); err != nil {
		t.Fatalf("Verify(own signature) = %v, want nil", err)
	}
	forged := Sign(other, PurposeArchive, content)
	forged.PublicKey = s.PublicKey
	tests := []struct {
		name    string
		sig     Signature
		purpose string
		content []byte
	}{
		{"changed content", s, PurposeArchive, []byte("case.json 8d1d97 6091\n")},
		{"other purpose", s, PurposeHead, content},
		{"other key's signature", forged, PurposeArchive, content},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Verify(tt.sig, tt.purpose, tt.content); !errors.Is(err, ErrBadSignature) {
				t.Errorf("Verify = %v, want ErrBadSignature", err)
			}
		})
	}
	if fp := Fingerprint(priv.Public().(ed25519.PublicKey)); len(fp) != 39 || strings.Count(fp, "-") != 7 || fp != s.Fingerprint {
		t.Errorf("Fingerprint = %q (signature says %q), want 8 groups of 4 hex digits", fp, s.Fingerprint)
	}
}
