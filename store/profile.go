package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"redress/evidence"
)

// Profile returns the representative's profile, or ok false when none was
// set up.
func (s *Store) Profile(ctx context.Context) (p evidence.Profile, ok bool, err error) {
	var data string
	err = s.db.QueryRowContext(ctx, `SELECT data FROM profile WHERE id = 1`).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return p, false, nil
	}
	if err != nil {
		return p, false, classify(fmt.Errorf("read profile: %w", err), s.path)
	}
	if err := json.Unmarshal([]byte(data), &p); err != nil {
		return p, false, fmt.Errorf("decode profile: %w", err)
	}
	return p, true, nil
}

// SaveProfile validates and stores the representative's profile; the
// previous version is kept in profile_versions.
func (s *Store) SaveProfile(ctx context.Context, p *evidence.Profile) error {
	p.Normalize()
	if err := p.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(t *Tx) error {
		var old string
		var version int
		err := t.queryRow(`SELECT data, version FROM profile WHERE id = 1`).Scan(&old, &version)
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return fmt.Errorf("read profile: %w", err)
		default:
			if _, err := t.exec(`INSERT INTO profile_versions (version, data, replaced_at) VALUES (?,?,?)`, version, old, ms(t.Now)); err != nil {
				return fmt.Errorf("keep version %d of the profile: %w", version, err)
			}
		}
		p.Updated, p.Version = t.Now, version+1
		data, _ := json.Marshal(p)
		if _, err := t.exec(`INSERT INTO profile (id, data, updated_at, version) VALUES (1,?,?,?)
			ON CONFLICT (id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at, version = excluded.version`,
			string(data), ms(t.Now), p.Version); err != nil {
			return fmt.Errorf("save profile: %w", err)
		}
		action := ActionUpdate
		if version == 0 {
			action = ActionCreate
		}
		return t.audit(action, "profile", "1", "", p)
	})
}

// ProfileHistory returns the earlier versions of the profile, oldest first.
func (s *Store) ProfileHistory(ctx context.Context) ([]evidence.Profile, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT data FROM profile_versions ORDER BY version`)
	if err != nil {
		return nil, classify(fmt.Errorf("read profile history: %w", err), s.path)
	}
	defer rows.Close()
	var out []evidence.Profile
	for rows.Next() {
		var data string
		var p evidence.Profile
		if err := rows.Scan(&data); err != nil {
			return nil, fmt.Errorf("read profile history: %w", err)
		}
		if err := json.Unmarshal([]byte(data), &p); err != nil {
			return nil, fmt.Errorf("decode profile history: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// Selection is what a user chose to leave out of (Exclude) or put into
// (Include: private notes, left out by default) a case's dossier for one
// recipient. It is remembered for the next dossier.
type Selection struct {
	Exclude []string `json:"exclude"`
	Include []string `json:"include"`
}

// Selection returns the remembered choice for a case and recipient (empty
// when none).
func (s *Store) Selection(ctx context.Context, caseID, recipient string) (Selection, error) {
	var data string
	sel := Selection{Exclude: []string{}, Include: []string{}}
	err := s.db.QueryRowContext(ctx, `SELECT data FROM dossier_selections WHERE case_id = ? AND recipient = ?`, caseID, recipient).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return sel, nil
	}
	if err != nil {
		return sel, classify(fmt.Errorf("read dossier selection: %w", err), s.path)
	}
	if err := json.Unmarshal([]byte(data), &sel); err != nil {
		return sel, fmt.Errorf("decode dossier selection: %w", err)
	}
	return sel, nil
}

// Selections returns every remembered choice of a case, by recipient.
func (s *Store) Selections(ctx context.Context, caseID string) (map[string]Selection, error) {
	raw, err := s.stringMap(ctx, `SELECT recipient, data FROM dossier_selections WHERE case_id = ?`, caseID)
	if err != nil {
		return nil, err
	}
	out := map[string]Selection{}
	for to, data := range raw {
		var sel Selection
		if err := json.Unmarshal([]byte(data), &sel); err != nil {
			return nil, fmt.Errorf("decode dossier selection: %w", err)
		}
		out[to] = sel
	}
	return out, nil
}

// SetSelection remembers the choice for a case and recipient.
func (s *Store) SetSelection(ctx context.Context, caseID, recipient string, sel Selection) error {
	if sel.Exclude == nil {
		sel.Exclude = []string{}
	}
	if sel.Include == nil {
		sel.Include = []string{}
	}
	return s.write(ctx, func(t *Tx) error {
		if _, err := t.caseByID(caseID); err != nil {
			return err
		}
		return t.setSelection(caseID, recipient, sel)
	})
}

func (t *Tx) setSelection(caseID, recipient string, sel Selection) error {
	data, _ := json.Marshal(sel)
	if _, err := t.exec(`INSERT INTO dossier_selections (case_id, recipient, data, updated_at) VALUES (?,?,?,?)
		ON CONFLICT (case_id, recipient) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
		caseID, recipient, string(data), ms(t.Now)); err != nil {
		return fmt.Errorf("save dossier selection: %w", err)
	}
	return t.audit(ActionUpdate, "selection", recipient, caseID, sel)
}

type selectionRow struct {
	caseID, recipient string
	sel               Selection
}

func (s *Store) allSelections(ctx context.Context) ([]selectionRow, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT case_id, recipient, data FROM dossier_selections ORDER BY case_id, recipient`)
	if err != nil {
		return nil, classify(fmt.Errorf("read dossier selections: %w", err), s.path)
	}
	defer rows.Close()
	var out []selectionRow
	for rows.Next() {
		var r selectionRow
		var data string
		if err := rows.Scan(&r.caseID, &r.recipient, &data); err != nil {
			return nil, fmt.Errorf("read dossier selections: %w", err)
		}
		if err := json.Unmarshal([]byte(data), &r.sel); err != nil {
			r.sel = Selection{Exclude: []string{"<damaged>"}} // compares unequal to every logged state
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// checkParalegal compares the clients, the profile and the dossier
// selections with their last logged states (VerifyLog).
func (s *Store) checkParalegal(ctx context.Context, check func(entity, caseID, id string, state any) error) error {
	clients, err := s.allClientRows(ctx)
	if err != nil {
		return err
	}
	for _, c := range clients {
		if err := check("client", "", c.ID, c); err != nil {
			return err
		}
	}
	if p, ok, err := s.Profile(ctx); err != nil {
		return err
	} else if ok {
		if err := check("profile", "", "1", p); err != nil {
			return err
		}
	}
	sels, err := s.allSelections(ctx)
	if err != nil {
		return err
	}
	for _, r := range sels {
		if err := check("selection", r.caseID, r.recipient, r.sel); err != nil {
			return err
		}
	}
	return nil
}
