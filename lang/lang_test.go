package lang

import (
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"redress/evidence"
)

// TestCatalogsComplete fails when a key is missing from either language or
// the two translations of a key use different placeholders.
func TestCatalogsComplete(t *testing.T) {
	en, zh := Keys(EN), Keys(ZH)
	for _, k := range en {
		if !ZH.Has(k) {
			t.Errorf("the Chinese catalog lacks %q", k)
		}
	}
	for _, k := range zh {
		if !EN.Has(k) {
			t.Errorf("the English catalog lacks %q", k)
		}
	}
	ph := regexp.MustCompile(`\{[a-z-]+\}`)
	for _, k := range en {
		a, b := ph.FindAllString(catalogs[EN][k], -1), ph.FindAllString(catalogs[ZH][k], -1)
		slices.Sort(a)
		slices.Sort(b)
		if !slices.Equal(slices.Compact(a), slices.Compact(b)) {
			t.Errorf("%s: placeholders differ: en %v, zh %v", k, a, b)
		}
		if strings.TrimSpace(catalogs[ZH][k]) == "" || strings.TrimSpace(catalogs[EN][k]) == "" {
			t.Errorf("%s: empty translation", k)
		}
	}
}

// TestDomainLabelsTranslated fails when a new problem kind, event kind,
// channel, status or jurisdiction has no label in a language.
func TestDomainLabelsTranslated(t *testing.T) {
	var keys []string
	for _, p := range evidence.Problems {
		keys = append(keys, "problem."+string(p))
	}
	for _, k := range evidence.Kinds {
		keys = append(keys, "kind."+string(k))
	}
	for _, c := range evidence.Channels {
		keys = append(keys, "channel."+string(c))
	}
	for _, s := range evidence.Statuses {
		keys = append(keys, "status."+string(s))
	}
	for _, j := range evidence.Jurisdictions {
		keys = append(keys, "jurisdiction."+string(j))
	}
	for _, p := range evidence.Parties {
		keys = append(keys, "party."+p)
	}
	for _, l := range evidence.Languages {
		keys = append(keys, "language."+string(l))
	}
	for _, r := range []evidence.Reason{evidence.ReasonRequired, evidence.ReasonUnknownValue, evidence.ReasonUnknownCurrency,
		evidence.ReasonNegative, evidence.ReasonMalformedAmount, evidence.ReasonTooManyDecimals, evidence.ReasonMalformedTime,
		evidence.ReasonMalformedDate, evidence.ReasonTooLong, evidence.ReasonNotForKind, evidence.ReasonInFuture,
		evidence.ReasonBeforeStart, evidence.ReasonMalformedID} {
		keys = append(keys, "reason."+string(r))
	}
	for _, l := range All {
		for _, k := range keys {
			if !l.Has(k) {
				t.Errorf("%s lacks %q", l, k)
			}
		}
	}
}

// TestFieldNamesTranslated checks that every field an error can name has a
// label, by provoking the errors.
func TestFieldNamesTranslated(t *testing.T) {
	c := evidence.Case{ID: "x", Problem: "p", Jurisdiction: "j", Amount: evidence.Money{Minor: -1, Currency: "CNY"},
		Incident: "i", Language: "l", Status: "s"}
	errs := evidence.Fields(c.Validate())
	e := evidence.Event{Kind: evidence.KindContact, Contact: &evidence.Contact{Channel: "c", Direction: "d", Duration: -1},
		Transaction: &evidence.Transaction{}}
	errs = append(errs, evidence.Fields(e.Validate())...)
	if len(errs) < 10 {
		t.Fatalf("expected many errors, got %v", errs)
	}
	for _, f := range errs {
		for _, l := range All {
			if !l.Has("field." + f.Field) {
				t.Errorf("%s lacks field.%s", l, f.Field)
			}
		}
	}
}

func TestErrSentences(t *testing.T) {
	_, err := evidence.ParseMoney("amount", "12.345", "CNY")
	tests := []struct {
		l    Lang
		err  error
		want string
	}{
		{EN, err, "Amount \"12.345\" has more decimal places than the currency allows (2)."},
		{ZH, err, "金额“12.345”的小数位数超过了该币种允许的位数（2 位）。"},
		{EN, E("file.empty", "file", "a.png"), "The file a.png is empty (0 bytes); choose the real screenshot or document."},
		{ZH, E("file.empty", "file", "a.png"), "文件 a.png 是空的（0 字节）；请选择真正的截图或文档。"},
		{EN, evidence.Errors{{Field: "title", Reason: evidence.ReasonRequired}, {Field: "provider", Reason: evidence.ReasonRequired}},
			"Title is required. Provider is required."},
	}
	for _, tt := range tests {
		if got := tt.l.Err(tt.err); got != tt.want {
			t.Errorf("%s.Err(%v) = %q, want %q", tt.l, tt.err, got, tt.want)
		}
	}
}

