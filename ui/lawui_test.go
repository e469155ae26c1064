package ui

import (
	"context"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"redress/app"
	"redress/escalation"
	"redress/evidence"
	"redress/internal/testtool"
	"redress/lang"
	"redress/letters"
	"redress/post"
)

// statusText is every label and button of the status panel.
func statusText(u *UI) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.Button:
			b.WriteString("[" + w.Text + "]\n")
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		}
	}
	walk(u.view.status.box)
	return b.String()
}

// labelWith returns the status panel's label containing s.
func labelWith(u *UI, s string) *widget.Label {
	var found *widget.Label
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			if found == nil && strings.Contains(w.Text, s) {
				found = w
			}
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		}
	}
	walk(u.view.status.box)
	return found
}

// TestStatusPanelShowsYourRights: a CN top-up case's status panel shows
// its rights — plain sentence and citation in the interface language,
// "check locally" where the rule says so — the 12315 rung of the CN
// ladder, where to complain, and the disclaimer.
func TestStatusPanelShowsYourRights(t *testing.T) {
	tests := []struct {
		lang string
		want []string
	}{
		{"en", []string{"Your rights", lang.EN.T("esc.right.cn.ecl-55"), "Source: 《电子商务法》第五十五条",
			"Source: 《非银行支付机构监督管理条例》第三十五条 (check locally)", "○ " + lang.EN.T("esc.step.platform"),
			lang.EN.T("lawui.optional-step", "step", lang.EN.T("esc.step.public-post")), "Where to complain",
			"Consumer association: Local consumers' association (enter your city)", "[Choose where…]", "[Write the letter]",
			"⚠ " + lang.EN.T("esc.warn.complain-first"), lang.EN.T(escalation.DisclaimerKey)}},
		{"zh", []string{"您的权利", lang.ZH.T("esc.right.cn.ecl-55"), "出处：《电子商务法》第五十五条",
			"出处：《非银行支付机构监督管理条例》第三十五条（请查询当地规定）", lang.ZH.T("esc.step.platform"), "投诉渠道",
			lang.ZH.T(escalation.DisclaimerKey)}},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			h := newHarness(t, tt.lang)
			c := h.newCase("OKPay top-up")
			h.u.OpenCase(c.ID)
			h.u.Wait()
			text := statusText(h.u)
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("status panel lacks %q:\n%s", w, text)
				}
			}
			if strings.Contains(text, lang.EN.T("lawui.draft-post")) || strings.Contains(text, lang.ZH.T("lawui.draft-post")) {
				t.Errorf("the public post is suggested before any complaint:\n%s", text)
			}
		})
	}
}

