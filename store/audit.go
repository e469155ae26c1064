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
	ActionImport  = "import"
	// ActionHistory records an earlier version brought in by an import.
	ActionHistory = "import-history"
	// ActionAnomaly records that the chain found at a write did not end at
	// the signed head: entries were removed or added outside Redress.
	ActionAnomaly = "anomaly"
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
	State       string `json:"state,omitempty"` // ChainState JSON on the last entry of a transaction
	PrevHash    string `json:"prev_hash"`
	Hash        string `json:"hash"`
}

// ChainState is what the database held when a transaction committed: the
// number of rows of every table the audit log covers. It is part of the
// hash of the transaction's last entry and of the signed head, so the head
// (printed in every dossier) attests how much evidence there was.
type ChainState struct {
	Cases         int `json:"cases"`
	CaseVersions  int `json:"case_versions"`
	Events        int `json:"events"`
	EventVersions int `json:"event_versions"`
	Attachments   int `json:"attachments"`
	Blobs         int `json:"blobs"`
	Dossiers      int `json:"dossiers"`
	Drafts        int `json:"drafts"`
	// Schema 4 (omitted while zero, so states written before read the same).
	Clients         int `json:"clients,omitempty"`
	ClientVersions  int `json:"client_versions,omitempty"`
	Profiles        int `json:"profile,omitempty"`
	ProfileVersions int `json:"profile_versions,omitempty"`
	Selections      int `json:"dossier_selections,omitempty"`
}

// stateTables pairs each ChainState count with its table.
func (c *ChainState) fields() []struct {
	table string
	n     *int
} {
	return []struct {
		table string
		n     *int
	}{
		{"cases", &c.Cases}, {"case_versions", &c.CaseVersions}, {"events", &c.Events},
		{"event_versions", &c.EventVersions}, {"attachments", &c.Attachments}, {"blobs", &c.Blobs},
		{"dossiers", &c.Dossiers}, {"letter_drafts", &c.Drafts},
		{"clients", &c.Clients}, {"client_versions", &c.ClientVersions}, {"profile", &c.Profiles},
		{"profile_versions", &c.ProfileVersions}, {"dossier_selections", &c.Selections},
	}
}

type rowQuerier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func countState(ctx context.Context, q rowQuerier) (ChainState, error) {
	var c ChainState
	for _, f := range c.fields() {
		if err := q.QueryRowContext(ctx, "SELECT COUNT(*) FROM "+f.table).Scan(f.n); err != nil {
			return c, fmt.Errorf("count %s: %w", f.table, err)
		}
	}
	return c, nil
}

func sum(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// chainHash is the hash of an entry: it covers every field and the previous
// entry's hash, so changing, removing or reordering any entry breaks the
// chain. Entries written before schema 3 have no state and hash as then.
func (e *AuditEntry) chainHash() string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%d\n%d\n%s\n%s\n%s\n%s\n%s\n", e.PrevHash, e.Seq, e.At, e.Action, e.Entity, e.EntityID, e.CaseID, e.ContentHash)
	if e.State != "" {
		fmt.Fprintf(h, "state %s\n", e.State)
	}
	h.Write([]byte(e.Detail))
	return hex.EncodeToString(h.Sum(nil))
}

// audit records the new state of an entity; the entry joins the chain when
// the transaction ends (flushAudit).
func (t *Tx) audit(action, entity, id, caseID string, state any) error {
	detail, err := json.Marshal(state)
	if err != nil {
		return fmt.Errorf("audit %s %s: %w", entity, id, err)
	}
	t.pending = append(t.pending, AuditEntry{At: ms(t.Now), Action: action, Entity: entity, EntityID: id,
		CaseID: caseID, ContentHash: sum(detail), Detail: string(detail)})
	return nil
}

