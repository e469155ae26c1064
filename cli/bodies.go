package cli

import (
	"flag"

	"redress/app"
	"redress/evidence"
)

// bodies lists the complaint bodies of a case and the letter details, or
// records the user's choices:
//
//	redress bodies CASE [--json]
//	redress bodies CASE --to association|regulator [--body ID] [--name N] [--address A]
//	redress bodies CASE [--city C] [--provider-address A] [--provider-contact C]
//
// With --to, the body (and its exact name and address) that letters to that
// party go to; an empty --body goes back to the default. The city and the
// provider's address and contact are kept for every letter of the case.
func (r *runner) bodies(args []string) error {
	f := newFlags("bodies")
	to, body, name, address := f.str("to"), f.str("body"), f.str("name"), f.str("address")
	city, provAddr, provContact := f.str("city"), f.str("provider-address"), f.str("provider-contact")
	asJSON := f.boolean("json")
	pos, err := f.parse(args, 1, "CASE")
	if err != nil {
		return err
	}
	set := map[string]bool{}
	f.fs.Visit(func(fl *flag.Flag) { set[fl.Name] = true })
	a, err := r.open()
	if err != nil {
		return err
	}
	defer a.Close()
	ref := pos[0]
	changed := false
	if set["city"] || set["provider-address"] || set["provider-contact"] {
		d, err := a.LetterDetails(r.ctx, ref)
		if err != nil {
			return err
		}
		if set["city"] {
			d.City = *city
		}
		if set["provider-address"] {
			d.ProviderAddress = *provAddr
		}
		if set["provider-contact"] {
			d.ProviderContact = *provContact
		}
		if err := a.SetLetterDetails(r.ctx, ref, d); err != nil {
			return err
		}
		changed = true
	}
	if set["to"] {
		if *to != evidence.ToAssociation && *to != evidence.ToRegulator {
			return &evidence.FieldError{Field: "to", Reason: evidence.ReasonUnknownValue, Value: *to,
				Allowed: []string{evidence.ToAssociation, evidence.ToRegulator}}
		}
		if err := a.SetAddressee(r.ctx, ref, *to, app.Addressee{Body: *body, Name: *name, Address: *address}); err != nil {
			return err
		}
		changed = true
	} else if set["body"] || set["name"] || set["address"] {
		return usage("cli.missing-flag", "flag", "--to association|regulator", "command", "bodies")
	}
	choices, err := a.Bodies(r.ctx, ref)
	if err != nil {
		return err
	}
	d, err := a.LetterDetails(r.ctx, ref)
	if err != nil {
		return err
	}
	if *asJSON {
		return r.json(struct {
			Bodies  []app.BodyChoice  `json:"bodies"`
			Details app.LetterDetails `json:"details"`
		}{choices, d})
	}
	if changed && !set["to"] {
		r.printf("%s\n", r.l.T("law.details-saved"))
		return nil
	}
	for _, b := range choices {
		if changed && (!b.Chosen || b.Party != *to) {
			continue
		}
		key, args := b.NameKey(d.City)
		n := r.l.T(key, args...)
		if b.Name != "" {
			n = b.Name
		}
		if changed {
			r.printf("%s\n", r.l.T("law.body-saved", "party", r.l.Label("party", b.Party), "name", n))
			continue
		}
		line := b.ID + "  " + n + " [" + b.Party + "]"
		if b.Chosen {
			line += " — " + r.l.T("law.chosen")
		}
		r.printf("%s\n  %s\n", line, r.l.T(b.AskKey))
		if b.Address != "" {
			r.printf("  %s\n", b.Address)
		}
	}
	if !changed {
		t := table{}
		t.row(r.l.T("cli.label", "label", r.l.T("law.city")), d.City)
		t.row(r.l.T("cli.label", "label", r.l.T("law.provider-address")), d.ProviderAddress)
		t.row(r.l.T("cli.label", "label", r.l.T("law.provider-contact")), d.ProviderContact)
		t.write(r.out)
	}
	return nil
}
