package evidence

import (
	"errors"
	"fmt"
	"strings"
)

// Reason says why a field was rejected. Each reason has a translated
// sentence in the lang catalogs ("reason.<value>").
type Reason string

// The reasons a field can be rejected for.
const (
	ReasonRequired        Reason = "required"
	ReasonUnknownValue    Reason = "unknown-value"
	ReasonUnknownCurrency Reason = "unknown-currency"
	ReasonNegative        Reason = "negative"
	ReasonMalformedAmount Reason = "malformed-amount"
	ReasonTooManyDecimals Reason = "too-many-decimals"
	ReasonMalformedTime   Reason = "malformed-time"
	ReasonMalformedDate   Reason = "malformed-date"
	ReasonTooLong         Reason = "too-long"
	ReasonNotForKind      Reason = "not-for-kind"
	ReasonInFuture        Reason = "in-future"
	ReasonBeforeStart     Reason = "before-start"
	ReasonMalformedID     Reason = "malformed-id"
	ReasonControlChar     Reason = "control-char"
	ReasonInvalidText     Reason = "invalid-text"
	ReasonImplausibleDate Reason = "implausible-date"
	ReasonMalformedLength Reason = "malformed-duration"
)

// FieldError names the field that is wrong and why. Field is a stable key
// ("title", "amount", "at") that the lang catalogs translate.
type FieldError struct {
	Field   string
	Reason  Reason
	Value   string // the rejected input, when it helps the user
	Limit   string // a bound, when the reason has one
	Allowed []string
}

func (e *FieldError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s", e.Field, e.Reason)
	if e.Value != "" {
		fmt.Fprintf(&b, " (%q)", e.Value)
	}
	if e.Limit != "" {
		fmt.Fprintf(&b, ", limit %s", e.Limit)
	}
	if len(e.Allowed) > 0 {
		fmt.Fprintf(&b, "; one of %s", strings.Join(e.Allowed, ", "))
	}
	return b.String()
}

// Errors is a list of field errors from one validation.
type Errors []*FieldError

func (es Errors) Error() string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "; ")
}

// Unwrap lets errors.As find the individual field errors.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// Fields returns every field error inside err, in order.
func Fields(err error) []*FieldError {
	var es Errors
	if errors.As(err, &es) {
		return es
	}
	var fe *FieldError
	if errors.As(err, &fe) {
		return []*FieldError{fe}
	}
	return nil
}

func (es *Errors) add(e error) {
	if e == nil {
		return
	}
	*es = append(*es, Fields(e)...)
}

func (es Errors) err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}
