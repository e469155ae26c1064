package letters

import (
	"strings"

	"redress/evidence"
)

// Representative is who writes a letter on the complainant's behalf: a
// paralegal, a solicitor, a relative (the app's profile). The complainant
// is then "my client" (委托人) and replies go to the representative.
type Representative struct {
	Name, Firm string
	Address    string // several lines allowed
	Phone      string
	Email      string
	Reference  string // the representative's own reference ("Our ref")
}

// IsZero reports whether nothing is known about the representative.
func (r Representative) IsZero() bool {
	return clean(r.Name) == "" && clean(r.Firm) == ""
}

func (r Representative) cleaned() Representative {
	return Representative{Name: clean(r.Name), Firm: clean(r.Firm), Address: strings.TrimSpace(r.Address),
		Phone: clean(r.Phone), Email: clean(r.Email), Reference: clean(r.Reference)}
}

// --- English -----------------------------------------------------------------

// The words for the complainant: the writer in the complainant's own
// letters, "my client" in a representative's.

func (w en) i(f *facts) string {
	if f.rep != nil {
		return "my client"
	}
	return "I"
}

func (w en) my(f *facts) string {
	if f.rep != nil {
		return "my client's"
	}
	return "my"
}

func (w en) me(f *facts) string {
	if f.rep != nil {
		return "my client"
	}
	return "me"
}

// have is "I have" or "my client has".
func (w en) have(f *facts) string {
	if f.rep != nil {
		return "my client has"
	}
	return "I have"
}

// verb is "I consider" or "my client considers".
func (w en) verb(f *facts, v string) string {
	if f.rep != nil {
		return "my client " + v + "s"
	}
	return "I " + v
}

func (w en) seeking(f *facts) string {
	if f.rep != nil {
		return "my client is seeking"
	}
	return "I am seeking"
}

// enClientVoice turns template wording about the complainant into a
// representative's: applied to the letters' own sentences (what a body
// is asked, what a clock measures), never to what the user wrote.
var enClientVoice = strings.NewReplacer(
	"compensate me for my losses", "compensate my client for their losses",
	"help me obtain", "help my client obtain",
	"mediate between us", "mediate between my client and {provider}",
	"help us reach", "help the parties reach",
	"my state's", "my client's state's",
	"the unauthorised payment I reported", "the unauthorised payment my client reported",
	"the error I reported", "the error my client reported",
	"problem with my account", "problem with my client's account",
	"my complaint", "my client's complaint",
	"my dispute", "my client's dispute",
	"my rights", "my client's rights",
)

func (w en) voice(s string) string {
	if w.rep {
		return enClientVoice.Replace(s)
	}
	return s
}

// client is how a representative's letter names the client.
func (w en) client(f *facts) string {
	if n := f.c.Complainant.Name; n != "" {
		return n
	}
	return "my client"
}

func (w en) repSender(f *facts) []string {
	r := f.rep
	var s []string
	for _, v := range []string{r.Name, r.Firm} {
		if v != "" {
			s = append(s, v)
		}
	}
	return append(s, lines(r.Address)...)
}

