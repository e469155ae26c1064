package post

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/go-text/typesetting/segmenter"
	ucd "github.com/go-text/typesetting/unicodedata"
	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"
	"golang.org/x/text/unicode/norm"
)

// WeiboLength counts text the way the 140-character short form and
// Weibo's limits are read: one per character after NFC normalisation, two
// for a character outside the Basic Multilingual Plane (most emoji, rare
// CJK Extension B–G ideographs).
//
// Weibo itself counts characters U+0000–U+00FF (ASCII and Latin-1) as half
// a character and those outside the BMP as two (observed by
// schappo.blogspot.com, "Weibo Character Count", 2012; the same half-width
// rule in blog.sina.com.cn/s/blog_77e8d1350101dd97.html, 2012). This count
// does not take that discount, so it is never below Weibo's: a text within
// 140 here fits Weibo and the literal 140-character reading alike.
func WeiboLength(s string) int {
	n := 0
	for _, r := range norm.NFC.String(s) {
		n++
		if r > 0xFFFF {
			n++
		}
	}
	return n
}

// X's published counting rules: twitter-text configuration v3
// (github.com/twitter/twitter-text, config/v3.json, and
// TwitterTextParser.parseTweet in its Java implementation).
const (
	xMaxWeighted = 280
	xURLWeight   = 23 // transformedURLLength: every URL counts 23
	xDefault     = 2  // defaultWeight 200 at scale 100
)

// xLight lists the v3 ranges whose code points weigh 1 (weight 100).
var xLight = [][2]rune{{0, 4351}, {8192, 8205}, {8208, 8223}, {8242, 8247}}

func xWeight(r rune) int {
	for _, rg := range xLight {
		if r >= rg[0] && r <= rg[1] {
			return 1
		}
	}
	return xDefault
}

// XLength is X's (Twitter's) weighted length of s, whose limit is 280:
//
//   - the text is NFC-normalised first;
//   - each URL counts 23, whatever its length;
//   - each emoji counts 2, including sequences joined by ZWJ, with skin
//     tones, flags and keycaps ("👨‍👩‍👧‍👦" is 2);
//   - every other code point counts 1 in U+0000–U+10FF (Latin, Greek,
//     Cyrillic, Hebrew, Arabic, Devanagari … Georgian), U+2000–U+200D,
//     U+2010–U+201F and U+2032–U+2037 (spaces, dashes, quotes, primes),
//     and 2 everywhere else — CJK ideographs, kana, Hangul, full-width
//     punctuation "，。：" and "¥" in its full-width form all count 2.
//
// Source: twitter-text configuration v3 (maxWeightedTweetLength 280,
// scale 100, defaultWeight 200, the four ranges above at weight 100,
// transformedURLLength 23, emojiParsingEnabled), github.com/twitter/twitter-text
// config/v3.json, checked against its conformance suite
// (conformance/validate.yml, WeightedTweetsWithDiscountedEmojiCounterTest).
//
// Two parts are approximations of twitter-text, which uses a generated
// emoji regular expression and its own URL extractor: an emoji here is a
// grapheme cluster (UAX #29) that is a keycap, a pair of regional
// indicators, or starts with an Extended_Pictographic character that is
// outside the BMP or is followed by U+FE0F, a ZWJ or a skin-tone modifier
// (a text-style symbol such as "©" without U+FE0F counts by its code
// point, as in twitter-text). A URL is "http://" or "https://" followed by
// a host name, or a bare host name ("example.com") whose top-level domain
// is in the ICANN section of the Public Suffix List (golang.org/x/net's
// copy; twitter-text uses IANA's list), with labels of 1–63 letters,
// digits or hyphens, an optional port and path; trailing punctuation is
// not part of it.
func XLength(s string) int {
	rs := []rune(norm.NFC.String(s))
	if blank(rs) {
		return 0
	}
	urls := findURLs(rs)
	graphemeEnd := emojiClusters(rs)
	n := 0
	u := 0
	for i := 0; i < len(rs); {
		for u < len(urls) && urls[u][0] < i {
			u++
		}
		if u < len(urls) && urls[u][0] == i {
			n += xURLWeight
			i = urls[u][1]
			continue
		}
		if graphemeEnd != nil && graphemeEnd[i] > i && isEmoji(rs[i:graphemeEnd[i]]) {
			n += xDefault
			i = graphemeEnd[i]
			continue
		}
		n += xWeight(rs[i])
		i++
	}
	return n
}

// emojiClusters returns, for each rune index that starts a grapheme
// cluster, the index where it ends (0 elsewhere); nil when the text has
// nothing an emoji could be made of, which spares the segmenter.
func emojiClusters(rs []rune) []int {
	maybe := false
	for _, r := range rs {
		if r == keycap || r >= riFirst && r <= riLast || r >= 0xA9 && unicode.Is(ucd.Extended_Pictographic, r) {
			maybe = true
			break
		}
	}
	if !maybe {
		return nil
	}
	ends := make([]int, len(rs)+1)
	var seg segmenter.Segmenter
	seg.Init(rs)
	// go-text's segmenter (v0.2.1) does not apply UAX #29 rule GB11
	// (no break in an emoji ZWJ sequence), so clusters that end in a ZWJ
	// are joined to a following pictographic cluster here.
	it := seg.GraphemeIterator()
	start := -1
	for it.Next() {
		g := it.Grapheme()
		end := g.Offset + len(g.Text)
		if start < 0 || !unicode.Is(ucd.Extended_Pictographic, g.Text[0]) {
			start = g.Offset
		}
		ends[start] = end
		if g.Text[len(g.Text)-1] != zwj || !unicode.Is(ucd.Extended_Pictographic, rs[start]) {
			start = -1
		}
	}
	return ends
}

