package evidence

import "strings"

// Mask replaces the hidden digits of a redacted number.
const Mask = "••••"

// minDigits is the smallest count of digits that Redact masks.
const minDigits = 8

// Redact masks account numbers, card numbers and phone numbers in free text,
// keeping only their last four digits: "6222 0212 3456 7890 123" becomes
// "••••0123" and "+86 138-1234-5678" becomes "••••5678".
//
// The rule, exactly (docs/ARCHIVE.md repeats it):
//
//   - A number is a chain of ASCII digit groups joined by a single space or
//     a single hyphen, optionally starting with "+" (a country code, which
//     may be one digit) or with a parenthesised area code "(415) ".
//     Every other group has at least two digits.
//   - A number with 8 or more digits in all is replaced by Mask followed by
//     its last four digits; the separators, "+" and parentheses go too.
//   - A group that touches an ASCII letter, a digit or "_", a hyphen next to
//     an ASCII letter (or, before the group, next to a digit that was not
//     masked), or number punctuation (".", ",", ":" or "/") next to another
//     digit is part of a word, an amount, a time or a fraction: it is never
//     masked. So "TX2026112012345678", "IMG_20261120_233000.jpg",
//     "12345678.90", "23:30:00" and "20/11/2026" stay as they are. When such
//     a group follows a space the number ends before it; when it follows a
//     hyphen the whole chain is an identifier and stays.
//   - Dates written YYYY-MM-DD, DD-MM-YYYY or MM-DD-YYYY (plausible month
//     and day) are never part of a number.
//
// Chinese text may touch the number directly ("卡号6222021234567890123"):
// only ASCII letters count as part of a word. Full-width digits are not
// recognised. Redact is idempotent.
func Redact(s string) string {
	var b strings.Builder
	copied := 0 // s[:copied] has been written to b (or b is unused)
	i := 0
	for i < len(s) {
		c := s[i]
		if !isDigit(c) && c != '+' && c != '(' {
			i++
			continue
		}
		start, g := i, i // span start, first digit
		paren := false
		if !isDigit(c) {
			if i+1 >= len(s) || !isDigit(s[i+1]) || glued(s, i) {
				i++
				continue
			}
			g, paren = i+1, c == '('
		}
		end := runEnd(s, g)
		if glued(s, g) && start == g || gluedAfter(s, end) {
			i = end
			continue
		}
		if start == g {
			if d := dateEnd(s, g); d > 0 {
				i = d
				continue
			}
		}
		if end-g < 2 && c != '+' {
			i = end
			continue
		}
		digits := s[g:end]
		all := []byte(digits)
		joined := false
		identifier := false
		for {
			k := end
			sep := byte(0)
			switch {
			case paren && !joined:
				if k >= len(s) || s[k] != ')' {
					break
				}
				k++
				sep = ')'
				if k < len(s) && s[k] == ' ' {
					k++
				}
			case k < len(s) && (s[k] == ' ' || s[k] == '-'):
				sep = s[k]
				k++
			}
			if sep == 0 || k >= len(s) || !isDigit(s[k]) || dateEnd(s, k) > 0 {
				break
			}
			e := runEnd(s, k)
			if gluedAfter(s, e) {
				if sep == '-' {
					identifier = true
					end = e
				}
				break
			}
			if e-k < 2 {
				break
			}
			all = append(all, s[k:e]...)
			end = e
			joined = true
		}
		if paren && !joined {
			start = g
		}
		if identifier || len(all) < minDigits {
			i = end
			continue
		}
		b.WriteString(s[copied:start])
		b.WriteString(Mask)
		b.Write(all[len(all)-4:])
		copied = end
		i = end
	}
	if copied == 0 {
		return s
	}
	b.WriteString(s[copied:])
	return b.String()
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isWord(c byte) bool { return isDigit(c) || isLetter(c) || c == '_' }

func isNumPunct(c byte) bool { return c == '.' || c == ',' || c == ':' || c == '/' }

// runEnd returns the end of the digit run starting at i.
func runEnd(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

// glued reports whether the text before position i makes what starts there
// part of a word, an identifier or a larger number.
func glued(s string, i int) bool {
	if i == 0 {
		return false
	}
	c := s[i-1]
	switch {
	case isWord(c):
		return true
	case c == '-':
		return i >= 2 && (isLetter(s[i-2]) || isDigit(s[i-2]))
	case isNumPunct(c):
		return i >= 2 && isDigit(s[i-2])
	}
	return false
}

// gluedAfter is glued for the text from position j on.
func gluedAfter(s string, j int) bool {
	if j >= len(s) {
		return false
	}
	c := s[j]
	switch {
	case isWord(c):
		return true
	case c == '-':
		return j+1 < len(s) && isLetter(s[j+1])
	case isNumPunct(c):
		return j+1 < len(s) && isDigit(s[j+1])
	}
	return false
}

// dateEnd returns the end of a hyphenated date (YYYY-MM-DD, DD-MM-YYYY or
// MM-DD-YYYY) starting at i, or 0.
func dateEnd(s string, i int) int {
	var parts [3]string
	k := i
	for n := range parts {
		e := runEnd(s, k)
		if e == k {
			return 0
		}
		parts[n] = s[k:e]
		k = e
		if n < 2 {
			if k >= len(s) || s[k] != '-' {
				return 0
			}
			k++
		}
	}
	num := func(p string) int {
		v := 0
		for i := 0; i < len(p); i++ {
			v = v*10 + int(p[i]-'0')
		}
		return v
	}
	short := func(p string) bool { return len(p) == 1 || len(p) == 2 }
	a, b, c := parts[0], parts[1], parts[2]
	switch {
	case len(a) == 4 && short(b) && short(c):
		if m, d := num(b), num(c); m >= 1 && m <= 12 && d >= 1 && d <= 31 {
			return k
		}
	case short(a) && short(b) && len(c) == 4:
		x, y := num(a), num(b)
		if x >= 1 && y >= 1 && x <= 31 && y <= 31 && (x <= 12 || y <= 12) {
			return k
		}
	}
	return 0
}

// redactData returns a copy of d with Redact applied to every free-text
// field of the case, its history, the events, their history and the letter
// drafts. Identifiers, hashes, enumerations, amounts and times are kept; d
// itself is not changed.

// MaskAccount hides all but the last four letters or digits of an account
// identifier of any format (IBAN, wallet ID): "GB29NWBK60161331926819"
// becomes "••••6819". Identifiers of four characters or fewer are hidden
// entirely.
func MaskAccount(id string) string {
	var kept []rune
	for _, r := range []rune(strings.TrimSpace(id)) {
		if r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			kept = append(kept, r)
		}
	}
	if len(kept) <= 4 {
		return Mask
	}
	return Mask + string(kept[len(kept)-4:])
}

// Redactor returns a function that masks what Redact masks and, in
// addition, every occurrence of the given account identifiers (the
// complainant's account ID at the provider), whatever their format.
func Redactor(accounts ...string) func(string) string {
	var known []string
	for _, a := range accounts {
		if a = strings.TrimSpace(a); len(a) > 4 {
			known = append(known, a)
		}
	}
	return func(s string) string {
		for _, a := range known {
			s = strings.ReplaceAll(s, a, MaskAccount(a))
		}
		return Redact(s)
	}
}
