package letters

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"redress/evidence"
)

var (
	cst        = time.FixedZone("CST", 8*3600)
	letterDate = time.Date(2026, 11, 22, 9, 0, 0, 0, cst)
)

func cny(minor int64) evidence.Money { return evidence.Money{Minor: minor, Currency: "CNY"} }

func ptr[T any](v T) *T { return &v }

// fullCase is a case with every field filled in.
func fullCase(p evidence.Problem) evidence.Case {
	return evidence.Case{
		ID: "6f1c2a4e-0000-4000-8000-000000000001", Title: "Money missing after top-up",
		Provider: "BrightPay", Problem: p, Jurisdiction: evidence.CN, Amount: cny(128000),
		Incident: "2026-11-18", Language: evidence.Chinese,
		Complainant: evidence.Complainant{Name: "Zhang Wei", Contact: "zhang.wei@example.com",
			Address: "12 Garden Road\nShanghai 200000", AccountID: "BP-7731-0042"},
		Remedy: "Credit 1,280.00 CNY to my account",
	}
}

// fullEvents is a timeline with a transaction, a contact whose promise was
// broken, a formal letter to the provider and no answer, given newest first.
func fullEvents() []evidence.Event {
	return []evidence.Event{
		{ID: "l1", Kind: evidence.KindLetter, At: time.Date(2026, 11, 20, 16, 0, 0, 0, cst), Reference: "LTR-77",
			Letter: &evidence.Letter{To: evidence.ToProvider, Method: "email", Name: "Complaints Team"}},
		{ID: "c1", Kind: evidence.KindContact, At: time.Date(2026, 11, 18, 10, 5, 0, 0, cst), Reference: "CS-4411",
			Summary: "Agent confirmed the payment was received",
			Contact: &evidence.Contact{Channel: evidence.Chat, Direction: evidence.Outbound, Agent: "Li Na",
				Promise: "The money will be credited within 24 hours.", PromiseBy: ptr(time.Date(2026, 11, 19, 10, 5, 0, 0, cst))}},
		{ID: "t1", Kind: evidence.KindTransaction, At: time.Date(2026, 11, 18, 9, 30, 0, 0, cst),
			Transaction: &evidence.Transaction{TxID: "TX2026111809300042", Amount: cny(128000), Direction: evidence.MoneyOut, Status: "Processing"}},
		{ID: "n1", Kind: evidence.KindNote, At: time.Date(2026, 11, 18, 11, 0, 0, 0, cst), Summary: "private note"},
		{ID: "x1", Kind: evidence.KindTransaction, At: time.Date(2026, 11, 18, 8, 0, 0, 0, cst), Archived: ptr(letterDate),
			Transaction: &evidence.Transaction{TxID: "TX-ARCHIVED-999"}},
	}
}

var fullExhibits = []Exhibit{
	{Number: "E-1", Caption: "Top-up receipt", Kind: evidence.KindScreenshot, FileName: "IMG_0001.png", EventID: "t1"},
	{Number: "E-2", Caption: "Chat transcript", Kind: evidence.KindDocument, FileName: "chat.pdf", EventID: "c1"},
	{Number: "E-3", Kind: evidence.KindScreenshot, FileName: "balance.png"},
}

// kindPhrases is wording that only the letters for one problem kind use.
var kindPhrases = map[evidence.Problem]map[evidence.Language]string{
	evidence.TopupNotCredited:        {evidence.English: "has not been credited to my balance", evidence.Chinese: "至今未计入本人的账户余额"},
	evidence.WithdrawalDelayed:       {evidence.English: "has not arrived in my bank account", evidence.Chinese: "至今仍未到达本人银行账户"},
	evidence.TransferNotReceived:     {evidence.English: "the payee has not received it", evidence.Chinese: "收款方至今未收到"},
	evidence.PaymentFailed:           {evidence.English: "reported as failed", evidence.Chinese: "系统显示支付失败"},
	evidence.AccountFrozen:           {evidence.English: "was frozen", evidence.Chinese: "无法支取账户内的资金"},
	evidence.RefundRefused:           {evidence.English: "The refund was refused", evidence.Chinese: "退款申请遭到拒绝"},
	evidence.UnauthorizedTransaction: {evidence.English: "did not make or authorise", evidence.Chinese: "未曾进行、也未曾授权"},
	evidence.IncorrectRecord:         {evidence.English: "records of my account", evidence.Chinese: "交易记录有误"},
	evidence.AccountClosure:          {evidence.English: "closed my account", evidence.Chinese: "关闭了本人的账户"},
	evidence.OtherProblem:            {evidence.English: "I encountered a problem", evidence.Chinese: "时遇到问题"},
}

