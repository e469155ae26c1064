package app

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"redress/escalation"
	"redress/evidence"
	"redress/forms"
	"redress/internal/testtool"
	"redress/lang"
	"redress/letters"
)

// paralegal sets up what issue 14's "done when" starts from: a profile,
// two clients, a UK case for one and a CN case for the other, each
// prepared by the representative.
type paralegal struct {
	a            *App
	dir          string
	margaret, wa evidence.Client
	uk, cn       evidence.Case
}

func newParalegal(t *testing.T) *paralegal {
	t.Helper()
	now := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	dir := filepath.Join(t.TempDir(), "data")
	a, err := Open(ctx, dir, WithClock(func() time.Time { return now }), WithLocation(time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	p := &paralegal{a: a, dir: dir}
	if _, err := a.SaveProfile(ctx, evidence.Profile{Name: "Li Jing", Firm: "Mingli Legal Services", Role: "paralegal",
		Address: "88 Century Avenue\nShanghai", Postcode: "200120", Phone: "021-5555 0101", Email: "lijing@example.cn",
		Reference: "ML-2026-014"}); err != nil {
		t.Fatal(err)
	}
	if p.margaret, err = a.NewClient(ctx, evidence.Client{Name: "Margaret Lee", Address: "4 Mill Lane\nLeeds", Postcode: "LS1 4AB",
		Phone: "07700 900123", Email: "m.lee@example.co.uk", Prefers: evidence.ByPost}); err != nil {
		t.Fatal(err)
	}
	if p.wa, err = a.NewClient(ctx, evidence.Client{Name: "王小明", Address: "上海市浦东新区世纪大道100号", Phone: "13812345678",
		IDNumber: "310101195803021234"}); err != nil {
		t.Fatal(err)
	}
	if p.uk, err = a.NewCase(ctx, CaseInput{Title: "Withdrawal stuck", Provider: "QuickPay", Problem: "withdrawal-delayed",
		Jurisdiction: "UK", Amount: "640.00", Currency: "GBP", Incident: "2026-10-02", Account: "QP-55120",
		Remedy:  "Send the £640.00 to my bank account.",
		Details: CaseDetails{Client: "Margaret Lee", Represented: true, Product: "e-wallet", ProviderLegal: "QuickPay Payments Ltd"}}); err != nil {
		t.Fatal(err)
	}
	if p.cn, err = a.NewCase(ctx, CaseInput{Title: "充值未到账", Provider: "OKPay", Problem: "topup-not-credited",
		Jurisdiction: "CN", Amount: "1280.00", Currency: "CNY", Incident: "2026-11-20", Account: "OK-8812345",
		Details: CaseDetails{Client: p.wa.ID[:8], Represented: true, Product: "e-wallet"}}); err != nil {
		t.Fatal(err)
	}
	return p
}

func (p *paralegal) event(t *testing.T, caseID string, in EventInput) evidence.Event {
	t.Helper()
	e, err := p.a.AddEvent(ctx, caseID, in)
	if err != nil {
		t.Fatalf("AddEvent(%+v): %v", in, err)
	}
	return e
}

func (p *paralegal) verifyLog(t *testing.T) {
	t.Helper()
	rep, err := p.a.VerifyLog(ctx)
	if err != nil || !rep.OK() {
		t.Errorf("VerifyLog = %+v, %v", rep.Problems, err)
	}
}

func TestClientsAndCases(t *testing.T) {
	p := newParalegal(t)
	if p.uk.Complainant.Name != "Margaret Lee" || p.uk.Complainant.Postcode != "LS1 4AB" || p.uk.Complainant.AccountID != "QP-55120" ||
		p.uk.ClientID != p.margaret.ID || !p.uk.Represented {
		t.Errorf("the UK case did not take the client's details: %+v", p.uk)
	}
	if p.cn.Complainant.IDNumber != "310101195803021234" || p.cn.ClientID != p.wa.ID {
		t.Errorf("the CN case did not take the client's details: %+v", p.cn.Complainant)
	}
	m := p.margaret
	m.Phone = "07700 900999"
	changed, err := p.a.UpdateClient(ctx, &m)
	if err != nil || !slices.Equal(changed, []string{p.uk.ID}) {
		t.Fatalf("UpdateClient = %v, %v", changed, err)
	}
	if c, _ := p.a.Case(ctx, p.uk.ID); c.Complainant.Phone != "07700 900999" {
		t.Errorf("the client's new phone did not reach the case: %q", c.Complainant.Phone)
	}
	if cs, err := p.a.ClientCases(ctx, "王小明", false); err != nil || len(cs) != 1 || cs[0].ID != p.cn.ID {
		t.Errorf("ClientCases(王小明) = %v, %v", cs, err)
	}
	if _, err := p.a.NewCase(ctx, CaseInput{Title: "x", Provider: "p", Problem: "other", Jurisdiction: "UK",
		Details: CaseDetails{Client: "Nobody"}}); err == nil || !strings.Contains(lang.EN.Err(err), "No client matches") {
		t.Errorf("NewCase(unknown client) = %v", err)
	}
	// Editing the case form keeps the client link and the case's history.
	cur, _ := p.a.Case(ctx, p.uk.ID)
	in := InputOf(cur)
	in.Details.FinalResponse, in.Details.FinalMentionsOmbudsman = "2026-11-10", "yes"
	c, err := p.a.EditCase(ctx, p.uk.ID, in)
	if err != nil || c.ClientID != p.margaret.ID || c.FinalResponse != "2026-11-10" || c.Version < 2 {
		t.Errorf("EditCase = %+v, %v", c, err)
	}
	p.verifyLog(t)
}

// The letter details the law engineer kept per case are the case's own
// fields now: one place for each fact.
func TestLetterDetailsAreCaseFields(t *testing.T) {
	p := newParalegal(t)
	d := LetterDetails{City: "上海", ProviderAddress: "上海市浦东新区\n世纪大道8号", ProviderContact: "95188"}
	if err := p.a.SetLetterDetails(ctx, p.cn.ID, d); err != nil {
		t.Fatal(err)
	}
	c, _ := p.a.Case(ctx, p.cn.ID)
	if c.Complainant.City != "上海" || c.Business.Address != d.ProviderAddress || c.Business.Contact != "95188" {
		t.Errorf("SetLetterDetails did not land on the case: %+v %+v", c.Complainant, c.Business)
	}
	if got, _ := p.a.LetterDetails(ctx, p.cn.ID); got != d {
		t.Errorf("LetterDetails = %+v, want %+v", got, d)
	}
	if cl, _ := p.a.Client(ctx, p.wa.ID); cl.City != "上海" {
		t.Errorf("the client's city = %q; a client's case keeps its city on the client", cl.City)
	}
	// Editing the client later keeps the city on the case.
	cl, _ := p.a.Client(ctx, p.wa.ID)
	cl.Phone = "13900000000"
	if _, err := p.a.UpdateClient(ctx, &cl); err != nil {
		t.Fatal(err)
	}
	if c, _ := p.a.Case(ctx, p.cn.ID); c.Complainant.City != "上海" || c.Complainant.Phone != "13900000000" {
		t.Errorf("after the client's edit the case has city %q phone %q", c.Complainant.City, c.Complainant.Phone)
	}
	if over, _ := p.a.Overrides(ctx, p.cn.ID); len(over) != 0 {
		t.Errorf("the details were also kept as overrides: %v", over)
	}
	text, err := p.a.ComposeLetter(ctx, p.cn.ID, letters.Association, evidence.Chinese)
	if err != nil || !strings.Contains(text, "上海市消费者") || !strings.Contains(text, "95188") {
		t.Errorf("the letter to the association does not use the details:\n%s %v", text, err)
	}
}

// Letters for a represented case read as written on the client's behalf,
// with the representative's contact for replies.
func TestLettersOnBehalf(t *testing.T) {
	p := newParalegal(t)
	text, err := p.a.ComposeLetter(ctx, p.uk.ID, letters.Regulator, evidence.English)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"on behalf of my client, Margaret Lee,", "by email to lijing@example.cn",
		"For and on behalf of Margaret Lee", "Mingli Legal Services", "I can provide their signed letter of authority on request"} {
		if !strings.Contains(text, want) {
			t.Errorf("the regulator letter lacks %q:\n%s", want, text)
		}
	}
	zh, err := p.a.ComposeLetter(ctx, p.cn.ID, letters.Regulator, evidence.Chinese)
	if err != nil || !strings.Contains(zh, "委托代理人Li Jing（Mingli Legal Services）受委托人王小明委托") || strings.Contains(zh, "本人") {
		t.Errorf("the Chinese regulator letter is not written by the 代理人:\n%s %v", zh, err)
	}
	// The signed authority, once added, is said to be enclosed.
	scan := filepath.Join(t.TempDir(), "authority-signed.png")
	if err := os.WriteFile(scan, testtool.Screenshot(200, 280, 7, false), 0o600); err != nil {
		t.Fatal(err)
	}
	e, err := p.a.AddSignedAuthority(ctx, p.uk.ID, []string{scan}, "")
	if err != nil || e.Kind != evidence.KindDocument || !IsAuthority(e) || len(e.Attachments) != 1 {
		t.Fatalf("AddSignedAuthority = %+v, %v", e, err)
	}
	text, _ = p.a.ComposeLetter(ctx, p.uk.ID, letters.Regulator, evidence.English)
	if !strings.Contains(text, "their signed letter of authority is enclosed") || !strings.Contains(text, "Signed letter of authority") {
		t.Errorf("the letter does not enclose the authority:\n%s", text)
	}
	p.verifyLog(t)
}

func TestAuthorityPDF(t *testing.T) {
	testtool.Need(t, "poppler-utils", "pdftotext")
	p := newParalegal(t)
	for _, tt := range []struct {
		lang      evidence.Language
		id        bool
		want, not []string
	}{
		{evidence.English, false, []string{"LETTER OF AUTHORITY", "I, 王小明", "Li Jing of Mingli Legal Services", "OKPay", "ML-2026-014"},
			[]string{"310101195803021234"}},
		{evidence.Chinese, true, []string{"授权委托书", "委托人：王小明", "身份证件号码：310101195803021234", "受托人：Li Jing（Mingli Legal Services）",
			"委托期限"}, nil},
	} {
		out := filepath.Join(t.TempDir(), "authority.pdf")
		pages, err := p.a.AuthorityPDF(ctx, p.cn.ID, DocumentOptions{Lang: tt.lang, Out: out, IDNumbers: tt.id})
		if err != nil || pages != 1 {
			t.Fatalf("AuthorityPDF(%s) = %d, %v", tt.lang, pages, err)
		}
		b, _ := exec.Command("pdftotext", "-enc", "UTF-8", "-raw", out, "-").Output()
		text := strings.Join(strings.Fields(string(b)), "")
		for _, w := range tt.want {
			if !strings.Contains(text, strings.Join(strings.Fields(w), "")) {
				t.Errorf("AuthorityPDF(%s) lacks %q:\n%s", tt.lang, w, b)
			}
		}
		for _, w := range tt.not {
			if strings.Contains(text, w) {
				t.Errorf("AuthorityPDF(%s) has %q", tt.lang, w)
			}
		}
	}
	// Without a profile there is no one to authorise.
	a := openApp(t)
	c, _ := a.NewCase(ctx, CaseInput{Title: "t", Provider: "p", Problem: "other", Jurisdiction: "UK"})
	if _, err := a.AuthorityPDF(ctx, c.ID, DocumentOptions{Out: filepath.Join(t.TempDir(), "x.pdf")}); err == nil ||
		lang.ZH.Err(err) == lang.EN.Err(err) {
		t.Errorf("AuthorityPDF without a profile = %v, want a translated sentence", err)
	}
}

// FOS and 12315: every field in the form's order, what is missing with the
// reason, and the answers once the case has them.
func TestFormAnswers(t *testing.T) {
	p := newParalegal(t)
	fos, err := p.a.FormAnswers(ctx, p.uk.ID, lang.EN, "uk-fos")
	if err != nil || len(fos) != 1 {
		t.Fatalf("FormAnswers(uk-fos) = %v, %v", fos, err)
	}
	f := fos[0]
	byKey := map[string]forms.Answer{}
	for _, a := range f.Answers {
		byKey[a.Field.Key] = a
	}
	if a := byKey["name"]; a.Value != "Margaret Lee" {
		t.Errorf("FOS name = %+v", a)
	}
	if a := byKey["birth"]; !a.Missing || !strings.Contains(a.Reason, "date of birth") {
		t.Errorf("FOS date of birth = %+v, want missing with a reason", a)
	}
	if a := byKey["rep.name"]; a.Value != "Li Jing (Mingli Legal Services)" {
		t.Errorf("FOS representative = %+v", a)
	}
	if a := byKey["rep.relationship"]; a.Value != "paralegal" {
		t.Errorf("FOS relationship = %+v", a)
	}
	if a := byKey["contact"]; a.Value != "post" {
		t.Errorf("FOS contact = %+v", a)
	}
	if a := byKey["complaint"]; !strings.Contains(a.Value, "my client asked to withdraw") {
		t.Errorf("FOS complaint narrative = %q, want it written for the client", a.Value)
	}
	if len(f.Missing) == 0 || !f.Missing[0].Field.Required {
		t.Errorf("Missing = %+v, want required ones first", f.Missing)
	}
	if f.Checked != "2026-11-28" || f.URL == "" || f.Name == "" {
		t.Errorf("form view = %+v", f)
	}
	// Filling in the date of birth on the case fills the answer, and the
	// client keeps it for their other cases.
	in := InputOf(p.uk)
	in.Details.BirthDate = "1948-06-30"
	if _, err := p.a.EditCase(ctx, p.uk.ID, in); err != nil {
		t.Fatal(err)
	}
	if cl, _ := p.a.Client(ctx, p.margaret.ID); cl.BirthDate != "1948-06-30" {
		t.Errorf("the client's date of birth = %q, want the one typed with the case", cl.BirthDate)
	}
	fos, _ = p.a.FormAnswers(ctx, p.uk.ID, lang.ZH, "uk-fos")
	for _, a := range fos[0].Answers {
		if a.Field.Key == "birth" && a.Value != "30/06/1948" {
			t.Errorf("FOS date of birth after editing = %+v", a)
		}
	}
	cn, err := p.a.FormAnswers(ctx, p.cn.ID, lang.ZH, "")
	if err != nil || len(cn) != 3 || cn[0].ID != "cn-12315" {
		t.Fatalf("FormAnswers(CN) = %d forms, %v", len(cn), err)
	}
	var gotID, missingAddr bool
	for _, a := range cn[0].Answers {
		gotID = gotID || a.Field.Key == "complainant.id" && a.Value == "310101195803021234"
		missingAddr = missingAddr || a.Field.Key == "provider.address" && a.Missing && strings.Contains(a.Reason, "地址")
	}
	if !gotID || !missingAddr {
		t.Errorf("12315 answers: ID number %v, provider address missing with its reason %v:\n%+v", gotID, missingAddr, cn[0].Answers)
	}
	if _, err := p.a.FormAnswers(ctx, p.cn.ID, lang.EN, "uk-fos"); len(evidence.Fields(err)) != 1 {
		t.Errorf("FormAnswers(CN case, uk-fos) = %v, want a field error naming the forms", err)
	}
	for _, fact := range []forms.Fact{forms.FactBirthDate, forms.FactIDNumber, forms.FactProviderAddress, forms.FactRepName, forms.FactNarrative} {
		if FactField(fact) == "" {
			t.Errorf("FactField(%s) = \"\", want where to fill it in", fact)
		}
	}
}

// The records request goes to the provider on the client's behalf; once
// sent, its clock runs like the others and no complaint clock starts.
func TestRecordsRequest(t *testing.T) {
	testtool.Need(t, "poppler-utils", "pdftotext")
	p := newParalegal(t)
	text, edited, err := p.a.RecordsRequest(ctx, p.uk.ID, evidence.English)
	if err != nil || edited || !strings.Contains(text, "UK General Data Protection Regulation") ||
		!strings.Contains(text, "on behalf of my client, Margaret Lee") {
		t.Fatalf("RecordsRequest = %v %v:\n%s", edited, err, text)
	}
	if err := p.a.SaveRecordsDraft(ctx, p.uk.ID, evidence.English, text+"\nP.S. edited"); err != nil {
		t.Fatal(err)
	}
	if text2, edited, _ := p.a.RecordsRequest(ctx, p.uk.ID, evidence.English); !edited || !strings.HasSuffix(text2, "P.S. edited") {
		t.Errorf("RecordsRequest after editing = %v %q", edited, text2)
	}
	out := filepath.Join(t.TempDir(), "records.pdf")
	rec, err := p.a.RecordsPDF(ctx, p.uk.ID, DocumentOptions{Lang: evidence.English, Out: out})
	if err != nil || rec.Pages < 1 || rec.Recipient != "provider" {
		t.Fatalf("RecordsPDF = %+v, %v", rec, err)
	}
	if vr, err := p.a.VerifyDossier(ctx, out); err == nil && vr.OK() {
		t.Logf("verify recognises it: %+v", vr)
	}
	b, _ := exec.Command("pdftotext", "-enc", "UTF-8", out, "-").Output()
	if !strings.Contains(string(b), "P.S. edited") {
		t.Errorf("the PDF is not the edited request:\n%s", b)
	}
	sent := time.Date(2026, 9, 3, 10, 0, 0, 0, time.UTC)
	if _, err := p.a.MarkRecordsSent(ctx, p.uk.ID, rec, "email", sent); err != nil {
		t.Fatal(err)
	}
	_, as, err := p.a.Assess(ctx, p.uk.ID)
	if err != nil {
		t.Fatal(err)
	}
	var records *escalation.Deadline
	for i, d := range as.Deadlines {
		if d.RuleID == "uk.records-reply" {
			records = &as.Deadlines[i]
		}
		if d.RuleID == "uk.complaint-reply" {
			t.Errorf("the records request started the complaint clock: %+v", d)
		}
	}
	if records == nil || records.Due.Format(evidence.DateLayout) != "2026-10-05" {
		t.Errorf("records deadline = %+v, want due 2026-10-05 (3 October is a Saturday)", records)
	}
	p.verifyLog(t)
}

// A regulator dossier for a represented case: written on the client's
// behalf, the FOS answers as an appendix, the private note left out by
// default and an entry the user left out absent; the manifest says so.
// The provider's dossier has no appendix and no ID number.
func TestDossierForAClient(t *testing.T) {
	testtool.Need(t, "poppler-utils and qpdf", "pdftotext", "qpdf")
	p := newParalegal(t)
	keep := p.event(t, p.uk.ID, EventInput{Kind: "contact", At: "2026-10-03T09:00:00Z", Channel: "chat", Summary: "Agent said the withdrawal is under review"})
	drop := p.event(t, p.uk.ID, EventInput{Kind: "contact", At: "2026-10-04T09:00:00Z", Channel: "phone", Summary: "LEAVE-ME-OUT call about fees"})
	note := p.event(t, p.uk.ID, EventInput{Kind: "note", At: "2026-10-05T09:00:00Z", Summary: "PRIVATE-NOTE client seemed unsure"})
	entries, err := p.a.DossierEntries(ctx, p.uk.ID, letters.Regulator)
	if err != nil || len(entries) != 3 {
		t.Fatalf("DossierEntries = %+v, %v", entries, err)
	}
	for _, de := range entries {
		if de.Included == (de.Event.ID == note.ID) || de.Private != (de.Event.ID == note.ID) {
			t.Errorf("entry %s included %v private %v; want the note out by default", de.Event.Summary, de.Included, de.Private)
		}
	}
	if err := p.a.SetDossierSelection(ctx, p.uk.ID, letters.Regulator, []string{drop.ID, note.ID}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "regulator.pdf")
	res, err := p.a.Dossier(ctx, p.uk.ID, DossierOptions{To: letters.Regulator, Lang: evidence.English, Out: out})
	if err != nil {
		t.Fatal(err)
	}
	testtool.CheckPDF(t, out)
	raw, _ := exec.Command("pdftotext", "-enc", "UTF-8", "-raw", out, "-").Output()
	text := string(raw)
	for _, want := range []string{"on behalf of my client", keep.Summary, "Appendix — answers for", "Financial Ombudsman", "Margaret Lee"} {
		if !strings.Contains(text, want) {
			t.Errorf("the regulator dossier lacks %q", want)
		}
	}
	for _, not := range []string{"LEAVE-ME-OUT", "PRIVATE-NOTE"} {
		if strings.Contains(text, not) {
			t.Errorf("the regulator dossier has the left-out %q", not)
		}
	}
	vr, err := p.a.VerifyDossier(ctx, out)
	if err != nil || !vr.OK() || vr.Entries != 1 || !slices.Equal(sortedCopy(vr.LeftOut), sortedCopy([]string{drop.ID, note.ID})) {
		t.Errorf("VerifyDossier = entries %d, left out %v, ok %v, %v", vr.Entries, vr.LeftOut, vr.OK(), err)
	}
	if res.Record.Pages < 4 {
		t.Errorf("pages = %d", res.Record.Pages)
	}
	// The choice is the regulator dossier's: the provider's has its own.
	if es, _ := p.a.DossierEntries(ctx, p.uk.ID, letters.Provider); !es[1].Included {
		t.Errorf("the provider dossier's entries took the regulator's choice: %+v", es)
	}
	// CLI-style selection: leave out by prefix, put the notes in.
	sel, err := p.a.SelectionFromRefs(ctx, p.uk.ID, letters.Regulator, []string{keep.ID[:8]}, true)
	if err != nil || !slices.Contains(sel.Exclude, keep.ID) || !slices.Contains(sel.Exclude, drop.ID) || !slices.Contains(sel.Include, note.ID) {
		t.Errorf("SelectionFromRefs = %+v, %v", sel, err)
	}

	// CN: the 12315 appendix in the regulator dossier has the ID number;
	// the provider's dossier has neither the appendix nor the number.
	provider := filepath.Join(t.TempDir(), "provider.pdf")
	if _, err := p.a.Dossier(ctx, p.cn.ID, DossierOptions{To: letters.Provider, Lang: evidence.Chinese, Out: provider}); err != nil {
		t.Fatal(err)
	}
	regulator := filepath.Join(t.TempDir(), "cn-regulator.pdf")
	if _, err := p.a.Dossier(ctx, p.cn.ID, DossierOptions{To: letters.Regulator, Lang: evidence.Chinese, Out: regulator}); err != nil {
		t.Fatal(err)
	}
	redacted := filepath.Join(t.TempDir(), "cn-redacted.pdf")
	if _, err := p.a.Dossier(ctx, p.cn.ID, DossierOptions{To: letters.Regulator, Lang: evidence.Chinese, Out: redacted, Redact: true}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		file   string
		id     bool
		append bool
	}{{provider, false, false}, {regulator, true, true}, {redacted, false, true}} {
		b, _ := exec.Command("pdftotext", "-enc", "UTF-8", "-raw", tt.file, "-").Output()
		flat := strings.Join(strings.Fields(string(b)), "")
		if got := strings.Contains(flat, "310101195803021234"); got != tt.id {
			t.Errorf("%s: has the ID number = %v, want %v", filepath.Base(tt.file), got, tt.id)
		}
		if got := strings.Contains(flat, "附录："); got != tt.append {
			t.Errorf("%s: has the form appendix = %v, want %v", filepath.Base(tt.file), got, tt.append)
		}
	}
	p.verifyLog(t)
}

func sortedCopy(s []string) []string { s = slices.Clone(s); slices.Sort(s); return s }

// All of one client's cases are exported in one step, one signed archive
// per case, and import on another installation with the client.
func TestExportClient(t *testing.T) {
	p := newParalegal(t)
	second, err := p.a.NewCase(ctx, CaseInput{Title: "Frozen account", Provider: "QuickPay", Problem: "account-frozen",
		Jurisdiction: "UK", Details: CaseDetails{Client: p.margaret.ID, Represented: true}})
	if err != nil {
		t.Fatal(err)
	}
	p.event(t, second.ID, EventInput{Kind: "note", Summary: "PRIVATE"})
	if err := p.a.SetDossierSelection(ctx, second.ID, letters.Regulator, nil); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "Margaret")
	files, err := p.a.ExportClient(ctx, "margaret lee", dir, ExportOptions{})
	if err != nil || len(files) != 2 {
		t.Fatalf("ExportClient = %v, %v", files, err)
	}
	other := openApp(t)
	for _, f := range files {
		if !strings.HasPrefix(filepath.Base(f), "Margaret Lee - ") {
			t.Errorf("archive name %s does not name the client", f)
		}
		vr, err := VerifyArchive(f)
		if err != nil || !vr.OK() || vr.Signer == "" {
			t.Errorf("VerifyArchive(%s) = %+v, %v", f, vr, err)
		}
		c, err := other.Import(ctx, f, ImportOptions{})
		if err != nil {
			t.Fatalf("Import(%s): %v", f, err)
		}
		if c.ClientID != p.margaret.ID || c.Complainant.Postcode != "LS1 4AB" {
			t.Errorf("imported case = %+v", c)
		}
	}
	if cls, _ := other.Clients(ctx, false); len(cls) != 1 || cls[0].Name != "Margaret Lee" {
		t.Errorf("the other installation's clients = %+v", cls)
	}
	if es, _ := other.DossierEntries(ctx, second.ID, letters.Regulator); len(es) != 1 || !es[0].Included {
		t.Errorf("the remembered choice did not travel: %+v", es)
	}
	if rep, err := other.VerifyLog(ctx); err != nil || !rep.OK() {
		t.Errorf("VerifyLog after import = %+v, %v", rep.Problems, err)
	}
	// Again: never replaces a file.
	again, err := p.a.ExportClient(ctx, p.margaret.ID, dir, ExportOptions{})
	if err != nil || len(again) != 2 || slices.Contains(files, again[0]) {
		t.Errorf("ExportClient again = %v, %v; want new names beside %v", again, err, files)
	}
	// A redacted export never carries the ID number whole.
	red := filepath.Join(t.TempDir(), "red")
	files, err = p.a.ExportClient(ctx, p.wa.ID, red, ExportOptions{Redact: true})
	if err != nil || len(files) != 1 {
		t.Fatalf("ExportClient(redact) = %v, %v", files, err)
	}
	third := openApp(t)
	c, err := third.Import(ctx, files[0], ImportOptions{})
	if err != nil || c.Complainant.IDNumber != "••••1234" {
		t.Errorf("redacted import ID number = %q, %v", c.Complainant.IDNumber, err)
	}
	if cl, err := third.Client(ctx, c.ClientID); err != nil || strings.Contains(cl.IDNumber, "3101011958") {
		t.Errorf("redacted client = %+v, %v", cl, err)
	}
	if _, err := p.a.ExportClient(ctx, "nobody", red, ExportOptions{}); err == nil {
		t.Error("ExportClient(unknown) succeeded")
	}
}
