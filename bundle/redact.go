package bundle

import "redress/evidence"

// redactData masks account, card and phone numbers in every text field
// (evidence.Redactor: evidence.Redact plus the case's own account IDs).
func redactData(d Data) Data {
	accounts := []string{d.Case.Complainant.AccountID, d.Case.Complainant.IDNumber}
	for _, c := range d.CaseHistory {
		accounts = append(accounts, c.Complainant.AccountID, c.Complainant.IDNumber)
	}
	if d.Client != nil {
		accounts = append(accounts, d.Client.IDNumber)
	}
	red := evidence.Redactor(accounts...)
	out := d
	out.Case = redactCase(d.Case, red)
	out.CaseHistory = make([]evidence.Case, len(d.CaseHistory))
	for i, c := range d.CaseHistory {
		out.CaseHistory[i] = redactCase(c, red)
	}
	out.Events = redactEvents(d.Events, red)
	out.EventHistory = make(map[string][]evidence.Event, len(d.EventHistory))
	for id, es := range d.EventHistory {
		out.EventHistory[id] = redactEvents(es, red)
	}
	out.Drafts = make([]Draft, len(d.Drafts))
	for i, dr := range d.Drafts {
		dr.Text = red(dr.Text)
		out.Drafts[i] = dr
	}
	if d.Client != nil {
		cl := *d.Client
		cl.Name, cl.Contact, cl.Address = red(cl.Name), red(cl.Contact), red(cl.Address)
		cl.Phone, cl.Email, cl.Postcode, cl.City = red(cl.Phone), red(cl.Email), red(cl.Postcode), red(cl.City)
		cl.Reference = red(cl.Reference)
		cl.IDNumber = maskID(cl.IDNumber)
		out.Client = &cl
	}
	out.Redacted = true
	return out
}

func redactCase(c evidence.Case, red func(string) string) evidence.Case {
	c.Title = red(c.Title)
	c.Provider = red(c.Provider)
	c.Remedy = red(c.Remedy)
	c.Complainant.Name = red(c.Complainant.Name)
	c.Complainant.Contact = red(c.Complainant.Contact)
	c.Complainant.Address = red(c.Complainant.Address)
	c.Complainant.AccountID = evidence.MaskAccount(c.Complainant.AccountID)
	p := &c.Complainant
	p.Phone, p.Email, p.Postcode, p.City = red(p.Phone), red(p.Email), red(p.Postcode), red(p.City)
	p.IDNumber = maskID(p.IDNumber) // never whole in a redacted copy
	b := &c.Business
	b.LegalName, b.Address, b.RegNo, b.Email, b.Contact = red(b.LegalName), red(b.Address), red(b.RegNo), red(b.Email), red(b.Contact)
	return c
}

func redactEvents(es []evidence.Event, red func(string) string) []evidence.Event {
	if es == nil {
		return nil
	}
	out := make([]evidence.Event, len(es))
	for i, e := range es {
		e.Summary = red(e.Summary)
		e.Notes = red(e.Notes)
		e.Reference = red(e.Reference)
		if e.Tags != nil {
			tags := make([]string, len(e.Tags))
			for j, t := range e.Tags {
				tags[j] = red(t)
			}
			e.Tags = tags
		}
		if t := e.Transaction; t != nil {
			c := *t
			c.TxID = red(c.TxID)
			c.Status = red(c.Status)
			c.Counterparty = red(c.Counterparty)
			e.Transaction = &c
		}
		if t := e.Contact; t != nil {
			c := *t
			c.Agent = red(c.Agent)
			c.Promise = red(c.Promise)
			e.Contact = &c
		}
		if t := e.Exhibit; t != nil {
			c := *t
			c.Caption = red(c.Caption)
			c.Shows = red(c.Shows)
			e.Exhibit = &c
		}
		if t := e.Letter; t != nil {
			c := *t
			c.Name = red(c.Name)
			c.Method = red(c.Method)
			e.Letter = &c
		}
		if t := e.Response; t != nil {
			c := *t
			c.Name = red(c.Name)
			c.Outcome = red(c.Outcome)
			e.Response = &c
		}
		if m := e.Email; m != nil {
			c := *m
			c.From, c.Subject = red(c.From), red(c.Subject)
			c.To, c.Cc = redactAll(c.To, red), redactAll(c.Cc, red)
			e.Email = &c
		}
		if e.Attachments != nil {
			as := make([]evidence.Attachment, len(e.Attachments))
			for j, a := range e.Attachments {
				a.Name = red(a.Name)
				a.Caption = red(a.Caption)
				as[j] = a
			}
			e.Attachments = as
		}
		out[i] = e
	}
	return out
}

func redactAll(list []string, red func(string) string) []string {
	if list == nil {
		return nil
	}
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = red(s)
	}
	return out
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// maskID keeps the last four letters or digits of an identity document
// number (evidence.MaskAccount); an empty one stays empty.
func maskID(id string) string {
	if id == "" {
		return ""
	}
	return evidence.MaskAccount(id)
}
