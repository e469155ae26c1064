package evidence

// Mail is the email an event was imported from: who wrote to whom, the
// subject and identifiers as the message gave them. The message itself is
// the event's first attachment, byte for byte; its body is the event's
// notes. Contacts (sent by the user), responses and letters may carry it.
type Mail struct {
	From      string   `json:"from"` // "Name <addr>" or the bare address
	To        []string `json:"to,omitempty"`
	Cc        []string `json:"cc,omitempty"`
	Subject   string   `json:"subject,omitempty"`
	MessageID string   `json:"message_id,omitempty"` // without angle brackets
	// Key recognises the same message imported again: "id:" and the
	// normalised Message-ID, or "sha256:" of its date, sender, subject and
	// body when it has none (package email, Key).
	Key string `json:"key"`
	// Date is the Date header as written; DateFromFile says it was missing
	// or unreadable, so the event's time is the file's modification time.
	Date         string `json:"date,omitempty"`
	DateFromFile bool   `json:"date_from_file,omitempty"`
	// BodyFromHTML: the message had no plain-text part; the notes are the
	// text of its HTML. BodyCut: the body was longer than the notes may
	// be; the notes hold its beginning and the whole is in the message.
	BodyFromHTML bool `json:"body_from_html,omitempty"`
	BodyCut      bool `json:"body_cut,omitempty"`
}

// mailKinds are the event kinds that may carry a Mail part.
var mailKinds = []Kind{KindContact, KindResponse, KindLetter}

func (m *Mail) validate(es *Errors) {
	single := []textField{{"mail", m.From, false}, {"mail", m.MessageID, false}, {"mail", m.Key, false}, {"mail", m.Date, false}}
	for _, a := range append(append([]string{}, m.To...), m.Cc...) {
		single = append(single, textField{"mail", a, false})
	}
	checkTexts(es, single...)
	checkTexts(es, textField{"mail", m.Subject, true})
	for _, f := range single {
		es.add(optional("mail", f.value, MaxLong))
	}
	es.add(optional("mail", m.Subject, MaxLong))
	if m.Key == "" {
		es.add(&FieldError{Field: "mail", Reason: ReasonRequired})
	}
}
