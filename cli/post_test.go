package cli

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"redress/post"
)

// postCase records a CN top-up case through the CLI: an agent's broken
// promise and a formal complaint on 26 November 2026.
func postCase(t *testing.T, dir string) string {
	t.Helper()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	id := strings.TrimSpace(mustAt(t, dir, now, "case", "new", "--title", "OKPay 充值未到账", "--provider", "OKPay",
		"--problem", "topup-not-credited", "--jurisdiction", "CN", "--amount", "1280.00", "--currency", "CNY",
		"--incident", "2026-11-20", "--account", "6222020202020202", "--lang", "zh"))
	mustAt(t, dir, now, "event", "add", id, "--kind", "contact", "--channel", "chat", "--agent", "王小姐 #1024", "--ref", "T-8899",
		"--summary", "客服说 24 小时内到账，手机 13812345678", "--promise-by", "2026-11-21T10:30:00+08:00", "--at", "2026-11-20T10:30:00+08:00")
	mustAt(t, dir, now, "event", "add", id, "--kind", "letter", "--to", "provider", "--at", "2026-11-26T16:00:00+08:00")
	return id
}

// TestPostCommand: `redress post` prints a draft within every platform's
// limit in both languages and lengths (counted independently here: CJK
// one per character for Weibo, two for X), redacted, with the guidance,
// the venues and whether the step is suggested, in the user's language.
func TestPostCommand(t *testing.T) {
	dir := t.TempDir()
	id := postCase(t, dir)
	early := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	late := time.Date(2026, 12, 20, 12, 0, 0, 0, time.UTC)
	for _, ui := range []string{"en", "zh"} {
		t.Setenv("REDRESS_LANG", ui)
		for _, l := range []string{"zh", "en"} {
			for _, n := range []string{"short", "long"} {
				t.Run(ui+"/"+l+"/"+n, func(t *testing.T) {
					var rep struct {
						Draft      post.Draft `json:"draft"`
						Fits       bool       `json:"fits"`
						Tips       []string   `json:"tips"`
						Venues     []struct{ ID, Name, Address string }
						Suggestion struct {
							OK     bool   `json:"ok"`
							Reason string `json:"reason"`
						} `json:"suggestion"`
					}
					out := mustAt(t, dir, late, "post", id[:8], "--lang", l, "--length", n, "--json")
					if err := json.Unmarshal([]byte(out), &rep); err != nil {
						t.Fatalf("post --json: %v\n%s", err, out)
					}
					d := rep.Draft
					if string(d.Lang) != l || string(d.Length) != n || !rep.Fits {
						t.Errorf("draft %s %s fits=%v", d.Lang, d.Length, rep.Fits)
					}
					limits := map[post.Platform]int{post.Weibo: 140, post.X: 280, post.WeiboLong: 2000, post.HeimaoTitle: 0}
					for _, c := range d.Counts {
						want := utf8.RuneCountInString(d.Text) // no emoji or astral characters in this case
						if c.Platform == post.X {
							want = xWeight(d.Text)
						}
						if c.Platform == post.HeimaoTitle {
							want = utf8.RuneCountInString(d.Title)
						}
						if c.Used != want || c.Limit != limits[c.Platform] || (c.Limit > 0 && c.Used > c.Limit) {
							t.Errorf("count %s = %d/%d, want %d/%d within the limit", c.Platform, c.Used, c.Limit, want, limits[c.Platform])
						}
					}
					if len(d.Counts) == 0 {
						t.Error("no counts")
					}
					for _, leak := range []string{"6222020202020202", "13812345678", "王小姐"} {
						if strings.Contains(d.Text+d.Title, leak) {
							t.Errorf("the draft shows %q:\n%s", leak, d.Text)
						}
					}
					if !strings.Contains(d.Text, "OKPay") || !strings.Contains(d.Text, "1,280") {
						t.Errorf("the draft lacks the provider or the amount:\n%s", d.Text)
					}
					if len(rep.Tips) != len(post.Tips) || len(rep.Venues) != 3 || rep.Venues[1].Address != "https://tousu.sina.com.cn/" {
						t.Errorf("tips %d, venues %+v", len(rep.Tips), rep.Venues)
					}
					if !rep.Suggestion.OK {
						t.Errorf("on 2026-12-20 the step is not suggested: %s", rep.Suggestion.Reason)
					}
				})
			}
		}
	}
	tests := []struct {
		ui   string
		now  time.Time
		args []string
		want []string
	}{
		{"en", early, []string{"--length", "short"}, []string{"11月20日，我向OKPay账户充值1,280元", "Length:", "Weibo (140)", " / 140",
			"X (280 weighted)", "Before you post:", "Black Cat Complaints", "https://tousu.sina.com.cn/",
			"Public step: Wait until 2026-12-11: the provider still has time to answer your formal complaint."}},
		{"zh", late, []string{"--lang", "en", "--length", "long"}, []string{"标题： OKPay: Top-up not credited (¥1,280)",
			"On 20 Nov 2026, I topped up ¥1,280", "字数：", "微博长文", " / 2000", "未查到公开的字数上限", "发帖前请注意：",
			"公开发帖： 支付机构对正式投诉的答复期限已于2026-12-11届满"}},
	}
	for _, tt := range tests {
		t.Run("text/"+tt.ui, func(t *testing.T) {
			t.Setenv("REDRESS_LANG", tt.ui)
			out := mustAt(t, dir, tt.now, append([]string{"post", id}, tt.args...)...)
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("post %v lacks %q:\n%s", tt.args, w, out)
				}
			}
		})
	}
}

// TestPostCommandErrors: bad input is one sentence naming the field (exit
// 2); a draft too long even at its shortest is printed, then the error
// (exit 1).
func TestPostCommandErrors(t *testing.T) {
	t.Setenv("REDRESS_LANG", "en")
	dir := t.TempDir()
	id := postCase(t, dir)
	now := time.Date(2026, 12, 20, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		args    []string
		code    int
		stderr  string
		stdout  string
		nothing bool
	}{
		{[]string{"post", id, "--length", "huge"}, 2, "length", "", true},
		{[]string{"post", id, "--lang", "fr"}, 2, "lang", "", true},
		{[]string{"post"}, 2, "CASE", "", true},
		{[]string{"post", "ffffffff"}, 1, "ffffffff", "", true},
		{[]string{"post", id, "--mention", "@" + strings.Repeat("OKPayOfficialCustomerService", 5)}, 1, "140 characters",
			"@OKPayOfficialCustomerService", false},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			out, errs, code := runAt(t, dir, now, tt.args...)
			if code != tt.code || !strings.Contains(errs, tt.stderr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errs, tt.code, tt.stderr)
			}
			if strings.Count(strings.TrimSpace(errs), "\n") > 1 {
				t.Errorf("stderr is more than a sentence (and the help hint): %q", errs)
			}
			if tt.nothing && out != "" {
				t.Errorf("stdout = %q, want nothing", out)
			}
			if !strings.Contains(out, tt.stdout) {
				t.Errorf("stdout lacks %q:\n%s", tt.stdout, out)
			}
		})
	}
}

// xWeight is twitter-text's weighted length for text without URLs or
// emoji: code points in its four light ranges count 1, all others 2.
func xWeight(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r <= 0x10FF, r >= 0x2000 && r <= 0x200D, r >= 0x2010 && r <= 0x201F, r >= 0x2032 && r <= 0x2037:
			n++
		default:
			n += 2
		}
	}
	return n
}
