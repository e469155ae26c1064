package escalation

import (
	"encoding/json"
	"errors"
	"testing"
	"time"
	_ "time/tzdata" // the DST tests must not depend on the machine's zoneinfo

	"redress/evidence"
)

const tl = "2006-01-02 15:04"

func mustLoad(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatalf("LoadLocation(%q): %v", name, err)
	}
	return loc
}

func at(t testing.TB, s string, loc *time.Location) time.Time {
	t.Helper()
	v, err := time.ParseInLocation(tl, s, loc)
	if err != nil {
		t.Fatalf("bad test time %q: %v", s, err)
	}
	return v
}

func mustCalendar(t testing.TB, hs ...Holiday) *Calendar {
	t.Helper()
	c, err := NewCalendar(nil, hs)
	if err != nil {
		t.Fatalf("NewCalendar: %v", err)
	}
	return c
}

// testCN is TEST DATA in the shape of a CN National Day week: 1–7 October
// 2026 off, Sunday 27 September and Saturday 10 October worked instead.
// It is not the official arrangement.
func testCN(t testing.TB) *Calendar {
	hs := []Holiday{{Date: "2026-09-27", Name: "补班 (test)", Working: true}, {Date: "2026-10-10", Name: "补班 (test)", Working: true}}
	for d := 1; d <= 7; d++ {
		hs = append(hs, Holiday{Date: time.Date(2026, 10, d, 0, 0, 0, 0, time.UTC).Format(evidence.DateLayout), Name: "国庆 (test)"})
	}
	return mustCalendar(t, hs...)
}

func TestAddBusinessDays(t *testing.T) {
	utc := time.UTC
	cn := testCN(t)
	tests := []struct {
		name  string
		cal   *Calendar
		start string
		n     int
		want  string
	}{
		{"weekday +1", nil, "2026-11-16 09:00", 1, "2026-11-17 09:00"},
		{"friday +1 is monday", nil, "2026-11-20 17:00", 1, "2026-11-23 17:00"},
		{"saturday +1 is monday", nil, "2026-11-21 11:00", 1, "2026-11-23 11:00"},
		{"sunday +1 is monday", nil, "2026-11-22 11:00", 1, "2026-11-23 11:00"},
		{"zero keeps the time", nil, "2026-11-22 11:00", 0, "2026-11-22 11:00"},
		{"friday +5", nil, "2026-11-20 08:00", 5, "2026-11-27 08:00"},
		{"15 business days", nil, "2026-11-02 10:00", 15, "2026-11-23 10:00"},
		{"35 business days", nil, "2026-11-02 10:00", 35, "2026-12-21 10:00"},
		{"holiday week skipped", cn, "2026-09-30 10:00", 1, "2026-10-08 10:00"},
		{"holiday week, 3 days", cn, "2026-09-30 10:00", 3, "2026-10-10 10:00"},
		{"make-up sunday counts", cn, "2026-09-25 10:00", 1, "2026-09-27 10:00"},
		{"make-up saturday counts", cn, "2026-10-09 10:00", 1, "2026-10-10 10:00"},
		{"from inside the holiday", cn, "2026-10-03 10:00", 1, "2026-10-08 10:00"},
		{"without the calendar", nil, "2026-09-30 10:00", 1, "2026-10-01 10:00"},
		{"back one from monday", nil, "2026-11-23 10:00", -1, "2026-11-20 10:00"},
		{"back one from saturday", nil, "2026-11-21 10:00", -1, "2026-11-20 10:00"},
		{"back over the holiday", cn, "2026-10-08 10:00", -1, "2026-09-30 10:00"},
		{"back to make-up day", cn, "2026-09-28 10:00", -1, "2026-09-27 10:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := at(t, tt.start, utc)
			got := tt.cal.AddBusinessDays(start, tt.n)
			if want := at(t, tt.want, utc); !got.Equal(want) {
				t.Errorf("AddBusinessDays(%s, %d) = %s, want %s", tt.start, tt.n, got.Format(tl), tt.want)
			}
		})
	}
}