// flushAudit appends the transaction's entries to the chain, the last one
// with the chain state, and signs the new head. When the chain no longer
// ends at the signed head (entries were removed or added outside Redress),
// an anomaly entry saying so goes first, so the next write cannot hide it.
func (t *Tx) flushAudit() error {
	if len(t.pending) == 0 {
		return nil
	}
	var lastSeq int64
	var lastHash string
	err := t.queryRow("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").Scan(&lastSeq, &lastHash)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("audit: read chain head: %w", err)
	}
	entries := t.pending
	t.pending = nil
	if t.s.key != nil {
		h, ok, err := readHead(t.ctx, t.tx)
		if err != nil {
			return err
		}
		if (ok && (h.Seq != lastSeq || h.Hash != lastHash)) || (!ok && lastSeq > 0) {
			detail, _ := json.Marshal(map[string]any{"signed_seq": h.Seq, "signed_hash": h.Hash,
				"found_seq": lastSeq, "found_hash": lastHash})
			anomaly := AuditEntry{At: ms(t.Now), Action: ActionAnomaly, Entity: "audit", EntityID: "head",
				ContentHash: sum(detail), Detail: string(detail)}
			entries = append([]AuditEntry{anomaly}, entries...)
		}
	}
	cs, err := countState(t.ctx, t.tx)
	if err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	state, _ := json.Marshal(cs)
	for i := range entries {
		e := &entries[i]
		e.Seq, e.PrevHash = lastSeq+1, lastHash
		if i == len(entries)-1 {
			e.State = string(state)
		}
		e.Hash = e.chainHash()
		if _, err := t.exec(`INSERT INTO audit (seq, at, action, entity, entity_id, case_id, content_hash, detail, state, prev_hash, hash)
			VALUES (?,?,?,?,?,?,?,?,?,?,?)`, e.Seq, e.At, e.Action, e.Entity, e.EntityID, e.CaseID, e.ContentHash, e.Detail,
			e.State, e.PrevHash, e.Hash); err != nil {
			return fmt.Errorf("audit %s %s: %w", e.Entity, e.EntityID, err)
		}
		lastSeq, lastHash = e.Seq, e.Hash
	}
	if t.s.key == nil {
		return nil
	}
	return writeHead(t.ctx, t.tx, t.s.key, lastSeq, lastHash, string(state))
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
	Entries     int          `json:"entries"`
	Head        string       `json:"head"`
	HeadSeq     int64        `json:"head_seq"`
	Signed      bool         `json:"signed"`                // the head's signature checks with the install key
	Fingerprint string       `json:"fingerprint,omitempty"` // of the install key
	State       ChainState   `json:"state"`                 // what the database holds now
	Cases       int          `json:"cases"`
	Events      int          `json:"events"`
	Files       int          `json:"files"`
	Deep        bool         `json:"deep"` // every stored file was re-hashed
	Problems    []LogProblem `json:"problems"`
}

// OK reports whether nothing was found wrong.
func (r LogReport) OK() bool { return len(r.Problems) == 0 }

func (r *LogReport) entry(seq int64, key string) {
	r.Problems = append(r.Problems, LogProblem{Seq: seq, Key: key})
}

func (r *LogReport) entity(entity, id, key string) {
	r.Problems = append(r.Problems, LogProblem{Entity: entity, ID: id, Key: key})
}

// replay is what the audit log says the database must hold.
type replay struct {
	last     map[string]string          // entity key → content hash of its newest entry
	states   map[string]map[string]bool // entity key → every content hash logged for it
	versions map[string]int             // entity key → earlier versions (or draft saves) it must have
	created  map[string]bool            // keys of cases, events, dossiers that were created or imported
}

func entityKey(entity, caseID, id string) string {
	if entity == "draft" || entity == "selection" {
		return "draft/" + caseID + "/" + id
	}
	return entity + "/" + id
}

func (p *replay) add(e *AuditEntry) {
	k := entityKey(e.Entity, e.CaseID, e.EntityID)
	if p.states[k] == nil {
		p.states[k] = map[string]bool{}
	}
	p.states[k][e.ContentHash] = true
	switch {
	case e.Action == ActionHistory:
		p.versions[k]++
		return // the newest state comes in its own entry
	case e.Entity == "draft":
		p.versions[k]++
	case e.Action == ActionUpdate && (e.Entity == "case" || e.Entity == "event" || e.Entity == "client" || e.Entity == "profile"):
		p.versions[k]++
	}
	if (e.Action == ActionCreate || e.Action == ActionImport) && (e.Entity == "case" || e.Entity == "event" || e.Entity == "dossier" ||
		e.Entity == "client" || e.Entity == "profile") {
		p.created[k] = true
	}
	p.last[k] = e.ContentHash
}

