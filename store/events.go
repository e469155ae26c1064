package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"redress/evidence"
	"redress/lang"
)

const eventColumns = `e.id, e.case_id, e.kind, e.at_utc, e.at_offset, e.recorded_at, e.summary, e.notes,
	e.reference, e.tags, e.details, e.version, e.archived_at`

// details is how the kind-specific part of an event is stored.
type details struct {
	Transaction *evidence.Transaction `json:"transaction,omitempty"`
	Contact     *evidence.Contact     `json:"contact,omitempty"`
	Exhibit     *evidence.Exhibit     `json:"exhibit,omitempty"`
	Letter      *evidence.Letter      `json:"letter,omitempty"`
	Response    *evidence.Response    `json:"response,omitempty"`
	Email       *evidence.Mail        `json:"email,omitempty"`
}

func scanEvent(r scanner) (evidence.Event, error) {
	var e evidence.Event
	var at, rec int64
	var off int
	var tags, det string
	var arch sql.NullInt64
	if err := r.Scan(&e.ID, &e.CaseID, &e.Kind, &at, &off, &rec, &e.Summary, &e.Notes, &e.Reference,
		&tags, &det, &e.Version, &arch); err != nil {
		return e, err
	}
	e.At = time.UnixMilli(at).In(zone(off))
	e.Recorded = fromMS(rec)
	e.Archived = fromNullMS(arch)
	if err := json.Unmarshal([]byte(tags), &e.Tags); err != nil {
		return e, fmt.Errorf("decode tags of event %s: %w", e.ID, err)
	}
	var d details
	if err := json.Unmarshal([]byte(det), &d); err != nil {
		return e, fmt.Errorf("decode details of event %s: %w", e.ID, err)
	}
	e.Transaction, e.Contact, e.Exhibit, e.Letter, e.Response, e.Email = d.Transaction, d.Contact, d.Exhibit, d.Letter, d.Response, d.Email
	if e.Contact != nil && e.Contact.PromiseBy != nil {
		p := e.Contact.PromiseBy.Truncate(0)
		e.Contact.PromiseBy = &p
	}
	e.Attachments = []evidence.Attachment{}
	return e, nil
}

// zone is a fixed zone for an offset in seconds; UTC for 0.
func zone(off int) *time.Location {
	if off == 0 {
		return time.UTC
	}
	return time.FixedZone("", off)
}

// normalizeTimes cuts times to what the database keeps (milliseconds) so
// the state written to the audit log is the state read back.
func normalizeTimes(e *evidence.Event) {
	e.At = e.At.Truncate(time.Millisecond).In(zone(e.Offset()))
	if e.Contact != nil && e.Contact.PromiseBy != nil {
		p := e.Contact.PromiseBy.Truncate(time.Millisecond)
		p = p.In(zone(offsetOf(p)))
		e.Contact.PromiseBy = &p
	}
}

func offsetOf(t time.Time) int {
	_, off := t.Zone()
	return off
}

