package letters_test

import (
	"fmt"
	"time"

	"redress/evidence"
	"redress/letters"
)

// A letter of authority in Chinese for the 12315 platform: the copy filed
// there shows both parties' ID numbers and states the term (委托期限), as
// the platform's rules require; the signature and date are left for the
// client.
func ExampleComposeAuthority() {
	shanghai := time.FixedZone("CST", 8*3600)
	doc := letters.ComposeAuthority(letters.Authority{
		Lang:         evidence.Chinese,
		Jurisdiction: evidence.CN,
		Client: letters.Party{Name: "王小明", IDNumber: "110101199003071234",
			Address: "上海市浦东新区\n世纪大道100号", Phone: "13812345678"},
		Representative: letters.Party{Name: "李静", Firm: "明理法律服务所",
			Address: "上海市静安区南京西路1号", Phone: "021-55550000", Email: "lijing@example.cn"},
		Provider:      "上海欧凯支付科技有限公司",
		Problem:       evidence.TopupNotCredited,
		Reference:     "T-8899",
		Scope:         letters.FullScope,
		From:          time.Date(2026, 11, 28, 0, 0, 0, 0, shanghai),
		Until:         time.Date(2027, 5, 31, 0, 0, 0, 0, shanghai),
		ShowIDNumbers: true,
	})
	fmt.Print(doc.Text())
	// Output:
	// 授权委托书
	//
	// 委托人：王小明
	// 身份证件号码：110101199003071234
	// 住址：上海市浦东新区世纪大道100号
	// 联系电话：13812345678
	//
	// 受托人：李静（明理法律服务所）
	// 住址：上海市静安区南京西路1号
	// 联系电话：021-55550000
	// 电子邮箱：lijing@example.cn
	//
	// 　　委托人因与上海欧凯支付科技有限公司之间关于充值未到账的争议（案件编号：T-8899），特委托受托人为代理人，代为办理下列事项：
	//
	// （一）代为向上海欧凯支付科技有限公司以及消费者协会、市场监督管理部门、金融管理部门等有关机构提出投诉、申诉，提交和补充相关材料；
	// （二）代为接收与本争议有关的往来函件、通知和处理结果；
	// （三）代为与上海欧凯支付科技有限公司进行沟通、协商；
	// （四）未经委托人书面同意，受托人无权接受和解方案、签署调解协议，或作出放弃、变更委托人权利的承诺。
	//
	// 　　委托期限：自2026年11月28日起至2027年5月31日止。委托人可随时以书面方式撤销本委托。
	//
	// 　　受托人在上述权限内代为实施的行为，委托人予以承认。
	//
	// 委托人（签字）：________________
	// 日期：________年____月____日
}

// The English letter of authority for a solicitor acting in a UK case:
// complain, receive correspondence and negotiate, but no settlement
// without the client's written consent, and consent for the business and
// the ombudsman to share the client's information with the representative.
func ExampleComposeAuthority_english() {
	doc := letters.ComposeAuthority(letters.Authority{
		Lang:           evidence.English,
		Jurisdiction:   evidence.UK,
		Client:         letters.Party{Name: "Alex Morgan", Address: "4 Mill Lane\nLeeds LS1 4AB"},
		Representative: letters.Party{Name: "Jo Smith", Firm: "Smith & Co Solicitors", Address: "9 Park Row\nLeeds LS1 5HD"},
		Provider:       "PayWave Payments Ltd",
		Problem:        evidence.WithdrawalDelayed,
		Reference:      "C-3391",
		Scope:          letters.FullScope,
	})
	fmt.Print(doc.Text())
	// Output:
	// LETTER OF AUTHORITY
	//
	// I, Alex Morgan of 4 Mill Lane, Leeds LS1 4AB, authorise Jo Smith of Smith & Co Solicitors, 9 Park Row, Leeds LS1 5HD ("my representative") to act on my behalf in my dispute with PayWave Payments Ltd (withdrawal delayed; reference C-3391).
	//
	// My representative may:
	// 1. make and pursue complaints on my behalf to PayWave Payments Ltd and to any ombudsman, regulator or consumer body, and give them information and documents about my dispute;
	// 2. receive letters, notices and decisions about my dispute, which may be sent to my representative instead of to me;
	// 3. discuss and negotiate with PayWave Payments Ltd on my behalf.
	//
	// My representative may not accept any offer of settlement, or agree to anything that gives up any of my rights, without my written consent.
	//
	// I consent to PayWave Payments Ltd and to those bodies sharing information about my account and my dispute with my representative for these purposes.
	//
	// This authority runs from the date I sign it until my dispute is finally resolved, unless I withdraw it in writing before then.
	//
	// Signed: ________________________ (Alex Morgan)
	// Date: ________________________
}