// TestDeadlinesByNature: the provider's promises are labelled as such
// and never red like law; a date from which the user may act is never
// overdue; the user's own limits have a heading of their own.
func TestDeadlinesByNature(t *testing.T) {
	u, f := newFakeUI(t, "en")
	day := func(d int) time.Time { return time.Date(2026, 11, d, 23, 59, 59, 0, shanghai) }
	ds := []escalation.Deadline{
		{Clock: escalation.ClockTopupCredit, Key: "esc.clock.topup-credit", Nature: escalation.ProviderPromise, Effect: escalation.TheyMustAct,
			RuleID: "provider.topup-credit", Due: day(10), Status: escalation.Overdue, DaysLeft: -10},
		{Clock: escalation.ClockOmbudsmanAfter, Key: "esc.clock.ombudsman-after", Nature: escalation.Law, Effect: escalation.YouMayAct,
			RuleID: "uk.ombudsman-after", Due: day(12), Status: escalation.Available, DaysLeft: -8},
		{Clock: escalation.ClockComplaintReply, Key: "esc.clock.complaint-reply", Nature: escalation.Law, Effect: escalation.TheyMustAct,
			RuleID: "uk.complaint-reply", Due: day(12), Status: escalation.Overdue, DaysLeft: -8},
		{Clock: escalation.ClockNotifyWithin, Key: "esc.clock.notify-within", Nature: escalation.Law, Effect: escalation.YouMustAct,
			RuleID: "uk.notify-within", Due: day(30), Status: escalation.Upcoming, DaysLeft: 10},
	}
	f.AssessFn = func(context.Context, string) (evidence.Case, escalation.Assessment, error) {
		return evidence.Case{ID: "c1", Jurisdiction: evidence.UK}, escalation.Assessment{Position: escalation.FormalComplaint, Deadlines: ds}, nil
	}
	u.view.caseID = "c1"
	u.view.status.reload()
	u.Wait()
	text := statusText(u)
	tests := []struct {
		line    string
		heading string
		want    widget.Importance
	}{
		{"2026-11-10 · Provider's promise: top-up credited: Promise not kept (due 2026-11-10)", "The provider's own promises (not law)", widget.WarningImportance},
		{"2026-11-12 · Ombudsman can take the case: Available since 2026-11-12", "Deadlines and dates under the rules", widget.SuccessImportance},
		{"2026-11-12 · Reply to your complaint due: 8 days overdue", "Deadlines and dates under the rules", widget.DangerImportance},
		{"2026-11-30 · Last day to report the transaction to the provider: 10 days left", "Your own time limits", widget.MediumImportance},
	}
	for _, tt := range tests {
		l := labelWith(u, tt.line)
		if l == nil {
			t.Errorf("no line %q:\n%s", tt.line, text)
			continue
		}
		if l.Importance != tt.want {
			t.Errorf("%q importance = %v, want %v", tt.line, l.Importance, tt.want)
		}
		if h := strings.Index(text, tt.heading); h < 0 || h > strings.Index(text, tt.line) {
			t.Errorf("%q is not under %q:\n%s", tt.line, tt.heading, text)
		}
	}
	if strings.Contains(text, "Ombudsman can take the case: 8 days overdue") {
		t.Errorf("an available-since date reads as overdue:\n%s", text)
	}
	// The UK ladder has no 12315 rung; with landmarks, a skipped optional
	// post is not ticked.
	f.LandmarksFn = func(context.Context, string) (escalation.Landmarks, error) {
		return escalation.Landmarks{Reached: []escalation.Step{escalation.SelfCheck, escalation.CustomerService, escalation.FormalComplaint,
			escalation.ConsumerAssociation}}, nil
	}
	f.AssessFn = func(context.Context, string) (evidence.Case, escalation.Assessment, error) {
		return evidence.Case{ID: "c1", Jurisdiction: evidence.UK}, escalation.Assessment{Position: escalation.ConsumerAssociation}, nil
	}
	u.view.status.reload()
	u.Wait()
	want := "✓ Self-check  →  ✓ Customer service  →  ✓ Formal complaint  →  ○ Public post (optional)  →  ● Consumer association  →  ○ Regulator or ombudsman  →  ○ Legal help"
	if got := statusText(u); !strings.Contains(got, want) {
		t.Errorf("ladder: want %q in\n%s", want, got)
	}
}

// TestPostSuggestedOnlyWhenAllowed: the status panel proposes the public
// post, with its reason and a button to the draft, only when
// app.PostSuggestion (post.Suggest) says so.
func TestPostSuggestedOnlyWhenAllowed(t *testing.T) {
	for _, ok := range []bool{false, true} {
		u, f := newFakeUI(t, "en")
		f.AssessFn = func(context.Context, string) (evidence.Case, escalation.Assessment, error) {
			return evidence.Case{ID: "c1", Jurisdiction: evidence.CN}, escalation.Assessment{Position: escalation.FormalComplaint}, nil
		}
		f.PostSuggestionFn = func(context.Context, string) (app.PostSuggestion, error) {
			key := "post.suggest.waiting"
			if ok {
				key = "post.suggest.overdue"
			}
			return app.PostSuggestion{OK: ok, Why: post.Reason{Key: key, Date: time.Date(2026, 12, 11, 23, 59, 59, 0, shanghai)}}, nil
		}
		u.view.caseID = "c1"
		u.view.status.reload()
		u.Wait()
		text := statusText(u)
		shown := strings.Contains(text, "[Draft a public post]") && strings.Contains(text, "ran out on 2026-12-11")
		if shown != ok || strings.Contains(text, "Wait until") {
			t.Errorf("suggestion %v: panel shows it %v:\n%s", ok, shown, text)
		}
	}
}