// want is what every full letter must contain, per language and recipient.
func want(lang evidence.Language, to Recipient) []string {
	if lang == evidence.Chinese {
		w := []string{"事由：关于", "尊敬的", "Zhang Wei", "BP-7731-0042", "zhang.wei@example.com",
			"交易号TX2026111809300042", "金额人民币1,280.00元", "2026年11月18日 09:30（UTC+08:00）",
			"客服：Li Na", "编号：CS-4411", "通过在线客服", "承诺：“The money will be credited within 24 hours”",
			"该承诺未兑现", "Credit 1,280.00 CNY to my account", "争议金额为人民币1,280.00元",
			"附件：\nE-1 — Top-up receipt（IMG_0001.png）\nE-2 — Chat transcript（chat.pdf）\nE-3 — 截图（balance.png）",
			"（见附件E-1）", "见附件E-2", "此致\n敬礼！", "投诉人（签字）：\n姓名：Zhang Wei\n联系方式：zhang.wei@example.com",
			"账户：BP-7731-0042", "日期：2026年11月22日\n", "本人投诉的法律依据如下：", "《消费者权益保护法》第四十六条"}
		switch to {
		case Provider:
			return append(w, "最迟于2026年12月7日前", "自收到本函之日起15日内", "BrightPay客户投诉部", "贵司",
				"如届时未获满意答复，本人将向中国人民银行（12363）等有关部门反映。")
		case Association:
			return append(w, "盼复。", "致：当地消费者协会", "被投诉人：BrightPay", "依照《消费者权益保护法》第三十七条，恳请贵会受理",
				"2026年11月20日，本人通过email向BrightPay提交了书面投诉（收件人：Complaints Team；编号：LTR-77）", "BrightPay至今未作答复")
		}
		return append(w, "即于2026年12月1日前", "自收到本函之日起7个工作日内予以处理并告知本人", "被投诉人：BrightPay",
			"2026年11月20日，本人通过email向BrightPay提交了书面投诉（收件人：Complaints Team；编号：LTR-77）", "BrightPay至今未作答复")
	}
	w := []string{"Re: ", "Dear Sir or Madam,", "Zhang Wei", "BP-7731-0042", "zhang.wei@example.com",
		"transaction ID TX2026111809300042", "1,280.00 CNY", "18 November 2026 at 09:30 (UTC+08:00)",
		"agent: Li Na", "reference: CS-4411", "through online chat", "promised: \"The money will be credited within 24 hours\"",
		"This promise was not kept", "Credit 1,280.00 CNY to my account", "The amount in dispute is 1,280.00 CNY.",
		"Enclosures:\nE-1 — Top-up receipt (IMG_0001.png)\nE-2 — Chat transcript (chat.pdf)\nE-3 — Screenshot (balance.png)",
		"(see E-1)", "see E-2)", "Yours faithfully,", "Contact: zhang.wei@example.com", "Account ID: BP-7731-0042",
		"22 November 2026\n", "My complaint rests on the following rules:"}
	switch to {
	case Provider:
		return append(w, "that is by 7 December 2026 if it reaches you on the date of this letter", "within 15 days of receiving this complaint",
			"BrightPay Complaints Team\n", "Re: Formal complaint", "I intend to refer the matter to the People's Bank of China (12363).")
	case Association:
		return append(w, "I look forward to hearing from you.", "Local Consumers' Association", "Company complained about: BrightPay",
			"Re: Complaint against BrightPay",
			"On 20 November 2026 I sent a written complaint to BrightPay by email (addressed to Complaints Team; reference: LTR-77).",
			"BrightPay did not answer my complaint of 20 November 2026")
	}
	return append(w, "by 1 December 2026", "within 7 business days of receiving it", "Re: Complaint against BrightPay",
		"Company complained about: BrightPay",
		"On 20 November 2026 I sent a written complaint to BrightPay by email (addressed to Complaints Team; reference: LTR-77).",
		"BrightPay did not answer my complaint of 20 November 2026")
}

// checkClean fails when a letter shows template debris or a placeholder.
func checkClean(t *testing.T, l Letter) {
	t.Helper()
	text := l.Text()
	for _, bad := range []string{"{", "}", "%!", "<nil>", "[", "]", "()", "（）", " ,", " .", "..", "。。", "，，",
		"：。", ": .", "  ", "\n\n\n", "TX-ARCHIVED-999", "private note"} {
		if strings.Contains(text, bad) {
			t.Errorf("Text() contains %q:\n%s", bad, text)
		}
	}
	for _, p := range l.Paragraphs {
		if !strings.Contains(text, p) {
			t.Errorf("Text() lacks paragraph %q", p)
		}
	}
	for _, s := range append(append(append([]string{l.Subject, l.Salutation, l.Date, l.Closing}, l.Enclosures...), l.Signature...), l.Addressee...) {
		if !strings.Contains(text, s) {
			t.Errorf("Text() lacks %q", s)
		}
	}
	if strings.Contains(text, "\u3000\u3000") != (l.Lang == evidence.Chinese) {
		t.Errorf("Text() paragraph indent does not match language %s", l.Lang)
	}
}

