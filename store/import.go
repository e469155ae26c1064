package store

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"redress/evidence"
	"redress/lang"
)

// ImportData is a whole case as an archive carries it.
type ImportData struct {
	Case         evidence.Case
	CaseHistory  []evidence.Case
	Events       []evidence.Event
	EventHistory map[string][]evidence.Event
	Checklist    map[string]bool
	Overrides    map[string]string
	Drafts       []Draft
	Dossiers     []DossierRecord // the dossiers made for the case (records only)
	// Client is the client the case is for (Case.ClientID), if any; it is
	// added when this database does not have it yet, else the client
	// here is kept as it is.
	Client *evidence.Client
	// Selections are the remembered dossier choices, by recipient.
	Selections map[string]Selection
}

// BlobOpener opens the original bytes of an attachment by SHA-256; the
// reader must fail if the bytes do not match.
type BlobOpener func(sha string) (io.ReadCloser, error)

// ImportCase writes a whole case — its facts and history, every event with
// its history, attachments with their original bytes, checklist, overrides
// and drafts — in one transaction: it lands completely or not at all. A case
// whose ID is already in the database is refused.
func (s *Store) ImportCase(ctx context.Context, d ImportData, open BlobOpener) error {
	c := d.Case
	if raw, ok := d.Overrides[LetterDetailsKey]; ok && readableDetails(raw) {
		// An archive from before schema 4: the letter details go onto the
		// case (one place for each fact); an unreadable value is kept.
		foldDetails(&c, raw)
		over := map[string]string{}
		for k, v := range d.Overrides {
			if k != LetterDetailsKey {
				over[k] = v
			}
		}
		d.Overrides = over
	}
	if err := c.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(t *Tx) error {
		var n int
		if err := t.queryRow(`SELECT COUNT(*) FROM cases WHERE id = ?`, c.ID).Scan(&n); err != nil {
			return fmt.Errorf("import case %s: %w", c.ID, err)
		}
		if n > 0 {
			return lang.E("import.exists", "title", c.Title, "id", c.ID)
		}
		if err := t.importClient(&c, d.Client); err != nil {
			return err
		}
		if _, err := t.exec(`INSERT INTO cases (`+caseColumns+`) VALUES (`+caseMarks+`)`,
			caseValues(&c, ms(c.Created), ms(c.Updated), nullMS(c.Archived), c.Version)...); err != nil {
			return fmt.Errorf("import case %s: %w", c.ID, err)
		}
		for _, old := range d.CaseHistory {
			data, _ := json.Marshal(old)
			if _, err := t.exec(`INSERT INTO case_versions (case_id, version, data, replaced_at) VALUES (?,?,?,?)`,
				c.ID, old.Version, string(data), ms(old.Updated)); err != nil {
				return fmt.Errorf("import history of case %s: %w", c.ID, err)
			}
			if err := t.audit(ActionHistory, "case", c.ID, c.ID, old); err != nil {
				return err
			}
		}
		if err := t.indexCase(&c); err != nil {
			return err
		}
		for i := range d.Events {
			if err := t.importEvent(c.ID, d.Events[i], d.EventHistory[d.Events[i].ID], open); err != nil {
				return err
			}
		}
		for item, done := range d.Checklist {
			if _, err := t.exec(`INSERT INTO checklist (case_id, item_id, done, updated_at) VALUES (?,?,?,?)`, c.ID, item, done, ms(t.Now)); err != nil {
				return fmt.Errorf("import checklist: %w", err)
			}
		}
		for rule, span := range d.Overrides {
			if _, err := t.exec(`INSERT INTO case_overrides (case_id, rule_id, span, updated_at) VALUES (?,?,?,?)`, c.ID, rule, span, ms(t.Now)); err != nil {
				return fmt.Errorf("import overrides: %w", err)
			}
		}
		versions := map[string]int{}
		for _, dr := range d.Drafts {
			k := dr.Recipient + "/" + dr.Language
			versions[k]++
			saved := dr.Saved
			if saved.IsZero() {
				saved = t.Now
			}
			if _, err := t.exec(`INSERT INTO letter_drafts (case_id, recipient, language, version, text, saved_at) VALUES (?,?,?,?,?,?)`,
				c.ID, dr.Recipient, dr.Language, versions[k], dr.Text, ms(saved)); err != nil {
				return fmt.Errorf("import drafts: %w", err)
			}
			stored := Draft{CaseID: c.ID, Recipient: dr.Recipient, Language: dr.Language, Version: versions[k], Text: dr.Text, Saved: fromMS(ms(saved))}
			if err := t.audit(ActionImport, "draft", k, c.ID, stored); err != nil {
				return err
			}
		}
		for _, dr := range d.Dossiers {
			rec := dr
			rec.CaseID, rec.Created = c.ID, fromMS(ms(dr.Created))
			if _, err := t.exec(`INSERT INTO dossiers (id, case_id, recipient, language, sha256, size, pages, path, created_at)
				VALUES (?,?,?,?,?,?,?,?,?)`, rec.ID, rec.CaseID, rec.Recipient, rec.Language, rec.SHA256, rec.Size, rec.Pages, rec.Path, ms(rec.Created)); err != nil {
				return fmt.Errorf("import dossier record %s: %w", rec.ID, err)
			}
			if err := t.audit(ActionImport, "dossier", rec.ID, c.ID, rec); err != nil {
				return err
			}
		}
		for _, to := range sortedKeys(d.Selections) {
			sel := d.Selections[to]
			if sel.Exclude == nil {
				sel.Exclude = []string{}
			}
			if sel.Include == nil {
				sel.Include = []string{}
			}
			if err := t.setSelection(c.ID, to, sel); err != nil {
				return err
			}
		}
		stored, err := t.caseByID(c.ID)
		if err != nil {
			return err
		}
		return t.audit(ActionImport, "case", c.ID, c.ID, stored)
	})
}