// AddEvent validates and stores a new event with its files. The event, its
// attachments, their bytes, the search index and the audit entry commit
// together or not at all.
func (s *Store) AddEvent(ctx context.Context, e *evidence.Event, files []File) error {
	e.Normalize()
	if e.ID == "" {
		e.ID = evidence.NewID()
	}
	if err := e.Validate(); err != nil {
		return err
	}
	prepared := make([]preparedFile, 0, len(files))
	for _, f := range files {
		p, err := s.prepare(f)
		if err != nil {
			return err
		}
		prepared = append(prepared, p)
	}
	normalizeTimes(e)
	var result evidence.Event
	err := s.write(ctx, func(t *Tx) error {
		if _, err := t.caseByID(e.CaseID); err != nil {
			return err
		}
		if err := t.checkNewMail(e); err != nil {
			return err
		}
		e.Recorded, e.Version, e.Archived = t.Now, 1, nil
		tags, det, err := encodeEvent(e)
		if err != nil {
			return err
		}
		_, err = t.exec(`INSERT INTO events (id, case_id, kind, at_utc, at_offset, recorded_at, summary, notes, reference,
			tags, details, version, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
			e.ID, e.CaseID, e.Kind, ms(e.At), e.Offset(), ms(t.Now), e.Summary, e.Notes, e.Reference, tags, det, 1, ms(t.Now))
		if err != nil {
			return fmt.Errorf("insert event %s: %w", e.ID, err)
		}
		for i, p := range prepared {
			if _, err := t.storeFile(e.ID, i, p); err != nil {
				return err
			}
		}
		stored, err := t.eventByID(e.ID)
		if err != nil {
			return err
		}
		if err := t.indexEvent(&stored); err != nil {
			return err
		}
		result = stored
		return t.audit(ActionCreate, "event", e.ID, e.CaseID, stored)
	})
	if err == nil {
		*e = result
	}
	return err
}

func encodeEvent(e *evidence.Event) (tags, det string, err error) {
	tb, err := json.Marshal(e.Tags)
	if err != nil {
		return "", "", fmt.Errorf("encode tags of event %s: %w", e.ID, err)
	}
	db, err := json.Marshal(details{e.Transaction, e.Contact, e.Exhibit, e.Letter, e.Response, e.Email})
	if err != nil {
		return "", "", fmt.Errorf("encode details of event %s: %w", e.ID, err)
	}
	return string(tb), string(db), nil
}

// UpdateEvent stores an edited event (its kind, case and attachments stay).
// The version it replaces is kept in the event's history.
func (s *Store) UpdateEvent(ctx context.Context, e *evidence.Event) error {
	e.Normalize()
	if err := e.Validate(); err != nil {
		return err
	}
	normalizeTimes(e)
	var result evidence.Event
	err := s.write(ctx, func(t *Tx) error {
		old, err := t.eventByID(e.ID)
		if err != nil {
			return err
		}
		if old.Kind != e.Kind {
			return &evidence.FieldError{Field: "kind", Reason: evidence.ReasonNotForKind, Value: string(e.Kind)}
		}
		data, _ := json.Marshal(old)
		if _, err := t.exec(`INSERT INTO event_versions (event_id, version, data, replaced_at) VALUES (?,?,?,?)`,
			old.ID, old.Version, string(data), ms(t.Now)); err != nil {
			return fmt.Errorf("keep version %d of event %s: %w", old.Version, old.ID, err)
		}
		tags, det, err := encodeEvent(e)
		if err != nil {
			return err
		}
		if _, err := t.exec(`UPDATE events SET at_utc=?, at_offset=?, summary=?, notes=?, reference=?, tags=?, details=?,
			version=version+1, updated_at=? WHERE id=?`,
			ms(e.At), e.Offset(), e.Summary, e.Notes, e.Reference, tags, det, ms(t.Now), e.ID); err != nil {
			return fmt.Errorf("update event %s: %w", e.ID, err)
		}
		for _, a := range e.Attachments {
			if _, err := t.exec(`UPDATE attachments SET caption = ? WHERE id = ? AND event_id = ?`, strings.TrimSpace(a.Caption), a.ID, e.ID); err != nil {
				return fmt.Errorf("update caption of attachment %s: %w", a.ID, err)
			}
		}
		stored, err := t.eventByID(e.ID)
		if err != nil {
			return err
		}
		if err := t.indexEvent(&stored); err != nil {
			return err
		}
		result = stored
		return t.audit(ActionUpdate, "event", e.ID, e.CaseID, stored)
	})
	if err == nil {
		*e = result
	}
	return err
}

// ArchiveEvent hides an event from the timeline; it stays restorable.
func (s *Store) ArchiveEvent(ctx context.Context, id string) error {
	return s.setEventArchived(ctx, id, true)
}

// RestoreEvent brings an archived event back into the timeline.
func (s *Store) RestoreEvent(ctx context.Context, id string) error {
	return s.setEventArchived(ctx, id, false)
}

func (s *Store) setEventArchived(ctx context.Context, id string, archived bool) error {
	return s.write(ctx, func(t *Tx) error {
		e, err := t.eventByID(id)
		if err != nil {
			return err
		}
		var at any
		action := ActionRestore
		if archived {
			at, action = ms(t.Now), ActionArchive
		}
		if _, err := t.exec(`UPDATE events SET archived_at = ?, updated_at = ? WHERE id = ?`, at, ms(t.Now), id); err != nil {
			return fmt.Errorf("%s event %s: %w", action, id, err)
		}
		stored, err := t.eventByID(id)
		if err != nil {
			return err
		}
		if err := t.indexEvent(&stored); err != nil {
			return err
		}
		return t.audit(action, "event", id, e.CaseID, stored)
	})
}

func (t *Tx) eventByID(id string) (evidence.Event, error) {
	e, err := scanEvent(t.queryRow(`SELECT `+eventColumns+` FROM events e WHERE e.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return e, lang.E("event.not-found", "ref", id)
	}
	if err != nil {
		return e, fmt.Errorf("read event %s: %w", id, err)
	}
	atts, err := loadAttachments(t.ctx, t.tx, []string{id})
	if err != nil {
		return e, err
	}
	e.Attachments = atts[id]
	if e.Attachments == nil {
		e.Attachments = []evidence.Attachment{}
	}
	return e, nil
}

// Event reads one event with its attachments.
func (s *Store) Event(ctx context.Context, id string) (evidence.Event, error) {
	evs, err := s.events(ctx, eventQuery{ids: []string{id}, archived: true})
	if err != nil {
		return evidence.Event{}, err
	}
	if len(evs) == 0 {
		return evidence.Event{}, lang.E("event.not-found", "ref", id)
	}
	return evs[0], nil
}

// EventHistory returns the earlier versions of an event, oldest first.
func (s *Store) EventHistory(ctx context.Context, id string) ([]evidence.Event, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT data FROM event_versions WHERE event_id = ? ORDER BY version`, id)
	if err != nil {
		return nil, classify(fmt.Errorf("read history of event %s: %w", id, err), s.path)
	}
	defer rows.Close()
	var out []evidence.Event
	for rows.Next() {
		var data string
		var e evidence.Event
		if err := rows.Scan(&data); err != nil {
			return nil, fmt.Errorf("read history of event %s: %w", id, err)
		}
		if err := json.Unmarshal([]byte(data), &e); err != nil {
			return nil, fmt.Errorf("decode history of event %s: %w", id, err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Query selects a page of a case's timeline.
type Query struct {
	Kinds       []evidence.Kind // empty: every kind
	OldestFirst bool
	Archived    bool   // include archived events
	Text        string // full-text filter, as typed by the user
	Limit       int    // 0: no limit
	Offset      int
}

// Timeline returns a page of the case's events, newest first unless
// OldestFirst, each with its attachments.
func (s *Store) Timeline(ctx context.Context, caseID string, q Query) ([]evidence.Event, error) {
	return s.events(ctx, eventQuery{caseID: caseID, kinds: q.Kinds, oldestFirst: q.OldestFirst,
		archived: q.Archived, text: q.Text, limit: q.Limit, offset: q.Offset})
}

// Count returns how many events the case has that match q (ignoring its
// limit and offset).
func (s *Store) Count(ctx context.Context, caseID string, q Query) (int, error) {
	where, args := eventWhere(eventQuery{caseID: caseID, kinds: q.Kinds, archived: q.Archived, text: q.Text})
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM events e `+where, args...).Scan(&n)
	if err != nil {
		return 0, classify(fmt.Errorf("count events of %s: %w", caseID, err), s.path)
	}
	return n, nil
}

type eventQuery struct {
	caseID      string
	ids         []string
	kinds       []evidence.Kind
	oldestFirst bool
	archived    bool
	text        string
	activeCases bool // only events of cases that are not archived
	limit       int
	offset      int
}

func eventWhere(q eventQuery) (string, []any) {
	var conds []string
	var args []any
	if q.caseID != "" {
		conds = append(conds, "e.case_id = ?")
		args = append(args, q.caseID)
	}
	if len(q.ids) > 0 {
		conds = append(conds, "e.id IN ("+placeholders(len(q.ids))+")")
		for _, id := range q.ids {
			args = append(args, id)
		}
	}
	if len(q.kinds) > 0 {
		conds = append(conds, "e.kind IN ("+placeholders(len(q.kinds))+")")
		for _, k := range q.kinds {
			args = append(args, string(k))
		}
	}
	if q.text != "" {
		if fq := ftsQuery(q.text); fq == "" {
			conds = append(conds, "0")
		} else {
			conds = append(conds, "e.rowid IN (SELECT rowid FROM event_fts WHERE event_fts MATCH ?)")
			args = append(args, fq)
		}
	}
	if !q.archived {
		conds = append(conds, "e.archived_at IS NULL")
	}
	if q.activeCases {
		conds = append(conds, "e.case_id IN (SELECT id FROM cases WHERE archived_at IS NULL)")
	}
	if len(conds) == 0 {
		return "", nil
	}
	return "WHERE " + strings.Join(conds, " AND "), args
}

func (s *Store) events(ctx context.Context, q eventQuery) ([]evidence.Event, error) {
	where, args := eventWhere(q)
	query := `SELECT ` + eventColumns + ` FROM events e ` + where + timelineOrder(q.oldestFirst)
	if q.limit > 0 {
		query += fmt.Sprintf(" LIMIT %d OFFSET %d", q.limit, q.offset)
	}
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, classify(fmt.Errorf("read timeline: %w", err), s.path)
	}
	var out []evidence.Event
	ids := []string{}
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
		return nil, classify(fmt.Errorf("read timeline: %w", err), s.path)
	}
	if len(ids) == 0 {
		return out, nil
	}
	atts, err := loadAttachments(ctx, s.db, ids)
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

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}
