package letters

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"redress/evidence"
)

// Authority is what a letter of authority (授权委托书) is written from: the
// client gives a representative authority to act in one dispute.
type Authority struct {
	Lang evidence.Language // zh or en
	// Jurisdiction decides the English spelling and dates (American for
	// US) and nothing else.
	Jurisdiction   evidence.Jurisdiction
	Client         Party
	Representative Party
	Provider       string           // the business the dispute is with (its legal name if known)
	Problem        evidence.Problem // what the dispute is about
	Reference      string           // the case or complaint reference
	Scope          Scope
	// From and Until bound the authority; a zero From means the day it is
	// signed, a zero Until means until the dispute is finally resolved. A
	// Chinese authority must state its term (委托期限) for the 12315
	// platform.
	From, Until time.Time
	// ShowIDNumbers prints the parties' identity document numbers, as the
	// copy filed with a Chinese authority needs. Leave it off for the
	// provider's copy: an ID number is never printed in a dossier for the
	// provider.
	ShowIDNumbers bool
}

// Party is a client or a representative.
type Party struct {
	Name     string
	Firm     string // the representative's firm, if any
	IDNumber string // shown only with ShowIDNumbers
	Address  string // may have several lines
	Phone    string
	Email    string
}

// Scope is what the representative may do.
type Scope struct {
	Complain       bool // complain to the provider and to complaint bodies, and submit material
	Correspondence bool // receive letters, notices and decisions
	Negotiate      bool // discuss and negotiate with the provider
	// Settle lets the representative accept a settlement or sign a
	// mediation agreement without asking the client first; without it the
	// letter says such acceptance needs the client's written consent.
	Settle bool
}

// FullScope is the usual authority: complain, receive correspondence and
// negotiate, but not settle without the client's consent.
var FullScope = Scope{Complain: true, Correspondence: true, Negotiate: true}

// Document is a titled document that is not a letter: the title, the
// paragraphs (a paragraph may hold forced line breaks) and the lines the
// client signs and dates.
type Document struct {
	Lang       evidence.Language
	Title      string
	Paragraphs []string
	Signature  []string
}

// Text is the document as plain text, blocks separated by blank lines, the
// form the PDF renderer sets (every block a paragraph, line breaks kept).
func (d Document) Text() string {
	var blocks []string
	if t := strings.TrimSpace(d.Title); t != "" {
		blocks = append(blocks, t)
	}
	for _, p := range d.Paragraphs {
		if p = strings.TrimRight(p, " \n"); strings.TrimSpace(p) != "" {
			blocks = append(blocks, p)
		}
	}
	if len(d.Signature) > 0 {
		blocks = append(blocks, strings.Join(d.Signature, "\n"))
	}
	return strings.Join(blocks, "\n\n") + "\n"
}

// ComposeAuthority writes the letter of authority for the client to sign.
// Missing details are left out, never shown as placeholders; the signature
// and date lines are left blank for the client.
func ComposeAuthority(a Authority) Document {
	if a.Lang == evidence.Chinese {
		return zhAuthority(a)
	}
	return enAuthority(a)
}

func zhAuthority(a Authority) Document {
	d := Document{Lang: evidence.Chinese, Title: "授权委托书"}
	party := func(role string, p Party) string {
		name := clean(p.Name)
		if f := clean(p.Firm); f != "" {
			if name != "" {
				name += "（" + f + "）"
			} else {
				name = f
			}
		}
		if name == "" {
			name = "________________" // to be filled in by hand
		}
		ls := []string{role + "：" + name}
		if a.ShowIDNumbers && clean(p.IDNumber) != "" {
			ls = append(ls, "身份证件号码："+clean(p.IDNumber))
		}
		if addr := zhJoin(lines(p.Address)); addr != "" {
			ls = append(ls, "住址："+addr)
		}
		if ph := clean(p.Phone); ph != "" {
			ls = append(ls, "联系电话："+ph)
		}
		if e := clean(p.Email); e != "" {
			ls = append(ls, "电子邮箱："+e)
		}
		return strings.Join(ls, "\n")
	}
	d.Paragraphs = append(d.Paragraphs, party("委托人", a.Client), party("受托人", a.Representative))

	provider := clean(a.Provider)
	if provider == "" {
		provider = "被投诉方"
	}
	matter := "之间的消费争议"
	if p := zhProblems[a.Problem]; p != "" {
		matter = "之间关于" + p + "的争议"
	}
	s := zhIndent + "委托人因与" + provider + matter
	if r := clean(a.Reference); r != "" {
		s += "（案件编号：" + r + "）"
	}
	d.Paragraphs = append(d.Paragraphs, s+"，特委托受托人为代理人，代为办理下列事项：")

	var items []string
	if a.Scope.Complain {
		items = append(items, "代为向"+provider+"以及消费者协会、市场监督管理部门、金融管理部门等有关机构提出投诉、申诉，提交和补充相关材料；")
	}
	if a.Scope.Correspondence {
		items = append(items, "代为接收与本争议有关的往来函件、通知和处理结果；")
	}
	if a.Scope.Negotiate {
		items = append(items, "代为与"+provider+"进行沟通、协商；")
	}
	if a.Scope.Settle {
		items = append(items, "代为接受和解方案、签署调解协议。")
	} else {
		items = append(items, "未经委托人书面同意，受托人无权接受和解方案、签署调解协议，或作出放弃、变更委托人权利的承诺。")
	}
	for i, it := range items {
		items[i] = zhNumber(i+1) + it
	}
	d.Paragraphs = append(d.Paragraphs, strings.Join(items, "\n"))

	term := zhIndent + "委托期限：自"
	if a.From.IsZero() {
		term += "本委托书签署之日"
	} else {
		term += a.From.Format("2006年1月2日")
	}
	if a.Until.IsZero() {
		term += "起至本争议处理完毕之日止。"
	} else {
		term += "起至" + a.Until.Format("2006年1月2日") + "止。"
	}
	d.Paragraphs = append(d.Paragraphs,
		term+"委托人可随时以书面方式撤销本委托。",
		zhIndent+"受托人在上述权限内代为实施的行为，委托人予以承认。")
	d.Signature = []string{"委托人（签字）：________________", "日期：________年____月____日"}
	return d
}

