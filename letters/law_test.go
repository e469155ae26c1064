package letters

import (
	"strings"
	"testing"
	"time"

	"redress/escalation"
	"redress/evidence"
)

// lawCase is a case of jurisdiction j and problem p with a transaction on
// Monday 2 November 2026 and a complaint letter the same day, 10:00 local
// time.
func lawCase(j evidence.Jurisdiction, p evidence.Problem, loc *time.Location) (evidence.Case, []evidence.Event) {
	c := evidence.Case{Provider: "OKPay", Problem: p, Jurisdiction: j, Incident: "2026-11-02",
		Amount: evidence.Money{Minor: 128000, Currency: "CNY"}, Complainant: evidence.Complainant{Name: "Lee"}}
	return c, []evidence.Event{
		{ID: "t", Kind: evidence.KindTransaction, At: time.Date(2026, 11, 2, 3, 0, 0, 0, loc),
			Transaction: &evidence.Transaction{TxID: "X9", Direction: evidence.MoneyOut, Status: "Completed"}},
		{ID: "l", Kind: evidence.KindLetter, At: time.Date(2026, 11, 2, 10, 0, 0, 0, loc), Letter: &evidence.Letter{To: evidence.ToProvider}},
	}
}

// TestComposeLegalBasis: every letter cites the rights of its jurisdiction
// and problem kind, with the dates the law sets in this case (counted by
// hand: 10 business days after Monday 2 November end on Monday 16
// November, 45 days on 17 December, 15 business days on 23 November).
func TestComposeLegalBasis(t *testing.T) {
	utc := time.UTC
	tests := []struct {
		name string
		j    evidence.Jurisdiction
		p    evidence.Problem
		to   Recipient
		lang evidence.Language
		date time.Time
		has  []string
		lack []string
	}{
		{"CN unauthorised payment, zh", evidence.CN, evidence.UnauthorizedTransaction, Provider, evidence.Chinese, time.Date(2026, 11, 3, 9, 0, 0, 0, utc),
			[]string{"根据《电子商务法》第五十七条，未经授权的支付造成的损失，由电子支付服务提供者承担"}, []string{"《电子商务法》第五十五条"}},
		{"CN unauthorised payment, en", evidence.CN, evidence.UnauthorizedTransaction, Regulator, evidence.English, time.Date(2026, 11, 3, 9, 0, 0, 0, utc),
			[]string{"《电子商务法》第五十七条: losses from an unauthorised payment are borne by the payment service provider"}, nil},
		{"CN failed payment", evidence.CN, evidence.PaymentFailed, Association, evidence.Chinese, time.Date(2026, 11, 3, 9, 0, 0, 0, utc),
			[]string{"根据《电子商务法》第五十五条，支付指令发生错误的"}, []string{"第五十七条"}},
		{"US unauthorized transfer: Regulation E with its dates", evidence.US, evidence.UnauthorizedTransaction, Regulator, evidence.English,
			time.Date(2026, 11, 20, 9, 0, 0, 0, utc),
			[]string{"Regulation E, 12 CFR 1005.11(c): the institution must investigate a notice of error within 10 business days",
				"Regulation E, 12 CFR 1005.6(b): the consumer's liability for unauthorized transfers is limited to $50",
				"Regulation E, 12 CFR 1005.18(e): a prepaid account, including a digital wallet that holds funds",
				"The time for the investigation of the error I reported on November 2, 2026, or a provisional credit, ended on November 16, 2026 (Regulation E, 12 CFR 1005.11(c)).",
				"Under Regulation E, 12 CFR 1005.11(c), the end of that investigation is due by December 17, 2026."},
			[]string{"unauthorised"}},
		{"US frozen account: no Regulation E", evidence.US, evidence.AccountFrozen, Regulator, evidence.English, time.Date(2026, 11, 20, 9, 0, 0, 0, utc),
			nil, []string{"Regulation E", "rests on"}},
		{"UK failed payment to the FOS", evidence.UK, evidence.PaymentFailed, Regulator, evidence.English, time.Date(2026, 11, 25, 9, 0, 0, 0, utc),
			[]string{"Payment Services Regulations 2017, regs. 91–94", "FCA DISP 1.6.2A R",
				"Under FCA DISP 2.8.1 R, the Financial Ombudsman Service can consider my complaint since 23 November 2026."},
			[]string{"Electronic Money Regulations"}},
		{"UK, FOS not yet open", evidence.UK, evidence.PaymentFailed, Regulator, evidence.English, time.Date(2026, 11, 10, 9, 0, 0, 0, utc),
			[]string{"Under FCA DISP 2.8.1 R, the Financial Ombudsman Service can consider my complaint from 23 November 2026, or as soon as OKPay sends its final response."},
			nil},
		{"EU unauthorised payment", evidence.EU, evidence.UnauthorizedTransaction, Association, evidence.English, time.Date(2026, 11, 25, 9, 0, 0, 0, utc),
			[]string{"PSD2 art. 73(1): an unauthorised payment must be refunded immediately", "PSD2 art. 71(1)", "PSD2 art. 101(3)",
				"The time for the refund of the unauthorised payment I reported on 2 November 2026 ended on 3 November 2026 (PSD2 art. 73(1))."},
			nil},
		{"OTHER: no rules cited", evidence.Other, evidence.UnauthorizedTransaction, Provider, evidence.English, time.Date(2026, 11, 25, 9, 0, 0, 0, utc),
			nil, []string{"rests on", "dates that matter"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, evs := lawCase(tt.j, tt.p, utc)
			text := Compose(Input{Case: c, Events: evs, To: tt.to, Lang: tt.lang, Date: tt.date}).Text()
			for _, s := range tt.has {
				if !strings.Contains(text, s) {
					t.Errorf("Text() lacks %q:\n%s", s, text)
				}
			}
			for _, s := range tt.lack {
				if strings.Contains(text, s) {
					t.Errorf("Text() has %q:\n%s", s, text)
				}
			}
		})
	}
}

