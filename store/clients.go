package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"redress/evidence"
	"redress/lang"
)

// A representative's clients (schema 4): table clients holds each client's
// JSON (evidence.Client) with its name for sorting; an edit keeps the
// previous version in client_versions and passes the new details on to
// the client's open cases, each keeping its own previous version. Every
// change is in the audit log (entity "client").

// CreateClient validates and stores a new client, filling its ID, times
// and version.
func (s *Store) CreateClient(ctx context.Context, c *evidence.Client) error {
	c.Normalize()
	if c.ID == "" {
		c.ID = evidence.NewID()
	}
	if err := c.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(t *Tx) error {
		c.Created, c.Updated, c.Version, c.Archived = t.Now, t.Now, 1, nil
		data, _ := json.Marshal(c)
		if _, err := t.exec(`INSERT INTO clients (id, name, data, created_at, updated_at, archived_at, version) VALUES (?,?,?,?,?,?,?)`,
			c.ID, c.Name, string(data), ms(t.Now), ms(t.Now), nil, 1); err != nil {
			return fmt.Errorf("insert client %s: %w", c.ID, err)
		}
		return t.audit(ActionCreate, "client", c.ID, "", c)
	})
}

// UpdateClient stores a client's new details; the previous version is
// kept. The client's cases that are not archived take the new details as
// their complainant (each keeping its own previous version), so a
// client's details are entered once. It returns the IDs of the cases
// changed.
func (s *Store) UpdateClient(ctx context.Context, c *evidence.Client) ([]string, error) {
	c.Normalize()
	if err := c.Validate(); err != nil {
		return nil, err
	}
	var changed []string
	err := s.write(ctx, func(t *Tx) error {
		old, err := t.clientByID(c.ID)
		if err != nil {
			return err
		}
		oldData, _ := json.Marshal(old)
		if _, err := t.exec(`INSERT INTO client_versions (client_id, version, data, replaced_at) VALUES (?,?,?,?)`,
			old.ID, old.Version, string(oldData), ms(t.Now)); err != nil {
			return fmt.Errorf("keep version %d of client %s: %w", old.Version, old.ID, err)
		}
		c.Created, c.Archived, c.Updated, c.Version = old.Created, old.Archived, t.Now, old.Version+1
		data, _ := json.Marshal(c)
		if _, err := t.exec(`UPDATE clients SET name=?, data=?, updated_at=?, version=? WHERE id=?`,
			c.Name, string(data), ms(t.Now), c.Version, c.ID); err != nil {
			return fmt.Errorf("update client %s: %w", c.ID, err)
		}
		if err := t.audit(ActionUpdate, "client", c.ID, "", c); err != nil {
			return err
		}
		changed, err = t.passOnClient(*c)
		return err
	})
	return changed, err
}

// passOnClient makes the client the complainant of each of its cases that
// is not archived and differs, keeping each case's previous version.
func (t *Tx) passOnClient(cl evidence.Client) ([]string, error) {
	ids, err := t.strings(`SELECT id FROM cases WHERE client_id = ? AND archived_at IS NULL ORDER BY created_at, id`, cl.ID)
	if err != nil {
		return nil, err
	}
	var changed []string
	for _, id := range ids {
		old, err := t.caseByID(id)
		if err != nil {
			return nil, err
		}
		c := old
		c.ApplyClient(cl)
		if c.Complainant == old.Complainant {
			continue
		}
		if err := t.keepCaseVersion(old); err != nil {
			return nil, err
		}
		if err := t.updateCase(&c); err != nil {
			return nil, err
		}
		if err := t.indexCase(&c); err != nil {
			return nil, err
		}
		if err := t.auditCase(ActionUpdate, id); err != nil {
			return nil, err
		}
		changed = append(changed, id)
	}
	return changed, nil
}

// keepCaseVersion stores a case's current version in its history.
func (t *Tx) keepCaseVersion(old evidence.Case) error {
	data, _ := json.Marshal(old)
	if _, err := t.exec(`INSERT INTO case_versions (case_id, version, data, replaced_at) VALUES (?,?,?,?)`,
		old.ID, old.Version, string(data), ms(t.Now)); err != nil {
		return fmt.Errorf("keep version %d of case %s: %w", old.Version, old.ID, err)
	}
	return nil
}

// ArchiveClient hides a client from the client list; nothing is deleted
// and its cases are left as they are.
func (s *Store) ArchiveClient(ctx context.Context, id string) error {
	return s.setClientArchived(ctx, id, true)
}

// RestoreClient brings an archived client back.
func (s *Store) RestoreClient(ctx context.Context, id string) error {
	return s.setClientArchived(ctx, id, false)
}