func TestComposeEveryKindRecipientLanguage(t *testing.T) {
	for _, p := range evidence.Problems {
		for _, to := range Recipients {
			for _, lang := range evidence.Languages {
				t.Run(fmt.Sprintf("%s/%s/%s", p, to, lang), func(t *testing.T) {
					in := Input{Case: fullCase(p), Events: fullEvents(), To: to, Lang: lang, Date: letterDate, Exhibits: fullExhibits}
					l := Compose(in)
					text := l.Text()
					if l.Lang != lang {
						t.Errorf("Compose(%s).Lang = %q, want %q", lang, l.Lang, lang)
					}
					for _, s := range append(want(lang, to), kindPhrases[p][lang]) {
						if !strings.Contains(text, s) {
							t.Errorf("Compose(%s, %s, %s).Text() lacks %q:\n%s", p, to, lang, s, text)
						}
					}
					for other, phrases := range kindPhrases {
						if other != p && strings.Contains(text, phrases[lang]) {
							t.Errorf("Compose(%s, %s, %s).Text() has %s wording %q", p, to, lang, other, phrases[lang])
						}
					}
					checkClean(t, l)
				})
			}
		}
	}
}

// A case with nothing but the required fields must read as a letter, not a
// form with holes.
func TestComposeMissingData(t *testing.T) {
	for _, p := range evidence.Problems {
		for _, to := range Recipients {
			for _, lang := range evidence.Languages {
				t.Run(fmt.Sprintf("%s/%s/%s", p, to, lang), func(t *testing.T) {
					in := Input{Case: evidence.Case{Problem: p, Jurisdiction: evidence.Other}, To: to, Lang: lang, Date: letterDate,
						Events: []evidence.Event{
							{ID: "c", Kind: evidence.KindContact, At: letterDate.Add(-48 * time.Hour), Contact: &evidence.Contact{PromiseBy: ptr(letterDate.Add(-24 * time.Hour))}},
							{ID: "t", Kind: evidence.KindTransaction, At: letterDate.Add(-72 * time.Hour), Transaction: &evidence.Transaction{}},
							{ID: "r", Kind: evidence.KindResponse, At: letterDate.Add(-time.Hour), Response: &evidence.Response{}},
							{ID: "l", Kind: evidence.KindLetter, At: letterDate.Add(-2 * time.Hour), Letter: &evidence.Letter{}},
						},
						Exhibits: []Exhibit{{Number: "E-1"}}}
					l := Compose(in)
					checkClean(t, l)
					text := l.Text()
					prefix := map[evidence.Language]string{evidence.English: "Re: ", evidence.Chinese: "事由："}[lang]
					if !strings.HasPrefix(l.Subject, prefix) {
						t.Errorf("Compose(empty case).Subject = %q, want prefix %q", l.Subject, prefix)
					}
					wantSig := map[evidence.Language]int{evidence.English: 0, evidence.Chinese: 1}[lang] // 投诉人（签字）：
					if len(l.Signature) != wantSig || len(l.Sender) != 0 {
						t.Errorf("Compose(empty case) Signature = %q, Sender = %q, want %d lines and none", l.Signature, l.Sender, wantSig)
					}
					if l.Enclosures[0] != "E-1" {
						t.Errorf("Compose(bare exhibit).Enclosures = %q, want [E-1]", l.Enclosures)
					}
					for _, s := range []string{"My name is", "account ID", "amount in dispute", "本人，系", "账户为", "争议金额"} {
						if strings.Contains(text, s) {
							t.Errorf("Compose(empty case).Text() contains %q:\n%s", s, text)
						}
					}
				})
			}
		}
	}
}

func TestComposeProviderAnswered(t *testing.T) {
	events := append(fullEvents(), evidence.Event{ID: "r1", Kind: evidence.KindResponse, At: time.Date(2026, 11, 21, 15, 0, 0, 0, cst),
		Reference: "RSP-5", Response: &evidence.Response{From: evidence.ToProvider, Outcome: "We decline to refund.", Final: true}})
	tests := []struct {
		lang      evidence.Language
		to        Recipient
		has, lack []string
	}{
		{evidence.English, Association, []string{"On 21 November 2026 BrightPay replied (reference: RSP-5): \"We decline to refund\".", "BrightPay stated that this was its final response."}, []string{"did not answer"}},
		{evidence.English, Provider, []string{"On 21 November 2026 you replied (reference: RSP-5)", "You described this as your final response."}, []string{"did not answer"}},
		{evidence.Chinese, Regulator, []string{"2026年11月21日，BrightPay作出答复（编号：RSP-5）：“We decline to refund”。BrightPay表示此为最终答复。"}, []string{"未作答复"}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%s", tt.to, tt.lang), func(t *testing.T) {
			text := Compose(Input{Case: fullCase(evidence.RefundRefused), Events: events, To: tt.to, Lang: tt.lang, Date: letterDate}).Text()
			for _, s := range tt.has {
				if !strings.Contains(text, s) {
					t.Errorf("Text() lacks %q:\n%s", s, text)
				}
			}
			for _, s := range tt.lack {
				if strings.Contains(text, s) {
					t.Errorf("Text() has %q:\n%s", s, text)
				}
			}
		})
	}
}

