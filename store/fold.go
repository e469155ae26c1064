package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"redress/evidence"
)

// LetterDetailsKey is the case_overrides key under which Redress before
// schema 4 kept a case's letter details (the user's city, the provider's
// address and contact) as one JSON value. Schema 4 keeps them on the case
// itself (Complainant.City, Business.Address, Business.Contact).
const LetterDetailsKey = "letter:details"

// letterDetails is the JSON kept under LetterDetailsKey.
type letterDetails struct {
	City            string `json:"city,omitempty"`
	ProviderAddress string `json:"provider_address,omitempty"`
	ProviderContact string `json:"provider_contact,omitempty"`
}

// foldDetails moves letter details into the case: into each empty field,
// and after what the field holds when it already holds something else,
// so nothing is lost. It reports whether the case changed.
func foldDetails(c *evidence.Case, raw string) bool {
	var d letterDetails
	if json.Unmarshal([]byte(raw), &d) != nil {
		return false
	}
	changed := false
	put := func(dst *string, v, sep string) {
		v = strings.TrimSpace(v)
		switch {
		case v == "" || *dst == v:
		case *dst == "":
			*dst, changed = v, true
		case !strings.Contains(*dst, v):
			*dst, changed = *dst+sep+v, true
		}
	}
	put(&c.Complainant.City, d.City, "; ")
	put(&c.Business.Address, d.ProviderAddress, "\n")
	put(&c.Business.Contact, d.ProviderContact, "; ")
	return changed
}

// foldLetterDetails moves every case's letter details from case_overrides
// onto the case, in one audited transaction: the case keeps its previous
// version, and the override row is removed with an entry saying where
// its value went. A value that cannot be read is left where it is.
func (s *Store) foldLetterDetails(ctx context.Context) error {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM case_overrides WHERE rule_id = ?`, LetterDetailsKey).Scan(&n); err != nil {
		return classify(fmt.Errorf("read letter details: %w", err), s.path)
	}
	if n == 0 {
		return nil
	}
	return s.write(ctx, func(t *Tx) error {
		rows, err := t.tx.QueryContext(t.ctx, `SELECT case_id, span FROM case_overrides WHERE rule_id = ? ORDER BY case_id`, LetterDetailsKey)
		if err != nil {
			return fmt.Errorf("read letter details: %w", err)
		}
		type row struct{ caseID, raw string }
		var all []row
		for rows.Next() {
			var r row
			if err := rows.Scan(&r.caseID, &r.raw); err != nil {
				rows.Close()
				return fmt.Errorf("read letter details: %w", err)
			}
			all = append(all, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("read letter details: %w", err)
		}
		for _, r := range all {
			if !readableDetails(r.raw) {
				continue // kept as it is: never thrown away
			}
			old, err := t.caseByID(r.caseID)
			if err != nil {
				return err
			}
			c := old
			if foldDetails(&c, r.raw) {
				if err := t.keepCaseVersion(old); err != nil {
					return err
				}
				if err := t.updateCase(&c); err != nil {
					return err
				}
				if err := t.auditCase(ActionUpdate, c.ID); err != nil {
					return err
				}
			}
			if _, err := t.exec(`DELETE FROM case_overrides WHERE case_id = ? AND rule_id = ?`, r.caseID, LetterDetailsKey); err != nil {
				return fmt.Errorf("move letter details of case %s: %w", r.caseID, err)
			}
			if err := t.audit(ActionUpdate, "override", LetterDetailsKey, r.caseID,
				map[string]string{"rule": LetterDetailsKey, "window": "", "moved_to": "case"}); err != nil {
				return err
			}
		}
		return nil
	})
}

// readableDetails reports whether raw is letter details Redress can read.
func readableDetails(raw string) bool {
	var d letterDetails
	return json.Unmarshal([]byte(raw), &d) == nil
}
