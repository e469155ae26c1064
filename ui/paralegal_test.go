package ui

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"redress/app"
	"redress/evidence"
	"redress/internal/testtool"
	"redress/lang"
	"redress/letters"
)

var bg = context.Background()

// setUpParalegal gives the harness's app a profile and a client.
func setUpParalegal(t *testing.T, h *harness) evidence.Client {
	t.Helper()
	if _, err := h.svc.SaveProfile(bg, evidence.Profile{Name: "Li Jing", Firm: "Mingli Legal Services", Role: "paralegal",
		Email: "lijing@example.cn", Phone: "021-5555 0101"}); err != nil {
		t.Fatal(err)
	}
	cl, err := h.svc.NewClient(bg, evidence.Client{Name: "Margaret Lee", Address: "4 Mill Lane\nLeeds", Postcode: "LS1 4AB",
		Email: "m.lee@example.co.uk", Prefers: evidence.ByPost})
	if err != nil {
		t.Fatal(err)
	}
	h.u.cases.reload()
	h.u.Wait()
	return cl
}

// ukCase makes a UK case for the client, prepared by the representative.
func ukCase(t *testing.T, h *harness, cl evidence.Client) evidence.Case {
	t.Helper()
	c, err := h.svc.NewCase(bg, app.CaseInput{Title: "Withdrawal stuck", Provider: "QuickPay", Problem: "withdrawal-delayed",
		Jurisdiction: "UK", Amount: "640.00", Currency: "GBP", Incident: "2026-10-02",
		Details: app.CaseDetails{Client: cl.ID, Represented: true, Product: "e-wallet"}})
	if err != nil {
		t.Fatal(err)
	}
	h.u.cases.reload()
	h.u.OpenCase(c.ID)
	h.u.Wait()
	return c
}

func TestProfileIsKeptInTheDatabase(t *testing.T) {
	h := newHarness(t, "en")
	p := h.u.editProfile(h.svc, nil)
	h.u.Wait()
	p.name.SetText("Li Jing")
	p.firm.SetText("Mingli Legal Services")
	p.email.SetText("not an email")
	h.u.Submit()
	h.u.Wait()
	if got := p.form.errorText("rep-email"); !strings.Contains(got, "not an email address") {
		t.Errorf("error next to the email = %q", got)
	}
	p.email.SetText("lijing@example.cn")
	p.ref.SetText("ML-2026-014")
	h.u.Submit()
	h.u.Wait()
	got, ok, err := h.svc.Profile(bg)
	if err != nil || !ok || got.Name != "Li Jing" || got.Reference != "ML-2026-014" {
		t.Fatalf("stored profile = %+v, %v, %v", got, ok, err)
	}
	// Settings shows who it is.
	h.u.showSettings()
	h.u.Wait()
	if text := h.screenText(); !strings.Contains(text, "Li Jing · Mingli Legal Services · ML-2026-014") {
		t.Errorf("Settings lacks the representative:\n%s", text)
	}
}

