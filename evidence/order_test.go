package evidence

import (
	"strings"
	"testing"
	"time"
)

func TestEnclosuresNumberInTimelineOrder(t *testing.T) {
	at := time.Date(2026, 11, 20, 14, 30, 0, 0, time.UTC)
	rec := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	archived := rec
	att := func(name, caption string) Attachment { return Attachment{Name: name, Caption: caption} }
	events := []Event{
		// Listed out of order on purpose; b and c share At and Recorded.
		{ID: "c", Kind: KindScreenshot, At: at, Recorded: rec, Exhibit: &Exhibit{}, Attachments: []Attachment{att("c.png", "")}},
		{ID: "d", Kind: KindDocument, At: at.Add(time.Second), Recorded: rec, Summary: "statement",
			Attachments: []Attachment{att("d1.pdf", ""), att("d2.pdf", "page 2")}},
		{ID: "b", Kind: KindScreenshot, At: at.In(time.FixedZone("CST", 8*3600)), Recorded: rec,
			Exhibit: &Exhibit{Caption: "balance"}, Attachments: []Attachment{att("b.png", "")}},
		{ID: "a", Kind: KindScreenshot, At: at, Recorded: rec.Add(-time.Hour), Attachments: []Attachment{att("a.png", "own")}},
		{ID: "z", Kind: KindScreenshot, At: at.Add(-time.Hour), Archived: &archived, Attachments: []Attachment{att("z.png", "")}},
	}
	var got []string
	for _, x := range Enclosures(events) {
		got = append(got, x.Number+" "+x.Attachment.Name+" "+x.EventID+" ["+x.Caption+"]")
	}
	want := []string{
		"E-1 a.png a [own]",        // recorded first
		"E-2 b.png b [balance]",    // same instant and record time as c: by ID
		"E-3 c.png c []",           // no caption, summary or notes: named by its kind by the reader
		"E-4 d1.pdf d [statement]", // the event's title
		"E-5 d2.pdf d [page 2]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Enclosures =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestCompare(t *testing.T) {
	at := time.Date(2026, 11, 20, 14, 30, 0, 0, time.UTC)
	for _, tc := range []struct {
		name string
		a, b Event
		want int
	}{
		{"earlier first", Event{ID: "b", At: at}, Event{ID: "a", At: at.Add(time.Millisecond)}, -1},
		{"same instant in two offsets, recorded first", Event{ID: "b", At: at, Recorded: at},
			Event{ID: "a", At: at.In(time.FixedZone("", 3600)), Recorded: at.Add(time.Second)}, -1},
		{"then by ID", Event{ID: "a", At: at, Recorded: at}, Event{ID: "b", At: at, Recorded: at}, -1},
		{"equal", Event{ID: "a", At: at}, Event{ID: "a", At: at}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Compare(tc.a, tc.b); got != tc.want {
				t.Errorf("Compare(%s, %s) = %d, want %d", tc.a.ID, tc.b.ID, got, tc.want)
			}
			if got := Compare(tc.b, tc.a); got != -tc.want {
				t.Errorf("Compare(%s, %s) = %d, want %d", tc.b.ID, tc.a.ID, got, -tc.want)
			}
		})
	}
}
