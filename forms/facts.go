package forms

import (
	"time"

	"redress/evidence"
)

// Facts are the case facts the complaint forms ask for. The wiring fills
// them from the case, its timeline and the representative's profile;
// anything left empty is reported as missing by Form.Answer, with the
// reason the form needs it. Dates are YYYY-MM-DD (evidence.DateLayout).
type Facts struct {
	// The complainant (the client, when a representative files).
	Name      string
	Phone     string
	Email     string
	Address   string // postal address; may have several lines
	Postcode  string
	BirthDate string // YYYY-MM-DD
	// IDNumber is an identity document number (居民身份证号码…). It is
	// Sensitive: never printed in a dossier for the provider, masked by
	// redaction.
	IDNumber  string
	Contact   Contact // how the complainant prefers to be contacted
	AccountID string  // the complainant's account ID at the provider

	// The provider.
	Provider        string // the name the user knows it by (app or brand)
	ProviderLegal   string // registered legal name
	ProviderAddress string // registered or complaints address
	ProviderRegNo   string // licence or registration number (统一社会信用代码, FRN…)
	ProviderEmail   string // complaints email
	Product         Product

	// The dispute.
	Problem      evidence.Problem
	Amount       evidence.Money
	Incident     string // YYYY-MM-DD: when it happened
	Transactions []Transaction
	ComplainedOn string // YYYY-MM-DD: first complaint to the provider
	ProviderRef  string // the provider's complaint reference
	// FinalResponse is the date of the provider's final response, "" when
	// none was received.
	FinalResponse string
	// FinalMentionsOmbudsman is whether the final response told the user
	// about the ombudsman and its time limit (UK: the 6-month limit runs
	// only then).
	FinalMentionsOmbudsman Tristate
	Narrative              string // what happened, in the user's words
	Request                string // what the user asks for

	// Filing for someone else.
	OnBehalf       bool
	Representative Representative
}

// Transaction is one transaction of the dispute.
type Transaction struct {
	ID     string
	At     time.Time
	Amount evidence.Money
}

// Representative is who files for the complainant.
type Representative struct {
	Name         string
	Firm         string
	Relationship string // "solicitor", "daughter"…
	Address      string
	Postcode     string
	Phone        string
	Email        string
	Reference    string // the representative's own reference
}

// Contact is a preferred contact method.
type Contact string

// The contact methods forms offer.
const (
	ByPhone Contact = "phone"
	ByEmail Contact = "email"
	ByPost  Contact = "post"
)

// Product is the kind of financial product the dispute is about.
type Product string

// The product kinds the forms' lists are mapped from.
const (
	EWallet       Product = "e-wallet"       // stored-value wallet, e-money or payment account
	PrepaidCard   Product = "prepaid-card"   // general-purpose prepaid card
	MoneyTransfer Product = "money-transfer" // remittance or transfer service
	BankAccount   Product = "bank-account"   // current or savings account
	OtherProduct  Product = "other"
)

// Products lists the product kinds in display order.
var Products = []Product{EWallet, PrepaidCard, MoneyTransfer, BankAccount, OtherProduct}

// Tristate is yes, no or not known.
type Tristate string

// The values of a Tristate.
const (
	Unknown Tristate = ""
	Yes     Tristate = "yes"
	No      Tristate = "no"
)

// Fact names the case fact that answers a field.
type Fact string

// The facts forms ask for.
const (
	FactName            Fact = "name"
	FactPhone           Fact = "phone"
	FactEmail           Fact = "email"
	FactAddress         Fact = "address"
	FactPostcode        Fact = "postcode"
	FactBirthDate       Fact = "birth-date"
	FactIDNumber        Fact = "id-number"
	FactContact         Fact = "contact"
	FactAccountID       Fact = "account-id"
	FactProvider        Fact = "provider"       // legal name, else the known name
	FactProviderLegal   Fact = "provider-legal" // legal name only
	FactProviderAddress Fact = "provider-address"
	FactProviderRegNo   Fact = "provider-regno"
	FactProviderEmail   Fact = "provider-email"
	FactProduct         Fact = "product"     // the form's product (top level)
	FactSubProduct      Fact = "sub-product" // the form's sub-product
	FactProductName     Fact = "product-name"
	FactSalesChannel    Fact = "sales-channel"
	FactProblem         Fact = "problem"
	FactAmount          Fact = "amount"
	FactIncident        Fact = "incident"
	FactTransactionIDs  Fact = "transaction-ids"
	FactComplainedOn    Fact = "complained-on"
	FactComplaintSoFar  Fact = "complaint-so-far" // complained when, reference
	FactTriedToFix      Fact = "tried-to-fix"     // yes/no: complained to the provider
	FactFinalResponse   Fact = "final-response"   // "No", or the date
	FactOmbudsmanNotice Fact = "ombudsman-notice"
	FactNarrative       Fact = "narrative"
	FactRequest         Fact = "request"
	FactHandlingOffice  Fact = "handling-office" // CN: where the provider is registered
	FactForWhom         Fact = "for-whom"        // myself / someone else
	FactRepName         Fact = "rep-name"
	FactRepRelationship Fact = "rep-relationship"
	FactRepAddress      Fact = "rep-address"
	FactRepPostcode     Fact = "rep-postcode"
	FactRepPhone        Fact = "rep-phone"
	FactRepEmail        Fact = "rep-email"
	FactRepReference    Fact = "rep-reference"
)
