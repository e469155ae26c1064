package post

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"redress/evidence"
	"redress/lang"
)

// The golden drafts below were written by hand from the fixtures'
// timelines (fixture_test.go), fact by fact: the dates, amounts, the
// promises and whether they passed, the complaint's age and reply.
func TestComposeGolden(t *testing.T) {
	okC, okE := okpay()
	pwC, pwE := paywallet()
	tests := []struct {
		name   string
		c      evidence.Case
		events []evidence.Event
		lang   evidence.Language
		length Length
		now    time.Time
		title  string
		text   string
		ask    string
	}{
		{
			name: "zh short", c: okC, events: okE, lang: evidence.Chinese, length: Short, now: okpayNow,
			text: "11月20日，我向OKPay账户充值1,280元，至今未到账。" +
				"11月23日，客服李某承诺48小时内解决。已有2次承诺的期限过去，问题仍未解决。" +
				"11月26日，我向OKPay提交了正式投诉，19天后仍未获答复。" +
				"请OKPay尽快将充值款项计入我的账户。工单号：C-20261126",
			ask: "请OKPay尽快将充值款项计入我的账户。",
		},
		{
			name: "zh long", c: okC, events: okE, lang: evidence.Chinese, length: Long, now: okpayNow,
			title: "OKPay充值未到账（1,280元）",
			text: "2026年11月20日，我向OKPay账户充值1,280元，至今未到账。\n\n" +
				"2026年11月23日，客服李某承诺48小时内解决。期限已过，未见回复或款项。已有2次承诺的期限过去，问题仍未解决。" +
				"2026年11月26日，我向OKPay提交了正式投诉，19天后仍未获答复。\n\n" +
				"经过：\n" +
				"- 2026年11月20日 14:30：交易，1,280元，交易号••••5678，状态“处理中”，充值\n" +
				"- 2026年11月21日 10:30：在线客服，客服#1024，期限2026年11月22日 10:30，#1024说24小时内到账，承诺：“24 小时内到账”\n" +
				"- 2026年11月23日 09:00：电话，客服李某，期限2026年11月25日 09:00，电话催促；李某核实了我的身份证号••••和手机••••，承诺：“48小时内处理”\n" +
				"- 2026年11月26日 16:00：向OKPay提交正式投诉，正式投诉信\n\n" +
				"请OKPay尽快将充值款项计入我的账户。\n\n" +
				"我保存了1份截图或文件作为证据。工单号：C-20261126",
			ask: "请OKPay尽快将充值款项计入我的账户。",
		},
		{
			name: "en short", c: okC, events: okE, lang: evidence.English, length: Short, now: okpayNow,
			text: "On 20 Nov, I topped up ¥1,280 to my OKPay account; it has not arrived. " +
				"Support promised it within 48 h on 23 Nov. Please credit my top-up.",
			ask: "Please credit my top-up.",
		},
		{
			name: "en long", c: pwC, events: pwE, lang: evidence.English, length: Long, now: paywalletNow,
			title: "PayWallet: Withdrawal delayed (£450)",
			text: "On 2 Oct 2026, I withdrew £450 from my PayWallet account; it has not reached my bank.\n\n" +
				"On 5 Oct 2026, support agent S. promised to resolve it by 7 Oct 2026. That time passed with no reply or payment. " +
				"On 9 Oct 2026, I sent PayWallet a formal complaint; it replied on 20 Oct 2026.\n\n" +
				"Timeline:\n" +
				"- 2 Oct 2026 09:15: transaction, £450, ID WD-558201, status \"Processing\"\n" +
				"- 5 Oct 2026 14:00: Phone, agent S., due 7 Oct 2026 17:00, S. said the payment was stuck in review; I gave my account ••••6819, promised: \"Released within two working days\"\n" +
				"- 9 Oct 2026 10:00: Email, formal complaint, Formal complaint by e-mail\n" +
				"- 20 Oct 2026 11:42: reply from PayWallet, \"We are still investigating\"\n\n" +
				"My request to PayWallet: Pay the £450 into my bank account and refund the £25 overdraft fee it caused.\n\n" +
				"I have kept 2 screenshots and documents as evidence. Ref: CMP-40017",
			ask: "My request to PayWallet: Pay the £450 into my bank account and refund the £25 overdraft fee it caused.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Compose(tt.c, tt.events, tt.lang, tt.length, Options{Now: tt.now})
			if err != nil {
				t.Fatalf("Compose: %v", err)
			}
			if d.Text != tt.text {
				t.Errorf("Compose(%s).Text =\n%s\nwant\n%s", tt.name, d.Text, tt.text)
			}
			if d.Title != tt.title {
				t.Errorf("Compose(%s).Title = %q, want %q", tt.name, d.Title, tt.title)
			}
			if d.Ask != tt.ask {
				t.Errorf("Compose(%s).Ask = %q, want %q", tt.name, d.Ask, tt.ask)
			}
			if d.Lang != tt.lang || d.Length != tt.length {
				t.Errorf("Compose(%s) = %s %s, want %s %s", tt.name, d.Lang, d.Length, tt.lang, tt.length)
			}
			checkCounts(t, d)
		})
	}
}

