package letters

import (
	"strconv"
	"strings"
	"time"

	"redress/escalation"
	"redress/evidence"
)

// zh writes formal Simplified Chinese: "尊敬的…：" … "此致" / "敬礼！", the
// signature and the date at the end.
type zh struct{ rep bool }

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

func (w zh) date(t time.Time) string { return t.Format("2006年1月2日") }

func (w zh) dateTime(t time.Time) string {
	return w.date(t) + " " + t.Format("15:04") + "（" + offset(t) + "）"
}

// zhCurrencies names common currencies the way Chinese documents write
// amounts: 人民币1,280.00元, 1,280.00美元.
var zhCurrencies = map[string]string{"USD": "美元", "EUR": "欧元", "GBP": "英镑", "HKD": "港元", "JPY": "日元",
	"MOP": "澳门元", "TWD": "新台币", "SGD": "新加坡元", "AUD": "澳大利亚元", "CAD": "加拿大元"}

func (w zh) money(m evidence.Money) string {
	if m.IsZero() {
		return ""
	}
	if m.Currency == "CNY" {
		return "人民币" + grouped(m) + "元"
	}
	if name, ok := zhCurrencies[m.Currency]; ok {
		return grouped(m) + name
	}
	return grouped(m) + " " + m.Currency
}

// name is the provider's name for use in a sentence.
func (w zh) name(f *facts) string {
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
func (w zh) you(f *facts) string {
	if f.to == Association && strings.HasSuffix(zhBodies[f.body.ID].name, "协会") {
		return "贵会"
	}
	if f.body.ID == "cn.pboc" {
		return "贵行"
	}
	return "贵机构"
}

func (w zh) sender(f *facts) []string {
	if f.rep != nil {
		return w.repSender(f)
	}
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
func (w zh) recipient(f *facts) (string, []string) {
	if n := lines(f.in.RecipientName); len(n) > 0 {
		return n[0], n[1:]
	}
	if f.to == Provider {
		return f.c.Provider + "客户投诉部", nil
	}
	b := zhBodies[f.body.ID]
	if f.body.NeedsCity && f.city != "" {
		return strings.ReplaceAll(b.cityName, "{city}", zhCity(f.city)), b.extra
	}
	return b.name, b.extra
}

// zhCity writes a city the way an association's name has it: "上海" →
// "上海市"; a city in Latin letters is followed by a space.
func zhCity(city string) string {
	if isASCII(city) {
		return city + " "
	}
	return escalation.CityName(city)
}

// bodyRef is how a sentence names a body.
func (w zh) bodyRef(id string) string { return zhBodies[id].ref }

// respondent is the 被投诉人 block of letters to bodies: the provider's
// name, address and contact.
func (w zh) respondent(f *facts) []string {
	if f.to == Provider {
		return nil
	}
	r := []string{"被投诉人：" + w.name(f)}
	for i, l := range lines(f.in.ProviderAddress) {
		if i == 0 {
			l = "地址：" + l
		}
		r = append(r, l)
	}
	if c := clean(f.in.ProviderContact); c != "" {
		r = append(r, "联系方式："+c)
	}
	return r
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
	if f.rep != nil {
		return w.repIntro(f)
	}
	s := w.i()
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
	return s + "现就" + w.i() + "与" + w.name(f) + "之间的纠纷向" + w.you(f) + "投诉，恳请" + w.you(f) + "予以帮助。" + w.i() + "未能与" + w.name(f) + "自行解决此事。"
}

func (w zh) happened(f *facts) string {
	on := ""
	if !f.incident.IsZero() {
		on = w.date(f.incident) + "，"
	}
	amt := w.money(f.c.Amount)
	them := w.them(f)
	acct := w.i() + "在" + them + "开立的账户"
	into := "在" + them + "开立的账户" // after a verb whose subject is 本人
	withAmt := func(prefix string) string {
		if amt == "" {
			return ""
		}
		return prefix + amt
	}
	switch f.c.Problem {
	case evidence.TopupNotCredited:
		return on + w.i() + "向" + into + "充值" + amt + "。该款项已从" + w.i() + "的付款账户扣除，但至今未计入" + w.i() + "的账户余额。"
	case evidence.WithdrawalDelayed:
		return on + w.i() + "申请从" + into + "提现" + amt + "至" + w.i() + "银行账户。该款项已从账户余额中扣除，但至今仍未到达" + w.i() + "银行账户。"
	case evidence.TransferNotReceived:
		if f.incoming() {
			return on + "他人向" + acct + "转入一笔款项" + withAmt("，金额为") + "，但该款项至今未计入" + w.i() + "账户。"
		}
		return on + w.i() + "通过" + into + "转出一笔款项" + withAmt("，金额为") + "。该款项已从" + w.i() + "账户扣除，但收款方至今未收到。"
	case evidence.PaymentFailed:
		return on + w.i() + "使用" + into + "付款" + amt + "。系统显示支付失败，但款项已被扣除，至今未予退还。"
	case evidence.AccountFrozen:
		return on + acct + "被冻结" + withAmt("，账户内资金共计") + "。此后" + w.i() + "既无法使用该账户，也无法支取账户内的资金。"
	case evidence.RefundRefused:
		return on + w.i() + "向" + them + "申请退款" + amt + "，但退款申请遭到拒绝。" + w.i() + "认为该笔款项理应退还。"
	case evidence.UnauthorizedTransaction:
		return on + acct + "发生一笔" + w.i() + "未曾进行、也未曾授权的交易" + withAmt("，金额为") + "。"
	case evidence.IncorrectRecord:
		return on + w.i() + "发现" + them + "对" + w.i() + "账户的交易记录有误" + withAmt("，涉及金额") + "。该记录与实际情况不符，应予更正。"
	case evidence.AccountClosure:
		s := on + them + "关闭了" + w.i() + "的账户。"
		if amt != "" {
			s += "账户内尚有余额" + amt + "，至今未退还" + w.i() + "。"
		}
		return s
	default:
		s := on + w.i() + "在使用" + them + "的服务时遇到问题" + withAmt("，涉及金额") + "。"
		if t := trimStop(f.c.Title); t != "" {
			s += "具体情况：" + finish(t, "。")
		}
		return s
	}
}

func (w zh) see(f *facts, e evidence.Event) string {
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
			s += them + "工作人员与" + w.i() + "当面沟通"
		case c.Channel == evidence.Visit:
			s += w.i() + "前往" + them + "当面沟通"
		case c.Direction == evidence.Inbound:
			s += them + zhChannels[c.Channel] + "联系" + w.i()
		default:
			s += w.i() + zhChannels[c.Channel] + "联系" + them
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
	head := w.i() + "已就此事联系" + them + "，具体如下："
	if f.to != Provider {
		head = w.i() + "已就此事与" + them + "交涉，具体如下："
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
		s += "该承诺未兑现：承诺期限已过，" + w.i() + "未收到" + them + "任何答复，也未见相关交易。"
	}
	return s
}

func (w zh) history(f *facts) string {
	them := w.them(f)
	var s []string
	for _, e := range f.letters {
		l := e.Letter
		t := w.date(e.At) + "，" + w.i()
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
		s = append(s, w.i()+"已通过上述方式向"+them+"提出投诉。")
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
		s = append(s, "对于"+w.i()+w.date(f.letters[len(f.letters)-1].At)+"提交的投诉，"+them+"至今未作答复。")
	case len(f.responses) == 0 && f.to != Provider && len(f.contacts) > 0:
		s = append(s, them+"至今未作答复，"+w.i()+"亦未收到任何书面回复。")
	case len(f.responses) == 0 && f.to != Provider:
		s = append(s, "截至本函日期，"+w.i()+"未收到"+them+"的任何答复。")
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
		r = "将充值款项" + amt + "计入" + w.i() + "账户"
	case evidence.WithdrawalDelayed:
		r = "尽快完成提现，将款项" + amt + "划入" + w.i() + "银行账户，或将其退回" + w.i() + "账户余额"
	case evidence.TransferNotReceived:
		if f.incoming() {
			r = "将转入款项" + amt + "计入" + w.i() + "账户"
		} else {
			r = "完成该笔转账，或将款项" + amt + "退还" + w.i()
		}
	case evidence.PaymentFailed:
		r = "退还支付失败但已扣除的款项" + amt
	case evidence.AccountFrozen:
		r = "解除对" + w.i() + "账户的限制，恢复" + w.i() + "对账户资金的使用"
	case evidence.RefundRefused:
		r = "退还" + w.i() + "应得的款项" + amt
	case evidence.UnauthorizedTransaction:
		r = "赔付未经授权交易造成的损失" + amt + "，并采取措施保障" + w.i() + "账户安全"
	case evidence.IncorrectRecord:
		r = "更正" + w.i() + "账户的错误记录，并书面确认更正结果"
	case evidence.AccountClosure:
		if amt != "" {
			r = "将账户剩余余额" + amt + "退还" + w.i()
		} else {
			r = "重新审查关闭" + w.i() + "账户的决定"
		}
	default:
		r = "妥善解决上述问题"
	}
	return r + "，并书面说明事情经过"
}

func (w zh) request(f *facts) string {
	var s string
	if f.to != Provider {
		s = strings.ReplaceAll(w.voice(zhBodies[f.body.ID].ask), "{provider}", w.name(f))
		s = strings.ReplaceAll(s, "{you}", w.you(f))
		if f.body.AdviserOnly {
			return s
		}
	}
	if r := finish(f.c.Remedy, "。"); r != "" {
		if f.to == Provider {
			s = "为此，" + w.i() + "请求贵司：" + r
		} else {
			s += w.i() + "的诉求是：" + r
		}
	} else if f.to == Provider {
		s = "为此，" + w.i() + "请求贵司" + w.remedy(f) + "。"
	} else {
		s += w.i() + "的诉求是：" + w.name(f) + w.remedy(f) + "。"
	}
	if m := w.money(f.c.Amount); m != "" {
		s += "争议金额为" + m + "。"
	}
	return s
}

// otherSteps tells the police report and the dispute raised with the bank.
func (w zh) otherSteps(f *facts) string {
	var s []string
	say := func(e evidence.Event, what string) {
		t := w.date(e.At) + "，" + w.i() + what
		var details []string
		if e.Reference != "" {
			details = append(details, "编号："+e.Reference)
		}
		if x := w.see(f, e); x != "" {
			details = append(details, x)
		}
		if len(details) > 0 {
			t += "（" + strings.Join(details, "；") + "）"
		}
		if sum := trimStop(e.Summary); sum != "" {
			t += "：“" + sum + "”"
		}
		s = append(s, t+"。")
	}
	for _, e := range f.police {
		say(e, "已就此事向公安机关报案")
	}
	for _, e := range f.bank {
		say(e, "已就该笔款项向"+w.i()+"开户银行提出争议（拒付）申请")
	}
	return strings.Join(s, "")
}

// legalBasis cites the rights the complaint rests on.
func (w zh) legalBasis(f *facts) string {
	var items []string
	for _, r := range f.rights {
		if t := zhRights[r.ID]; t != "" {
			items = append(items, "根据"+r.Source.Short+"，"+t)
		}
	}
	if len(items) == 0 {
		return ""
	}
	return w.i() + "投诉的法律依据如下：\n" + numbered(items)
}

// keyDates gives the dates the law sets in this case.
func (w zh) keyDates(f *facts) string {
	var items []string
	for _, d := range f.citedDeadlines() {
		r, _ := escalation.Lookup(d.RuleID)
		cite := r.Source.Short
		switch d.Clock {
		case escalation.ClockOmbudsmanAfter:
			if d.Status == escalation.Available {
				items = append(items, "根据"+cite+"，自"+w.date(d.Due)+"起，英国金融申诉专员服务（FOS）即可受理"+w.i()+"的投诉。")
			} else {
				items = append(items, "根据"+cite+"，自"+w.date(d.Due)+"起（或"+w.them(f)+"发出最终答复时），英国金融申诉专员服务（FOS）即可受理"+w.i()+"的投诉。")
			}
			continue
		case escalation.ClockPlatformMediation:
			items = append(items, "根据"+cite+"，未达成调解协议的，调解于"+w.date(d.Due)+"终止。")
			continue
		}
		phrase := strings.ReplaceAll(w.voice(zhClocks[d.Clock]), "{start}", w.date(d.Start))
		if phrase == "" {
			continue
		}
		if d.Status == escalation.Overdue {
			items = append(items, "根据"+cite+"，"+phrase+"的期限已于"+w.date(d.Due)+"届满。")
		} else {
			items = append(items, "根据"+cite+"，"+phrase+"的期限为"+w.date(d.Due)+"。")
		}
	}
	if len(items) == 0 {
		return ""
	}
	return "相关期限如下：\n" + numbered(items)
}

// window renders a rule's window: "15个工作日", "15日".
func (w zh) window(r escalation.Rule) string {
	n := strconv.Itoa(r.Window.N)
	switch r.Window.Unit {
	case escalation.BusinessDays:
		return n + "个工作日"
	case escalation.Hours:
		return n + "小时"
	}
	return n + "日"
}

func (w zh) deadline(f *facts) string {
	if f.to != Provider {
		if f.statutory {
			act := "予以处理并告知" + w.i()
			if f.rule.Clock == escalation.ClockPlatformAccept {
				act = "作出受理或者不予受理的决定并告知" + w.i()
			}
			return "恳请" + w.you(f) + "依照" + f.rule.Source.Short + "，自收到本函之日起" + w.window(f.rule) + "内" + act + "；如本函于发出当日送达，即于" +
				w.date(f.deadline) + "前。"
		}
		if f.days > 0 {
			return "烦请" + w.you(f) + "自本函发出之日起" + strconv.Itoa(f.days) + "日内，即于" + w.date(f.deadline) + "前予以答复。"
		}
		return "盼复。"
	}
	var s string
	switch {
	case f.statutory && f.rule.Nature == escalation.Law:
		s = "根据" + f.rule.Source.Short + "，请贵司自收到本函之日起" + w.window(f.rule) + "内作出处理决定并书面答复" + w.i() + "；如本函于发出当日送达，即最迟于" +
			w.date(f.deadline) + "前。"
	case f.statutory:
		s = "请贵司于" + w.date(f.deadline) + "前书面答复" + w.i() + "。"
	default:
		s = "请贵司自本函发出之日起" + strconv.Itoa(max(f.days, 1)) + "日内，即于" + w.date(f.deadline) + "前书面答复" + w.i() + "。"
	}
	if e := f.firstReferral(); e != nil {
		return s + w.i() + "已于" + w.date(e.At) + "向" + w.bodyRef(escalation.BodyOf(f.c.Jurisdiction, e)) + "反映此事。"
	}
	next := escalation.DefaultBody(f.c.Jurisdiction, evidence.ToRegulator)
	if f.c.Jurisdiction == evidence.EU || f.c.Jurisdiction == evidence.Other {
		next = escalation.DefaultBody(f.c.Jurisdiction, evidence.ToAssociation)
	}
	return s + "如届时未获满意答复，" + w.i() + "将向" + w.bodyRef(next.ID) + "等有关部门反映。"
}

func (w zh) enclosing(f *facts) string {
	if len(f.in.Exhibits) > 0 {
		return "随函附上下列证据材料的副本。如需原件或进一步信息，" + w.i() + "可随时提供。"
	}
	return "如需进一步信息或证据材料，" + w.i() + "可随时提供。"
}

func (w zh) enclosure(x Exhibit) string {
	return exhibitLine(x, zhKinds[x.Kind], "（", "）")
}

func (w zh) closing() string { return "此致\n敬礼！" }

func (w zh) signature(f *facts) []string {
	if f.rep != nil {
		return w.repSignature(f)
	}
	s := []string{"投诉人（签字）："}
	p := f.c.Complainant
	if p.Name != "" {
		s = append(s, "姓名："+p.Name)
	}
	if p.Contact != "" {
		s = append(s, "联系方式："+clean(p.Contact))
	}
	if p.AccountID != "" {
		s = append(s, "账户："+p.AccountID)
	}
	return s
}

// zhBody is how Chinese letters name a body and what they ask it.
type zhBody struct {
	name     string   // addressee
	extra    []string // more addressee lines
	cityName string   // for bodies of the user's city: with {city}
	ref      string   // in-sentence form
	ask      string   // the request; {provider} is the provider's name, {you} the polite form
}

var zhBodies = map[string]zhBody{
	"cn.association": {name: "当地消费者协会", cityName: "{city}消费者协会", ref: "消费者协会",
		ask: "依照《消费者权益保护法》第三十七条，恳请{you}受理本人对{provider}的投诉，并进行调查、调解。"},
	"cn.12315": {name: "市场监督管理部门", extra: []string{"（全国12315平台）"}, ref: "市场监督管理部门（12315）",
		ask: "恳请{you}依法受理本人对{provider}的投诉，并组织调解。"},
	"cn.pboc": {name: "中国人民银行当地分行", extra: []string{"金融消费权益保护（12363）"}, cityName: "中国人民银行{city}分行", ref: "中国人民银行（12363）",
		ask: "{provider}系持牌非银行支付机构，恳请{you}接收并转办本人的投诉，督促其依法妥善处理。"},
	"cn.nfra": {name: "国家金融监督管理总局", extra: []string{"消费者权益保护（12378）"}, ref: "国家金融监督管理总局（12378）",
		ask: "恳请{you}接收并转办本人对{provider}的投诉，督促其依法妥善处理。"},
	"uk.fos": {name: "英国金融申诉专员服务（Financial Ombudsman Service）", ref: "英国金融申诉专员服务（FOS）",
		ask: "恳请{you}调查本人对{provider}的投诉，并裁定其予以纠正：退还款项、赔偿本人损失并支付利息。"},
	"uk.citizens-advice": {name: "英国公民咨询局（Citizens Advice）", ref: "英国公民咨询局（Citizens Advice）",
		ask: "恳请{you}就本人的权利及针对{provider}的下一步行动提供咨询意见。"},
	"eu.adr": {name: "庭外争议解决机构", ref: "服务商指定的庭外争议解决机构",
		ask: "恳请{you}按照贵机构的程序处理本人与{provider}之间的争议。"},
	"eu.nca": {name: "所在成员国支付服务主管机构", ref: "支付服务主管机构",
		ask: "本人反映{provider}未履行支付服务规则规定的义务，恳请{you}审查其对本人投诉的处理，并告知本人可用的庭外争议解决程序。"},
	"eu.ecc": {name: "欧洲消费者中心（European Consumer Centre）", ref: "欧洲消费者中心",
		ask: "{provider}位于另一个欧盟国家，恳请{you}协助解决此跨境争议。"},
	"us.cfpb": {name: "美国消费者金融保护局（CFPB）", ref: "美国消费者金融保护局（CFPB）",
		ask: "恳请{you}将本人的投诉转交{provider}答复，并审查其处理情况。"},
	"us.state-regulator": {name: "州货币转移业务监管机构", ref: "州货币转移业务监管机构",
		ask: "{provider}持有货币转移业务许可，恳请{you}调查本人的投诉及其合规情况。"},
	"us.state-ag": {name: "州检察长办公室消费者保护部门", ref: "州检察长办公室消费者保护部门",
		ask: "恳请{you}调查{provider}的做法，并协助本人获得赔偿。"},
	"other.association": {name: "消费者权益保护组织", ref: "消费者权益保护组织",
		ask: "恳请{you}受理本人对{provider}的投诉，并居中调解。"},
	"other.regulator": {name: "金融监管机构或金融申诉专员", ref: "金融监管机构或金融申诉专员",
		ask: "恳请{you}对{provider}处理本人投诉的情况进行核查，并依法督促其妥善处理。"},
}

// zhRights states each right in a letter's words (after "根据…，").
var zhRights = map[string]string{
	"cn.ecl-57":                "未经授权的支付造成的损失，由电子支付服务提供者承担；电子支付服务提供者能够证明未经授权的支付是因用户的过错造成的，不承担责任。其接到用户通知后应当立即采取措施防止损失扩大。",
	"cn.ecl-55":                "支付指令发生错误的，电子支付服务提供者应当及时查找原因并予以纠正；造成用户损失的，应当承担赔偿责任，但能够证明支付错误非自身原因造成的除外。",
	"cn.ecl-53":                "电子支付服务提供者应当向用户免费提供对账服务以及最近三年的交易记录。",
	"cn.cpl-28":                "提供金融服务的经营者应当向消费者提供经营地址、联系方式、费用、风险警示、民事责任等信息。",
	"cn.cpl-46":                "消费者向有关行政部门投诉的，该部门应当自收到投诉之日起七个工作日内予以处理并告知消费者。",
	"cn.npi-35":                "非银行支付机构应当及时妥善处理与用户的争议，履行投诉处理主体责任。",
	"cn.npi-24":                "用户可以按照协议约定提取其持有的余额。",
	"eu.psd2-refund":           "未经授权的支付，服务提供者应当立即退款，最迟不晚于获知或接到通知后的下一个工作日结束时。",
	"eu.psd2-notify":           "用户发现未经授权或执行有误的支付后及时通知服务提供者，且不晚于扣款后13个月的，即可获得纠正。",
	"eu.psd2-execution":        "支付未执行、执行有误或延迟的，服务提供者应当承担责任，并毫不迟延地退还或入账相应款项。",
	"eu.psd2-reply":            "服务提供者应当在15个工作日内书面答复投诉；特殊情况下发出临时答复的，为35个工作日。",
	"eu.psd2-adr":              "服务提供者应当告知用户至少一个有权处理该争议的庭外争议解决机构。",
	"uk.psrs-refund":           "未经授权的支付，服务提供者应当最迟于获知后的下一个工作日结束前退款。",
	"uk.psrs-notify":           "用户发现未经授权或执行有误的支付后及时通知服务提供者，且不晚于扣款后13个月的，即可获得纠正。",
	"uk.psrs-execution":        "支付未执行、执行有误或延迟的，服务提供者应当承担责任，包括由此产生的费用和利息。",
	"uk.emrs-redemption":       "电子货币持有人可随时要求按面值赎回其电子货币。",
	"uk.disp-reply":            "支付服务或电子货币类投诉，公司应在15个工作日内发出最终答复；发出临时答复的，为35个工作日。",
	"uk.fos":                   "公司发出最终答复后，或满15个工作日（发出临时答复的为35个工作日）后，英国金融申诉专员服务即可受理投诉。",
	"us.rege-error-resolution": "金融机构应当在收到错误通知后10个工作日内完成调查，或在10个工作日内临时入账并在45天内（某些情况下90天）完成调查，确认错误后1个工作日内予以更正。",
	"us.rege-notice":           "错误通知应在首次显示该错误的对账单发出后60天内提出；预付账户为消费者可在线查看后60天内，或交易后120天内。",
	"us.rege-liability":        "在得知丢失或被盗后2个工作日内通知的，消费者对未经授权交易的责任以50美元为限，否则最多500美元。",
	"us.rege-prepaid":          "预付账户（包括存有资金的电子钱包）同样适用错误处理和责任限制规则。",
}

// zhClocks names what a clock of the law measures; {start} is the date it
// started.
var zhClocks = map[escalation.Clock]string{
	escalation.ClockComplaintReply:         "对本人{start}投诉作出最终答复",
	escalation.ClockComplaintReplyExtended: "发出临时答复后对本人{start}投诉作出最终答复",
	escalation.ClockUnauthorisedRefund:     "退还本人{start}报告的未经授权支付",
	escalation.ClockErrorInvestigation:     "调查本人{start}报告的错误（或临时入账）",
	escalation.ClockErrorFinal:             "完成该调查",
	escalation.ClockPlatformAccept:         "对本人{start}投诉作出是否受理的决定",
	escalation.ClockRegulatorReply:         "对本人{start}向监管部门所提投诉的处理和告知",
	escalation.ClockRegulatorClose:         "对本人{start}向监管部门所提投诉的最终答复",
}
