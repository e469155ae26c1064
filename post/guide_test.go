package post

import (
	"slices"
	"strings"
	"testing"
	"time"

	"redress/evidence"
	"redress/lang"
)

func TestVenues(t *testing.T) {
	tests := []struct {
		j    evidence.Jurisdiction
		want []string
	}{
		{evidence.CN, []string{"official", "heimao", "people-liuyan"}},
		{evidence.UK, []string{"official", "trustpilot"}},
		{evidence.EU, []string{"official", "trustpilot"}},
		{evidence.US, []string{"official", "trustpilot", "bbb"}},
		{evidence.Other, []string{"official", "trustpilot"}},
	}
	for _, tt := range tests {
		var got []string
		for _, v := range Venues(tt.j) {
			got = append(got, v.ID)
			if v.ID != "official" && (!strings.HasPrefix(v.Address, "https://") || v.Source == "") {
				t.Errorf("venue %s: address %q, source %q; want an https address and a source", v.ID, v.Address, v.Source)
			}
			for _, l := range lang.All {
				for _, k := range []string{"post.platform." + v.ID, "post.platform." + v.ID + ".note"} {
					if !l.Has(k) {
						t.Errorf("%s lacks %s", l, k)
					}
				}
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Venues(%s) = %v, want %v", tt.j, got, tt.want)
		}
	}
	if got := Heimao.Name(lang.ZH); got != "黑猫投诉（新浪）" {
		t.Errorf("Heimao.Name(zh) = %q", got)
	}
}

// TestTranslated checks every key the guidance, the counts, the lengths
// and Suggest's reasons use exists in both languages.
func TestTranslated(t *testing.T) {
	keys := slices.Clone(Tips)
	for _, p := range []Platform{Weibo, X, WeiboLong, HeimaoTitle} {
		keys = append(keys, Count{Platform: p}.Key())
	}
	for _, n := range Lengths {
		keys = append(keys, "post.length."+string(n))
	}
	for _, k := range []string{"resolved", "posted", "no-complaint", "waiting", "final", "overdue"} {
		keys = append(keys, "post.suggest."+k)
	}
	for _, l := range lang.All {
		for _, k := range keys {
			if !l.Has(k) {
				t.Errorf("%s lacks %s", l, k)
			}
		}
	}
	r := Reason{Key: "post.suggest.waiting", Date: time.Date(2026, 12, 10, 0, 0, 0, 0, cst)}
	if got := r.Text(lang.ZH); got != "请等到2026-12-10：支付机构仍在正式投诉的答复期限内。" {
		t.Errorf("Reason.Text(zh) = %q", got)
	}
}
