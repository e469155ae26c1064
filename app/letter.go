package app

import (
	"context"

	"redress/evidence"
	"redress/letters"
	"redress/store"
)

// enclosures turns the case's numbered exhibits (evidence.Enclosures) into
// the enclosure lines of a letter.
func enclosures(xs []evidence.Enclosure) []letters.Exhibit {
	out := make([]letters.Exhibit, len(xs))
	for i, x := range xs {
		out[i] = letters.Exhibit{Number: x.Number, Caption: x.Caption, Kind: x.Kind, FileName: x.Attachment.Name, EventID: x.EventID}
	}
	return out
}

func (a *App) dossierInput(ctx context.Context, c evidence.Case, to letters.Recipient, language evidence.Language) (letters.Input, []evidence.Enclosure, error) {
	evs, err := a.store.Timeline(ctx, c.ID, store.Query{OldestFirst: true})
	if err != nil {
		return letters.Input{}, nil, err
	}
	return a.letterInput(ctx, c, evs, to, language)
}

// letterInput is the letter's input from a case and its timeline, with the
// case's exhibits numbered once.
func (a *App) letterInput(ctx context.Context, c evidence.Case, evs []evidence.Event, to letters.Recipient, language evidence.Language) (letters.Input, []evidence.Enclosure, error) {
	if language == "" {
		language = c.Language
	}
	xs := evidence.Enclosures(evs)
	in := letters.Input{Case: c, Events: evs, To: to, Lang: language, Date: a.now().In(a.loc), Exhibits: enclosures(xs)}
	if err := a.letterLaw(ctx, &in); err != nil {
		return in, nil, err
	}
	return in, xs, nil
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
	d := detailsOf(in.Case)
	in.City, in.ProviderAddress, in.ProviderContact = d.City, d.ProviderAddress, providerContact(in.Case.Business)
	if err := a.onBehalf(ctx, in); err != nil {
		return err
	}
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
