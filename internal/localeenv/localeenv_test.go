package localeenv

import (
	"os"
	"testing"
)

func TestNeeded(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want bool
	}{
		{"nothing set", nil, false},
		{"C", map[string]string{"LANG": "C"}, false},
		{"POSIX", map[string]string{"LC_ALL": "POSIX"}, false},
		{"C.UTF-8", map[string]string{"LANG": "C.UTF-8"}, true},
		{"C.utf8", map[string]string{"LANG": "C.utf8"}, true},
		{"POSIX.UTF-8 in LC_ALL", map[string]string{"LC_ALL": "POSIX.UTF-8", "LANG": "zh_CN.UTF-8"}, true},
		{"LC_ALL wins over a C.UTF-8 LANG", map[string]string{"LC_ALL": "zh_CN.UTF-8", "LANG": "C.UTF-8"}, false},
		{"LC_MESSAGES C.UTF-8", map[string]string{"LC_MESSAGES": "C.UTF-8", "LANG": "en_US.UTF-8"}, true},
		{"a language", map[string]string{"LANG": "zh_CN.UTF-8"}, false},
		{"LANGUAGE names a language", map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "zh_CN:en"}, false},
		{"LANGUAGE is C too", map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "C.UTF-8"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Needed(func(k string) string { return tt.env[k] }); got != tt.want {
				t.Errorf("Needed(%v) = %v, want %v", tt.env, got, tt.want)
			}
		})
	}
}

func TestApplyAndRestore(t *testing.T) {
	tests := []struct {
		name         string
		lang         string
		language     *string // nil: unset
		wantApplied  string
		wantRestored *string
	}{
		{"C.UTF-8, LANGUAGE unset", "C.UTF-8", nil, "en", nil},
		{"C.UTF-8, LANGUAGE empty", "C.UTF-8", ptr(""), "en", ptr("")},
		{"a language", "zh_CN.UTF-8", nil, "", nil},
		{"LANGUAGE names one", "C.UTF-8", ptr("zh_CN"), "zh_CN", ptr("zh_CN")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("LC_ALL", "")
			t.Setenv("LC_MESSAGES", "")
			t.Setenv("LANG", tt.lang)
			t.Setenv("LANGUAGE", "x") // registers the restore of the real value
			if tt.language == nil {
				os.Unsetenv("LANGUAGE")
			} else {
				os.Setenv("LANGUAGE", *tt.language)
			}
			adjusted = false
			Apply()
			if got := os.Getenv("LANGUAGE"); got != tt.wantApplied {
				t.Errorf("after Apply with LANG=%s, LANGUAGE = %q, want %q", tt.lang, got, tt.wantApplied)
			}
			Restore()
			got, set := os.LookupEnv("LANGUAGE")
			switch {
			case tt.wantRestored == nil && set:
				t.Errorf("after Restore, LANGUAGE = %q, want it unset", got)
			case tt.wantRestored != nil && (!set || got != *tt.wantRestored):
				t.Errorf("after Restore, LANGUAGE = %q (set %v), want %q", got, set, *tt.wantRestored)
			}
		})
	}
}

func ptr(s string) *string { return &s }
