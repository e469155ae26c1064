package escalation

import (
	"bytes"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
)

// wantTestICS is what testdata/cn-holidays-test.ics (hand-made TEST DATA,
// not an official calendar) holds, date by date.
var wantTestICS = func() []Holiday {
	var hs []Holiday
	add := func(name string, working bool, dates ...string) {
		for _, d := range dates {
			hs = append(hs, Holiday{Date: d, Name: name, Working: working})
		}
	}
	add("元旦（测试）", false, "2030-01-01")                                                                                      // all-day, no DTEND
	add("春节（测试）", false, "2030-02-04", "2030-02-05", "2030-02-06", "2030-02-07", "2030-02-08")                              // DTEND exclusive, folded mid-character
	add("春节补班（测试）", true, "2030-02-09")                                                                                     // 补班
	add("Spring Festival make-up Working Day (TEST)", true, "2030-02-16")                                                   // "working day", any case
	add("劳动节调休上班（测试）", true, "2030-04-27")                                                                                  // 上班
	add("劳动节, 休息日（测试）", false, "2030-05-01", "2030-05-02", "2030-05-03")                                                    // DURATION:P3D, escaped comma
	add("中秋节（测试）", false, "2030-09-12")                                                                                     // TZID, ends at midnight
	add("国庆节补班（测试）", true, "2030-09-29")                                                                                    //
	add("国庆节（测试）", false, "2030-10-01", "2030-10-02", "2030-10-03", "2030-10-04", "2030-10-05", "2030-10-06", "2030-10-07") // UTC times in X-WR-TIMEZONE
	add("国庆节补班（测试）", true, "2030-10-12")                                                                                    //
	add("Bank holiday (non-working day) (TEST)", false, "2030-12-25")                                                       // not a make-up day; VALARM ignored
	return hs
}()

func TestParseICSFile(t *testing.T) {
	raw, err := os.ReadFile("testdata/cn-holidays-test.ics")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(raw, []byte("X-WR-CALNAME:TEST DATA — not an official calendar")) {
		t.Fatalf("testdata/cn-holidays-test.ics must be labelled TEST DATA")
	}
	inputs := map[string][]byte{
		"CRLF":     raw,
		"LF":       bytes.ReplaceAll(raw, []byte("\r\n"), []byte("\n")),
		"with BOM": append([]byte("\xef\xbb\xbf"), raw...),
	}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			got, err := ParseICS(bytes.NewReader(in))
			if err != nil {
				t.Fatalf("ParseICS(testdata) error: %v", err)
			}
			if !slices.Equal(got, wantTestICS) {
				t.Errorf("ParseICS(testdata) = %d holidays, want %d", len(got), len(wantTestICS))
				for i := range max(len(got), len(wantTestICS)) {
					var g, w Holiday
					if i < len(got) {
						g = got[i]
					}
					if i < len(wantTestICS) {
						w = wantTestICS[i]
					}
					if g != w {
						t.Errorf("  [%d] = %+v, want %+v", i, g, w)
					}
				}
			}
		})
	}
}

// TestICSCalendar imports the test file into a calendar and counts
// business days over its holidays and make-up days.
func TestICSCalendar(t *testing.T) {
	f, err := os.Open("testdata/cn-holidays-test.ics")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	hs, err := ParseICS(f)
	if err != nil {
		t.Fatal(err)
	}
	cal := mustCalendar(t, hs...)
	shanghai := mustLoad(t, "Asia/Shanghai")
	tests := []struct {
		start string
		n     int
		want  string
	}{
		{"2030-02-01 10:00", 1, "2030-02-09 10:00"}, // Friday; the festival week off; Saturday 9th worked
		{"2030-09-27 10:00", 1, "2030-09-29 10:00"}, // Friday; Sunday 29th worked
		{"2030-09-30 10:00", 1, "2030-10-08 10:00"}, // National Day week off
		{"2030-12-24 10:00", 1, "2030-12-26 10:00"}, // 25th off; the cancelled 26th is not
	}
	for _, tt := range tests {
		got := cal.AddBusinessDays(at(t, tt.start, shanghai), tt.n)
		if got.Format(tl) != tt.want {
			t.Errorf("AddBusinessDays(%s, %d) = %s, want %s", tt.start, tt.n, got.Format(tl), tt.want)
		}
	}
}

func ics(events ...string) string {
	return "BEGIN:VCALENDAR\nVERSION:2.0\n" + strings.Join(events, "\n") + "\nEND:VCALENDAR\n"
}