// enAbout is " (withdrawal delayed; reference C-3391)": what a dispute is
// about and its reference, or "" when neither is known.
func enAbout(p evidence.Problem, label, ref string, us bool) string {
	var parts []string
	if s := enProblems[p]; s != "" {
		if us {
			s = strings.ReplaceAll(s, "unauthorised", "unauthorized")
		}
		parts = append(parts, s)
	}
	if ref = clean(ref); ref != "" {
		parts = append(parts, label+" "+ref)
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, "; ") + ")"
}

// zhJoin joins address lines: directly between Chinese characters, with a
// space where either side is Latin ("上海市浦东新区世纪大道100号", but
// "4 Mill Lane Leeds").
func zhJoin(ls []string) string {
	var b strings.Builder
	for i, l := range ls {
		if i > 0 {
			prev, _ := utf8.DecodeLastRuneInString(ls[i-1])
			next, _ := utf8.DecodeRuneInString(l)
			if prev < 0x2E80 || next < 0x2E80 {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

// zhNumber is the Chinese list number "（一）" … "（十）" (a letter of
// authority has at most four).
func zhNumber(n int) string {
	digits := []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}
	if n >= 1 && n <= len(digits) {
		return "（" + digits[n-1] + "）"
	}
	return "（" + strconv.Itoa(n) + "）"
}

func enAuthority(a Authority) Document {
	us := a.Jurisdiction == evidence.US
	date := func(t time.Time) string {
		if us {
			return t.Format("January 2, 2006")
		}
		return t.Format("2 January 2006")
	}
	authorise := "authorise"
	if us {
		authorise = "authorize"
	}
	d := Document{Lang: evidence.English, Title: "LETTER OF AUTHORITY"}

	who := func(p Party) string {
		s := clean(p.Name)
		if a.ShowIDNumbers && clean(p.IDNumber) != "" {
			s += " (identity document no. " + clean(p.IDNumber) + ")"
		}
		sep := " of "
		if f := clean(p.Firm); f != "" {
			if s != "" {
				s += sep
			}
			s += f
			sep = ", "
		}
		if addr := strings.Join(lines(p.Address), ", "); addr != "" {
			if s != "" {
				s += sep
			}
			s += addr
		}
		return s
	}
	client, rep := who(a.Client), who(a.Representative)
	if client == "" {
		client = "the undersigned"
	}
	if rep == "" {
		rep = "my representative"
	}
	provider := clean(a.Provider)
	if provider == "" {
		provider = "the provider"
	}
	s := "I, " + client + ", " + authorise + " " + rep + " (\"my representative\") to act on my behalf in my dispute with " + provider
	d.Paragraphs = append(d.Paragraphs, s+enAbout(a.Problem, "reference", a.Reference, us)+".")

	var items []string
	if a.Scope.Complain {
		items = append(items, "make and pursue complaints on my behalf to "+provider+" and to any ombudsman, regulator or consumer body, and give them information and documents about my dispute;")
	}
	if a.Scope.Correspondence {
		items = append(items, "receive letters, notices and decisions about my dispute, which may be sent to my representative instead of to me;")
	}
	if a.Scope.Negotiate {
		items = append(items, "discuss and negotiate with "+provider+" on my behalf.")
	}
	if len(items) > 0 {
		last := strings.TrimRight(items[len(items)-1], ";.")
		items[len(items)-1] = last + "."
		for i, it := range items {
			items[i] = string(rune('1'+i)) + ". " + it
		}
		d.Paragraphs = append(d.Paragraphs, "My representative may:\n"+strings.Join(items, "\n"))
	}
	if a.Scope.Settle {
		d.Paragraphs = append(d.Paragraphs, "My representative may also accept an offer of settlement on my behalf.")
	} else {
		d.Paragraphs = append(d.Paragraphs, "My representative may not accept any offer of settlement, or agree to anything that gives up any of my rights, without my written consent.")
	}
	d.Paragraphs = append(d.Paragraphs, "I consent to "+provider+" and to those bodies sharing information about my account and my dispute with my representative for these purposes.")

	term := "This authority runs from "
	if a.From.IsZero() {
		term += "the date I sign it"
	} else {
		term += date(a.From)
	}
	if a.Until.IsZero() {
		term += " until my dispute is finally resolved"
	} else {
		term += " until " + date(a.Until)
	}
	d.Paragraphs = append(d.Paragraphs, term+", unless I withdraw it in writing before then.")
	sig := "Signed: ________________________"
	if n := clean(a.Client.Name); n != "" {
		sig += " (" + n + ")"
	}
	d.Signature = []string{sig, "Date: ________________________"}
	return d
}
