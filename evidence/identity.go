package evidence

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// RemoveIDs removes identity document numbers from free text entirely:
// each is replaced by Mask alone, keeping no digit. Redact keeps the last
// four digits of account and phone numbers; an identity number keeps
// nothing. Run RemoveIDs before Redact, which would otherwise keep the last
// four digits of an all-digit identity number.
//
// The rule, exactly:
//
//   - Chinese resident identity card numbers: 17 digits and a final digit
//     or X (either case) whose 7th to 14th characters are a plausible birth
//     date (YYYYMMDD, years 1800–2099), written solid or in groups 6-8-4
//     separated by one space or hyphen; and first-generation 15-digit
//     numbers (a YYMMDD birth date at the 7th to 12th digit), solid.
//   - Passport-like numbers: one ASCII letter and 7 or 8 digits
//     ("E12345678", "G1234567", "K12345678"), or E or C, a second letter
//     and 7 digits (the newer Chinese passport and travel permit series,
//     "EA1234567", "CB1234567").
//   - Hong Kong identity card numbers: one or two letters, 6 digits and a
//     check character (0–9 or A) in parentheses: "A123456(7)".
//   - Any number after an identity-document label — 身份证(号/号码),
//     护照(号/号码), 通行证(号/号码), 证件号(码), "passport (no./number)",
//     "ID card (no./number)", "ID no.", "ID number" — whatever its format:
//     the letters and digits after the label (and a ":", "：", "#", "是" or
//     "为" between), joined by single spaces or hyphens when the next group
//     starts with a digit, provided they hold at least 5 digits.
//
// A candidate glued to an ASCII letter, digit or "_" on either side is part
// of a longer identifier and is left alone (as in Redact). Two letters
// followed by 8 digits ("TX12345678") are not passport-like: provider
// references look like that. RemoveIDs is idempotent.
func RemoveIDs(s string) string {
	if !strings.ContainsAny(s, "0123456789") {
		return s
	}
	s = removeLabelled(s)
	var b strings.Builder
	copied := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isDigit(c) && !isLetter(c) || i > 0 && idGlued(s[i-1]) {
			continue
		}
		end := matchID(s[i:])
		if end == 0 || i+end < len(s) && idGlued(s[i+end]) {
			// Skip the rest of this word: a match cannot start inside it.
			for i+1 < len(s) && idGlued(s[i+1]) {
				i++
			}
			continue
		}
		b.WriteString(s[copied:i])
		b.WriteString(Mask)
		copied = i + end
		i = copied - 1
	}
	if copied == 0 {
		return s
	}
	b.WriteString(s[copied:])
	return b.String()
}

func idGlued(c byte) bool { return isWord(c) }

var idPatterns = []*regexp.Regexp{
	// 18-character resident ID, solid or grouped 6-8-4.
	regexp.MustCompile(`^\d{6}[ -]?(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[ -]?\d{3}[0-9Xx]`),
	// 15-digit first-generation resident ID.
	regexp.MustCompile(`^\d{8}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}`),
	// Hong Kong identity card.
	regexp.MustCompile(`^[A-Za-z]{1,2}\d{6} ?[(（][0-9Aa][)）]`),
	// Passport-like.
	regexp.MustCompile(`^(?:[A-Za-z]\d{7,8}|[EeCc][A-Za-z]\d{7})`),
}

// matchID returns the length of the identity number at the start of s, or 0.
func matchID(s string) int {
	for _, re := range idPatterns {
		if loc := re.FindStringIndex(s); loc != nil {
			end := loc[1]
			// A HK ID's closing parenthesis is punctuation, so it ends the
			// number whatever follows.
			if end < len(s) && idGlued(s[end]) && !strings.HasSuffix(s[:end], ")") && !strings.HasSuffix(s[:end], "）") {
				continue
			}
			return end
		}
	}
	return 0
}

// idLabels are compared in lower case; longer labels come first so that
// "身份证号码" is not read as "身份证" followed by "号码".
var idLabels = []string{
	"身份证号码", "身份证号", "身份证", "护照号码", "护照号", "护照",
	"通行证号码", "通行证号", "通行证", "证件号码", "证件号",
	"passport number", "passport no.", "passport no", "passport",
	"id card number", "id card no.", "id card no", "id card",
	"id number", "id no.", "id no",
}

// removeLabelled removes the number after each identity-document label.
func removeLabelled(s string) string {
	lower := strings.ToLower(s)
	if len(lower) != len(s) {
		// Lower-casing changed byte lengths (rare non-ASCII case
		// mappings): fall back to ASCII-only lower-casing.
		lower = asciiLower(s)
	}
	var b strings.Builder
	copied := 0
	for i := 0; i < len(s); {
		label := ""
		for _, l := range idLabels {
			if strings.HasPrefix(lower[i:], l) {
				label = l
				break
			}
		}
		if label == "" || isASCIIWordStart(label) && i > 0 && isWord(s[i-1]) {
			_, n := utf8.DecodeRuneInString(s[i:])
			i += n
			continue
		}
		j := i + len(label)
		if isASCIIWordStart(label) && j < len(s) && isLetter(s[j]) {
			i = j // "passports", "identity": not a label
			continue
		}
		j = skipLabelGap(s, j)
		k, digits := labelledToken(s, j)
		if digits < 5 {
			i = j
			continue
		}
		k += checkCharacter(s[k:])
		b.WriteString(s[copied:j])
		b.WriteString(Mask)
		copied, i = k, k
	}
	if copied == 0 {
		return s
	}
	b.WriteString(s[copied:])
	return b.String()
}

