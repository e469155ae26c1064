package dossier

import (
	"testing"
)

func TestRenumber(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"references", " <</Type /Page /Parent 1 0 R /Contents 4 0 R>>\nendobj\n",
			" <</Type /Page /Parent 11 0 R /Contents 14 0 R>>\nendobj\n"},
		{"arrays and nested dictionaries", " <</Kids [3 0 R 5 0 R ] /A <</D [7 0 R /XYZ 0 10 null]>>>>\nendobj\n",
			" <</Kids [13 0 R 15 0 R ] /A <</D [17 0 R /XYZ 0 10 null]>>>>\nendobj\n"},
		{"text that looks like a reference", " <</Title (see 5 0 R \\(and 6 0 R\\) \\\\) /T <35203020>>>\nendobj\n",
			" <</Title (see 5 0 R \\(and 6 0 R\\) \\\\) /T <35203020>>>\nendobj\n"},
		{"nested parentheses", " <</T (a (5 0 R) b) /P 2 0 R>>\nendobj\n", " <</T (a (5 0 R) b) /P 12 0 R>>\nendobj\n"},
		{"numbers that are not references", " <</MediaBox [0 0 595 842] /W [1 0 2]>>\nendobj\n",
			" <</MediaBox [0 0 595 842] /W [1 0 2]>>\nendobj\n"},
		{"names ending in digits", " <</F1 9 0 R /R 3>>\nendobj\n", " <</F1 19 0 R /R 3>>\nendobj\n"},
		{"stream data is left alone", " <</Length 8 /X 2 0 R>>\nstream\n5 0 R ()\nendstream\nendobj\n",
			" <</Length 8 /X 12 0 R>>\nstream\n5 0 R ()\nendstream\nendobj\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := renumber([]byte(tc.in), 10)
			if err != nil || string(got) != tc.want {
				t.Errorf("renumber(%q, 10) = %q, %v; want %q", tc.in, got, err, tc.want)
			}
		})
	}
	for _, bad := range []string{" <</T (unterminated>>\nendobj\n", " <</H <abc>>", " <</A 1 0 R>>"} {
		if _, err := renumber([]byte(bad), 1); err == nil {
			t.Errorf("renumber(%q) = nil error, want one", bad)
		}
	}
}

func FuzzRenumber(f *testing.F) {
	f.Add([]byte(" <</Title (x 5 0 R) /P 1 0 R>>\nendobj\n"))
	f.Add([]byte(" <</Length 3>>\nstream\nabc\nendstream\nendobj\n"))
	f.Fuzz(func(t *testing.T, obj []byte) {
		out, err := renumber(obj, 3)
		if err == nil && len(out) < len(obj) {
			t.Errorf("renumber shrank %q to %q", obj, out)
		}
	})
}
