package evidence

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestRemoveIDs(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		// Resident identity card numbers.
		{"resident id", "身份证110105199003071234已核实", "身份证••••已核实"},
		{"resident id X", "ID: 11010519491231002X.", "ID: ••••."},
		{"resident id x lower", "11010519491231002x", "••••"},
		{"resident id grouped spaces", "证件 110105 19491231 002X 复印件", "证件 •••• 复印件"},
		{"resident id grouped hyphens", "110105-19491231-002X", "••••"},
		{"resident id in sentence", "my id 440301200001011234, thanks", "my id ••••, thanks"},
		{"first generation", "老身份证110105490101002", "老身份证••••"},
		// Passports and permits.
		{"cn passport E", "护照号E12345678", "护照号••••"},
		{"cn passport EA", "passport EA1234567 expired", "passport •••• expired"},
		{"hk macau permit", "通行证C12345678", "通行证••••"},
		{"one letter 7 digits", "G1234567", "••••"},
		{"hk id", "HKID A123456(7) ok", "HKID •••• ok"},
		{"hk id full-width parens", "香港身份证Z6543210（A）", "香港身份证••••"},
		// Labelled numbers of any format.
		{"labelled us passport", "Passport number: 123456789 issued", "Passport number: •••• issued"},
		{"labelled id card", "ID card no. 12345 678", "ID card no. ••••"},
		{"labelled chinese", "身份证号码为 AB1234567", "身份证号码为 ••••"},
		{"labelled too few digits", "passport 1234", "passport 1234"},
		// Left alone.
		{"two letters eight digits", "ref TX12345678", "ref TX12345678"},
		{"tx id long", "TX2026112012345678", "TX2026112012345678"},
		{"glued before", "A110105199003071234", "A110105199003071234"},
		{"glued after", "110105199003071234B", "110105199003071234B"},
		{"implausible date", "110105199013071234", "110105199013071234"},
		{"card number", "6222021234567890123", "6222021234567890123"},
		{"phone", "13812345678", "13812345678"},
		{"word passports", "passports 123456789", "passports 123456789"},
		{"amount", "1280.00 元", "1280.00 元"},
		{"plain text", "客服说24小时内到账", "客服说24小时内到账"},
		{"empty", "", ""},
		{"already removed", "身份证••••", "身份证••••"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := RemoveIDs(tt.in); got != tt.want {
				t.Errorf("RemoveIDs(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

var residentID = regexp.MustCompile(`\d{17}[\dXx]`)

func FuzzRemoveIDs(f *testing.F) {
	for _, s := range []string{"110105199003071234", "护照E12345678", "A123456(7)", "passport no. 123456789",
		"身份证号：11010519491231002X", "TX12345678", "110105 19491231 002X"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := RemoveIDs(s)
		if again := RemoveIDs(got); again != got {
			t.Fatalf("RemoveIDs not idempotent: %q -> %q -> %q", s, got, again)
		}
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("RemoveIDs(%q) = %q: invalid UTF-8", s, got)
		}
		// Redact after RemoveIDs must not bring a removed number back
		// and must leave no plausible resident ID standing on its own.
		red := Redact(got)
		for _, m := range residentID.FindAllStringIndex(red, -1) {
			before := m[0] > 0 && isWord(red[m[0]-1])
			after := m[1] < len(red) && isWord(red[m[1]])
			if !before && !after && idPatterns[0].MatchString(red[m[0]:]) {
				t.Fatalf("RemoveIDs then Redact left an ID: %q -> %q", s, red)
			}
		}
	})
}

func TestAgentLabel(t *testing.T) {
	tests := []struct{ in, want string }{
		{"王小姐 #1024", "#1024"},
		{"王小姐#1024", "#1024"},
		{"工号 8899", "#8899"},
		{"客服 李明 工号：A123", "#A123"},
		{"Sarah, ID 4411", "#4411"},
		{"Agent Smith No. 77", "#77"},
		{"Sarah 1024", "#1024"},
		{"王小姐", "王小姐"},
		{"客服王先生", "王先生"},
		{"王芳", "王某"},
		{"李明", "李某"},
		{"欧阳娜娜", "欧阳某"},
		{"客服专员张伟", "张某"},
		{"Sarah Jones", "S."},
		{"sarah", "S."},
		{"Mr. Wang", "W."},
		{"Mrs Smith", "S."},
		{"Agnes Lee", "A."},
		{"agent Lee", "L."},
		{"王小姐 13812345678", "王小姐"},
		{"", ""},
		{"   ", ""},
		{"#", ""},
		{"Светлана", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := AgentLabel(tt.in); got != tt.want {
				t.Errorf("AgentLabel(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestAgentLabelNeverFullName(t *testing.T) {
	for _, name := range []string{"王小明", "司马相如", "Sarah Jones", "Jean-Luc Picard", "客服 陈大文"} {
		got := AgentLabel(name)
		full := strings.TrimPrefix(strings.TrimSpace(name), "客服 ")
		if strings.Contains(got, full) || utf8.RuneCountInString(got) >= utf8.RuneCountInString(full) && got != "" && !strings.HasSuffix(got, "某") {
			t.Errorf("AgentLabel(%q) = %q: keeps the full name", name, got)
		}
	}
}
