package app

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"redress/evidence"
	"redress/filename"
	"redress/lang"
	"redress/letters"
)

// Paralegals (issue 14): the representative's profile, clients whose
// details are entered once, the case details the official forms ask for,
// letters written on the client's behalf, and a client's cases exported in
// one step.

// CaseDetails are what the official complaint forms ask for beyond the
// case's basic facts (docs/FORMS.md), as typed in a form or on the command
// line. Every one is optional.
type CaseDetails struct {
	Phone, Email, Postcode, City, BirthDate, IDNumber, Prefers string
	ProviderLegal, ProviderAddress, ProviderRegNo              string
	ProviderEmail, ProviderContact                             string
	Product, FinalResponse, FinalMentionsOmbudsman             string
	// Client names the client the case is for (ID, ID prefix or name):
	// the case takes the client's details as its complainant's. NewCase
	// and EditCase resolve it; "" is no client.
	Client string
	// Represented: a representative (the profile) prepares the case.
	Represented bool
}

func (d CaseDetails) apply(c *evidence.Case) {
	p := &c.Complainant
	p.Phone, p.Email, p.Postcode, p.City = d.Phone, d.Email, d.Postcode, d.City
	p.BirthDate, p.IDNumber, p.Prefers = d.BirthDate, d.IDNumber, d.Prefers
	c.Business = evidence.Business{LegalName: d.ProviderLegal, Address: d.ProviderAddress, RegNo: d.ProviderRegNo,
		Email: d.ProviderEmail, Contact: d.ProviderContact}
	c.Product, c.FinalResponse, c.FinalMentionsOmbudsman = d.Product, d.FinalResponse, d.FinalMentionsOmbudsman
	c.Represented = d.Represented
}

// DetailsOf returns a case's details as a form shows them (Client is the
// client's ID).
func DetailsOf(c evidence.Case) CaseDetails {
	p, b := c.Complainant, c.Business
	return CaseDetails{Phone: p.Phone, Email: p.Email, Postcode: p.Postcode, City: p.City, BirthDate: p.BirthDate,
		IDNumber: p.IDNumber, Prefers: p.Prefers, ProviderLegal: b.LegalName, ProviderAddress: b.Address,
		ProviderRegNo: b.RegNo, ProviderEmail: b.Email, ProviderContact: b.Contact, Product: c.Product,
		FinalResponse: c.FinalResponse, FinalMentionsOmbudsman: c.FinalMentionsOmbudsman, Client: c.ClientID,
		Represented: c.Represented}
}

// InputOf is the form input that gives back case c.
func InputOf(c evidence.Case) CaseInput {
	in := CaseInput{Title: c.Title, Provider: c.Provider, Problem: string(c.Problem), Jurisdiction: string(c.Jurisdiction),
		Incident: c.Incident, Name: c.Complainant.Name, Contact: c.Complainant.Contact, Address: c.Complainant.Address,
		Account: c.Complainant.AccountID, Remedy: c.Remedy, Language: string(c.Language), Status: string(c.Status),
		Details: DetailsOf(c)}
	if !c.Amount.IsZero() {
		in.Amount, in.Currency = c.Amount.Decimal(), c.Amount.Currency
	}
	return in
}

// linkClient resolves a client reference and makes that client the
// case's complainant (keeping the case's account ID); "" leaves the case
// without a client. Complainant details typed with the case go to the
// client (entered once, for all the client's cases): with replace, the
// typed details are the client's new details (the edit form shows them
// all); without, only those typed in are added (a new case).
func (a *App) linkClient(ctx context.Context, c *evidence.Case, ref string, replace bool) error {
	if strings.TrimSpace(ref) == "" {
		c.ClientID = ""
		return nil
	}
	cl, err := a.Client(ctx, ref)
	if err != nil {
		return err
	}
	merged := mergeClient(cl, c.Complainant, replace)
	if merged != cl {
		if _, err := a.store.UpdateClient(ctx, &merged); err != nil {
			return err
		}
	}
	c.ApplyClient(merged)
	return nil
}