// TestWarningsConfirmedBeforeLetter: before a dossier to a body is
// created, its warnings are shown in the panel and in a dialog; "Go back"
// makes nothing, "Create anyway" goes on to the save dialog.
func TestWarningsConfirmedBeforeLetter(t *testing.T) {
	u, f := newFakeUI(t, "en")
	c := evidence.Case{ID: "0123456789abcdef", Title: "T", Jurisdiction: evidence.UK, Language: evidence.English}
	u.view.caseID, u.view.c = c.ID, c
	f.LetterWarningsFn = func(_ context.Context, _ string, to letters.Recipient, _ string) ([]escalation.Warning, error) {
		if to == letters.Provider {
			return nil, nil
		}
		return []escalation.Warning{{Key: "esc.warn.premature", Args: []string{"date", "2026-12-17"}}}, nil
	}
	p := u.createDossier(f, t.TempDir())
	asked := 0
	p.ask = func(dir, s string, then func(string)) { asked++ }
	u.Wait()
	p.to.set(string(letters.Regulator))
	u.Wait()
	premature := "⚠ " + lang.EN.T("esc.warn.premature", "date", "2026-12-17")
	if got := strings.Join(labelsIn(p.warn), "\n"); got != premature {
		t.Errorf("the panel's warnings = %q, want %q", got, premature)
	}
	u.Submit() // Create PDF
	u.Wait()
	dialogText := strings.Join(labelsIn(u.Window().Canvas().Overlays().Top()), "\n")
	if !strings.Contains(dialogText, premature) || asked != 0 {
		t.Fatalf("no warning dialog before creating (asked %d):\n%s", asked, dialogText)
	}
	u.Escape() // Go back
	u.Wait()
	if asked != 0 {
		t.Fatalf("Go back went on to the save dialog")
	}
	u.Submit() // Create PDF again
	u.Wait()
	var anyway *widget.Button
	for _, o := range test.LaidOutObjects(u.Window().Canvas().Overlays().Top()) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Create anyway" {
			anyway = b
		}
	}
	if anyway == nil {
		t.Fatal("no Create anyway button")
	}
	test.Tap(anyway)
	u.Wait()
	if asked != 1 {
		t.Errorf("Create anyway: the save dialog was asked %d times, want 1", asked)
	}
	// A provider dossier has no warnings: no dialog.
	p.to.set(string(letters.Provider))
	u.Wait()
	u.Submit()
	u.Wait()
	if asked != 2 {
		t.Errorf("provider dossier: the save dialog was asked %d times in all, want 2", asked)
	}
}

// TestBodyPickerReachesTheLetter: the body chosen for the regulator, with
// its exact name and address, and the city typed in the picker are stored
// and used by the composed letters; bad input is named next to its field.
func TestBodyPickerReachesTheLetter(t *testing.T) {
	h := newHarness(t, "en")
	c := h.newCase("OKPay top-up")
	h.u.OpenCase(c.ID)
	h.u.Wait()
	ctx := context.Background()
	bodies, _ := h.svc.Bodies(ctx, c.ID)
	d, _ := h.svc.LetterDetails(ctx, c.ID)
	p := h.u.showBodyPicker(c, letters.Regulator, bodies, d)
	var ids []string
	for _, b := range p.bodies {
		ids = append(ids, b.ID)
	}
	if want := []string{"cn.pboc", "cn.12315", "cn.nfra"}; !slices.Equal(ids, want) {
		t.Errorf("regulator bodies = %v, want %v", ids, want)
	}
	if p.radio.Selected != lang.EN.T("esc.body.cn.pboc.local") { // no city yet: the branch of the user's city
		t.Errorf("selected %q, want the default PBoC", p.radio.Selected)
	}
	p.choose("cn.12315")
	if !strings.Contains(p.about.Text, lang.EN.T("esc.body-ask.cn.12315")) || !strings.Contains(p.about.Text, lang.EN.T("esc.warn.cn-15-2")) {
		t.Errorf("about = %q, want the 12315 ask and its art. 15(2) note", p.about.Text)
	}
	p.name.SetText(strings.Repeat("局", 201))
	h.u.Submit()
	h.u.Wait()
	if p.form.errorText("name") == "" {
		t.Fatalf("a 201-character name: no error next to the field:\n%s", h.screenText())
	}
	if ad, _ := h.svc.Addressee(ctx, c.ID, evidence.ToRegulator); ad.Body != "cn.pboc" {
		t.Errorf("refused input stored %+v", ad)
	}
	p.name.SetText("杭州市西湖区市场监督管理局")
	p.address.SetText("杭州市西湖区文三路1号")
	p.city.SetText("杭州")
	p.provAddr.SetText("杭州市某路1号")
	h.u.Submit()
	h.u.Wait()
	if h.u.Window().Canvas().Overlays().Top() != nil {
		t.Fatalf("the picker did not close:\n%s", h.screenText())
	}
	text, err := h.svc.ComposeLetter(ctx, c.ID, letters.Regulator, evidence.Chinese)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"致：杭州市西湖区市场监督管理局\n杭州市西湖区文三路1号", "地址：杭州市某路1号"} {
		if !strings.Contains(text, w) {
			t.Errorf("regulator letter lacks %q:\n%s", w, text)
		}
	}
	if text, _ := h.svc.ComposeLetter(ctx, c.ID, letters.Association, evidence.Chinese); !strings.Contains(text, "致：杭州市消费者协会") {
		t.Errorf("the association letter does not go to the city's association:\n%s", text)
	}
	status := statusText(h.u)
	for _, w := range []string{"Regulator or ombudsman: 杭州市西湖区市场监督管理局", "杭州市西湖区文三路1号", "Consumer association: 杭州市 Consumers' Association"} {
		if !strings.Contains(status, w) {
			t.Errorf("status panel lacks %q after the choice:\n%s", w, status)
		}
	}
}

