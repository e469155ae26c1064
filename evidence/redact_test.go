package evidence

import (
	"testing"
	"unicode/utf8"
)

func TestRedact(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		// Masked.
		{"card 16 spaced", "Card 4111 1111 1111 1111 was charged", "Card ••••1111 was charged"},
		{"card 16 dashed", "4111-1111-1111-1234", "••••1234"},
		{"card 19 plain", "卡号6222021234567890123，请核实", "卡号••••0123，请核实"},
		{"card 13", "4222222222225", "••••2225"},
		{"amex 4-6-5", "3782 822463 10005", "••••0005"},
		{"bank account", "账户 6217 0012 3456 789", "账户 ••••6789"},
		{"eight digits", "account 12345678", "account ••••5678"},
		{"cn mobile", "手机13812345678", "手机••••5678"},
		{"cn mobile dashed", "138-1234-5678", "••••5678"},
		{"cn mobile +86", "call +86 138 1234 5678 please", "call ••••5678 please"},
		{"uk phone", "+44 20 7946 0958", "••••0958"},
		{"us phone +1", "+1 415-555-0132", "••••0132"},
		{"us phone parens", "(415) 555-0132", "••••0132"},
		{"beijing landline", "010-6552-1234", "••••1234"},
		{"label colon", "Tel:13812345678", "Tel:••••5678"},
		{"sentence end", "Call 13812345678.", "Call ••••5678."},
		{"in parens", "(13812345678)", "(••••5678)"},
		{"two numbers", "13812345678 / 6222021234567890123", "••••5678 / ••••0123"},
		{"digits only tx id", "2026112022001412345678", "••••5678"},
		{"iban digits", "GB29 NWBK 6016 1331 9268 19", "GB29 NWBK ••••6819"},
		{"phone then date", "13812345678 2026-11-20", "••••5678 2026-11-20"},
		{"date then phone", "2026-11-20 13812345678", "2026-11-20 ••••5678"},
		{"phone then time", "13812345678 23:30", "••••5678 23:30"},
		{"phone then amount", "13812345678 1280.00", "••••5678 1280.00"},
		{"several", "a 12345678 b 87654321 c", "a ••••5678 b ••••4321 c"},
		// Left alone.
		{"amount", "1280.00 CNY", "1280.00 CNY"},
		{"big amount", "12345678.90", "12345678.90"},
		{"thousands", "1,234,567,890", "1,234,567,890"},
		{"date", "2026-11-20", "2026-11-20"},
		{"date dmy", "20-11-2026", "20-11-2026"},
		{"date slashes", "20/11/2026", "20/11/2026"},
		{"date time", "2026-11-20 23:30:00", "2026-11-20 23:30:00"},
		{"time", "23:30", "23:30"},
		{"tx id mixed", "TX2026112012345678", "TX2026112012345678"},
		{"tx id suffix", "2026112012345678AB", "2026112012345678AB"},
		{"tx id hyphen", "TX-20261120-12345678", "TX-20261120-12345678"},
		{"tx id hyphen suffix", "20261120-12345678-CN", "20261120-12345678-CN"},
		{"file name", "IMG_20261120_233000.jpg", "IMG_20261120_233000.jpg"},
		{"uuid", "3f2a1b4c-1234-5678-9abc-123456789012", "3f2a1b4c-1234-5678-9abc-123456789012"},
		{"seven digits", "1234567", "1234567"},
		{"short groups", "room 5 floor 12", "room 5 floor 12"},
		{"single digits", "1 2 3 4 5 6 7 8 9", "1 2 3 4 5 6 7 8 9"},
		{"us local", "555-0132", "555-0132"},
		{"chinese only", "充值未到账，客服承诺24小时内处理", "充值未到账，客服承诺24小时内处理"},
		{"already masked", "••••5678", "••••5678"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Redact(tt.in); got != tt.want {
				t.Errorf("Redact(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzRedact(f *testing.F) {
	for _, s := range []string{"4111 1111 1111 1111", "+86 138 1234 5678", "2026-11-20 23:30", "(415) 555-0132",
		"TX-1234-56789012", "12345678 9-abc", "卡号6222021234567890123"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Redact(s)
		if again := Redact(got); again != got {
			t.Fatalf("Redact not idempotent: %q -> %q -> %q", s, got, again)
		}
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("Redact(%q) = %q: invalid UTF-8", s, got)
		}
		if utf8.RuneCountInString(got) > utf8.RuneCountInString(s) {
			t.Fatalf("Redact(%q) = %q: longer", s, got)
		}
	})
}

func TestMaskAccountAndRedactor(t *testing.T) {
	tests := []struct{ in, want string }{
		{"GB29NWBK60161331926819", "••••6819"},
		{"okpay-user-1234", "••••1234"},
		{"abc", "••••"},
	}
	for _, tt := range tests {
		if got := MaskAccount(tt.in); got != tt.want {
			t.Errorf("MaskAccount(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	red := Redactor("GB29NWBK60161331926819")
	if got := red("Account GB29NWBK60161331926819, card 4111 1111 1111 1111"); got != "Account ••••6819, card ••••1111" {
		t.Errorf("Redactor = %q", got)
	}
}
