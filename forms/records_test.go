package forms

import (
	"testing"
	"time"

	"redress/evidence"
)

func day(s string) time.Time {
	t, err := time.ParseInLocation(evidence.DateLayout, s, time.UTC)
	if err != nil {
		panic(err)
	}
	return t
}

func TestAddMonths(t *testing.T) {
	tests := []struct {
		from   string
		months int
		want   string
	}{
		{"2026-09-03", 1, "2026-10-03"},
		{"2026-01-31", 1, "2026-02-28"},
		{"2024-01-31", 1, "2024-02-29"},
		{"2026-03-31", 1, "2026-04-30"},
		{"2026-12-15", 1, "2027-01-15"},
		{"2026-11-30", 3, "2027-02-28"},
	}
	for _, tt := range tests {
		if got := AddMonths(day(tt.from), tt.months).Format(evidence.DateLayout); got != tt.want {
			t.Errorf("AddMonths(%s, %d) = %s, want %s", tt.from, tt.months, got, tt.want)
		}
	}
}

// TestRecordsClockDue pins each jurisdiction's deadline for fixed receipt
// dates, worked out by hand from the sources in records.go.
func TestRecordsClockDue(t *testing.T) {
	christmas := func(d time.Time) bool {
		return weekday(d) && !(d.Month() == time.December && (d.Day() == 25 || d.Day() == 26))
	}
	tests := []struct {
		name     string
		j        evidence.Jurisdiction
		received string
		working  func(time.Time) bool
		due      string // "" when no period
		extended string // "" when no extension
	}{
		// 31 Jan + 1 month = 28 Feb (no 31 Feb), a Saturday: Monday 2 March.
		// 31 Jan + 3 months = 30 April, a Thursday.
		{"EU, end of January", evidence.EU, "2026-01-31", nil, "2026-03-02", "2026-04-30"},
		// ICO's own example: 3 September → 3 October, here a Saturday → 5 October.
		{"UK, ICO example", evidence.UK, "2026-09-03", nil, "2026-10-05", "2026-12-03"},
		// 25 December 2026 is a Friday; with the holidays it moves past the weekend.
		{"UK, due on Christmas Day", evidence.UK, "2026-11-25", christmas, "2026-12-28", "2027-02-25"},
		// 30 days after Friday 20 November is Sunday 20 December → Monday 21.
		{"CN, 30 days (recommended standard)", evidence.CN, "2026-11-20", nil, "2026-12-21", ""},
		{"US, promptly: no fixed period", evidence.US, "2026-11-20", nil, "", ""},
		{"other", evidence.Other, "2026-11-20", nil, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, ok := RecordsClockFor(tt.j)
			if !ok {
				t.Fatalf("RecordsClockFor(%s): none", tt.j)
			}
			due, ok := c.Due(day(tt.received), tt.working)
			if got := fmtDay(due, ok); got != tt.due {
				t.Errorf("%s Due(%s) = %q, want %q", tt.j, tt.received, got, tt.due)
			}
			ext, ok := c.Extended(day(tt.received), tt.working)
			if got := fmtDay(ext, ok); got != tt.extended {
				t.Errorf("%s Extended(%s) = %q, want %q", tt.j, tt.received, got, tt.extended)
			}
		})
	}
}

func fmtDay(t time.Time, ok bool) string {
	if !ok {
		return ""
	}
	return t.Format(evidence.DateLayout)
}

func TestRecordsClocksData(t *testing.T) {
	seen := map[evidence.Jurisdiction]bool{}
	for _, c := range RecordsClocks() {
		seen[c.Jurisdiction] = true
		if c.Jurisdiction != evidence.Other && len(c.Sources) == 0 {
			t.Errorf("%s: no sources", c.Jurisdiction)
		}
		if !c.Binding && !c.CheckLocally && (c.Months > 0 || c.Days > 0) {
			t.Errorf("%s: a period from guidance must be marked check locally", c.Jurisdiction)
		}
	}
	for _, j := range evidence.Jurisdictions {
		if !seen[j] {
			t.Errorf("no records clock for %s", j)
		}
	}
	if c, _ := RecordsClockFor(evidence.UK); !c.StopsClock {
		t.Errorf("UK: the clock stops for identity or clarification (UK GDPR art. 12A)")
	}
}