// A subject access request to a UK e-money provider, sent by post: the
// reply date is one month from the day the provider receives it (UK GDPR
// art. 12(3) and 12A), 3 December 2026 + 1 month = 3 January 2027, a
// Sunday, so Monday 4 January. The letter also asks the provider to
// preserve the records and to restrict rather than erase them.
func ExampleComposeRecords() {
	london := time.UTC
	l := letters.ComposeRecords(letters.RecordsRequest{
		Case: evidence.Case{
			Provider: "PayWave", Problem: evidence.WithdrawalDelayed, Jurisdiction: evidence.UK,
			Complainant: evidence.Complainant{Name: "Alex Morgan", Contact: "alex@example.com",
				Address: "4 Mill Lane\nLeeds LS1 4AB", AccountID: "PW-55120"},
		},
		Lang:           evidence.English,
		Date:           time.Date(2026, 11, 30, 10, 0, 0, 0, london),
		Received:       time.Date(2026, 12, 3, 0, 0, 0, 0, london),
		Since:          time.Date(2026, 11, 1, 0, 0, 0, 0, london),
		TransactionIDs: []string{"WD-88213"},
		Reference:      "C-3391",
	})
	fmt.Print(l.Text())
	// Output:
	// Alex Morgan
	// 4 Mill Lane
	// Leeds LS1 4AB
	//
	// 30 November 2026
	//
	// PayWave — Data Protection Officer
	//
	// Re: Request for a copy of my personal data and to preserve records — account ID PW-55120
	//
	// Dear Sir or Madam,
	//
	// I am writing to ask for a copy of the personal data you hold about me, under Article 15 of the UK General Data Protection Regulation (UK GDPR) and the Data Protection Act 2018. My name is Alex Morgan and my account ID with you is PW-55120.
	//
	// In particular, please send me:
	// 1. the transcripts of my chats with your customer service;
	// 2. the recordings of my telephone calls with you or, where a call was not recorded, your notes of it;
	// 3. the records of every transaction on my account since 1 November 2026, with their time, amount, status and reference numbers, including transactions WD-88213.
	//
	// Under Articles 12(3) and 12A of the UK GDPR you must reply within one month of receiving this request, that is by 4 January 2027, as you will receive it on 3 December 2026. You may extend that period by two further months only where it is necessary because of the complexity or number of my requests, and you must tell me so, with the reasons, within the first month. If you need information to confirm my identity or to find the records I am asking for, please ask me for it straight away. This request is free of charge (Article 12(5)).
	//
	// These records are evidence in my dispute with you (withdrawal delayed; your reference C-3391). Please preserve them and do not delete or overwrite them while the dispute, or any complaint about it to an ombudsman, a regulator or a court, is open. If you would otherwise erase any of them, I ask you to restrict their processing instead, as I need them for the establishment, exercise or defence of legal claims (UK GDPR Article 18(1)(c)).
	//
	// Please send the records to me at alex@example.com, or to the address above, in a commonly used electronic format where you can.
	//
	// Yours faithfully,
	//
	// Alex Morgan
	// Contact: alex@example.com
	// Account ID: PW-55120
}

// The same request to a Chinese payment provider, in Chinese: PIPL art. 45
// for the personal information, E-Commerce Law art. 53 for three years of
// transaction records free of charge, and the 30 days of the recommended
// national standard GB/T 35273-2020 as the reply date (PIPL itself says
// only "promptly").
func ExampleComposeRecords_chinese() {
	shanghai := time.FixedZone("CST", 8*3600)
	l := letters.ComposeRecords(letters.RecordsRequest{
		Case: evidence.Case{
			Provider: "OKPay", Problem: evidence.TopupNotCredited, Jurisdiction: evidence.CN, Language: evidence.Chinese,
			Complainant: evidence.Complainant{Name: "王小明", Contact: "13812345678",
				Address: "上海市浦东新区\n世纪大道100号", AccountID: "OK-8812345"},
		},
		Date:           time.Date(2026, 11, 28, 10, 0, 0, 0, shanghai),
		Records:        []letters.Record{letters.ChatRecords, letters.TransactionRecords},
		TransactionIDs: []string{"TX2026112012345678"},
	})
	fmt.Print(l.Text())
	// Output:
	// 王小明
	// 上海市浦东新区
	// 世纪大道100号
	//
	// OKPay 个人信息保护负责人
	//
	// 事由：申请查阅、复制本人个人信息及交易记录并请求妥善保存（账户：OK-8812345）
	//
	// 尊敬的OKPay：
	//
	// 　　本人王小明，系贵司用户，账户为OK-8812345。根据《中华人民共和国个人信息保护法》第四十五条，本人申请查阅、复制贵司处理的本人个人信息。
	//
	// 　　具体包括：
	// （一）本人与贵司客服的在线聊天记录；
	// （二）本人账户的全部交易记录，包括交易时间、金额、状态和流水号（其中包括交易TX2026112012345678）。
	//
	// 　　根据《中华人民共和国电子商务法》第五十三条，电子支付服务提供者应当向用户免费提供对账服务以及最近三年的交易记录。请免费提供上述交易记录。
	//
	// 　　根据《个人信息保护法》第四十五条，个人请求查阅、复制其个人信息的，个人信息处理者应当及时提供；拒绝的，应当依照第五十条说明理由。请于三十日内，即于2026年12月28日前（以贵司于本函日期收到计），书面答复并提供上述材料（参照推荐性国家标准《信息安全技术 个人信息安全规范》（GB/T 35273—2020）第8.7条的答复期限）。
	//
	// 　　上述记录是本人与贵司之间关于充值未到账的争议的证据。请贵司妥善保存，在争议及相关投诉、调解、诉讼处理完毕前，不得删除、覆盖或销毁。
	//
	// 　　如需核验本人身份，请及时告知所需材料。请将上述材料发送至13812345678，或寄至上述地址。
	//
	// 　　此致
	// 敬礼！
	//
	// 申请人（签字）：
	// 姓名：王小明
	// 联系方式：13812345678
	// 账户：OK-8812345
	// 日期：2026年11月28日
}
