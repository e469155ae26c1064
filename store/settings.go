package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Overrides returns the case's rule overrides: rule ID → window text.
func (s *Store) Overrides(ctx context.Context, caseID string) (map[string]string, error) {
	return s.stringMap(ctx, `SELECT rule_id, span FROM case_overrides WHERE case_id = ?`, caseID)
}

// SetOverride sets (window != "") or removes (window == "") a rule override.
func (s *Store) SetOverride(ctx context.Context, caseID, ruleID, window string) error {
	return s.write(ctx, func(t *Tx) error {
		if _, err := t.caseByID(caseID); err != nil {
			return err
		}
		var err error
		if window == "" {
			_, err = t.exec(`DELETE FROM case_overrides WHERE case_id = ? AND rule_id = ?`, caseID, ruleID)
		} else {
			_, err = t.exec(`INSERT INTO case_overrides (case_id, rule_id, span, updated_at) VALUES (?,?,?,?)
				ON CONFLICT (case_id, rule_id) DO UPDATE SET span = excluded.span, updated_at = excluded.updated_at`,
				caseID, ruleID, window, ms(t.Now))
		}
		if err != nil {
			return fmt.Errorf("override %s for case %s: %w", ruleID, caseID, err)
		}
		return t.audit(ActionUpdate, "override", ruleID, caseID, map[string]string{"rule": ruleID, "window": window})
	})
}

// Checklist returns the items ticked or unticked by hand for a case.
func (s *Store) Checklist(ctx context.Context, caseID string) (map[string]bool, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT item_id, done FROM checklist WHERE case_id = ?`, caseID)
	if err != nil {
		return nil, classify(fmt.Errorf("read checklist of %s: %w", caseID, err), s.path)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var id string
		var done bool
		if err := rows.Scan(&id, &done); err != nil {
			return nil, fmt.Errorf("read checklist of %s: %w", caseID, err)
		}
		out[id] = done
	}
	return out, rows.Err()
}

// SetChecklist records that an item was ticked (or unticked) by hand.
func (s *Store) SetChecklist(ctx context.Context, caseID, itemID string, done bool) error {
	return s.write(ctx, func(t *Tx) error {
		if _, err := t.caseByID(caseID); err != nil {
			return err
		}
		if _, err := t.exec(`INSERT INTO checklist (case_id, item_id, done, updated_at) VALUES (?,?,?,?)
			ON CONFLICT (case_id, item_id) DO UPDATE SET done = excluded.done, updated_at = excluded.updated_at`,
			caseID, itemID, done, ms(t.Now)); err != nil {
			return fmt.Errorf("checklist %s for case %s: %w", itemID, caseID, err)
		}
		return t.audit(ActionUpdate, "checklist", itemID, caseID, map[string]any{"item": itemID, "done": done})
	})
}

// Holiday is one day off (or a make-up working day) in a jurisdiction.
type Holiday struct {
	Jurisdiction string `json:"jurisdiction"`
	Day          string `json:"day"` // YYYY-MM-DD
	Name         string `json:"name"`
	Working      bool   `json:"working"` // a weekend day that is a working day (CN 调休)
}

// Holidays returns a jurisdiction's holidays, in date order.
func (s *Store) Holidays(ctx context.Context, jurisdiction string) ([]Holiday, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT jurisdiction, day, name, working FROM holidays WHERE jurisdiction = ? ORDER BY day`, jurisdiction)
	if err != nil {
		return nil, classify(fmt.Errorf("read holidays: %w", err), s.path)
	}
	defer rows.Close()
	var out []Holiday
	for rows.Next() {
		var h Holiday
		if err := rows.Scan(&h.Jurisdiction, &h.Day, &h.Name, &h.Working); err != nil {
			return nil, fmt.Errorf("read holidays: %w", err)
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// SetHolidays adds or replaces days in a jurisdiction's calendar (one
// transaction), and removes the days in remove.
func (s *Store) SetHolidays(ctx context.Context, jurisdiction string, add []Holiday, remove []string) error {
	return s.write(ctx, func(t *Tx) error {
		for _, h := range add {
			if _, err := time.Parse("2006-01-02", h.Day); err != nil {
				return fmt.Errorf("holiday %q: %w", h.Day, err)
			}
			if _, err := t.exec(`INSERT INTO holidays (jurisdiction, day, name, working) VALUES (?,?,?,?)
				ON CONFLICT (jurisdiction, day) DO UPDATE SET name = excluded.name, working = excluded.working`,
				jurisdiction, h.Day, h.Name, h.Working); err != nil {
				return fmt.Errorf("save holiday %s: %w", h.Day, err)
			}
		}
		for _, d := range remove {
			if _, err := t.exec(`DELETE FROM holidays WHERE jurisdiction = ? AND day = ?`, jurisdiction, d); err != nil {
				return fmt.Errorf("remove holiday %s: %w", d, err)
			}
		}
		return t.audit(ActionUpdate, "holidays", jurisdiction, "", map[string]any{"add": add, "remove": remove})
	})
}

// Draft is the saved text of a letter for one recipient and language.
type Draft struct {
	CaseID    string    `json:"case_id"`
	Recipient string    `json:"recipient"`
	Language  string    `json:"language"`
	Version   int       `json:"version"`
	Text      string    `json:"text"`
	Saved     time.Time `json:"saved"`
}

// Draft returns the newest draft, or ok false when there is none.
func (s *Store) Draft(ctx context.Context, caseID, recipient, language string) (Draft, bool, error) {
	d := Draft{CaseID: caseID, Recipient: recipient, Language: language}
	var saved int64
	err := s.db.QueryRowContext(ctx, `SELECT version, text, saved_at FROM letter_drafts
		WHERE case_id = ? AND recipient = ? AND language = ? ORDER BY version DESC LIMIT 1`, caseID, recipient, language).
		Scan(&d.Version, &d.Text, &saved)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return d, false, nil
		}
		return d, false, classify(fmt.Errorf("read draft: %w", err), s.path)
	}
	d.Saved = fromMS(saved)
	return d, true, nil
}