func TestBusinessDaysBetween(t *testing.T) {
	cn := testCN(t)
	tests := []struct {
		name string
		cal  *Calendar
		a, b string
		want int
	}{
		{"same day", nil, "2026-11-16 09:00", "2026-11-16 18:00", 0},
		{"friday to monday", nil, "2026-11-20 09:00", "2026-11-23 09:00", 1},
		{"monday to friday", nil, "2026-11-16 09:00", "2026-11-20 09:00", 4},
		{"weekend only", nil, "2026-11-21 09:00", "2026-11-22 09:00", 0},
		{"backwards", nil, "2026-11-23 09:00", "2026-11-20 09:00", -1},
		{"two weeks", nil, "2026-11-02 00:00", "2026-11-16 00:00", 10},
		{"over the holiday week", cn, "2026-09-30 09:00", "2026-10-08 09:00", 1},
		{"with both make-up days", cn, "2026-09-25 09:00", "2026-10-10 09:00", 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.cal.BusinessDaysBetween(at(t, tt.a, time.UTC), at(t, tt.b, time.UTC))
			if got != tt.want {
				t.Errorf("BusinessDaysBetween(%s, %s) = %d, want %d", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func TestIsBusinessDay(t *testing.T) {
	cn := testCN(t)
	tests := []struct {
		day  string
		cal  *Calendar
		want bool
	}{
		{"2026-09-25", cn, true},  // Friday
		{"2026-09-26", cn, false}, // Saturday
		{"2026-09-27", cn, true},  // make-up Sunday
		{"2026-10-01", cn, false}, // holiday Thursday
		{"2026-10-01", nil, true}, // no holidays by default
		{"2026-10-10", cn, true},  // make-up Saturday
		{"2026-10-11", cn, false}, // Sunday
	}
	for _, tt := range tests {
		if got := tt.cal.IsBusinessDay(at(t, tt.day+" 12:00", time.UTC)); got != tt.want {
			t.Errorf("IsBusinessDay(%s) = %v, want %v", tt.day, got, tt.want)
		}
	}
}

func TestCalendarAdd(t *testing.T) {
	tests := []struct {
		name  string
		start string
		d     Duration
		want  string
	}{
		{"24 hours", "2026-11-20 23:30", Duration{24, Hours}, "2026-11-21 23:30"},
		{"48 hours", "2026-11-20 10:00", Duration{48, Hours}, "2026-11-22 10:00"},
		{"15 days", "2026-11-02 10:00", Duration{15, Days}, "2026-11-17 10:00"},
		{"8 weeks", "2026-11-02 10:00", Duration{8, Weeks}, "2026-12-28 10:00"},
		{"1 month", "2026-01-15 10:00", Duration{1, Months}, "2026-02-15 10:00"},
		{"31 January + 1 month clamps", "2026-01-31 10:00", Duration{1, Months}, "2026-02-28 10:00"},
		{"31 March + 1 month clamps", "2026-03-31 10:00", Duration{1, Months}, "2026-04-30 10:00"},
		{"31 August + 6 months", "2026-08-31 10:00", Duration{6, Months}, "2027-02-28 10:00"},
		{"leap February", "2027-08-31 10:00", Duration{6, Months}, "2028-02-29 10:00"},
		{"12 months", "2026-11-02 10:00", Duration{12, Months}, "2027-11-02 10:00"},
		{"3 business days", "2026-11-20 10:00", Duration{3, BusinessDays}, "2026-11-25 10:00"},
		{"zero", "2026-11-20 10:00", Duration{}, "2026-11-20 10:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := (*Calendar)(nil).Add(at(t, tt.start, time.UTC), tt.d)
			if want := at(t, tt.want, time.UTC); !got.Equal(want) {
				t.Errorf("Add(%s, %s) = %s, want %s", tt.start, tt.d, got.Format(tl), tt.want)
			}
		})
	}
}

// TestFridayNightUTC8 answers "a call at 23:30 in UTC+8 on a Friday: which
// business day does the clock start?" The call's own zone decides the
// date: it is Friday there, so Friday is day 0 and the first business day
// is the next one. In a calendar where Saturday 26 September 2026 is a
// make-up working day (TEST DATA), that is Saturday; seen from Tokyo the
// same instant is already Saturday, so day 1 would be Monday.
func TestFridayNightUTC8(t *testing.T) {
	utc8 := time.FixedZone("UTC+8", 8*3600)
	call := time.Date(2026, 9, 25, 23, 30, 0, 0, utc8) // Friday
	makeup := mustCalendar(t, Holiday{Date: "2026-09-26", Name: "补班 (test)", Working: true})
	tests := []struct {
		name string
		cal  *Calendar
		loc  *time.Location
		want string // date of business day 1
	}{
		{"weekends only, UTC+8", nil, utc8, "2026-09-28"},
		{"make-up Saturday, UTC+8", makeup, utc8, "2026-09-26"},
		{"make-up Saturday, same instant in UTC (still Friday)", makeup, time.UTC, "2026-09-26"},
		{"make-up Saturday, same instant in Tokyo (already Saturday)", makeup, mustLoad(t, "Asia/Tokyo"), "2026-09-28"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.cal.AddBusinessDays(call.In(tt.loc), 1)
			if got.Format(evidence.DateLayout) != tt.want {
				t.Errorf("AddBusinessDays(%s, 1) = %s, want date %s", call.In(tt.loc), got, tt.want)
			}
		})
	}
	// Deadlines end at the end of the local day of the call's zone.
	due := makeup.due(call, Duration{1, BusinessDays})
	if want := time.Date(2026, 9, 26, 23, 59, 59, 0, utc8); !due.Equal(want) {
		t.Errorf("due(%s, 1bd) = %s, want %s", call, due, want)
	}
	// A deadline started by that call keeps the call's zone.
	if _, off := due.Zone(); off != 8*3600 {
		t.Errorf("due(%s, 1bd) offset = %d, want %d", call, off, 8*3600)
	}
}

func TestDST(t *testing.T) {
	london := mustLoad(t, "Europe/London")
	berlin := mustLoad(t, "Europe/Berlin")
	ny := mustLoad(t, "America/New_York")
	tests := []struct {
		name  string
		loc   *time.Location
		start string
		d     Duration
		want  string // local wall time
		off   int    // UTC offset of the result, hours
	}{
		// Europe/London: clocks go forward on Sunday 29 March 2026.
		{"London 24h over spring forward", london, "2026-03-28 12:00", Duration{24, Hours}, "2026-03-29 13:00", 1},
		{"London 1 day over spring forward", london, "2026-03-28 12:00", Duration{1, Days}, "2026-03-29 12:00", 1},
		{"London 1 business day over spring forward", london, "2026-03-27 10:00", Duration{1, BusinessDays}, "2026-03-30 10:00", 1},
		{"London 15 business days over spring forward", london, "2026-03-20 10:00", Duration{15, BusinessDays}, "2026-04-10 10:00", 1},
		{"London 6 months over both changes", london, "2026-03-01 10:00", Duration{6, Months}, "2026-09-01 10:00", 1},
		// Europe/Berlin: clocks go back on Sunday 25 October 2026.
		{"Berlin 24h over fall back", berlin, "2026-10-24 12:00", Duration{24, Hours}, "2026-10-25 11:00", 1},
		{"Berlin 1 day over fall back", berlin, "2026-10-24 12:00", Duration{1, Days}, "2026-10-25 12:00", 1},
		{"Berlin 15 business days over fall back", berlin, "2026-10-19 09:00", Duration{15, BusinessDays}, "2026-11-09 09:00", 1},
		// America/New_York: forward on 8 March, back on 1 November 2026.
		{"New York 8 weeks over spring forward", ny, "2026-02-20 10:00", Duration{8, Weeks}, "2026-04-17 10:00", -4},
		{"New York 48h over spring forward", ny, "2026-03-07 10:00", Duration{48, Hours}, "2026-03-09 11:00", -4},
		{"New York 1 day into the gap", ny, "2026-03-07 02:30", Duration{1, Days}, "2026-03-08 03:30", -4},
		{"New York 1 month clamps", ny, "2026-01-31 10:00", Duration{1, Months}, "2026-02-28 10:00", -5},
		{"New York 3 business days over fall back", ny, "2026-10-30 10:00", Duration{3, BusinessDays}, "2026-11-04 10:00", -5},
		{"New York 24h over fall back", ny, "2026-10-31 12:00", Duration{24, Hours}, "2026-11-01 11:00", -5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := at(t, tt.start, tt.loc)
			got := (*Calendar)(nil).Add(start, tt.d)
			_, off := got.Zone()
			if got.Format(tl) != tt.want || off != tt.off*3600 {
				t.Errorf("Add(%s, %s) = %s, want %s (UTC%+d)", start, tt.d, got, tt.want, tt.off)
			}
			if got.Before(start) {
				t.Errorf("Add(%s, %s) = %s, before the start", start, tt.d, got)
			}
		})
	}
	t.Run("end of day after spring forward", func(t *testing.T) {
		start := at(t, "2026-03-27 10:00", london)
		got := (*Calendar)(nil).due(start, Duration{1, BusinessDays})
		if want := time.Date(2026, 3, 30, 23, 59, 59, 0, london); !got.Equal(want) {
			t.Errorf("due(%s, 1bd) = %s, want %s", start, got, want)
		}
	})
	t.Run("business days between over fall back", func(t *testing.T) {
		a, b := at(t, "2026-10-30 10:00", ny), at(t, "2026-11-02 10:00", ny)
		if got := (*Calendar)(nil).BusinessDaysBetween(a, b); got != 1 {
			t.Errorf("BusinessDaysBetween(%s, %s) = %d, want 1", a, b, got)
		}
	})
}

func TestNewCalendar(t *testing.T) {
	tests := []struct {
		name     string
		weekend  []time.Weekday
		holidays []Holiday
		wantErr  bool
	}{
		{"default", nil, nil, false},
		{"friday-saturday weekend", []time.Weekday{time.Friday, time.Saturday}, nil, false},
		{"no business days", []time.Weekday{0, 1, 2, 3, 4, 5, 6}, nil, true},
		{"bad weekday", []time.Weekday{9}, nil, true},
		{"bad date", nil, []Holiday{{Date: "2026-13-01", Name: "x"}}, true},
		{"slashes", nil, []Holiday{{Date: "01/10/2026", Name: "x"}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewCalendar(tt.weekend, tt.holidays)
			if (err != nil) != tt.wantErr {
				t.Errorf("NewCalendar(%v, %v) error = %v, want error %v", tt.weekend, tt.holidays, err, tt.wantErr)
			}
		})
	}
	_, err := NewCalendar(nil, []Holiday{{Date: "2026-02-30", Name: "x"}})
	var fe *evidence.FieldError
	if !errors.As(err, &fe) || fe.Field != "date" || fe.Reason != evidence.ReasonMalformedDate {
		t.Errorf("NewCalendar(bad date) error = %v, want a date field error", err)
	}

	fs, err := NewCalendar([]time.Weekday{time.Friday, time.Saturday}, nil)
	if err != nil {
		t.Fatal(err)
	}
	thu := at(t, "2026-11-19 10:00", time.UTC)
	if got := fs.AddBusinessDays(thu, 1); got.Weekday() != time.Sunday {
		t.Errorf("Friday-Saturday weekend: AddBusinessDays(Thursday, 1) = %s, want Sunday", got.Weekday())
	}

	last := mustCalendar(t, Holiday{Date: "2026-11-18", Name: "a"}, Holiday{Date: "2026-11-18", Name: "b", Working: true})
	if !last.IsBusinessDay(at(t, "2026-11-18 10:00", time.UTC)) {
		t.Errorf("a later entry for the same date does not win")
	}
	if got := last.Holidays(); len(got) != 2 || got[0].Name != "a" {
		t.Errorf("Holidays() = %v, want both entries as given", got)
	}
}

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in   string
		want Duration
		err  bool
	}{
		{"24h", Duration{24, Hours}, false},
		{"15bd", Duration{15, BusinessDays}, false},
		{"15 BD", Duration{15, BusinessDays}, false},
		{"7d", Duration{7, Days}, false},
		{"8w", Duration{8, Weeks}, false},
		{"6mo", Duration{6, Months}, false},
		{"0d", Duration{0, Days}, false},
		{"-3d", Duration{}, true},
		{"+3d", Duration{}, true},
		{"3", Duration{}, true},
		{"3m", Duration{}, true},
		{"d", Duration{}, true},
		{"1.5d", Duration{}, true},
		{"100001d", Duration{}, true},
		{"", Duration{}, true},
	}
	for _, tt := range tests {
		got, err := ParseDuration(tt.in)
		if (err != nil) != tt.err || got != tt.want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.err)
		}
		var fe *evidence.FieldError
		if err != nil && (!errors.As(err, &fe) || fe.Field != "duration") {
			t.Errorf("ParseDuration(%q) error = %v, want a duration field error", tt.in, err)
		}
		if err == nil {
			if back, err := ParseDuration(got.String()); err != nil || back != got {
				t.Errorf("ParseDuration(%q) = %v, %v; want %v", got.String(), back, err, got)
			}
		}
	}
}

func TestDurationJSON(t *testing.T) {
	in := map[string]Duration{"uk.complaint-reply": {10, BusinessDays}, "other.complaint-reply": {2, Weeks}}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"other.complaint-reply":"2w","uk.complaint-reply":"10bd"}`; string(b) != want {
		t.Errorf("json.Marshal(%v) = %s, want %s", in, b, want)
	}
	var out map[string]Duration
	if err := json.Unmarshal(b, &out); err != nil || out["uk.complaint-reply"] != in["uk.complaint-reply"] {
		t.Errorf("json.Unmarshal(%s) = %v, %v; want %v", b, out, err, in)
	}
	if err := json.Unmarshal([]byte(`{"x":"soon"}`), &out); err == nil {
		t.Errorf(`json.Unmarshal({"x":"soon"}) = nil error, want one`)
	}
}
