package post

import (
	"testing"
	"time"
)

func TestSuggest(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.ParseInLocation("2006-01-02 15:04", s, cst)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	var zero time.Time
	tests := []struct {
		name      string
		f         Facts
		ok        bool
		key, date string
	}{
		{"settled", Facts{Settled: true, Complained: day("2026-11-26 16:00"), Now: day("2027-01-10 12:00")},
			false, "post.suggest.resolved", ""},
		{"already posted", Facts{Complained: day("2026-11-26 16:00"), Posted: day("2026-12-20 09:00"), Now: day("2027-01-10 12:00")},
			false, "post.suggest.posted", "2026-12-20"},
		{"no complaint yet", Facts{Now: day("2027-01-10 12:00")},
			false, "post.suggest.no-complaint", ""},
		{"statutory deadline running", Facts{Complained: day("2026-11-26 16:00"), ReplyDue: day("2026-12-17 23:59"), Now: day("2026-12-10 12:00")},
			false, "post.suggest.waiting", "2026-12-17"},
		{"on the deadline itself", Facts{Complained: day("2026-11-26 16:00"), ReplyDue: day("2026-12-17 23:59"), Now: day("2026-12-17 23:59")},
			false, "post.suggest.waiting", "2026-12-17"},
		{"statutory deadline passed", Facts{Complained: day("2026-11-26 16:00"), ReplyDue: day("2026-12-17 23:59"), Now: day("2026-12-18 08:00")},
			true, "post.suggest.overdue", "2026-12-17"},
		{"provider's 24 h is no fair chance", Facts{Complained: day("2026-11-26 16:00"), ReplyDue: day("2026-11-27 16:00"), Now: day("2026-12-05 12:00")},
			false, "post.suggest.waiting", "2026-12-10"},
		{"the fair chance's last day is still the provider's", Facts{Complained: day("2026-11-26 16:00"), ReplyDue: day("2026-11-27 16:00"), Now: day("2026-12-10 16:01")},
			false, "post.suggest.waiting", "2026-12-10"},
		{"fair chance given", Facts{Complained: day("2026-11-26 16:00"), ReplyDue: day("2026-11-27 16:00"), Now: day("2026-12-11 00:00")},
			true, "post.suggest.overdue", "2026-12-10"},
		{"deadline unknown", Facts{Complained: day("2026-11-26 16:00"), ReplyDue: zero, Now: day("2026-12-11 09:00")},
			true, "post.suggest.overdue", "2026-12-10"},
		{"deadline unknown, the letter's date not yet over", Facts{Complained: day("2026-11-26 09:00"), Now: day("2026-12-10 12:00")},
			false, "post.suggest.waiting", "2026-12-10"},
		{"deadline unknown, too early", Facts{Complained: day("2026-11-26 16:00"), Now: day("2026-12-01 09:00")},
			false, "post.suggest.waiting", "2026-12-10"},
		{"final reply", Facts{Complained: day("2026-11-26 16:00"), ReplyDue: day("2026-12-17 23:59"), FinalReply: day("2026-12-01 10:00"), Now: day("2026-12-02 12:00")},
			true, "post.suggest.final", "2026-12-01"},
		{"final reply before the complaint does not count", Facts{Complained: day("2026-11-26 16:00"), ReplyDue: day("2026-12-17 23:59"), FinalReply: day("2026-11-20 10:00"), Now: day("2026-12-02 12:00")},
			false, "post.suggest.waiting", "2026-12-17"},
		{"final reply dated after now does not count", Facts{Complained: day("2026-11-26 16:00"), ReplyDue: day("2026-12-17 23:59"), FinalReply: day("2026-12-05 10:00"), Now: day("2026-12-02 12:00")},
			false, "post.suggest.waiting", "2026-12-17"},
		{"settled wins over everything", Facts{Settled: true, Posted: day("2026-12-20 09:00"), FinalReply: day("2026-12-01 10:00"), Complained: day("2026-11-26 16:00"), Now: day("2027-01-10 12:00")},
			false, "post.suggest.resolved", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok, why := Suggest(tt.f)
			date := ""
			if !why.Date.IsZero() {
				date = why.Date.Format("2006-01-02")
			}
			if ok != tt.ok || why.Key != tt.key || date != tt.date {
				t.Errorf("Suggest(%+v) = %v, %s %s; want %v, %s %s", tt.f, ok, why.Key, date, tt.ok, tt.key, tt.date)
			}
		})
	}
}