// Drafts returns every version of every draft of a case, oldest first.
func (s *Store) Drafts(ctx context.Context, caseID string) ([]Draft, error) {
	return s.drafts(ctx, `WHERE case_id = ? ORDER BY recipient, language, version`, caseID)
}

func (s *Store) allDrafts(ctx context.Context) ([]Draft, error) {
	return s.drafts(ctx, `ORDER BY case_id, recipient, language, version`)
}

func (s *Store) drafts(ctx context.Context, where string, args ...any) ([]Draft, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT case_id, recipient, language, version, text, saved_at FROM letter_drafts `+where, args...)
	if err != nil {
		return nil, classify(fmt.Errorf("read drafts: %w", err), s.path)
	}
	defer rows.Close()
	var out []Draft
	for rows.Next() {
		var d Draft
		var saved int64
		if err := rows.Scan(&d.CaseID, &d.Recipient, &d.Language, &d.Version, &d.Text, &saved); err != nil {
			return nil, fmt.Errorf("read drafts: %w", err)
		}
		d.Saved = fromMS(saved)
		out = append(out, d)
	}
	return out, rows.Err()
}

// SaveDraft stores a new version of a letter draft; earlier versions stay.
func (s *Store) SaveDraft(ctx context.Context, caseID, recipient, language, text string) (Draft, error) {
	d := Draft{CaseID: caseID, Recipient: recipient, Language: language, Text: text}
	err := s.write(ctx, func(t *Tx) error {
		if _, err := t.caseByID(caseID); err != nil {
			return err
		}
		if err := t.queryRow(`SELECT COALESCE(MAX(version), 0) + 1 FROM letter_drafts WHERE case_id = ? AND recipient = ? AND language = ?`,
			caseID, recipient, language).Scan(&d.Version); err != nil {
			return fmt.Errorf("save draft: %w", err)
		}
		d.Saved = t.Now
		if _, err := t.exec(`INSERT INTO letter_drafts (case_id, recipient, language, version, text, saved_at) VALUES (?,?,?,?,?,?)`,
			caseID, recipient, language, d.Version, text, ms(t.Now)); err != nil {
			return fmt.Errorf("save draft: %w", err)
		}
		return t.audit(ActionUpdate, "draft", recipient+"/"+language, caseID, d)
	})
	return d, err
}

// DossierRecord is a generated dossier PDF.
type DossierRecord struct {
	ID        string    `json:"id"`
	CaseID    string    `json:"case_id"`
	Recipient string    `json:"recipient"`
	Language  string    `json:"language"`
	SHA256    string    `json:"sha256"`
	Size      int64     `json:"size"`
	Pages     int       `json:"pages"`
	Path      string    `json:"path"`
	Created   time.Time `json:"created"`
}

// RecordDossier notes a generated dossier in the database and the audit log.
func (s *Store) RecordDossier(ctx context.Context, d *DossierRecord) error {
	return s.write(ctx, func(t *Tx) error {
		if _, err := t.caseByID(d.CaseID); err != nil {
			return err
		}
		d.Created = t.Now
		if _, err := t.exec(`INSERT INTO dossiers (id, case_id, recipient, language, sha256, size, pages, path, created_at)
			VALUES (?,?,?,?,?,?,?,?,?)`, d.ID, d.CaseID, d.Recipient, d.Language, d.SHA256, d.Size, d.Pages, d.Path, ms(t.Now)); err != nil {
			return fmt.Errorf("record dossier: %w", err)
		}
		return t.audit(ActionCreate, "dossier", d.ID, d.CaseID, d)
	})
}

// Dossiers lists a case's generated dossiers, newest first.
func (s *Store) Dossiers(ctx context.Context, caseID string) ([]DossierRecord, error) {
	return s.dossiers(ctx, `WHERE case_id = ? ORDER BY created_at DESC`, caseID)
}

// DossiersBySHA finds the dossiers recorded with this SHA-256, in any case.
func (s *Store) DossiersBySHA(ctx context.Context, sha string) ([]DossierRecord, error) {
	return s.dossiers(ctx, `WHERE sha256 = ? ORDER BY created_at DESC`, sha)
}

func (s *Store) allDossiers(ctx context.Context) ([]DossierRecord, error) {
	return s.dossiers(ctx, `ORDER BY created_at, id`)
}

func (s *Store) dossiers(ctx context.Context, where string, args ...any) ([]DossierRecord, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, case_id, recipient, language, sha256, size, pages, path, created_at
		FROM dossiers `+where, args...)
	if err != nil {
		return nil, classify(fmt.Errorf("read dossiers: %w", err), s.path)
	}
	defer rows.Close()
	var out []DossierRecord
	for rows.Next() {
		var d DossierRecord
		var created int64
		if err := rows.Scan(&d.ID, &d.CaseID, &d.Recipient, &d.Language, &d.SHA256, &d.Size, &d.Pages, &d.Path, &created); err != nil {
			return nil, fmt.Errorf("read dossiers: %w", err)
		}
		d.Created = fromMS(created)
		out = append(out, d)
	}
	return out, rows.Err()
}

func (s *Store) stringMap(ctx context.Context, query string, args ...any) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, classify(fmt.Errorf("read settings: %w", err), s.path)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, fmt.Errorf("read settings: %w", err)
		}
		out[k] = v
	}
	return out, rows.Err()
}
