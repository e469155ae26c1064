package filename

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestReserved(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"CON", true}, {"con", true}, {"Con.txt", true}, {"NUL.pdf.partial", true}, {"nul.tar.gz", true},
		{"AUX", true}, {"PRN.db", true}, {"COM1", true}, {"com9.png", true}, {"LPT1", true}, {"lpt0.txt", true},
		{"COM¹", true}, {"CON .txt", true}, {"CONIN$", true},
		{"CONSOLE", false}, {"COM10", false}, {"COM", false}, {"LPT", false}, {"icon.png", false},
		{"ACON", false}, {"nul-report.pdf", false}, {"redress.db", false}, {"", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Reserved(tt.name); got != tt.want {
				t.Errorf("Reserved(%q) = %v, want %v", tt.name, got, tt.want)
			}
		})
	}
}

func TestProblem(t *testing.T) {
	tests := []struct{ name, want string }{
		{"dossier.pdf", ""},
		{"充值截图 2026-11-20.png", ""},
		{"", "empty"}, {".", "empty"}, {"..", "empty"},
		{"CON.pdf", "reserved"}, {"nul", "reserved"},
		{"report.", "trailing"}, {"report ", "trailing"}, {"report. .", "trailing"},
		{"a:b.pdf", "character"}, {`a\b`, "character"}, {"a/b", "character"}, {"what?.png", "character"},
		{"tab\there", "character"}, {"bad\xffutf8", "character"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Problem(tt.name); got != tt.want {
				t.Errorf("Problem(%q) = %q, want %q", tt.name, got, tt.want)
			}
		})
	}
}

func TestSafe(t *testing.T) {
	long := strings.Repeat("长", 100) + ".png" // 304 bytes
	tests := []struct{ in, fallback, want string }{
		{"dossier.pdf", "x", "dossier.pdf"},
		{"充值截图.png", "x", "充值截图.png"},
		{"CON.txt", "x", "CON_.txt"},
		{"con", "x", "con_"},
		{"nul.tar.gz", "x", "nul_.tar.gz"},
		{"COM1 .png", "x", "COM1_.png"},
		{"report. ", "x", "report"},
		{"report...", "x", "report"},
		{"  spaced name  ", "x", "spaced name"},
		{`a:b<c>d"e/f\g|h?i*j.png`, "x", "a_b_c_d_e_f_g_h_i_j.png"},
		{"line\nbreak.txt", "x", "line_break.txt"},
		{"bad\xffutf8", "x", "bad_utf8"},
		{"...", "attachment.png", "attachment.png"},
		{"", "", "file"},
		{"", "CON", "CON_"},
		{long, "x", strings.Repeat("长", 83) + ".png"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := Safe(tt.in, tt.fallback)
			if got != tt.want {
				t.Errorf("Safe(%q, %q) = %q, want %q", tt.in, tt.fallback, got, tt.want)
			}
			if p := Problem(got); p != "" {
				t.Errorf("Problem(Safe(%q)) = %q, want a valid name", tt.in, p)
			}
			if len(got) > MaxBytes || !utf8.ValidString(got) {
				t.Errorf("Safe(%q) = %q: %d bytes, valid UTF-8 %v", tt.in, got, len(got), utf8.ValidString(got))
			}
		})
	}
}

func FuzzSafe(f *testing.F) {
	for _, s := range []string{"CON.txt", "report. ", "a:b", "", "长.png", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		got := Safe(name, "file")
		if p := Problem(got); p != "" {
			t.Errorf("Safe(%q) = %q, which has problem %q", name, got, p)
		}
		if len(got) > MaxBytes {
			t.Errorf("Safe(%q) = %d bytes, want at most %d", name, len(got), MaxBytes)
		}
		if Problem(name) == "" && len(name) <= MaxBytes && strings.TrimSpace(name) == name && got != name {
			t.Errorf("Safe(%q) = %q, want a valid name unchanged", name, got)
		}
	})
}

func TestSame(t *testing.T) {
	if !Same("Dossier.PDF", "dossier.pdf") || Same("a.pdf", "b.pdf") {
		t.Error("Same does not fold case")
	}
}
