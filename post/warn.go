package post

import (
	"strings"
)

// loadedWords accuse rather than describe. Redress never writes them; when
// the user's own words in a draft contain one, Compose warns (it does not
// rewrite what the user wrote). English words match whole words, in any
// case; Chinese ones anywhere.
var loadedWords = []string{
	"scam", "scams", "scammer", "scammers", "fraudster", "fraudsters", "thief", "thieves",
	"crook", "crooks", "criminal", "criminals", "liar", "liars", "idiot", "idiots", "stupid", "useless",
	"骗子", "骗局", "骗钱", "黑心", "垃圾", "无耻", "流氓", "强盗", "土匪", "不要脸",
}

// loaded returns the loaded words in s, in list order.
func loaded(s string) []string {
	lower := strings.ToLower(s)
	var out []string
	for _, w := range loadedWords {
		if w[0] < 0x80 {
			if containsWord(lower, w) {
				out = append(out, w)
			}
		} else if strings.Contains(s, w) {
			out = append(out, w)
		}
	}
	return out
}

func containsWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		k := j + len(w)
		if (j == 0 || !isASCIIAlnum(rune(s[j-1]))) && (k == len(s) || !isASCIIAlnum(rune(s[k]))) {
			return true
		}
		i = j + 1
	}
}
