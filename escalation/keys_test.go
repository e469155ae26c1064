package escalation

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"redress/evidence"
	"redress/lang"
)

type translation struct {
	EN string `json:"en"`
	ZH string `json:"zh"`
}

// loadKeys returns the esc.* keys of the app's catalogs (package lang).
func loadKeys(t testing.TB) map[string]translation {
	t.Helper()
	m := map[string]translation{}
	for _, l := range lang.All {
		for _, k := range lang.Keys(l) {
			if !strings.HasPrefix(k, "esc.") {
				continue
			}
			tr := m[k]
			if l == lang.EN {
				tr.EN = l.T(k)
			} else {
				tr.ZH = l.T(k)
			}
			m[k] = tr
		}
	}
	return m
}

var placeholderRE = regexp.MustCompile(`\{[a-z-]+\}`)

func placeholders(s string) []string {
	p := placeholderRE.FindAllString(s, -1)
	slices.Sort(p)
	return slices.Compact(p)
}

// usedKeys lists every translation key the package can hand out.
func usedKeys() []string {
	keys := []string{DisclaimerKey, CheckLocallyKey, "esc.checklist.summary"}
	for _, s := range append(LadderFor(evidence.CN), NotStarted, Done) {
		keys = append(keys, s.Key())
	}
	for _, c := range Clocks {
		keys = append(keys, "esc.clock."+string(c))
	}
	for _, s := range []Status{Upcoming, DueToday, Overdue, Met, Late, Available} {
		keys = append(keys, "esc.status."+string(s))
	}
	for _, r := range rules {
		keys = append(keys, r.Key)
	}
	for _, r := range rights {
		keys = append(keys, r.Key)
	}
	for _, b := range bodies {
		keys = append(keys, b.Key, b.AskKey)
		if b.NeedsCity {
			k, _ := b.NameKey("")
			keys = append(keys, k)
		}
		if b.NoteKey != "" {
			keys = append(keys, b.NoteKey)
		}
	}
	keys = append(keys, warningKeys...)
	for id := range items {
		keys = append(keys, "esc.item."+id)
	}
	for _, it := range SelfCheckItems() {
		keys = append(keys, it.Key)
	}
	keys = append(keys, reasonKeys...)
	now := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
	for _, d := range []Deadline{
		{Status: Met, Due: now}, {Status: Late, Due: now}, {Status: Overdue, DaysLeft: 0}, {Status: Overdue, DaysLeft: -1},
		{Status: Overdue, DaysLeft: -5}, {Status: DueToday}, {Status: Upcoming, DaysLeft: 1}, {Status: Upcoming, DaysLeft: 4},
		{Status: Overdue, Nature: ProviderPromise}, {Status: Overdue, Effect: YouMustAct},
		{Status: Available, Effect: YouMayAct}, {Status: DueToday, Effect: YouMayAct},
		{Status: Upcoming, Effect: YouMayAct, DaysLeft: 1}, {Status: Upcoming, Effect: YouMayAct, DaysLeft: 5},
	} {
		k, _ := d.When()
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// TestKeys checks the lang catalogs: every key the package uses is there, none is
// unused, all start with "esc.", both languages are filled in and use the
// same placeholders.
func TestKeys(t *testing.T) {
	m := loadKeys(t)
	used := usedKeys()
	for _, k := range used {
		if _, ok := m[k]; !ok {
			t.Errorf("the lang catalogs lack %q", k)
		}
	}
	for k, tr := range m {
		if !slices.Contains(used, k) {
			t.Errorf("the lang catalogs have %q, which the package never uses", k)
		}
		if !strings.HasPrefix(k, "esc.") {
			t.Errorf("key %q does not start with esc.", k)
		}
		if strings.TrimSpace(tr.EN) == "" || strings.TrimSpace(tr.ZH) == "" {
			t.Errorf("%s: empty translation (en %q, zh %q)", k, tr.EN, tr.ZH)
		}
		if a, b := placeholders(tr.EN), placeholders(tr.ZH); !slices.Equal(a, b) {
			t.Errorf("%s: placeholders differ: en %v, zh %v", k, a, b)
		}
	}
}

// checkArgs fails unless args fill exactly the placeholders of key.
func checkArgs(t *testing.T, key string, args []string) {
	t.Helper()
	tr, ok := loadKeys(t)[key]
	if !ok {
		t.Errorf("key %q is not in the lang catalogs", key)
		return
	}
	var names []string
	for i := 0; i < len(args); i += 2 {
		names = append(names, "{"+args[i]+"}")
	}
	slices.Sort(names)
	if want := placeholders(tr.EN); !slices.Equal(names, want) {
		t.Errorf("%s gets args %v, its text has placeholders %v", key, names, want)
	}
}
