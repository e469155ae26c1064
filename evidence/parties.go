package evidence

import (
	"strings"
	"time"

	"github.com/google/uuid"
)

// Business is what the official complaint forms ask about the provider
// beyond the name the user knows it by (docs/FORMS.md).
type Business struct {
	// LegalName is the registered name (12315 finds a business only by
	// it; the CFPB asks for the full legal name).
	LegalName string `json:"legal_name,omitempty"`
	// Address is its registered or complaints address; several lines
	// allowed. 12315 refuses a complaint without it and routes by it.
	Address string `json:"address,omitempty"`
	// RegNo is a licence or registration number (统一社会信用代码, FRN…).
	RegNo string `json:"reg_no,omitempty"`
	// Email is its complaints email address.
	Email string `json:"email,omitempty"`
	// Contact is any other way to reach its complaints team (a hotline, a
	// web form), as the user wrote it.
	Contact string `json:"contact,omitempty"`
}

// IsZero reports whether nothing is known about the business.
func (b Business) IsZero() bool { return b == Business{} }

// The preferred contact methods (the FOS form asks for one).
const (
	ByPhone = "phone"
	ByEmail = "email"
	ByPost  = "post"
)

// ContactMethods lists the preferred contact methods.
var ContactMethods = []string{ByPhone, ByEmail, ByPost}

// ProductKinds lists the kinds of financial product the complaint forms'
// lists are mapped from (forms.Products), in display order.
var ProductKinds = []string{"e-wallet", "prepaid-card", "money-transfer", "bank-account", "other"}

// Answers of a yes/no fact that may be unknown.
const (
	Yes = "yes"
	No  = "no"
)

// YesNo lists the answers of a yes/no fact.
var YesNo = []string{Yes, No}

// earliestBirth is the earliest date of birth accepted.
var earliestBirth = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)

func (c *Case) normalizeDetails() {
	p := &c.Complainant
	for _, s := range []*string{&p.Phone, &p.Email, &p.Postcode, &p.City, &p.BirthDate, &p.IDNumber, &p.Prefers,
		&c.Business.LegalName, &c.Business.Address, &c.Business.RegNo, &c.Business.Email, &c.Business.Contact,
		&c.Product, &c.FinalResponse, &c.FinalMentionsOmbudsman, &c.ClientID} {
		*s = strings.TrimSpace(*s)
	}
	p.Email = strings.ToLower(p.Email)
}

func (c *Case) validateDetails(es *Errors) {
	validatePerson(es, c.Complainant.person())
	b := c.Business
	checkTexts(es, textField{"provider-legal", b.LegalName, false}, textField{"provider-address", b.Address, true},
		textField{"provider-regno", b.RegNo, false}, textField{"provider-email", b.Email, false},
		textField{"provider-contact", b.Contact, false})
	es.add(optional("provider-legal", b.LegalName, MaxShort))
	es.add(optional("provider-address", b.Address, MaxShort*5))
	es.add(optional("provider-regno", b.RegNo, MaxShort))
	es.add(optional("provider-contact", b.Contact, MaxShort))
	es.add(checkEmail("provider-email", b.Email))
	if c.Product != "" {
		es.add(oneOf("product", c.Product, ProductKinds))
	}
	es.add(checkDay("final-response", c.FinalResponse, earliest))
	if c.FinalMentionsOmbudsman != "" {
		es.add(oneOf("final-mentions-ombudsman", c.FinalMentionsOmbudsman, YesNo))
	}
	if c.ClientID != "" {
		if _, err := uuid.Parse(c.ClientID); err != nil {
			es.add(&FieldError{Field: "client", Reason: ReasonMalformedID, Value: c.ClientID})
		}
	}
}

// person is the part of a complainant a client also has.
type person struct {
	name, contact, address, phone, email, postcode, city, birth, id, prefers string
}

func (p Complainant) person() person {
	return person{p.Name, p.Contact, p.Address, p.Phone, p.Email, p.Postcode, p.City, p.BirthDate, p.IDNumber, p.Prefers}
}

// validatePerson checks the details a complainant and a client share
// beyond the name, contact and address (checked by their owners).
func validatePerson(es *Errors, p person) {
	checkTexts(es, textField{"phone", p.phone, false}, textField{"email", p.email, false},
		textField{"postcode", p.postcode, false}, textField{"city", p.city, false},
		textField{"id-number", p.id, false})
	es.add(optional("phone", p.phone, MaxShort))
	es.add(checkEmail("email", p.email))
	es.add(optional("postcode", p.postcode, MaxShort))
	es.add(optional("city", p.city, MaxShort))
	es.add(optional("id-number", p.id, MaxShort))
	es.add(checkDay("birth-date", p.birth, earliestBirth))
	if p.prefers != "" {
		es.add(oneOf("prefers", p.prefers, ContactMethods))
	}
}

// checkDay checks an optional YYYY-MM-DD date, no earlier than from and no
// later than next year.
func checkDay(field, v string, from time.Time) error {
	if v == "" {
		return nil
	}
	d, err := time.Parse(DateLayout, v)
	if err != nil {
		return &FieldError{Field: field, Reason: ReasonMalformedDate, Value: v}
	}
	if d.Before(from) || d.Year() > 9999 {
		return &FieldError{Field: field, Reason: ReasonImplausibleDate, Value: v}
	}
	return nil
}

// ReasonMalformedEmail: the text is not an email address.
const ReasonMalformedEmail Reason = "malformed-email"