func isASCIIWordStart(label string) bool { return isLetter(label[0]) }

func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// skipLabelGap skips what may stand between a label and its number.
func skipLabelGap(s string, j int) int {
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		switch r {
		case ' ', '\t', ':', '：', '#', '＃', '是', '为', '\u3000':
			j += n
			continue
		}
		break
	}
	return j
}

// labelledToken reads the letters and digits after a label: groups of
// ASCII letters and digits joined by one space or hyphen when the next
// group starts with a digit. It returns the end and the number of digits.
func labelledToken(s string, j int) (end, digits int) {
	end = j
	for k := j; k < len(s); {
		start := k
		for k < len(s) && (isDigit(s[k]) || isLetter(s[k])) {
			if isDigit(s[k]) {
				digits++
			}
			k++
		}
		if k == start {
			break
		}
		end = k
		if k+1 < len(s) && (s[k] == ' ' || s[k] == '-') && isDigit(s[k+1]) {
			k++
			continue
		}
		break
	}
	return end, digits
}

// checkCharacter returns the length of a parenthesised check character
// ("(7)", "（A）") at the start of s, or 0.
func checkCharacter(s string) int {
	for _, p := range [][2]string{{"(", ")"}, {"（", "）"}} {
		if rest, ok := strings.CutPrefix(s, p[0]); ok && len(rest) > 0 && (isDigit(rest[0]) || isLetter(rest[0])) &&
			strings.HasPrefix(rest[1:], p[1]) {
			return len(p[0]) + 1 + len(p[1])
		}
	}
	return 0
}

// compoundSurnames are two-character Chinese surnames, kept whole.
var compoundSurnames = []string{"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙",
	"慕容", "令狐", "长孙", "宇文", "司徒", "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "百里",
	"呼延", "澹台", "万俟", "闻人", "申屠", "太史", "公羊", "赫连", "濮阳", "钟离", "宗政", "拓跋"}

// honorifics after a surname make a form of address, not a full name.
var honorifics = []string{"先生", "女士", "小姐", "老师", "经理"}

// roleWords may stand before an agent's name and are not part of it.
var roleWords = []string{"客服专员", "客服", "专员", "customer service", "agent", "support", "mr.", "mrs.", "ms.", "mr", "mrs", "ms", "miss"}

// AgentLabel shortens the name of a provider's agent the way posts show
// it, so that no full name is published:
//
//   - A staff number wins: "王小姐 #1024", "工号 1024", "Sarah, ID 1024" and
//     "No. 1024" all give "#1024". A staff number is 1 to 6 digits, or a
//     letter-and-digit code of up to 8 characters, after "#", "工号",
//     "编号", "No." or "ID", or standing alone after the name.
//   - Otherwise a Chinese name keeps its surname followed by 某 ("王芳" →
//     "王某", "欧阳娜娜" → "欧阳某"); a surname with 先生, 女士, 小姐, 老师
//     or 经理 is already a form of address and is kept ("王小姐").
//   - A name in Latin letters keeps its first initial: "Sarah Jones" → "S.".
//   - Role words before the name (客服, agent, Mr…) are ignored; anything
//     else gives "".
func AgentLabel(agent string) string {
	agent = strings.Join(strings.Fields(agent), " ")
	if n := staffNumber(agent); n != "" {
		return "#" + n
	}
	name := agent
	for changed := true; changed; {
		changed = false
		lower := strings.ToLower(name)
		for _, w := range roleWords {
			if strings.HasPrefix(lower, w) {
				rest := name[len(w):]
				if r, _ := utf8.DecodeRuneInString(rest); rest != "" && isLetter(w[0]) && r < utf8.RuneSelf && isLetter(byte(r)) {
					continue // "Agnes" is not "ag…", "Msimang" is not "ms"
				}
				name = strings.TrimLeft(rest, " :：,，.")
				changed = true
				break
			}
		}
	}
	r, _ := utf8.DecodeRuneInString(name)
	switch {
	case unicode.Is(unicode.Han, r):
		surname := string(r)
		for _, c := range compoundSurnames {
			if strings.HasPrefix(name, c) {
				surname = c
				break
			}
		}
		rest := strings.TrimSpace(strings.TrimPrefix(name, surname))
		for _, h := range honorifics {
			if strings.HasPrefix(rest, h) {
				return surname + h
			}
		}
		return surname + "某"
	case r < utf8.RuneSelf && isLetter(byte(r)):
		return strings.ToUpper(string(r)) + "."
	}
	return ""
}

var staffPatterns = []*regexp.Regexp{
	regexp.MustCompile(`(?i)(?:#|＃|工号|编号|no\.|\bid\b)[\s:：#]*([A-Za-z]{0,2}\d{1,6})\b`),
	regexp.MustCompile(`(?:^|[\s,，])(\d{1,6})$`),
}

// staffNumber finds an agent's staff number in the agent field.
func staffNumber(agent string) string {
	for _, re := range staffPatterns {
		if m := re.FindStringSubmatch(agent); m != nil {
			return m[1]
		}
	}
	return ""
}
