// Package seal signs and checks what Redress vouches for — the head of the
// audit chain, archive manifests, dossier manifests — with a per-install
// Ed25519 key (Go's standard library). Every signature covers a purpose
// line before the content, so a signature made for one purpose can never
// pass as one made for another.
package seal

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
)

// Purposes: the first line of every signed message.
const (
	PurposeHead     = "redress audit head v1"
	PurposeArchive  = "redress archive manifest v1"
	PurposeManifest = "redress dossier manifest v1"
)

// Signature is a signature with the public key that checks it.
type Signature struct {
	Algorithm   string `json:"algorithm"`   // "ed25519"
	PublicKey   string `json:"public_key"`  // lower-case hex, 32 bytes
	Fingerprint string `json:"fingerprint"` // Fingerprint(PublicKey)
	Value       string `json:"value"`       // lower-case hex, 64 bytes
}

// NewKey makes a fresh private key.
func NewKey() (ed25519.PrivateKey, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("seal: make key: %w", err)
	}
	return priv, nil
}

// message is what is signed: the purpose, a newline, the content.
func message(purpose string, content []byte) []byte {
	m := make([]byte, 0, len(purpose)+1+len(content))
	m = append(m, purpose...)
	m = append(m, '\n')
	return append(m, content...)
}

// Sign signs content for purpose.
func Sign(priv ed25519.PrivateKey, purpose string, content []byte) Signature {
	pub := priv.Public().(ed25519.PublicKey)
	return Signature{Algorithm: "ed25519", PublicKey: hex.EncodeToString(pub),
		Fingerprint: Fingerprint(pub), Value: hex.EncodeToString(ed25519.Sign(priv, message(purpose, content)))}
}

// ErrBadSignature is returned by Verify when a signature does not match.
var ErrBadSignature = errors.New("seal: the signature does not match the content")

// Verify checks that s is a signature of content for purpose by the key it
// names, and returns that key.
func Verify(s Signature, purpose string, content []byte) (ed25519.PublicKey, error) {
	if s.Algorithm != "ed25519" {
		return nil, fmt.Errorf("seal: unknown algorithm %q", s.Algorithm)
	}
	pub, err := hex.DecodeString(s.PublicKey)
	if err != nil || len(pub) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("seal: malformed public key")
	}
	sig, err := hex.DecodeString(s.Value)
	if err != nil || len(sig) != ed25519.SignatureSize {
		return nil, fmt.Errorf("seal: malformed signature")
	}
	if !ed25519.Verify(pub, message(purpose, content), sig) {
		return nil, ErrBadSignature
	}
	return pub, nil
}

// Fingerprint is how a public key is shown to people: the first 16 bytes
// of its SHA-256 in groups of four hex digits ("3f2a-91bc-…").
func Fingerprint(pub ed25519.PublicKey) string {
	h := sha256.Sum256(pub)
	s := hex.EncodeToString(h[:16])
	parts := make([]string, 0, 8)
	for i := 0; i < len(s); i += 4 {
		parts = append(parts, s[i:i+4])
	}
	return strings.Join(parts, "-")
}

// Key returns the public key the signature names.
func (s Signature) Key() (ed25519.PublicKey, error) {
	pub, err := hex.DecodeString(s.PublicKey)
	if err != nil || len(pub) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("seal: malformed public key")
	}
	return pub, nil
}