// checkEmail accepts "" or one address: something@domain.tld, no spaces.
func checkEmail(field, v string) error {
	if v == "" {
		return nil
	}
	if err := optional(field, v, MaxShort); err != nil {
		return err
	}
	local, domain, ok := strings.Cut(v, "@")
	if !ok || local == "" || strings.ContainsAny(v, " \t\n,;<>") || strings.Contains(domain, "@") ||
		!strings.Contains(domain, ".") || strings.HasPrefix(domain, ".") || strings.HasSuffix(domain, ".") {
		return &FieldError{Field: field, Reason: ReasonMalformedEmail, Value: v}
	}
	return nil
}

// Client is a person a representative (a paralegal) acts for: the
// details entered once and reused by each of their cases as the
// complainant.
type Client struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Contact   string `json:"contact,omitempty"`
	Address   string `json:"address,omitempty"`
	Phone     string `json:"phone,omitempty"`
	Email     string `json:"email,omitempty"`
	Postcode  string `json:"postcode,omitempty"`
	City      string `json:"city,omitempty"`
	BirthDate string `json:"birth_date,omitempty"`
	IDNumber  string `json:"id_number,omitempty"` // sensitive, as Complainant.IDNumber
	Prefers   string `json:"prefers,omitempty"`
	// Reference is the representative's own reference for the client.
	Reference string     `json:"reference,omitempty"`
	Created   time.Time  `json:"created"`
	Updated   time.Time  `json:"updated"`
	Archived  *time.Time `json:"archived,omitempty"`
	Version   int        `json:"version"`
}

// Normalize trims surrounding space.
func (c *Client) Normalize() {
	for _, s := range []*string{&c.Name, &c.Contact, &c.Address, &c.Phone, &c.Email, &c.Postcode, &c.City,
		&c.BirthDate, &c.IDNumber, &c.Prefers, &c.Reference} {
		*s = strings.TrimSpace(*s)
	}
	c.Email = strings.ToLower(c.Email)
}

// Validate returns every problem with the client as Errors, or nil.
func (c *Client) Validate() error {
	var es Errors
	if c.ID != "" {
		if _, err := uuid.Parse(c.ID); err != nil {
			es.add(&FieldError{Field: "id", Reason: ReasonMalformedID, Value: c.ID})
		}
	}
	es.add(required("name", c.Name, MaxShort))
	checkTexts(&es, textField{"name", c.Name, false}, textField{"contact", c.Contact, false},
		textField{"address", c.Address, true}, textField{"reference", c.Reference, false})
	es.add(optional("contact", c.Contact, MaxShort))
	es.add(optional("address", c.Address, MaxLong))
	es.add(optional("reference", c.Reference, MaxShort))
	validatePerson(&es, person{c.Name, c.Contact, c.Address, c.Phone, c.Email, c.Postcode, c.City, c.BirthDate, c.IDNumber, c.Prefers})
	return es.err()
}

// Complainant is the client as the complainant of a case with the given
// account ID at the provider.
func (c Client) Complainant(accountID string) Complainant {
	return Complainant{Name: c.Name, Contact: c.Contact, Address: c.Address, AccountID: accountID,
		Phone: c.Phone, Email: c.Email, Postcode: c.Postcode, City: c.City, BirthDate: c.BirthDate,
		IDNumber: c.IDNumber, Prefers: c.Prefers}
}

// ApplyClient makes the client the case's complainant (keeping the
// case's account ID) and links the case to it.
func (c *Case) ApplyClient(cl Client) {
	c.Complainant = cl.Complainant(c.Complainant.AccountID)
	c.ClientID = cl.ID
}

// Profile is the representative's own details (a paralegal, a solicitor,
// a relative who files for someone): who letters written on a client's
// behalf come from, and where replies go.
type Profile struct {
	Name string `json:"name"`
	Firm string `json:"firm,omitempty"`
	// Role is how the forms describe the representative's relationship to
	// the complainant ("paralegal", "solicitor", "daughter").
	Role     string `json:"role,omitempty"`
	Address  string `json:"address,omitempty"`
	Postcode string `json:"postcode,omitempty"`
	Phone    string `json:"phone,omitempty"`
	Email    string `json:"email,omitempty"`
	// Reference is the representative's own reference, printed on every
	// letter ("Our ref").
	Reference string    `json:"reference,omitempty"`
	Updated   time.Time `json:"updated"`
	Version   int       `json:"version"`
}

// IsZero reports whether no profile was set up.
func (p Profile) IsZero() bool { return p.Name == "" && p.Firm == "" }

// Normalize trims surrounding space.
func (p *Profile) Normalize() {
	for _, s := range []*string{&p.Name, &p.Firm, &p.Role, &p.Address, &p.Postcode, &p.Phone, &p.Email, &p.Reference} {
		*s = strings.TrimSpace(*s)
	}
	p.Email = strings.ToLower(p.Email)
}

// Validate returns every problem with the profile as Errors, or nil. A
// profile needs a name (the person who signs), the rest is optional.
func (p *Profile) Validate() error {
	var es Errors
	es.add(required("rep-name", p.Name, MaxShort))
	checkTexts(&es, textField{"rep-name", p.Name, false}, textField{"firm", p.Firm, false},
		textField{"role", p.Role, false}, textField{"rep-address", p.Address, true},
		textField{"rep-postcode", p.Postcode, false}, textField{"rep-phone", p.Phone, false},
		textField{"rep-reference", p.Reference, false})
	es.add(optional("firm", p.Firm, MaxShort))
	es.add(optional("role", p.Role, MaxShort))
	es.add(optional("rep-address", p.Address, MaxShort*5))
	es.add(optional("rep-postcode", p.Postcode, MaxShort))
	es.add(optional("rep-phone", p.Phone, MaxShort))
	es.add(optional("rep-reference", p.Reference, MaxShort))
	es.add(checkEmail("rep-email", p.Email))
	return es.err()
}
