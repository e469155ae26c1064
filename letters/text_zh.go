package letters

import (
	"strconv"
	"strings"
	"time"

	"redress/evidence"
)

// zh writes formal Simplified Chinese: "尊敬的…：" … "此致" / "敬礼！", the
// signature and the date at the end.
type zh struct{}

var zhProblems = map[evidence.Problem]string{
	evidence.TopupNotCredited:        "充值未到账",
	evidence.WithdrawalDelayed:       "提现延迟",
	evidence.TransferNotReceived:     "转账未收到",
	evidence.PaymentFailed:           "支付失败但已扣款",
	evidence.AccountFrozen:           "账户被冻结",
	evidence.RefundRefused:           "拒绝退款",
	evidence.UnauthorizedTransaction: "账户发生未经授权交易",
	evidence.IncorrectRecord:         "交易记录错误",
	evidence.AccountClosure:          "账户被关闭",
	evidence.OtherProblem:            "账户相关问题",
}

var zhChannels = map[evidence.Channel]string{
	evidence.Phone:  "通过电话",
	evidence.Chat:   "通过在线客服",
	evidence.Email:  "通过电子邮件",
	evidence.InApp:  "通过应用内客服",
	evidence.Social: "通过社交媒体",
	evidence.Post:   "通过信函",
}

var zhKinds = map[evidence.Kind]string{
	evidence.KindTransaction: "交易记录",
	evidence.KindContact:     "沟通记录",
	evidence.KindScreenshot:  "截图",
	evidence.KindDocument:    "文件",
	evidence.KindNote:        "备注",
	evidence.KindLetter:      "函件",
	evidence.KindResponse:    "回复",
}

func (zh) date(t time.Time) string { return t.Format("2006年1月2日") }

func (w zh) dateTime(t time.Time) string {
	return w.date(t) + " " + t.Format("15:04") + "（" + offset(t) + "）"
}

func (zh) money(m evidence.Money) string {
	if m.IsZero() {
		return ""
	}
	if m.Currency == "CNY" {
		return grouped(m) + " 元"
	}
	return grouped(m) + " " + m.Currency
}

// name is the provider's name for use in a sentence.
func (zh) name(f *facts) string {
	if f.c.Provider != "" {
		return f.c.Provider
	}
	return "该支付机构"
}

// them is "贵司" in letters to the provider, its name otherwise.
func (w zh) them(f *facts) string {
	if f.to == Provider {
		return "贵司"
	}
	return w.name(f)
}

// you is the polite form for the recipient of a letter to an association
// or a regulator.
func (zh) you(f *facts) string {
	if f.to == Association {
		return "贵会"
	}
	return "贵机构"
}

func (zh) sender(f *facts) []string {
	var s []string
	if n := f.c.Complainant.Name; n != "" {
		s = append(s, "投诉人："+n)
	}
	for i, l := range lines(f.c.Complainant.Address) {
		if i == 0 {
			l = "地址：" + l
		}
		s = append(s, l)
	}
	return s
}

// recipient is the addressee's name and the lines under it.
func (zh) recipient(f *facts) (string, []string) {
	if n := lines(f.in.RecipientName); len(n) > 0 {
		return n[0], n[1:]
	}
	if f.to == Provider {
		return f.c.Provider + "客户投诉部", nil
	}
	b := defaultBody(f.to, f.c.Jurisdiction)
	return b.zh, b.zhExtra
}

func (w zh) addressee(f *facts) []string {
	name, more := w.recipient(f)
	a := append([]string{"致：" + name}, more...)
	return append(a, lines(f.in.RecipientAddress)...)
}

func (w zh) subject(f *facts) string {
	p := zhProblems[f.c.Problem]
	if p == "" {
		p = zhProblems[evidence.OtherProblem]
	}
	s := "事由：关于" + p + "的正式投诉"
	if f.to != Provider {
		s = "事由：关于" + w.name(f) + p + "问题的投诉"
		if strings.HasSuffix(p, "问题") {
			s = "事由：关于" + w.name(f) + p + "的投诉"
		}
	}
	var more []string
	if a := f.c.Complainant.AccountID; a != "" {
		more = append(more, "账户："+a)
	}
	if m := w.money(f.c.Amount); m != "" {
		more = append(more, "涉及金额："+m)
	}
	if len(more) > 0 {
		s += "（" + strings.Join(more, "；") + "）"
	}
	return s
}