// Clients: the filter shows once there is one, keeps a client's cases,
// names the client on each row; a new case is for the client shown and
// takes their details; the representative check is on.
func TestClientsInTheCaseList(t *testing.T) {
	h := newHarness(t, "en")
	if h.u.cases.clients.content.Visible() {
		t.Error("the client filter shows with no client")
	}
	own := h.newCase("My own case")
	p := h.u.clientDialog(h.svc, nil, nil)
	p.name.SetText("Margaret Lee")
	p.postcode.SetText("LS1 4AB")
	p.email.SetText("m.lee@example.co.uk")
	h.u.Submit()
	h.u.Wait()
	cls, _ := h.svc.Clients(bg, false)
	if len(cls) != 1 || cls[0].Postcode != "LS1 4AB" {
		t.Fatalf("clients = %+v", cls)
	}
	if !h.u.cases.clients.content.Visible() {
		t.Fatal("the client filter is hidden with a client")
	}
	h.u.cases.clients.pick.set(cls[0].ID)
	h.u.Wait()
	if got := h.u.cases.titles(); len(got) != 0 {
		t.Errorf("the client's cases = %v, want none yet", got)
	}
	f := h.u.newCaseDialog()
	h.u.Wait()
	if f.more.client.value() != cls[0].ID || f.name.Text != "Margaret Lee" || f.more.postcode.Text != "LS1 4AB" || !f.more.represented.Checked {
		t.Errorf("the new case form is not for the client: client %q name %q postcode %q represented %v",
			f.more.client.value(), f.name.Text, f.more.postcode.Text, f.more.represented.Checked)
	}
	f.title.SetText("Withdrawal stuck")
	f.provider.SetText("QuickPay")
	f.problem.set("withdrawal-delayed")
	f.jurisdiction.set("UK")
	h.u.Submit()
	h.u.Wait()
	if h.u.Window().Canvas().Overlays().Top() != nil {
		h.u.Escape() // the self-check list
	}
	h.u.Wait()
	if got := h.u.cases.titles(); !slices.Equal(got, []string{"Withdrawal stuck"}) {
		t.Errorf("the client's cases = %v", got)
	}
	c, _ := h.svc.Case(bg, h.u.view.caseID)
	if c.ClientID != cls[0].ID || !c.Represented || c.Complainant.Postcode != "LS1 4AB" {
		t.Errorf("the new case = %+v", c)
	}
	_, line, _ := h.u.cases.rowText(h.u.cases.shown[0])
	if !strings.HasPrefix(line, "Margaret Lee · QuickPay") {
		t.Errorf("the row's line = %q, want it to name the client", line)
	}
	if !strings.Contains(h.screenText(), "client's case · on the client's behalf") {
		t.Errorf("the case header does not say it is a client's case:\n%s", h.screenText())
	}
	h.u.cases.clients.pick.set(noClient)
	h.u.Wait()
	if got := h.u.cases.titles(); !slices.Equal(got, []string{own.Title}) {
		t.Errorf("cases without a client = %v", got)
	}
	h.u.cases.clients.pick.set(allClients)
	h.u.Wait()
	if got := h.u.cases.titles(); !slices.Equal(got, []string{"Withdrawal stuck", own.Title}) {
		t.Errorf("all cases, grouped by client = %v", got)
	}
}

// "More details for official forms" stays folded until needed; an error in
// it opens it and shows next to the field; what the edit form types for a
// client's case goes to the client.
func TestCaseDetailsSection(t *testing.T) {
	h := newHarness(t, "en")
	cl := setUpParalegal(t, h)
	c := ukCase(t, h, cl)
	f := h.u.editCaseDialog(c)
	h.u.Wait()
	if len(f.more.more.Items) != 1 || f.more.more.Items[0].Open {
		t.Error("More details is open from the start")
	}
	if r := f.more.reasons["birth-date"].Text; r != "Required by FOS." {
		t.Errorf("the reason under the date of birth = %q", r)
	}
	if r := f.more.reasons["id-number"].Text; r != "Used in letters; no form asks for it." && !strings.Contains(r, "no form") {
		t.Errorf("the reason under the ID number for a UK case = %q", r)
	}
	f.more.birth.setText("30/06/1948")
	h.u.Submit()
	h.u.Wait()
	if !f.more.more.Items[0].Open || !strings.Contains(f.form.errorText("birth-date"), "write it like 2026-11-20") {
		t.Errorf("the error: open %v, text %q", f.more.more.Items[0].Open, f.form.errorText("birth-date"))
	}
	f.more.birth.setText("1948-06-30")
	f.more.paddress.SetText("1 QuickPay Way\nLondon")
	h.u.Submit()
	h.u.Wait()
	got, _ := h.svc.Case(bg, c.ID)
	if got.Complainant.BirthDate != "1948-06-30" || got.Business.Address != "1 QuickPay Way\nLondon" || got.ClientID != cl.ID {
		t.Errorf("edited case = %+v", got)
	}
	if cl2, _ := h.svc.Client(bg, cl.ID); cl2.BirthDate != "1948-06-30" {
		t.Errorf("the client's date of birth = %q, want it kept for the client", cl2.BirthDate)
	}
}

