package evidence

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Kind is the kind of a timeline event.
type Kind string

// The event kinds.
const (
	KindTransaction Kind = "transaction"
	KindContact     Kind = "contact"
	KindScreenshot  Kind = "screenshot"
	KindDocument    Kind = "document"
	KindNote        Kind = "note"
	KindLetter      Kind = "letter"
	KindResponse    Kind = "response"
)

// Kinds lists every event kind.
var Kinds = []Kind{KindTransaction, KindContact, KindScreenshot, KindDocument,
	KindNote, KindLetter, KindResponse}

// Channel is how a contact with the provider happened.
type Channel string

// The contact channels.
const (
	Phone  Channel = "phone"
	Chat   Channel = "chat"
	Email  Channel = "email"
	InApp  Channel = "app"
	Social Channel = "social"
	Post   Channel = "letter"
	Visit  Channel = "visit"
)

// Channels lists every contact channel.
var Channels = []Channel{Phone, Chat, Email, InApp, Social, Post, Visit}

// How a letter (a formal complaint) can be sent, besides Email and Post.
const (
	AppForm Channel = "app-form" // the provider's in-app complaint form
	WebForm Channel = "web-form" // a complaint form on a website
	Fax     Channel = "fax"
)

// LetterChannels lists how a letter can be sent.
var LetterChannels = []Channel{Email, Post, AppForm, WebForm, Fax}

// SentBy reads how a letter was sent from what the user gave as its
// method: the name of one of LetterChannels ("email", "Fax") is that
// channel, so letters and tables say it in their own language; anything
// else ("registered post to the Beijing office") is kept as free text.
func SentBy(method string) (Channel, string) {
	method = strings.TrimSpace(method)
	for _, ch := range LetterChannels {
		if strings.EqualFold(string(ch), method) {
			return ch, ""
		}
	}
	return "", method
}

// ContactDirections: who started a contact.
const (
	Outbound = "outbound" // we contacted them
	Inbound  = "inbound"  // they contacted us
)

// TxDirections: which way money moved.
const (
	MoneyIn  = "in"
	MoneyOut = "out"
)

// Parties a letter goes to or a response comes from.
const (
	ToProvider    = "provider"
	ToAssociation = "association"
	ToRegulator   = "regulator"
)

// Parties lists the letter recipients and response senders.
var Parties = []string{ToProvider, ToAssociation, ToRegulator}

// Transaction is a payment, top-up, withdrawal or transfer as the provider shows it.
type Transaction struct {
	TxID         string `json:"txid"`
	Amount       Money  `json:"amount"`
	Direction    string `json:"direction,omitempty"` // in or out
	Status       string `json:"status,omitempty"`    // as shown by the provider
	Counterparty string `json:"counterparty,omitempty"`
}

// Contact is a call, chat, email or other exchange with the provider.
// The event's At is when it started.
type Contact struct {
	Channel   Channel       `json:"channel"`
	Direction string        `json:"direction"`
	Agent     string        `json:"agent,omitempty"`
	Duration  time.Duration `json:"duration_ns,omitempty"`
	Promise   string        `json:"promise,omitempty"`
	PromiseBy *time.Time    `json:"promise_by,omitempty"`
}

// Exhibit describes screenshots or documents.
type Exhibit struct {
	Caption string `json:"caption,omitempty"`
	Shows   string `json:"shows,omitempty"`
}

// Letter is a complaint or chaser that was sent.
type Letter struct {
	To      string  `json:"to"` // provider, association or regulator
	Name    string  `json:"name,omitempty"`
	Channel Channel `json:"channel,omitempty"` // how it was sent (LetterChannels)
	Method  string  `json:"method,omitempty"`  // free text: an address, a form's reference
}

// Response is a reply that was received.
type Response struct {
	From    string `json:"from"` // provider, association or regulator
	Name    string `json:"name,omitempty"`
	Outcome string `json:"outcome,omitempty"`
	Final   bool   `json:"final"`
}

// Attachment is one stored file. Its bytes are kept exactly as imported.
type Attachment struct {
	ID        string    `json:"id"`
	SHA256    string    `json:"sha256"`
	Size      int64     `json:"size"`
	Name      string    `json:"name"`
	MediaType string    `json:"media_type"`
	Width     int       `json:"width,omitempty"`
	Height    int       `json:"height,omitempty"`
	Caption   string    `json:"caption,omitempty"`
	Imported  time.Time `json:"imported"`
	// Taken is when the picture was taken, when its file (or the way it
	// was captured) tells; nil when unknown or not a picture.
	Taken *Taken `json:"taken,omitempty"`
}