func TestParseLocale(t *testing.T) {
	tests := []struct {
		in   string
		want Lang
		ok   bool
	}{
		{"zh_CN.UTF-8", ZH, true}, {"zh-Hans-CN", ZH, true}, {"zh_TW", ZH, true},
		{"en_GB.UTF-8", EN, true}, {"de_DE", EN, false}, {"", EN, false},
	}
	for _, tt := range tests {
		if got, ok := Parse(tt.in); got != tt.want || ok != tt.ok {
			t.Errorf("Parse(%q) = %s, %v; want %s, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name   string
		env    map[string]string
		system string
		want   Lang
	}{
		{"LANG Chinese", map[string]string{"LANG": "zh_CN.UTF-8"}, "", ZH},
		{"LANG English", map[string]string{"LANG": "en_GB.UTF-8"}, "zh-CN", EN},
		{"REDRESS_LANG beats LANG", map[string]string{"REDRESS_LANG": "en", "LANG": "zh_CN.UTF-8"}, "", EN},
		{"REDRESS_LANG zh beats LC_ALL C", map[string]string{"REDRESS_LANG": "zh", "LC_ALL": "C"}, "", ZH},
		{"unknown REDRESS_LANG ignored", map[string]string{"REDRESS_LANG": "fr", "LANG": "zh_CN.UTF-8"}, "", ZH},
		{"other language is English", map[string]string{"LC_ALL": "de_DE.UTF-8", "LANG": "zh_CN.UTF-8"}, "", EN},
		{"C", map[string]string{"LANG": "C"}, "zh-CN", EN},
		{"C.UTF-8", map[string]string{"LANG": "C.UTF-8"}, "zh-CN", EN},
		{"C.utf8", map[string]string{"LANG": "C.utf8"}, "zh-CN", EN},
		{"POSIX", map[string]string{"LANG": "POSIX"}, "zh-CN", EN},
		{"LC_ALL C overrides LANG", map[string]string{"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, "", EN},
		{"LC_ALL C.UTF-8 overrides LANG", map[string]string{"LC_ALL": "C.UTF-8", "LANG": "zh_CN.UTF-8"}, "", EN},
		{"LC_MESSAGES beats LANG", map[string]string{"LC_MESSAGES": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, "", ZH},
		{"LC_ALL beats LC_MESSAGES", map[string]string{"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, "", EN},
		{"nothing set: system Chinese", nil, "zh-Hans-CN", ZH},
		{"nothing set: system unknown", nil, "fr-FR", EN},
		{"nothing set, no system locale", nil, "", EN},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := detect(func(k string) string { return tt.env[k] }, func() string { return tt.system })
			if got != tt.want {
				t.Errorf("detect(%v, system %q) = %s, want %s", tt.env, tt.system, got, tt.want)
			}
		})
	}
	t.Run("environment", func(t *testing.T) {
		for _, v := range []string{"REDRESS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"} {
			t.Setenv(v, "")
		}
		t.Setenv("LANG", "zh_CN.UTF-8")
		if got := Detect(); got != ZH {
			t.Errorf("Detect() with LANG=zh_CN.UTF-8 = %s, want zh", got)
		}
		for _, c := range []string{"C", "POSIX", "C.UTF-8"} {
			t.Setenv("LC_ALL", c)
			if got := Detect(); got != EN {
				t.Errorf("Detect() with LC_ALL=%s LANG=zh_CN.UTF-8 = %s, want en", c, got)
			}
		}
	})
}

// TestLoadRefusesDuplicateKeys fails when a key defined in two catalog files
// of one language is silently overwritten.
func TestLoadRefusesDuplicateKeys(t *testing.T) {
	tests := []struct {
		name    string
		files   fstest.MapFS
		wantErr string
		want    map[string]string
	}{
		{"two files merge", fstest.MapFS{
			"en/a.json": {Data: []byte(`{"a.x": "1"}`)},
			"en/b.json": {Data: []byte(`{"b.y": "2"}`)},
		}, "", map[string]string{"a.x": "1", "b.y": "2"}},
		{"duplicate key", fstest.MapFS{
			"en/a.json": {Data: []byte(`{"k": "1"}`)},
			"en/b.json": {Data: []byte(`{"k": "2"}`)},
		}, `"k" is defined in both en/a.json and en/b.json`, nil},
		{"bad json", fstest.MapFS{
			"en/a.json": {Data: []byte(`{"k": `)},
		}, "en/a.json", nil},
		{"no files", fstest.MapFS{}, "missing catalog en", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := load(tt.files, "en")
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("load() error = %v, want it to contain %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("load() error = %v", err)
			}
			if !maps.Equal(got, tt.want) {
				t.Errorf("load() = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestN(t *testing.T) {
	tests := []struct {
		l    Lang
		n    int
		want string
	}{
		{EN, 1, "Records request saved: f.pdf (1 page)."},
		{EN, 2, "Records request saved: f.pdf (2 pages)."},
		{ZH, 1, "调取本人记录申请已保存：f.pdf（共 1 页）。"},
		{ZH, 3, "调取本人记录申请已保存：f.pdf（共 3 页）。"},
	}
	for _, tt := range tests {
		if got := tt.l.N("ui.records-saved", tt.n, "file", "f.pdf"); got != tt.want {
			t.Errorf("%s.N(ui.records-saved, %d) = %q, want %q", tt.l, tt.n, got, tt.want)
		}
	}
}