func (w zh) salutation(f *facts, _ []string) string {
	name, _ := w.recipient(f)
	return "尊敬的" + name + "："
}

func (w zh) intro(f *facts) string {
	s := "本人"
	if n := f.c.Complainant.Name; n != "" {
		s += n + "，"
	}
	s += "系" + w.them(f) + "用户"
	if a := f.c.Complainant.AccountID; a != "" {
		s += "，账户为" + a
	}
	s += "。"
	if f.to == Provider {
		return s + "现就以下问题向贵司提出正式投诉。"
	}
	return s + "现就本人与" + w.name(f) + "之间的纠纷向" + w.you(f) + "投诉，恳请" + w.you(f) + "予以帮助。本人未能与" + w.name(f) + "自行解决此事。"
}

func (w zh) happened(f *facts) string {
	on := ""
	if !f.incident.IsZero() {
		on = w.date(f.incident) + "，"
	}
	amt := w.money(f.c.Amount)
	them := w.them(f)
	acct := "本人在" + them + "开立的账户"
	into := "在" + them + "开立的账户" // after a verb whose subject is 本人
	withAmt := func(prefix string) string {
		if amt == "" {
			return ""
		}
		return prefix + amt
	}
	switch f.c.Problem {
	case evidence.TopupNotCredited:
		return on + "本人向" + into + "充值" + amt + "。该款项已从本人的付款账户扣除，但至今未计入本人的账户余额。"
	case evidence.WithdrawalDelayed:
		return on + "本人申请从" + into + "提现" + amt + "至本人银行账户。该款项已从账户余额中扣除，但至今仍未到达本人银行账户。"
	case evidence.TransferNotReceived:
		if f.incoming() {
			return on + "他人向" + acct + "转入一笔款项" + withAmt("，金额为") + "，但该款项至今未计入本人账户。"
		}
		return on + "本人通过" + into + "转出一笔款项" + withAmt("，金额为") + "。该款项已从本人账户扣除，但收款方至今未收到。"
	case evidence.PaymentFailed:
		return on + "本人使用" + into + "付款" + amt + "。系统显示支付失败，但款项已被扣除，至今未予退还。"
	case evidence.AccountFrozen:
		return on + acct + "被冻结" + withAmt("，账户内资金共计") + "。此后本人既无法使用该账户，也无法支取账户内的资金。"
	case evidence.RefundRefused:
		return on + "本人向" + them + "申请退款" + amt + "，但退款申请遭到拒绝。本人认为该笔款项理应退还。"
	case evidence.UnauthorizedTransaction:
		return on + acct + "发生一笔本人未曾进行、也未曾授权的交易" + withAmt("，金额为") + "。"
	case evidence.IncorrectRecord:
		return on + "本人发现" + them + "对本人账户的交易记录有误" + withAmt("，涉及金额") + "。该记录与实际情况不符，应予更正。"
	case evidence.AccountClosure:
		s := on + them + "关闭了本人的账户。"
		if amt != "" {
			s += "账户内尚有余额" + amt + "，至今未退还本人。"
		}
		return s
	default:
		s := on + "本人在使用" + them + "的服务时遇到问题" + withAmt("，涉及金额") + "。"
		if t := trimStop(f.c.Title); t != "" {
			s += "具体情况：" + finish(t, "。")
		}
		return s
	}
}

func (zh) see(f *facts, e evidence.Event) string {
	if n := f.see[e.ID]; len(n) > 0 {
		return "见附件" + strings.Join(n, "、")
	}
	return ""
}

func (w zh) transactions(f *facts) string {
	if len(f.txs) == 0 {
		return ""
	}
	var items []string
	for _, e := range f.txs {
		t := e.Transaction
		var parts []string
		if t.TxID != "" {
			parts = append(parts, "交易号"+t.TxID)
		} else if s := trimStop(e.Summary); s != "" {
			parts = append(parts, s)
		}
		if m := w.money(t.Amount); m != "" {
			parts = append(parts, "金额"+m)
		}
		switch t.Direction {
		case evidence.MoneyIn:
			parts = append(parts, "转入")
		case evidence.MoneyOut:
			parts = append(parts, "转出")
		}
		if c := clean(t.Counterparty); c != "" {
			parts = append(parts, "对方："+c)
		}
		if st := clean(t.Status); st != "" {
			parts = append(parts, "显示状态："+st)
		}
		if r := e.Reference; r != "" && r != t.TxID {
			parts = append(parts, "参考编号："+r)
		}
		item := w.dateTime(e.At)
		if len(parts) > 0 {
			item += "，" + strings.Join(parts, "，")
		}
		if s := w.see(f, e); s != "" {
			item += "（" + s + "）"
		}
		items = append(items, item+"。")
	}
	return "涉及的交易如下：\n" + numbered(items)
}