func (w en) repIntro(f *facts) string {
	r := f.rep
	client := "my client"
	if n := f.c.Complainant.Name; n != "" {
		client += ", " + n + ","
	}
	var s []string
	if f.to == Provider {
		s = append(s, "I am writing on behalf of "+client+" to make a formal complaint under your complaints procedure.")
	} else {
		s = append(s, "I am writing on behalf of "+client+" to complain about "+w.name(f)+
			", a payment service provider of which my client is a customer, and to ask for your help.")
	}
	if a := f.c.Complainant.AccountID; a != "" {
		s = append(s, "My client's account ID with "+w.them(f)+" is "+a+".")
	}
	auth := "My client has " + w.sp("authorised") + " me to act for them in this complaint; I can provide their signed letter of authority on request."
	if f.in.AuthorityEnclosed {
		auth = "My client has " + w.sp("authorised") + " me to act for them in this complaint; their signed letter of authority is enclosed."
	}
	s = append(s, auth)
	if f.to != Provider {
		s = append(s, "My client has not been able to resolve the matter with "+w.name(f)+" directly.")
	}
	var at []string
	if r.Email != "" {
		at = append(at, "by email to "+r.Email)
	}
	if r.Phone != "" {
		at = append(at, "by phone on "+r.Phone)
	}
	if len(lines(r.Address)) > 0 {
		at = append(at, "by post to the address above")
	}
	reply := "Please send your reply, and any other correspondence about this complaint, to me"
	if len(at) > 0 {
		reply += " " + strings.Join(at, ", or ")
	}
	if r.Reference != "" {
		reply += ", quoting my reference " + r.Reference
	}
	s = append(s, reply+".")
	return strings.Join(s, " ")
}

func (w en) repSignature(f *facts) []string {
	r := f.rep
	var s []string
	for _, v := range []string{r.Name, r.Firm} {
		if v != "" {
			s = append(s, v)
		}
	}
	s = append(s, "For and on behalf of "+w.client(f))
	if r.Phone != "" {
		s = append(s, "Phone: "+r.Phone)
	}
	if r.Email != "" {
		s = append(s, "Email: "+r.Email)
	}
	if r.Reference != "" {
		s = append(s, "Our reference: "+r.Reference)
	}
	if a := f.c.Complainant.AccountID; a != "" {
		s = append(s, "Client's account ID: "+a)
	}
	return s
}

// --- Chinese -----------------------------------------------------------------

// i is the complainant: 本人 in the complainant's own letters, 委托人 in a
// representative's.
func (w zh) i() string {
	if w.rep {
		return "委托人"
	}
	return "本人"
}

// voice turns template wording about the complainant into a
// representative's (never what the user wrote).
func (w zh) voice(s string) string {
	if w.rep {
		return strings.ReplaceAll(s, "本人", "委托人")
	}
	return s
}

// repName is "李静（明理法律服务所）".
func (r *Representative) zhName() string {
	switch {
	case r.Name != "" && r.Firm != "":
		return r.Name + "（" + r.Firm + "）"
	case r.Name != "":
		return r.Name
	}
	return r.Firm
}

func (w zh) repSender(f *facts) []string {
	var s []string
	if n := f.c.Complainant.Name; n != "" {
		s = append(s, "投诉人："+n)
	}
	s = append(s, "委托代理人："+f.rep.zhName())
	for i, l := range lines(f.rep.Address) {
		if i == 0 {
			l = "代理人地址：" + l
		}
		s = append(s, l)
	}
	return s
}

func (w zh) repIntro(f *facts) string {
	r := f.rep
	s := "委托代理人" + r.zhName() + "受"
	if n := f.c.Complainant.Name; n != "" {
		s += "委托人" + n
	} else {
		s += "委托人"
	}
	s += "委托，代为提出本投诉。委托人系" + w.them(f) + "用户"
	if a := f.c.Complainant.AccountID; a != "" {
		s += "，账户为" + a
	}
	s += "。"
	if f.to == Provider {
		s += "现就以下问题向贵司提出正式投诉。"
	} else {
		s += "现就委托人与" + w.name(f) + "之间的纠纷向" + w.you(f) + "投诉，恳请" + w.you(f) + "予以帮助。委托人未能与" + w.name(f) + "自行解决此事。"
	}
	if f.in.AuthorityEnclosed {
		s += "委托人签署的授权委托书随函附上。"
	} else {
		s += "委托人签署的授权委托书可应要求提供。"
	}
	var to []string
	if r.Phone != "" {
		to = append(to, "电话："+r.Phone)
	}
	if r.Email != "" {
		to = append(to, "电子邮箱："+r.Email)
	}
	if addr := zhJoin(lines(r.Address)); addr != "" {
		to = append(to, "地址："+addr)
	}
	reply := "请将答复及与本投诉有关的往来函件送交委托代理人"
	if len(to) > 0 {
		reply += "（" + strings.Join(to, "；") + "）"
	}
	if r.Reference != "" {
		reply += "，并注明代理人编号" + r.Reference
	}
	return s + reply + "。"
}

