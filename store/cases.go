package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"redress/evidence"
	"redress/lang"
)

const caseColumns = `id, title, provider, problem, jurisdiction, amount_minor, currency, incident,
	complainant_name, complainant_contact, complainant_address, account_id, remedy, language, status,
	created_at, updated_at, archived_at, version, ` + detailColumns

// detailColumns are the case's details for the official forms (schema 4),
// in the order of caseDetails.
const detailColumns = `complainant_phone, complainant_email, complainant_postcode, complainant_city,
	complainant_birth_date, complainant_id_number, complainant_prefers, provider_legal_name, provider_address,
	provider_reg_no, provider_email, provider_contact, product, final_response, final_mentions_ombudsman,
	client_id, represented`

// caseDetails points at the case's details in detailColumns order, for
// Scan and, dereferenced, for Exec.
func caseDetails(c *evidence.Case) []any {
	p, b := &c.Complainant, &c.Business
	return []any{&p.Phone, &p.Email, &p.Postcode, &p.City, &p.BirthDate, &p.IDNumber, &p.Prefers,
		&b.LegalName, &b.Address, &b.RegNo, &b.Email, &b.Contact, &c.Product, &c.FinalResponse,
		&c.FinalMentionsOmbudsman, &c.ClientID, &c.Represented}
}

// caseValues is the case's values in caseColumns order.
func caseValues(c *evidence.Case, created, updated int64, archived any, version int) []any {
	vs := []any{c.ID, c.Title, c.Provider, c.Problem, c.Jurisdiction, c.Amount.Minor, c.Amount.Currency, c.Incident,
		c.Complainant.Name, c.Complainant.Contact, c.Complainant.Address, c.Complainant.AccountID, c.Remedy,
		c.Language, c.Status, created, updated, archived, version}
	for _, p := range caseDetails(c) {
		switch v := p.(type) {
		case *string:
			vs = append(vs, *v)
		case *bool:
			vs = append(vs, *v)
		}
	}
	return vs
}

// caseMarks is the placeholder list for caseColumns.
var caseMarks = strings.TrimSuffix(strings.Repeat("?,", len(strings.Split(caseColumns, ","))), ",")

type scanner interface{ Scan(dest ...any) error }

func scanCase(r scanner, extra ...any) (evidence.Case, error) {
	var c evidence.Case
	var created, updated int64
	var archived sql.NullInt64
	dest := append([]any{&c.ID, &c.Title, &c.Provider, &c.Problem, &c.Jurisdiction, &c.Amount.Minor, &c.Amount.Currency,
		&c.Incident, &c.Complainant.Name, &c.Complainant.Contact, &c.Complainant.Address, &c.Complainant.AccountID,
		&c.Remedy, &c.Language, &c.Status, &created, &updated, &archived, &c.Version}, caseDetails(&c)...)
	err := r.Scan(append(dest, extra...)...)
	c.Created, c.Updated, c.Archived = fromMS(created), fromMS(updated), fromNullMS(archived)
	return c, err
}

// CreateCase validates and stores a new case, filling its ID (when empty),
// times and version.
func (s *Store) CreateCase(ctx context.Context, c *evidence.Case) error {
	c.Normalize()
	if c.ID == "" {
		c.ID = evidence.NewID()
	}
	if err := c.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(t *Tx) error {
		c.Created, c.Updated, c.Version, c.Archived = t.Now, t.Now, 1, nil
		if err := t.checkClient(c.ClientID); err != nil {
			return err
		}
		_, err := t.exec(`INSERT INTO cases (`+caseColumns+`) VALUES (`+caseMarks+`)`,
			caseValues(c, ms(t.Now), ms(t.Now), nil, 1)...)
		if err != nil {
			return fmt.Errorf("insert case %s: %w", c.ID, err)
		}
		if err := t.indexCase(c); err != nil {
			return err
		}
		return t.auditCase(ActionCreate, c.ID)
	})
}

// UpdateCase stores new facts for an existing case. The previous version is
// kept in the case's history.
func (s *Store) UpdateCase(ctx context.Context, c *evidence.Case) error {
	c.Normalize()
	if err := c.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(t *Tx) error {
		old, err := t.caseByID(c.ID)
		if err != nil {
			return err
		}
		data, _ := json.Marshal(old)
		if _, err := t.exec(`INSERT INTO case_versions (case_id, version, data, replaced_at) VALUES (?,?,?,?)`,
			old.ID, old.Version, string(data), ms(t.Now)); err != nil {
			return fmt.Errorf("keep version %d of case %s: %w", old.Version, old.ID, err)
		}
		if c.ClientID != old.ClientID {
			if err := t.checkClient(c.ClientID); err != nil {
				return err
			}
		}
		if err := t.updateCase(c); err != nil {
			return err
		}
		if err := t.indexCase(c); err != nil {
			return err
		}
		if err := t.auditCase(ActionUpdate, c.ID); err != nil {
			return err
		}
		*c, err = t.caseByID(c.ID)
		return err
	})
}

