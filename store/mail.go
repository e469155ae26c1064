package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"redress/evidence"
)

// DuplicateMail is the error of AddEvent for an email the case holds
// already: an event with the same evidence.Mail.Key (the same Message-ID,
// or for a message without one the same date, sender, subject and body).
type DuplicateMail struct {
	Key      string
	EventID  string // the event that holds it
	Archived bool   // that event is archived (it can be restored)
}

func (d *DuplicateMail) Error() string {
	return fmt.Sprintf("the case already holds this email (%s) as event %s", d.Key, d.EventID)
}

// checkNewMail refuses an event for an email its case holds already. It
// runs inside the write transaction, so two imports of one message at
// once (the app and the command line) cannot both store it.
func (t *Tx) checkNewMail(e *evidence.Event) error {
	if e.Email == nil || e.Email.Key == "" {
		return nil
	}
	var id string
	var archived sql.NullInt64
	err := t.queryRow(`SELECT id, archived_at FROM events WHERE case_id = ? AND json_extract(details, '$.email.key') = ?
		ORDER BY archived_at IS NOT NULL, recorded_at LIMIT 1`, e.CaseID, e.Email.Key).Scan(&id, &archived)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return fmt.Errorf("look for email %s: %w", e.Email.Key, err)
	}
	return &DuplicateMail{Key: e.Email.Key, EventID: id, Archived: archived.Valid}
}

// MailKeys returns the keys of the emails a case holds, each with the
// event that holds it (archived events included).
func (s *Store) MailKeys(ctx context.Context, caseID string) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT json_extract(details, '$.email.key'), id FROM events
		WHERE case_id = ? AND json_extract(details, '$.email.key') IS NOT NULL`, caseID)
	if err != nil {
		return nil, classify(fmt.Errorf("read the emails of case %s: %w", caseID, err), s.path)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var k, id string
		if err := rows.Scan(&k, &id); err != nil {
			return nil, fmt.Errorf("read the emails of case %s: %w", caseID, err)
		}
		out[k] = id
	}
	return out, rows.Err()
}