// mergeClient puts typed complainant details into the client's.
func mergeClient(cl evidence.Client, p evidence.Complainant, replace bool) evidence.Client {
	set := func(dst *string, v string) {
		if replace || strings.TrimSpace(v) != "" {
			*dst = strings.TrimSpace(v)
		}
	}
	set(&cl.Name, p.Name)
	if cl.Name == "" { // a client always has a name
		cl.Name = p.Name
	}
	set(&cl.Contact, p.Contact)
	set(&cl.Address, p.Address)
	set(&cl.Phone, p.Phone)
	set(&cl.Email, strings.ToLower(p.Email))
	set(&cl.Postcode, p.Postcode)
	set(&cl.City, p.City)
	set(&cl.BirthDate, p.BirthDate)
	set(&cl.IDNumber, p.IDNumber)
	set(&cl.Prefers, p.Prefers)
	return cl
}

// EditCase stores a case's facts as typed in the edit form (every field
// given; the previous version is kept). A case for a client keeps taking
// the client's details.
func (a *App) EditCase(ctx context.Context, caseRef string, in CaseInput) (evidence.Case, error) {
	old, err := a.Case(ctx, caseRef)
	if err != nil {
		return old, err
	}
	c, err := in.Case()
	if err != nil {
		return c, err
	}
	c.ID, c.Created, c.Version, c.Archived = old.ID, old.Created, old.Version, old.Archived
	if err := a.linkClient(ctx, &c, in.Details.Client, true); err != nil {
		return c, err
	}
	if err := a.store.UpdateCase(ctx, &c); err != nil {
		return c, err
	}
	return c, nil
}

// Profile returns the representative's profile; ok is false when none was
// set up yet.
func (a *App) Profile(ctx context.Context) (evidence.Profile, bool, error) {
	return a.store.Profile(ctx)
}

// SaveProfile stores the representative's profile in the database (so it
// travels with backups); the previous version is kept.
func (a *App) SaveProfile(ctx context.Context, p evidence.Profile) (evidence.Profile, error) {
	err := a.store.SaveProfile(ctx, &p)
	return p, err
}

// Clients lists the clients by name (archived ones with archived).
func (a *App) Clients(ctx context.Context, archived bool) ([]evidence.Client, error) {
	return a.store.Clients(ctx, archived)
}

// Client reads a client by ID, ID prefix or exact name.
func (a *App) Client(ctx context.Context, ref string) (evidence.Client, error) {
	id, err := a.store.ResolveClient(ctx, ref)
	if err != nil {
		return evidence.Client{}, err
	}
	return a.store.Client(ctx, id)
}

// NewClient validates and stores a new client.
func (a *App) NewClient(ctx context.Context, c evidence.Client) (evidence.Client, error) {
	c.ID = ""
	err := a.store.CreateClient(ctx, &c)
	return c, err
}

// UpdateClient stores a client's new details and passes them on to the
// client's cases that are not archived (each keeps its previous version);
// it returns the IDs of the cases changed.
func (a *App) UpdateClient(ctx context.Context, c *evidence.Client) ([]string, error) {
	return a.store.UpdateClient(ctx, c)
}

// ArchiveClient hides a client; its cases stay as they are.
func (a *App) ArchiveClient(ctx context.Context, ref string) error {
	id, err := a.store.ResolveClient(ctx, ref)
	if err != nil {
		return err
	}
	return a.store.ArchiveClient(ctx, id)
}

// RestoreClient brings an archived client back.
func (a *App) RestoreClient(ctx context.Context, ref string) error {
	id, err := a.store.ResolveClient(ctx, ref)
	if err != nil {
		return err
	}
	return a.store.RestoreClient(ctx, id)
}

