package post_test

import (
	"fmt"
	"time"

	"redress/evidence"
	"redress/lang"
	"redress/post"
)

func ExampleCompose() {
	cst := time.FixedZone("CST", 8*3600)
	c := evidence.Case{Provider: "OKPay", Problem: evidence.TopupNotCredited, Jurisdiction: evidence.CN,
		Amount: evidence.Money{Minor: 128000, Currency: "CNY"}, Incident: "2026-11-20",
		Complainant: evidence.Complainant{AccountID: "okpay-user-88231234"}}
	events := []evidence.Event{{
		ID: "e1", Kind: evidence.KindContact, At: time.Date(2026, 11, 21, 10, 30, 0, 0, cst), Reference: "T-8899",
		Contact: &evidence.Contact{Channel: evidence.Chat, Agent: "王小姐 #1024",
			PromiseBy: new(time.Date(2026, 11, 22, 10, 30, 0, 0, cst))},
	}}
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, cst)
	// In English the 140 characters leave no room for the promise once
	// the mention is there: it gives way before the request.
	for _, l := range evidence.Languages {
		d, err := post.Compose(c, events, l, post.Short, post.Options{Now: now, Mention: "@OKPay"})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(d.Text)
		for _, n := range d.Counts {
			fmt.Printf("%s %d/%d\n", n.Platform, n.Used, n.Limit)
		}
	}
	// Output:
	// @OKPay 11月20日，我向OKPay账户充值1,280元，至今未到账。11月21日，客服#1024承诺24小时内解决。请OKPay尽快将充值款项计入我的账户。工单号：T-8899
	// weibo 92/140
	// x 141/280
	// @OKPay On 20 Nov, I topped up ¥1,280 to my OKPay account; it has not arrived. Please credit my top-up.
	// weibo 102/140
	// x 102/280
}

func ExampleXLength() {
	fmt.Println(post.XLength("Top-up of ¥1,280 not credited"))
	fmt.Println(post.XLength("充值1,280元未到账"))
	fmt.Println(post.XLength("Details: https://example.com/a/very/long/path/to/the/complaint"))
	fmt.Println(post.XLength("👨‍👩‍👧‍👦"))
	// Output:
	// 29
	// 17
	// 32
	// 2
}

func ExampleSuggest() {
	cst := time.FixedZone("CST", 8*3600)
	complained := time.Date(2026, 11, 26, 16, 0, 0, 0, cst)
	due := time.Date(2026, 12, 17, 23, 59, 59, 0, cst)
	for _, now := range []time.Time{time.Date(2026, 12, 10, 12, 0, 0, 0, cst), time.Date(2026, 12, 18, 9, 0, 0, 0, cst)} {
		ok, why := post.Suggest(post.Facts{Complained: complained, ReplyDue: due, Now: now})
		fmt.Println(ok, why.Text(lang.EN))
	}
	// Output:
	// false Wait until 2026-12-17: the provider still has time to answer your formal complaint.
	// true The provider's time to answer your formal complaint ran out on 2026-12-17; you may now post about the case publicly, sticking to the facts.
}

func ExampleVenues() {
	for _, v := range post.Venues(evidence.CN) {
		if v.Address == "" {
			fmt.Println(v.Name(lang.ZH))
			continue
		}
		fmt.Println(v.Name(lang.ZH), v.Address)
	}
	// Output:
	// 支付机构的官方社交媒体账号
	// 黑猫投诉（新浪） https://tousu.sina.com.cn/
	// 人民网“领导留言板” https://liuyan.people.com.cn/
}