// The form answers: FOS's fields in order with the case's answers; Copy
// puts the answer on the clipboard; a missing one says why and Fill in
// takes the user to the field.
func TestFormAnswersView(t *testing.T) {
	h := newHarness(t, "en")
	cl := setUpParalegal(t, h)
	ukCase(t, h, cl)
	p := h.u.formAnswers(h.svc)
	h.u.Wait()
	if len(p.tabs.Items) != 1 || p.tabs.Items[0].Text != "FOS" {
		t.Fatalf("tabs = %d, want FOS", len(p.tabs.Items))
	}
	text := h.screenText()
	for _, want := range []string{"Financial Ombudsman Service — complaint form", "1. first name and surname (required)", "Margaret Lee",
		"2. date of birth (dd/mm/yyyy) (required)", "(missing — The complaint form asks for your date of birth", "[Fill in]",
		"Li Jing (Mingli Legal Services)", "described as checked on 2026-11-28"} {
		if !strings.Contains(text, want) {
			t.Errorf("the form answers lack %q:\n%s", want, text)
		}
	}
	copyName := p.copies["uk-fos/name"]
	if copyName == nil {
		t.Fatal("no Copy button for the name")
	}
	test.Tap(copyName)
	if got := h.u.fa.Clipboard().Content(); got != "Margaret Lee" {
		t.Errorf("clipboard after Copy = %q, want Margaret Lee", got)
	}
	if !strings.Contains(p.status.Text, "Copied: first name and surname") {
		t.Errorf("status = %q", p.status.Text)
	}
	p.fill("birth-date")
	h.u.Wait()
	top := h.u.Window().Canvas().Overlays().Top()
	if top == nil || !strings.Contains(h.screenText(), "More details for official forms") {
		t.Fatalf("Fill in did not open the case form:\n%s", h.screenText())
	}
}

// Choosing a dossier's entries: the private note is out by default, the
// choice is kept per recipient and the dossier leaves out what was
// unticked.
func TestDossierEntriesChooser(t *testing.T) {
	testtool.Need(t, "poppler-utils", "pdftotext")
	h := newHarness(t, "en")
	cl := setUpParalegal(t, h)
	c := ukCase(t, h, cl)
	for _, in := range []app.EventInput{
		{Kind: "contact", Channel: "chat", At: "2026-10-03 09:00", Summary: "Agent said it is under review"},
		{Kind: "contact", Channel: "phone", At: "2026-10-04 09:00", Summary: "LEAVE-ME-OUT call"},
		{Kind: "note", At: "2026-10-05 09:00", Summary: "PRIVATE-NOTE unsure"},
	} {
		if _, err := h.svc.AddEvent(bg, c.ID, in); err != nil {
			t.Fatal(err)
		}
	}
	dp := h.u.createDossier(h.svc, h.u.dataDir)
	h.u.Wait()
	dp.to.set(string(letters.Regulator))
	h.u.Wait()
	if text := h.screenText(); !strings.Contains(text, "2 of 3 entries go in") {
		t.Errorf("the dossier panel's count:\n%s", text)
	}
	p := h.u.chooseEntries(h.svc, c.ID, letters.Regulator, nil)
	h.u.Wait()
	if p.included() != 2 {
		t.Errorf("included by default = %d, want 2 (the note left out)", p.included())
	}
	for i, e := range p.entries {
		if e.Event.Summary == "LEAVE-ME-OUT call" {
			p.toggle(i)
		}
	}
	if !strings.Contains(p.count.Text, "1 of 3 entries go in (0 files)") || !strings.Contains(p.count.Text, "Left out: LEAVE-ME-OUT call, PRIVATE-NOTE unsure") {
		t.Errorf("count = %q", p.count.Text)
	}
	p.shown.save.OnTapped()
	h.u.Wait()
	if es, _ := h.svc.DossierEntries(bg, c.ID, letters.Regulator); es[1].Included || es[2].Included || !es[0].Included {
		t.Errorf("the choice was not kept: %+v", es)
	}
	if es, _ := h.svc.DossierEntries(bg, c.ID, letters.Provider); !es[1].Included {
		t.Error("the provider's dossier took the regulator's choice")
	}
	out := filepath.Join(t.TempDir(), "regulator.pdf")
	dp.ask = func(_, _ string, then func(string)) { then(out) }
	dp.done = func(app.DossierResult) {}
	dp.create(func() {})
	h.u.Wait()
	// The case has no formal complaint to the provider yet, so the app
	// first warns that a regulator may send the letter back; go on.
	var anyway *widget.Button
	for _, o := range test.LaidOutObjects(h.u.Window().Canvas().Overlays().Top()) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Create anyway" {
			anyway = b
		}
	}
	if anyway == nil {
		t.Fatal("no warning before a regulator dossier without a complaint to the provider")
	}
	test.Tap(anyway)
	h.u.Wait()
	text := pdfTextOf(t, out)
	if strings.Contains(text, "LEAVE-ME-OUT") || strings.Contains(text, "PRIVATE-NOTE") || !strings.Contains(text, "under review") ||
		!strings.Contains(text, "on behalf of my client") {
		t.Errorf("the regulator dossier does not follow the choice:\n%.2000s", text)
	}
}

