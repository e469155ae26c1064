package escalation

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"redress/evidence"
)

// MaxICSBytes is the largest iCalendar file ParseICS reads.
const MaxICSBytes = 16 << 20

// maxEventDays bounds how many dates one event may cover.
const maxEventDays = 366

// ParseICS reads holidays from an iCalendar file (RFC 5545), such as a
// public-holiday calendar exported by a calendar application.
//
// Each VEVENT becomes one Holiday per date it covers:
//   - all-day events (DTSTART;VALUE=DATE:20261001) cover their date; with a
//     DTEND, every date up to but not including DTEND (RFC 5545: DTEND is
//     exclusive); with a DURATION such as P3D, that many days;
//   - timed events cover the dates they touch in their own zone: the date
//     written in a DTSTART with TZID, or for UTC times (…Z) the date in the
//     calendar's X-WR-TIMEZONE when it names a known zone, else in UTC; an
//     end at exactly midnight does not cover the next date.
//
// An event is a make-up working day (Holiday.Working, CN 调休) when its
// SUMMARY contains "补班" or "上班", or "working day" in any case but not
// "non-working day" / "non working day". Every other event is a holiday
// named by its SUMMARY.
//
// Folded lines (continued by a line starting with a space or tab), CRLF or
// LF line ends, a UTF-8 byte-order mark and escaped text (\, \; \n \\) are
// handled. Events with STATUS:CANCELLED are skipped. Recurrence rules
// (RRULE, RDATE) are not expanded: only the dates written in DTSTART count,
// so a yearly recurring event gives its first date only. Components other
// than VEVENT (VTIMEZONE, VALARM, VTODO) are ignored. The holidays come back
// sorted by date, in file order within a date.
//
// A file that is not iCalendar, an unterminated component, an event
// without DTSTART, a malformed date, time or duration, or an event longer
// than 366 days is an error that names the line.
func ParseICS(r io.Reader) ([]Holiday, error) {
	raw, err := io.ReadAll(io.LimitReader(r, MaxICSBytes+1))
	if err != nil {
		return nil, fmt.Errorf("escalation: reading iCalendar: %w", err)
	}
	if len(raw) > MaxICSBytes {
		return nil, fmt.Errorf("escalation: iCalendar file larger than %d bytes", MaxICSBytes)
	}
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	lines := unfold(string(raw))

	var (
		out      []Holiday
		stack    []string
		ev       *icsEvent
		calZone  *time.Location
		sawStart bool
	)
	for _, ln := range lines {
		if strings.TrimSpace(ln.text) == "" {
			continue
		}
		p, err := parseProp(ln.text)
		if err != nil {
			return nil, fmt.Errorf("escalation: iCalendar line %d: %w", ln.no, err)
		}
		switch p.name {
		case "BEGIN":
			comp := strings.ToUpper(p.value)
			if len(stack) == 0 && comp != "VCALENDAR" {
				return nil, fmt.Errorf("escalation: iCalendar line %d: BEGIN:%s before BEGIN:VCALENDAR", ln.no, comp)
			}
			sawStart = true
			stack = append(stack, comp)
			if comp == "VEVENT" && len(stack) == 2 {
				ev = &icsEvent{line: ln.no}
			}
			continue
		case "END":
			comp := strings.ToUpper(p.value)
			if len(stack) == 0 || stack[len(stack)-1] != comp {
				return nil, fmt.Errorf("escalation: iCalendar line %d: END:%s does not close an open component", ln.no, comp)
			}
			stack = stack[:len(stack)-1]
			if comp == "VEVENT" && ev != nil && len(stack) == 1 {
				hs, err := ev.holidays(calZone)
				if err != nil {
					return nil, fmt.Errorf("escalation: iCalendar event at line %d: %w", ev.line, err)
				}
				out = append(out, hs...)
				ev = nil
			}
			continue
		}
		if len(stack) == 1 && p.name == "X-WR-TIMEZONE" {
			if loc, err := time.LoadLocation(strings.TrimSpace(p.value)); err == nil {
				calZone = loc
			}
			continue
		}
		if ev == nil || len(stack) != 2 {
			continue // a property of the calendar or of a component we ignore
		}
		switch p.name {
		case "DTSTART":
			ev.start, ev.startLine = p, ln.no
		case "DTEND":
			ev.end, ev.endLine = p, ln.no
		case "DURATION":
			ev.duration = p.value
		case "SUMMARY":
			ev.summary = unescapeText(p.value)
		case "STATUS":
			ev.cancelled = strings.EqualFold(strings.TrimSpace(p.value), "CANCELLED")
		}
	}
	if !sawStart {
		return nil, errors.New("escalation: not an iCalendar file: no BEGIN:VCALENDAR")
	}
	if len(stack) > 0 {
		return nil, fmt.Errorf("escalation: iCalendar ends inside %s (no END:%s)", stack[len(stack)-1], stack[len(stack)-1])
	}
	slices.SortStableFunc(out, func(a, b Holiday) int { return strings.Compare(a.Date, b.Date) })
	return out, nil
}

