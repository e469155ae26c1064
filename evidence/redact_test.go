package evidence

import "testing"

func TestRedact(t *testing.T) {
	tests := []struct{ in, want string }{
		{"6222020202020202", "•••• 0202"},
		{"card 4111 1111 1111 1111 expired", "card •••• 1111 expired"},
		{"账户 6222-0202-0202-0202。", "账户 •••• 0202。"},
		{"call +44 20 7946 0958 now", "call •••• 0958 now"},
		{"手机13812345678", "手机•••• 5678"},
		{"amount 12345678.00 CNY", "amount 12345678.00 CNY"},
		{"on 2026-11-20 at 14:30", "on 2026-11-20 at 14:30"},
		{"ref TX2026112012345678", "ref TX2026112012345678"},
		{"ticket 1234567", "ticket 1234567"},
		{"id 20261120123456789Z", "id 20261120123456789Z"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Redact(tt.in); got != tt.want {
			t.Errorf("Redact(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