// complainedCase is a CN top-up case with an agent's broken promise and a
// formal complaint, its statutory 15 days over.
func complainedCase(h *harness) evidence.Case {
	h.t.Helper()
	c := h.newCase("OKPay top-up")
	ctx := context.Background()
	for _, in := range []app.EventInput{
		{Kind: "contact", Channel: "chat", Agent: "王小姐 #1024", Summary: "客服说 24 小时内到账", PromiseBy: "2026-11-21 10:30", At: "2026-11-20 10:30", Ref: "T-8899"},
		{Kind: "letter", To: "provider", At: "2026-11-21 06:00"},
	} {
		if _, err := h.svc.AddEvent(ctx, c.ID, in); err != nil {
			h.t.Fatal(err)
		}
	}
	h.clk.add(20 * 24 * time.Hour) // 10 December
	h.u.OpenCase(c.ID)
	h.u.Wait()
	return c
}

// TestPostDraftViewRecordsThePost: the draft view composes the post in the
// chosen language and length with live counts (red over the limit),
// copies it, and "I posted it" records the post, which moves the ladder to
// its public step; a reply is then recorded from the posted entry.
func TestPostDraftViewRecordsThePost(t *testing.T) {
	h := newHarness(t, "en")
	c := complainedCase(h)
	if !strings.Contains(statusText(h.u), "[Draft a public post]") {
		t.Fatalf("the public post is not suggested 19 days after the complaint:\n%s", statusText(h.u))
	}
	p := h.u.showPostDraft(h.svc)
	h.u.Wait()
	if p.lang.value() != "zh" || !strings.HasPrefix(p.text.Text, "11月20日，我向OKPay账户充值1,280元") {
		t.Fatalf("draft in %s: %q", p.lang.value(), p.text.Text)
	}
	counts := strings.Join(labelsIn(p.counts), "\n")
	want := "Weibo (140): " + strconv.Itoa(post.WeiboLength(p.text.Text)) + " / 140"
	if !strings.Contains(counts, want) || !strings.Contains(counts, "X (280 weighted): "+strconv.Itoa(post.XLength(p.text.Text))+" / 280") {
		t.Errorf("counts = %q, want %q and X's", counts, want)
	}
	screen := h.screenText()
	for _, w := range []string{lang.EN.T("post.tip.no-threats"), "Black Cat Complaints (黑猫投诉, Sina)", "https://tousu.sina.com.cn/", "[Copy]", "[I posted it…]"} {
		if !strings.Contains(screen, w) {
			t.Errorf("the draft view lacks %q:\n%s", w, screen)
		}
	}
	// Live counts: typing past 140 turns Weibo's count red.
	p.text.SetText(p.text.Text + strings.Repeat("字", 140))
	var over *widget.Label
	for _, o := range test.LaidOutObjects(p.counts) {
		if l, ok := o.(*widget.Label); ok && strings.HasPrefix(l.Text, "Weibo (140)") {
			over = l
		}
	}
	if over == nil || over.Importance != widget.DangerImportance || !strings.Contains(over.Text, "too long") {
		t.Errorf("over the limit: %+v", over)
	}
	// Switching the language asks before replacing the edit; yes composes in English.
	p.lang.set("en")
	h.u.Wait()
	if p.lang.value() != "zh" {
		t.Errorf("the choice moved before the edit was confirmed away")
	}
	h.u.Submit() // the question's "Compose again"
	h.u.Wait()
	if p.lang.value() != "en" || !strings.HasPrefix(p.text.Text, "On 20 Nov, I topped up ¥1,280") {
		t.Fatalf("after switching to English: %s %q", p.lang.value(), p.text.Text)
	}
	p.length.set("long")
	h.u.Wait()
	if !p.titleBox.Visible() || p.title.Text == "" || !strings.Contains(strings.Join(labelsIn(p.counts), "\n"), "Weibo long post (2,000)") {
		t.Errorf("long form: title %q, counts %v", p.title.Text, labelsIn(p.counts))
	}
	p.copyText()
	if got := h.u.fa.Clipboard().Content(); got != p.title.Text+"\n\n"+p.text.Text {
		t.Errorf("clipboard = %q", got)
	}
	text := p.title.Text + "\n\n" + p.text.Text
	// I posted it, with a screenshot.
	shot := filepath.Join(t.TempDir(), "weibo.png")
	writePNG(t, shot, 30, 60)
	f := h.u.recordPost(h.svc, c, p.posted(), func() { p.shown.close() })
	f.link.SetText("https://weibo.com/123/abc")
	f.at.setText("2026-12-10 20:00")
	f.shots.set(h.u, []string{shot})
	h.u.Submit()
	h.u.Wait()
	var posted *evidence.Event
	for _, e := range h.timeline(c.ID) {
		if isPublicPost(e) {
			posted = &e
		}
	}
	switch {
	case posted == nil:
		t.Fatalf("no public post recorded:\n%s", h.screenText())
	case posted.Reference != "https://weibo.com/123/abc" || posted.Summary != text || len(posted.Attachments) != 1 ||
		posted.Contact.Direction != evidence.Outbound:
		t.Errorf("post recorded as %+v", posted)
	}
	_, as, _ := h.svc.Assess(context.Background(), c.ID)
	if as.Position != escalation.PublicPost {
		t.Errorf("position after the post = %s, want public-post", as.Position)
	}
	status := statusText(h.u)
	if !strings.Contains(status, "● Public post (optional)") || strings.Contains(status, "[Draft a public post]") {
		t.Errorf("status after the post:\n%s", status)
	}
	// Record a reply from the posted entry.
	h.u.view.showDetail(*posted)
	h.u.Wait()
	if !strings.Contains(h.u.view.detailText(), "[Record a reply]") {
		t.Fatalf("the posted entry has no Record a reply:\n%s", h.u.view.detailText())
	}
	r := h.u.recordReply(h.svc, *posted)
	r.account.SetText("@OKPay客服")
	r.text.SetText("已私信您")
	r.at.setText("2026-12-09 09:00") // before the post: refused
	h.u.Submit()
	h.u.Wait()
	if !strings.Contains(h.screenText(), "before the post") {
		t.Errorf("a reply before the post is not refused:\n%s", h.screenText())
	}
	r.at.setText("2026-12-10 21:00")
	h.u.Submit()
	h.u.Wait()
	var reply *evidence.Event
	for _, e := range h.timeline(c.ID) {
		if e.Kind == evidence.KindResponse {
			reply = &e
		}
	}
	if reply == nil || reply.Response.From != evidence.ToProvider || reply.Response.Outcome != "已私信您" || reply.Response.Name != "@OKPay客服" {
		t.Errorf("reply recorded as %+v", reply)
	}
}