// The records request: composed for the case's law on the client's
// behalf, its PDF made, and "I sent it" starts its clock.
func TestRecordsRequestPanel(t *testing.T) {
	h := newHarness(t, "en")
	cl := setUpParalegal(t, h)
	c := ukCase(t, h, cl)
	p := h.u.recordsRequest(h.svc)
	h.u.Wait()
	if !strings.Contains(p.text.Text, "UK General Data Protection Regulation") || !strings.Contains(p.text.Text, "on behalf of my client, Margaret Lee") {
		t.Fatalf("the request:\n%s", p.text.Text)
	}
	p.text.SetText(p.text.Text + "\nEdited by hand.")
	out := filepath.Join(t.TempDir(), "records.pdf")
	p.ask = func(_, _ string, then func(string)) { then(out) }
	p.create(func() {})
	h.u.Wait()
	if st, err := os.Stat(out); err != nil || st.Size() == 0 {
		t.Fatalf("records PDF: %v", err)
	}
	if text, edited, _ := h.svc.RecordsRequest(bg, c.ID, evidence.English); !edited || !strings.HasSuffix(text, "Edited by hand.") {
		t.Errorf("the edit was not kept as a draft")
	}
	test.Tap(p.sent)
	h.u.Wait()
	evs := h.timeline(c.ID)
	if len(evs) != 1 || evs[0].Kind != evidence.KindLetter || !slices.Contains(evs[0].Tags, "records-request") {
		t.Fatalf("timeline after I sent it = %+v", evs)
	}
	// The harness's clock: 20 November 2026 → 21 December (20 December is a Sunday).
	if !strings.Contains(p.status.Text, "due by 2026-12-21") {
		t.Errorf("status = %q", p.status.Text)
	}
}

func TestLetterOfAuthorityPanel(t *testing.T) {
	h := newHarness(t, "zh")
	cl := setUpParalegal(t, h)
	c := ukCase(t, h, cl)
	p := h.u.letterOfAuthority(h.svc)
	h.u.Wait()
	p.lang.set("zh")
	h.u.Wait()
	if !strings.Contains(p.preview.Text, "授权委托书") || !strings.Contains(p.preview.Text, "委托人：Margaret Lee") {
		t.Fatalf("preview:\n%s", p.preview.Text)
	}
	out := filepath.Join(t.TempDir(), "authority.pdf")
	p.ask = func(_, _ string, then func(string)) { then(out) }
	p.create(func() {})
	h.u.Wait()
	if st, err := os.Stat(out); err != nil || st.Size() == 0 {
		t.Fatalf("authority PDF: %v (status %q)", err, p.status.Text)
	}
	scan := filepath.Join(t.TempDir(), "signed.png")
	writePNG(t, scan, 40, 60)
	p.pick = func(then func([]string)) { then([]string{scan}) }
	p.addSigned()
	h.u.Wait()
	evs := h.timeline(c.ID)
	if len(evs) != 1 || !app.IsAuthority(evs[0]) || len(evs[0].Attachments) != 1 {
		t.Errorf("timeline after adding the signed scan = %+v", evs)
	}
	// Without a profile, the panel says what to do instead of failing.
	h2 := newHarness(t, "en")
	c2 := h2.newCase("own")
	h2.u.OpenCase(c2.ID)
	h2.u.Wait()
	p2 := h2.u.letterOfAuthority(h2.svc)
	h2.u.Wait()
	if !strings.Contains(p2.status.Text, "representative's profile first") {
		t.Errorf("status without a profile = %q", p2.status.Text)
	}
}

