package app

import (
	"context"
	"slices"
	"strings"

	"redress/dossier"
	"redress/escalation"
	"redress/evidence"
	"redress/forms"
	"redress/lang"
	"redress/letters"
	"redress/store"
)

// FormView is one official complaint form filled from a case: what the
// "Form answers" view, `redress forms` and the dossier appendix show.
type FormView struct {
	ID      string         `json:"id"`
	Name    string         `json:"name"`    // in the user's language
	Note    string         `json:"note"`    // what to know before filling it in
	URL     string         `json:"url"`     // where the form is
	Checked string         `json:"checked"` // when its description was last checked (YYYY-MM-DD)
	Answers []forms.Answer `json:"answers"` // every field that applies, in the form's order
	// Missing are the answers still missing, required ones first.
	Missing []forms.Answer `json:"missing"`
}

// FormAnswers fills the complaint forms of the case's jurisdiction
// (forms.For) from the case, its timeline and — when a representative
// prepares it — the profile: labels, reasons and problems in l, values in
// each form's own language and formats. only, when not "", picks one form
// by its ID.
func (a *App) FormAnswers(ctx context.Context, caseRef string, l lang.Lang, only string) ([]FormView, error) {
	c, err := a.Case(ctx, caseRef)
	if err != nil {
		return nil, err
	}
	evs, err := a.store.Timeline(ctx, c.ID, store.Query{OldestFirst: true})
	if err != nil {
		return nil, err
	}
	all := forms.For(c.Jurisdiction)
	if only != "" {
		var ids []string
		for _, f := range all {
			ids = append(ids, f.ID)
		}
		i := slices.Index(ids, strings.TrimSpace(only))
		if i < 0 {
			return nil, &evidence.FieldError{Field: "form", Reason: evidence.ReasonUnknownValue, Value: only, Allowed: ids}
		}
		all = all[i : i+1]
	}
	out := make([]FormView, 0, len(all))
	for _, f := range all {
		facts, err := a.facts(ctx, c, evs, f.Lang)
		if err != nil {
			return nil, err
		}
		as := f.Answer(facts, l)
		out = append(out, FormView{ID: f.ID, Name: l.T(f.Name()), Note: l.T(f.Note()), URL: f.URL, Checked: f.Checked,
			Answers: as, Missing: forms.Missing(as)})
	}
	return out, nil
}

// facts gathers what the forms ask for from the case, its timeline and
// the profile; the narrative is written in the form's language.
func (a *App) facts(ctx context.Context, c evidence.Case, evs []evidence.Event, formLang evidence.Language) (forms.Facts, error) {
	p := c.Complainant
	x := forms.Facts{Name: p.Name, Phone: p.Phone, Email: p.Email, Address: p.Address, Postcode: p.Postcode,
		BirthDate: p.BirthDate, IDNumber: p.IDNumber, Contact: forms.Contact(p.Prefers), AccountID: p.AccountID,
		Provider: c.Provider, ProviderLegal: c.Business.LegalName, ProviderAddress: c.Business.Address,
		ProviderRegNo: c.Business.RegNo, ProviderEmail: c.Business.Email, Product: forms.Product(c.Product),
		Problem: c.Problem, Amount: c.Amount, Incident: c.Incident,
		FinalMentionsOmbudsman: forms.Tristate(c.FinalMentionsOmbudsman), OnBehalf: c.Represented}
	active := evidence.Active(evs)
	var complaint, final *evidence.Event
	for i := range active {
		e := &active[i]
		switch {
		case e.Kind == evidence.KindTransaction && e.Transaction != nil:
			x.Transactions = append(x.Transactions, forms.Transaction{ID: e.Transaction.TxID, At: e.At, Amount: e.Transaction.Amount})
		case escalation.IsRecordsRequest(e):
		case complaint == nil && e.Kind == evidence.KindLetter && e.Letter != nil && (e.Letter.To == "" || e.Letter.To == evidence.ToProvider):
			complaint = e
		case complaint == nil && e.Kind == evidence.KindContact && hasAnyTag(e.Tags, "complaint", "投诉"):
			complaint = e
		case final == nil && e.Kind == evidence.KindResponse && e.Response != nil && e.Response.Final &&
			(e.Response.From == "" || e.Response.From == evidence.ToProvider):
			final = e
		}
	}
	if complaint != nil {
		x.ComplainedOn = complaint.At.Format(evidence.DateLayout)
		x.ProviderRef = complaint.Reference
	}
	if final != nil {
		x.FinalResponse = final.At.Format(evidence.DateLayout)
		if x.ProviderRef == "" {
			x.ProviderRef = final.Reference
		}
	} else {
		x.FinalResponse = c.FinalResponse
	}
	in := letters.Input{Case: c, Events: evs, To: letters.Regulator, Lang: formLang, Date: a.now().In(a.loc)}
	if c.Represented {
		prof, ok, err := a.store.Profile(ctx)
		if err != nil {
			return x, err
		}
		if ok {
			x.Representative = forms.Representative{Name: prof.Name, Firm: prof.Firm, Relationship: prof.Role,
				Address: prof.Address, Postcode: prof.Postcode, Phone: prof.Phone, Email: prof.Email, Reference: prof.Reference}
			in.Representative = representative(prof)
		}
	}
	x.Narrative = letters.Narrative(in)
	x.Request = letters.Request(in)
	return x, nil
}

