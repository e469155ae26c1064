package app

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"redress/escalation"
	"redress/evidence"
	"redress/letters"
	"redress/store"
)

// The addressee a user chooses per case for each party is kept with the
// case's rule overrides (table case_overrides), under keys no rule can
// have: one JSON value per key. It travels with the case in archives. The
// letter details (LetterDetails) were kept there too before schema 4; they
// now live on the case itself (store.LetterDetailsKey).
const keyAddresseeOf = "letter:addressee:" // + party: Addressee

// Addressee is the body a case's letters to one party (an association or
// a regulator) go to, as the user chose it: a body of the case's
// jurisdiction (escalation.Body ID, "" for the default) and, optionally,
// its exact name and address as they should appear on the letter.
type Addressee struct {
	Body    string `json:"body,omitempty"`
	Name    string `json:"name,omitempty"`
	Address string `json:"address,omitempty"`
}

// LetterDetails are the facts of a case that letters to bodies need: the
// user's city (a Chinese letter goes to that city's consumers'
// association) and the provider's address and contact (the 被投诉人
// block). They are the case's Complainant.City, Business.Address and
// Business.Contact — one place for each fact, also edited with the case.
type LetterDetails struct {
	City            string `json:"city,omitempty"`
	ProviderAddress string `json:"provider_address,omitempty"`
	ProviderContact string `json:"provider_contact,omitempty"`
}

// BodyChoice is one complaint body of a case's jurisdiction, with whether
// the user chose it for its party and the name and address they gave.
type BodyChoice struct {
	escalation.Body
	Chosen  bool   `json:"chosen"`
	Name    string `json:"name,omitempty"`    // the user's exact name for it, if any
	Address string `json:"address,omitempty"` // the user's address for it, if any
}

// Rights returns the rights of a case ("Your rights" in the status panel):
// those of its jurisdiction for its problem kind, each with a plain
// one-sentence statement (Right.Key, English and Chinese) and its
// citation (Right.Source). OTHER cases have none.
func (a *App) Rights(ctx context.Context, caseRef string) ([]escalation.Right, error) {
	c, err := a.Case(ctx, caseRef)
	if err != nil {
		return nil, err
	}
	return escalation.Rights(c.Jurisdiction, c.Problem), nil
}

