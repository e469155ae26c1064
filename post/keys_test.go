package post

import (
	"slices"
	"strings"
	"testing"

	"redress/evidence"
	"redress/lang"
)

// usedKeys lists every translation key the package can use.
func usedKeys() []string {
	keys := []string{"field.length", "post.ask.remedy", "post.evidence", "post.evidence-one",
		"post.escalated.association", "post.escalated.regulator", "post.line",
		"post.quoted", "post.ref", "post.separator.list", "post.timeline", "post.title", "post.title.amount", "post.too-long",
		"post.when", "post.who", "post.who.agent", "post.warn.loaded"}
	for _, k := range []string{"final", "replied", "unanswered", "unanswered-one", "waiting"} {
		keys = append(keys, "post.complaint."+k)
	}
	for _, k := range []string{"agent", "complaint", "complaint-contact", "due", "escalated.association",
		"escalated.regulator", "final", "omitted", "promise", "reply", "status", "tx", "txid"} {
		keys = append(keys, "post.line."+k)
	}
	for _, k := range []string{"by", "count", "passed", "said", "within"} {
		keys = append(keys, "post.promise."+k)
	}
	for _, k := range []string{"by", "count", "within"} {
		keys = append(keys, "post.short.promise."+k)
	}
	for _, p := range evidence.Problems {
		keys = append(keys, "post.ask."+string(p), "post.short.ask."+string(p))
		stems := []string{"post.happened." + string(p)}
		if p == evidence.TransferNotReceived {
			stems = []string{stems[0] + ".in", stems[0] + ".out"}
		}
		for _, s := range stems {
			keys = append(keys, s, s+".no-amount")
		}
	}
	for _, n := range Lengths {
		keys = append(keys, "post.length."+string(n))
	}
	for _, p := range []Platform{Weibo, X, WeiboLong, HeimaoTitle} {
		keys = append(keys, Count{Platform: p}.Key())
	}
	keys = append(keys, Tips...)
	for _, v := range []Venue{Official, Heimao, PeopleLiuyan, Trustpilot, BBB} {
		keys = append(keys, "post.platform."+v.ID, "post.platform."+v.ID+".note")
	}
	for _, k := range []string{"resolved", "posted", "no-complaint", "waiting", "final", "overdue"} {
		keys = append(keys, "post.suggest."+k)
	}
	return keys
}

// TestKeys fails when a key the package uses is missing from a catalog,
// or when the catalogs hold a post.* key nothing uses.
func TestKeys(t *testing.T) {
	used := usedKeys()
	for _, l := range lang.All {
		for _, k := range used {
			if !l.Has(k) {
				t.Errorf("%s lacks %q", l, k)
			}
		}
		for _, k := range lang.Keys(l) {
			if strings.HasPrefix(k, "post.") && !slices.Contains(used, k) {
				t.Errorf("%s has %q, which nothing uses", l, k)
			}
		}
	}
}
