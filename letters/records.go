package letters

import (
	"strings"
	"time"

	"redress/evidence"
	"redress/forms"
)

// RecordsRequest is what a request for the user's own records is written
// from: the provider's chat transcripts, call recordings and transaction
// records, and a request to preserve them, under the access law of the
// case's jurisdiction (forms.RecordsClockFor holds its clock and sources).
type RecordsRequest struct {
	Case evidence.Case     // provider, jurisdiction, complainant, account ID, problem
	Lang evidence.Language // zh or en; anything else follows the case
	Date time.Time         // the letter date, in the case's zone
	// Received is when the provider will receive the request (the letter
	// date for email or by hand, later by post); zero means Date. The
	// reply date the letter gives runs from it, never from an earlier day.
	Received time.Time
	// Since is the first day of the records asked for; zero means all.
	Since time.Time
	// Records lists the records asked for; nil means all of them.
	Records        []Record
	TransactionIDs []string // transactions to name in the request
	// Reference is the provider's complaint reference, if any.
	Reference string
	// RecipientName and RecipientAddress override the addressee (the
	// provider's data protection officer by default). Several lines allowed.
	RecipientName, RecipientAddress string
	// Working reports working days for the reply date; nil means Monday to
	// Friday (holidays are the escalation calendar's to add).
	Working func(time.Time) bool
	// Representative, when set, makes the request on the complainant's
	// behalf (the complainant is "my client", 委托人), with the
	// representative's details for the reply; AuthorityEnclosed says the
	// signed letter of authority goes with it.
	Representative    *Representative
	AuthorityEnclosed bool
}

// Record is a kind of record the user asks for.
type Record string

// The records a request asks for.
const (
	ChatRecords        Record = "chat"
	CallRecords        Record = "calls"
	TransactionRecords Record = "transactions"
)

// AllRecords lists every kind of record, in the letter's order.
var AllRecords = []Record{ChatRecords, CallRecords, TransactionRecords}

// AskDays is the period a records request asks for where the law fixes
// none (US, other jurisdictions): the user's request, not a legal deadline
// (a day that is not a working day moves to the next one).
const AskDays = 30

// ComposeRecords writes the records request. Its reply date is the
// statutory one where the law sets a period (EU and UK: one month from
// receipt; CN: 30 days, from the recommended national standard, with
// PIPL's "promptly"), and otherwise AskDays from receipt, worded as a
// request.
func ComposeRecords(r RecordsRequest) Letter {
	x := newRecordsFacts(r)
	rep := r.Representative
	if rep != nil && rep.IsZero() {
		rep = nil
	}
	if x.lang == evidence.Chinese {
		l := zhRecords(x)
		if rep != nil {
			l = zhRecordsOnBehalf(l, x, rep.cleaned())
		}
		return l
	}
	l := enRecords(x)
	if rep != nil {
		l = enRecordsOnBehalf(l, x, rep.cleaned())
	}
	return l
}

// recordsFacts is the request sifted for the writers.
type recordsFacts struct {
	r        RecordsRequest
	c        evidence.Case
	lang     evidence.Language
	clock    forms.RecordsClock
	due      time.Time // reply date
	dueLaw   bool      // due is the law's (or the standard's), not our ask
	received time.Time
	records  []Record
	txs      []string
}

func newRecordsFacts(r RecordsRequest) *recordsFacts {
	x := &recordsFacts{r: r, c: r.Case, lang: r.Lang}
	if x.lang != evidence.Chinese && x.lang != evidence.English {
		x.lang = evidence.English
		if r.Case.Language == evidence.Chinese {
			x.lang = evidence.Chinese
		}
	}
	if r.Date.IsZero() {
		r.Date = time.Now()
		x.r.Date = r.Date
	}
	x.received = r.Received
	if x.received.IsZero() || x.received.Before(r.Date) {
		x.received = r.Date
	}
	x.clock, _ = forms.RecordsClockFor(r.Case.Jurisdiction)
	if d, ok := x.clock.Due(x.received, r.Working); ok {
		x.due, x.dueLaw = d, true
	} else {
		day := time.Date(x.received.Year(), x.received.Month(), x.received.Day(), 0, 0, 0, 0, x.received.Location())
		x.due = day.AddDate(0, 0, AskDays)
		for i := 0; i < 31 && !working(r.Working, x.due); i++ {
			x.due = x.due.AddDate(0, 0, 1)
		}
	}
	for _, rec := range AllRecords {
		if r.Records == nil || contains(r.Records, rec) {
			x.records = append(x.records, rec)
		}
	}
	for _, id := range r.TransactionIDs {
		if id = clean(id); id != "" {
			x.txs = append(x.txs, id)
		}
	}
	return x
}