func TestComposeNotFinalAnswer(t *testing.T) {
	events := []evidence.Event{
		{ID: "c", Kind: evidence.KindContact, At: time.Date(2026, 11, 18, 10, 0, 0, 0, cst), Contact: &evidence.Contact{Channel: evidence.Phone}},
		{ID: "r", Kind: evidence.KindResponse, At: time.Date(2026, 11, 19, 10, 0, 0, 0, cst), Summary: "Holding reply", Response: &evidence.Response{}},
	}
	l := Compose(Input{Case: fullCase(evidence.AccountFrozen), Events: events, To: Regulator, Lang: evidence.English, Date: letterDate})
	for _, s := range []string{"I raised my complaint with BrightPay through the contacts listed above.", "BrightPay replied: \"Holding reply\".",
		"None of these replies was a final response"} {
		if !strings.Contains(l.Text(), s) {
			t.Errorf("Text() lacks %q:\n%s", s, l.Text())
		}
	}
	// Nothing at all on record: no claim that a complaint went unanswered.
	l = Compose(Input{Case: fullCase(evidence.AccountFrozen), To: Association, Lang: evidence.English, Date: letterDate})
	if s := "As of the date of this letter I have received no response from BrightPay."; !strings.Contains(l.Text(), s) {
		t.Errorf("Text() lacks %q:\n%s", s, l.Text())
	}
	l = Compose(Input{Case: fullCase(evidence.AccountFrozen), To: Association, Lang: evidence.Chinese, Date: letterDate})
	if s := "截至本函日期，本人未收到BrightPay的任何答复。"; !strings.Contains(l.Text(), s) {
		t.Errorf("Text() lacks %q:\n%s", s, l.Text())
	}
}

func TestComposePromises(t *testing.T) {
	contactAt := time.Date(2026, 11, 18, 10, 0, 0, 0, cst)
	by := time.Date(2026, 11, 19, 10, 0, 0, 0, cst)
	contact := evidence.Event{ID: "c", Kind: evidence.KindContact, At: contactAt,
		Contact: &evidence.Contact{Channel: evidence.Phone, Promise: "A call back", PromiseBy: &by}}
	tests := []struct {
		name   string
		extra  []evidence.Event
		date   time.Time
		broken bool
	}{
		{"nothing happened", nil, letterDate, true},
		{"not due yet", nil, time.Date(2026, 11, 19, 9, 0, 0, 0, cst), false},
		{"response in time", []evidence.Event{{ID: "r", Kind: evidence.KindResponse, At: by.Add(-time.Hour), Response: &evidence.Response{}}}, letterDate, false},
		{"transaction in time", []evidence.Event{{ID: "t", Kind: evidence.KindTransaction, At: by, Transaction: &evidence.Transaction{TxID: "T"}}}, letterDate, false},
		{"response too late", []evidence.Event{{ID: "r", Kind: evidence.KindResponse, At: by.Add(time.Hour), Response: &evidence.Response{}}}, letterDate, true},
		{"transaction before the promise", []evidence.Event{{ID: "t", Kind: evidence.KindTransaction, At: contactAt.Add(-time.Hour), Transaction: &evidence.Transaction{TxID: "T"}}}, letterDate, true},
		{"response from the regulator", []evidence.Event{{ID: "r", Kind: evidence.KindResponse, At: by.Add(-time.Hour), Response: &evidence.Response{From: evidence.ToRegulator}}}, letterDate, true},
		{"archived response", []evidence.Event{{ID: "r", Kind: evidence.KindResponse, At: by.Add(-time.Hour), Archived: &by, Response: &evidence.Response{}}}, letterDate, true},
	}
	for _, tt := range tests {
		for _, lang := range evidence.Languages {
			t.Run(tt.name+"/"+string(lang), func(t *testing.T) {
				l := Compose(Input{Case: fullCase(evidence.WithdrawalDelayed), Events: append([]evidence.Event{contact}, tt.extra...), Lang: lang, Date: tt.date})
				text := l.Text()
				phrase := map[evidence.Language]string{evidence.English: "This promise was not kept", evidence.Chinese: "该承诺未兑现"}[lang]
				if got := strings.Contains(text, phrase); got != tt.broken {
					t.Errorf("broken promise sentence present = %v, want %v:\n%s", got, tt.broken, text)
				}
				promised := map[evidence.Language]string{evidence.English: "promised: \"A call back\". The promised date was 19 November 2026 at 10:00 (UTC+08:00).",
					evidence.Chinese: "承诺：“A call back”。承诺期限为2026年11月19日 10:00（UTC+08:00）。"}[lang]
				if !strings.Contains(text, promised) {
					t.Errorf("Text() lacks %q:\n%s", promised, text)
				}
			})
		}
	}
}

