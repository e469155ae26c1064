package app

import (
	"context"
	"fmt"
	"sort"

	"redress/evidence"
	"redress/letters"
	"redress/store"
)

// Exhibits numbers every attachment of the case's active events in time
// order: E-1, E-2, …
func Exhibits(evs []evidence.Event) ([]letters.Exhibit, []exhibitRef) {
	sorted := append([]evidence.Event(nil), evs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].At.Before(sorted[j].At) })
	var out []letters.Exhibit
	var refs []exhibitRef
	for _, e := range sorted {
		if e.Archived != nil {
			continue
		}
		for _, a := range e.Attachments {
			n := fmt.Sprintf("E-%d", len(out)+1)
			caption := a.Caption
			if caption == "" && e.Exhibit != nil {
				caption = e.Exhibit.Caption
			}
			if caption == "" {
				caption = e.Title()
			}
			out = append(out, letters.Exhibit{Number: n, Caption: caption, Kind: e.Kind, FileName: a.Name, EventID: e.ID})
			refs = append(refs, exhibitRef{number: n, att: a, event: e, caption: caption})
		}
	}
	return out, refs
}

type exhibitRef struct {
	number  string
	att     evidence.Attachment
	event   evidence.Event
	caption string
}

func (a *App) dossierInput(ctx context.Context, c evidence.Case, to letters.Recipient, language evidence.Language) (letters.Input, []exhibitRef, error) {
	evs, err := a.store.Timeline(ctx, c.ID, store.Query{OldestFirst: true})
	if err != nil {
		return letters.Input{}, nil, err
	}
	if language == "" {
		language = c.Language
	}
	ex, refs := Exhibits(evs)
	in := letters.Input{Case: c, Events: evs, To: to, Lang: language, Date: a.now().In(a.loc), Exhibits: ex}
	if err := a.letterLaw(ctx, &in); err != nil {
		return in, nil, err
	}
	return in, refs, nil
}

// letterLaw fills in what the law and the user's choices add to a letter:
// the business-day calendar and rule overrides (the statutory reply date),
// the body a letter to an association or regulator goes to with the exact
// name and address the user gave, the user's city, and the provider's
// address and contact.
func (a *App) letterLaw(ctx context.Context, in *letters.Input) error {
	as, _, err := a.assessInput(ctx, in.Case, in.Events)
	if err != nil {
		return err
	}
	in.Calendar, in.Overrides = as.Calendar, as.Overrides
	over, err := a.store.Overrides(ctx, in.Case.ID)
	if err != nil {
		return err
	}
	d := detailsOf(over)
	in.City, in.ProviderAddress, in.ProviderContact = d.City, d.ProviderAddress, d.ProviderContact
	if in.To != letters.Provider {
		ad := addresseeOf(over, in.Case.Jurisdiction, string(in.To))
		in.Body, in.RecipientName, in.RecipientAddress = ad.Body, ad.Name, ad.Address
	}
	return nil
}

// LetterText returns the letter for a recipient and language: the saved
// draft when there is one (edited is true), else a freshly composed letter.
func (a *App) LetterText(ctx context.Context, caseRef string, to letters.Recipient, language evidence.Language) (text string, edited bool, err error) {
	c, err := a.Case(ctx, caseRef)
	if err != nil {
		return "", false, err
	}
	if language == "" {
		language = c.Language
	}
	if d, ok, err := a.store.Draft(ctx, c.ID, string(to), string(language)); err != nil || ok {
		return d.Text, ok, err
	}
	in, _, err := a.dossierInput(ctx, c, to, language)
	if err != nil {
		return "", false, err
	}
	return letters.Compose(in).Text(), false, nil
}

// letter is the text a dossier renders: the saved draft, else the letter
// composed from the input already read.
func (a *App) letter(ctx context.Context, in letters.Input) (string, error) {
	d, ok, err := a.store.Draft(ctx, in.Case.ID, string(in.To), string(in.Lang))
	if err != nil || ok {
		return d.Text, err
	}
	return letters.Compose(in).Text(), nil
}

// ComposeLetter composes the letter afresh, ignoring any draft.
func (a *App) ComposeLetter(ctx context.Context, caseRef string, to letters.Recipient, language evidence.Language) (string, error) {
	c, err := a.Case(ctx, caseRef)
	if err != nil {
		return "", err
	}
	in, _, err := a.dossierInput(ctx, c, to, language)
	if err != nil {
		return "", err
	}
	return letters.Compose(in).Text(), nil
}

// SaveDraft keeps the user's edited letter as a new draft version.
func (a *App) SaveDraft(ctx context.Context, caseID string, to letters.Recipient, language evidence.Language, text string) error {
	_, err := a.store.SaveDraft(ctx, caseID, string(to), string(language), text)
	return err
}