type icsLine struct {
	no   int // 1-based line number of the first physical line
	text string
}

// unfold joins folded lines (RFC 5545 §3.1) and splits on CRLF or LF.
func unfold(s string) []icsLine {
	var out []icsLine
	for i, l := range strings.Split(s, "\n") {
		l = strings.TrimSuffix(l, "\r")
		if len(out) > 0 && (strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t")) {
			out[len(out)-1].text += l[1:]
			continue
		}
		out = append(out, icsLine{no: i + 1, text: l})
	}
	return out
}

type icsProp struct {
	name   string            // upper case
	params map[string]string // upper-case names, unquoted values
	value  string
}

// parseProp splits "NAME;PARAM=VALUE;PARAM="quoted:value":value".
func parseProp(s string) (icsProp, error) {
	p := icsProp{params: map[string]string{}}
	inQuote := false
	cut := -1
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			inQuote = !inQuote
		case ':':
			if !inQuote {
				cut = i
			}
		}
		if cut >= 0 {
			break
		}
	}
	if cut < 0 {
		return p, fmt.Errorf("%q is not a NAME:value line", shorten(s))
	}
	head, value := s[:cut], s[cut+1:]
	parts := splitUnquoted(head, ';')
	p.name = strings.ToUpper(strings.TrimSpace(parts[0]))
	if p.name == "" {
		return p, fmt.Errorf("%q has no property name", shorten(s))
	}
	for _, kv := range parts[1:] {
		k, v, _ := strings.Cut(kv, "=")
		p.params[strings.ToUpper(strings.TrimSpace(k))] = strings.Trim(v, `"`)
	}
	p.value = value
	return p, nil
}

