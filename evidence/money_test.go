package evidence

import (
	"errors"
	"testing"
)

func TestParseMoney(t *testing.T) {
	tests := []struct {
		amount, code string
		want         Money
		reason       Reason
	}{
		{"1280.00", "CNY", Money{128000, "CNY"}, ""},
		{"1280", "cny", Money{128000, "CNY"}, ""},
		{"0.5", "USD", Money{50, "USD"}, ""},
		{" 12.34 ", "EUR", Money{1234, "EUR"}, ""},
		{"1500", "JPY", Money{1500, "JPY"}, ""},
		{"1.5", "JPY", Money{}, ReasonTooManyDecimals},
		{"1.234", "KWD", Money{1234, "KWD"}, ""},
		{"1.234", "CNY", Money{}, ReasonTooManyDecimals},
		{"-5", "CNY", Money{}, ReasonNegative},
		{"1,280.00", "CNY", Money{}, ReasonMalformedAmount},
		{"12e3", "CNY", Money{}, ReasonMalformedAmount},
		{"1.", "CNY", Money{}, ReasonMalformedAmount},
		{".5", "CNY", Money{}, ReasonMalformedAmount},
		{"¥12", "CNY", Money{}, ReasonMalformedAmount},
		{"99999999999999999999", "CNY", Money{}, ReasonMalformedAmount},
		{"10", "ABC", Money{}, ReasonUnknownCurrency},
		{"10", "RMB", Money{}, ReasonUnknownCurrency},
		{"10", "", Money{}, ReasonRequired},
		{"", "CNY", Money{}, ReasonRequired},
	}
	for _, tt := range tests {
		t.Run(tt.amount+"_"+tt.code, func(t *testing.T) {
			got, err := ParseMoney("amount", tt.amount, tt.code)
			if tt.reason == "" {
				if err != nil || got != tt.want {
					t.Fatalf("ParseMoney(%q, %q) = %v, %v; want %v", tt.amount, tt.code, got, err, tt.want)
				}
				return
			}
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Reason != tt.reason {
				t.Fatalf("ParseMoney(%q, %q) error = %v; want reason %s", tt.amount, tt.code, err, tt.reason)
			}
		})
	}
}

func TestMoneyString(t *testing.T) {
	tests := []struct {
		m    Money
		want string
	}{
		{Money{128000, "CNY"}, "1280.00 CNY"},
		{Money{5, "USD"}, "0.05 USD"},
		{Money{1500, "JPY"}, "1500 JPY"},
		{Money{1, "KWD"}, "0.001 KWD"},
		{Money{}, ""},
	}
	for _, tt := range tests {
		if got := tt.m.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.m, got, tt.want)
		}
	}
}

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"1280.00", "0.01", "7", "1.234", "-1", "1e5", ""} {
		f.Add(s, "CNY")
	}
	f.Fuzz(func(t *testing.T, amount, code string) {
		m, err := ParseMoney("amount", amount, code)
		if err != nil {
			return
		}
		if m.Minor < 0 {
			t.Fatalf("ParseMoney(%q) = %v: negative", amount, m)
		}
		back, err := ParseMoney("amount", m.Decimal(), m.Currency)
		if err != nil || back != m {
			t.Fatalf("round trip of %q: %v -> %q -> %v, %v", amount, m, m.Decimal(), back, err)
		}
	})
}