// ClientCases lists a client's cases (archived ones with archived), most
// recent activity first.
func (a *App) ClientCases(ctx context.Context, ref string, archived bool) ([]CaseSummary, error) {
	id, err := a.store.ResolveClient(ctx, ref)
	if err != nil {
		return nil, err
	}
	all, err := a.store.Cases(ctx, archived)
	if err != nil {
		return nil, err
	}
	var out []CaseSummary
	for _, c := range all {
		if c.ClientID == id {
			out = append(out, c)
		}
	}
	return out, nil
}

// ExportClient writes every case of a client (archived ones too) as its
// own signed archive into dir, made (owner-only) when missing: one ZIP per
// case, named after the client, the case and its ID, never replacing a
// file (docs/ARCHIVE.md, "A client's cases"). It returns the files
// written, in case order.
func (a *App) ExportClient(ctx context.Context, ref, dir string, opts ExportOptions) ([]string, error) {
	cl, err := a.Client(ctx, ref)
	if err != nil {
		return nil, err
	}
	ids, err := a.store.ClientCases(ctx, cl.ID)
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, lang.E("client.no-cases", "client", cl.Name)
	}
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		return nil, lang.E("client.export-not-dir", "dir", dir)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, lang.Wrap(err, "export.cannot-write", "file", dir)
	}
	var out []string
	for _, id := range ids {
		c, err := a.store.Case(ctx, id)
		if err != nil {
			return out, err
		}
		who := cl.Name
		if opts.Redact {
			who = evidence.Redact(who)
		}
		name := filename.Safe(who+" - "+c.Title+" - "+id[:8], "case-"+id[:8]) + ".zip"
		path := FreeName(filepath.Join(dir, name))
		if err := a.Export(ctx, id, path, opts); err != nil {
			return out, err
		}
		out = append(out, path)
	}
	return out, nil
}

// onBehalf sets a letter's representative: the profile, when the case is
// prepared by a representative, with whether the client's signed letter
// of authority is among the exhibits.
func (a *App) onBehalf(ctx context.Context, in *letters.Input) error {
	if !in.Case.Represented {
		return nil
	}
	p, ok, err := a.store.Profile(ctx)
	if err != nil || !ok {
		return err
	}
	in.Representative = representative(p)
	in.AuthorityEnclosed = authorityEnclosed(in.Events)
	return nil
}

func representative(p evidence.Profile) *letters.Representative {
	addr := p.Address
	if p.Postcode != "" && !strings.Contains(addr, p.Postcode) {
		addr = strings.TrimSpace(addr + "\n" + p.Postcode)
	}
	return &letters.Representative{Name: p.Name, Firm: p.Firm, Address: addr, Phone: p.Phone, Email: p.Email, Reference: p.Reference}
}

// TagAuthority marks the event holding the client's signed letter of
// authority ("授权委托书" is its Chinese alias).
const TagAuthority = "authority"

var authorityTags = []string{TagAuthority, "授权委托书"}

// IsAuthority reports whether an event holds the signed letter of
// authority.
func IsAuthority(e evidence.Event) bool {
	for _, t := range e.Tags {
		if slices.Contains(authorityTags, strings.ToLower(strings.TrimSpace(t))) {
			return true
		}
	}
	return false
}

func authorityEnclosed(evs []evidence.Event) bool {
	for _, e := range evidence.Active(evs) {
		if IsAuthority(e) && len(e.Attachments) > 0 {
			return true
		}
	}
	return false
}

// providerContact is how letters to bodies give the provider's contact:
// its complaints email and any other contact the user noted.
func providerContact(b evidence.Business) string {
	var parts []string
	for _, v := range []string{b.Email, b.Contact} {
		if v = strings.TrimSpace(v); v != "" && !slices.Contains(parts, v) {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, "; ")
}

// errNoProfile is returned where a representative's profile is needed.
func errNoProfile() error { return lang.E("profile.missing") }