// blank reports whether rs holds only characters up to U+0020, the text
// twitter-text treats as empty (Java's String.trim).
func blank(rs []rune) bool {
	for _, r := range rs {
		if r > ' ' {
			return false
		}
	}
	return true
}

const (
	zwj     = '\u200D'
	vs16    = '\uFE0F'
	keycap  = '\u20E3'
	riFirst = 0x1F1E6
	riLast  = 0x1F1FF
)

// isEmoji reports whether a grapheme cluster is one emoji for X.
func isEmoji(g []rune) bool {
	if len(g) == 0 {
		return false
	}
	if g[len(g)-1] == keycap && strings.ContainsRune("#*0123456789", g[0]) {
		return true
	}
	if len(g) >= 2 && g[0] >= riFirst && g[0] <= riLast && g[1] >= riFirst && g[1] <= riLast {
		return true
	}
	if !unicode.Is(ucd.Extended_Pictographic, g[0]) {
		return false
	}
	if g[0] > 0xFFFF {
		return true
	}
	for _, r := range g[1:] {
		if r == vs16 || r == zwj || r >= 0x1F3FB && r <= 0x1F3FF {
			return true
		}
	}
	return false
}

// findURLs returns the [start, end) rune spans of the URLs in rs.
func findURLs(rs []rune) [][2]int {
	var out [][2]int
	for i := 0; i < len(rs); {
		if end := urlAt(rs, i); end > i {
			out = append(out, [2]int{i, end})
			i = end
			continue
		}
		i++
	}
	return out
}

func isASCIIAlnum(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

// urlAt returns the end of a URL starting at rs[i], or i.
func urlAt(rs []rune, i int) int {
	if !isASCIIAlnum(rs[i]) {
		return i
	}
	var prev rune
	if i > 0 {
		prev = rs[i-1]
	}
	if isASCIIAlnum(prev) || strings.ContainsRune("@＠$#＃", prev) && prev != 0 {
		return i
	}
	j := i
	scheme := false
	for _, p := range []string{"https://", "http://"} {
		if hasPrefixFold(rs[i:], p) {
			j, scheme = i+len(p), true
			break
		}
	}
	if !scheme && strings.ContainsRune("-_./", prev) && prev != 0 {
		return i
	}
	// Host: labels joined by dots.
	var labels []string
	for {
		k := j
		for k < len(rs) && (isASCIIAlnum(rs[k]) || rs[k] == '-' || scheme && rs[k] > 0x7F && (unicode.IsLetter(rs[k]) || unicode.IsDigit(rs[k]))) {
			k++
		}
		label := string(rs[j:k])
		if k == j || len(label) > 63 || strings.HasPrefix(label, "-") || strings.HasSuffix(label, "-") {
			if len(labels) > 0 && k == j {
				break // "example.com." — the dot ends a sentence
			}
			return i
		}
		labels = append(labels, label)
		j = k
		if j+1 < len(rs) && rs[j] == '.' && (isASCIIAlnum(rs[j+1]) || scheme && rs[j+1] > 0x7F) {
			j++
			continue
		}
		break
	}
	if len(labels) < 2 || !isTLD(labels[len(labels)-1]) {
		return i
	}
	// Port.
	if j+1 < len(rs) && rs[j] == ':' && rs[j+1] >= '0' && rs[j+1] <= '9' {
		j++
		for j < len(rs) && rs[j] >= '0' && rs[j] <= '9' {
			j++
		}
	}
	if j < len(rs) && (isASCIIAlnum(rs[j]) || rs[j] == '@') {
		return i // "example.comx", "a.b@c": not a URL here
	}
	// Path, query and fragment.
	if j < len(rs) && (rs[j] == '/' || rs[j] == '?' || rs[j] == '#') {
		k := j
		for k < len(rs) && isPathChar(rs[k]) {
			k++
		}
		for k > j && strings.ContainsRune(".,;:!?'\")]", rs[k-1]) && !balancedParen(rs[j:k]) {
			k--
		}
		j = k
	}
	return j
}

// balancedParen reports whether a path ending in ")" has its "(" too.
func balancedParen(p []rune) bool {
	if len(p) == 0 || p[len(p)-1] != ')' {
		return false
	}
	return strings.Count(string(p), "(") >= strings.Count(string(p), ")")
}

func isPathChar(r rune) bool {
	if isASCIIAlnum(r) {
		return true
	}
	if r >= 0xC0 && r <= 0x24F && r != 0xD7 && r != 0xF7 { // Latin accents
		return true
	}
	return strings.ContainsRune("!*';:=+,.$/%#[]-_~&|@?()", r)
}

func hasPrefixFold(rs []rune, p string) bool {
	if len(rs) < len(p) {
		return false
	}
	return strings.EqualFold(string(rs[:len(p)]), p)
}

// isTLD reports whether label is a top-level domain in the ICANN section
// of the Public Suffix List.
func isTLD(label string) bool {
	label = strings.ToLower(label)
	if label == "" || !utf8.ValidString(label) || strings.ContainsAny(label, "0123456789") {
		return false
	}
	if !isASCII(label) {
		a, err := idna.ToASCII(label)
		if err != nil {
			return false
		}
		label = a
	}
	suffix, icann := publicsuffix.PublicSuffix(label)
	return icann && suffix == label
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