func TestComposePromiseWithoutWords(t *testing.T) {
	by := time.Date(2026, 11, 19, 10, 0, 0, 0, cst)
	events := []evidence.Event{{ID: "c", Kind: evidence.KindContact, At: by.Add(-24 * time.Hour), Contact: &evidence.Contact{Channel: evidence.Email, PromiseBy: &by}}}
	for lang, s := range map[evidence.Language]string{
		evidence.English: "On 18 November 2026, your agent promised that the matter would be resolved by 19 November 2026 at 10:00 (UTC+08:00). This promise was not kept",
		evidence.Chinese: "2026年11月18日，贵司客服承诺于2026年11月19日 10:00（UTC+08:00）前解决此事。该承诺未兑现",
	} {
		if text := Compose(Input{Case: fullCase(evidence.PaymentFailed), Events: events, Lang: lang, Date: letterDate}).Text(); !strings.Contains(text, s) {
			t.Errorf("Text(%s) lacks %q:\n%s", lang, s, text)
		}
	}
}

func TestComposeEventOrderAndOffsets(t *testing.T) {
	ny := time.FixedZone("EST", -5*3600)
	events := []evidence.Event{
		{ID: "b", Kind: evidence.KindContact, At: time.Date(2026, 11, 20, 23, 30, 0, 0, ny), Reference: "SECOND", Contact: &evidence.Contact{Channel: evidence.Phone, Direction: evidence.Inbound}},
		{ID: "a", Kind: evidence.KindContact, At: time.Date(2026, 11, 20, 9, 0, 0, 0, cst), Reference: "FIRST", Contact: &evidence.Contact{Channel: evidence.Visit}},
	}
	text := Compose(Input{Case: fullCase(evidence.TransferNotReceived), Events: events, Lang: evidence.English, Date: letterDate}).Text()
	first, second := strings.Index(text, "FIRST"), strings.Index(text, "SECOND")
	if first < 0 || second < 0 || first > second {
		t.Errorf("contacts not in time order:\n%s", text)
	}
	for _, s := range []string{"1. On 20 November 2026 at 09:00 (UTC+08:00) I contacted you in person (reference: FIRST).",
		"2. On 20 November 2026 at 23:30 (UTC-05:00) you contacted me by phone (reference: SECOND)."} {
		if !strings.Contains(text, s) {
			t.Errorf("Text() lacks %q:\n%s", s, text)
		}
	}
	text = Compose(Input{Case: fullCase(evidence.TransferNotReceived), Events: events, Lang: evidence.Chinese, Date: letterDate, To: Association}).Text()
	for _, s := range []string{"1. 2026年11月20日 09:00（UTC+08:00），本人前往BrightPay当面沟通（编号：FIRST）。",
		"2. 2026年11月20日 23:30（UTC-05:00），BrightPay通过电话联系本人（编号：SECOND）。"} {
		if !strings.Contains(text, s) {
			t.Errorf("Text() lacks %q:\n%s", s, text)
		}
	}
}

