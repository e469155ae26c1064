package escalation

import (
	"strconv"
	"strings"

	"redress/evidence"
)

// Unit is what a [Duration] counts.
type Unit string

// The units a window can be counted in.
const (
	Hours        Unit = "h"  // elapsed hours
	Days         Unit = "d"  // calendar days
	BusinessDays Unit = "bd" // days that are neither weekend nor holiday
	Weeks        Unit = "w"  // 7 calendar days
	Months       Unit = "mo" // calendar months, clamped to the month end
	Years        Unit = "y"  // calendar years (12 months), clamped to the month end
)

var units = []Unit{Hours, BusinessDays, Days, Weeks, Months, Years}

// MaxN is the largest count a [Duration] may have.
const MaxN = 100000

// Duration is a complaint window such as 24 hours, 15 business days or
// 6 months. The zero Duration means "no window". Its text form is the count
// followed by the unit: "24h", "15bd", "7d", "8w", "6mo", "3y".
type Duration struct {
	N    int  `json:"n"`
	Unit Unit `json:"unit"`
}

// IsZero reports whether d is the zero Duration (no window).
func (d Duration) IsZero() bool { return d == Duration{} }

// String renders d as "15bd", or "" for the zero Duration.
func (d Duration) String() string {
	if d.IsZero() {
		return ""
	}
	return strconv.Itoa(d.N) + string(d.Unit)
}

// MarshalText renders d as in String.
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads d as in ParseDuration; empty text is the zero Duration.
func (d *Duration) UnmarshalText(b []byte) error {
	if strings.TrimSpace(string(b)) == "" {
		*d = Duration{}
		return nil
	}
	v, err := ParseDuration(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// ParseDuration reads a window such as "24h", "15bd", "7d", "8w", "6mo" or "3y"
// (case-insensitive, space allowed between count and unit). A malformed,
// negative or too large (over MaxN) window is a *evidence.FieldError on the
// field "duration" that lists the accepted forms.
func ParseDuration(s string) (Duration, error) {
	in := strings.ToLower(strings.TrimSpace(s))
	bad := &evidence.FieldError{Field: "duration", Reason: evidence.ReasonUnknownValue, Value: s,
		Allowed: []string{"24h", "7d", "15bd", "8w", "6mo", "3y"}}
	for _, u := range units {
		num, ok := strings.CutSuffix(in, string(u))
		if !ok {
			continue
		}
		num = strings.TrimSpace(num)
		if strings.HasPrefix(num, "-") {
			return Duration{}, &evidence.FieldError{Field: "duration", Reason: evidence.ReasonNegative, Value: s}
		}
		n, err := strconv.Atoi(num)
		if err != nil || n < 0 || n > MaxN || strings.HasPrefix(num, "+") {
			return Duration{}, bad
		}
		return Duration{N: n, Unit: u}, nil
	}
	return Duration{}, bad
}