// checkCounts fails when a draft's counts do not describe its text or are
// over a limit.
func checkCounts(t *testing.T, d Draft) {
	t.Helper()
	want := []Platform{Weibo, X}
	if d.Length == Long {
		want = []Platform{WeiboLong, HeimaoTitle}
	}
	var got []Platform
	for _, c := range d.Counts {
		got = append(got, c.Platform)
		var n int
		switch c.Platform {
		case X:
			n = XLength(d.Text)
		case HeimaoTitle:
			n = WeiboLength(d.Title)
		default:
			n = WeiboLength(d.Text)
		}
		if c.Used != n {
			t.Errorf("count %s = %d, want %d", c.Platform, c.Used, n)
		}
		if !c.Fits() {
			t.Errorf("count %s = %d, over the limit %d:\n%s", c.Platform, c.Used, c.Limit, d.Text)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("counted for %v, want %v", got, want)
	}
}

// TestComposeEveryShape composes every problem kind in both languages and
// lengths, with and without amount, date, promises, complaint, remedy and
// mention, and checks the limits, that no placeholder or key leaks, and
// that the essentials are there.
func TestComposeEveryShape(t *testing.T) {
	placeholder := regexp.MustCompile(`\{[a-z-]+\}|post\.[a-z]`)
	for _, p := range evidence.Problems {
		for _, l := range evidence.Languages {
			for _, n := range Lengths {
				for shape := 0; shape < 8; shape++ {
					c, events := okpay()
					c.Problem = p
					if shape&1 != 0 {
						c.Amount = evidence.Money{}
						events = slices.DeleteFunc(slices.Clone(events), func(e evidence.Event) bool { return e.Kind == evidence.KindTransaction })
					}
					if shape&2 != 0 {
						c.Incident = ""
						c.Remedy = "退还1280元并说明原因"
					}
					if shape&4 != 0 {
						events = events[:1]
					}
					name := fmt.Sprintf("%s/%s/%s/%d", p, l, n, shape)
					t.Run(name, func(t *testing.T) {
						d, err := Compose(c, events, l, n, Options{Now: okpayNow, Mention: "@OKPay客服"})
						if err != nil {
							t.Fatalf("Compose: %v", err)
						}
						checkCounts(t, d)
						if m := placeholder.FindString(d.Text + d.Title); m != "" {
							t.Errorf("draft leaks %q:\n%s", m, d.Text)
						}
						if !strings.HasPrefix(d.Text, "@OKPay客服") {
							t.Errorf("draft does not start with the mention:\n%s", d.Text)
						}
						if !strings.Contains(d.Text, "OKPay") || d.Ask == "" || !strings.Contains(d.Text, d.Ask) {
							t.Errorf("draft lacks the provider or the request %q:\n%s", d.Ask, d.Text)
						}
						amount := map[evidence.Language]string{evidence.Chinese: "1,280元", evidence.English: "¥1,280"}[l]
						if hasAmount := shape&1 == 0; strings.Contains(d.Text, amount) != hasAmount {
							t.Errorf("amount %q shown = %v, want %v:\n%s", amount, !hasAmount, hasAmount, d.Text)
						}
					})
				}
			}
		}
	}
}

// TestComposeShrinks checks that drafts are shortened by leaving whole
// sentences out, most important last, and never by cutting one.
func TestComposeShrinks(t *testing.T) {
	t.Run("long remedy gives way to the default request", func(t *testing.T) {
		c, events := okpay()
		c.Remedy = strings.Repeat("请退还全部款项并赔偿损失，", 30)
		for _, n := range Lengths {
			d, err := Compose(c, events, evidence.Chinese, n, Options{Now: okpayNow})
			if err != nil {
				t.Fatalf("Compose(%s): %v", n, err)
			}
			checkCounts(t, d)
			if n == Short && d.Ask != "请OKPay尽快将充值款项计入我的账户。" || strings.Contains(d.Text, "赔偿损失") && n == Short {
				t.Errorf("Compose(%s).Ask = %q, want the default request", n, d.Ask)
			}
		}
	})
	t.Run("hundreds of contacts keep the latest entries", func(t *testing.T) {
		c, events := okpay()
		for i := range 300 {
			events = append(events, evidence.Event{ID: fmt.Sprintf("z%03d", i), Kind: evidence.KindContact,
				At:      at("2026-11-27 09:00").Add(time.Duration(i) * time.Hour),
				Summary: fmt.Sprintf("第%d次催促，客服说在处理", i+1),
				Contact: &evidence.Contact{Channel: evidence.Chat, Direction: evidence.Outbound}})
		}
		for _, l := range evidence.Languages {
			d, err := Compose(c, events, l, Long, Options{Now: at("2026-12-30 12:00")})
			if err != nil {
				t.Fatalf("Compose: %v", err)
			}
			checkCounts(t, d)
			omitted := map[evidence.Language]string{evidence.Chinese: "条记录", evidence.English: "earlier entries left out"}[l]
			if !strings.Contains(d.Text, omitted) {
				t.Errorf("Compose(%s) does not say entries were left out:\n%s", l, d.Text)
			}
			last := map[evidence.Language]string{evidence.Chinese: "2026年12月9日 20:00", evidence.English: "9 Dec 2026 20:00"}[l]
			if !strings.Contains(d.Text, last) {
				t.Errorf("Compose(%s) dropped the latest contact (%s):\n%s", l, last, d.Text)
			}
			if !strings.Contains(d.Text, "C-20261126") {
				t.Errorf("Compose(%s) dropped the reference:\n%s", l, d.Text)
			}
		}
	})
	t.Run("sentences are whole", func(t *testing.T) {
		// Every sentence of a shrunk short draft is one of the sentences
		// composed for the same case when nothing needs to give way.
		c, events := okpay()
		c.Remedy = strings.Repeat("x", 150)
		for _, l := range evidence.Languages {
			d, err := Compose(c, events, l, Short, Options{Now: okpayNow})
			if err != nil {
				t.Fatal(err)
			}
			f := newFacts(c, events, l, Short, Options{Now: okpayNow})
			var all []string
			for _, s := range f.short() {
				all = append(all, s.variants...)
			}
			rest := d.Text
			for rest != "" {
				found := false
				for _, v := range all {
					if after, ok := strings.CutPrefix(rest, v); ok {
						rest, found = strings.TrimPrefix(after, f.gap()), true
						break
					}
				}
				if !found {
					t.Fatalf("Compose(%s) has text that is no whole sentence: %q", l, rest)
				}
			}
		}
	})
	t.Run("essentials that cannot fit", func(t *testing.T) {
		c, events := okpay()
		c.Provider = strings.Repeat("很长的支付机构名称", 20)
		d, err := Compose(c, events, evidence.Chinese, Short, Options{Now: okpayNow})
		var le *lang.Error
		if !errors.As(err, &le) || le.Key != "post.too-long" {
			t.Fatalf("Compose with a 180-character provider: err = %v, want post.too-long", err)
		}
		if d.Fits() || d.Text == "" || d.Ask == "" {
			t.Errorf("Compose returned %+v, want the shortest draft with its counts", d)
		}
		if got := lang.ZH.Err(err); !strings.Contains(got, "140") {
			t.Errorf("error in Chinese = %q, want the limit", got)
		}
	})
}

func TestComposeErrors(t *testing.T) {
	c, events := okpay()
	tests := []struct {
		lang   evidence.Language
		length Length
		field  string
	}{
		{"fr", Short, "lang"},
		{"", Short, "lang"},
		{evidence.Chinese, "medium", "length"},
		{evidence.English, "", "length"},
	}
	blank := c
	blank.Provider = "  "
	if _, err := Compose(blank, events, evidence.English, Short, Options{Now: okpayNow}); len(evidence.Fields(err)) != 1 ||
		evidence.Fields(err)[0].Field != "provider" {
		t.Errorf("Compose without a provider = %v, want a field error on provider", err)
	}
	for _, tt := range tests {
		_, err := Compose(c, events, tt.lang, tt.length, Options{Now: okpayNow})
		fs := evidence.Fields(err)
		if len(fs) != 1 || fs[0].Field != tt.field {
			t.Errorf("Compose(%q, %q) = %v, want a field error on %s", tt.lang, tt.length, err, tt.field)
			continue
		}
		for _, l := range lang.All {
			if !l.Has("field." + tt.field) {
				t.Errorf("%s lacks field.%s", l, tt.field)
			}
		}
	}
}

func TestComposeDeterministic(t *testing.T) {
	c, events := okpay()
	for _, l := range evidence.Languages {
		for _, n := range Lengths {
			want, err := Compose(c, events, l, n, Options{Now: okpayNow})
			if err != nil {
				t.Fatal(err)
			}
			r := rand.New(rand.NewPCG(1, 2))
			for range 20 {
				shuffled := slices.Clone(events)
				r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
				got, _ := Compose(c, shuffled, l, n, Options{Now: okpayNow})
				if got.Text != want.Text || got.Title != want.Title {
					t.Fatalf("Compose(%s, %s) depends on event order:\n%s\nvs\n%s", l, n, got.Text, want.Text)
				}
			}
		}
	}
}

func TestComposePromises(t *testing.T) {
	base := func() (evidence.Case, []evidence.Event) {
		c, events := okpay()
		return c, events[:3] // transaction, screenshot, first promise (by 22 Nov 10:30)
	}
	tests := []struct {
		name  string
		now   time.Time
		extra []evidence.Event
		want  []string
		not   []string
	}{
		{name: "broken", now: at("2026-11-23 12:00"),
			want: []string{"11月21日，客服#1024承诺24小时内解决。期限已过，未见回复或款项。"}},
		{name: "still open", now: at("2026-11-21 12:00"),
			want: []string{"11月21日，客服#1024承诺24小时内解决。"}, not: []string{"期限已过"}},
		{name: "kept by a reply", now: at("2026-11-23 12:00"),
			extra: []evidence.Event{{ID: "r", Kind: evidence.KindResponse, At: at("2026-11-22 09:00"),
				Response: &evidence.Response{From: evidence.ToProvider, Outcome: "正在处理"}}},
			not: []string{"承诺24小时内解决"}},
		{name: "kept by an inbound call", now: at("2026-11-23 12:00"),
			extra: []evidence.Event{{ID: "r", Kind: evidence.KindContact, At: at("2026-11-22 09:00"),
				Contact: &evidence.Contact{Channel: evidence.Phone, Direction: evidence.Inbound}}},
			not: []string{"承诺24小时内解决"}},
		{name: "reply after the time does not keep it", now: at("2026-11-23 12:00"),
			extra: []evidence.Event{{ID: "r", Kind: evidence.KindResponse, At: at("2026-11-22 11:00"),
				Response: &evidence.Response{From: evidence.ToProvider}}},
			want: []string{"期限已过"}},
		{name: "promise without a time", now: at("2026-11-23 12:00"),
			extra: []evidence.Event{{ID: "p", Kind: evidence.KindContact, At: at("2026-11-22 09:00"),
				Contact: &evidence.Contact{Channel: evidence.Chat, Direction: evidence.Outbound, Promise: "会尽快处理"}}},
			want: []string{"期限已过"}},
		{name: "same-day promise names the time", now: at("2026-11-23 12:00"),
			extra: []evidence.Event{{ID: "p", Kind: evidence.KindContact, At: at("2026-11-22 09:00"),
				Contact: &evidence.Contact{Channel: evidence.Chat, Direction: evidence.Outbound,
					PromiseBy: ptr(at("2026-11-22 17:30"))}}},
			want: []string{"2026年11月22日，客服承诺在17:30前解决。", "已有2次承诺的期限过去"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, events := base()
			events = append(events, tt.extra...)
			d, err := Compose(c, events, evidence.Chinese, Long, Options{Now: tt.now})
			if err != nil {
				t.Fatal(err)
			}
			story := strings.Split(d.Text, "\n\n")[1]
			if len(strings.Split(d.Text, "\n\n")) < 3 {
				story = ""
			}
			for _, w := range tt.want {
				if !strings.Contains(d.Text, w) {
					t.Errorf("draft lacks %q:\n%s", w, d.Text)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(story, w) {
					t.Errorf("draft's story has %q:\n%s", w, d.Text)
				}
			}
		})
	}
}

func TestComposeComplaint(t *testing.T) {
	c, events := okpay()
	letter := events[4]
	tests := []struct {
		name  string
		now   time.Time
		extra []evidence.Event
		want  string
	}{
		{"same day", at("2026-11-26 20:00"), nil, "On 26 Nov, I sent OKPay a formal complaint; no reply yet."},
		{"one day", at("2026-11-27 17:00"), nil, "On 26 Nov, I sent OKPay a formal complaint; no reply after 1 day."},
		{"days", at("2026-12-16 12:00"), nil, "On 26 Nov, I sent OKPay a formal complaint; no reply after 19 days."},
		{"replied", at("2026-12-16 12:00"), []evidence.Event{{ID: "r", Kind: evidence.KindResponse, At: at("2026-12-01 10:00"),
			Response: &evidence.Response{From: evidence.ToProvider}}},
			"On 26 Nov, I sent OKPay a formal complaint; it replied on 1 Dec."},
		{"final", at("2026-12-16 12:00"), []evidence.Event{
			{ID: "r1", Kind: evidence.KindResponse, At: at("2026-12-01 10:00"), Response: &evidence.Response{From: evidence.ToProvider}},
			{ID: "r2", Kind: evidence.KindResponse, At: at("2026-12-08 10:00"), Response: &evidence.Response{From: evidence.ToProvider, Final: true}}},
			"On 26 Nov, I sent OKPay a formal complaint; it gave its final reply on 8 Dec."},
		{"reply before the complaint does not count", at("2026-12-16 12:00"), []evidence.Event{{ID: "r", Kind: evidence.KindResponse,
			At: at("2026-11-24 10:00"), Response: &evidence.Response{From: evidence.ToProvider}}},
			"On 26 Nov, I sent OKPay a formal complaint; no reply after 19 days."},
		{"previous year", at("2027-01-05 12:00"), nil, "On 26 Nov 2026, I sent OKPay a formal complaint; no reply after 39 days."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFacts(c, append([]evidence.Event{letter}, tt.extra...), evidence.English, Short, Options{Now: tt.now})
			if got := f.complaintSentence(); got != tt.want {
				t.Errorf("complaintSentence = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestComposeAgentNames(t *testing.T) {
	c, events := paywallet()
	hidden, err := Compose(c, events, evidence.English, Long, Options{Now: paywalletNow})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(hidden.Text, "Sarah") || strings.Contains(hidden.Text, "Jones") {
		t.Errorf("agent's name published by default:\n%s", hidden.Text)
	}
	kept, err := Compose(c, events, evidence.English, Long, Options{Now: paywalletNow, KeepAgentNames: true})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(kept.Text, "agent Sarah Jones") || !strings.Contains(kept.Text, "Sarah said") {
		t.Errorf("KeepAgentNames did not keep the name:\n%s", kept.Text)
	}
	if strings.Contains(kept.Text, "GB29NWBK60161331926819") {
		t.Errorf("KeepAgentNames published the account number:\n%s", kept.Text)
	}
}

func TestComposeWarnings(t *testing.T) {
	c, events := okpay()
	tests := []struct {
		remedy string
		want   string
	}{
		{"", ""},
		{"退钱，骗子", "骗子"},
		{"Refund me, you SCAMMERS", "scammers"},
		{"Please refund the scampi", ""},
	}
	for _, tt := range tests {
		c.Remedy = tt.remedy
		d, err := Compose(c, events, evidence.Chinese, Long, Options{Now: okpayNow})
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if len(d.Warnings) > 0 {
			got = d.Warnings[0].Args[1]
			if d.Warnings[0].Key != "post.warn.loaded" {
				t.Errorf("warning key = %q", d.Warnings[0].Key)
			}
		}
		if got != tt.want {
			t.Errorf("remedy %q: warned about %q, want %q", tt.remedy, got, tt.want)
		}
	}
}

// TestComposeRedaction composes drafts from random timelines full of
// personal data in every free-text field and checks that none of it
// survives: no account, card or phone number beyond its last four digits,
// no identity number at all, no agent's full name, the complainant's own
// contact details and e-mail hidden.
func TestComposeRedaction(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 2026))
	digits := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte('0' + r.IntN(10))
		}
		b[0] = byte('1' + r.IntN(9))
		return string(b)
	}
	for iter := range 300 {
		phone := "13" + digits(9)
		card := "62" + digits(15)
		account := "okpay-" + digits(10)
		id := digits(6) + fmt.Sprintf("19%02d%02d%02d", r.IntN(100), 1+r.IntN(12), 1+r.IntN(28)) + digits(3) + []string{"X", "7"}[r.IntN(2)]
		passport := "E" + digits(8)
		agent := []string{"王晓明", "Sarah Jones", "欧阳娜娜", "李建国 #" + digits(4)}[r.IntN(4)]
		agentName, _, _ := strings.Cut(agent, " #")
		email := "alex" + digits(3) + "@example.org"
		secrets := map[string]string{"phone": phone, "card": card, "account": account, "id": id, "passport": passport, "email": email}
		spaced := func(s string) string {
			switch r.IntN(3) {
			case 0:
				return s
			case 1:
				var b strings.Builder
				for i := 0; i < len(s); i += 4 {
					if i > 0 {
						b.WriteByte(' ')
					}
					b.WriteString(s[i:min(i+4, len(s))])
				}
				return b.String()
			}
			return s[:3] + "-" + s[3:7] + "-" + s[7:]
		}
		text := func() string {
			parts := []string{"客服" + agentName + "说", "手机" + spaced(phone), "卡号" + spaced(card), "账户" + account,
				"身份证" + id, "护照" + passport, "邮箱 " + email, "call " + agentName + " back", "Ref T-" + digits(4)}
			r.Shuffle(len(parts), func(i, j int) { parts[i], parts[j] = parts[j], parts[i] })
			return strings.Join(parts[:3+r.IntN(len(parts)-3)], "，")
		}
		c := evidence.Case{Provider: "OKPay", Problem: evidence.Problems[r.IntN(len(evidence.Problems))],
			Jurisdiction: evidence.CN, Amount: evidence.Money{Minor: int64(r.IntN(1000000)), Currency: "CNY"},
			Incident: "2026-11-20", Remedy: text(), Title: text(),
			Complainant: evidence.Complainant{Name: "张三", Contact: email, AccountID: account}}
		var events []evidence.Event
		for i := range 1 + r.IntN(12) {
			when := at("2026-11-20 09:00").Add(time.Duration(r.IntN(600)) * time.Hour)
			e := evidence.Event{ID: fmt.Sprintf("e%02d", i), At: when, Summary: text(), Reference: []string{"", "T-" + digits(4), text()}[r.IntN(3)]}
			switch r.IntN(4) {
			case 0:
				e.Kind = evidence.KindTransaction
				e.Transaction = &evidence.Transaction{TxID: []string{digits(20), "TX" + digits(16), card}[r.IntN(3)],
					Amount: evidence.Money{Minor: int64(r.IntN(100000)), Currency: "CNY"}, Status: text()}
			case 1:
				e.Kind = evidence.KindContact
				e.Contact = &evidence.Contact{Channel: evidence.Channels[r.IntN(len(evidence.Channels))], Direction: evidence.Outbound,
					Agent: agent, Promise: text()}
				if r.IntN(2) == 0 {
					e.Contact.PromiseBy = ptr(when.Add(24 * time.Hour))
				}
			case 2:
				e.Kind = evidence.KindLetter
				e.Letter = &evidence.Letter{To: evidence.Parties[r.IntN(3)]}
			default:
				e.Kind = evidence.KindResponse
				e.Response = &evidence.Response{From: evidence.ToProvider, Outcome: text(), Final: r.IntN(3) == 0}
			}
			events = append(events, e)
		}
		now := at("2027-01-10 12:00")
		for _, l := range evidence.Languages {
			for _, n := range Lengths {
				mention := "@OKPay"
				if n == Long {
					mention += " " + phone // no room for it in 140 characters
				}
				d, err := Compose(c, events, l, n, Options{Now: now, Mention: mention})
				if err != nil {
					t.Fatalf("iteration %d %s %s: %v", iter, l, n, err)
				}
				out := d.Title + "\n" + d.Text + "\n" + d.Ask
				compact := strings.NewReplacer(" ", "", "-", "").Replace(out)
				for what, s := range secrets {
					keep := s
					if what == "phone" || what == "card" {
						keep = s[:len(s)-4] // all but the last four digits
					}
					if strings.Contains(compact, keep) {
						t.Fatalf("iteration %d %s %s: the %s %s survives:\n%s", iter, l, n, what, s, out)
					}
				}
				if idTail := id[len(id)-6:]; strings.Contains(compact, idTail) {
					t.Fatalf("iteration %d %s %s: part of the ID %s survives:\n%s", iter, l, n, id, out)
				}
				// Names are known from the agents recorded on contacts.
				recorded := slices.ContainsFunc(events, func(e evidence.Event) bool { return e.Contact != nil })
				if recorded && strings.Contains(out, agentName) {
					t.Fatalf("iteration %d %s %s: the agent's name %s survives:\n%s", iter, l, n, agentName, out)
				}
				if leaks(out) {
					t.Fatalf("iteration %d %s %s: the draft holds maskable data:\n%s", iter, l, n, out)
				}
				checkCounts(t, d)
			}
		}
	}
}

var maskTail = regexp.MustCompile(evidence.Mask + `[0-9]{0,4}`)

// leaks reports whether s holds a number that Redact or RemoveIDs would
// still mask. The four digits a mask keeps are set aside first: beside a
// neighbouring number (a masked phone before "2026年") they would look
// like a new one.
func leaks(s string) bool {
	x := maskTail.ReplaceAllString(s, evidence.Mask)
	return evidence.Redact(evidence.RemoveIDs(x)) != x
}

// FuzzCompose feeds arbitrary text into every free-text field: the draft
// must fit or say why, and hold nothing Redact or RemoveIDs would still
// mask.
func FuzzCompose(f *testing.F) {
	for _, s := range []string{"客服说24小时内到账", "身份证110105199003071234", "+86 138 1234 5678", "a@b.cn",
		"https://example.com/x", "👨‍👩‍👧‍👦", strings.Repeat("长", 3000), "{provider}", "\x00\n\t"} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		c, events := okpay()
		c.Remedy, c.Provider = a, "OKPay"+b
		events[2].Summary, events[2].Contact.Promise, events[2].Contact.Agent = a, b, b
		events[0].Transaction.Status = b
		for _, l := range evidence.Languages {
			for _, n := range Lengths {
				d, err := Compose(c, events, l, n, Options{Now: okpayNow, Mention: b})
				if err != nil {
					var le *lang.Error
					if !errors.As(err, &le) || le.Key != "post.too-long" {
						t.Fatalf("Compose: unexpected error %v", err)
					}
					continue
				}
				if !d.Fits() {
					t.Fatalf("Compose(%s, %s) over the limit without an error: %+v", l, n, d.Counts)
				}
				for _, s := range []string{d.Text, d.Title} {
					if leaks(s) {
						t.Fatalf("draft still holds maskable data:\n%s", s)
					}
				}
			}
		}
	})
}

