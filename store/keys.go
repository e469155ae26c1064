package store

import (
	"context"
	"crypto/ed25519"
	"database/sql"
	"errors"
	"fmt"

	"redress/lang"
	"redress/seal"
)

// The install key is an Ed25519 key made the first time a database is
// opened by a Redress that signs (schema 3). It lives in the database
// (table install_key) rather than in a file beside it, so it travels with
// backups and restores: a restored install keeps the identity its dossiers
// were signed with, no second file can be lost or left world-readable, and
// it is created in the same transaction that signs the existing chain.
// docs/ARCHIVE.md says what this does and does not prove.

func errKey(err error) string {
	var le *lang.Error
	if errors.As(err, &le) {
		return le.Key
	}
	return ""
}

func fingerprint(priv ed25519.PrivateKey) string {
	return seal.Fingerprint(priv.Public().(ed25519.PublicKey))
}

// loadKey reads the install key, when there is one.
func (s *Store) loadKey(ctx context.Context) error {
	var seed []byte
	err := s.db.QueryRowContext(ctx, `SELECT private_key FROM install_key WHERE id = 1`).Scan(&seed)
	if errors.Is(err, sql.ErrNoRows) || (err != nil && s.damaged) {
		return nil
	}
	if err != nil {
		return classify(fmt.Errorf("read the install key: %w", err), s.path)
	}
	if len(seed) != ed25519.SeedSize {
		return lang.E("store.bad-key", "file", s.path)
	}
	s.key = ed25519.NewKeyFromSeed(seed)
	return nil
}

// ensureKey loads the install key, making it when the database has none.
// The key is made once: with it, the chain as it stands (written by an
// earlier Redress, or empty) gets its first signed head.
func (s *Store) ensureKey(ctx context.Context) error {
	if err := s.loadKey(ctx); err != nil || s.key != nil {
		return err
	}
	priv, err := seal.NewKey()
	if err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return classify(fmt.Errorf("make the install key: %w", err), s.path)
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO install_key (id, private_key, created_at) VALUES (1, ?, ?)`,
		priv.Seed(), s.now().UnixMilli())
	if err != nil {
		return classify(fmt.Errorf("make the install key: %w", err), s.path)
	}
	if n, _ := res.RowsAffected(); n == 1 {
		var seq int64
		var hash, state string
		err := tx.QueryRowContext(ctx, `SELECT seq, hash, state FROM audit ORDER BY seq DESC LIMIT 1`).Scan(&seq, &hash, &state)
		switch {
		case err == nil:
			if err := writeHead(ctx, tx, priv, seq, hash, state); err != nil {
				return err
			}
		case !errors.Is(err, sql.ErrNoRows):
			return classify(fmt.Errorf("sign the audit log: %w", err), s.path)
		}
	}
	if err := tx.Commit(); err != nil {
		return classify(fmt.Errorf("make the install key: %w", err), s.path)
	}
	return s.loadKey(ctx)
}

// Head is the signed end of the audit chain: what a dossier prints so that
// a later rewrite of the log can be detected against it.
type Head struct {
	Seq       int64          `json:"seq"`
	Hash      string         `json:"hash"`
	State     string         `json:"state"` // ChainState JSON
	Signature seal.Signature `json:"signature"`
}

// message is what the head's signature covers.
func headMessage(seq int64, hash, state string) []byte {
	return fmt.Appendf(nil, "%d\n%s\n%s", seq, hash, state)
}

var errOtherKey = errors.New("signed by another key")

// verify checks the head's signature and that it was made with key.
func (h Head) verify(key ed25519.PrivateKey) error {
	pub, err := seal.Verify(h.Signature, seal.PurposeHead, headMessage(h.Seq, h.Hash, h.State))
	if err != nil {
		return err
	}
	if key == nil || !pub.Equal(key.Public()) {
		return errOtherKey
	}
	return nil
}

type execQuerier interface {
	rowQuerier
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

func writeHead(ctx context.Context, tx execQuerier, key ed25519.PrivateKey, seq int64, hash, state string) error {
	sig := seal.Sign(key, seal.PurposeHead, headMessage(seq, hash, state))
	if _, err := tx.ExecContext(ctx, `INSERT INTO audit_head (id, seq, hash, state, public_key, signature) VALUES (1,?,?,?,?,?)
		ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, state = excluded.state,
		public_key = excluded.public_key, signature = excluded.signature`, seq, hash, state, sig.PublicKey, sig.Value); err != nil {
		return fmt.Errorf("sign the audit log: %w", err)
	}
	return nil
}

func readHead(ctx context.Context, q rowQuerier) (Head, bool, error) {
	var h Head
	err := q.QueryRowContext(ctx, `SELECT seq, hash, state, public_key, signature FROM audit_head WHERE id = 1`).
		Scan(&h.Seq, &h.Hash, &h.State, &h.Signature.PublicKey, &h.Signature.Value)
	if errors.Is(err, sql.ErrNoRows) {
		return h, false, nil
	}
	if err != nil {
		return h, false, fmt.Errorf("read the signed head: %w", err)
	}
	h.Signature.Algorithm = "ed25519"
	if pub, err := hexKey(h.Signature.PublicKey); err == nil {
		h.Signature.Fingerprint = seal.Fingerprint(pub)
	}
	return h, true, nil
}

func hexKey(s string) (ed25519.PublicKey, error) {
	sig := seal.Signature{Algorithm: "ed25519", PublicKey: s}
	return sig.Key()
}

// Head returns the signed head of the audit chain. ok is false when the
// log is empty.
func (s *Store) Head(ctx context.Context) (h Head, ok bool, err error) {
	h, ok, err = readHead(ctx, s.db)
	if err != nil {
		return h, ok, classify(err, s.path)
	}
	return h, ok, nil
}

// PublicKey is the install's public key; nil when the database has none
// (a damaged database from before signing).
func (s *Store) PublicKey() ed25519.PublicKey {
	if s.key == nil {
		return nil
	}
	return s.key.Public().(ed25519.PublicKey)
}

// Sign signs content for purpose with the install key.
func (s *Store) Sign(purpose string, content []byte) (seal.Signature, error) {
	if s.key == nil {
		return seal.Signature{}, lang.E("store.damaged", "file", s.path)
	}
	return seal.Sign(s.key, purpose, content), nil
}

// EntryHash returns the hash of audit entry seq; ok is false when there is
// no such entry. A head printed in a dossier is checked against it.
func (s *Store) EntryHash(ctx context.Context, seq int64) (string, bool, error) {
	var h string
	err := s.db.QueryRowContext(ctx, `SELECT hash FROM audit WHERE seq = ?`, seq).Scan(&h)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, classify(fmt.Errorf("read audit entry %d: %w", seq, err), s.path)
	}
	return h, true, nil
}