func TestParseICSEvents(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // date, or date+"*" for a working day
	}{
		{"timed event ends mid-day", ics("BEGIN:VEVENT", "DTSTART:20300101T090000", "DTEND:20300102T120000", "SUMMARY:x", "END:VEVENT"),
			[]string{"2030-01-01", "2030-01-02"}},
		{"UTC without calendar zone", ics("BEGIN:VEVENT", "DTSTART:20300930T160000Z", "SUMMARY:x", "END:VEVENT"),
			[]string{"2030-09-30"}},
		{"UTC with calendar zone", "BEGIN:VCALENDAR\nX-WR-TIMEZONE:Asia/Shanghai\nBEGIN:VEVENT\nDTSTART:20300930T160000Z\nSUMMARY:x\nEND:VEVENT\nEND:VCALENDAR",
			[]string{"2030-10-01"}},
		{"unknown TZID keeps the written date", ics("BEGIN:VEVENT", "DTSTART;TZID=China Standard Time:20301001T000000", "SUMMARY:x", "END:VEVENT"),
			[]string{"2030-10-01"}},
		{"TZID end in another zone", ics("BEGIN:VEVENT", "DTSTART;TZID=Asia/Shanghai:20301001T000000",
			"DTEND;TZID=Europe/London:20301002T180000", "SUMMARY:x", "END:VEVENT"),
			[]string{"2030-10-01", "2030-10-02", "2030-10-03"}},
		{"DTEND before DTSTART", ics("BEGIN:VEVENT", "DTSTART;VALUE=DATE:20300105", "DTEND;VALUE=DATE:20300101", "SUMMARY:x", "END:VEVENT"),
			[]string{"2030-01-05"}},
		{"DURATION in weeks", ics("BEGIN:VEVENT", "DTSTART;VALUE=DATE:20300105", "DURATION:P1W", "SUMMARY:x", "END:VEVENT"),
			[]string{"2030-01-05", "2030-01-06", "2030-01-07", "2030-01-08", "2030-01-09", "2030-01-10", "2030-01-11"}},
		{"DURATION in hours", ics("BEGIN:VEVENT", "DTSTART:20300105T200000", "DURATION:PT6H", "SUMMARY:x", "END:VEVENT"),
			[]string{"2030-01-05", "2030-01-06"}},
		{"folded with a tab", ics("BEGIN:VEVENT", "DTSTART;VALUE=DATE:20300105", "SUMMARY:Make-up work", "\ting day", "END:VEVENT"),
			[]string{"2030-01-05*"}},
		{"date without VALUE", ics("BEGIN:VEVENT", "DTSTART:20300105", "SUMMARY:x", "END:VEVENT"),
			[]string{"2030-01-05"}},
		{"cancelled", ics("BEGIN:VEVENT", "DTSTART:20300105", "STATUS:CANCELLED", "END:VEVENT"), nil},
		{"todo ignored", ics("BEGIN:VTODO", "DTSTART:20300105", "END:VTODO"), nil},
		{"recurrence not expanded", ics("BEGIN:VEVENT", "DTSTART;VALUE=DATE:20300101", "RRULE:FREQ=YEARLY", "SUMMARY:x", "END:VEVENT"),
			[]string{"2030-01-01"}},
		{"empty calendar", ics(), nil},
		{"sorted by date", ics("BEGIN:VEVENT", "DTSTART:20300201", "END:VEVENT", "BEGIN:VEVENT", "DTSTART:20300101", "END:VEVENT"),
			[]string{"2030-01-01", "2030-02-01"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs, err := ParseICS(strings.NewReader(tt.in))
			if err != nil {
				t.Fatalf("ParseICS: %v", err)
			}
			var got []string
			for _, h := range hs {
				s := h.Date
				if h.Working {
					s += "*"
				}
				got = append(got, s)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("ParseICS(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseICSErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // part of the error
	}{
		{"empty", "", "no BEGIN:VCALENDAR"},
		{"not iCalendar", "hello world", "line 1"},
		{"event outside calendar", "BEGIN:VEVENT\nEND:VEVENT", "before BEGIN:VCALENDAR"},
		{"unterminated event", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20300101\n", "no END:VEVENT"},
		{"wrong END", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VTODO\n", "END:VTODO"},
		{"no DTSTART", ics("BEGIN:VEVENT", "SUMMARY:x", "END:VEVENT"), "no DTSTART"},
		{"bad date", ics("BEGIN:VEVENT", "DTSTART;VALUE=DATE:2030-01-01", "END:VEVENT"), "DTSTART (line 4)"},
		{"impossible date", ics("BEGIN:VEVENT", "DTSTART;VALUE=DATE:20300230", "END:VEVENT"), "2030"},
		{"bad time", ics("BEGIN:VEVENT", "DTSTART:20300101T250000", "END:VEVENT"), "DTSTART"},
		{"bad duration", ics("BEGIN:VEVENT", "DTSTART:20300101", "DURATION:3 days", "END:VEVENT"), "DURATION"},
		{"too long", ics("BEGIN:VEVENT", "DTSTART:20300101", "DTEND:20400101", "END:VEVENT"), "more than 366"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseICS(strings.NewReader(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ParseICS(%q) error = %v, want one containing %q", tt.in, err, tt.want)
			}
		})
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestParseICSReadError(t *testing.T) {
	_, err := ParseICS(failingReader{})
	if err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Errorf("ParseICS(failing reader) error = %v, want the wrapped read error", err)
	}
}

func TestIsMakeUpDay(t *testing.T) {
	tests := []struct {
		summary string
		want    bool
	}{
		{"国庆节补班", true},
		{"春节调休上班", true},
		{"Working day (make-up)", true},
		{"Make-up WORKING DAY", true},
		{"Public holiday (non-working day)", false},
		{"Non working day", false},
		{"Non-working day, then a working day", true},
		{"春节", false},
		{"Christmas Day", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := isMakeUpDay(tt.summary); got != tt.want {
			t.Errorf("isMakeUpDay(%q) = %v, want %v", tt.summary, got, tt.want)
		}
	}
}

func TestICSTimeZone(t *testing.T) {
	// The TZID event's date is the one written, whatever the machine's zone.
	old := time.Local
	time.Local = time.FixedZone("far east", 14*3600)
	defer func() { time.Local = old }()
	hs, err := ParseICS(strings.NewReader(ics("BEGIN:VEVENT", "DTSTART;TZID=America/New_York:20301231T230000", "SUMMARY:x", "END:VEVENT")))
	if err != nil || len(hs) != 1 || hs[0].Date != "2030-12-31" {
		t.Errorf("ParseICS(TZID New York 23:00) = %v, %v; want 2030-12-31", hs, err)
	}
}
