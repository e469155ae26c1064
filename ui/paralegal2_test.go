package ui

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"redress/app"
	"redress/evidence"
	"redress/internal/testtool"
)

// tappable is a button found in the widget tree, with what it shows.
type tappable struct {
	fyne.Tappable
	text, tip string
}

// buttonsIn lists the visible buttons under o in the order they are laid
// out: plain buttons and the icon buttons with a tooltip.
func buttonsIn(t *testing.T, o fyne.CanvasObject) []tappable {
	t.Helper()
	var out []tappable
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch w := o.(type) {
		case *tipButton:
			out = append(out, tappable{w, w.Text, w.Tip})
		case *widget.Button:
			out = append(out, tappable{w, w.Text, ""})
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.TempWidgetRenderer(t, w).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

// tapButton taps the one button under o that shows text (or has it as its
// tooltip).
func (h *harness) tapButton(o fyne.CanvasObject, text string) {
	h.t.Helper()
	var found []tappable
	for _, b := range buttonsIn(h.t, o) {
		if b.text == text || b.tip == text {
			found = append(found, b)
		}
	}
	if len(found) != 1 {
		h.t.Fatalf("%d buttons %q, want one; screen:\n%s", len(found), text, h.screenText())
	}
	test.Tap(found[0])
	h.u.Wait()
}

// formEntry is the entry of the form field labelled label under o.
func (h *harness) formEntry(o fyne.CanvasObject, label string) *entry {
	h.t.Helper()
	for _, x := range test.LaidOutObjects(o) {
		f, ok := x.(*widget.Form)
		if !ok {
			continue
		}
		for _, it := range f.Items {
			if it.Text != label {
				continue
			}
			for _, y := range test.LaidOutObjects(it.Widget) {
				if e, ok := y.(*entry); ok {
					return e
				}
			}
		}
	}
	h.t.Fatalf("no field %q; screen:\n%s", label, h.screenText())
	return nil
}

// top is the dialog in front.
func (h *harness) top() fyne.CanvasObject {
	h.t.Helper()
	top := h.u.Window().Canvas().Overlays().Top()
	if top == nil {
		h.t.Fatal("no dialog is open")
	}
	return top
}

// pick chooses label in a drop-down as a user does: tap it, then tap the
// item in the menu it opens.
func (h *harness) pick(sel *choice, label string) {
	h.t.Helper()
	test.Tap(sel)
	menu := h.u.Window().Canvas().Overlays().Top()
	var items []string
	for _, o := range test.LaidOutObjects(menu) {
		w, ok := o.(fyne.Widget)
		tap, ok2 := o.(fyne.Tappable)
		if !ok || !ok2 {
			continue
		}
		for _, c := range test.TempWidgetRenderer(h.t, w).Objects() {
			if tx, ok := c.(*canvas.Text); ok {
				items = append(items, tx.Text)
				if tx.Text == label {
					tap.Tapped(&fyne.PointEvent{})
					h.u.Wait()
					if sel.Selected != label {
						h.t.Fatalf("chose %q, the drop-down shows %q", label, sel.Selected)
					}
					return
				}
			}
		}
	}
	h.t.Fatalf("the drop-down offers %q, not %q", items, label)
}

// Issue 14, "create two clients with cases", in the GUI as a paralegal
// does it: the + beside the client picker of the new-case form opens the
// client form; Save there chooses the new client in the case form and
// fills the complainant; Save creates the case. Twice. The case list's
// client filter then shows each client's case only, and the stored cases
// carry their client.
func TestTwoClientsWithCasesThroughTheForms(t *testing.T) {
	h := newHarness(t, "en")
	type person struct {
		name, email, postcode, phone, title, provider, jurisdiction string
	}
	people := []person{
		{"Margaret Lee", "m.lee@example.co.uk", "LS1 4AB", "0113 496 0000", "Withdrawal stuck", "QuickPay", "UK"},
		{"王小明", "wxm@example.cn", "200120", "13812345678", "充值未到账", "OKPay", "CN"},
	}
	for i, p := range people {
		f := h.u.newCaseDialog()
		h.u.Wait()
		if f.more.client.value() != "" {
			t.Errorf("case %d: the new case form starts for client %q, want none (the list shows all clients)", i, f.more.client.value())
		}
		caseForm := h.top()
		h.tapButton(caseForm, h.u.T("ui.para.new-client")) // the + beside the client picker
		if h.top() == caseForm || !strings.HasSuffix(h.screenText(), h.u.T("ui.para.new-client")+"\n") {
			t.Fatalf("the + did not open the client form:\n%s", h.screenText())
		}
		for _, in := range []struct{ label, text string }{
			{h.u.T("field.name"), p.name}, {h.u.T("field.email"), p.email},
			{h.u.T("field.postcode"), p.postcode}, {h.u.T("field.phone"), p.phone},
		} {
			h.formEntry(h.top(), in.label).SetText(in.text)
		}
		h.tapButton(h.top(), h.u.T("ui.save"))
		// Back in the case form: the client is chosen and its details in.
		if f.more.client.Selected != p.name || f.name.Text != p.name || f.more.email.Text != p.email ||
			f.more.postcode.Text != p.postcode || !f.more.represented.Checked {
			t.Errorf("case %d: after the client form, the case form has client %q name %q email %q postcode %q represented %v",
				i, f.more.client.Selected, f.name.Text, f.more.email.Text, f.more.postcode.Text, f.more.represented.Checked)
		}
		if got := f.more.client.Options; len(got) != i+2 {
			t.Errorf("case %d: the client picker offers %q, want no client and %d clients", i, got, i+1)
		}
		f.title.SetText(p.title)
		f.provider.SetText(p.provider)
		h.pick(f.problem, h.u.l.Label("problem", "withdrawal-delayed"))
		h.pick(f.jurisdiction, h.u.l.Label("jurisdiction", p.jurisdiction))
		h.tapButton(h.top(), h.u.T("ui.save"))
		if h.u.Window().Canvas().Overlays().Top() != nil {
			h.u.Escape() // the self-check list offered for a new case
			h.u.Wait()
		}
		if top := h.u.Window().Canvas().Overlays().Top(); top != nil {
			t.Fatalf("case %d: a dialog is still open:\n%s", i, h.screenText())
		}
	}

	// Stored: two clients, each case with its client.
	cls, err := h.svc.Clients(bg, false)
	if err != nil || len(cls) != 2 {
		t.Fatalf("Clients = %+v, %v; want 2", cls, err)
	}
	clientOf := map[string]evidence.Client{}
	for _, c := range cls {
		clientOf[c.Name] = c
	}
	cases, err := h.svc.Cases(bg, false)
	if err != nil || len(cases) != 2 {
		t.Fatalf("Cases = %d, %v; want 2", len(cases), err)
	}
	for _, p := range people {
		cl, ok := clientOf[p.name]
		if !ok || cl.Email != p.email || cl.Postcode != p.postcode || cl.Phone != p.phone {
			t.Errorf("stored client %q = %+v", p.name, cl)
		}
		var c evidence.Case
		for _, s := range cases {
			if s.Title == p.title {
				c = s.Case
			}
		}
		if c.ClientID != cl.ID || !c.Represented || c.Complainant.Name != p.name || c.Complainant.Email != p.email ||
			string(c.Jurisdiction) != p.jurisdiction {
			t.Errorf("stored case %q: client %q (want %q), represented %v, complainant %q %q, jurisdiction %s",
				p.title, c.ClientID, cl.ID, c.Represented, c.Complainant.Name, c.Complainant.Email, c.Jurisdiction)
		}
	}

	// The case list's client filter, chosen as a user does.
	if !h.u.cases.clients.content.Visible() {
		t.Fatal("the client filter is hidden with two clients")
	}
	for _, tt := range []struct{ label, want string }{
		{"Margaret Lee", "Withdrawal stuck"},
		{"王小明", "充值未到账"},
	} {
		h.pick(h.u.cases.clients.pick, tt.label)
		if got := h.u.cases.titles(); !slices.Equal(got, []string{tt.want}) {
			t.Errorf("the case list for client %s = %q, want [%s]", tt.label, got, tt.want)
			continue
		}
		if _, line, _ := h.u.cases.rowText(h.u.cases.shown[0]); !strings.HasPrefix(line, tt.label+" · ") {
			t.Errorf("the row of %s's case = %q, want it to name the client", tt.label, line)
		}
	}
	h.pick(h.u.cases.clients.pick, h.u.T("ui.para.without-client"))
	if got := h.u.cases.titles(); len(got) != 0 {
		t.Errorf("cases without a client = %q, want none", got)
	}
	h.pick(h.u.cases.clients.pick, h.u.T("ui.para.all-clients"))
	if got := h.u.cases.titles(); !slices.Equal(got, []string{"Withdrawal stuck", "充值未到账"}) {
		t.Errorf("all cases, grouped by client in name order = %q", got)
	}
}

// cnClientCase makes a CN case for a second client, prepared by the
// representative, with a contact in its timeline; the business's address
// is left out, so 12315 has a required field missing.
func cnClientCase(t *testing.T, h *harness) evidence.Case {
	t.Helper()
	cl, err := h.svc.NewClient(bg, evidence.Client{Name: "王小明", Phone: "13812345678", IDNumber: "310101195803021234",
		Address: "上海市浦东新区世纪大道100号", Prefers: evidence.ByPhone})
	if err != nil {
		t.Fatal(err)
	}
	c, err := h.svc.NewCase(bg, app.CaseInput{Title: "充值未到账", Provider: "OKPay", Problem: "topup-not-credited",
		Jurisdiction: "CN", Amount: "1280.00", Currency: "CNY", Incident: "2026-11-02", Remedy: "退还1280元",
		Details: app.CaseDetails{Client: cl.ID, Represented: true, Product: "e-wallet", ProviderLegal: "OK支付科技有限公司"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.svc.AddEvent(bg, c.ID, app.EventInput{Kind: "contact", Channel: "chat", At: "2026-11-03 10:00",
		Summary: "客服称24小时内到账"}); err != nil {
		t.Fatal(err)
	}
	h.u.cases.reload()
	h.u.OpenCase(c.ID)
	h.u.Wait()
	return c
}

// Issue 14, "open the form answers for FOS and 12315 and copy every
// field", in both interface languages: every answered field of every form
// has a Copy button, in the form's order, and each puts exactly that
// answer on the clipboard; every missing field says so and has Fill in.
func TestFormAnswersCopyEveryField(t *testing.T) {
	for _, ui := range []string{"en", "zh"} {
		t.Run(ui, func(t *testing.T) {
			h := newHarness(t, ui)
			cl := setUpParalegal(t, h)
			uk := ukCase(t, h, cl)
			checkFormAnswers(t, h, uk, []string{"FOS"}, map[string]string{"uk-fos/name": "Margaret Lee", "uk-fos/birth": "",
				"uk-fos/postcode": "LS1 4AB", "uk-fos/email": "m.lee@example.co.uk"})
			cn := cnClientCase(t, h)
			checkFormAnswers(t, h, cn, []string{"12315", "12363", "12378"}, map[string]string{"cn-12315/complainant.name": "王小明",
				"cn-12315/complainant.id": "310101195803021234", "cn-12315/provider.name": "OK支付科技有限公司",
				"cn-12315/provider.address": "", "cn-12315/rep.name": "Li Jing（Mingli Legal Services）",
				"cn-12315/product.name": "OKPay 电子钱包（支付账户）服务", "cn-12378/complainant.phone": "13812345678"})
		})
	}
}

// checkFormAnswers opens the form answers of case c (open in the window),
// checks its tabs, its buttons against the answers, taps every Copy and
// checks the answers known by hand (form ID + "/" + field key → value, ""
// for missing); then closes the panel.
func checkFormAnswers(t *testing.T, h *harness, c evidence.Case, tabsWant []string, known map[string]string) {
	t.Helper()
	if h.u.view.caseID != c.ID {
		t.Fatalf("case %q is not open", c.Title)
	}
	want, err := h.svc.FormAnswers(bg, c.ID, h.u.l, "")
	if err != nil {
		t.Fatal(err)
	}
	p := h.u.formAnswers(h.svc)
	h.u.Wait()
	var tabs []string
	for _, it := range p.tabs.Items {
		tabs = append(tabs, it.Text)
	}
	if !slices.Equal(tabs, tabsWant) || len(want) != len(tabs) {
		t.Fatalf("%s: tabs = %q, want %q", c.Title, tabs, tabsWant)
	}
	copyLabel, fillLabel := h.u.T("ui.copy"), h.u.T("ui.para.fill-in")
	copied, seen := 0, map[string]bool{}
	for i, v := range want {
		p.tabs.SelectIndex(i)
		h.u.Wait()
		// The buttons of the page, in order: one per answer, Copy
		// for an answer, Fill in for a missing one.
		var wantButtons []string
		for _, a := range v.Answers {
			switch {
			case !a.Missing:
				wantButtons = append(wantButtons, copyLabel+"|"+a.Field.Key)
			case app.FactField(a.Field.Fact) != "":
				wantButtons = append(wantButtons, fillLabel+"|"+a.Field.Key)
			default:
				t.Errorf("%s: the missing %q (%s) has no way to fill it in", v.ID, a.Label, a.Field.Key)
			}
		}
		buttons := buttonsIn(t, p.tabs.Items[i].Content)
		var got []string
		var copies []tappable
		k := 0
		for _, b := range buttons {
			if b.text != copyLabel && b.text != fillLabel {
				continue
			}
			key := "?"
			if k < len(wantButtons) {
				_, key, _ = strings.Cut(wantButtons[k], "|")
			}
			got = append(got, b.text+"|"+key)
			if b.text == copyLabel {
				copies = append(copies, b)
			}
			k++
		}
		if !slices.Equal(got, wantButtons) {
			t.Fatalf("%s: the buttons on the page =\n%q\nwant\n%q", v.ID, got, wantButtons)
		}
		// Tap every Copy: the clipboard holds exactly that answer.
		n := 0
		for _, a := range v.Answers {
			if a.Missing {
				continue
			}
			h.u.fa.Clipboard().SetContent("(not copied)")
			test.Tap(copies[n])
			n++
			if got := h.u.fa.Clipboard().Content(); got != a.Value {
				t.Errorf("%s: Copy of %q put %q on the clipboard, want %q", v.ID, a.Label, got, a.Value)
			}
			if want := h.u.T("ui.para.copied", "field", a.Label); p.status.Text != want {
				t.Errorf("%s: status after Copy of %q = %q, want %q", v.ID, a.Label, p.status.Text, want)
			}
			copied++
		}
		// The answers checked by hand, not through FormAnswers.
		for _, a := range v.Answers {
			key := v.ID + "/" + a.Field.Key
			w, ok := known[key]
			if !ok {
				continue
			}
			seen[key] = true
			if a.Value != w || a.Missing != (w == "") {
				t.Errorf("%s = %q (missing %v), want %q", key, a.Value, a.Missing, w)
			}
		}
	}
	for key := range known {
		if !seen[key] {
			t.Errorf("no field %s in the form answers", key)
		}
	}
	if copied == 0 || copied != len(p.copies) {
		t.Errorf("tapped %d Copy buttons, the panel made %d", copied, len(p.copies))
	}
	p.shown.close()
	h.u.Wait()
}

// Issue 14, the records request in Chinese: a CN client's case, the
// interface in Chinese; the request cites 电子商务法 art. 53 and PIPL art.
// 45 on the client's behalf, its PDF says so, and 我已发出 records it and
// starts its 30-day clock.
func TestRecordsRequestPanelChinese(t *testing.T) {
	testtool.Need(t, "poppler-utils", "pdftotext")
	h := newHarness(t, "zh")
	setUpParalegal(t, h)
	c := cnClientCase(t, h)
	p := h.u.recordsRequest(h.svc)
	h.u.Wait()
	if p.lang.value() != string(evidence.Chinese) {
		t.Errorf("the request's language = %q, want zh for a CN case", p.lang.value())
	}
	for _, want := range []string{"《中华人民共和国电子商务法》第五十三条", "最近三年的交易记录", "《中华人民共和国个人信息保护法》第四十五条",
		"委托代理人Li Jing", "委托人", "请于三十日内"} {
		if !strings.Contains(p.text.Text, want) {
			t.Errorf("the request lacks %q:\n%s", want, p.text.Text)
		}
	}
	if strings.Contains(p.text.Text, "GDPR") {
		t.Errorf("the CN request cites the GDPR:\n%s", p.text.Text)
	}
	out := filepath.Join(t.TempDir(), "records.pdf")
	p.ask = func(_, _ string, then func(string)) { then(out) }
	h.tapButton(h.top(), h.u.T("ui.create-pdf"))
	text := strings.Join(strings.Fields(pdfTextOf(t, out)), "")
	for _, want := range []string{"《中华人民共和国电子商务法》第五十三条", "委托代理人LiJing"} {
		if !strings.Contains(text, want) {
			t.Errorf("the records PDF lacks %q:\n%.1500s", want, text)
		}
	}
	h.tapButton(h.top(), h.u.T("ui.para.i-sent-it"))
	var sent []evidence.Event
	for _, e := range h.timeline(c.ID) {
		if e.Kind == evidence.KindLetter && slices.Contains(e.Tags, "records-request") {
			sent = append(sent, e)
		}
	}
	// The harness's clock: 20 November 2026 23:30 UTC, 21 November 07:30
	// in Shanghai; 30 days on is Monday 21 December.
	if len(sent) != 1 || !sent[0].At.Equal(h.clk.now()) || sent[0].Letter.To != "provider" {
		t.Fatalf("records requests in the timeline = %+v, want one to the provider at %v", sent, h.clk.now())
	}
	if want := h.u.T("ui.para.records-due", "date", "2026-12-21"); p.status.Text != want {
		t.Errorf("status = %q, want %q", p.status.Text, want)
	}
	_, as, err := h.svc.Assess(bg, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var due []string
	for _, d := range as.Deadlines {
		if d.EventID == sent[0].ID {
			due = append(due, d.RuleID+" "+d.Due.Format(evidence.DateLayout))
		}
	}
	if !slices.Equal(due, []string{"cn.records-reply 2026-12-21"}) {
		t.Errorf("deadlines started by the request = %q, want [cn.records-reply 2026-12-21]", due)
	}
	if p.sent.Text != h.u.T("ui.marked-sent") || !p.sent.Disabled() {
		t.Errorf("the button after sending = %q (disabled %v)", p.sent.Text, p.sent.Disabled())
	}
}