// TestComposeReplyDays: the reply date is the statutory one, counted by
// hand from the letter's date (Sunday 22 November 2026) — UK and EU 15
// business days to Friday 11 December; CN 15 days to 7 December; a Chinese
// authority 7 working days to Tuesday 1 December; US Regulation E 10
// business days to Friday 4 December — never shorter when ReplyDays asks
// for less; 14 days (6 December) where no law sets one.
func TestComposeReplyDays(t *testing.T) {
	tests := []struct {
		name string
		j    evidence.Jurisdiction
		p    evidence.Problem
		to   Recipient
		days int
		want string
	}{
		{"CN provider", evidence.CN, evidence.OtherProblem, Provider, 0,
			"within 15 days of receiving this complaint, that is by 7 December 2026 if it reaches you on the date of this letter."},
		{"CN association: no statutory date", evidence.CN, evidence.OtherProblem, Association, 0, "I look forward to hearing from you."},
		{"CN regulator: 7 working days", evidence.CN, evidence.OtherProblem, Regulator, -3, "within 7 business days of receiving it: I look forward to hearing from you by 1 December 2026."},
		{"never shorter than the law", evidence.CN, evidence.OtherProblem, Provider, 1, "that is by 7 December 2026 if it reaches you"},
		{"longer than the law", evidence.CN, evidence.OtherProblem, Regulator, 56, "within 56 days of the date of this letter, that is by 17 January 2027."},
		{"UK provider", evidence.UK, evidence.PaymentFailed, Provider, 0,
			"Under FCA DISP 1.6.2A R you must send me your final response within 15 business days of receiving this complaint, that is by 11 December 2026 if it reaches you on the date of this letter."},
		{"UK provider, longer by choice", evidence.UK, evidence.PaymentFailed, Provider, 30, "within 30 days of the date of this letter, that is by 22 December 2026."},
		{"EU provider", evidence.EU, evidence.RefundRefused, Provider, 0,
			"Under PSD2 art. 101(2) you must send me your final response within 15 business days of receiving this complaint, that is by 11 December 2026"},
		{"US error: Regulation E", evidence.US, evidence.TopupNotCredited, Provider, 0,
			"This letter is a notice of error under Regulation E, 12 CFR 1005.11(c). You must investigate it within 10 business days of receiving it, that is by December 4, 2026 if it reaches you"},
		{"US, no error: 14 days", evidence.US, evidence.AccountFrozen, Provider, 0, "within 14 days of the date of this letter, that is by December 6, 2026."},
		{"OTHER: 14 days", evidence.Other, evidence.AccountFrozen, Provider, 0, "within 14 days of the date of this letter, that is by 6 December 2026."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := fullCase(tt.p)
			c.Jurisdiction = tt.j
			text := Compose(Input{Case: c, To: tt.to, Lang: evidence.English, Date: letterDate, ReplyDays: tt.days}).Text()
			if !strings.Contains(text, tt.want) {
				t.Errorf("Compose(%s, %s, %s, ReplyDays %d).Text() lacks %q:\n%s", tt.j, tt.p, tt.to, tt.days, tt.want, text)
			}
		})
	}
}