func splitUnquoted(s string, sep byte) []string {
	var out []string
	inQuote, start := false, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			inQuote = !inQuote
		case sep:
			if !inQuote {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	return append(out, s[start:])
}

func shorten(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

// unescapeText undoes RFC 5545 TEXT escaping.
func unescapeText(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch s[i] {
		case 'n', 'N':
			b.WriteByte('\n')
		default: // \, \; \\ and anything else: the character itself
			b.WriteByte(s[i])
		}
	}
	return strings.TrimSpace(b.String())
}

type icsEvent struct {
	line, startLine, endLine int
	start, end               icsProp
	duration                 string
	summary                  string
	cancelled                bool
}

// holidays expands the event into one Holiday per date.
func (e *icsEvent) holidays(calZone *time.Location) ([]Holiday, error) {
	if e.cancelled {
		return nil, nil
	}
	if e.start.name == "" {
		return nil, errors.New("no DTSTART")
	}
	start, allDay, err := icsTime(e.start, calZone)
	if err != nil {
		return nil, fmt.Errorf("DTSTART (line %d): %w", e.startLine, err)
	}
	first := dayOf(start)
	last := first
	switch {
	case e.end.name != "":
		end, _, err := icsTime(e.end, calZone)
		if err != nil {
			return nil, fmt.Errorf("DTEND (line %d): %w", e.endLine, err)
		}
		last = lastDay(start, end.In(start.Location()), allDay)
	case e.duration != "":
		days, secs, err := icsDuration(e.duration)
		if err != nil {
			return nil, fmt.Errorf("DURATION %q: %w", e.duration, err)
		}
		end := start.AddDate(0, 0, days).Add(time.Duration(secs) * time.Second)
		last = lastDay(start, end, allDay)
	}
	if last < first {
		last = first
	}
	if last-first >= maxEventDays {
		return nil, fmt.Errorf("the event covers %d days, more than %d", last-first+1, maxEventDays)
	}
	working := isMakeUpDay(e.summary)
	var out []Holiday
	for d := first; d <= last; d++ {
		y, m, dd := dateOfDay(d)
		out = append(out, Holiday{Date: fmt.Sprintf("%04d-%02d-%02d", y, m, dd), Name: e.summary, Working: working})
	}
	return out, nil
}

// lastDay is the last date an event from start to end (exclusive) covers.
func lastDay(start, end time.Time, allDay bool) int64 {
	if !end.After(start) {
		return dayOf(start)
	}
	d := dayOf(end)
	y, m, dd := end.Date()
	if allDay || end.Equal(time.Date(y, m, dd, 0, 0, 0, 0, end.Location())) {
		d-- // exclusive end at midnight
	}
	return d
}

var icsTimeRE = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$`)

// icsTime reads a DATE or DATE-TIME value. allDay reports a DATE. A
// DATE-TIME with TZID is in that zone when Go knows it, otherwise (and
// when floating) it is read as written, which keeps its date.
func icsTime(p icsProp, calZone *time.Location) (t time.Time, allDay bool, err error) {
	v := strings.TrimSpace(p.value)
	m := icsTimeRE.FindStringSubmatch(v)
	if m == nil {
		return time.Time{}, false, &evidence.FieldError{Field: "date", Reason: evidence.ReasonMalformedDate, Value: v}
	}
	num := func(s string) int { n, _ := strconv.Atoi(s); return n }
	y, mo, d := num(m[1]), num(m[2]), num(m[3])
	valueDate := strings.EqualFold(p.params["VALUE"], "DATE")
	allDay = m[4] == "" || valueDate
	if mo < 1 || mo > 12 || d < 1 || d > daysIn(y, time.Month(mo)) {
		return time.Time{}, false, &evidence.FieldError{Field: "date", Reason: evidence.ReasonMalformedDate, Value: v}
	}
	if allDay {
		return time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC), true, nil
	}
	h, mi, s := num(m[4]), num(m[5]), num(m[6])
	if h > 23 || mi > 59 || s > 60 {
		return time.Time{}, false, &evidence.FieldError{Field: "date", Reason: evidence.ReasonMalformedTime, Value: v}
	}
	loc := time.UTC
	if m[7] != "Z" {
		if tz := p.params["TZID"]; tz != "" {
			if l, err := time.LoadLocation(strings.TrimPrefix(tz, "/")); err == nil {
				loc = l
			}
		}
		return time.Date(y, time.Month(mo), d, h, mi, s, 0, loc), false, nil
	}
	t = time.Date(y, time.Month(mo), d, h, mi, s, 0, time.UTC)
	if calZone != nil {
		t = t.In(calZone)
	}
	return t, false, nil
}

var icsDurRE = regexp.MustCompile(`^\+?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$`)

// icsDuration reads a non-negative RFC 5545 duration as days and seconds.
func icsDuration(s string) (days int, secs int64, err error) {
	m := icsDurRE.FindStringSubmatch(strings.ToUpper(strings.TrimSpace(s)))
	if m == nil || s == "P" || strings.HasSuffix(strings.ToUpper(s), "T") {
		return 0, 0, errors.New("not a duration such as P1D or PT24H")
	}
	n := func(i int) int64 {
		v, _ := strconv.ParseInt(m[i], 10, 64)
		return min(v, 100000)
	}
	return int(n(1)*7 + n(2)), n(3)*3600 + n(4)*60 + n(5), nil
}

// isMakeUpDay reports whether a summary names a make-up working day.
func isMakeUpDay(summary string) bool {
	if strings.Contains(summary, "补班") || strings.Contains(summary, "上班") {
		return true
	}
	s := strings.ToLower(summary)
	for {
		i := strings.Index(s, "working day")
		if i < 0 {
			return false
		}
		before := s[:i]
		if !strings.HasSuffix(before, "non-") && !strings.HasSuffix(before, "non ") {
			return true
		}
		s = s[i+len("working day"):]
	}
}
