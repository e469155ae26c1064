package letters_test

import (
	"fmt"
	"time"

	"redress/evidence"
	"redress/letters"
)

// A first letter to the provider, in English, about a withdrawal that has
// not arrived: one transaction, one call with a promise that was not kept,
// and one screenshot enclosed.
func ExampleCompose() {
	london := time.FixedZone("GMT", 0)
	promisedBy := time.Date(2026, 11, 19, 17, 0, 0, 0, london)
	in := letters.Input{
		Case: evidence.Case{
			Provider: "PayWave", Problem: evidence.WithdrawalDelayed, Jurisdiction: evidence.UK,
			Amount: evidence.Money{Minor: 45000, Currency: "GBP"}, Incident: "2026-11-16",
			Complainant: evidence.Complainant{Name: "Alex Morgan", Contact: "alex@example.com",
				Address: "4 Mill Lane\nLeeds LS1 4AB", AccountID: "PW-55120"},
		},
		Events: []evidence.Event{
			{ID: "tx", Kind: evidence.KindTransaction, At: time.Date(2026, 11, 16, 8, 12, 0, 0, london),
				Transaction: &evidence.Transaction{TxID: "WD-88213", Amount: evidence.Money{Minor: 45000, Currency: "GBP"},
					Direction: evidence.MoneyOut, Status: "Completed"}},
			{ID: "call", Kind: evidence.KindContact, At: time.Date(2026, 11, 18, 14, 30, 0, 0, london), Reference: "C-3391",
				Contact: &evidence.Contact{Channel: evidence.Phone, Agent: "Sam", Promise: "The money will arrive by tomorrow evening",
					PromiseBy: &promisedBy}},
		},
		To:       letters.Provider,
		Lang:     evidence.English,
		Date:     time.Date(2026, 11, 22, 10, 0, 0, 0, london),
		Exhibits: []letters.Exhibit{{Number: "E-1", Caption: "Withdrawal shown as completed", FileName: "withdrawal.png", EventID: "tx"}},
	}
	fmt.Print(letters.Compose(in).Text())
	// Output:
	// Alex Morgan
	// 4 Mill Lane
	// Leeds LS1 4AB
	//
	// 22 November 2026
	//
	// PayWave Complaints Team
	//
	// Re: Formal complaint — withdrawal delayed — account ID PW-55120 — 450.00 GBP
	//
	// Dear Sir or Madam,
	//
	// I am writing to make a formal complaint under your complaints procedure. My name is Alex Morgan and my account ID with you is PW-55120.
	//
	// On 16 November 2026, I asked to withdraw 450.00 GBP from my account with you to my bank account. The amount has been deducted from my balance, but it has not arrived in my bank account.
	//
	// The transaction concerned is:
	// 1. 16 November 2026 at 08:12 (UTC+00:00): transaction ID WD-88213, 450.00 GBP, outgoing, status shown: Completed (see E-1).
	//
	// I have contacted you about this matter as follows:
	// 1. On 18 November 2026 at 14:30 (UTC+00:00) I contacted you by phone (agent: Sam; reference: C-3391).
	//
	// On 18 November 2026, your agent Sam promised: “The money will arrive by tomorrow evening”. The promised date was 19 November 2026 at 17:00 (UTC+00:00). This promise was not kept: that date passed without any response or transaction from you.
	//
	// To resolve this complaint, I ask you to complete the withdrawal of 450.00 GBP to my bank account, or return the amount to my balance, and explain in writing what happened. The amount in dispute is 450.00 GBP.
	//
	// Please reply in writing within 14 days of the date of this letter, that is by 6 December 2026. If I do not receive a satisfactory reply by then, I intend to refer the matter to the Financial Ombudsman Service.
	//
	// I enclose copies of the evidence listed below and can provide the originals or further information on request.
	//
	// Yours faithfully,
	//
	// Alex Morgan
	// Contact: alex@example.com
	// Account ID: PW-55120
	//
	// Enclosures:
	// E-1 — Withdrawal shown as completed (withdrawal.png)
}

