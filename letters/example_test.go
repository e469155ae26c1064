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
	// On 18 November 2026, your agent Sam promised: "The money will arrive by tomorrow evening". The promised date was 19 November 2026 at 17:00 (UTC+00:00). This promise was not kept: that date passed without any response or transaction from you.
	//
	// My complaint rests on the following rules:
	// 1. Payment Services Regulations 2017, reg. 74: the customer obtains rectification of an unauthorised or incorrectly executed payment by notifying the provider without undue delay, and no later than 13 months after the debit.
	// 2. Payment Services Regulations 2017, regs. 91–94: the provider is liable for non-execution or defective or late execution of a payment, and for the charges and interest that result.
	// 3. Electronic Money Regulations 2011, reg. 39: electronic money must be redeemed at par value, at any time, at the holder's request.
	// 4. FCA DISP 1.6.2A R: a payment-services or e-money complaint must receive a final response within 15 business days, or 35 after a holding response.
	// 5. FCA DISP 2.8.1 R: the Financial Ombudsman Service can consider the complaint once the final response is sent, or after 15 business days (35 after a holding response).
	//
	// To resolve this complaint, I ask you to complete the withdrawal of 450.00 GBP to my bank account, or return the amount to my balance, and explain in writing what happened. The amount in dispute is 450.00 GBP.
	//
	// Under FCA DISP 1.6.2A R you must send me your final response within 15 business days of receiving this complaint, that is by 11 December 2026 if it reaches you on the date of this letter. If I do not receive a satisfactory reply by then, I intend to refer the matter to the Financial Ombudsman Service.
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

// The same API writes a Chinese letter to the regulator (by default the
// PBoC's branch of the user's city for a payment institution): the provider's handling
// of the complaint (a letter it did not answer) is part of the story, the
// legal basis and the dates the law sets follow, and the authority is asked
// to act within the 7 working days of the consumer law's art. 46. The
// provider is named as 被投诉人, and the letter ends with the 投诉人（签字）
// and date lines.
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
		City: "上海",
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
	// 致：中国人民银行上海市分行
	// 金融消费权益保护（12363）
	//
	// 事由：关于易付宝充值未到账问题的投诉（账户：YF-20261118；涉及金额：人民币1,280.00元）
	//
	// 被投诉人：易付宝
	//
	// 尊敬的中国人民银行上海市分行：
	//
	// 　　本人张伟，系易付宝用户，账户为YF-20261118。现就本人与易付宝之间的纠纷向贵行投诉，恳请贵行予以帮助。本人未能与易付宝自行解决此事。
	//
	// 　　2026年11月18日，本人向在易付宝开立的账户充值人民币1,280.00元。该款项已从本人的付款账户扣除，但至今未计入本人的账户余额。
	//
	// 　　涉及的交易如下：
	// 1. 2026年11月18日 09:30（UTC+08:00），交易号TX2026111809300042，金额人民币1,280.00元，转入，显示状态：处理中（见附件E-1）。
	//
	// 　　本人已就此事与易付宝交涉，具体如下：
	// 1. 2026年11月18日 10:05（UTC+08:00），本人通过在线客服联系易付宝（客服：李娜；编号：CS-4411）。沟通内容：客服称款项正在核实。
	//
	// 　　2026年11月20日，本人通过电子邮件向易付宝提交了书面投诉（编号：LTR-77；见附件E-2）。对于本人2026年11月20日提交的投诉，易付宝至今未作答复。
	//
	// 　　本人投诉的法律依据如下：
	// 1. 根据《电子商务法》第五十五条，支付指令发生错误的，电子支付服务提供者应当及时查找原因并予以纠正；造成用户损失的，应当承担赔偿责任，但能够证明支付错误非自身原因造成的除外。
	// 2. 根据《电子商务法》第五十三条，电子支付服务提供者应当向用户免费提供对账服务以及最近三年的交易记录。
	// 3. 根据《消费者权益保护法》第二十八条，提供金融服务的经营者应当向消费者提供经营地址、联系方式、费用、风险警示、民事责任等信息。
	// 4. 根据《消费者权益保护法》第四十六条，消费者向有关行政部门投诉的，该部门应当自收到投诉之日起七个工作日内予以处理并告知消费者。
	// 5. 根据《非银行支付机构监督管理条例》第三十五条，非银行支付机构应当及时妥善处理与用户的争议，履行投诉处理主体责任。
	//
	// 　　相关期限如下：
	// 1. 根据《中国人民银行金融消费者权益保护实施办法》，对本人2026年11月20日投诉作出最终答复的期限为2026年12月5日。
	//
	// 　　易付宝系持牌非银行支付机构，恳请贵行接收并转办本人的投诉，督促其依法妥善处理。本人的诉求是：将1,280.00元充值款计入本人账户。争议金额为人民币1,280.00元。
	//
	// 　　恳请贵行依照《消费者权益保护法》第四十六条，自收到本函之日起7个工作日内予以处理并告知本人；如本函于发出当日送达，即于2026年12月1日前。
	//
	// 　　随函附上下列证据材料的副本。如需原件或进一步信息，本人可随时提供。
	//
	// 　　此致
	// 敬礼！
	//
	// 投诉人（签字）：
	// 姓名：张伟
	// 联系方式：138 0013 8000
	// 账户：YF-20261118
	// 日期：2026年11月22日
	//
	// 附件：
	// E-1 — 充值记录截图（IMG_0001.png）
	// E-2 — 投诉邮件（complaint.pdf）
}