// TestComposeEveryRightWorded: every right of the table has a letter
// sentence in both languages, except the one whose article could not be
// verified (cited in the app only).
func TestComposeEveryRightWorded(t *testing.T) {
	for _, r := range escalation.AllRights() {
		if r.ID == "cn.cpl-regs" {
			if enRights[r.ID] != "" || zhRights[r.ID] != "" {
				t.Errorf("letters cite %s, whose article is not verified", r.ID)
			}
			continue
		}
		if enRights[r.ID] == "" || zhRights[r.ID] == "" || r.Source.Short == "" {
			t.Errorf("right %s: English %q, Chinese %q, short citation %q", r.ID, enRights[r.ID], zhRights[r.ID], r.Source.Short)
		}
	}
	for _, j := range evidence.Jurisdictions {
		for _, b := range escalation.Bodies(j) {
			if enBodies[b.ID].name == "" || enBodies[b.ID].ask == "" || zhBodies[b.ID].name == "" || zhBodies[b.ID].ask == "" {
				t.Errorf("body %s has no letter wording: %+v %+v", b.ID, enBodies[b.ID], zhBodies[b.ID])
			}
		}
	}
}

// TestComposeOtherSteps: a police report (报警) and a dispute raised with
// the bank, recorded as notes or documents, reach the letter.
func TestComposeOtherSteps(t *testing.T) {
	c, evs := lawCase(evidence.CN, evidence.UnauthorizedTransaction, cst)
	evs = append(evs,
		evidence.Event{ID: "p", Kind: evidence.KindNote, At: time.Date(2026, 11, 2, 18, 0, 0, 0, cst), Summary: "已到派出所报警", Reference: "沪公-1102"},
		evidence.Event{ID: "b", Kind: evidence.KindDocument, At: time.Date(2026, 11, 4, 10, 0, 0, 0, cst), Tags: []string{"chargeback"},
			Summary: "Dispute form accepted by ICBC", Reference: "CB-55", Exhibit: &evidence.Exhibit{}},
		evidence.Event{ID: "n", Kind: evidence.KindNote, At: time.Date(2026, 11, 4, 11, 0, 0, 0, cst), Summary: "called my sister"})
	for lang, want := range map[evidence.Language][]string{
		evidence.Chinese: {"2026年11月2日，本人已就此事向公安机关报案（编号：沪公-1102）：“已到派出所报警”。",
			"2026年11月4日，本人已就该笔款项向本人开户银行提出争议（拒付）申请（编号：CB-55）：“Dispute form accepted by ICBC”。"},
		evidence.English: {"On 2 November 2026 I reported the matter to the police (reference: 沪公-1102): \"已到派出所报警\".",
			"On 4 November 2026 I also raised a dispute about the payment with my bank (reference: CB-55): \"Dispute form accepted by ICBC\"."},
	} {
		for _, to := range Recipients {
			text := Compose(Input{Case: c, Events: evs, To: to, Lang: lang, Date: time.Date(2026, 11, 10, 9, 0, 0, 0, cst)}).Text()
			for _, s := range want {
				if !strings.Contains(text, s) {
					t.Errorf("Compose(%s, %s).Text() lacks %q:\n%s", to, lang, s, text)
				}
			}
			if strings.Contains(text, "my sister") {
				t.Errorf("an unrelated note reached the letter:\n%s", text)
			}
		}
	}
}

