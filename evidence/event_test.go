package evidence

import "testing"

func TestSentBy(t *testing.T) {
	tests := []struct {
		method  string
		channel Channel
		rest    string
	}{
		{"email", Email, ""},
		{" Fax ", Fax, ""},
		{"app-form", AppForm, ""},
		{"letter", Post, ""},
		{"registered post to the Beijing office", "", "registered post to the Beijing office"},
		{"电子邮件", "", "电子邮件"},
		{"", "", ""},
	}
	for _, tt := range tests {
		if ch, rest := SentBy(tt.method); ch != tt.channel || rest != tt.rest {
			t.Errorf("SentBy(%q) = %q, %q; want %q, %q", tt.method, ch, rest, tt.channel, tt.rest)
		}
	}
}