// working reports whether t is a working day by w, or Monday to Friday.
func working(w func(time.Time) bool, t time.Time) bool {
	if w != nil {
		return w(t)
	}
	return t.Weekday() != time.Saturday && t.Weekday() != time.Sunday
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

func contains(rs []Record, r Record) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

func enRecords(x *recordsFacts) Letter {
	c := x.c
	us := c.Jurisdiction == evidence.US
	date := func(t time.Time) string {
		if us {
			return t.Format("January 2, 2006")
		}
		return t.Format("2 January 2006")
	}
	p := c.Complainant
	provider := clean(c.Provider)
	l := Letter{Lang: evidence.English, Date: date(x.r.Date), Enclosures: []string{}}
	if n := clean(p.Name); n != "" {
		l.Sender = append(l.Sender, n)
	}
	l.Sender = append(l.Sender, lines(p.Address)...)

	switch {
	case clean(x.r.RecipientName) != "":
		l.Addressee = lines(x.r.RecipientName)
	case us && provider != "":
		l.Addressee = []string{provider + " Customer Records"}
	case us:
		l.Addressee = []string{"Customer Records"}
	case provider != "":
		l.Addressee = []string{provider + " — Data Protection Officer"}
	default:
		l.Addressee = []string{"Data Protection Officer"}
	}
	l.Addressee = append(l.Addressee, lines(x.r.RecipientAddress)...)

	subj := "Re: Request for a copy of my personal data and to preserve records"
	if us {
		subj = "Re: Request for copies of my account records and to preserve them"
	}
	if a := clean(p.AccountID); a != "" {
		subj += " — account ID " + a
	}
	l.Subject = subj
	l.Salutation = "Dear Sir or Madam,"
	l.Closing = "Yours faithfully,"
	if us {
		l.Salutation, l.Closing = "Dear Sir or Madam:", "Sincerely,"
	}

	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			l.Paragraphs = append(l.Paragraphs, s)
		}
	}
	var who []string
	if n := clean(p.Name); n != "" {
		who = append(who, "My name is "+n)
	}
	if a := clean(p.AccountID); a != "" {
		if len(who) == 0 {
			who = append(who, "My account ID with you is "+a)
		} else {
			who = append(who, "my account ID with you is "+a)
		}
	}
	intro := map[evidence.Jurisdiction]string{
		evidence.EU: "I am writing to ask for a copy of the personal data you hold about me, under Article 15 of the General Data Protection Regulation (EU) 2016/679 (GDPR).",
		evidence.UK: "I am writing to ask for a copy of the personal data you hold about me, under Article 15 of the UK General Data Protection Regulation (UK GDPR) and the Data Protection Act 2018.",
		evidence.CN: "I am writing to ask to see and copy the personal information you process about me, under Article 45 of the Personal Information Protection Law of the People's Republic of China (PIPL).",
		evidence.US: "I am writing to ask for copies of the records you hold about my account and my dealings with you.",
	}[c.Jurisdiction]
	if intro == "" {
		intro = "I am writing to ask for a copy of the personal data you hold about me, under the data protection law that applies to you."
	}
	if len(who) > 0 {
		intro += " " + strings.Join(who, " and ") + "."
	}
	add(intro)
	add(enRecordList(x, date))
	for _, s := range enRecordsLaw(x, date) {
		add(s)
	}
	add(enPreserve(x))
	if e := clean(p.Contact); e != "" {
		add("Please send the records to me at " + e + ", or to the address above, in a commonly used electronic format where you can.")
	} else {
		add("Please send the records to the address above, in a commonly used electronic format where you can.")
	}

	if n := clean(p.Name); n != "" {
		l.Signature = append(l.Signature, n)
	}
	if e := clean(p.Contact); e != "" {
		l.Signature = append(l.Signature, "Contact: "+e)
	}
	if a := clean(p.AccountID); a != "" {
		l.Signature = append(l.Signature, "Account ID: "+a)
	}
	return l
}