// ArchiveCase hides a case from the case list; nothing is deleted.
func (s *Store) ArchiveCase(ctx context.Context, id string) error {
	return s.setCaseArchived(ctx, id, true)
}

// RestoreCase brings an archived case back.
func (s *Store) RestoreCase(ctx context.Context, id string) error {
	return s.setCaseArchived(ctx, id, false)
}

func (s *Store) setCaseArchived(ctx context.Context, id string, archived bool) error {
	return s.write(ctx, func(t *Tx) error {
		if _, err := t.caseByID(id); err != nil {
			return err
		}
		var at any
		action := ActionRestore
		if archived {
			at, action = ms(t.Now), ActionArchive
		}
		if _, err := t.exec(`UPDATE cases SET archived_at=?, updated_at=? WHERE id=?`, at, ms(t.Now), id); err != nil {
			return fmt.Errorf("%s case %s: %w", action, id, err)
		}
		return t.auditCase(action, id)
	})
}

// updateCase writes the case's facts over the stored row (whose previous
// version the caller kept) and counts a new version.
func (t *Tx) updateCase(c *evidence.Case) error {
	vs := caseValues(c, 0, ms(t.Now), nil, 0)
	cols := strings.Split(caseColumns, ",")
	var set []string
	var args []any
	for i, col := range cols {
		switch col = strings.TrimSpace(col); col {
		case "id", "created_at", "archived_at", "version":
			continue
		}
		set = append(set, col+"=?")
		args = append(args, vs[i])
	}
	args = append(args, c.ID)
	if _, err := t.exec(`UPDATE cases SET `+strings.Join(set, ", ")+`, version=version+1 WHERE id=?`, args...); err != nil {
		return fmt.Errorf("update case %s: %w", c.ID, err)
	}
	return nil
}

func (t *Tx) auditCase(action, id string) error {
	c, err := t.caseByID(id)
	if err != nil {
		return err
	}
	return t.audit(action, "case", id, id, c)
}

func (t *Tx) caseByID(id string) (evidence.Case, error) {
	c, err := scanCase(t.queryRow(`SELECT `+caseColumns+` FROM cases WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, lang.E("case.not-found", "ref", id)
	}
	if err != nil {
		return c, fmt.Errorf("read case %s: %w", id, err)
	}
	return c, nil
}

func (t *Tx) indexCase(c *evidence.Case) error {
	var rowid int64
	if err := t.queryRow(`SELECT rowid FROM cases WHERE id = ?`, c.ID).Scan(&rowid); err != nil {
		return fmt.Errorf("index case %s: %w", c.ID, err)
	}
	body := segment(c.Title, c.Provider, c.Remedy, c.Complainant.Name, c.Complainant.AccountID, c.Complainant.Contact)
	if _, err := t.exec(`DELETE FROM case_fts WHERE rowid = ?`, rowid); err != nil {
		return fmt.Errorf("index case %s: %w", c.ID, err)
	}
	if _, err := t.exec(`INSERT INTO case_fts (rowid, body) VALUES (?, ?)`, rowid, body); err != nil {
		return fmt.Errorf("index case %s: %w", c.ID, err)
	}
	return nil
}

// Case reads one case by its full ID.
func (s *Store) Case(ctx context.Context, id string) (evidence.Case, error) {
	c, err := scanCase(s.db.QueryRowContext(ctx, `SELECT `+caseColumns+` FROM cases WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, lang.E("case.not-found", "ref", id)
	}
	if err != nil {
		return c, classify(fmt.Errorf("read case %s: %w", id, err), s.path)
	}
	return c, nil
}

// CaseHistory returns the earlier versions of a case, oldest first.
func (s *Store) CaseHistory(ctx context.Context, id string) ([]evidence.Case, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT data FROM case_versions WHERE case_id = ? ORDER BY version`, id)
	if err != nil {
		return nil, classify(fmt.Errorf("read history of case %s: %w", id, err), s.path)
	}
	defer rows.Close()
	var out []evidence.Case
	for rows.Next() {
		var data string
		var c evidence.Case
		if err := rows.Scan(&data); err != nil {
			return nil, fmt.Errorf("read history of case %s: %w", id, err)
		}
		if err := json.Unmarshal([]byte(data), &c); err != nil {
			return nil, fmt.Errorf("decode history of case %s: %w", id, err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// ResolveCase turns a full case ID or a unique prefix of one into the ID.
func (s *Store) ResolveCase(ctx context.Context, ref string) (string, error) {
	ref = strings.ToLower(strings.TrimSpace(ref))
	if ref == "" {
		return "", lang.E("case.ref-empty")
	}
	if strings.ContainsAny(ref, "%_") {
		return "", lang.E("case.not-found", "ref", ref)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM cases WHERE id LIKE ? || '%' ORDER BY id LIMIT 6`, ref)
	if err != nil {
		return "", classify(fmt.Errorf("find case %s: %w", ref, err), s.path)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return "", fmt.Errorf("find case %s: %w", ref, err)
		}
		if id == ref {
			return id, nil
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return "", classify(fmt.Errorf("find case %s: %w", ref, err), s.path)
	}
	switch len(ids) {
	case 0:
		return "", lang.E("case.not-found", "ref", ref)
	case 1:
		return ids[0], nil
	}
	short := make([]string, len(ids))
	for i, id := range ids {
		short[i] = id[:min(len(id), 13)]
	}
	return "", lang.E("case.ambiguous", "ref", ref, "matches", strings.Join(short, ", "))
}

