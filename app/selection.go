package app

import (
	"context"
	"slices"
	"strings"

	"redress/evidence"
	"redress/lang"
	"redress/letters"
	"redress/store"
)

// Selection is what goes into a case's dossier for one recipient beyond
// the default: entries left out (Exclude) and private notes put in
// (Include). It is remembered per case and recipient.
type Selection = store.Selection

// Private reports whether an entry is left out of dossiers unless the
// user puts it in: a note, or anything tagged "private" ("私密", "私人").
func Private(e evidence.Event) bool {
	return e.Kind == evidence.KindNote || hasAnyTag(e.Tags, "private", "私密", "私人")
}

// DossierEntry is one entry of the case as the dossier's "what goes in"
// list shows it.
type DossierEntry struct {
	Event    evidence.Event `json:"event"`
	Private  bool           `json:"private"`  // left out unless put in
	Included bool           `json:"included"` // goes into the dossier
}

// DossierEntries lists the case's entries (not archived), oldest first,
// with whether each goes into the dossier for the recipient: the
// remembered choice, and private notes left out by default.
func (a *App) DossierEntries(ctx context.Context, caseRef string, to letters.Recipient) ([]DossierEntry, error) {
	id, err := a.store.ResolveCase(ctx, caseRef)
	if err != nil {
		return nil, err
	}
	sel, err := a.store.Selection(ctx, id, string(to))
	if err != nil {
		return nil, err
	}
	evs, err := a.store.Timeline(ctx, id, store.Query{OldestFirst: true})
	if err != nil {
		return nil, err
	}
	out := make([]DossierEntry, 0, len(evs))
	for _, e := range evidence.Active(evs) {
		out = append(out, DossierEntry{Event: e, Private: Private(e), Included: included(e, sel)})
	}
	return out, nil
}

// SetDossierSelection remembers which entries go into the case's dossier
// for the recipient: leftOut are the IDs of the entries to leave out; any
// private entry not in it goes in.
func (a *App) SetDossierSelection(ctx context.Context, caseRef string, to letters.Recipient, leftOut []string) error {
	id, err := a.store.ResolveCase(ctx, caseRef)
	if err != nil {
		return err
	}
	evs, err := a.store.Timeline(ctx, id, store.Query{OldestFirst: true})
	if err != nil {
		return err
	}
	return a.store.SetSelection(ctx, id, string(to), selectionFor(evs, leftOut))
}

// selectionFor turns the entries to leave out into a Selection: private
// entries not left out are put in; others left out are excluded.
func selectionFor(evs []evidence.Event, leftOut []string) Selection {
	sel := Selection{Exclude: []string{}, Include: []string{}}
	for _, e := range evidence.Active(evs) {
		out := slices.Contains(leftOut, e.ID)
		switch {
		case Private(e) && !out:
			sel.Include = append(sel.Include, e.ID)
		case !Private(e) && out:
			sel.Exclude = append(sel.Exclude, e.ID)
		}
	}
	return sel
}

func included(e evidence.Event, sel Selection) bool {
	if Private(e) {
		return slices.Contains(sel.Include, e.ID)
	}
	return !slices.Contains(sel.Exclude, e.ID)
}

// choose applies the selection: the entries that go in (archived ones are
// kept, the renderer drops them), and the IDs of the active entries left
// out.
func choose(evs []evidence.Event, sel Selection) (in []evidence.Event, leftOut []string) {
	for _, e := range evs {
		switch {
		case e.Archived != nil:
			in = append(in, e)
		case included(e, sel):
			in = append(in, e)
		default:
			leftOut = append(leftOut, e.ID)
		}
	}
	return in, leftOut
}

// dossierSelection is the selection a dossier uses: the one given with
// the options (remembered for next time), else the remembered one.
func (a *App) dossierSelection(ctx context.Context, caseID string, opts DossierOptions) (Selection, error) {
	if opts.Selection != nil {
		sel := *opts.Selection
		if err := a.store.SetSelection(ctx, caseID, string(opts.To), sel); err != nil {
			return sel, err
		}
		return sel, nil
	}
	return a.store.Selection(ctx, caseID, string(opts.To))
}

// SelectionFromRefs is the selection of `redress dossier --exclude REF…
// [--include-notes]`: the remembered choice for the recipient, with the
// entries named by refs (full IDs or unique prefixes) left out and, with
// notes, every private entry put in (unless named).
func (a *App) SelectionFromRefs(ctx context.Context, caseRef string, to letters.Recipient, refs []string, notes bool) (Selection, error) {
	entries, err := a.DossierEntries(ctx, caseRef, to)
	if err != nil {
		return Selection{}, err
	}
	var leftOut []string
	for _, ref := range refs {
		ref = strings.ToLower(strings.TrimSpace(ref))
		var match []string
		for _, de := range entries {
			if de.Event.ID == ref || (len(ref) >= 4 && strings.HasPrefix(de.Event.ID, ref)) {
				match = append(match, de.Event.ID)
			}
		}
		switch len(match) {
		case 0:
			return Selection{}, lang.E("event.not-found", "ref", ref)
		case 1:
			leftOut = append(leftOut, match[0])
		default:
			return Selection{}, lang.E("dossier.entry-ambiguous", "ref", ref)
		}
	}
	var evs []evidence.Event
	for _, de := range entries {
		evs = append(evs, de.Event)
		if !de.Included && !slices.Contains(leftOut, de.Event.ID) && !(notes && de.Private) {
			leftOut = append(leftOut, de.Event.ID)
		}
	}
	return selectionFor(evs, leftOut), nil
}