func enRecordList(x *recordsFacts, date func(time.Time) string) string {
	var items []string
	for _, r := range x.records {
		switch r {
		case ChatRecords:
			items = append(items, "the transcripts of my chats with your customer service")
		case CallRecords:
			items = append(items, "the recordings of my telephone calls with you or, where a call was not recorded, your notes of it")
		case TransactionRecords:
			s := "the records of every transaction on my account"
			if !x.r.Since.IsZero() {
				s += " since " + date(x.r.Since)
			}
			s += ", with their time, amount, status and reference numbers"
			if len(x.txs) > 0 {
				s += ", including transactions " + strings.Join(x.txs, ", ")
			}
			items = append(items, s)
		}
	}
	if len(items) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("In particular, please send me:")
	for i, it := range items {
		end := ";"
		if i == len(items)-1 {
			end = "."
		}
		b.WriteString("\n" + string(rune('1'+i)) + ". " + it + end)
	}
	return b.String()
}

func enRecordsLaw(x *recordsFacts, date func(time.Time) string) []string {
	// when is the receipt the reply date is counted from.
	when := " if you receive it on the date of this letter"
	if !sameDay(x.received, x.r.Date) {
		when = ", as you will receive it on " + date(x.received)
	}
	due := date(x.due)
	switch x.c.Jurisdiction {
	case evidence.EU:
		return []string{"Article 12(3) of the GDPR requires you to reply without undue delay and at the latest within one month of receiving this request, that is by " + due + when + ". You may extend that period by two further months only where it is necessary because of the complexity and number of requests, and you must tell me of any extension, with the reasons, within the first month. The first copy is free of charge (Articles 12(5) and 15(3))."}
	case evidence.UK:
		return []string{"Under Articles 12(3) and 12A of the UK GDPR you must reply within one month of receiving this request, that is by " + due + when + ". You may extend that period by two further months only where it is necessary because of the complexity or number of my requests, and you must tell me so, with the reasons, within the first month. If you need information to confirm my identity or to find the records I am asking for, please ask me for it straight away. This request is free of charge (Article 12(5))."}
	case evidence.CN:
		return []string{
			"Under Article 53 of the E-Commerce Law of the People's Republic of China, an electronic payment service provider must give its users a reconciliation service and their transaction records for the last three years free of charge. Please provide the transaction records free of charge.",
			"Under Article 45 of the PIPL you must provide my personal information promptly, and under Article 50 you must give reasons if you refuse. The recommended national standard GB/T 35273-2020 (§8.7) expects an answer within 30 days: please reply in writing by " + due + when + ".",
		}
	case evidence.US:
		return []string{
			"Regulation E gives me a right to some of these records. If you investigated an error I reported and found that no error, or a different error, occurred, you must promptly provide on request copies of the documents you relied on (12 CFR 1005.11(d)(1)); I request them. If my account is a prepaid account, including a digital wallet that holds funds, for which you do not send periodic statements, you must promptly provide on request a written history of my account transactions covering at least the 24 months before you receive this request (12 CFR 1005.18(b)(1)(iii)).",
			"No general federal law gives a right to see all the personal information you hold; where the law of my state gives me such a right, I also make this request under it. Please send the records within 30 days, that is by " + due + when + ".",
		}
	}
	return []string{"Please send the records within 30 days, that is by " + due + when + "."}
}