// TestComposeReferralStated: once a letter to a body is on record, the
// letter to the provider says so instead of threatening it.
func TestComposeReferralStated(t *testing.T) {
	ny := time.FixedZone("EST", -5*3600)
	c, evs := lawCase(evidence.US, evidence.UnauthorizedTransaction, ny)
	date := time.Date(2026, 11, 28, 9, 0, 0, 0, ny)
	text := Compose(Input{Case: c, Events: evs, Lang: evidence.English, Date: date}).Text()
	if !strings.Contains(text, "I intend to refer the matter to the Consumer Financial Protection Bureau (CFPB).") {
		t.Errorf("before any referral the letter should say it intends to refer:\n%s", text)
	}
	evs = append(evs, evidence.Event{ID: "g", Kind: evidence.KindLetter, At: time.Date(2026, 11, 20, 9, 0, 0, 0, ny),
		Letter: &evidence.Letter{To: evidence.ToRegulator, Name: "CFPB"}})
	text = Compose(Input{Case: c, Events: evs, Lang: evidence.English, Date: date}).Text()
	if !strings.Contains(text, "I referred the matter to the Consumer Financial Protection Bureau (CFPB) on November 20, 2026.") ||
		strings.Contains(text, "intend to refer") {
		t.Errorf("a CFPB complaint already made must be stated as made:\n%s", text)
	}
	zhText := Compose(Input{Case: c, Events: evs, Lang: evidence.Chinese, Date: date}).Text()
	if !strings.Contains(zhText, "本人已于2026年11月20日向美国消费者金融保护局（CFPB）反映此事。") || strings.Contains(zhText, "本人将向") {
		t.Errorf("Chinese letter does not state the referral as made:\n%s", zhText)
	}
}

// TestComposeUSEnglish: US cases get American English; others British.
func TestComposeUSEnglish(t *testing.T) {
	ny := time.FixedZone("EST", -5*3600)
	for _, j := range []evidence.Jurisdiction{evidence.US, evidence.UK} {
		c, evs := lawCase(j, evidence.UnauthorizedTransaction, ny)
		for _, to := range Recipients {
			text := Compose(Input{Case: c, Events: evs, To: to, Lang: evidence.English, Date: time.Date(2026, 11, 28, 9, 0, 0, 0, ny)}).Text()
			us := []string{"Sincerely,", "unauthorized transaction", "November 28, 2026", "Dear Sir or Madam:"}
			gb := []string{"Yours faithfully,", "unauthorised transaction", "28 November 2026", "Dear Sir or Madam,"}
			has, lacks := us, gb
			if j != evidence.US {
				has, lacks = gb, us
			}
			for _, s := range has {
				if !strings.Contains(text, s) {
					t.Errorf("%s letter to %s lacks %q:\n%s", j, to, s, text)
				}
			}
			for _, s := range lacks {
				if strings.Contains(text, s) {
					t.Errorf("%s letter to %s has %q:\n%s", j, to, s, text)
				}
			}
		}
	}
}

// TestComposeAsks: each body is asked for what it can do — the FOS to
// investigate and put things right, Citizens Advice for advice only.
func TestComposeAsks(t *testing.T) {
	c, evs := lawCase(evidence.UK, evidence.PaymentFailed, time.UTC)
	date := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	fos := Compose(Input{Case: c, Events: evs, To: Regulator, Lang: evidence.English, Date: date}).Text()
	for _, s := range []string{"I ask you to investigate my complaint against OKPay and to decide that it must put things right: refund the money, compensate me for my losses, and pay interest."} {
		if !strings.Contains(fos, s) {
			t.Errorf("FOS letter lacks %q:\n%s", s, fos)
		}
	}
	if strings.Contains(fos, "examine") {
		t.Errorf("FOS letter asks to examine the handling:\n%s", fos)
	}
	ca := Compose(Input{Case: c, Events: evs, To: Association, Lang: evidence.English, Date: date}).Text()
	if !strings.Contains(ca, "I would be grateful for your advice") || strings.Contains(ca, "take up my complaint") ||
		strings.Contains(ca, "The outcome I am seeking") {
		t.Errorf("Citizens Advice letter must ask for advice only:\n%s", ca)
	}
	cnc, cne := lawCase(evidence.CN, evidence.PaymentFailed, cst)
	p := Compose(Input{Case: cnc, Events: cne, To: Regulator, Body: "cn.12315", Lang: evidence.Chinese, Date: date}).Text()
	for _, s := range []string{"恳请贵机构依法受理本人对OKPay的投诉，并组织调解。", "作出受理或者不予受理的决定并告知本人"} {
		if !strings.Contains(p, s) {
			t.Errorf("12315 letter lacks %q:\n%s", s, p)
		}
	}
}