func (w zh) repSignature(f *facts) []string {
	r := f.rep
	var s []string
	if n := f.c.Complainant.Name; n != "" {
		s = append(s, "投诉人："+n)
	}
	s = append(s, "委托代理人（签字）：")
	if r.Name != "" {
		s = append(s, "姓名："+r.Name)
	}
	if r.Firm != "" {
		s = append(s, "单位："+r.Firm)
	}
	if r.Phone != "" {
		s = append(s, "联系电话："+r.Phone)
	}
	if r.Email != "" {
		s = append(s, "电子邮箱："+r.Email)
	}
	if r.Reference != "" {
		s = append(s, "代理人编号："+r.Reference)
	}
	if a := f.c.Complainant.AccountID; a != "" {
		s = append(s, "委托人账户："+a)
	}
	return s
}

// enRecordsVoice turns the records request's own sentences about the
// requester into a representative's. The request's sentences quote no
// user text beyond names, IDs and references, which these phrases are
// not.
var enRecordsVoice = strings.NewReplacer(
	"a copy of my personal data", "a copy of my client's personal data",
	"copies of my account records", "copies of my client's account records",
	"you hold about me", "you hold about my client",
	"you process about me", "you process about my client",
	"about my account and my dealings", "about my client's account and their dealings",
	"send me:", "send me, for my client:",
	"my chats", "my client's chats",
	"my telephone calls", "my client's telephone calls",
	"every transaction on my account", "every transaction on my client's account",
	"Regulation E gives me", "Regulation E gives my client",
	"an error I reported", "an error my client reported",
	"If my account", "If my client's account",
	"history of my account", "history of my client's account",
	"the law of my state gives me", "the law of my client's state gives them",
	"to confirm my identity", "to confirm my client's identity or my authority",
	"number of my requests", "number of my client's requests",
	"my dispute with you", "my client's dispute with you",
	"as I need them", "as my client needs them",
)

// enRecordsOnBehalf rewrites a records request as made by a
// representative.
func enRecordsOnBehalf(l Letter, x *recordsFacts, r Representative) Letter {
	p := x.c.Complainant
	client := "my client"
	if n := clean(p.Name); n != "" {
		client = n
	}
	var sender []string
	for _, v := range []string{r.Name, r.Firm} {
		if v != "" {
			sender = append(sender, v)
		}
	}
	l.Sender = append(sender, lines(r.Address)...)
	l.Subject = enRecordsVoice.Replace(l.Subject) + " — on behalf of " + client
	paras := make([]string, 0, len(l.Paragraphs)+1)
	for i, para := range l.Paragraphs {
		if i == 0 {
			// "… about me, under …. My name is X and my account ID …": the
			// request first, then who the client is.
			if j := strings.Index(para, " My name is "); j >= 0 {
				para = para[:j]
			} else if j := strings.Index(para, " My account ID with you"); j >= 0 {
				para = para[:j]
			}
			para = strings.Replace(enRecordsVoice.Replace(para), "I am writing to ask", "I am writing on behalf of my client, "+client+", to ask", 1)
			about := []string{}
			if a := clean(p.AccountID); a != "" {
				about = append(about, "My client's account ID with you is "+a+".")
			}
			auth := "My client has authorised me to make this request; I can provide their signed letter of authority on request."
			if x.r.AuthorityEnclosed {
				auth = "My client has authorised me to make this request; their signed letter of authority is enclosed."
			}
			if x.c.Jurisdiction == evidence.US {
				auth = strings.ReplaceAll(auth, "authorised", "authorized")
			}
			para = strings.Join(append(append([]string{para}, about...), auth), " ")
			paras = append(paras, para)
			continue
		}
		if strings.HasPrefix(para, "Please send the records to") {
			to := "Please send the records to me"
			if r.Email != "" {
				to += " at " + r.Email + ", or"
			}
			to += " to the address above, in a commonly used electronic format where you can"
			if r.Reference != "" {
				to += ", quoting my reference " + r.Reference
			}
			paras = append(paras, to+".")
			continue
		}
		paras = append(paras, enRecordsVoice.Replace(para))
	}
	l.Paragraphs = paras
	sig := []string{}
	for _, v := range []string{r.Name, r.Firm} {
		if v != "" {
			sig = append(sig, v)
		}
	}
	sig = append(sig, "For and on behalf of "+client)
	if r.Phone != "" {
		sig = append(sig, "Phone: "+r.Phone)
	}
	if r.Email != "" {
		sig = append(sig, "Email: "+r.Email)
	}
	if r.Reference != "" {
		sig = append(sig, "Our reference: "+r.Reference)
	}
	if a := clean(p.AccountID); a != "" {
		sig = append(sig, "Client's account ID: "+a)
	}
	l.Signature = sig
	return l
}

