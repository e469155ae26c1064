package post_test

import (
	"strings"
	"testing"
	"time"

	"redress/evidence"
	"redress/letters"
	"redress/post"
)

// The public step is never suggested before the date Redress's own
// complaint letter asked the provider to answer by, where the law sets
// none: the letter's 14 days and the post's fair chance are one figure,
// and both end with the letter's last day.
func TestFairChanceIsTheLettersReplyDate(t *testing.T) {
	if post.FairChanceDays != letters.ProviderReplyDays {
		t.Fatalf("post.FairChanceDays = %d, letters.ProviderReplyDays = %d: the post would come before the date the letter named",
			post.FairChanceDays, letters.ProviderReplyDays)
	}
	zones := []*time.Location{time.FixedZone("CST", 8*3600), time.UTC}
	if ny, err := time.LoadLocation("America/New_York"); err == nil {
		zones = append(zones, ny) // 1 Nov 2026: the clocks go back inside the 14 days
	}
	for _, loc := range zones {
		t.Run(loc.String(), func(t *testing.T) {
			sent := time.Date(2026, 10, 26, 9, 0, 0, 0, loc)
			c := evidence.Case{Title: "T", Provider: "OKPay", Problem: evidence.AccountFrozen, Jurisdiction: evidence.Other,
				Language: evidence.English}
			text := letters.Compose(letters.Input{Case: c, To: letters.Provider, Lang: evidence.English, Date: sent}).Text()
			ends := post.FairChanceEnds(sent)
			named := ends.Format("2 January 2006")
			if !strings.Contains(text, "that is by "+named) {
				t.Fatalf("FairChanceEnds(%v) = %v, but the letter of that date asks for a reply by another date:\n%s", sent, ends, text)
			}
			f := post.Facts{Complained: sent}
			for _, tt := range []struct {
				now  time.Time
				want bool
			}{
				{time.Date(2026, 11, 9, 12, 0, 0, 0, loc), false},   // noon on the letter's date
				{time.Date(2026, 11, 9, 23, 59, 59, 0, loc), false}, // its last second
				{time.Date(2026, 11, 10, 0, 0, 0, 0, loc), true},    // the day after
			} {
				f.Now = tt.now
				if ok, why := post.Suggest(f); ok != tt.want {
					t.Errorf("Suggest(complaint %v, now %v) = %v (%s), want %v", sent, tt.now, ok, why.Key, tt.want)
				}
			}
		})
	}
}
