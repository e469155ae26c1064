// Package evidence is the domain of Redress: cases (disputes with a payment
// provider), their timeline events and attachments, money, and validation
// errors that name the field and the reason.
package evidence

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
)

// Problem is what went wrong with the provider.
type Problem string

// The problem kinds a case can have.
const (
	TopupNotCredited        Problem = "topup-not-credited"
	WithdrawalDelayed       Problem = "withdrawal-delayed"
	TransferNotReceived     Problem = "transfer-not-received"
	PaymentFailed           Problem = "payment-failed"
	AccountFrozen           Problem = "account-frozen"
	RefundRefused           Problem = "refund-refused"
	UnauthorizedTransaction Problem = "unauthorized-transaction"
	IncorrectRecord         Problem = "incorrect-record"
	AccountClosure          Problem = "account-closure"
	OtherProblem            Problem = "other"
)

// Problems lists every problem kind in display order.
var Problems = []Problem{TopupNotCredited, WithdrawalDelayed, TransferNotReceived,
	PaymentFailed, AccountFrozen, RefundRefused, UnauthorizedTransaction,
	IncorrectRecord, AccountClosure, OtherProblem}

// Jurisdiction decides which complaint rules and regulators apply.
type Jurisdiction string

// The supported jurisdictions.
const (
	CN    Jurisdiction = "CN"
	EU    Jurisdiction = "EU"
	UK    Jurisdiction = "UK"
	US    Jurisdiction = "US"
	Other Jurisdiction = "OTHER"
)

// Jurisdictions lists every jurisdiction in display order.
var Jurisdictions = []Jurisdiction{CN, EU, UK, US, Other}

// Status is where a case stands.
type Status string

// The statuses of a case.
const (
	Open      Status = "open"
	Escalated Status = "escalated"
	Resolved  Status = "resolved"
	Closed    Status = "closed"
)

// Statuses lists every status.
var Statuses = []Status{Open, Escalated, Resolved, Closed}

// Language is the language letters for a case are written in.
type Language string

// The letter languages.
const (
	Chinese Language = "zh"
	English Language = "en"
)

// Languages lists the letter languages.
var Languages = []Language{Chinese, English}

// Complainant is the person the case is for. The fields after AccountID
// are what the official complaint forms ask for (docs/FORMS.md); they are
// optional and left out of the JSON when empty, so cases stored before
// they existed keep their exact form.
type Complainant struct {
	Name      string `json:"name"`
	Contact   string `json:"contact"`
	Address   string `json:"address"`
	AccountID string `json:"account_id"`
	Phone     string `json:"phone,omitempty"`
	Email     string `json:"email,omitempty"`
	Postcode  string `json:"postcode,omitempty"`
	// City is where the complainant lives: a Chinese letter to the
	// consumer association goes to that city's association.
	City      string `json:"city,omitempty"`
	BirthDate string `json:"birth_date,omitempty"` // YYYY-MM-DD (FOS)
	// IDNumber is an identity document number (居民身份证号码…), which
	// the Chinese bodies require. It is sensitive: never printed in
	// anything for the provider, masked by redaction.
	IDNumber string `json:"id_number,omitempty"`
	// Prefers is how the complainant prefers to be contacted: one of
	// ContactMethods, or "".
	Prefers string `json:"prefers,omitempty"`
}

// Case is one dispute with one provider.
type Case struct {
	ID           string       `json:"id"`
	Title        string       `json:"title"`
	Provider     string       `json:"provider"`
	Problem      Problem      `json:"problem"`
	Jurisdiction Jurisdiction `json:"jurisdiction"`
	Amount       Money        `json:"amount"`
	Incident     string       `json:"incident_date"` // YYYY-MM-DD, or "" when unknown
	Complainant  Complainant  `json:"complainant"`
	Remedy       string       `json:"remedy"`
	Language     Language     `json:"language"`
	Status       Status       `json:"status"`
	Created      time.Time    `json:"created"`
	Updated      time.Time    `json:"updated"`
	Archived     *time.Time   `json:"archived,omitempty"`
	Version      int          `json:"version"`

	// What the official complaint forms ask for beyond the above
	// (docs/FORMS.md). All optional; left out of the JSON when empty.
	Business Business `json:"business,omitzero"` // the provider's registered details
	// Product is the kind of product the dispute is about (one of
	// ProductKinds, or "").
	Product string `json:"product,omitempty"`
	// FinalResponse is the date of the provider's final response
	// (YYYY-MM-DD) when the user knows it without a response entry in
	// the timeline; FinalMentionsOmbudsman is whether that response told
	// the user of the ombudsman and its time limit ("yes", "no" or ""):
	// the UK six-month limit runs only then (FCA DISP 2.8.2 R).
	FinalResponse          string `json:"final_response,omitempty"`
	FinalMentionsOmbudsman string `json:"final_mentions_ombudsman,omitempty"`
	// ClientID links the case to a client (a paralegal's client, whose
	// details are entered once); "" when the case is the user's own.
	ClientID string `json:"client_id,omitempty"`
	// Represented is set when a representative prepares the case for the
	// complainant: letters and dossiers are then written on the
	// complainant's behalf, with the representative's details (the
	// profile) for replies.
	Represented bool `json:"represented,omitempty"`
}

