package localeenv

import "testing"

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
