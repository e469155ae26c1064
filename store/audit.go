package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
)

// Audit actions.
const (
	ActionCreate  = "create"
	ActionUpdate  = "update"
	ActionArchive = "archive"
	ActionRestore = "restore"
)

// AuditEntry is one line of the append-only audit log.
type AuditEntry struct {
	Seq         int64  `json:"seq"`
	At          int64  `json:"at_ms"`
	Action      string `json:"action"`
	Entity      string `json:"entity"`
	EntityID    string `json:"entity_id"`
	CaseID      string `json:"case_id"`
	ContentHash string `json:"content_hash"`
	Detail      string `json:"detail"`
	PrevHash    string `json:"prev_hash"`
	Hash        string `json:"hash"`
}

func sum(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// chainHash is the hash of an entry: it covers every field and the previous
// entry's hash, so changing, removing or reordering any entry breaks the chain.
func (e *AuditEntry) chainHash() string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%d\n%d\n%s\n%s\n%s\n%s\n%s\n", e.PrevHash, e.Seq, e.At, e.Action, e.Entity, e.EntityID, e.CaseID, e.ContentHash)
	h.Write([]byte(e.Detail))
	return hex.EncodeToString(h.Sum(nil))
}

// audit appends an entry recording the new state of an entity.
func (t *Tx) audit(action, entity, id, caseID string, state any) error {
	detail, err := json.Marshal(state)
	if err != nil {
		return fmt.Errorf("audit %s %s: %w", entity, id, err)
	}
	e := AuditEntry{At: ms(t.Now), Action: action, Entity: entity, EntityID: id, CaseID: caseID,
		ContentHash: sum(detail), Detail: string(detail)}
	err = t.queryRow("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").Scan(&e.Seq, &e.PrevHash)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("audit %s %s: read chain head: %w", entity, id, err)
	}
	e.Seq++
	e.Hash = e.chainHash()
	_, err = t.exec(`INSERT INTO audit (seq, at, action, entity, entity_id, case_id, content_hash, detail, prev_hash, hash)
		VALUES (?,?,?,?,?,?,?,?,?,?)`, e.Seq, e.At, e.Action, e.Entity, e.EntityID, e.CaseID, e.ContentHash, e.Detail, e.PrevHash, e.Hash)
	if err != nil {
		return fmt.Errorf("audit %s %s: %w", entity, id, err)
	}
	return nil
}

// LogProblem is one finding of VerifyLog. Key is a lang catalog key.
type LogProblem struct {
	Seq    int64  `json:"seq,omitempty"`
	Entity string `json:"entity,omitempty"`
	ID     string `json:"id,omitempty"`
	Key    string `json:"problem"`
}

// LogReport is the result of VerifyLog.
type LogReport struct {
	Entries  int          `json:"entries"`
	Head     string       `json:"head"`
	Cases    int          `json:"cases"`
	Events   int          `json:"events"`
	Problems []LogProblem `json:"problems"`
}

// OK reports whether nothing was found wrong.
func (r LogReport) OK() bool { return len(r.Problems) == 0 }

// VerifyLog walks the audit chain, recomputing every hash, then checks that
// every case and event as stored now matches the last state the log
// recorded for it, so edits made behind Redress's back are found.
func (s *Store) VerifyLog(ctx context.Context) (LogReport, error) {
	r := LogReport{Problems: []LogProblem{}}
	rows, err := s.db.QueryContext(ctx, `SELECT seq, at, action, entity, entity_id, case_id, content_hash, detail, prev_hash, hash FROM audit ORDER BY seq`)
	if err != nil {
		return r, classify(fmt.Errorf("read audit log: %w", err), s.path)
	}
	last := map[string]string{} // entity/id -> content hash of its newest entry
	prev := ""
	var want int64 = 1
	for rows.Next() {
		var e AuditEntry
		if err := rows.Scan(&e.Seq, &e.At, &e.Action, &e.Entity, &e.EntityID, &e.CaseID, &e.ContentHash, &e.Detail, &e.PrevHash, &e.Hash); err != nil {
			rows.Close()
			return r, fmt.Errorf("read audit entry: %w", err)
		}
		r.Entries++
		switch {
		case e.Seq != want:
			r.Problems = append(r.Problems, LogProblem{Seq: e.Seq, Key: "audit.gap"})
		case e.PrevHash != prev:
			r.Problems = append(r.Problems, LogProblem{Seq: e.Seq, Key: "audit.broken-link"})
		case e.chainHash() != e.Hash:
			r.Problems = append(r.Problems, LogProblem{Seq: e.Seq, Key: "audit.bad-hash"})
		case sum([]byte(e.Detail)) != e.ContentHash:
			r.Problems = append(r.Problems, LogProblem{Seq: e.Seq, Key: "audit.bad-content"})
		}
		want = e.Seq + 1
		prev = e.Hash
		last[e.Entity+"/"+e.EntityID] = e.ContentHash
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return r, fmt.Errorf("read audit log: %w", err)
	}
	r.Head = prev

	check := func(entity, id string, state any) error {
		b, err := json.Marshal(state)
		if err != nil {
			return fmt.Errorf("encode %s %s: %w", entity, id, err)
		}
		h, ok := last[entity+"/"+id]
		switch {
		case !ok:
			r.Problems = append(r.Problems, LogProblem{Entity: entity, ID: id, Key: "audit.unlogged"})
		case h != sum(b):
			r.Problems = append(r.Problems, LogProblem{Entity: entity, ID: id, Key: "audit.changed"})
		}
		return nil
	}
	cases, err := s.allCases(ctx)
	if err != nil {
		return r, err
	}
	for _, c := range cases {
		r.Cases++
		if err := check("case", c.ID, c); err != nil {
			return r, err
		}
		evs, err := s.events(ctx, eventQuery{caseID: c.ID, archived: true, oldestFirst: true})
		if err != nil {
			return r, err
		}
		for _, e := range evs {
			r.Events++
			if err := check("event", e.ID, e); err != nil {
				return r, err
			}
		}
	}
	return r, nil
}
