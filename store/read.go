package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"sync"

	"redress/evidence"
	"redress/lang"
)

// Snapshot reads the database inside one transaction, so that everything
// read through it — a case, its timeline, the bytes of its attachments —
// comes from the same state, even while another window or process writes.
// It is safe for concurrent use; its reads are serialised.
type Snapshot struct {
	ctx  context.Context
	tx   *sql.Tx
	path string
	mu   sync.Mutex
}

// Read runs fn with a Snapshot of the database. The transaction only
// reads, and ends when fn returns; fn must not keep the Snapshot.
func (s *Store) Read(ctx context.Context, fn func(*Snapshot) error) error {
	// ReadOnly makes the driver begin a deferred transaction rather than
	// the immediate (writing) one the store's DSN asks for.
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return classify(fmt.Errorf("begin read: %w", err), s.path)
	}
	defer tx.Rollback()
	// In WAL mode the snapshot is taken at the first read: take it now.
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_schema`).Scan(&n); err != nil {
		return classify(fmt.Errorf("begin read: %w", err), s.path)
	}
	return fn(&Snapshot{ctx: ctx, tx: tx, path: s.path})
}

// Case reads a case by its full ID.
func (r *Snapshot) Case(id string) (evidence.Case, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	c, err := scanCase(r.tx.QueryRowContext(r.ctx, `SELECT `+caseColumns+` FROM cases WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, lang.E("case.not-found", "ref", id)
	}
	if err != nil {
		return c, classify(fmt.Errorf("read case %s: %w", id, err), r.path)
	}
	return c, nil
}

// Timeline is Store.Timeline inside the snapshot.
func (r *Snapshot) Timeline(caseID string, q Query) ([]evidence.Event, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	where, args := eventWhere(eventQuery{caseID: caseID, kinds: q.Kinds, archived: q.Archived, text: q.Text})
	query := `SELECT ` + eventColumns + ` FROM events e ` + where + timelineOrder(q.OldestFirst)
	if q.Limit > 0 {
		query += fmt.Sprintf(" LIMIT %d OFFSET %d", q.Limit, q.Offset)
	}
	rows, err := r.tx.QueryContext(r.ctx, query, args...)
	if err != nil {
		return nil, classify(fmt.Errorf("read timeline: %w", err), r.path)
	}
	var out []evidence.Event
	var ids []string
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("read timeline: %w", err)
		}
		out = append(out, e)
		ids = append(ids, e.ID)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, classify(fmt.Errorf("read timeline: %w", err), r.path)
	}
	atts, err := loadAttachments(r.ctx, r.tx, ids)
	if err != nil {
		return nil, err
	}
	for i := range out {
		if a := atts[out[i].ID]; a != nil {
			out[i].Attachments = a
		}
	}
	return out, nil
}

// WriteAttachment copies an attachment's original bytes to w and checks
// them against its size and SHA-256. On a mismatch it returns an error
// after writing, so callers must discard what they got.
func (r *Snapshot) WriteAttachment(a evidence.Attachment, w io.Writer) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return copyBlob(r.ctx, r.tx, r.path, a.SHA256, a.Name, a.Size, w)
}

// timelineOrder is the ORDER BY of every timeline read. It is
// evidence.Compare in SQL: the instant (at_utc, milliseconds), then the
// time recorded, then the ID (SQLite compares text bytewise, as
// strings.Compare does); TestTimelineOrderIsEvidenceOrder holds them
// together.
func timelineOrder(oldestFirst bool) string {
	order := "DESC"
	if oldestFirst {
		order = "ASC"
	}
	return ` ORDER BY e.at_utc ` + order + `, e.recorded_at ` + order + `, e.id ` + order
}

// copyBlob writes the chunks of a stored file to w, in order, and checks
// their total size and SHA-256.
func copyBlob(ctx context.Context, q querier, path, sha, name string, size int64, w io.Writer) error {
	rows, err := q.QueryContext(ctx, `SELECT seq, data FROM blob_chunks WHERE sha256 = ? ORDER BY seq`, sha)
	if err != nil {
		return classify(fmt.Errorf("read %s: %w", name, err), path)
	}
	defer rows.Close()
	h := sha256.New()
	var total int64
	next := 0
	for rows.Next() {
		var seq int
		var data sql.RawBytes // valid until the next row: no copy
		if err := rows.Scan(&seq, &data); err != nil {
			return fmt.Errorf("read %s: %w", name, err)
		}
		if seq != next {
			return lang.E("attachment.damaged", "file", name)
		}
		next++
		h.Write(data)
		total += int64(len(data))
		if _, err := w.Write(data); err != nil {
			return fmt.Errorf("copy %s: %w", name, err)
		}
	}
	if err := rows.Err(); err != nil {
		return classify(fmt.Errorf("read %s: %w", name, err), path)
	}
	if total != size || hex.EncodeToString(h.Sum(nil)) != sha {
		return lang.E("attachment.damaged", "file", name)
	}
	return nil
}