// VerifyLog checks the audit log (docs/ARCHIVE.md, "The audit log"): the
// chain of hashes, the signed head, and that the database holds exactly
// what the log recorded — every case, event, earlier version, dossier,
// draft and stored file, none missing, none added, none changed. Stored
// files are checked by size; VerifyLogDeep re-hashes their bytes too.
func (s *Store) VerifyLog(ctx context.Context) (LogReport, error) {
	return s.verifyLog(ctx, false, nil)
}

// VerifyLogDeep is VerifyLog that also re-hashes every stored file.
func (s *Store) VerifyLogDeep(ctx context.Context) (LogReport, error) {
	return s.verifyLog(ctx, true, nil)
}

// VerifyLogDeepProgress is VerifyLogDeep that tells progress, from the
// calling goroutine, how many of the stored files it has re-hashed (the
// long part: every byte is read): (0, total) once the log and the tables
// are checked, then after each file.
func (s *Store) VerifyLogDeepProgress(ctx context.Context, progress func(done, total int)) (LogReport, error) {
	return s.verifyLog(ctx, true, progress)
}

func (s *Store) verifyLog(ctx context.Context, deep bool, progress func(done, total int)) (LogReport, error) {
	r := LogReport{Problems: []LogProblem{}, Deep: deep}
	if s.damaged {
		r.entity("database", s.path, "audit.db-damaged")
	}
	p := replay{last: map[string]string{}, states: map[string]map[string]bool{}, versions: map[string]int{}, created: map[string]bool{}}
	if err := s.walkChain(ctx, &r, &p); err != nil {
		return r, err
	}
	if err := s.checkHead(ctx, &r); err != nil {
		return r, err
	}
	if err := s.checkEntities(ctx, &r, &p); err != nil {
		return r, err
	}
	if err := s.checkFiles(ctx, &r, deep, progress); err != nil {
		return r, err
	}
	return r, nil
}

func (s *Store) walkChain(ctx context.Context, r *LogReport, p *replay) error {
	rows, err := s.db.QueryContext(ctx, `SELECT seq, at, action, entity, entity_id, case_id, content_hash, detail, state, prev_hash, hash FROM audit ORDER BY seq`)
	if err != nil {
		return classify(fmt.Errorf("read audit log: %w", err), s.path)
	}
	defer rows.Close()
	prev := ""
	var want int64 = 1
	for rows.Next() {
		var e AuditEntry
		if err := rows.Scan(&e.Seq, &e.At, &e.Action, &e.Entity, &e.EntityID, &e.CaseID, &e.ContentHash, &e.Detail, &e.State, &e.PrevHash, &e.Hash); err != nil {
			return fmt.Errorf("read audit entry: %w", err)
		}
		r.Entries++
		switch {
		case e.Seq != want:
			r.entry(e.Seq, "audit.gap")
		case e.PrevHash != prev:
			r.entry(e.Seq, "audit.broken-link")
		case e.chainHash() != e.Hash:
			r.entry(e.Seq, "audit.bad-hash")
		case sum([]byte(e.Detail)) != e.ContentHash:
			r.entry(e.Seq, "audit.bad-content")
		}
		if e.Action == ActionAnomaly {
			r.entry(e.Seq, "audit.anomaly")
		}
		want = e.Seq + 1
		prev = e.Hash
		r.Head, r.HeadSeq = e.Hash, e.Seq
		p.add(&e)
	}
	if err := rows.Err(); err != nil {
		return classify(fmt.Errorf("read audit log: %w", err), s.path)
	}
	return nil
}