func hasAnyTag(tags []string, want ...string) bool {
	for _, t := range tags {
		if slices.Contains(want, strings.ToLower(strings.TrimSpace(t))) {
			return true
		}
	}
	return false
}

// FactField is where the user gives a missing fact: the case form's field
// key ("phone", "id-number", "provider-address"…), "profile" for the
// representative's details, "timeline" for what the timeline records (a
// complaint, a final response, the narrative), or "" when it comes from
// elsewhere.
func FactField(f forms.Fact) string {
	switch f {
	case forms.FactName, forms.FactPhone, forms.FactEmail, forms.FactAddress, forms.FactPostcode,
		forms.FactProduct, forms.FactRequest:
		return map[forms.Fact]string{forms.FactName: "name", forms.FactPhone: "phone", forms.FactEmail: "email",
			forms.FactAddress: "address", forms.FactPostcode: "postcode", forms.FactProduct: "product",
			forms.FactRequest: "remedy"}[f]
	case forms.FactBirthDate:
		return "birth-date"
	case forms.FactIDNumber:
		return "id-number"
	case forms.FactContact:
		return "prefers"
	case forms.FactAccountID:
		return "account"
	case forms.FactProvider:
		return "provider"
	case forms.FactProviderLegal:
		return "provider-legal"
	case forms.FactProviderAddress, forms.FactHandlingOffice:
		return "provider-address"
	case forms.FactProviderRegNo:
		return "provider-regno"
	case forms.FactProviderEmail:
		return "provider-email"
	case forms.FactSubProduct, forms.FactProductName:
		return "product"
	case forms.FactProblem:
		return "problem"
	case forms.FactAmount:
		return "amount"
	case forms.FactIncident:
		return "incident"
	case forms.FactFinalResponse:
		return "final-response"
	case forms.FactOmbudsmanNotice:
		return "final-mentions-ombudsman"
	case forms.FactComplainedOn, forms.FactComplaintSoFar, forms.FactTriedToFix, forms.FactNarrative, forms.FactTransactionIDs:
		return "timeline"
	case forms.FactRepName, forms.FactRepRelationship, forms.FactRepAddress, forms.FactRepPostcode, forms.FactRepPhone,
		forms.FactRepEmail, forms.FactRepReference:
		return "profile"
	}
	return ""
}

// formBodies maps the complaint body a dossier goes to onto its form.
var formBodies = map[string]string{"cn.12315": "cn-12315", "cn.pboc": "cn-12363", "cn.nfra": "cn-12378",
	"uk.fos": "uk-fos", "us.cfpb": "us-cfpb", "eu.adr": "eu-fspo"}

// formPages are the form answers printed as appendices of a dossier to an
// association or a regulator: the form of the body the dossier goes to,
// else every form of the case's jurisdiction. None for the provider; the
// identity number is then never printed for it.
func (a *App) formPages(ctx context.Context, in letters.Input, evs []evidence.Event, redact bool) ([]dossier.FormPage, error) {
	if in.To == letters.Provider {
		return nil, nil
	}
	l := lang.EN
	if in.Lang == evidence.Chinese {
		l = lang.ZH
	}
	all := forms.For(in.Case.Jurisdiction)
	if id, ok := formBodies[in.Body]; ok {
		if f, ok := forms.Lookup(id); ok && f.Jurisdiction == in.Case.Jurisdiction {
			all = []forms.Form{f}
		}
	}
	var out []dossier.FormPage
	for _, f := range all {
		facts, err := a.facts(ctx, in.Case, evs, f.Lang)
		if err != nil {
			return nil, err
		}
		as := f.Answer(facts, l)
		if redact {
			as = forms.Redacted(as, facts)
		}
		page := dossier.FormPage{Title: l.T(f.Name()), Lines: []string{
			l.T("form.where", "url", f.URL, "date", f.Checked), l.T(f.Note())}}
		for _, ans := range as {
			fl := dossier.FormField{Label: ans.Label, Required: ans.Field.Required, Value: ans.Value}
			switch {
			case ans.Missing && ans.Problem != "":
				fl.Note = ans.Problem
			case ans.Missing:
				fl.Note = ans.Reason
			case ans.Cut:
				fl.Note = l.T("form.cut", "n", itoa(int64(ans.Length)), "full", itoa(int64(ans.Full)), "unit", l.T(ans.Field.Limit.Count.Unit()))
			case ans.Field.Choice:
				fl.Note = l.T("form.choice")
			}
			page.Fields = append(page.Fields, fl)
		}
		out = append(out, page)
	}
	return out, nil
}
