package post

import (
	"time"

	"redress/evidence"
)

var cst = time.FixedZone("CST", 8*3600)

func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, cst)
	if err != nil {
		panic(err)
	}
	return t
}

func ptr[T any](v T) *T { return &v }

// okpay is the case the issue grew from: a ¥1,280 top-up that never
// arrived, two broken promises, a formal complaint without a reply.
func okpay() (evidence.Case, []evidence.Event) {
	c := evidence.Case{
		ID: "3f2a1b4c-0000-4000-8000-000000000001", Title: "OKPay 充值未到账", Provider: "OKPay",
		Problem: evidence.TopupNotCredited, Jurisdiction: evidence.CN,
		Amount:   evidence.Money{Minor: 128000, Currency: "CNY"},
		Incident: "2026-11-20",
		Complainant: evidence.Complainant{Name: "张三", Contact: "13812345678", Address: "北京市朝阳区某某路1号",
			AccountID: "okpay-user-88231234"},
		Language: evidence.Chinese, Status: evidence.Open,
	}
	events := []evidence.Event{
		{ID: "e1", Kind: evidence.KindTransaction, At: at("2026-11-20 14:30"), Summary: "充值",
			Transaction: &evidence.Transaction{TxID: "2026112022001412345678", Direction: evidence.MoneyIn,
				Amount: evidence.Money{Minor: 128000, Currency: "CNY"}, Status: "处理中"}},
		{ID: "e2", Kind: evidence.KindScreenshot, At: at("2026-11-20 14:35"),
			Exhibit: &evidence.Exhibit{Caption: "充值确认页面"}},
		{ID: "e3", Kind: evidence.KindContact, At: at("2026-11-21 10:30"), Reference: "T-8899",
			Summary: "王小姐说24小时内到账",
			Contact: &evidence.Contact{Channel: evidence.Chat, Direction: evidence.Outbound, Agent: "王小姐 #1024",
				Promise: "24 小时内到账", PromiseBy: ptr(at("2026-11-22 10:30"))}},
		{ID: "e4", Kind: evidence.KindContact, At: at("2026-11-23 09:00"),
			Summary: "电话催促；李明核实了我的身份证号110105199003071234和手机13812345678",
			Contact: &evidence.Contact{Channel: evidence.Phone, Direction: evidence.Outbound, Agent: "李明",
				Promise: "48小时内处理", PromiseBy: ptr(at("2026-11-25 09:00"))}},
		{ID: "e5", Kind: evidence.KindLetter, At: at("2026-11-26 16:00"), Reference: "C-20261126",
			Summary: "正式投诉信", Letter: &evidence.Letter{To: evidence.ToProvider, Method: "email"}},
	}
	return c, events
}

var okpayNow = at("2026-12-16 12:00")

var bst = time.FixedZone("BST", 3600)

func atUK(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, bst)
	if err != nil {
		panic(err)
	}
	return t
}

// paywallet is an English case: a £450 withdrawal stuck for weeks, a
// promise on the phone, a formal complaint by e-mail and a holding reply.
func paywallet() (evidence.Case, []evidence.Event) {
	c := evidence.Case{
		ID: "3f2a1b4c-0000-4000-8000-000000000002", Title: "Withdrawal stuck", Provider: "PayWallet",
		Problem: evidence.WithdrawalDelayed, Jurisdiction: evidence.UK,
		Amount:   evidence.Money{Minor: 45000, Currency: "GBP"},
		Incident: "2026-10-02",
		Complainant: evidence.Complainant{Name: "Alex Taylor", Contact: "alex.taylor@example.org",
			AccountID: "GB29NWBK60161331926819"},
		Remedy:   "Pay the £450 into my bank account and refund the £25 overdraft fee it caused",
		Language: evidence.English, Status: evidence.Open,
	}
	events := []evidence.Event{
		{ID: "u1", Kind: evidence.KindTransaction, At: atUK("2026-10-02 09:15"),
			Transaction: &evidence.Transaction{TxID: "WD-558201", Direction: evidence.MoneyOut,
				Amount: evidence.Money{Minor: 45000, Currency: "GBP"}, Status: "Processing"}},
		{ID: "u2", Kind: evidence.KindContact, At: atUK("2026-10-05 14:00"),
			Summary: "Sarah said the payment was stuck in review; I gave my account GB29NWBK60161331926819",
			Contact: &evidence.Contact{Channel: evidence.Phone, Direction: evidence.Outbound, Agent: "Sarah Jones",
				Promise: "Released within two working days", PromiseBy: ptr(atUK("2026-10-07 17:00"))}},
		{ID: "u3", Kind: evidence.KindContact, At: atUK("2026-10-09 10:00"), Reference: "CMP-40017",
			Tags: []string{"complaint"}, Summary: "Formal complaint by e-mail",
			Contact: &evidence.Contact{Channel: evidence.Email, Direction: evidence.Outbound}},
		{ID: "u4", Kind: evidence.KindResponse, At: atUK("2026-10-20 11:42"),
			Response: &evidence.Response{From: evidence.ToProvider, Outcome: "We are still investigating."}},
		{ID: "u5", Kind: evidence.KindDocument, At: atUK("2026-10-20 11:45"),
			Exhibit: &evidence.Exhibit{Caption: "Holding reply"}},
		{ID: "u6", Kind: evidence.KindScreenshot, At: atUK("2026-10-02 09:20"),
			Exhibit: &evidence.Exhibit{Caption: "Withdrawal screen"}},
	}
	return c, events
}

var paywalletNow = atUK("2026-11-30 12:00")