// Event is one entry in a case's timeline. Exactly one of the kind-specific
// parts is set, matching Kind (screenshot and document share Exhibit; note
// has none).
type Event struct {
	ID          string       `json:"id"`
	CaseID      string       `json:"case_id"`
	Kind        Kind         `json:"kind"`
	At          time.Time    `json:"at"` // carries the original UTC offset
	Recorded    time.Time    `json:"recorded"`
	Summary     string       `json:"summary"`
	Notes       string       `json:"notes,omitempty"`
	Reference   string       `json:"reference,omitempty"`
	Tags        []string     `json:"tags"`
	Transaction *Transaction `json:"transaction,omitempty"`
	Contact     *Contact     `json:"contact,omitempty"`
	Exhibit     *Exhibit     `json:"exhibit,omitempty"`
	Letter      *Letter      `json:"letter,omitempty"`
	Response    *Response    `json:"response,omitempty"`
	Email       *Mail        `json:"email,omitempty"` // the email it was imported from
	Attachments []Attachment `json:"attachments"`
	Version     int          `json:"version"`
	Archived    *time.Time   `json:"archived,omitempty"`
}

// Normalize trims text, cleans tags (trimmed, lower-cased, de-duplicated,
// sorted) and creates the kind-specific part when it is missing.
func (e *Event) Normalize() {
	e.Summary = strings.TrimSpace(e.Summary)
	e.Notes = strings.TrimSpace(e.Notes)
	e.Reference = strings.TrimSpace(e.Reference)
	tags := make([]string, 0, len(e.Tags))
	for _, t := range e.Tags {
		t = strings.ToLower(strings.TrimSpace(t))
		if t != "" && !slices.Contains(tags, t) {
			tags = append(tags, t)
		}
	}
	slices.Sort(tags)
	e.Tags = tags
	switch e.Kind {
	case KindTransaction:
		if e.Transaction == nil {
			e.Transaction = &Transaction{}
		}
		e.Transaction.TxID = strings.TrimSpace(e.Transaction.TxID)
	case KindContact:
		if e.Contact == nil {
			e.Contact = &Contact{}
		}
		if e.Contact.Direction == "" {
			e.Contact.Direction = Outbound
		}
		e.Contact.Agent = strings.TrimSpace(e.Contact.Agent)
		e.Contact.Promise = strings.TrimSpace(e.Contact.Promise)
	case KindScreenshot, KindDocument:
		if e.Exhibit == nil {
			e.Exhibit = &Exhibit{}
		}
		e.Exhibit.Caption = strings.TrimSpace(e.Exhibit.Caption)
	case KindLetter:
		if e.Letter == nil {
			e.Letter = &Letter{}
		}
		if e.Letter.To == "" {
			e.Letter.To = ToProvider
		}
	case KindResponse:
		if e.Response == nil {
			e.Response = &Response{}
		}
		if e.Response.From == "" {
			e.Response.From = ToProvider
		}
	}
	if e.Attachments == nil {
		e.Attachments = []Attachment{}
	}
}