func (s *Store) setClientArchived(ctx context.Context, id string, archived bool) error {
	return s.write(ctx, func(t *Tx) error {
		c, err := t.clientByID(id)
		if err != nil {
			return err
		}
		action := ActionRestore
		c.Archived, c.Updated = nil, t.Now
		if archived {
			action = ActionArchive
			at := t.Now
			c.Archived = &at
		}
		data, _ := json.Marshal(c)
		if _, err := t.exec(`UPDATE clients SET data=?, archived_at=?, updated_at=? WHERE id=?`,
			string(data), nullMS(c.Archived), ms(t.Now), id); err != nil {
			return fmt.Errorf("%s client %s: %w", action, id, err)
		}
		return t.audit(action, "client", id, "", c)
	})
}

// checkClient refuses to link a case to a client that does not exist.
func (t *Tx) checkClient(id string) error {
	if id == "" {
		return nil
	}
	_, err := t.clientByID(id)
	return err
}

func (t *Tx) clientByID(id string) (evidence.Client, error) {
	var data string
	err := t.queryRow(`SELECT data FROM clients WHERE id = ?`, id).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return evidence.Client{}, lang.E("client.not-found", "ref", id)
	}
	if err != nil {
		return evidence.Client{}, fmt.Errorf("read client %s: %w", id, err)
	}
	return decodeClient(id, data)
}

func decodeClient(id, data string) (evidence.Client, error) {
	var c evidence.Client
	if err := json.Unmarshal([]byte(data), &c); err != nil {
		return c, fmt.Errorf("decode client %s: %w", id, err)
	}
	return c, nil
}

// Client reads one client by its full ID.
func (s *Store) Client(ctx context.Context, id string) (evidence.Client, error) {
	var data string
	err := s.db.QueryRowContext(ctx, `SELECT data FROM clients WHERE id = ?`, id).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return evidence.Client{}, lang.E("client.not-found", "ref", id)
	}
	if err != nil {
		return evidence.Client{}, classify(fmt.Errorf("read client %s: %w", id, err), s.path)
	}
	return decodeClient(id, data)
}

// Clients lists the clients by name; archived ones only when archived is
// true.
func (s *Store) Clients(ctx context.Context, archived bool) ([]evidence.Client, error) {
	where := "WHERE archived_at IS NULL"
	if archived {
		where = ""
	}
	return s.clients(ctx, `SELECT id, data FROM clients `+where+` ORDER BY name COLLATE NOCASE, id`)
}

func (s *Store) clients(ctx context.Context, query string, args ...any) ([]evidence.Client, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, classify(fmt.Errorf("list clients: %w", err), s.path)
	}
	defer rows.Close()
	var out []evidence.Client
	for rows.Next() {
		var id, data string
		if err := rows.Scan(&id, &data); err != nil {
			return nil, fmt.Errorf("list clients: %w", err)
		}
		c, err := decodeClient(id, data)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// ClientHistory returns the earlier versions of a client, oldest first.
func (s *Store) ClientHistory(ctx context.Context, id string) ([]evidence.Client, error) {
	return s.clients(ctx, `SELECT client_id, data FROM client_versions WHERE client_id = ? ORDER BY version`, id)
}

// ResolveClient turns a client reference into its ID: the full ID, a
// unique prefix of it (at least four characters), or the client's exact
// name (ignoring case) when only one client has it.
func (s *Store) ResolveClient(ctx context.Context, ref string) (string, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return "", lang.E("client.ref-empty")
	}
	all, err := s.Clients(ctx, true)
	if err != nil {
		return "", err
	}
	var byName, byPrefix []evidence.Client
	low := strings.ToLower(ref)
	for _, c := range all {
		switch {
		case c.ID == low:
			return c.ID, nil
		case strings.EqualFold(c.Name, ref):
			byName = append(byName, c)
		case len(low) >= 4 && strings.HasPrefix(c.ID, low):
			byPrefix = append(byPrefix, c)
		}
	}
	for _, set := range [][]evidence.Client{byName, byPrefix} {
		switch len(set) {
		case 0:
			continue
		case 1:
			return set[0].ID, nil
		}
		var short []string
		for _, c := range set {
			short = append(short, c.ID[:8]+" "+c.Name)
		}
		return "", lang.E("client.ambiguous", "ref", ref, "matches", strings.Join(short, ", "))
	}
	return "", lang.E("client.not-found", "ref", ref)
}

// ClientCases lists the IDs of a client's cases (archived ones too), oldest
// first.
func (s *Store) ClientCases(ctx context.Context, clientID string) ([]string, error) {
	return s.strings(ctx, `SELECT id FROM cases WHERE client_id = ? ORDER BY created_at, id`, clientID)
}

func (t *Tx) strings(query string, args ...any) ([]string, error) {
	rows, err := t.tx.QueryContext(t.ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, fmt.Errorf("read: %w", err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// allClientRows is every client as stored, for the audit check.
func (s *Store) allClientRows(ctx context.Context) ([]evidence.Client, error) {
	return s.clients(ctx, `SELECT id, data FROM clients ORDER BY id`)
}