func (w zh) contacts(f *facts) string {
	if len(f.contacts) == 0 {
		return ""
	}
	them := w.them(f)
	var items []string
	for _, e := range f.contacts {
		c := e.Contact
		s := w.dateTime(e.At) + "，"
		switch {
		case c.Channel == evidence.Visit && c.Direction == evidence.Inbound:
			s += them + "工作人员与本人当面沟通"
		case c.Channel == evidence.Visit:
			s += "本人前往" + them + "当面沟通"
		case c.Direction == evidence.Inbound:
			s += them + zhChannels[c.Channel] + "联系本人"
		default:
			s += "本人" + zhChannels[c.Channel] + "联系" + them
		}
		var details []string
		if c.Agent != "" {
			details = append(details, "客服："+clean(c.Agent))
		}
		if e.Reference != "" {
			details = append(details, "编号："+e.Reference)
		}
		if x := w.see(f, e); x != "" {
			details = append(details, x)
		}
		if len(details) > 0 {
			s += "（" + strings.Join(details, "；") + "）"
		}
		s += "。"
		if sum := finish(e.Summary, "。"); sum != "" {
			s += "沟通内容：" + sum
		}
		items = append(items, s)
	}
	head := "本人已就此事联系" + them + "，具体如下："
	if f.to != Provider {
		head = "本人已就此事与" + them + "交涉，具体如下："
	}
	return head + "\n" + numbered(items)
}

func (w zh) promise(f *facts, e evidence.Event) string {
	c := e.Contact
	them := w.them(f)
	s := w.date(e.At) + "，" + them + "客服" + clean(c.Agent) + "承诺"
	if p := trimStop(c.Promise); p != "" {
		s += "：“" + p + "”。"
		if c.PromiseBy != nil {
			s += "承诺期限为" + w.dateTime(*c.PromiseBy) + "。"
		}
	} else {
		s += "于" + w.dateTime(*c.PromiseBy) + "前解决此事。"
	}
	if f.broken(e) {
		s += "该承诺未兑现：承诺期限已过，本人未收到" + them + "任何答复，也未见相关交易。"
	}
	return s
}

func (w zh) history(f *facts) string {
	them := w.them(f)
	var s []string
	for _, e := range f.letters {
		l := e.Letter
		t := w.date(e.At) + "，本人"
		if m := clean(l.Method); m != "" {
			t += "通过" + m
		}
		t += "向" + them + "提交了书面投诉"
		var details []string
		if n := clean(l.Name); n != "" {
			details = append(details, "收件人："+n)
		}
		if e.Reference != "" {
			details = append(details, "编号："+e.Reference)
		}
		if x := w.see(f, e); x != "" {
			details = append(details, x)
		}
		if len(details) > 0 {
			t += "（" + strings.Join(details, "；") + "）"
		}
		s = append(s, t+"。")
	}
	if len(f.letters) == 0 && len(f.contacts) > 0 && f.to != Provider {
		s = append(s, "本人已通过上述方式向"+them+"提出投诉。")
	}
	final := false
	for _, e := range f.responses {
		r := e.Response
		t := w.date(e.At) + "，" + them + "作出答复"
		var details []string
		if n := clean(r.Name); n != "" {
			details = append(details, "答复方："+n)
		}
		if e.Reference != "" {
			details = append(details, "编号："+e.Reference)
		}
		if x := w.see(f, e); x != "" {
			details = append(details, x)
		}
		if len(details) > 0 {
			t += "（" + strings.Join(details, "；") + "）"
		}
		out := trimStop(r.Outcome)
		if out == "" {
			out = trimStop(e.Summary)
		}
		if out != "" {
			t += "：“" + out + "”"
		}
		t += "。"
		if r.Final {
			final = true
			t += them + "表示此为最终答复。"
		}
		s = append(s, t)
	}
	switch {
	case len(f.letters) > 0 && f.unanswered():
		s = append(s, "对于本人"+w.date(f.letters[len(f.letters)-1].At)+"提交的投诉，"+them+"至今未作答复。")
	case len(f.responses) == 0 && f.to != Provider && len(f.contacts) > 0:
		s = append(s, them+"至今未作答复，本人亦未收到任何书面回复。")
	case len(f.responses) == 0 && f.to != Provider:
		s = append(s, "截至本函日期，本人未收到"+them+"的任何答复。")
	case len(f.responses) > 0 && !final && f.to != Provider:
		s = append(s, "上述答复均非最终答复，问题至今未获解决。")
	}
	return strings.Join(s, "")
}