// Validate returns every problem with the event as Errors, or nil.
func (e *Event) Validate() error {
	var es Errors
	es.add(oneOf("kind", string(e.Kind), Kinds))
	if e.At.IsZero() {
		es.add(&FieldError{Field: "at", Reason: ReasonRequired})
	} else {
		es.add(CheckDate("at", e.At, time.Time{}, ""))
	}
	checkTexts(&es, textField{"summary", e.Summary, true}, textField{"notes", e.Notes, true},
		textField{"ref", e.Reference, false})
	for _, t := range e.Tags {
		es.add(CheckText("tags", t, false))
	}
	for _, a := range e.Attachments {
		es.add(CheckText("file", a.Name, false))
		es.add(CheckText("caption", a.Caption, false))
		if a.Taken != nil {
			a.Taken.validate(&es)
		}
	}
	if e.Email != nil {
		if !slices.Contains(mailKinds, e.Kind) {
			es.add(&FieldError{Field: "email", Reason: ReasonNotForKind, Value: string(e.Kind)})
		}
		e.Email.validate(&es)
	}
	es.add(optional("summary", e.Summary, MaxLong))
	es.add(optional("notes", e.Notes, MaxLong))
	es.add(optional("ref", e.Reference, MaxShort))
	for _, t := range e.Tags {
		es.add(optional("tags", t, 60))
	}
	parts := map[string]bool{
		"transaction": e.Transaction != nil, "contact": e.Contact != nil,
		"exhibit": e.Exhibit != nil, "letter": e.Letter != nil, "response": e.Response != nil,
	}
	want := map[Kind]string{KindTransaction: "transaction", KindContact: "contact",
		KindScreenshot: "exhibit", KindDocument: "exhibit", KindLetter: "letter", KindResponse: "response"}
	for part, set := range parts {
		if set && want[e.Kind] != part {
			es.add(&FieldError{Field: part, Reason: ReasonNotForKind, Value: string(e.Kind)})
		}
	}
	switch {
	case e.Transaction != nil && e.Kind == KindTransaction:
		t := e.Transaction
		es.add(optional("txid", t.TxID, MaxShort))
		checkTexts(&es, textField{"txid", t.TxID, false}, textField{"status", t.Status, false},
			textField{"counterparty", t.Counterparty, false})
		es.add(t.Amount.Validate("amount"))
		if t.Direction != "" {
			es.add(oneOf("direction", t.Direction, []string{MoneyIn, MoneyOut}))
		}
		es.add(optional("status", t.Status, MaxShort))
		es.add(optional("counterparty", t.Counterparty, MaxShort))
		if t.TxID == "" && t.Amount.IsZero() && e.Summary == "" {
			es.add(&FieldError{Field: "txid", Reason: ReasonRequired})
		}
	case e.Contact != nil && e.Kind == KindContact:
		c := e.Contact
		es.add(oneOf("channel", string(c.Channel), Channels))
		es.add(oneOf("direction", c.Direction, []string{Outbound, Inbound}))
		es.add(optional("agent", c.Agent, MaxShort))
		checkTexts(&es, textField{"agent", c.Agent, false}, textField{"promise", c.Promise, true})
		if c.PromiseBy != nil {
			es.add(CheckDate("promise-by", *c.PromiseBy, time.Time{}, ""))
		}
		es.add(optional("promise", c.Promise, MaxLong))
		if c.Duration < 0 {
			es.add(&FieldError{Field: "duration", Reason: ReasonNegative, Value: c.Duration.String()})
		}
		if c.PromiseBy != nil && !e.At.IsZero() && c.PromiseBy.Before(e.At) {
			es.add(&FieldError{Field: "promise-by", Reason: ReasonBeforeStart, Value: c.PromiseBy.Format(time.RFC3339)})
		}
	case e.Exhibit != nil && (e.Kind == KindScreenshot || e.Kind == KindDocument):
		es.add(optional("caption", e.Exhibit.Caption, MaxShort))
		checkTexts(&es, textField{"caption", e.Exhibit.Caption, false}, textField{"shows", e.Exhibit.Shows, true})
		es.add(optional("shows", e.Exhibit.Shows, MaxLong))
	case e.Letter != nil && e.Kind == KindLetter:
		es.add(oneOf("to", e.Letter.To, Parties))
		if e.Letter.Channel != "" {
			es.add(oneOf("channel", string(e.Letter.Channel), LetterChannels))
		}
		es.add(optional("method", e.Letter.Method, MaxShort))
		checkTexts(&es, textField{"name", e.Letter.Name, false}, textField{"method", e.Letter.Method, false})
	case e.Response != nil && e.Kind == KindResponse:
		es.add(oneOf("from", e.Response.From, Parties))
		es.add(optional("outcome", e.Response.Outcome, MaxLong))
		checkTexts(&es, textField{"name", e.Response.Name, false}, textField{"outcome", e.Response.Outcome, true})
	}
	if e.Kind == KindNote && e.Summary == "" && e.Notes == "" {
		es.add(&FieldError{Field: "summary", Reason: ReasonRequired})
	}
	return es.err()
}

// ParseTime reads a time as RFC 3339 ("2026-11-20T14:30:00+08:00"), or as a
// local date and time without offset ("2026-11-20 14:30", "2026-11-20T14:30"),
// which takes the offset of loc. The offset is kept.
func ParseTime(field, s string, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, &FieldError{Field: field, Reason: ReasonRequired}
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, CheckDate(field, t, time.Time{}, s)
	}
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04"} {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, CheckDate(field, t, time.Time{}, s)
		}
	}
	return time.Time{}, &FieldError{Field: field, Reason: ReasonMalformedTime, Value: s}
}

// ParseDate reads a calendar date YYYY-MM-DD.
func ParseDate(field, s string) (string, error) {
	s = strings.TrimSpace(s)
	if _, err := time.Parse(DateLayout, s); err != nil {
		return "", &FieldError{Field: field, Reason: ReasonMalformedDate, Value: s}
	}
	return s, nil
}

// ParseDuration reads a call duration such as "12m", "1h5m" or "90s".
func ParseDuration(field, s string) (time.Duration, error) {
	d, err := time.ParseDuration(strings.TrimSpace(s))
	if err != nil {
		return 0, &FieldError{Field: field, Reason: ReasonMalformedLength, Value: s}
	}
	if d < 0 {
		return 0, &FieldError{Field: field, Reason: ReasonNegative, Value: s}
	}
	return d, nil
}

// Offset returns the event time's original UTC offset in seconds.
func (e *Event) Offset() int {
	_, off := e.At.Zone()
	return off
}

// Title is a short one-line description for lists: the summary, else the
// caption, transaction ID or kind.
func (e *Event) Title() string {
	switch {
	case e.Summary != "":
		return firstLine(e.Summary)
	case e.Exhibit != nil && e.Exhibit.Caption != "":
		return e.Exhibit.Caption
	case e.Transaction != nil && e.Transaction.TxID != "":
		return e.Transaction.TxID
	case e.Notes != "":
		return firstLine(e.Notes)
	}
	return string(e.Kind)
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	if utf8.RuneCountInString(line) > 140 {
		r := []rune(line)
		line = string(r[:140]) + "…"
	}
	return line
}

func itoa(n int) string { return strconv.Itoa(n) }

// Valid reports whether k is a known event kind.
func Valid(k Kind) bool { return slices.Contains(Kinds, k) }