// A client's cases are exported in one step, one archive each.
func TestExportClientFromTheList(t *testing.T) {
	h := newHarness(t, "en")
	cl := setUpParalegal(t, h)
	ukCase(t, h, cl)
	dir := t.TempDir()
	var files []string
	h.u.exportClientTo(h.svc, cl, dir, func(fs []string) { files = fs })
	h.u.Wait()
	if len(files) != 1 || filepath.Dir(files[0]) != filepath.Join(dir, "Redress - Margaret Lee") {
		t.Fatalf("exported %v", files)
	}
	if vr, err := app.VerifyArchive(files[0]); err != nil || !vr.OK() {
		t.Errorf("VerifyArchive = %+v, %v", vr, err)
	}
	if !strings.Contains(h.screenText(), "1 case archives (one per case, each signed)") {
		t.Errorf("the report:\n%s", h.screenText())
	}
}

// A form view with a fake: an error is shown in the panel, not lost.
func TestFormAnswersError(t *testing.T) {
	svc := newFakeService(t.TempDir(), time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC), time.UTC)
	svc.FormAnswersFn = func(context.Context, string, lang.Lang, string) ([]app.FormView, error) {
		return nil, langError("case.not-found", "ref", "x")
	}
	fa := test.NewTempApp(t)
	u := New(fa, svc)
	u.view.caseID = "c0ffee00-0000-4000-8000-000000000001"
	p := u.formAnswers(svc)
	u.Wait()
	if !strings.Contains(p.status.Text, "x") || len(p.tabs.Items) != 0 {
		t.Errorf("status = %q, tabs %d", p.status.Text, len(p.tabs.Items))
	}
}

func pdfTextOf(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", "-raw", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// TestDocumentsSaveWhereDossiersDo: the records request and the letter of
// authority — documents that leave the office like dossiers — are offered
// the data folder's Dossiers folder (or where the last one was saved),
// never the folder screenshots were last picked from.
func TestDocumentsSaveWhereDossiersDo(t *testing.T) {
	h := newHarness(t, "en")
	cl := setUpParalegal(t, h)
	ukCase(t, h, cl)
	picked := t.TempDir() // where the user last picked screenshots from
	h.u.setLastFolder(picked)
	docs := app.DossierDir(h.svc.Dir())
	// The records request.
	rp := h.u.recordsRequest(h.svc)
	h.u.Wait()
	var dirs []string
	out := filepath.Join(t.TempDir(), "elsewhere", "records.pdf")
	os.MkdirAll(filepath.Dir(out), 0o700)
	rp.ask = func(dir, _ string, then func(string)) { dirs = append(dirs, dir); then(out) }
	rp.create(func() {})
	h.u.Wait()
	h.u.Escape()
	// The letter of authority: offered the folder the records request was
	// saved in, which is now remembered for this data folder.
	ap := h.u.letterOfAuthority(h.svc)
	h.u.Wait()
	ap.ask = func(dir, s string, then func(string)) {
		dirs = append(dirs, dir)
		then(filepath.Join(dir, filepath.Base(s)))
	}
	ap.create(func() {})
	h.u.Wait()
	if want := []string{docs, filepath.Dir(out)}; !slices.Equal(dirs, want) {
		t.Errorf("save dialogs started in %q, want %q (never %q)", dirs, want, picked)
	}
	if h.u.lastFolder() != picked {
		t.Errorf("saving documents moved the picking folder to %q", h.u.lastFolder())
	}
}
