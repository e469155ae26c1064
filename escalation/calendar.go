package escalation

import (
	"fmt"
	"slices"
	"sort"
	"time"

	"redress/evidence"
)

// Holiday is a date that differs from the usual week: a public holiday on
// which no business is done, or (Working) a make-up working day such as a
// CN 调休 Saturday.
type Holiday struct {
	Date    string `json:"date"` // YYYY-MM-DD
	Name    string `json:"name,omitempty"`
	Working bool   `json:"working,omitempty"`
}

// Calendar tells business days from the others: weekends, holidays and
// make-up working days. A Calendar has no time zone of its own: every
// method works on the calendar date of its time argument in that time's
// location. Redress ships calendars without holidays; users add them by
// hand or import them with ParseICS. A nil *Calendar has a Saturday and
// Sunday weekend and no holidays. A Calendar is immutable and safe for
// concurrent use.
type Calendar struct {
	weekend  [7]bool
	perWeek  int64 // business days in a week without holidays
	holidays []Holiday
	special  map[int64]bool // day → working; only entries that change the day
	days     []int64        // sorted keys of special
	prefix   []int64        // prefix[i] = sum of adjustments of days[:i]
	negative int64          // holidays that remove a business day
}

// MaxBusinessDays bounds n in AddBusinessDays; larger counts are clamped.
const MaxBusinessDays = 1_000_000_000

// NewCalendar makes a calendar with the given weekend days (nil means
// Saturday and Sunday) and holidays. When the same date is listed more than
// once, the last entry wins. A malformed date is a *evidence.FieldError on
// the field "date"; a weekend of all seven days is rejected.
func NewCalendar(weekend []time.Weekday, holidays []Holiday) (*Calendar, error) {
	c := &Calendar{}
	if weekend == nil {
		weekend = []time.Weekday{time.Saturday, time.Sunday}
	}
	for _, w := range weekend {
		if w < time.Sunday || w > time.Saturday {
			return nil, fmt.Errorf("escalation: calendar: weekend day %d is not a weekday", w)
		}
		c.weekend[w] = true
	}
	for _, w := range c.weekend {
		if !w {
			c.perWeek++
		}
	}
	if c.perWeek == 0 {
		return nil, fmt.Errorf("escalation: calendar: a weekend of seven days leaves no business days")
	}
	byDay := map[int64]bool{}
	for _, h := range holidays {
		t, err := time.Parse(evidence.DateLayout, h.Date)
		if err != nil {
			return nil, fmt.Errorf("escalation: calendar: holiday %q: %w", h.Name,
				&evidence.FieldError{Field: "date", Reason: evidence.ReasonMalformedDate, Value: h.Date})
		}
		byDay[dayOf(t)] = h.Working
	}
	c.holidays = slices.Clone(holidays)
	c.special = map[int64]bool{}
	for d, working := range byDay {
		if working == c.weekend[weekdayOf(d)] { // a change: working weekend day, or weekday holiday
			c.special[d] = working
			c.days = append(c.days, d)
		}
	}
	slices.Sort(c.days)
	c.prefix = make([]int64, len(c.days)+1)
	for i, d := range c.days {
		adj := int64(-1)
		if c.special[d] {
			adj = 1
		} else {
			c.negative++
		}
		c.prefix[i+1] = c.prefix[i] + adj
	}
	return c, nil
}

var defaultCalendar, _ = NewCalendar(nil, nil)

func (c *Calendar) orDefault() *Calendar {
	if c == nil {
		return defaultCalendar
	}
	return c
}

// Holidays returns a copy of the calendar's holidays and make-up days as
// they were given.
func (c *Calendar) Holidays() []Holiday {
	if c == nil {
		return nil
	}
	return slices.Clone(c.holidays)
}

// IsBusinessDay reports whether the date of t, in t's location, is a
// business day.
func (c *Calendar) IsBusinessDay(t time.Time) bool {
	return c.orDefault().isBusiness(dayOf(t))
}