func (w zh) remedy(f *facts) string {
	amt := w.money(f.c.Amount)
	var r string
	switch f.c.Problem {
	case evidence.TopupNotCredited:
		r = "将充值款项" + amt + "计入本人账户"
	case evidence.WithdrawalDelayed:
		r = "尽快完成提现，将款项" + amt + "划入本人银行账户，或将其退回本人账户余额"
	case evidence.TransferNotReceived:
		if f.incoming() {
			r = "将转入款项" + amt + "计入本人账户"
		} else {
			r = "完成该笔转账，或将款项" + amt + "退还本人"
		}
	case evidence.PaymentFailed:
		r = "退还支付失败但已扣除的款项" + amt
	case evidence.AccountFrozen:
		r = "解除对本人账户的限制，恢复本人对账户资金的使用"
	case evidence.RefundRefused:
		r = "退还本人应得的款项" + amt
	case evidence.UnauthorizedTransaction:
		r = "赔付未经授权交易造成的损失" + amt + "，并采取措施保障本人账户安全"
	case evidence.IncorrectRecord:
		r = "更正本人账户的错误记录，并书面确认更正结果"
	case evidence.AccountClosure:
		if amt != "" {
			r = "将账户剩余余额" + amt + "退还本人"
		} else {
			r = "重新审查关闭本人账户的决定"
		}
	default:
		r = "妥善解决上述问题"
	}
	return r + "，并书面说明事情经过"
}

func (w zh) request(f *facts) string {
	var s string
	switch f.to {
	case Association:
		s = "恳请贵会受理本人对" + w.name(f) + "的投诉，并居中调解。"
	case Regulator:
		s = "恳请贵机构对" + w.name(f) + "处理本人投诉的情况进行核查，并依法督促其妥善处理。"
	}
	if r := finish(f.c.Remedy, "。"); r != "" {
		if f.to == Provider {
			s = "为此，本人请求贵司：" + r
		} else {
			s += "本人的诉求是：" + r
		}
	} else if f.to == Provider {
		s = "为此，本人请求贵司" + w.remedy(f) + "。"
	} else {
		s += "本人的诉求是：" + w.name(f) + w.remedy(f) + "。"
	}
	if m := w.money(f.c.Amount); m != "" {
		s += "争议金额为" + m + "。"
	}
	return s
}

func (w zh) deadline(f *facts) string {
	days := strconv.Itoa(f.days)
	if f.to == Provider {
		return "请贵司自本函发出之日起" + days + "日内，即于" + w.date(f.deadline) + "前书面答复本人。如届时未获满意答复，本人将向" +
			defaultBody(Regulator, f.c.Jurisdiction).zh + "反映。"
	}
	return "烦请" + w.you(f) + "自本函发出之日起" + days + "日内，即于" + w.date(f.deadline) + "前予以答复。"
}

func (zh) enclosing(f *facts) string {
	if len(f.in.Exhibits) > 0 {
		return "随函附上下列证据材料的副本。如需原件或进一步信息，本人可随时提供。"
	}
	return "如需进一步信息或证据材料，本人可随时提供。"
}

func (zh) enclosure(x Exhibit) string {
	return exhibitLine(x, zhKinds[x.Kind], "（", "）")
}

func (zh) closing() string { return "此致\n敬礼！" }

func (zh) signature(f *facts) []string {
	var s []string
	p := f.c.Complainant
	if p.Name != "" {
		s = append(s, "投诉人："+p.Name)
	}
	if p.Contact != "" {
		s = append(s, "联系方式："+clean(p.Contact))
	}
	if p.AccountID != "" {
		s = append(s, "账户："+p.AccountID)
	}
	return s
}