func enPreserve(x *recordsFacts) string {
	about := "my dispute with you" + enAbout(x.c.Problem, "your reference", x.r.Reference, x.c.Jurisdiction == evidence.US)
	s := "These records are evidence in " + about + ". Please preserve them and do not delete or overwrite them while the dispute, or any complaint about it to an ombudsman, a regulator or a court, is open."
	switch x.c.Jurisdiction {
	case evidence.EU:
		s += " If you would otherwise erase any of them, I ask you to restrict their processing instead, as I need them for the establishment, exercise or defence of legal claims (GDPR Article 18(1)(c))."
	case evidence.UK:
		s += " If you would otherwise erase any of them, I ask you to restrict their processing instead, as I need them for the establishment, exercise or defence of legal claims (UK GDPR Article 18(1)(c))."
	case evidence.US:
		s = strings.Replace(s, "an ombudsman, a regulator", "a regulator", 1)
	}
	return s
}

func zhRecords(x *recordsFacts) Letter {
	c := x.c
	p := c.Complainant
	provider := clean(c.Provider)
	zhDate := func(t time.Time) string { return t.Format("2006年1月2日") }
	l := Letter{Lang: evidence.Chinese, Enclosures: []string{}}
	if n := clean(p.Name); n != "" {
		l.Sender = append(l.Sender, n)
	}
	l.Sender = append(l.Sender, lines(p.Address)...)
	switch {
	case clean(x.r.RecipientName) != "":
		l.Addressee = lines(x.r.RecipientName)
	case provider != "":
		l.Addressee = []string{provider + " 个人信息保护负责人"}
	default:
		l.Addressee = []string{"个人信息保护负责人"}
	}
	l.Addressee = append(l.Addressee, lines(x.r.RecipientAddress)...)
	l.Subject = "事由：申请查阅、复制本人个人信息及交易记录并请求妥善保存"
	if a := clean(p.AccountID); a != "" {
		l.Subject += "（账户：" + a + "）"
	}
	if provider != "" {
		l.Salutation = "尊敬的" + provider + "："
	} else {
		l.Salutation = "尊敬的负责人："
	}
	l.Closing = "此致\n敬礼！"

	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			l.Paragraphs = append(l.Paragraphs, s)
		}
	}
	intro := "本人"
	if n := clean(p.Name); n != "" {
		intro += n + "，"
	}
	intro += "系贵司用户"
	if a := clean(p.AccountID); a != "" {
		intro += "，账户为" + a
	}
	intro += "。"
	law := map[evidence.Jurisdiction]string{
		evidence.CN: "根据《中华人民共和国个人信息保护法》第四十五条，本人申请查阅、复制贵司处理的本人个人信息。",
		evidence.EU: "根据欧盟《通用数据保护条例》（GDPR，(EU) 2016/679）第十五条，本人申请获取贵司持有的本人个人数据副本。",
		evidence.UK: "根据英国《通用数据保护条例》（UK GDPR）第十五条及《2018年数据保护法》，本人申请获取贵司持有的本人个人数据副本。",
		evidence.US: "本人申请获取贵司持有的与本人账户及往来有关的记录副本。",
	}[c.Jurisdiction]
	if law == "" {
		law = "根据适用于贵司的个人信息保护法律，本人申请获取贵司持有的本人个人信息副本。"
	}
	add(intro + law)

	var items []string
	for _, r := range x.records {
		switch r {
		case ChatRecords:
			items = append(items, "本人与贵司客服的在线聊天记录")
		case CallRecords:
			items = append(items, "本人与贵司的通话录音（未录音的，请提供通话记录）")
		case TransactionRecords:
			s := "本人账户"
			if !x.r.Since.IsZero() {
				s += "自" + zhDate(x.r.Since) + "以来"
			}
			s += "的全部交易记录，包括交易时间、金额、状态和流水号"
			if len(x.txs) > 0 {
				s += "（其中包括交易" + strings.Join(x.txs, "、") + "）"
			}
			items = append(items, s)
		}
	}
	if len(items) > 0 {
		for i := range items {
			end := "；"
			if i == len(items)-1 {
				end = "。"
			}
			items[i] = zhNumber(i+1) + items[i] + end
		}
		add("具体包括：\n" + strings.Join(items, "\n"))
	}

	by := "即于" + zhDate(x.due) + "前（以贵司于本函日期收到计）"
	if !sameDay(x.received, x.r.Date) {
		by = "即于" + zhDate(x.due) + "前（贵司将于" + zhDate(x.received) + "收到本函）"
	}
	switch c.Jurisdiction {
	case evidence.CN:
		add("根据《中华人民共和国电子商务法》第五十三条，电子支付服务提供者应当向用户免费提供对账服务以及最近三年的交易记录。请免费提供上述交易记录。")
		add("根据《个人信息保护法》第四十五条，个人请求查阅、复制其个人信息的，个人信息处理者应当及时提供；拒绝的，应当依照第五十条说明理由。请于三十日内，" + by + "，书面答复并提供上述材料（参照推荐性国家标准《信息安全技术 个人信息安全规范》（GB/T 35273—2020）第8.7条的答复期限）。")
	case evidence.EU:
		add("根据GDPR第十二条第三款，贵司应当在收到本申请后一个月内答复，" + by + "；因申请复杂或数量较多确需延长的，最多可再延长两个月，但须在第一个月内告知本人并说明理由。第一份副本应当免费提供（第十二条第五款、第十五条第三款）。")
	case evidence.UK:
		add("根据UK GDPR第十二条第三款及第十二A条，贵司应当在收到本申请后一个月内答复，" + by + "；因申请复杂或数量较多确需延长的，最多可再延长两个月，但须在第一个月内告知本人并说明理由。如需核验本人身份或明确所需记录的范围，请立即告知。本申请免费（第十二条第五款）。")
	case evidence.US:
		add("根据美国E条例：贵司对本人报告的错误进行调查后认定不存在错误（或存在其他错误）的，应当根据本人请求及时提供其所依据的文件副本（12 CFR 1005.11(d)(1)），本人现提出该请求；本人账户属于不寄送定期账单的预付账户（包括存有资金的电子钱包）的，贵司应当根据请求及时提供收到请求前至少24个月的书面交易记录（12 CFR 1005.18(b)(1)(iii)）。")
		add("联邦法律没有普遍的个人信息查阅权；本人所在州的法律赋予此项权利的，本人亦依据该法律提出本申请。请于三十日内，" + by + "，提供上述记录。")
	default:
		add("请于三十日内，" + by + "，提供上述记录。")
	}

	about := "本人与贵司之间"
	if pr := zhProblems[c.Problem]; pr != "" {
		about += "关于" + pr + "的争议"
	} else {
		about += "争议"
	}
	if ref := clean(x.r.Reference); ref != "" {
		about += "（贵司编号：" + ref + "）"
	}
	pres := "上述记录是" + about + "的证据。请贵司妥善保存，在争议及相关投诉、调解、诉讼处理完毕前，不得删除、覆盖或销毁。"
	switch c.Jurisdiction {
	case evidence.EU:
		pres += "如上述记录原应删除，请改为限制处理，因本人需要其用于提出、行使或抗辩法律主张（GDPR第十八条第一款第（三）项）。"
	case evidence.UK:
		pres += "如上述记录原应删除，请改为限制处理，因本人需要其用于提出、行使或抗辩法律主张（UK GDPR第十八条第一款第（三）项）。"
	}
	add(pres)
	if e := clean(p.Contact); e != "" {
		add("如需核验本人身份，请及时告知所需材料。请将上述材料发送至" + e + "，或寄至上述地址。")
	} else {
		add("如需核验本人身份，请及时告知所需材料。请将上述材料寄至上述地址。")
	}

	l.Signature = []string{"申请人（签字）："}
	if n := clean(p.Name); n != "" {
		l.Signature = append(l.Signature, "姓名："+n)
	}
	if e := clean(p.Contact); e != "" {
		l.Signature = append(l.Signature, "联系方式："+e)
	}
	if a := clean(p.AccountID); a != "" {
		l.Signature = append(l.Signature, "账户："+a)
	}
	// The date goes with the signature as "日期：…" rather than in Date, so
	// the letter reads the same whichever way Letter.Text places Date.
	l.Signature = append(l.Signature, "日期："+zhDate(x.r.Date))
	return l
}