// A US letter to the provider about an unauthorized transfer: American
// English, Regulation E with its dates, the police report from the notes,
// and the CFPB complaint already made stated as made — not threatened.
func ExampleCompose_us() {
	ny := time.FixedZone("EST", -5*3600)
	usd := evidence.Money{Minor: 128000, Currency: "USD"}
	in := letters.Input{
		Case: evidence.Case{Provider: "OKPay", Problem: evidence.UnauthorizedTransaction, Jurisdiction: evidence.US,
			Amount: usd, Incident: "2026-11-02",
			Complainant: evidence.Complainant{Name: "Jordan Lee", Contact: "jordan@example.com", AccountID: "OK-1"}},
		Events: []evidence.Event{
			{ID: "tx", Kind: evidence.KindTransaction, At: time.Date(2026, 11, 2, 3, 0, 0, 0, ny),
				Transaction: &evidence.Transaction{TxID: "X9", Amount: usd, Direction: evidence.MoneyOut, Status: "Completed"}},
			{ID: "call", Kind: evidence.KindContact, At: time.Date(2026, 11, 2, 9, 0, 0, 0, ny), Summary: "Reported the transfer as unauthorized",
				Contact: &evidence.Contact{Channel: evidence.Phone, Direction: evidence.Outbound}},
			{ID: "police", Kind: evidence.KindNote, At: time.Date(2026, 11, 3, 9, 0, 0, 0, ny), Tags: []string{"police-report"},
				Summary: "Report filed at the 6th Precinct", Reference: "2026-006-1187"},
			{ID: "cfpb", Kind: evidence.KindLetter, At: time.Date(2026, 11, 20, 9, 0, 0, 0, ny), Reference: "261120-000123",
				Letter: &evidence.Letter{To: evidence.ToRegulator, Name: "CFPB"}},
		},
		To:   letters.Provider,
		Lang: evidence.English,
		Date: time.Date(2026, 11, 28, 10, 0, 0, 0, ny),
	}
	fmt.Print(letters.Compose(in).Text())
	// Output:
	// Jordan Lee
	//
	// November 28, 2026
	//
	// OKPay Complaints Team
	//
	// Re: Formal complaint — unauthorized transaction — account ID OK-1 — $1,280.00
	//
	// Dear Sir or Madam:
	//
	// I am writing to make a formal complaint under your complaints procedure. My name is Jordan Lee and my account ID with you is OK-1.
	//
	// On November 2, 2026, $1,280.00 was taken from my account with you in a transaction that I did not make or authorize.
	//
	// The transaction concerned is:
	// 1. November 2, 2026, at 3:00 AM (UTC-05:00): transaction ID X9, $1,280.00, outgoing, status shown: Completed.
	//
	// I have contacted you about this matter as follows:
	// 1. On November 2, 2026, at 9:00 AM (UTC-05:00), I contacted you by phone. Summary: Reported the transfer as unauthorized.
	//
	// On November 3, 2026, I reported the matter to the police (reference: 2026-006-1187): "Report filed at the 6th Precinct".
	//
	// My complaint rests on the following rules:
	// 1. Regulation E, 12 CFR 1005.11(c): the institution must investigate a notice of error within 10 business days, or provisionally credit the account within 10 business days and complete the investigation within 45 days (90 days in some cases), and correct an error within 1 business day of finding it.
	// 2. Regulation E, 12 CFR 1005.11(b) and 1005.18(e): a notice of error is timely within 60 days of the statement first showing the error; for prepaid accounts, within 60 days of when the consumer could see it online or 120 days of the transfer.
	// 3. Regulation E, 12 CFR 1005.6(b): the consumer's liability for unauthorized transfers is limited to $50 when the institution is told within 2 business days of learning of the loss or theft, and at most $500 otherwise.
	// 4. Regulation E, 12 CFR 1005.18(e): a prepaid account, including a digital wallet that holds funds, is covered by the error-resolution and liability rules.
	//
	// The dates that matter:
	// 1. The time for the investigation of the error I reported on November 2, 2026, or a provisional credit, ended on November 16, 2026 (Regulation E, 12 CFR 1005.11(c)).
	// 2. Under Regulation E, 12 CFR 1005.11(c), the end of that investigation is due by December 17, 2026.
	//
	// To resolve this complaint, I ask you to reimburse the amount of $1,280.00 taken by the unauthorized transaction and secure my account, and explain in writing what happened. The amount in dispute is $1,280.00.
	//
	// This letter is a notice of error under Regulation E, 12 CFR 1005.11(c). You must investigate it within 10 business days of receiving it, that is by December 11, 2026 if it reaches you on the date of this letter, or credit the amount to my account provisionally by then and complete your investigation within 45 days. I referred the matter to the Consumer Financial Protection Bureau (CFPB) on November 20, 2026.
	//
	// I can provide further information and evidence on request.
	//
	// Sincerely,
	//
	// Jordan Lee
	// Contact: jordan@example.com
	// Account ID: OK-1
}