func (t *Tx) importEvent(caseID string, e evidence.Event, history []evidence.Event, open BlobOpener) error {
	e.CaseID = caseID
	if err := e.Validate(); err != nil {
		return err
	}
	tags, det, err := encodeEvent(&e)
	if err != nil {
		return err
	}
	updated := e.Recorded
	if e.Archived != nil && e.Archived.After(updated) {
		updated = *e.Archived
	}
	if _, err := t.exec(`INSERT INTO events (id, case_id, kind, at_utc, at_offset, recorded_at, summary, notes, reference,
		tags, details, version, updated_at, archived_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		e.ID, caseID, e.Kind, ms(e.At), e.Offset(), ms(e.Recorded), e.Summary, e.Notes, e.Reference, tags, det,
		e.Version, ms(updated), nullMS(e.Archived)); err != nil {
		return fmt.Errorf("import event %s: %w", e.ID, err)
	}
	for _, old := range history {
		data, _ := json.Marshal(old)
		if _, err := t.exec(`INSERT INTO event_versions (event_id, version, data, replaced_at) VALUES (?,?,?,?)`,
			e.ID, old.Version, string(data), ms(old.Recorded)); err != nil {
			return fmt.Errorf("import history of event %s: %w", e.ID, err)
		}
		if err := t.audit(ActionHistory, "event", e.ID, caseID, old); err != nil {
			return err
		}
	}
	for pos, a := range e.Attachments {
		var exists int
		if err := t.queryRow(`SELECT COUNT(*) FROM blobs WHERE sha256 = ?`, a.SHA256).Scan(&exists); err != nil {
			return fmt.Errorf("import %s: %w", a.Name, err)
		}
		if exists == 0 {
			sha := a.SHA256
			p := preparedFile{File: File{Name: a.Name, Open: func() (io.ReadCloser, error) { return open(sha) }},
				sha: a.SHA256, size: a.Size, media: a.MediaType, width: a.Width, height: a.Height}
			if err := t.storeBlob(p); err != nil {
				return err
			}
		}
		if err := t.insertAttachment(a, e.ID, pos); err != nil {
			return fmt.Errorf("import %s: %w", a.Name, err)
		}
	}
	stored, err := t.eventByID(e.ID)
	if err != nil {
		return err
	}
	if err := t.indexEvent(&stored); err != nil {
		return err
	}
	return t.audit(ActionImport, "event", e.ID, caseID, stored)
}

// ExportData reads everything about a case that an archive carries.
func (s *Store) ExportData(ctx context.Context, caseID string) (ImportData, error) {
	d := ImportData{EventHistory: map[string][]evidence.Event{}}
	var err error
	if d.Case, err = s.Case(ctx, caseID); err != nil {
		return d, err
	}
	if d.CaseHistory, err = s.CaseHistory(ctx, caseID); err != nil {
		return d, err
	}
	if d.Events, err = s.events(ctx, eventQuery{caseID: caseID, archived: true, oldestFirst: true}); err != nil {
		return d, err
	}
	for _, e := range d.Events {
		h, err := s.EventHistory(ctx, e.ID)
		if err != nil {
			return d, err
		}
		if len(h) > 0 {
			d.EventHistory[e.ID] = h
		}
	}
	if d.Checklist, err = s.Checklist(ctx, caseID); err != nil {
		return d, err
	}
	if d.Overrides, err = s.Overrides(ctx, caseID); err != nil {
		return d, err
	}
	if d.Drafts, err = s.Drafts(ctx, caseID); err != nil {
		return d, err
	}
	if d.Dossiers, err = s.Dossiers(ctx, caseID); err != nil {
		return d, err
	}
	if d.Case.ClientID != "" {
		cl, err := s.Client(ctx, d.Case.ClientID)
		if err != nil {
			return d, err
		}
		d.Client = &cl
	}
	if d.Selections, err = s.Selections(ctx, caseID); err != nil {
		return d, err
	}
	return d, nil
}

// WriteBlob copies the stored bytes with this SHA-256 to w, verifying them.
func (s *Store) WriteBlob(ctx context.Context, sha string, w io.Writer) error {
	var size int64
	if err := s.db.QueryRowContext(ctx, `SELECT size FROM blobs WHERE sha256 = ?`, sha).Scan(&size); err != nil {
		return lang.Wrap(err, "attachment.not-found", "ref", sha)
	}
	return s.writeBlob(ctx, sha, sha, size, w)
}

// importClient adds the archive's client when this database does not have
// it; a case linked to a client the archive does not carry is imported
// without the link.
func (t *Tx) importClient(c *evidence.Case, cl *evidence.Client) error {
	if c.ClientID == "" {
		return nil
	}
	if _, err := t.clientByID(c.ClientID); err == nil {
		return nil
	}
	if cl == nil || cl.ID != c.ClientID {
		c.ClientID = ""
		return nil
	}
	in := *cl
	in.Normalize()
	if err := in.Validate(); err != nil {
		return err
	}
	if in.Version < 1 {
		in.Version = 1
	}
	in.Created, in.Updated = fromMS(ms(in.Created)), fromMS(ms(in.Updated))
	if in.Archived != nil {
		a := fromMS(ms(*in.Archived))
		in.Archived = &a
	}
	data, _ := json.Marshal(in)
	if _, err := t.exec(`INSERT INTO clients (id, name, data, created_at, updated_at, archived_at, version) VALUES (?,?,?,?,?,?,?)`,
		in.ID, in.Name, string(data), ms(in.Created), ms(in.Updated), nullMS(in.Archived), in.Version); err != nil {
		return fmt.Errorf("import client %s: %w", in.ID, err)
	}
	return t.audit(ActionImport, "client", in.ID, "", in)
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
