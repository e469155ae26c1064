// Package forms holds the official complaint forms of the bodies a Redress
// case can be taken to, as data: each form's fields in the form's order,
// with the form's wording, whether the field is required, the form's
// length limit and how it counts, why the field is needed and which case
// fact answers it. Each form carries the public address it was checked at
// and the date it was checked. Form.Answer fills a form from a case's
// Facts; RecordsClockFor gives the statutory clock of a request for the
// user's own records.
//
// Nothing here is fetched: the forms were read by hand (docs/FORMS.md says
// what was seen and what could not be), and they change. A form's Checked
// date tells the user how old the description is.
package forms

import (
	"slices"
	"unicode/utf8"

	"redress/evidence"
)

// Form is one complaint body's complaint form.
type Form struct {
	ID           string                // stable: "cn-12315", "uk-fos"…
	Jurisdiction evidence.Jurisdiction // where the body sits
	Lang         evidence.Language     // the language the form is filled in
	URL          string                // the form's (or its channel's) public address
	Checked      string                // YYYY-MM-DD: when the description was last checked
	// Seen says what the field list rests on, for docs/FORMS.md and the
	// report to the user: the form itself, a public copy of it, the body's
	// guidance, or only the rule the body applies (login-only forms).
	Seen Basis
	// Sources are the public pages and rules the description rests on.
	Sources []Source
	Fields  []Field
	style   style
}

// Name is the translation key of the form's name ("forms.<id>.title"; a
// field may be keyed "name").
func (f Form) Name() string { return "forms." + f.ID + ".title" }

// Note is the translation key of what the user should know before
// filling the form in (login, pasting, variants): "forms.<id>.note".
func (f Form) Note() string { return "forms." + f.ID + ".note" }

// Field is one field of a form, in the form's order.
type Field struct {
	Key string // stable within the form: "provider.address"
	// Label is the translation key of the field's label, worded as the
	// form words it in the form's language and translated in the other.
	Label string
	// Why is the translation key of the reason the form needs the field,
	// with its source (a rule's article, or the body's guidance).
	Why      string
	Required bool
	Limit    Limit
	Fact     Fact // the case fact that answers the field
	// Choice marks a field answered by picking from the form's own list;
	// the answer is the closest option as far as the list is known, and
	// the user picks it on the form.
	Choice bool
	// Options maps a fact's value (a product kind, a problem kind, "yes",
	// "no", "self", "other") to the form's own wording; "*" is the answer
	// whatever the facts, "other" the fallback.
	Options map[string]string
	// Sensitive marks a value that is never printed in a dossier for the
	// provider and is masked by redaction (an identity document number).
	Sensitive bool
	// When limits the field to cases where it applies (a representative's
	// details only when someone files for the complainant).
	When Condition
	// Basis is how the field is known to be on the form.
	Basis Basis
}

// Basis says how a form or a field is known.
type Basis string

// The kinds of knowledge behind a form's description.
const (
	// BasisForm: seen on the form itself or on a public copy of it.
	BasisForm Basis = "form"
	// BasisGuide: described by the body's own guidance or a public,
	// first-hand description of the live form.
	BasisGuide Basis = "guide"
	// BasisRule: the rule the body applies requires it, so the form (or
	// the intake call) asks for it; the form itself could not be seen.
	BasisRule Basis = "rule"
)

// Condition limits a field to the cases it applies to.
type Condition string

// The conditions a field can have.
const (
	Always        Condition = ""
	OnBehalf      Condition = "on-behalf"      // someone files for the complainant
	FinalResponse Condition = "final-response" // the provider sent its final response
)

// Holds reports whether the condition holds for the facts.
func (c Condition) Holds(f Facts) bool {
	switch c {
	case OnBehalf:
		return f.OnBehalf
	case FinalResponse:
		return f.FinalResponse != ""
	}
	return true
}

// Source is a public page or a rule a description rests on.
type Source struct {
	Citation string // "《市场监督管理投诉举报处理办法》（市场监管总局令第121号）"
	URL      string
}

// Limit is a field's length limit.
type Limit struct {
	Max   int   // 0: no limit is known
	Count Count // how the form counts towards Max
	// Verified is false when Max comes from indirect evidence (a public
	// script that fills the form) rather than the form or its guidance.
	Verified bool
}

// Count is how a form counts the length of a text.
type Count int

// The ways forms count.
const (
	// Characters counts Unicode characters: 中, a and 😀 are one each.
	Characters Count = iota
	// UTF16 counts UTF-16 code units, as an HTML maxlength and JavaScript's
	// length do: 中 and a are one, 😀 is two.
	UTF16
	// Bytes counts UTF-8 bytes: a is one, é two, 中 three, 😀 four.
	Bytes
	// DoubleWidth counts characters up to U+00FF as one and every other
	// character (Chinese, full-width punctuation, emoji) as two, the way
	// Chinese forms that limit "字节" count (GBK-style).
	DoubleWidth
)

// Len is the length of s counted this way.
func (c Count) Len(s string) int {
	switch c {
	case Bytes:
		return len(s)
	case UTF16, DoubleWidth:
		n := 0
		for _, r := range s {
			n += runeLen(c, r)
		}
		return n
	}
	return utf8.RuneCountInString(s)
}

// runeLen is the length of one character counted this way.
func runeLen(c Count, r rune) int {
	switch c {
	case Bytes:
		if r == utf8.RuneError {
			return 3 // Go writes an invalid byte as U+FFFD
		}
		return utf8.RuneLen(r)
	case UTF16:
		if r > 0xFFFF {
			return 2
		}
	case DoubleWidth:
		if r > 0xFF {
			return 2
		}
	}
	return 1
}

// Unit is the translation key of the count's unit ("characters",
// "bytes"…), for "limit: 500 characters".
func (c Count) Unit() string {
	switch c {
	case UTF16:
		return "forms.count.utf16"
	case Bytes:
		return "forms.count.bytes"
	case DoubleWidth:
		return "forms.count.double"
	}
	return "forms.count.chars"
}

// All lists every form, grouped by jurisdiction in display order.
func All() []Form { return slices.Clone(all) }

// Lookup finds a form by its ID.
func Lookup(id string) (Form, bool) {
	for _, f := range all {
		if f.ID == id {
			return f, true
		}
	}
	return Form{}, false
}

// For lists the forms of one jurisdiction.
func For(j evidence.Jurisdiction) []Form {
	var out []Form
	for _, f := range all {
		if f.Jurisdiction == j {
			out = append(out, f)
		}
	}
	return out
}

// Needing lists the forms that ask for a fact, and whether any of them
// requires it: what the case must capture, and why.
func Needing(fact Fact) (ids []string, required bool) {
	for _, f := range all {
		for _, fl := range f.Fields {
			if fl.Fact == fact {
				if !slices.Contains(ids, f.ID) {
					ids = append(ids, f.ID)
				}
				required = required || fl.Required && fl.When == Always
			}
		}
	}
	return ids, required
}