// TestProviderDossierFromAppLacksChecklist: a provider dossier created
// from the app never lists the user's missing evidence (issue 13 item 5),
// though the app shows it.
func TestProviderDossierFromAppLacksChecklist(t *testing.T) {
	testtool.Need(t, "poppler-utils", "pdftotext")
	h := newHarness(t, "zh")
	c := h.newCase("OKPay 充值未到账")
	h.u.OpenCase(c.ID)
	h.u.Wait()
	_, as, err := h.svc.Assess(context.Background(), c.ID)
	if err != nil || len(as.Checklist.Missing) == 0 {
		t.Fatalf("the case has no missing evidence to leak (%v)", err)
	}
	if !strings.Contains(statusText(h.u), lang.ZH.T(as.Checklist.Missing[0].Key)) {
		t.Errorf("the app does not show the checklist:\n%s", statusText(h.u))
	}
	out := filepath.Join(t.TempDir(), "provider.pdf")
	p := h.u.createDossier(h.svc, h.svc.Dir())
	p.ask = func(_, _ string, then func(string)) { then(out) }
	var res *app.DossierResult
	p.done = func(r app.DossierResult) { res = &r }
	h.u.Wait()
	if p.recipient() != letters.Provider {
		t.Fatalf("recipient %s", p.recipient())
	}
	h.u.Submit()
	h.u.Wait()
	if res == nil {
		t.Fatalf("no dossier:\n%s", h.screenText())
	}
	txt, err := exec.Command("pdftotext", "-raw", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pdf := strings.ReplaceAll(string(txt), "\n", "")
	if !strings.Contains(pdf, "OKPay") {
		t.Fatalf("pdftotext read nothing useful:\n%s", txt)
	}
	for _, leak := range []string{"缺少：", lang.ZH.T("ui.evidence-checklist") + "："} {
		if strings.Contains(pdf, leak) {
			t.Errorf("the provider's dossier shows %q", leak)
		}
	}
	for _, it := range as.Checklist.Missing {
		if s := lang.ZH.T(it.Key); strings.Contains(pdf, s) {
			t.Errorf("the provider's dossier names the missing item %q", s)
		}
	}
}

// TestOwnCopyFromTheApp: "My own copy" in the dossier panel makes a copy
// whose cover lists the missing evidence and whose every page says it is
// not for sending; it goes straight to the save dialog (no warnings about
// sending), suggests a name that says what it is, and the dialog after it
// offers no "I sent it" (issue 13 item 5).
func TestOwnCopyFromTheApp(t *testing.T) {
	testtool.Need(t, "poppler-utils", "pdftotext")
	h := newHarness(t, "zh")
	c := h.newCase("OKPay 充值未到账")
	h.u.OpenCase(c.ID)
	h.u.Wait()
	_, as, err := h.svc.Assess(context.Background(), c.ID)
	if err != nil || len(as.Checklist.Missing) == 0 {
		t.Fatalf("the case has no missing evidence (%v)", err)
	}
	out := filepath.Join(t.TempDir(), "own.pdf")
	p := h.u.createDossier(h.svc, h.svc.Dir())
	var suggested string
	p.ask = func(_, name string, then func(string)) { suggested = name; then(out) }
	var res *app.DossierResult
	p.done = func(r app.DossierResult) { res = &r; h.u.dossierDone(h.svc, r) }
	h.u.Wait()
	p.to.SetSelected(p.to.Options[2]) // regulator: no complaint recorded, so a recipient's copy would warn first
	h.u.Wait()
	test.Tap(p.own)
	if !strings.Contains(p.status.Text, "个人留存副本会在封面列出") {
		t.Errorf("ticking the own copy does not say what it is: %q", p.status.Text)
	}
	h.u.Submit()
	h.u.Wait()
	if res == nil {
		t.Fatalf("no dossier (a warning asked first?):\n%s", h.screenText())
	}
	if !strings.Contains(filepath.Base(suggested), "-regulator-own-copy-") {
		t.Errorf("suggested name %q does not say it is an own copy", suggested)
	}
	if !res.OwnCopy {
		t.Errorf("DossierResult.OwnCopy = false")
	}
	screen := h.screenText()
	if strings.Contains(screen, "["+h.u.T("ui.mark-sent")+"]") || !strings.Contains(screen, "["+h.u.T("ui.open-pdf")+"]") {
		t.Errorf("the dialog after an own copy:\n%s", screen)
	}
	txt, err := exec.Command("pdftotext", "-enc", "UTF-8", "-raw", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pdf := strings.ReplaceAll(string(txt), "\n", "")
	for _, want := range []string{"个人留存副本——请勿寄出", lang.ZH.T(as.Checklist.Missing[0].Key), "个人留存副本，请勿寄出"} {
		if !strings.Contains(pdf, want) {
			t.Errorf("the own copy lacks %q", want)
		}
	}
}