func TestComposeAddressees(t *testing.T) {
	tests := []struct {
		j         evidence.Jurisdiction
		to        Recipient
		body      string
		city      string
		lang      evidence.Language
		addressee string
		salute    string
	}{
		{evidence.CN, Association, "", "", evidence.Chinese, "致：当地消费者协会", "尊敬的当地消费者协会："},
		{evidence.CN, Association, "", "上海", evidence.Chinese, "致：上海市消费者协会", "尊敬的上海市消费者协会："},
		{evidence.CN, Association, "", "杭州市", evidence.Chinese, "致：杭州市消费者协会", "尊敬的杭州市消费者协会："},
		{evidence.CN, Association, "", "Shanghai", evidence.English, "Shanghai Consumers' Association", "Dear Sir or Madam,"},
		{evidence.CN, Regulator, "", "", evidence.Chinese, "致：中国人民银行当地分行\n金融消费权益保护（12363）", "尊敬的中国人民银行当地分行："},
		{evidence.CN, Regulator, "", "深圳", evidence.Chinese, "致：中国人民银行深圳市分行\n金融消费权益保护（12363）", "尊敬的中国人民银行深圳市分行："},
		{evidence.CN, Regulator, "cn.pboc", "上海市", evidence.Chinese, "致：中国人民银行上海市分行\n金融消费权益保护（12363）", "尊敬的中国人民银行上海市分行："},
		{evidence.CN, Regulator, "", "Shenzhen", evidence.English, "People's Bank of China, Shenzhen Branch (Financial Consumer Protection, 12363)", "Dear Sir or Madam,"},
		{evidence.CN, Regulator, "cn.12315", "", evidence.Chinese, "致：市场监督管理部门\n（全国12315平台）", "尊敬的市场监督管理部门："},
		{evidence.CN, Regulator, "cn.nfra", "", evidence.Chinese, "致：国家金融监督管理总局\n消费者权益保护（12378）", "尊敬的国家金融监督管理总局："},
		{evidence.CN, Regulator, "uk.fos", "", evidence.Chinese, "致：中国人民银行当地分行\n金融消费权益保护（12363）", "尊敬的中国人民银行当地分行："},
		{evidence.CN, Regulator, "", "", evidence.English, "People's Bank of China, local branch (Financial Consumer Protection, 12363)", "Dear Sir or Madam,"},
		{evidence.UK, Regulator, "", "", evidence.English, "Financial Ombudsman Service", "Dear Sir or Madam,"},
		{evidence.UK, Association, "", "", evidence.English, "Citizens Advice", "Dear Sir or Madam,"},
		{evidence.EU, Regulator, "", "", evidence.English, "National Competent Authority for Payment Services", "Dear Sir or Madam,"},
		{evidence.EU, Association, "", "", evidence.English, "Alternative Dispute Resolution Body", "Dear Sir or Madam,"},
		{evidence.EU, Association, "eu.ecc", "", evidence.English, "European Consumer Centre", "Dear Sir or Madam,"},
		{evidence.US, Regulator, "", "", evidence.English, "Consumer Financial Protection Bureau", "Dear Sir or Madam:"},
		{evidence.US, Regulator, "us.state-regulator", "", evidence.English, "State Money Transmitter Regulator", "Dear Sir or Madam:"},
		{evidence.US, Association, "", "", evidence.English, "Office of the Attorney General, Consumer Protection Division", "Dear Sir or Madam:"},
		{evidence.Other, Regulator, "", "", evidence.Chinese, "致：金融监管机构或金融申诉专员", "尊敬的金融监管机构或金融申诉专员："},
		{"", Association, "", "", evidence.English, "Consumer Protection Organisation", "Dear Sir or Madam,"},
		{evidence.UK, Provider, "", "", evidence.Chinese, "致：BrightPay客户投诉部", "尊敬的BrightPay客户投诉部："},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%s/%s/%s/%s", tt.j, tt.to, tt.body, tt.city, tt.lang), func(t *testing.T) {
			c := fullCase(evidence.OtherProblem)
			c.Jurisdiction = tt.j
			l := Compose(Input{Case: c, To: tt.to, Body: tt.body, City: tt.city, Lang: tt.lang, Date: letterDate})
			if got := strings.Join(l.Addressee, "\n"); got != tt.addressee {
				t.Errorf("Compose(%s, %s, %s).Addressee = %q, want %q", tt.j, tt.to, tt.body, got, tt.addressee)
			}
			if l.Salutation != tt.salute {
				t.Errorf("Compose(%s, %s).Salutation = %q, want %q", tt.j, tt.to, l.Salutation, tt.salute)
			}
		})
	}
	l := Compose(Input{Case: fullCase(evidence.OtherProblem), To: Regulator, Lang: evidence.Chinese, Date: letterDate,
		RecipientName: "中国人民银行上海总部", RecipientAddress: "上海市浦东新区\n陆家嘴东路181号",
		ProviderAddress: "北京市朝阳区\n某某路1号", ProviderContact: "95188"})
	if got, want := strings.Join(l.Addressee, "\n"), "致：中国人民银行上海总部\n上海市浦东新区\n陆家嘴东路181号"; got != want {
		t.Errorf("Compose(RecipientName).Addressee = %q, want %q", got, want)
	}
	if l.Salutation != "尊敬的中国人民银行上海总部：" {
		t.Errorf("Compose(RecipientName).Salutation = %q", l.Salutation)
	}
	if got, want := strings.Join(l.Respondent, "\n"), "被投诉人：BrightPay\n地址：北京市朝阳区\n某某路1号\n联系方式：95188"; got != want {
		t.Errorf("Compose(provider details).Respondent = %q, want %q", got, want)
	}
	if l := Compose(Input{Case: fullCase(evidence.OtherProblem), To: Provider, Lang: evidence.Chinese, Date: letterDate,
		ProviderAddress: "北京市"}); len(l.Respondent) != 0 {
		t.Errorf("a letter to the provider names it as the respondent: %q", l.Respondent)
	}
}

func TestComposeDefaults(t *testing.T) {
	c := fullCase(evidence.TopupNotCredited)
	l := Compose(Input{Case: c, To: "nobody", Lang: "fr", Date: letterDate})
	if l.Lang != evidence.Chinese || !strings.Contains(l.Subject, "正式投诉") {
		t.Errorf("Compose(unknown to and lang) = %q, %q; want a Chinese letter to the provider (the case language)", l.Lang, l.Subject)
	}
	c.Language = ""
	if l := Compose(Input{Case: c, Date: letterDate}); l.Lang != evidence.English {
		t.Errorf("Compose(no language).Lang = %q, want en", l.Lang)
	}
	// With no incident date, the first transaction dates the story.
	c.Incident = ""
	text := Compose(Input{Case: c, Events: fullEvents(), Lang: evidence.English, Date: letterDate}).Text()
	if s := "On 18 November 2026, I made a top-up of 1,280.00 CNY to my account with you."; !strings.Contains(text, s) {
		t.Errorf("Text() lacks %q:\n%s", s, text)
	}
	// With no remedy, a default one for the kind.
	c.Remedy = ""
	text = Compose(Input{Case: c, Lang: evidence.Chinese, Date: letterDate}).Text()
	if s := "为此，本人请求贵司将充值款项人民币1,280.00元计入本人账户，并书面说明事情经过。"; !strings.Contains(text, s) {
		t.Errorf("Text() lacks %q:\n%s", s, text)
	}
	text = Compose(Input{Case: c, Lang: evidence.English, To: Regulator, Date: letterDate}).Text()
	if s := "The outcome I am seeking is for BrightPay to credit the top-up of 1,280.00 CNY to my account, and explain in writing what happened."; !strings.Contains(text, s) {
		t.Errorf("Text() lacks %q:\n%s", s, text)
	}
}

