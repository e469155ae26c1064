package escalation

import (
	"bytes"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"redress/evidence"
)

var fuzzZones = []string{"UTC", "Europe/London", "Europe/Berlin", "America/New_York", "Asia/Shanghai",
	"Australia/Lord_Howe", "America/Sao_Paulo", "Pacific/Apia"}

var fuzzLocations = sync.OnceValue(func() []*time.Location {
	var locs []*time.Location
	for _, z := range fuzzZones {
		loc, err := time.LoadLocation(z)
		if err != nil {
			panic(err)
		}
		locs = append(locs, loc)
	}
	return locs
})

// fuzzTime maps any int64 to a time between the years 1900 and 2200 in one
// of fuzzZones.
func fuzzTime(sec int64, zone uint8) time.Time {
	const lo, span = -2208988800, 9467280000 // 1900-01-01 … 2200-01-01
	s := lo + int64(uint64(sec)%span)
	locs := fuzzLocations()
	return time.Unix(s, 0).In(locs[int(zone)%len(locs)])
}

// fuzzCalendar builds a calendar whose special days sit within 64 days
// either side of around: bit i of mask marks day around-32+i, a holiday
// when it is a weekday and a make-up working day when it is a weekend day.
func fuzzCalendar(t *testing.T, around time.Time, mask uint64, fridayWeekend bool) *Calendar {
	var weekend []time.Weekday
	if fridayWeekend {
		weekend = []time.Weekday{time.Friday, time.Saturday}
	}
	probe, err := NewCalendar(weekend, nil)
	if err != nil {
		t.Fatal(err)
	}
	var hs []Holiday
	base := dayOf(around) - 32
	for i := range 64 {
		if mask&(1<<i) == 0 {
			continue
		}
		d := base + int64(i)
		y, m, dd := dateOfDay(d)
		date := time.Date(y, m, dd, 0, 0, 0, 0, time.UTC).Format(evidence.DateLayout)
		hs = append(hs, Holiday{Date: date, Working: probe.weekend[weekdayOf(d)]})
	}
	cal, err := NewCalendar(weekend, hs)
	if err != nil {
		t.Fatalf("NewCalendar(%v): %v", hs, err)
	}
	return cal
}

// FuzzBusinessDays: adding n business days then counting them back gives
// n; the result is a business day on the right side of the start.
func FuzzBusinessDays(f *testing.F) {
	f.Add(int64(1790000000), 15, uint8(1), uint64(0), false)
	f.Add(int64(1790000000), 35, uint8(4), uint64(0xff00ff00), false)
	f.Add(int64(1774749600), 1, uint8(2), uint64(1<<31|1<<32), true)
	f.Add(int64(-1), -7, uint8(3), uint64(0xffffffffffffffff), false)
	f.Add(int64(0), 0, uint8(0), uint64(0), false)
	f.Fuzz(func(t *testing.T, sec int64, n int, zone uint8, mask uint64, fridayWeekend bool) {
		n %= 20000
		start := fuzzTime(sec, zone)
		cal := fuzzCalendar(t, start, mask, fridayWeekend)
		got := cal.AddBusinessDays(start, n)
		switch {
		case n == 0:
			if !got.Equal(start) {
				t.Fatalf("AddBusinessDays(%s, 0) = %s, want the start", start, got)
			}
			return
		case n > 0:
			if !got.After(start) || dayOf(got) <= dayOf(start) {
				t.Fatalf("AddBusinessDays(%s, %d) = %s, not after the start date", start, n, got)
			}
			if back := cal.BusinessDaysBetween(start, got); back != n {
				t.Fatalf("BusinessDaysBetween(%s, AddBusinessDays(…, %d) = %s) = %d, want %d", start, n, got, back, n)
			}
		default:
			if !got.Before(start) || dayOf(got) >= dayOf(start) {
				t.Fatalf("AddBusinessDays(%s, %d) = %s, not before the start date", start, n, got)
			}
			want := -n
			if !cal.IsBusinessDay(start) {
				want-- // the start date itself is not counted back
			}
			if back := cal.BusinessDaysBetween(got, start); back != want {
				t.Fatalf("BusinessDaysBetween(AddBusinessDays(%s, %d) = %s, start) = %d, want %d", start, n, got, back, want)
			}
			if fwd := cal.BusinessDaysBetween(start, got); fwd != -want {
				t.Fatalf("BusinessDaysBetween(%s, %s) = %d, want %d", start, got, fwd, -want)
			}
		}
		if !cal.IsBusinessDay(got) {
			t.Fatalf("AddBusinessDays(%s, %d) = %s, not a business day", start, n, got)
		}
		if got.Location() != start.Location() {
			t.Fatalf("AddBusinessDays(%s, %d) = %s, in another zone", start, n, got)
		}
	})
}

