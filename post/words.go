package post

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"redress/evidence"
)

// money renders an amount for a post: grouped digits, without a zero
// fraction ("¥1,280", "1,280元", "£12.50"). English uses £, € and $ for
// GBP, EUR and USD and ¥ for CNY (the yuan, as Chinese wallets show it);
// other currencies, including JPY, keep their ISO code ("JPY 1,280").
// Chinese writes 元, 美元, 欧元, 英镑, 港元 and 日元 after the number.
func (f *facts) money(m evidence.Money) string {
	if m.IsZero() || m.Minor < 0 {
		return ""
	}
	n := grouped(m)
	if f.lang == evidence.Chinese {
		if u, ok := map[string]string{"CNY": "元", "USD": "美元", "EUR": "欧元", "GBP": "英镑", "HKD": "港元", "JPY": "日元"}[m.Currency]; ok {
			return n + u
		}
		return n + " " + m.Currency
	}
	if s, ok := map[string]string{"CNY": "¥", "USD": "$", "EUR": "€", "GBP": "£"}[m.Currency]; ok {
		return s + n
	}
	return m.Currency + " " + n
}

// grouped renders the amount with thousands separators and without a
// fraction of zeros: "1,280", "1,280.50".
func grouped(m evidence.Money) string {
	whole, frac, _ := strings.Cut(m.Decimal(), ".")
	var b strings.Builder
	for i := 0; i < len(whole); i++ {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(whole[i])
	}
	if strings.Trim(frac, "0") != "" {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// date renders a day: the short form leaves out the year when it is the
// year the post is written ("20 Nov", "11月20日"); the long form always
// has it ("20 Nov 2026", "2026年11月20日"). The day is the one in t's own
// zone, as it was recorded.
func (f *facts) date(t time.Time) string {
	withYear := f.n == Long || t.Year() != f.o.Now.In(t.Location()).Year()
	switch {
	case f.lang == evidence.Chinese && withYear:
		return t.Format("2006年1月2日")
	case f.lang == evidence.Chinese:
		return t.Format("1月2日")
	case withYear:
		return t.Format("2 Jan 2006")
	}
	return t.Format("2 Jan")
}

// dateTime is date with the time of day.
func (f *facts) dateTime(t time.Time) string { return f.date(t) + " " + t.Format("15:04") }

// longDateTime is the full date with the time of day, for timeline
// entries.
func (f *facts) longDateTime(t time.Time) string {
	if f.lang == evidence.Chinese {
		return t.Format("2006年1月2日 15:04")
	}
	return t.Format("2 Jan 2006 15:04")
}

func sameDay(a, b time.Time) bool {
	b = b.In(a.Location())
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}

// clean puts user text on one line with single spaces and drops control
// characters.
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7F || r >= 0x80 && r < 0xA0 || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// trimStop removes trailing full stops so that user text can be quoted or
// followed by the post's own punctuation.
func trimStop(s string) string {
	for {
		t := strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(s, "."), "。"), " ")
		if t == s {
			return s
		}
		s = t
	}
}

// finish ends user text as a sentence unless it already ends with
// sentence punctuation: with "。" after Chinese, Japanese or Korean text
// and "." after anything else, whatever the post's language; trailing
// commas, semicolons and colons give way to it.
func finish(s string) string {
	s = strings.TrimRight(s, ",，;；:： ")
	if s == "" {
		return ""
	}
	for _, end := range []string{".", "!", "?", "。", "！", "？", "”", "\"", "…"} {
		if strings.HasSuffix(s, end) {
			return s
		}
	}
	if r, _ := utf8.DecodeLastRuneInString(s); unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
		return s + "。"
	}
	return s + "."
}