func TestComposeIncomingTransfer(t *testing.T) {
	events := []evidence.Event{{ID: "t", Kind: evidence.KindTransaction, At: letterDate.Add(-time.Hour),
		Transaction: &evidence.Transaction{TxID: "IN-1", Direction: evidence.MoneyIn, Counterparty: "Wang Fang"}}}
	for lang, s := range map[evidence.Language]string{
		evidence.English: "a transfer of 1,280.00 CNY was sent to my account with you, but it has not been received into my account.",
		evidence.Chinese: "他人向本人在贵司开立的账户转入一笔款项，金额为人民币1,280.00元，但该款项至今未计入本人账户。",
	} {
		if text := Compose(Input{Case: fullCase(evidence.TransferNotReceived), Events: events, Lang: lang, Date: letterDate}).Text(); !strings.Contains(text, s) {
			t.Errorf("Text(%s) lacks %q:\n%s", lang, s, text)
		}
	}
}

func TestMoney(t *testing.T) {
	tests := []struct {
		m      evidence.Money
		en, zh string
	}{
		{cny(128000), "1,280.00 CNY", "人民币1,280.00元"},
		{cny(5), "0.05 CNY", "人民币0.05元"},
		{cny(123456789012), "1,234,567,890.12 CNY", "人民币1,234,567,890.12元"},
		{evidence.Money{Minor: 1280, Currency: "JPY"}, "1,280 JPY", "1,280日元"},
		{evidence.Money{Minor: 99900, Currency: "USD"}, "999.00 USD", "999.00美元"},
		{evidence.Money{Minor: 1234567, Currency: "KWD"}, "1,234.567 KWD", "1,234.567 KWD"},
		{evidence.Money{}, "", ""},
	}
	for _, tt := range tests {
		if got := (en{}).money(tt.m); got != tt.en {
			t.Errorf("en.money(%v) = %q, want %q", tt.m, got, tt.en)
		}
		wantUS := tt.en
		if tt.m.Currency == "USD" {
			wantUS = "$" + strings.TrimSuffix(tt.en, " USD")
		}
		if got := (en{us: true}).money(tt.m); got != wantUS {
			t.Errorf("en{us}.money(%v) = %q, want %q", tt.m, got, wantUS)
		}
		if got := (zh{}).money(tt.m); got != tt.zh {
			t.Errorf("zh.money(%v) = %q, want %q", tt.m, got, tt.zh)
		}
	}
}

func TestTextLayout(t *testing.T) {
	l := Letter{Lang: evidence.English, Sender: []string{"A"}, Date: "1 May 2026", Addressee: []string{"B", ""},
		Subject: "Re: X", Salutation: "Dear Sir or Madam,", Paragraphs: []string{"P1.", "P2."},
		Closing: "Yours faithfully,", Signature: []string{"A"}, Enclosures: []string{"E-1 — c"}}
	want := "A\n\n1 May 2026\n\nB\n\nRe: X\n\nDear Sir or Madam,\n\nP1.\n\nP2.\n\nYours faithfully,\n\nA\n\nEnclosures:\nE-1 — c\n"
	if got := l.Text(); got != want {
		t.Errorf("Text() = %q, want %q", got, want)
	}
	l = Letter{Lang: evidence.Chinese, Addressee: []string{"致：B"}, Date: "2026年5月1日", Subject: "事由：X",
		Salutation: "尊敬的B：", Paragraphs: []string{"甲。"}, Closing: "此致\n敬礼！", Signature: []string{"投诉人：A"}}
	want = "致：B\n\n事由：X\n\n尊敬的B：\n\n\u3000\u3000甲。\n\n\u3000\u3000此致\n敬礼！\n\n投诉人：A\n日期：2026年5月1日\n"
	if got := l.Text(); got != want {
		t.Errorf("Text() = %q, want %q", got, want)
	}
}

func TestFinish(t *testing.T) {
	tests := []struct{ in, stop, want string }{
		{"Refund me", ".", "Refund me."},
		{"Refund me.", ".", "Refund me."},
		{"Refund me?", ".", "Refund me?"},
		{"退款；", "。", "退款。"},
		{"  line one\n line two ", ".", "line one line two."},
		{" , ", ".", ""},
	}
	for _, tt := range tests {
		if got := finish(tt.in, tt.stop); got != tt.want {
			t.Errorf("finish(%q, %q) = %q, want %q", tt.in, tt.stop, got, tt.want)
		}
	}
}