// checkHead compares the chain's end with the signed head.
func (s *Store) checkHead(ctx context.Context, r *LogReport) error {
	if s.key != nil {
		r.Fingerprint = fingerprint(s.key)
	}
	h, ok, err := readHead(ctx, s.db)
	if err != nil {
		return err
	}
	switch {
	case !ok && r.Entries > 0:
		r.entity("head", "", "audit.head-missing")
		return nil
	case !ok:
		return nil
	case h.Seq > r.HeadSeq:
		r.entity("head", fmt.Sprint(h.Seq), "audit.truncated")
	case h.Seq < r.HeadSeq:
		r.entity("head", fmt.Sprint(h.Seq), "audit.unsigned-entries")
	case h.Hash != r.Head:
		r.entity("head", fmt.Sprint(h.Seq), "audit.head-mismatch")
	}
	switch err := h.verify(s.key); {
	case err == nil:
		r.Signed = true
	case errors.Is(err, errOtherKey):
		r.entity("head", fmt.Sprint(h.Seq), "audit.other-key")
	default:
		r.entity("head", fmt.Sprint(h.Seq), "audit.bad-signature")
	}
	return nil
}

func (s *Store) checkEntities(ctx context.Context, r *LogReport, p *replay) error {
	seen := map[string]bool{}
	check := func(entity, caseID, id string, state any) error {
		b, err := json.Marshal(state)
		if err != nil {
			return fmt.Errorf("encode %s %s: %w", entity, id, err)
		}
		k := entityKey(entity, caseID, id)
		seen[k] = true
		h, ok := p.last[k]
		switch {
		case !ok:
			r.entity(entity, id, "audit.unlogged")
		case h != sum(b):
			r.entity(entity, id, "audit.changed")
		}
		return nil
	}
	cases, err := s.allCases(ctx)
	if err != nil {
		return err
	}
	for _, c := range cases {
		r.Cases++
		if err := check("case", c.ID, c.ID, c); err != nil {
			return err
		}
	}
	evs, err := s.events(ctx, eventQuery{archived: true, oldestFirst: true})
	if err != nil {
		return err
	}
	for _, e := range evs {
		r.Events++
		if err := check("event", e.CaseID, e.ID, e); err != nil {
			return err
		}
	}
	dossiers, err := s.allDossiers(ctx)
	if err != nil {
		return err
	}
	for _, d := range dossiers {
		if err := check("dossier", d.CaseID, d.ID, d); err != nil {
			return err
		}
	}
	if err := s.checkParalegal(ctx, check); err != nil {
		return err
	}
	for k := range p.created {
		if !seen[k] {
			entity, id, _ := cutKey(k)
			r.entity(entity, id, "audit.deleted")
		}
	}
	// Earlier versions and draft saves: each must be a state the log
	// recorded, with the version it claims, and none may be missing.
	have := map[string]int{}
	for _, v := range []struct{ entity, query string }{
		{"case", `SELECT case_id, case_id, version, data FROM case_versions ORDER BY case_id, version`},
		{"event", `SELECT e.case_id, v.event_id, v.version, v.data FROM event_versions v LEFT JOIN events e ON e.id = v.event_id ORDER BY v.event_id, v.version`},
		{"client", `SELECT '', client_id, version, data FROM client_versions ORDER BY client_id, version`},
		{"profile", `SELECT '', '1', version, data FROM profile_versions ORDER BY version`},
	} {
		rows, err := s.db.QueryContext(ctx, v.query)
		if err != nil {
			return classify(fmt.Errorf("read %s history: %w", v.entity, err), s.path)
		}
		for rows.Next() {
			var caseID sql.NullString
			var id, data string
			var version int
			if err := rows.Scan(&caseID, &id, &version, &data); err != nil {
				rows.Close()
				return fmt.Errorf("read %s history: %w", v.entity, err)
			}
			k := entityKey(v.entity, caseID.String, id)
			have[k]++
			var claimed struct {
				Version int `json:"version"`
			}
			if json.Unmarshal([]byte(data), &claimed) != nil || claimed.Version != version || !p.states[k][sum([]byte(data))] {
				r.entity(v.entity, id, "audit.forged-version")
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return classify(fmt.Errorf("read %s history: %w", v.entity, err), s.path)
		}
	}
	drafts, err := s.allDrafts(ctx)
	if err != nil {
		return err
	}
	for _, d := range drafts {
		id := d.Recipient + "/" + d.Language
		k := entityKey("draft", d.CaseID, id)
		have[k]++
		b, _ := json.Marshal(d)
		if !p.states[k][sum(b)] {
			r.entity("draft", id, "audit.forged-version")
		}
	}
	for k, n := range p.versions {
		if have[k] < n {
			entity, id, _ := cutKey(k)
			r.entity(entity, id, "audit.missing-version")
		}
	}
	var err2 error
	if r.State, err2 = countState(ctx, s.db); err2 != nil {
		return classify(err2, s.path)
	}
	return nil
}

// cutKey splits an entity key into the entity and the ID shown to users.
func cutKey(k string) (entity, id string, ok bool) {
	entity, rest, ok := cutFirst(k)
	if entity == "draft" || entity == "selection" {
		_, rest, _ = cutFirst(rest)
	}
	return entity, rest, ok
}

func cutFirst(s string) (string, string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == '/' {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

// checkFiles checks the stored files: every blob belongs to an attachment
// and every attachment to an event, each blob's chunks add up to its size
// without gaps, and (deep) its bytes hash to its SHA-256.
func (s *Store) checkFiles(ctx context.Context, r *LogReport, deep bool, progress func(done, total int)) error {
	orphans := []struct{ entity, query string }{
		{"attachment", `SELECT id FROM attachments WHERE event_id NOT IN (SELECT id FROM events)`},
		{"file", `SELECT sha256 FROM blobs WHERE sha256 NOT IN (SELECT sha256 FROM attachments)`},
		{"file", `SELECT DISTINCT sha256 FROM blob_chunks WHERE sha256 NOT IN (SELECT sha256 FROM blobs)`},
	}
	for _, o := range orphans {
		ids, err := s.strings(ctx, o.query)
		if err != nil {
			return err
		}
		for _, id := range ids {
			r.entity(o.entity, id, "audit.unlogged")
		}
	}
	missing, err := s.strings(ctx, `SELECT DISTINCT a.sha256 FROM attachments a LEFT JOIN blobs b ON b.sha256 = a.sha256 WHERE b.sha256 IS NULL`)
	if err != nil {
		return err
	}
	for _, sha := range missing {
		r.entity("file", sha, "audit.deleted")
	}
	rows, err := s.db.QueryContext(ctx, `SELECT b.sha256, b.size, COALESCE(SUM(length(c.data)), 0), COUNT(c.seq), COALESCE(MAX(c.seq), -1)
		FROM blobs b LEFT JOIN blob_chunks c ON c.sha256 = b.sha256 GROUP BY b.sha256 ORDER BY b.sha256`)
	if err != nil {
		return classify(fmt.Errorf("check stored files: %w", err), s.path)
	}
	type blob struct {
		sha  string
		size int64
	}
	var blobs []blob
	for rows.Next() {
		var b blob
		var total, n, maxSeq int64
		if err := rows.Scan(&b.sha, &b.size, &total, &n, &maxSeq); err != nil {
			rows.Close()
			return fmt.Errorf("check stored files: %w", err)
		}
		r.Files++
		if total != b.size || maxSeq != n-1 {
			r.entity("file", b.sha, "audit.blob-damaged")
			continue
		}
		blobs = append(blobs, b)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return classify(fmt.Errorf("check stored files: %w", err), s.path)
	}
	if !deep {
		return nil
	}
	if progress == nil {
		progress = func(int, int) {}
	}
	progress(0, len(blobs))
	for i, b := range blobs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := s.writeBlob(ctx, b.sha, b.sha, b.size, discard{}); err != nil {
			if errKey(err) != "attachment.damaged" {
				return err
			}
			r.entity("file", b.sha, "audit.blob-altered")
		}
		progress(i+1, len(blobs))
	}
	return nil
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

func (s *Store) strings(ctx context.Context, query string, args ...any) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, classify(fmt.Errorf("check: %w", err), s.path)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, fmt.Errorf("check: %w", err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