// Bodies returns the complaint bodies of a case's jurisdiction (the body
// picker): for each, what to ask it (Body.AskKey), its source, whether
// the user chose it for letters to its party — the default body counts as
// chosen until the user picks another — and the exact name and address
// the user gave.
func (a *App) Bodies(ctx context.Context, caseRef string) ([]BodyChoice, error) {
	c, err := a.Case(ctx, caseRef)
	if err != nil {
		return nil, err
	}
	over, err := a.store.Overrides(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	var out []BodyChoice
	for _, b := range escalation.Bodies(c.Jurisdiction) {
		ad := addresseeOf(over, c.Jurisdiction, b.Party)
		ch := BodyChoice{Body: b, Chosen: ad.Body == b.ID}
		if ch.Chosen {
			ch.Name, ch.Address = ad.Name, ad.Address
		}
		out = append(out, ch)
	}
	return out, nil
}

// Addressee returns the body a case's letters to party go to, with the
// name and address the user gave; Body is the default body when the user
// chose none.
func (a *App) Addressee(ctx context.Context, caseRef, party string) (Addressee, error) {
	c, err := a.Case(ctx, caseRef)
	if err != nil {
		return Addressee{}, err
	}
	over, err := a.store.Overrides(ctx, c.ID)
	if err != nil {
		return Addressee{}, err
	}
	return addresseeOf(over, c.Jurisdiction, party), nil
}

// SetAddressee records which body a case's letters to party
// (evidence.ToAssociation or ToRegulator) go to, with its exact name and
// address (both optional). An empty Addressee goes back to the default.
// A body of another jurisdiction or party, or text too long, is a
// *evidence.FieldError naming the field.
func (a *App) SetAddressee(ctx context.Context, caseRef, party string, ad Addressee) error {
	c, err := a.Case(ctx, caseRef)
	if err != nil {
		return err
	}
	if party != evidence.ToAssociation && party != evidence.ToRegulator {
		return &evidence.FieldError{Field: "to", Reason: evidence.ReasonUnknownValue, Value: party,
			Allowed: []string{evidence.ToAssociation, evidence.ToRegulator}}
	}
	ad = Addressee{Body: strings.TrimSpace(ad.Body), Name: strings.TrimSpace(ad.Name), Address: strings.TrimSpace(ad.Address)}
	if ad.Body != "" {
		var ids []string
		for _, b := range escalation.Bodies(c.Jurisdiction) {
			if b.Party == party {
				ids = append(ids, b.ID)
			}
		}
		if !slices.Contains(ids, ad.Body) {
			return &evidence.FieldError{Field: "body", Reason: evidence.ReasonUnknownValue, Value: ad.Body, Allowed: ids}
		}
	}
	if err := checkLen("name", ad.Name, evidence.MaxShort); err != nil {
		return err
	}
	if err := checkLen("address", ad.Address, evidence.MaxShort*5); err != nil {
		return err
	}
	return a.setDetail(ctx, c.ID, keyAddresseeOf+party, ad, ad == Addressee{})
}

// LetterDetails returns a case's letter details.
func (a *App) LetterDetails(ctx context.Context, caseRef string) (LetterDetails, error) {
	c, err := a.Case(ctx, caseRef)
	if err != nil {
		return LetterDetails{}, err
	}
	return detailsOf(c), nil
}

// SetLetterDetails records a case's letter details (the user's city, the
// provider's address and contact); empty fields are cleared.
func (a *App) SetLetterDetails(ctx context.Context, caseRef string, d LetterDetails) error {
	c, err := a.Case(ctx, caseRef)
	if err != nil {
		return err
	}
	d = LetterDetails{City: strings.TrimSpace(d.City), ProviderAddress: strings.TrimSpace(d.ProviderAddress),
		ProviderContact: strings.TrimSpace(d.ProviderContact)}
	for _, f := range []struct{ field, v string }{{"city", d.City}, {"provider-contact", d.ProviderContact}} {
		if err := checkLen(f.field, f.v, evidence.MaxShort); err != nil {
			return err
		}
	}
	if err := checkLen("provider-address", d.ProviderAddress, evidence.MaxShort*5); err != nil {
		return err
	}
	if d == detailsOf(c) {
		return nil
	}
	c.Complainant.City, c.Business.Address, c.Business.Contact = d.City, d.ProviderAddress, d.ProviderContact
	if c.ClientID != "" {
		// The city is the client's: kept there, for all the client's cases.
		if err := a.linkClient(ctx, &c, c.ClientID, true); err != nil {
			return err
		}
	}
	return a.store.UpdateCase(ctx, &c)
}

// LetterWarnings returns what the user should be told before a letter to
// to is composed (the warning dialog; `redress dossier` prints them): a
// letter claiming no response while the provider's legal time has not run
// out, a body before any complaint to the provider, the 12315 platform
// after a consumer association (art. 15(2)), the consumer association
// without the city, a body that only advises or only helps across borders.
// body is the body the letter goes to ("" for the case's chosen or
// default body). Each warning is a lang key with placeholders.
func (a *App) LetterWarnings(ctx context.Context, caseRef string, to letters.Recipient, body string) ([]escalation.Warning, error) {
	c, err := a.Case(ctx, caseRef)
	if err != nil {
		return nil, err
	}
	evs, err := a.store.Timeline(ctx, c.ID, store.Query{OldestFirst: true})
	if err != nil {
		return nil, err
	}
	in, _, err := a.assessInput(ctx, c, evs)
	if err != nil {
		return nil, err
	}
	over, err := a.store.Overrides(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	if body == "" {
		body = addresseeOf(over, c.Jurisdiction, string(to)).Body
	}
	return escalation.LetterWarnings(in, string(to), body, c.Complainant.City, a.now()), nil
}

func addresseeOf(over map[string]string, j evidence.Jurisdiction, party string) Addressee {
	var ad Addressee
	if v, ok := over[keyAddresseeOf+party]; ok {
		_ = json.Unmarshal([]byte(v), &ad) // a damaged value reads as the default
	}
	if b, ok := escalation.LookupBody(ad.Body); !ok || b.Jurisdiction != j || b.Party != party {
		ad.Body = escalation.DefaultBody(j, party).ID
	}
	return ad
}

func detailsOf(c evidence.Case) LetterDetails {
	return LetterDetails{City: c.Complainant.City, ProviderAddress: c.Business.Address, ProviderContact: c.Business.Contact}
}

func (a *App) setDetail(ctx context.Context, caseID, key string, v any, clear bool) error {
	if clear {
		return a.store.SetOverride(ctx, caseID, key, "")
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("letter details of %s: %w", caseID, err)
	}
	return a.store.SetOverride(ctx, caseID, key, string(b))
}

func checkLen(field, v string, limit int) error {
	if utf8.RuneCountInString(v) > limit {
		return &evidence.FieldError{Field: field, Reason: evidence.ReasonTooLong, Limit: fmt.Sprint(limit)}
	}
	return nil
}