// AddBusinessDays returns the same clock time on the n-th business day
// after the date of t (in t's location); the date of t itself never counts,
// so a complaint made on Friday evening or on Saturday has Monday as its
// first business day. n = 0 returns t. A negative n counts back: the |n|-th
// business day before the date of t. |n| is clamped to MaxBusinessDays.
func (c *Calendar) AddBusinessDays(t time.Time, n int) time.Time {
	c = c.orDefault()
	if n == 0 {
		return t
	}
	n = max(-MaxBusinessDays, min(MaxBusinessDays, n))
	d0 := dayOf(t)
	var d int64
	if n > 0 {
		// The smallest d > d0 with count(d0, d] >= n.
		lo, hi := d0+1, d0+7*((int64(n)+c.negative)/c.perWeek+1)
		for lo < hi {
			mid := lo + (hi-lo)/2
			if c.count(d0, mid) >= int64(n) {
				hi = mid
			} else {
				lo = mid + 1
			}
		}
		d = lo
	} else {
		// The largest d < d0 with count[d, d0) >= -n, i.e. count(d-1, d0-1].
		k := int64(-n)
		lo, hi := d0-7*((k+c.negative)/c.perWeek+1), d0-1
		for lo < hi {
			mid := hi - (hi-lo)/2
			if c.count(mid-1, d0-1) >= k {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		d = lo
	}
	return onDay(t, d)
}

// BusinessDaysBetween counts the business days after the date of a, up to
// and including the date of b, both dates taken in a's location; it is
// negative when b is before a. So BusinessDaysBetween(t,
// AddBusinessDays(t, n)) == n for n >= 0.
func (c *Calendar) BusinessDaysBetween(a, b time.Time) int {
	c = c.orDefault()
	da, db := dayOf(a), dayOf(b.In(a.Location()))
	if db >= da {
		return int(c.count(da, db))
	}
	return -int(c.count(db, da))
}

// Add returns t plus the window d: elapsed hours (so 24h across a daylight
// saving change is 23 or 25 hours of clock time); calendar days and weeks
// keep the clock time; months (and years, as 12 months) are time.AddDate
// months clamped to the end of the month (31 August + 6 months is 28 or 29
// February); business days as
// in AddBusinessDays. The zero Duration returns t.
func (c *Calendar) Add(t time.Time, d Duration) time.Time {
	switch d.Unit {
	case Hours:
		return t.Add(time.Duration(d.N) * time.Hour)
	case Days:
		return onDay(t, dayOf(t)+int64(d.N))
	case Weeks:
		return onDay(t, dayOf(t)+7*int64(d.N))
	case Months:
		return addMonths(t, d.N)
	case Years:
		return addMonths(t, 12*d.N)
	case BusinessDays:
		return c.AddBusinessDays(t, d.N)
	}
	return t
}

// due is the deadline of a window started at t: exact for hours, else the
// last second of the final day in t's location.
func (c *Calendar) due(t time.Time, d Duration) time.Time {
	end := c.Add(t, d)
	if d.Unit == Hours {
		return end
	}
	return endOfDay(end)
}

func addMonths(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := daysIn(first.Year(), first.Month())
	return onDay(t, dayOfDate(first.Year(), first.Month(), min(d, last)))
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// endOfDay is 23:59:59 on the date of t in t's location.
func endOfDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return onDay(time.Date(y, m, d, 23, 59, 59, 0, t.Location()), dayOf(t))
}

// isBusiness reports whether day d is a business day.
func (c *Calendar) isBusiness(d int64) bool {
	if w, ok := c.special[d]; ok {
		return w
	}
	return !c.weekend[weekdayOf(d)]
}

// count is the number of business days in (a, b], for a <= b.
func (c *Calendar) count(a, b int64) int64 {
	if b <= a {
		return 0
	}
	return c.weekdays(b+1) - c.weekdays(a+1) + c.adjust(b) - c.adjust(a)
}

// weekdays counts the non-weekend days in [0, x) (negative for x < 0).
func (c *Calendar) weekdays(x int64) int64 {
	weeks := floorDiv(x, 7)
	n := weeks * c.perWeek
	for d := weeks * 7; d < x; d++ {
		if !c.weekend[weekdayOf(d)] {
			n++
		}
	}
	return n
}

// adjust sums the adjustments of special days <= x.
func (c *Calendar) adjust(x int64) int64 {
	i := sort.Search(len(c.days), func(i int) bool { return c.days[i] > x })
	return c.prefix[i]
}

// Day numbers count days from 1970-01-01 (day 0, a Thursday) in the
// proleptic Gregorian calendar.

func dayOf(t time.Time) int64 {
	y, m, d := t.Date()
	return dayOfDate(y, m, d)
}

// dayOfDate implements days_from_civil (Howard Hinnant).
func dayOfDate(year int, month time.Month, day int) int64 {
	y, m, d := int64(year), int64(month), int64(day)
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// dateOfDay implements civil_from_days (Howard Hinnant).
func dateOfDay(z int64) (int, time.Month, int) {
	z += 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return int(y), time.Month(m), int(d)
}

func weekdayOf(d int64) time.Weekday {
	return time.Weekday((floorMod(d, 7) + 4) % 7)
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func floorMod(a, b int64) int64 { return a - floorDiv(a, b)*b }

// onDay returns t's clock time on day d in t's location. A clock time that
// does not exist on d (a daylight-saving gap) moves forward by the gap, as
// calendar applications do (02:30 becomes 03:30); should that leave day d
// (a gap at midnight), it moves back within d.
func onDay(t time.Time, d int64) time.Time {
	y, m, dd := dateOfDay(d)
	loc := t.Location()
	r := time.Date(y, m, dd, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), loc)
	want := time.Date(y, m, dd, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
	got := time.Date(r.Year(), r.Month(), r.Day(), r.Hour(), r.Minute(), r.Second(), r.Nanosecond(), time.UTC)
	if gap := want.Sub(got); gap > 0 {
		r = r.Add(gap)
	}
	for step := 0; dayOf(r) != d && step < 48; step++ {
		if dayOf(r) > d {
			r = r.Add(-time.Hour)
		} else {
			r = r.Add(time.Hour)
		}
	}
	return r
}