// Length limits for text fields, in characters.
const (
	MaxShort = 200
	MaxLong  = 20000
)

// DateLayout is the layout of calendar dates such as the incident date.
const DateLayout = "2006-01-02"

// NewID returns a fresh random UUID.
func NewID() string { return uuid.NewString() }

// Normalize trims surrounding space and fills defaults (status open,
// language by jurisdiction) so that validation sees what will be stored.
func (c *Case) Normalize() {
	c.Title = strings.TrimSpace(c.Title)
	c.Provider = strings.TrimSpace(c.Provider)
	c.Incident = strings.TrimSpace(c.Incident)
	c.Remedy = strings.TrimSpace(c.Remedy)
	c.Complainant.Name = strings.TrimSpace(c.Complainant.Name)
	c.Complainant.Contact = strings.TrimSpace(c.Complainant.Contact)
	c.Complainant.Address = strings.TrimSpace(c.Complainant.Address)
	c.Complainant.AccountID = strings.TrimSpace(c.Complainant.AccountID)
	c.normalizeDetails()
	if c.Status == "" {
		c.Status = Open
	}
	if c.Language == "" {
		c.Language = English
		if c.Jurisdiction == CN {
			c.Language = Chinese
		}
	}
}

// Validate returns every problem with the case as Errors, or nil.
func (c *Case) Validate() error {
	var es Errors
	if c.ID != "" {
		if _, err := uuid.Parse(c.ID); err != nil {
			es.add(&FieldError{Field: "id", Reason: ReasonMalformedID, Value: c.ID})
		}
	}
	es.add(required("title", c.Title, MaxShort))
	es.add(required("provider", c.Provider, MaxShort))
	es.add(oneOf("problem", string(c.Problem), Problems))
	es.add(oneOf("jurisdiction", string(c.Jurisdiction), Jurisdictions))
	es.add(c.Amount.Validate("amount"))
	if c.Incident != "" {
		if d, err := time.Parse(DateLayout, c.Incident); err != nil {
			es.add(&FieldError{Field: "incident", Reason: ReasonMalformedDate, Value: c.Incident})
		} else {
			es.add(CheckDate("incident", d, time.Time{}, c.Incident))
		}
	}
	checkTexts(&es, textField{"title", c.Title, false}, textField{"provider", c.Provider, false},
		textField{"name", c.Complainant.Name, false}, textField{"contact", c.Complainant.Contact, false},
		textField{"account", c.Complainant.AccountID, false}, textField{"address", c.Complainant.Address, true},
		textField{"remedy", c.Remedy, true})
	es.add(optional("name", c.Complainant.Name, MaxShort))
	es.add(optional("contact", c.Complainant.Contact, MaxShort))
	es.add(optional("address", c.Complainant.Address, MaxLong))
	es.add(optional("account", c.Complainant.AccountID, MaxShort))
	es.add(optional("remedy", c.Remedy, MaxLong))
	es.add(oneOf("lang", string(c.Language), Languages))
	es.add(oneOf("status", string(c.Status), Statuses))
	c.validateDetails(&es)
	return es.err()
}

func required(field, v string, max int) error {
	if strings.TrimSpace(v) == "" {
		return &FieldError{Field: field, Reason: ReasonRequired}
	}
	return optional(field, v, max)
}

func optional(field, v string, max int) error {
	if utf8.RuneCountInString(v) > max {
		return &FieldError{Field: field, Reason: ReasonTooLong, Limit: itoa(max)}
	}
	return nil
}

func oneOf[T ~string](field, v string, allowed []T) error {
	names := make([]string, len(allowed))
	for i, a := range allowed {
		if string(a) == v {
			return nil
		}
		names[i] = string(a)
	}
	if v == "" {
		return &FieldError{Field: field, Reason: ReasonRequired, Allowed: names}
	}
	return &FieldError{Field: field, Reason: ReasonUnknownValue, Value: v, Allowed: names}
}
