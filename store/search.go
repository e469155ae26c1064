package store

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode"

	"redress/evidence"
)

// isCJK reports whether r is written without spaces between words (Han,
// kana, Hangul, CJK punctuation is not included).
func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(r >= 0x3400 && r <= 0x4DBF) || (r >= 0xF900 && r <= 0xFAFF)
}

// segment joins the texts for the search index, putting each CJK
// character into a token of its own so that any run of characters can be
// found with a phrase query.
func segment(texts ...string) string {
	var b strings.Builder
	for _, s := range texts {
		if s == "" {
			continue
		}
		for _, r := range s {
			if isCJK(r) {
				b.WriteByte(' ')
				b.WriteRune(r)
				b.WriteByte(' ')
			} else {
				b.WriteRune(r)
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// ftsQuery turns what the user typed into an FTS5 query: every
// whitespace-separated word must match; within a word, Latin letters and
// digits match as a prefix and Chinese characters match as a substring.
// It returns "" when nothing searchable was typed.
func ftsQuery(text string) string {
	var phrases []string
	for _, word := range strings.Fields(text) {
		var tokens []string
		var cur []rune
		flush := func() {
			if len(cur) > 0 {
				tokens = append(tokens, string(cur))
				cur = cur[:0]
			}
		}
		for _, r := range word {
			switch {
			case isCJK(r):
				flush()
				tokens = append(tokens, string(r))
			case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
				cur = append(cur, r)
			default:
				flush()
			}
		}
		flush()
		if len(tokens) > 0 {
			phrases = append(phrases, `"`+strings.Join(tokens, " ")+`"*`)
		}
	}
	return strings.Join(phrases, " ")
}

func eventText(e *evidence.Event) string {
	parts := []string{e.Summary, e.Notes, e.Reference, strings.Join(e.Tags, " ")}
	if t := e.Transaction; t != nil {
		parts = append(parts, t.TxID, t.Status, t.Counterparty)
	}
	if c := e.Contact; c != nil {
		parts = append(parts, c.Agent, c.Promise)
	}
	if x := e.Exhibit; x != nil {
		parts = append(parts, x.Caption, x.Shows)
	}
	if l := e.Letter; l != nil {
		parts = append(parts, l.Name, l.Method)
	}
	if r := e.Response; r != nil {
		parts = append(parts, r.Name, r.Outcome)
	}
	if m := e.Email; m != nil {
		parts = append(parts, m.From, strings.Join(m.To, " "), strings.Join(m.Cc, " "), m.MessageID)
	}
	for _, a := range e.Attachments {
		parts = append(parts, a.Name, a.Caption)
	}
	return segment(parts...)
}

func (t *Tx) indexEvent(e *evidence.Event) error {
	var rowid int64
	if err := t.queryRow(`SELECT rowid FROM events WHERE id = ?`, e.ID).Scan(&rowid); err != nil {
		return fmt.Errorf("index event %s: %w", e.ID, err)
	}
	if _, err := t.exec(`DELETE FROM event_fts WHERE rowid = ?`, rowid); err != nil {
		return fmt.Errorf("index event %s: %w", e.ID, err)
	}
	if e.Archived != nil {
		return nil
	}
	if _, err := t.exec(`INSERT INTO event_fts (rowid, body) VALUES (?, ?)`, rowid, eventText(e)); err != nil {
		return fmt.Errorf("index event %s: %w", e.ID, err)
	}
	return nil
}

// Hit is one search result: a case (EventID empty) or an event in a case.
type Hit struct {
	CaseID    string        `json:"case_id"`
	CaseTitle string        `json:"case_title"`
	EventID   string        `json:"event_id,omitempty"`
	Kind      evidence.Kind `json:"kind,omitempty"`
	At        *time.Time    `json:"at,omitempty"`
	Title     string        `json:"title"`
}

// Search finds cases and events whose text matches, in every active case
// or only in caseID. Matching events come newest first, after matching
// cases; at most limit results in all (0: 200). more reports that matches
// were left out.
func (s *Store) Search(ctx context.Context, text, caseID string, limit int) (hits []Hit, more bool, err error) {
	q := ftsQuery(text)
	hits = []Hit{}
	if q == "" {
		return hits, false, nil
	}
	if limit <= 0 {
		limit = 200
	}
	caseCond, args := "", []any{q}
	if caseID != "" {
		caseCond = " AND c.id = ?"
		args = append(args, caseID)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT c.id, c.title FROM case_fts f JOIN cases c ON c.rowid = f.rowid
		WHERE case_fts MATCH ? AND c.archived_at IS NULL`+caseCond+` ORDER BY c.updated_at DESC LIMIT `+fmt.Sprint(limit+1), args...)
	if err != nil {
		return nil, false, classify(fmt.Errorf("search %q: %w", text, err), s.path)
	}
	for rows.Next() {
		var h Hit
		if err := rows.Scan(&h.CaseID, &h.CaseTitle); err != nil {
			rows.Close()
			return nil, false, fmt.Errorf("search %q: %w", text, err)
		}
		h.Title = h.CaseTitle
		hits = append(hits, h)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, false, classify(fmt.Errorf("search %q: %w", text, err), s.path)
	}
	if len(hits) > limit {
		hits, more = hits[:limit], true
	}
	evs, err := s.events(ctx, eventQuery{caseID: caseID, text: text, activeCases: true, limit: limit - len(hits) + 1})
	if err != nil {
		return nil, false, err
	}
	if len(evs) > limit-len(hits) {
		evs, more = evs[:limit-len(hits)], true
	}
	titles := map[string]string{}
	for _, e := range evs {
		title, ok := titles[e.CaseID]
		if !ok {
			if err := s.db.QueryRowContext(ctx, `SELECT title FROM cases WHERE id = ?`, e.CaseID).Scan(&title); err != nil {
				return nil, false, classify(fmt.Errorf("search %q: read case %s: %w", text, e.CaseID, err), s.path)
			}
			titles[e.CaseID] = title
		}
		at := e.At
		hits = append(hits, Hit{CaseID: e.CaseID, CaseTitle: title, EventID: e.ID, Kind: e.Kind, At: &at, Title: e.Title()})
	}
	return hits, more, nil
}
