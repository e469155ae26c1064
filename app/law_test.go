package app

import (
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"redress/escalation"
	"redress/evidence"
	"redress/internal/testtool"
	"redress/lang"
	"redress/letters"
)

func lawApp(t *testing.T, now time.Time) *App {
	return openApp(t, WithClock(func() time.Time { return now }), WithLocation(time.UTC))
}

// TestAddresseeStoredPerCase: the body a case's letters go to, with its
// exact name and address, and the letter details are kept per case
// without a schema change, reach the letter, and refuse bad input with a
// field error.
func TestAddresseeStoredPerCase(t *testing.T) {
	a := lawApp(t, time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC))
	c, err := a.NewCase(ctx, CaseInput{Title: "t", Provider: "OKPay", Problem: "unauthorized-transaction", Jurisdiction: "CN", Incident: "2026-11-02"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.AddEvent(ctx, c.ID, EventInput{Kind: "letter", To: "provider", At: "2026-11-03T10:00:00Z"}); err != nil {
		t.Fatal(err)
	}
	// Defaults before any choice.
	if ad, err := a.Addressee(ctx, c.ID, evidence.ToRegulator); err != nil || ad.Body != "cn.pboc" {
		t.Errorf("Addressee(default) = %+v, %v; want cn.pboc", ad, err)
	}
	if err := a.SetLetterDetails(ctx, c.ID, LetterDetails{City: " 杭州 ", ProviderAddress: "杭州市西湖区某路1号", ProviderContact: "95188"}); err != nil {
		t.Fatal(err)
	}
	if err := a.SetAddressee(ctx, c.ID, evidence.ToRegulator, Addressee{Body: "cn.12315", Name: "杭州市西湖区市场监督管理局",
		Address: "杭州市西湖区文三路1号"}); err != nil {
		t.Fatal(err)
	}
	bodies, err := a.Bodies(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var chosen []string
	for _, b := range bodies {
		if b.Chosen {
			chosen = append(chosen, b.ID+"="+b.Name)
		}
	}
	if want := []string{"cn.association=", "cn.12315=杭州市西湖区市场监督管理局"}; !slices.Equal(chosen, want) {
		t.Errorf("chosen bodies = %v, want %v", chosen, want)
	}
	text, err := a.ComposeLetter(ctx, c.ID, letters.Regulator, evidence.Chinese)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"致：杭州市西湖区市场监督管理局\n杭州市西湖区文三路1号", "被投诉人：OKPay\n地址：杭州市西湖区某路1号\n联系方式：95188",
		"作出受理或者不予受理的决定", "《电子商务法》第五十七条"} {
		if !strings.Contains(text, want) {
			t.Errorf("letter lacks %q:\n%s", want, text)
		}
	}
	if text, _ := a.ComposeLetter(ctx, c.ID, letters.Association, evidence.Chinese); !strings.Contains(text, "致：杭州市消费者协会") {
		t.Errorf("association letter is not addressed to the city's association:\n%s", text)
	}
	// Back to the default.
	if err := a.SetAddressee(ctx, c.ID, evidence.ToRegulator, Addressee{}); err != nil {
		t.Fatal(err)
	}
	if ad, _ := a.Addressee(ctx, c.ID, evidence.ToRegulator); ad != (Addressee{Body: "cn.pboc"}) {
		t.Errorf("Addressee after clearing = %+v", ad)
	}
	// The choice is not a rule window: assessment ignores it.
	if _, as, err := a.Assess(ctx, c.ID); err != nil || len(as.Deadlines) == 0 {
		t.Errorf("Assess after storing letter details: %v, %d deadlines", err, len(as.Deadlines))
	}
	tests := []struct {
		party string
		ad    Addressee
		field string
	}{
		{evidence.ToProvider, Addressee{}, "to"},
		{evidence.ToRegulator, Addressee{Body: "uk.fos"}, "body"},
		{evidence.ToAssociation, Addressee{Body: "cn.pboc"}, "body"},
		{evidence.ToRegulator, Addressee{Name: strings.Repeat("名", evidence.MaxShort+1)}, "name"},
	}
	for _, tt := range tests {
		err := a.SetAddressee(ctx, c.ID, tt.party, tt.ad)
		var fe *evidence.FieldError
		if !errors.As(err, &fe) || fe.Field != tt.field {
			t.Errorf("SetAddressee(%s, %+v) = %v, want a field error on %s", tt.party, tt.ad, err, tt.field)
		}
	}
	var fe *evidence.FieldError
	if err := a.SetLetterDetails(ctx, c.ID, LetterDetails{City: strings.Repeat("城", evidence.MaxShort+1)}); !errors.As(err, &fe) || fe.Field != "city" {
		t.Errorf("SetLetterDetails(long city) = %v", err)
	}
	if d, _ := a.LetterDetails(ctx, c.ID); d.City != "杭州" {
		t.Errorf("a refused change altered the details: %+v", d)
	}
}

// TestLetterWarningsApp: the warning before a letter to the ombudsman that
// would claim no response while the firm's 15 business days still run.
func TestLetterWarningsApp(t *testing.T) {
	a := lawApp(t, time.Date(2026, 11, 10, 12, 0, 0, 0, time.UTC))
	c, err := a.NewCase(ctx, CaseInput{Title: "t", Provider: "OKPay", Problem: "payment-failed", Jurisdiction: "UK"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.AddEvent(ctx, c.ID, EventInput{Kind: "letter", To: "provider", At: "2026-11-03T10:00:00Z"}); err != nil {
		t.Fatal(err)
	}
	ws, err := a.LetterWarnings(ctx, c.ID, letters.Regulator, "")
	if err != nil || len(ws) != 1 || ws[0].Key != "esc.warn.premature" || !slices.Equal(ws[0].Args, []string{"date", "2026-11-24"}) {
		t.Errorf("LetterWarnings(FOS on 10 November) = %+v, %v; want premature until 2026-11-24", ws, err)
	}
	if ws, _ := a.LetterWarnings(ctx, c.ID, letters.Provider, ""); len(ws) != 0 {
		t.Errorf("LetterWarnings(provider) = %+v, want none", ws)
	}
	rs, err := a.Rights(ctx, c.ID)
	if err != nil || len(rs) == 0 || rs[0].ID != "uk.psrs-notify" {
		t.Errorf("Rights = %+v, %v", rs, err)
	}
}

// TestChecklistOnlyInOwnCopy: only the user's own copy and the app show
// the missing evidence and the user's own time limits; the dossier cover
// of every recipient leaves them out (issue 13 item 5). The whole PDFs are
// read back with pdftotext: the own copy says on its cover and on every
// page that it is not for sending, and its manifest records it.
func TestChecklistOnlyInOwnCopy(t *testing.T) {
	testtool.Need(t, "poppler-utils", "pdftotext", "pdfinfo")
	if !escalation.ShowsChecklist(escalation.OwnCopy) || !escalation.ShowsChecklist(escalation.InApp) {
		t.Errorf("the app or the user's own copy may not show the checklist")
	}
	a := lawApp(t, time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC))
	c, err := a.NewCase(ctx, CaseInput{Title: "t", Provider: "OKPay", Problem: "unauthorized-transaction", Jurisdiction: "CN", Incident: "2026-11-02"})
	if err != nil {
		t.Fatal(err)
	}
	_, as, err := a.Assess(ctx, c.ID)
	if err != nil || len(as.Checklist.Missing) == 0 {
		t.Fatalf("the case has no missing evidence to leak (%v)", err)
	}
	missing := lang.ZH.T(as.Checklist.Missing[0].Key)
	dir := t.TempDir()
	for _, to := range letters.Recipients {
		for _, own := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/own=%v", to, own), func(t *testing.T) {
				out := filepath.Join(dir, fmt.Sprintf("%s-%v.pdf", to, own))
				res, err := a.Dossier(ctx, c.ID, DossierOptions{To: to, Lang: evidence.Chinese, OwnCopy: own, Out: out})
				if err != nil {
					t.Fatal(err)
				}
				if res.OwnCopy != own {
					t.Errorf("DossierResult.OwnCopy = %v, want %v", res.OwnCopy, own)
				}
				raw, err := exec.Command("pdftotext", "-enc", "UTF-8", "-raw", out, "-").Output()
				if err != nil {
					t.Fatal(err)
				}
				pages := strings.Split(string(raw), "\f")
				pdf := strings.ReplaceAll(string(raw), "\n", "")
				shows := map[string]bool{
					"the missing evidence":      strings.Contains(pdf, missing),
					"the checklist":             strings.Contains(pdf, lang.ZH.T("ui.evidence-checklist")+"："),
					"the own-copy banner":       strings.Contains(pdf, "个人留存副本——请勿寄出"),
					"the user's own time limit": strings.Contains(pdf, "最长期限"),
				}
				for what, in := range shows {
					if what == "the user's own time limit" && own {
						continue // not every case has one running; checked below
					}
					if in != own {
						t.Errorf("own copy %v: the dossier for the %s shows %s: %v", own, to, what, in)
					}
				}
				footers := 0
				for _, p := range pages {
					if strings.Contains(strings.ReplaceAll(p, "\n", ""), "个人留存副本，请勿寄出") {
						footers++
					}
				}
				if n := len(pages) - 1; own && footers != n || !own && footers != 0 {
					t.Errorf("own copy %v: %d of %d pages say it is not for sending", own, footers, n)
				}
				rep, err := a.VerifyDossier(ctx, out)
				if err != nil || !rep.OK() {
					t.Errorf("VerifyDossier = %+v, %v", rep, err)
				}
			})
		}
	}
	// The user's own time limits (the 13 months to report an unauthorised
	// payment is the user's, not the provider's) reach the own copy only.
	in, _, err := a.dossierInput(ctx, c, letters.Provider, evidence.Chinese)
	if err != nil {
		t.Fatal(err)
	}
	own, _ := a.coverFacts(ctx, in, escalation.OwnCopy)
	sent, _ := a.coverFacts(ctx, in, escalation.Audience(letters.Provider))
	if len(own) <= len(sent) {
		t.Errorf("the own copy's key dates (%d) do not add the user's own time limits to the provider's (%d):\n%q\n%q", len(own), len(sent), own, sent)
	}
}
