package letters

import (
	"regexp"
	"strings"
	"testing"

	"redress/evidence"
)

var testRep = &Representative{Name: "Li Jing", Firm: "Mingli Legal Services", Address: "88 Century Avenue\nShanghai 200120",
	Phone: "021-5555 0101", Email: "lijing@example.cn", Reference: "ML-2026-014"}

// firstPerson is the complainant's own voice, which a representative's
// English letter must never use for the client.
var firstPerson = regexp.MustCompile(`\b(I (made|asked|sent|found|encountered|contacted|did not|raised|consider|am seeking|also)|` +
	`I have (contacted|taken|been|received)|[Mm]y (account|balance|bank|funding|funds|complaint|dispute|rights|name|losses)|` +
	`(returned|due|amount|balance[^.]*) to me\b|contacted me\b|compensate me\b|help me\b)`)

// A representative's letter is written on the client's behalf in every
// kind of case, to every recipient, in both languages: the client is "my
// client" (委托人) throughout, the representative signs, and replies go to
// the representative.
func TestRepresentativeLetters(t *testing.T) {
	for _, j := range []evidence.Jurisdiction{evidence.CN, evidence.UK, evidence.US, evidence.EU} {
		for _, lang := range []evidence.Language{evidence.English, evidence.Chinese} {
			for _, p := range evidence.Problems {
				for _, to := range Recipients {
					c := fullCase(p)
					c.Jurisdiction, c.Remedy = j, "" // the remedy is the user's own words
					in := Input{Case: c, Events: fullEvents(), To: to, Lang: lang, Date: letterDate, Exhibits: fullExhibits,
						Representative: testRep}
					text := Compose(in).Text()
					name := string(j) + "/" + string(lang) + "/" + string(p) + "/" + string(to)
					if lang == evidence.Chinese {
						if n := strings.Count(text, "本人"); n > 0 {
							t.Errorf("%s: the letter says 本人 %d times; a representative's letter says 委托人:\n%s", name, n, text)
						}
						for _, want := range []string{"投诉人：Zhang Wei\n委托代理人：Li Jing（Mingli Legal Services）",
							"委托代理人Li Jing（Mingli Legal Services）受委托人Zhang Wei委托，代为提出本投诉。",
							"电子邮箱：lijing@example.cn", "代理人编号ML-2026-014", "委托代理人（签字）：\n姓名：Li Jing",
							"委托人账户：BP-7731-0042"} {
							if !strings.Contains(text, want) {
								t.Errorf("%s: the letter lacks %q:\n%s", name, want, text)
							}
						}
						continue
					}
					if m := firstPerson.FindString(text); m != "" {
						t.Errorf("%s: the letter speaks as the client (%q):\n%s", name, m, text)
					}
					for _, want := range []string{"Li Jing\nMingli Legal Services\n88 Century Avenue\nShanghai 200120",
						"on behalf of my client, Zhang Wei,", "by email to lijing@example.cn", "quoting my reference ML-2026-014",
						"For and on behalf of Zhang Wei", "My client's account ID with"} {
						if !strings.Contains(text, want) {
							t.Errorf("%s: the letter lacks %q:\n%s", name, want, text)
						}
					}
				}
			}
		}
	}
}

func TestRepresentativeLetterSaysAuthorityEnclosed(t *testing.T) {
	for _, tt := range []struct {
		lang      evidence.Language
		enclosed  bool
		want, not string
	}{
		{evidence.English, true, "their signed letter of authority is enclosed", "authority on request"},
		{evidence.English, false, "I can provide their signed letter of authority on request", "is enclosed"},
		{evidence.Chinese, true, "委托人签署的授权委托书随函附上", "可应要求提供"},
		{evidence.Chinese, false, "委托人签署的授权委托书可应要求提供", "随函附上"},
	} {
		in := Input{Case: fullCase(evidence.TopupNotCredited), Events: fullEvents(), To: Regulator, Lang: tt.lang,
			Date: letterDate, Representative: testRep, AuthorityEnclosed: tt.enclosed}
		text := Compose(in).Text()
		if !strings.Contains(text, tt.want) || strings.Contains(text, tt.not) {
			t.Errorf("Compose(%s, enclosed %v) lacks %q or has %q:\n%s", tt.lang, tt.enclosed, tt.want, tt.not, text)
		}
	}
}

// Without a representative (or with an empty one) the letter is the
// complainant's own, word for word.
func TestNoRepresentativeKeepsTheOwnVoice(t *testing.T) {
	for _, lang := range []evidence.Language{evidence.English, evidence.Chinese} {
		in := Input{Case: fullCase(evidence.TopupNotCredited), Events: fullEvents(), To: Regulator, Lang: lang, Date: letterDate}
		own := Compose(in).Text()
		in.Representative = &Representative{Phone: "only a phone"}
		if got := Compose(in).Text(); got != own {
			t.Errorf("Compose(%s) with an empty representative differs from the own letter:\n%s", lang, got)
		}
		if lang == evidence.English && !strings.Contains(own, "My name is Zhang Wei") {
			t.Errorf("Compose(en) own letter lacks the complainant's voice:\n%s", own)
		}
	}
}