// FuzzDeadline: no deadline is ever due before the event that started it,
// whatever the window, zone, calendar or jurisdiction.
func FuzzDeadline(f *testing.F) {
	f.Add(int64(1790000000), 15, uint8(0), uint8(1), uint64(0), uint8(2))
	f.Add(int64(1774749600), 6, uint8(4), uint8(2), uint64(0xf0f0f0f0f0f0), uint8(0))
	f.Add(int64(1792800000), 24, uint8(1), uint8(3), uint64(0), uint8(3))
	f.Add(int64(-2208988800), 0, uint8(3), uint8(7), uint64(1), uint8(4))
	f.Fuzz(func(t *testing.T, sec int64, n int, unit uint8, zone uint8, mask uint64, jur uint8) {
		d := Duration{N: int(uint(n) % 2000), Unit: units[int(unit)%len(units)]}
		start := fuzzTime(sec, zone)
		cal := fuzzCalendar(t, start, mask, false)
		if due := cal.due(start, d); due.Before(start) {
			t.Fatalf("due(%s, %s) = %s, before the start", start, d, due)
		}
		if end := cal.Add(start, d); end.Before(start) {
			t.Fatalf("Add(%s, %s) = %s, before the start", start, d, end)
		}
		// Every clock of a busy timeline, every rule overridden to d.
		j := evidence.Jurisdictions[int(jur)%len(evidence.Jurisdictions)]
		overrides := map[string]Duration{}
		for _, r := range Rules(j) {
			overrides[r.ID] = d
		}
		step := time.Duration(uint64(sec)%(72*3600)) * time.Second
		at := func(i int) time.Time { return start.Add(time.Duration(i) * step) }
		by := at(3)
		call := contactEv("call", at(0), evidence.Email, "")
		call.Contact.PromiseBy = &by
		events := []evidence.Event{
			txEv("tx", at(0), "T1", "pending"), call,
			letterEv("complaint", at(1), evidence.ToProvider),
			responseEv("holding", at(2), evidence.ToProvider, false),
			responseEv("final", at(4), evidence.ToProvider, true),
			letterEv("assoc", at(5), evidence.ToAssociation),
			letterEv("reg", at(6), evidence.ToRegulator),
		}
		for _, p := range []evidence.Problem{evidence.TopupNotCredited, evidence.WithdrawalDelayed} {
			c := testCase(j, p)
			a := Assess(Input{Case: c, Events: events, Overrides: overrides, Calendar: cal}, at(7))
			for _, dl := range a.Deadlines {
				if dl.Due.Before(dl.Start) {
					t.Fatalf("%s deadline %s (%s) due %s before its start %s", j, dl.RuleID, d, dl.Due, dl.Start)
				}
			}
			if !slices.IsSortedFunc(a.Deadlines, func(x, y Deadline) int { return x.Due.Compare(y.Due) }) {
				t.Fatalf("deadlines not sorted by due time")
			}
		}
	})
}

// FuzzParseICS: any input is either rejected with an error or gives valid,
// sorted holidays that make a calendar.
func FuzzParseICS(f *testing.F) {
	for _, s := range []string{
		ics("BEGIN:VEVENT", "DTSTART;VALUE=DATE:20300101", "DTEND;VALUE=DATE:20300103", "SUMMARY:春节\\, 补班", "END:VEVENT"),
		ics("BEGIN:VEVENT", `DTSTART;TZID="Asia/Shanghai":20300912T000000`, "DURATION:P1DT2H", "SUMMARY:x", " y", "END:VEVENT"),
		"BEGIN:VCALENDAR\r\nX-WR-TIMEZONE:Asia/Shanghai\r\nBEGIN:VEVENT\r\nDTSTART:20300930T160000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
		"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		hs, err := ParseICS(bytes.NewReader(data))
		if err != nil {
			return
		}
		if !slices.IsSortedFunc(hs, func(a, b Holiday) int { return strings.Compare(a.Date, b.Date) }) {
			t.Fatalf("ParseICS(%q) holidays not sorted", data)
		}
		if _, err := NewCalendar(nil, hs); err != nil {
			t.Fatalf("ParseICS(%q) = holidays NewCalendar rejects: %v", data, err)
		}
	})
}
