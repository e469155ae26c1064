package post

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// poem is 160 CJK characters with full-width punctuation (four lines of
// Tang poems repeated), the shape of twitter-text's "160 CJK char" test.
var poem = strings.Repeat("床前明月光，疑是地上霜。举头望明月，低头思故乡。", 160/24) +
	"床前明月光，疑是地上霜。举头望明"

func TestXLength(t *testing.T) {
	if n := utf8.RuneCountInString(poem); n != 160 {
		t.Fatalf("poem has %d characters, want 160", n)
	}
	tests := []struct {
		name string
		in   string
		want int
	}{
		// Expected values from twitter-text's conformance suite
		// (conformance/validate.yml, WeightedTweetsWithDiscountedEmojiCounterTest)
		// or derived by its v3 rules by hand.
		{"empty", "", 0},
		{"spaces only", "   ", 0},
		{"ascii", "Hello, World!", 13},
		{"url with text", "Hi http://test.co", 26},
		{"just url", "http://test.co", 23},
		{"long url", "https://www.example.com/a/very/long/path/that/is/longer/than/twenty-three", 23},
		{"two urls", "https://www.twitter.com/aloha https://www.twitter.com/aloha", 47},
		{"bare domain", "see example.com now", 31},
		{"bare domain then full stop", "see example.com.", 28},
		{"domain label over 63", "randomurlrandomurlrandomurlrandomurlrandomurlrandomurlrandomurls.com", 68},
		{"unknown tld", "see example.invalidtld", 22},
		{"email is not a url", "a@b.com", 7},
		{"amount is not a url", "1280.00 CNY", 11},
		{"cjk 2 each", poem, 320},
		{"latin then cjk", "the" + poem, 323},
		{"mixed", "OKPay充值1,280元", 5 + 2*2 + 5 + 2},
		{"full-width punctuation", "，。：", 6},
		{"yen sign", "¥1,280", 6},
		{"full-width yen", "￥1,280", 7},
		{"curly quotes and dash", "“a” — ‘b’", 9},
		{"emoji mix", "H🐱☺👨‍👩‍👧‍👦", 7},
		{"bmp emoji", "😷👾😡🔥💩", 10},
		{"skin tone and zwj", "🙋🏽👨‍🎤", 4},
		{"keycap without vs16", "1⃣", 2},
		{"unicode 10 emoji", "Unicode 10.0 emoji: 🤪; 🧕; 🧕🏾; 🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f", 34},
		{"flag", "🇨🇳", 2},
		{"copyright text style", "©", 1},
		{"copyright emoji style", "©\uFE0F", 2},
		{"directional marks and idn url", "\u2066\u202Ahttp://foobar.پاکستان/\u202C\u2069", 31},
		{"general punctuation", "This is a tweet with general punctuation characters: \u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u200B ‐ ‑ ‒ – — ― ‖  ‗ ‘ ’ ‚ ‛ “ ” „ ‟ ′ ″ ‴ ‵ ‶ ‷", 110},
		{"nfc composes", "e\u0301", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := XLength(tt.in); got != tt.want {
				t.Errorf("XLength(%q) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}

func TestWeiboLength(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want int
	}{
		{"empty", "", 0},
		{"cjk one each", poem, 160},
		{"latin one each", "Hello, World!", 13},
		{"mixed", "OKPay充值1,280元", 13},
		{"astral two", "😷𠀀", 4},
		{"nfc composes", "e\u0301", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := WeiboLength(tt.in); got != tt.want {
				t.Errorf("WeiboLength(%q) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzXLength checks that the weighted count never panics, is zero only
// for blank text, and for text without URLs stays between one and two per
// character.
func FuzzXLength(f *testing.F) {
	for _, s := range []string{"Hi http://test.co", "充值1,280元", "👨‍👩‍👧‍👦", "1⃣", "a.b", "http://", "x.com/(a)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		n := XLength(s)
		if blank([]rune(s)) {
			if n != 0 {
				t.Fatalf("XLength(%q) = %d, want 0", s, n)
			}
			return
		}
		if strings.ContainsAny(s, ".:") {
			return // may hold URLs
		}
		runes := WeiboLength(s)
		if n < 1 || n > 2*runes {
			t.Fatalf("XLength(%q) = %d, want 1..%d", s, n, 2*runes)
		}
	})
}