// CaseSummary is a case with what the case list shows about its timeline.
type CaseSummary struct {
	evidence.Case
	Events       int        `json:"events"`
	LastEvent    *time.Time `json:"last_event,omitempty"`
	LastActivity time.Time  `json:"last_activity"`
}

// Cases lists cases, most recent activity first. Archived cases are
// included only when archived is true.
func (s *Store) Cases(ctx context.Context, archived bool) ([]CaseSummary, error) {
	where := "WHERE c.archived_at IS NULL"
	if archived {
		where = ""
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+prefixed("c.", caseColumns)+`, COALESCE(e.n, 0), e.last_at, e.last_rec
		FROM cases c LEFT JOIN (SELECT case_id, COUNT(*) n, MAX(at_utc) last_at, MAX(updated_at) last_rec
			FROM events GROUP BY case_id) e ON e.case_id = c.id `+where)
	if err != nil {
		return nil, classify(fmt.Errorf("list cases: %w", err), s.path)
	}
	defer rows.Close()
	var out []CaseSummary
	for rows.Next() {
		var cs CaseSummary
		var lastAt, lastRec sql.NullInt64
		c, err := scanCase(rows, &cs.Events, &lastAt, &lastRec)
		if err != nil {
			return nil, fmt.Errorf("list cases: %w", err)
		}
		cs.Case = c
		cs.LastEvent = fromNullMS(lastAt)
		cs.LastActivity = c.Updated
		if lastRec.Valid && fromMS(lastRec.Int64).After(cs.LastActivity) {
			cs.LastActivity = fromMS(lastRec.Int64)
		}
		out = append(out, cs)
	}
	if err := rows.Err(); err != nil {
		return nil, classify(fmt.Errorf("list cases: %w", err), s.path)
	}
	sortSummaries(out)
	return out, nil
}

func sortSummaries(out []CaseSummary) {
	slices.SortStableFunc(out, func(a, b CaseSummary) int { return b.LastActivity.Compare(a.LastActivity) })
}

func (s *Store) allCases(ctx context.Context) ([]evidence.Case, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+caseColumns+` FROM cases ORDER BY created_at, id`)
	if err != nil {
		return nil, classify(fmt.Errorf("read cases: %w", err), s.path)
	}
	defer rows.Close()
	var out []evidence.Case
	for rows.Next() {
		c, err := scanCase(rows)
		if err != nil {
			return nil, fmt.Errorf("read cases: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Providers returns the provider names used so far, most recent first.
func (s *Store) Providers(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT provider FROM cases GROUP BY provider ORDER BY MAX(created_at) DESC`)
	if err != nil {
		return nil, classify(fmt.Errorf("list providers: %w", err), s.path)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			return nil, fmt.Errorf("list providers: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

func prefixed(prefix, columns string) string {
	parts := strings.Split(columns, ",")
	for i, p := range parts {
		parts[i] = prefix + strings.TrimSpace(p)
	}
	return strings.Join(parts, ", ")
}
