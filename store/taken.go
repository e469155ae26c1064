package store

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"slices"
	"time"

	"redress/evidence"
)

// Capture times (schema 5). Each attachment row carries the picture's
// capture time beside its import time: taken_source is NULL until it has
// been worked out, '' when nothing is known, else an evidence.Taken source.

// ActionDerive records an event whose state changed because Redress worked
// out something from its stored files (the capture times of pictures
// stored before schema 5). It is no edit: no earlier version is kept.
const ActionDerive = "derive"

const takenColumns = `a.taken_at, a.taken_offset, a.taken_offset_known, a.taken_source, a.taken_tag, a.taken_converted_from`

// takenRow is the capture-time columns of one attachment.
type takenRow struct {
	at     sql.NullInt64
	offset int
	known  bool
	source sql.NullString
	tag    string
	from   string
}

func (r takenRow) taken() *evidence.Taken {
	if !r.at.Valid || !r.source.Valid || r.source.String == "" {
		return nil
	}
	t := &evidence.Taken{OffsetKnown: r.known, Source: r.source.String, Tag: r.tag, ConvertedFrom: r.from}
	if r.known {
		t.At = time.UnixMilli(r.at.Int64).In(zone(r.offset))
	} else {
		t.At = time.UnixMilli(r.at.Int64).UTC()
	}
	return t
}

// takenValues are the column values for t; pending (t nil and not yet
// worked out) leaves the source NULL.
func takenValues(t *evidence.Taken, pending bool) (at, offset, known, source any) {
	switch {
	case t == nil && pending:
		return nil, 0, false, nil
	case t == nil:
		return nil, 0, false, ""
	}
	a := t.At.Truncate(time.Millisecond)
	if t.OffsetKnown {
		return a.UnixMilli(), offsetOf(a), true, t.Source
	}
	clock := time.Date(a.Year(), a.Month(), a.Day(), a.Hour(), a.Minute(), a.Second(), a.Nanosecond(), time.UTC)
	return clock.UnixMilli(), 0, false, t.Source
}

// insertAttachment links a stored file to an event. An attachment without
// a capture time is left for the next open to work out from its bytes
// (app.Open), so that no file is ever marked "unknown" unread.
func (t *Tx) insertAttachment(a evidence.Attachment, eventID string, pos int) error {
	at, off, known, source := takenValues(a.Taken, true)
	tag, from := "", ""
	if a.Taken != nil {
		tag, from = a.Taken.Tag, a.Taken.ConvertedFrom
	}
	_, err := t.exec(`INSERT INTO attachments (id, event_id, sha256, name, caption, imported_at, position,
		taken_at, taken_offset, taken_offset_known, taken_source, taken_tag, taken_converted_from) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		a.ID, eventID, a.SHA256, a.Name, a.Caption, ms(a.Imported), pos, at, off, known, source, tag, from)
	return err
}

// Pending is an attachment whose capture time has not been worked out.
type Pending struct {
	ID        string
	EventID   string
	SHA256    string
	MediaType string
	Size      int64
}

// PendingTaken lists the attachments whose capture time has not been
// worked out yet: stored before schema 5, or imported from an archive
// that did not carry one.
func (s *Store) PendingTaken(ctx context.Context) ([]Pending, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.event_id, a.sha256, b.media_type, b.size
		FROM attachments a JOIN blobs b ON b.sha256 = a.sha256 WHERE a.taken_source IS NULL ORDER BY a.event_id, a.position`)
	if err != nil {
		return nil, classify(fmt.Errorf("read pending capture times: %w", err), s.path)
	}
	defer rows.Close()
	var out []Pending
	for rows.Next() {
		var p Pending
		if err := rows.Scan(&p.ID, &p.EventID, &p.SHA256, &p.MediaType, &p.Size); err != nil {
			return nil, fmt.Errorf("read pending capture times: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// SetTaken records the capture times worked out for pending attachments
// (nil: nothing known), in one transaction. Attachments whose time was
// recorded meanwhile (by another process) are left alone. Every event that
// gained a capture time gets an audit entry (ActionDerive) with its new
// state, so verify-log keeps matching the database.
func (s *Store) SetTaken(ctx context.Context, taken map[string]*evidence.Taken) error {
	if len(taken) == 0 {
		return nil
	}
	return s.write(ctx, func(t *Tx) error {
		changed := map[string]bool{}
		var order []string
		for _, id := range slices.Sorted(maps.Keys(taken)) {
			tk := taken[id]
			if tk != nil {
				if err := tk.Validate(); err != nil {
					return fmt.Errorf("capture time of attachment %s: %w", id, err)
				}
			}
			at, off, known, source := takenValues(tk, false)
			tag, from := "", ""
			if tk != nil {
				tag, from = tk.Tag, tk.ConvertedFrom
			}
			res, err := t.exec(`UPDATE attachments SET taken_at = ?, taken_offset = ?, taken_offset_known = ?, taken_source = ?,
				taken_tag = ?, taken_converted_from = ? WHERE id = ? AND taken_source IS NULL`, at, off, known, source, tag, from, id)
			if err != nil {
				return fmt.Errorf("record capture time of attachment %s: %w", id, err)
			}
			if n, _ := res.RowsAffected(); n == 0 || tk == nil {
				continue
			}
			var ev string
			if err := t.queryRow(`SELECT event_id FROM attachments WHERE id = ?`, id).Scan(&ev); err != nil {
				return fmt.Errorf("record capture time of attachment %s: %w", id, err)
			}
			if !changed[ev] {
				changed[ev] = true
				order = append(order, ev)
			}
		}
		for _, id := range order {
			e, err := t.eventByID(id)
			if err != nil {
				return err
			}
			if err := t.audit(ActionDerive, "event", e.ID, e.CaseID, e); err != nil {
				return err
			}
		}
		return nil
	})
}