// TestPrefitChangesNothing composes long drafts of random timelines with
// and without the shortcut that spares re-counting: the drafts must be
// the same.
func TestPrefitChangesNothing(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	words := []string{"催促", "客服说在处理", "\u0301accent first", "한글", "\u1161\u11a8 jamo", "no reply", "😷", "e\u0301"}
	defer func() { usePrefit = true }()
	for iter := range 12 {
		c, events := okpay()
		for i := range r.IntN(160) {
			var b strings.Builder
			for range 1 + r.IntN(8) {
				b.WriteString(words[r.IntN(len(words))])
			}
			events = append(events, evidence.Event{ID: fmt.Sprintf("z%03d", i), Kind: evidence.KindContact,
				At: at("2026-11-27 09:00").Add(time.Duration(i) * time.Hour), Summary: b.String(),
				Contact: &evidence.Contact{Channel: evidence.Chat, Direction: evidence.Outbound}})
		}
		for _, l := range evidence.Languages {
			usePrefit = true
			fast, err1 := Compose(c, events, l, Long, Options{Now: at("2027-02-01 12:00")})
			usePrefit = false
			slow, err2 := Compose(c, events, l, Long, Options{Now: at("2027-02-01 12:00")})
			if fast.Text != slow.Text || (err1 == nil) != (err2 == nil) {
				t.Fatalf("iteration %d %s: prefit changed the draft:\n%s\nvs\n%s", iter, l, fast.Text, slow.Text)
			}
			checkCounts(t, fast)
		}
	}
}
