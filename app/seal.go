package app

import (
	"context"
	"encoding/json"

	"redress/seal"
	"redress/store"
)

// ChainHead is the signed head of the audit log, as a dossier prints and
// embeds it: a later rewrite of the log is detectable against it
// (redress verify-log --head SEQ:HASH).
type ChainHead struct {
	Seq         int64            `json:"seq"`
	Hash        string           `json:"hash"`
	State       store.ChainState `json:"state"`
	Signature   seal.Signature   `json:"signature"` // over the head, purpose seal.PurposeHead
	Fingerprint string           `json:"fingerprint"`
}

// ChainHead returns the current signed head of the audit chain with the
// install key's fingerprint; ok is false while the log is empty.
func (a *App) ChainHead(ctx context.Context) (h ChainHead, ok bool, err error) {
	sh, ok, err := a.store.Head(ctx)
	if err != nil || !ok {
		return h, ok, err
	}
	h = ChainHead{Seq: sh.Seq, Hash: sh.Hash, Signature: sh.Signature, Fingerprint: sh.Signature.Fingerprint}
	json.Unmarshal([]byte(sh.State), &h.State)
	return h, true, nil
}

// SignManifest signs manifest bytes (a dossier's embedded manifest) with
// the install key, for purpose seal.PurposeManifest; seal.Verify checks it.
func (a *App) SignManifest(manifest []byte) (seal.Signature, error) {
	return a.store.Sign(seal.PurposeManifest, manifest)
}

// Fingerprint is the install key's fingerprint ("" before the key exists).
func (a *App) Fingerprint() string {
	if pub := a.store.PublicKey(); pub != nil {
		return seal.Fingerprint(pub)
	}
	return ""
}

// EntryHash is the hash of audit entry seq (ok false: no such entry), to
// check a head printed in a dossier against the log as it is now.
func (a *App) EntryHash(ctx context.Context, seq int64) (string, bool, error) {
	return a.store.EntryHash(ctx, seq)
}
