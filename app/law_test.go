package app

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"redress/escalation"
	"redress/evidence"
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

// TestChecklistFor: only the user's own copy and the app show the missing
// evidence; the dossier cover of every recipient leaves it out.
func TestChecklistFor(t *testing.T) {
	for _, to := range letters.Recipients {
		if ChecklistFor(to) {
			t.Errorf("ChecklistFor(%s) = true", to)
		}
	}
	if !escalation.ShowsChecklist(escalation.OwnCopy) || !escalation.ShowsChecklist(escalation.InApp) {
		t.Errorf("the app or the user's own copy may not show the checklist")
	}
	a := lawApp(t, time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC))
	c, err := a.NewCase(ctx, CaseInput{Title: "t", Provider: "OKPay", Problem: "topup-not-credited", Jurisdiction: "CN", Incident: "2026-11-02"})
	if err != nil {
		t.Fatal(err)
	}
	for _, to := range letters.Recipients {
		in, _, err := a.dossierInput(ctx, c, to, evidence.Chinese)
		if err != nil {
			t.Fatal(err)
		}
		dates, summary := a.coverFacts(ctx, in)
		if summary != "" {
			t.Errorf("the %s cover lists the checklist: %q", to, summary)
		}
		for _, d := range dates {
			if strings.Contains(d, "最长期限") {
				t.Errorf("the %s cover shows the user's own time limit: %q", to, d)
			}
		}
	}
}