// zhRecordsOnBehalf rewrites a Chinese records request as made by a
// representative: 委托人 for the client throughout, the representative's
// block, an opening sentence saying who acts, and the signature.
func zhRecordsOnBehalf(l Letter, x *recordsFacts, r Representative) Letter {
	p := x.c.Complainant
	name := clean(p.Name)
	var sender []string
	if name != "" {
		sender = append(sender, "申请人："+name)
	}
	sender = append(sender, "委托代理人："+r.zhName())
	for i, ln := range lines(r.Address) {
		if i == 0 {
			ln = "代理人地址：" + ln
		}
		sender = append(sender, ln)
	}
	l.Sender = sender
	for i, para := range l.Paragraphs {
		para = strings.ReplaceAll(para, "本人", "委托人")
		if i == 0 {
			open := "委托代理人" + r.zhName() + "受委托人" + name + "委托，代为提出本申请。"
			if x.r.AuthorityEnclosed {
				open += "委托人签署的授权委托书随函附上。"
			} else {
				open += "委托人签署的授权委托书可应要求提供。"
			}
			para = open + para
		}
		if strings.Contains(para, "请将上述材料") {
			to := "请将上述材料发送至委托代理人"
			var at []string
			if r.Email != "" {
				at = append(at, "电子邮箱："+r.Email)
			}
			if r.Phone != "" {
				at = append(at, "电话："+r.Phone)
			}
			if len(at) > 0 {
				to += "（" + strings.Join(at, "；") + "）"
			}
			para = "如需核验委托人身份或代理权限，请及时告知所需材料。" + to + "，或寄至上述代理人地址。"
		}
		l.Paragraphs[i] = para
	}
	l.Subject = strings.ReplaceAll(l.Subject, "本人", "委托人")
	sig := []string{}
	if name != "" {
		sig = append(sig, "申请人："+name)
	}
	sig = append(sig, "委托代理人（签字）：")
	if r.Name != "" {
		sig = append(sig, "姓名："+r.Name)
	}
	if r.Firm != "" {
		sig = append(sig, "单位："+r.Firm)
	}
	if r.Phone != "" {
		sig = append(sig, "联系电话："+r.Phone)
	}
	if r.Email != "" {
		sig = append(sig, "电子邮箱："+r.Email)
	}
	if r.Reference != "" {
		sig = append(sig, "代理人编号："+r.Reference)
	}
	if a := clean(p.AccountID); a != "" {
		sig = append(sig, "委托人账户："+a)
	}
	// The date stays last, as zhRecords writes it.
	if n := len(l.Signature); n > 0 && strings.HasPrefix(l.Signature[n-1], "日期：") {
		sig = append(sig, l.Signature[n-1])
	}
	l.Signature = sig
	return l
}