// The same API writes a Chinese letter to the regulator: the provider's
// handling of the complaint (a letter it did not answer) is part of the
// story, and the reply period defaults to 30 days.
func ExampleCompose_chinese() {
	shanghai := time.FixedZone("CST", 8*3600)
	in := letters.Input{
		Case: evidence.Case{
			Provider: "易付宝", Problem: evidence.TopupNotCredited, Jurisdiction: evidence.CN,
			Amount: evidence.Money{Minor: 128000, Currency: "CNY"}, Incident: "2026-11-18",
			Complainant: evidence.Complainant{Name: "张伟", Contact: "138 0013 8000", AccountID: "YF-20261118"},
			Remedy:      "将1,280.00元充值款计入本人账户",
		},
		Events: []evidence.Event{
			{ID: "tx", Kind: evidence.KindTransaction, At: time.Date(2026, 11, 18, 9, 30, 0, 0, shanghai),
				Transaction: &evidence.Transaction{TxID: "TX2026111809300042", Amount: evidence.Money{Minor: 128000, Currency: "CNY"},
					Direction: evidence.MoneyIn, Status: "处理中"}},
			{ID: "chat", Kind: evidence.KindContact, At: time.Date(2026, 11, 18, 10, 5, 0, 0, shanghai), Reference: "CS-4411",
				Summary: "客服称款项正在核实", Contact: &evidence.Contact{Channel: evidence.Chat, Agent: "李娜"}},
			{ID: "letter", Kind: evidence.KindLetter, At: time.Date(2026, 11, 20, 16, 0, 0, 0, shanghai), Reference: "LTR-77",
				Letter: &evidence.Letter{To: evidence.ToProvider, Method: "电子邮件"}},
		},
		To:   letters.Regulator,
		Lang: evidence.Chinese,
		Date: time.Date(2026, 11, 22, 9, 0, 0, 0, shanghai),
		Exhibits: []letters.Exhibit{
			{Number: "E-1", Caption: "充值记录截图", Kind: evidence.KindScreenshot, FileName: "IMG_0001.png", EventID: "tx"},
			{Number: "E-2", Caption: "投诉邮件", Kind: evidence.KindDocument, FileName: "complaint.pdf", EventID: "letter"},
		},
	}
	fmt.Print(letters.Compose(in).Text())
	// Output:
	// 投诉人：张伟
	//
	// 致：中国人民银行
	// 金融消费者权益保护（12363）
	//
	// 事由：关于易付宝充值未到账问题的投诉（账户：YF-20261118；涉及金额：1,280.00 元）
	//
	// 尊敬的中国人民银行：
	//
	// 　　本人张伟，系易付宝用户，账户为YF-20261118。现就本人与易付宝之间的纠纷向贵机构投诉，恳请贵机构予以帮助。本人未能与易付宝自行解决此事。
	//
	// 　　2026年11月18日，本人向在易付宝开立的账户充值1,280.00 元。该款项已从本人的付款账户扣除，但至今未计入本人的账户余额。
	//
	// 　　涉及的交易如下：
	// 1. 2026年11月18日 09:30（UTC+08:00），交易号TX2026111809300042，金额1,280.00 元，转入，显示状态：处理中（见附件E-1）。
	//
	// 　　本人已就此事与易付宝交涉，具体如下：
	// 1. 2026年11月18日 10:05（UTC+08:00），本人通过在线客服联系易付宝（客服：李娜；编号：CS-4411）。沟通内容：客服称款项正在核实。
	//
	// 　　2026年11月20日，本人通过电子邮件向易付宝提交了书面投诉（编号：LTR-77；见附件E-2）。对于本人2026年11月20日提交的投诉，易付宝至今未作答复。
	//
	// 　　恳请贵机构对易付宝处理本人投诉的情况进行核查，并依法督促其妥善处理。本人的诉求是：将1,280.00元充值款计入本人账户。争议金额为1,280.00 元。
	//
	// 　　烦请贵机构自本函发出之日起30日内，即于2026年12月22日前予以答复。
	//
	// 　　随函附上下列证据材料的副本。如需原件或进一步信息，本人可随时提供。
	//
	// 　　此致
	// 敬礼！
	//
	// 投诉人：张伟
	// 联系方式：138 0013 8000
	// 账户：YF-20261118
	// 2026年11月22日
	//
	// 附件：
	// E-1 — 充值记录截图（IMG_0001.png）
	// E-2 — 投诉邮件（complaint.pdf）
}
