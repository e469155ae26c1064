package evidence

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"golang.org/x/text/currency"
)

// Money is an amount in integer minor units (cents, fen) of an ISO 4217
// currency. It is never a float.
type Money struct {
	Minor    int64  `json:"minor"`
	Currency string `json:"currency"`
}

// IsZero reports whether no amount was given.
func (m Money) IsZero() bool { return m.Minor == 0 && m.Currency == "" }

// Scale is the number of minor-unit digits of the currency (2 for CNY, 0 for
// JPY, 3 for KWD).
func Scale(code string) (int, error) {
	unit, err := currency.ParseISO(code)
	if err != nil || strings.ToUpper(code) != code || len(code) != 3 {
		return 0, &FieldError{Field: "currency", Reason: ReasonUnknownCurrency, Value: code}
	}
	scale, _ := currency.Standard.Rounding(unit)
	return scale, nil
}

// ParseMoney reads a decimal amount such as "1280.00" or "1280" in the given
// currency. Negative amounts, thousands separators, more decimals than the
// currency has and unknown currency codes are rejected with a FieldError.
func ParseMoney(field, amount, code string) (Money, error) {
	code = strings.ToUpper(strings.TrimSpace(code))
	amount = strings.TrimSpace(amount)
	if amount == "" {
		return Money{}, &FieldError{Field: field, Reason: ReasonRequired}
	}
	if code == "" {
		return Money{}, &FieldError{Field: "currency", Reason: ReasonRequired}
	}
	scale, err := Scale(code)
	if err != nil {
		return Money{}, err
	}
	if strings.HasPrefix(amount, "-") {
		return Money{}, &FieldError{Field: field, Reason: ReasonNegative, Value: amount}
	}
	whole, frac, hasDot := strings.Cut(amount, ".")
	if whole == "" || !allDigits(whole) || (hasDot && (frac == "" || !allDigits(frac))) {
		return Money{}, &FieldError{Field: field, Reason: ReasonMalformedAmount, Value: amount}
	}
	if len(frac) > scale {
		return Money{}, &FieldError{Field: field, Reason: ReasonTooManyDecimals, Value: amount, Limit: strconv.Itoa(scale)}
	}
	frac += strings.Repeat("0", scale-len(frac))
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return Money{}, &FieldError{Field: field, Reason: ReasonMalformedAmount, Value: amount}
	}
	var f int64
	if frac != "" {
		f, _ = strconv.ParseInt(frac, 10, 64)
	}
	mult := int64(math.Pow10(scale))
	if w > (math.MaxInt64-f)/mult {
		return Money{}, &FieldError{Field: field, Reason: ReasonMalformedAmount, Value: amount}
	}
	return Money{Minor: w*mult + f, Currency: code}, nil
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// Decimal renders the amount without the currency, e.g. "1280.00".
func (m Money) Decimal() string {
	scale, err := Scale(m.Currency)
	if err != nil {
		scale = 2
	}
	neg := m.Minor < 0
	v := m.Minor
	if neg {
		v = -v
	}
	s := strconv.FormatInt(v, 10)
	if scale > 0 {
		if len(s) <= scale {
			s = strings.Repeat("0", scale-len(s)+1) + s
		}
		s = s[:len(s)-scale] + "." + s[len(s)-scale:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

// String renders "1280.00 CNY", or "" for no amount.
func (m Money) String() string {
	if m.IsZero() {
		return ""
	}
	return fmt.Sprintf("%s %s", m.Decimal(), m.Currency)
}

// Validate checks that a stored amount is non-negative and has a known currency.
func (m Money) Validate(field string) error {
	if m.IsZero() {
		return nil
	}
	if _, err := Scale(m.Currency); err != nil {
		return err
	}
	if m.Minor < 0 {
		return &FieldError{Field: field, Reason: ReasonNegative, Value: m.Decimal()}
	}
	return nil
}
