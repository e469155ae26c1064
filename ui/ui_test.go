package ui

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"redress/app"
	"redress/evidence"
	"redress/internal/testtool"
	"redress/letters"
)

// clock is a settable clock shared by the app layer and the test.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *testClock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

var shanghai = time.FixedZone("CST", 8*3600)

type harness struct {
	t   *testing.T
	u   *UI
	svc *app.App
	clk *testClock
}

func newHarness(t *testing.T, language string) *harness {
	t.Helper()
	for _, v := range []string{"LC_ALL", "LC_MESSAGES"} {
		t.Setenv(v, "")
	}
	t.Setenv("LANG", "en_US.UTF-8")
	t.Setenv("REDRESS_LANG", language)
	clk := &testClock{t: time.Date(2026, 11, 20, 23, 30, 0, 0, time.UTC)}
	svc, err := app.Open(context.Background(), filepath.Join(t.TempDir(), "data"),
		app.WithClock(clk.now), app.WithLocation(shanghai), app.WithMaxAttachment(1<<20))
	if err != nil {
		t.Fatal(err)
	}
	fa := test.NewTempApp(t)
	u := New(fa, svc)
	u.Window().Resize(fyne.NewSize(1200, 800))
	u.Wait()
	t.Cleanup(func() {
		u.Wait()
		u.Window().Close()
		svc.Close()
	})
	return &harness{t: t, u: u, svc: svc, clk: clk}
}

// topEntry returns the first entry in the top dialog.
func (h *harness) topEntry() *entry {
	h.t.Helper()
	for _, o := range test.LaidOutObjects(h.u.Window().Canvas().Overlays().Top()) {
		if e, ok := o.(*entry); ok {
			return e
		}
	}
	h.t.Fatalf("no entry in the top dialog:\n%s", h.screenText())
	return nil
}

// overlayText returns the text of every label, entry and button in the
// top dialog, or the window when no dialog is open.
func (h *harness) screenText() string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
			return
		case *widget.Button:
			b.WriteString("[" + w.Text + "]\n")
			return
		case *widget.Check:
			b.WriteString("[x] " + w.Text + "\n")
			return
		case *entry:
			b.WriteString(w.Text + "\n")
			return
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
			return
		case fyne.Widget:
			r := test.TempWidgetRenderer(h.t, w)
			for _, c := range r.Objects() {
				walk(c)
			}
		}
	}
	c := h.u.Window().Canvas()
	if top := c.Overlays().Top(); top != nil {
		walk(top)
	} else {
		walk(c.Content())
	}
	return b.String()
}

func (h *harness) newCase(title string) evidence.Case {
	h.t.Helper()
	h.clk.add(time.Minute)
	f := h.u.newCaseDialog()
	f.title.SetText(title)
	f.provider.SetText("OKPay")
	f.problem.set(string(evidence.TopupNotCredited))
	f.jurisdiction.set(string(evidence.CN))
	f.amount.SetText("1280.00")
	f.currency.SetText("CNY")
	f.incident.setText("2026-11-20")
	f.name.SetText("张三")
	f.account.SetText("6222020202020202")
	h.u.Submit()
	h.u.Wait()
	if h.u.Window().Canvas().Overlays().Top() != nil {
		h.u.Escape() // the self-check list offered for a new case
	}
	cases, err := h.svc.Cases(context.Background(), false)
	if err != nil {
		h.t.Fatal(err)
	}
	for _, c := range cases {
		if c.Title == title {
			return c.Case
		}
	}
	h.t.Fatalf("case %q was not created; screen:\n%s", title, h.screenText())
	return evidence.Case{}
}

func (h *harness) timeline(caseID string) []evidence.Event {
	h.t.Helper()
	evs, err := h.svc.Timeline(context.Background(), caseID, app.Query{OldestFirst: true})
	if err != nil {
		h.t.Fatal(err)
	}
	return evs
}

func writePNG(t *testing.T, path string, w, h int) {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.NRGBA{uint8(x * 7), uint8(y * 3), 180, 255})
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestFirstRunExplainsAndOffersNewCase(t *testing.T) {
	h := newHarness(t, "en")
	text := h.screenText()
	for _, want := range []string{"Welcome to Redress", "keeps every screenshot", "[New case]"} {
		if !strings.Contains(text, want) {
			t.Errorf("first screen lacks %q:\n%s", want, text)
		}
	}
	// Nothing to choose or attend to yet: the right side stays quiet.
	for _, absent := range []string{"Choose a case on the left", "Needs attention"} {
		if strings.Contains(text, absent) {
			t.Errorf("first screen shows %q:\n%s", absent, text)
		}
	}
}

func TestCreateCaseShowsItInListAndView(t *testing.T) {
	h := newHarness(t, "en")
	c := h.newCase("OKPay 充值未到账")
	if c.Amount != (evidence.Money{Minor: 128000, Currency: "CNY"}) || c.Complainant.Name != "张三" || c.Language != evidence.Chinese {
		t.Errorf("stored case = %+v", c)
	}
	if got := h.u.cases.titles(); len(got) != 1 || got[0] != "OKPay 充值未到账" {
		t.Errorf("case list = %v", got)
	}
	if h.u.view.caseID != c.ID {
		t.Errorf("the new case was not opened")
	}
	text := h.screenText()
	for _, want := range []string{"OKPay 充值未到账", "Top-up not credited", "1280.00 CNY", "No evidence yet", "[I'm on a call now]"} {
		if !strings.Contains(text, want) {
			t.Errorf("screen lacks %q:\n%s", want, text)
		}
	}
}

func TestCaseFormShowsErrorsNextToFieldsAndKeepsInput(t *testing.T) {
	h := newHarness(t, "en")
	f := h.u.newCaseDialog()
	f.provider.SetText("OKPay")
	f.amount.SetText("12.345")
	f.currency.SetText("CNY")
	f.incident.setText("20/11/2026")
	h.u.Submit()
	h.u.Wait()
	tests := map[string]string{
		"title":        "Title is required.",
		"problem":      "Problem is required.",
		"jurisdiction": "Jurisdiction is required.",
		"amount":       "more decimal places than the currency allows (2)",
		"incident":     "write it like 2026-11-20",
	}
	for key, want := range tests {
		if got := f.form.errorText(key); !strings.Contains(got, want) {
			t.Errorf("error next to %s = %q, want %q", key, got, want)
		}
	}
	if f.form.errorText("provider") != "" {
		t.Errorf("provider has an error: %q", f.form.errorText("provider"))
	}
	if f.provider.Text != "OKPay" || f.amount.Text != "12.345" {
		t.Errorf("typed input was lost")
	}
	if h.u.Window().Canvas().Overlays().Top() == nil {
		t.Fatal("the form closed after a failed save")
	}
	if cases, _ := h.svc.Cases(context.Background(), true); len(cases) != 0 {
		t.Errorf("a case was stored: %+v", cases)
	}
	// Fixing the input and saving again works.
	f.title.SetText("Fixed")
	f.problem.set("other")
	f.jurisdiction.set("EU")
	f.amount.SetText("12.34")
	f.incident.setText("2026-11-20")
	h.u.Submit()
	h.u.Wait()
	if cases, _ := h.svc.Cases(context.Background(), true); len(cases) != 1 || cases[0].Language != evidence.English {
		t.Errorf("cases after fixing = %+v", cases)
	}
	if !strings.Contains(h.screenText(), "Before contacting the provider") {
		t.Errorf("after a good save the self-check list should replace the form:\n%s", h.screenText())
	}
}

func TestEscapeClosesDialog(t *testing.T) {
	h := newHarness(t, "en")
	f := h.u.newCaseDialog()
	f.title.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if h.u.Window().Canvas().Overlays().Top() != nil {
		t.Error("Esc in an entry did not close the dialog")
	}
	// With something typed, Esc asks first; the text stays until the user
	// chooses to discard it.
	f = h.u.newCaseDialog()
	f.title.SetText("typed")
	f.title.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !strings.Contains(h.screenText(), "will be lost") || f.title.Text != "typed" {
		t.Fatalf("Esc with typed text did not ask:\n%s", h.screenText())
	}
	h.u.Submit() // Discard
	if h.u.Window().Canvas().Overlays().Top() != nil {
		t.Error("Discard did not close the form")
	}
	h.u.ShowSettings()
	h.u.Escape()
	if h.u.Window().Canvas().Overlays().Top() != nil {
		t.Error("Esc did not close the settings")
	}
}

func TestAddEachKindOfEvent(t *testing.T) {
	h := newHarness(t, "en")
	c := h.newCase("case")
	fill := map[evidence.Kind]func(f *eventForm){
		evidence.KindTransaction: func(f *eventForm) {
			f.txid.SetText("TX20261120ABCDEF0123456789")
			f.amount.SetText("1280")
			f.currency.SetText("CNY")
			f.status.SetText("处理中")
			f.at.setText("2026-11-20 10:00")
		},
		evidence.KindContact: func(f *eventForm) {
			f.channel.set("chat")
			f.agent.SetText("Lily #1024")
			f.summary.SetText("客服说 24 小时内到账")
			f.promise.SetText("24小时内到账")
			f.promBy.setText("2026-11-21 23:30")
			f.ref.SetText("TK-42")
		},
		evidence.KindNote: func(f *eventForm) {
			f.summary.SetText("自查：余额充足，账号无误")
			f.tags.SetText("self-check, 自查")
		},
		evidence.KindLetter: func(f *eventForm) {
			f.party.set("provider")
			f.method.SetText("email")
			f.ref.SetText("COMPLAINT-1")
		},
		evidence.KindResponse: func(f *eventForm) {
			f.outcome.SetText("Refund refused")
			f.final.SetChecked(true)
		},
	}
	for _, kind := range []evidence.Kind{evidence.KindTransaction, evidence.KindContact, evidence.KindNote, evidence.KindLetter, evidence.KindResponse} {
		h.clk.add(time.Minute)
		fill[kind](h.u.addEventDialog(kind))
		h.u.Submit()
		h.u.Wait()
		if top := h.u.Window().Canvas().Overlays().Top(); top != nil {
			t.Fatalf("%s form still open:\n%s", kind, h.screenText())
		}
	}
	evs := h.timeline(c.ID)
	if len(evs) != 5 {
		t.Fatalf("timeline has %d events, want 5", len(evs))
	}
	byKind := map[evidence.Kind]evidence.Event{}
	for _, e := range evs {
		byKind[e.Kind] = e
	}
	if tx := byKind[evidence.KindTransaction]; tx.Transaction.TxID != "TX20261120ABCDEF0123456789" ||
		tx.Transaction.Amount.Minor != 128000 || tx.At.Format(time.RFC3339) != "2026-11-20T10:00:00+08:00" {
		t.Errorf("transaction = %+v %+v", tx, tx.Transaction)
	}
	if ct := byKind[evidence.KindContact]; ct.Contact.Agent != "Lily #1024" || ct.Contact.PromiseBy == nil || ct.Reference != "TK-42" {
		t.Errorf("contact = %+v %+v", ct, ct.Contact)
	}
	if n := byKind[evidence.KindNote]; len(n.Tags) != 2 {
		t.Errorf("note tags = %q", n.Tags)
	}
	if r := byKind[evidence.KindResponse]; !r.Response.Final {
		t.Errorf("response = %+v", r.Response)
	}
	if h.u.view.model.count != 5 {
		t.Errorf("timeline list shows %d rows, want 5", h.u.view.model.count)
	}
	// Newest first: the response (added last, at "now") is on top.
	if e, _ := h.u.view.model.get(0); e.Kind != evidence.KindResponse {
		t.Errorf("first row is %s", e.Kind)
	}
	title, meta := h.u.rowText(byKind[evidence.KindContact])
	if title != "客服说 24 小时内到账" || !strings.Contains(meta, "Online chat") || !strings.Contains(meta, "Lily #1024") || !strings.Contains(meta, "TK-42") {
		t.Errorf("contact row = %q / %q", title, meta)
	}
}

func TestEventFormErrorsKeepFormOpen(t *testing.T) {
	h := newHarness(t, "en")
	c := h.newCase("case")
	f := h.u.addEventDialog(evidence.KindContact)
	f.summary.SetText("important notes")
	f.duration.SetText("ten minutes")
	f.at.setText("yesterday")
	h.u.Submit()
	h.u.Wait()
	if !strings.Contains(f.form.errorText("duration"), "Duration") || !strings.Contains(f.form.errorText("at"), "yesterday") {
		t.Errorf("errors: duration %q, at %q", f.form.errorText("duration"), f.form.errorText("at"))
	}
	if f.summary.Text != "important notes" || h.u.Window().Canvas().Overlays().Top() == nil {
		t.Error("the form lost its input or closed")
	}
	if len(h.timeline(c.ID)) != 0 {
		t.Error("an event was stored")
	}
}

func TestCallModeSavesStartAndDuration(t *testing.T) {
	h := newHarness(t, "en")
	c := h.newCase("case")
	start := h.clk.now()
	p := h.u.startCall(h.svc)
	text := h.screenText()
	if !strings.Contains(text, "Call started 2026-11-21 07:31") || !strings.Contains(text, "[End call and save]") {
		t.Errorf("call panel:\n%s", text)
	}
	p.agent.SetText("王小姐")
	p.ref.SetText("T-8899")
	p.notes.SetText("答应 48 小时内退款")
	h.clk.add(12*time.Minute + 34*time.Second)
	h.u.Submit()
	h.u.Wait()
	evs := h.timeline(c.ID)
	if len(evs) != 1 {
		t.Fatalf("events = %d", len(evs))
	}
	e := evs[0]
	if !e.At.Equal(start) || e.Contact.Duration != 12*time.Minute+34*time.Second || e.Contact.Channel != evidence.Phone ||
		e.Contact.Agent != "王小姐" || e.Reference != "T-8899" || e.Summary != "答应 48 小时内退款" {
		t.Errorf("call event = %+v %+v", e, e.Contact)
	}
	if !p.stopped {
		t.Error("the call timer is still running")
	}
}

func TestCallModeCancelAsksBeforeDiscardingNotes(t *testing.T) {
	h := newHarness(t, "en")
	h.newCase("case")
	p := h.u.startCall(h.svc)
	p.notes.SetText("notes")
	h.u.Escape()
	if !strings.Contains(h.screenText(), "will not be saved") {
		t.Fatalf("no confirmation:\n%s", h.screenText())
	}
	h.u.Escape() // closes the confirmation only
	if h.u.Window().Canvas().Overlays().Top() == nil || p.notes.Text != "notes" {
		t.Error("the call panel closed or lost its notes")
	}
}

func TestDropFilesStoresUsableOnesAndListsTheRest(t *testing.T) {
	h := newHarness(t, "en")
	c := h.newCase("case")
	dir := t.TempDir()
	shot := filepath.Join(dir, "充值截图.png")
	writePNG(t, shot, 90, 195)
	pdf := filepath.Join(dir, "statement.pdf")
	os.WriteFile(pdf, []byte("%PDF-1.4\n%statement\n"), 0o600)
	empty := filepath.Join(dir, "empty.jpg")
	os.WriteFile(empty, nil, 0o600)
	big := filepath.Join(dir, "big.png")
	os.WriteFile(big, make([]byte, 2<<20), 0o600)
	var uris []fyne.URI
	for _, p := range []string{shot, empty, pdf, big, filepath.Join(dir, "missing.png")} {
		uris = append(uris, storage.NewFileURI(p))
	}
	p := h.u.dropped(uris)
	h.u.Wait()
	if p.progress.Value != p.progress.Max {
		t.Fatalf("import did not finish: progress %v of %v", p.progress.Value, p.progress.Max)
	}
	want := []string{"Stored", "empty (0 bytes)", "Stored", "larger than the 1 MB limit", "does not exist"}
	for i, r := range p.rows {
		if !strings.Contains(r.status.Text, want[i]) {
			t.Errorf("row %d (%s) status = %q, want %q", i, r.name.Text, r.status.Text, want[i])
		}
	}
	if p.progress.Value != 5 || !strings.Contains(p.summary.Text, "2 stored, 3 not usable") {
		t.Errorf("progress %v, summary %q", p.progress.Value, p.summary.Text)
	}
	// Both files were stored at the same instant of the test clock, so
	// their timeline order is the evidence order's last tie-break (the
	// ID); put the screenshot first to check each.
	shotFirst := func(evs []evidence.Event) []evidence.Event {
		if len(evs) == 2 && evs[1].Kind == evidence.KindScreenshot {
			evs[0], evs[1] = evs[1], evs[0]
		}
		return evs
	}
	evs := shotFirst(h.timeline(c.ID))
	if len(evs) != 2 || evs[0].Kind != evidence.KindScreenshot || evs[1].Kind != evidence.KindDocument {
		t.Fatalf("events = %+v", evs)
	}
	if a := evs[0].Attachments[0]; a.Width != 90 || a.Height != 195 || a.Name != "充值截图.png" {
		t.Errorf("attachment = %+v", a)
	}
	// A caption per file, saved with the button.
	p.rows[0].caption.SetText("充值成功页面")
	h.u.Submit()
	h.u.Wait()
	evs = shotFirst(h.timeline(c.ID))
	if evs[0].Exhibit.Caption != "充值成功页面" || evs[0].Attachments[0].Caption != "充值成功页面" || evs[0].Version != 2 {
		t.Errorf("caption not saved: %+v", evs[0])
	}
	if h.u.thumbs.images[evs[0].Attachments[0].SHA256] == nil {
		t.Error("no thumbnail was made")
	}
}

func TestPickerSelectsSeveralFiles(t *testing.T) {
	h := newHarness(t, "en")
	c := h.newCase("case")
	dir := t.TempDir()
	for _, n := range []string{"a.png", "b.png"} {
		writePNG(t, filepath.Join(dir, n), 10, 10)
	}
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("x"), 0o600)
	os.Mkdir(filepath.Join(dir, "sub"), 0o700)
	h.u.setLastFolder(dir)
	p := h.u.addFiles()
	var names []string
	for _, e := range p.entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, ",") != "sub,a.png,b.png" {
		t.Errorf("picker lists %v, want the folder then the pictures", names)
	}
	p.toggle(filepath.Join(dir, "a.png"))
	p.toggle(filepath.Join(dir, "b.png"))
	if p.shown.save.Text != "Attach 2 files" {
		t.Errorf("button = %q", p.shown.save.Text)
	}
	h.u.Submit()
	h.u.Wait()
	if evs := h.timeline(c.ID); len(evs) != 2 {
		t.Errorf("events after picking = %d, want 2", len(evs))
	}
}

func TestSearchFiltersCasesAndTimeline(t *testing.T) {
	h := newHarness(t, "en")
	a := h.newCase("OKPay 充值未到账")
	h.u.addEventDialog(evidence.KindNote).summary.SetText("客服承诺退款")
	h.u.Submit()
	h.u.Wait()
	h.newCase("Withdrawal stuck")
	h.u.addEventDialog(evidence.KindNote).summary.SetText("refund requested by email")
	h.u.Submit()
	h.u.Wait()
	tests := []struct {
		q    string
		want string
	}{
		{"退款", "OKPay 充值未到账"},
		{"refund", "Withdrawal stuck"},
		{"", "Withdrawal stuck,OKPay 充值未到账"},
	}
	for _, tt := range tests {
		h.u.cases.search.SetText(tt.q)
		h.u.Wait()
		if got := strings.Join(h.u.cases.titles(), ","); got != tt.want {
			t.Errorf("case search %q = %s, want %s", tt.q, got, tt.want)
		}
	}
	h.u.cases.search.SetText("nothing like this")
	h.u.Wait()
	if !strings.Contains(h.screenText(), "No case matches") {
		t.Error("no empty-search message")
	}
	h.u.OpenCase(a.ID)
	h.u.Wait()
	h.u.view.search.SetText("承诺")
	if h.u.view.model.count != 1 {
		t.Errorf("timeline search count = %d, want 1", h.u.view.model.count)
	}
	h.u.view.search.SetText("absent")
	if h.u.view.model.count != 0 || !strings.Contains(h.screenText(), "Nothing in this timeline matches") {
		t.Errorf("timeline search for absent text = %d", h.u.view.model.count)
	}
}

func TestEditEventShowsHistory(t *testing.T) {
	h := newHarness(t, "en")
	c := h.newCase("case")
	h.u.addEventDialog(evidence.KindNote).summary.SetText("第一版")
	h.u.Submit()
	h.u.Wait()
	h.u.view.list.Select(0)
	h.u.Wait()
	if !strings.Contains(h.u.view.detailText(), "Never edited") {
		t.Errorf("detail before edit:\n%s", h.u.view.detailText())
	}
	e := h.timeline(c.ID)[0]
	ef := h.u.editEventDialog(e)
	if ef.summary.Text != "第一版" {
		t.Errorf("edit form not filled: %q", ef.summary.Text)
	}
	ef.summary.SetText("第二版")
	h.u.Submit()
	h.u.Wait()
	detail := h.u.view.detailText()
	if !strings.Contains(detail, "第二版") || !strings.Contains(detail, "Version 1") || !strings.Contains(detail, "第一版") {
		t.Errorf("detail after edit:\n%s", detail)
	}
	if hist, _ := h.svc.EventHistory(context.Background(), e.ID); len(hist) != 1 || hist[0].Summary != "第一版" {
		t.Errorf("history = %+v", hist)
	}
}

func TestArchiveAndRestoreCase(t *testing.T) {
	h := newHarness(t, "en")
	c := h.newCase("to archive")
	h.u.ArchiveCase(c)
	if !strings.Contains(h.screenText(), "Nothing is deleted") {
		t.Fatalf("no confirmation:\n%s", h.screenText())
	}
	h.u.Submit()
	h.u.Wait()
	if len(h.u.cases.titles()) != 0 {
		t.Errorf("archived case still listed: %v", h.u.cases.titles())
	}
	h.u.cases.archived.SetChecked(true)
	h.u.Wait()
	if got := h.u.cases.titles(); len(got) != 1 {
		t.Fatalf("archived cases = %v", got)
	}
	archived, _ := h.svc.Case(context.Background(), c.ID)
	h.u.RestoreCase(archived)
	h.u.Wait()
	h.u.cases.archived.SetChecked(false)
	h.u.Wait()
	if got := h.u.cases.titles(); len(got) != 1 {
		t.Errorf("restored case not listed: %v", got)
	}
}

func TestAttachmentViewerShowsHashAndImage(t *testing.T) {
	h := newHarness(t, "en")
	c := h.newCase("case")
	shot := filepath.Join(t.TempDir(), "shot.png")
	writePNG(t, shot, 300, 650)
	h.u.ImportFiles([]string{shot})
	h.u.Wait()
	h.u.Escape()
	a := h.timeline(c.ID)[0].Attachments[0]
	v := h.u.showAttachment(h.svc, a)
	h.u.Wait()
	if v.img == nil || v.img.Bounds().Dx() != 300 {
		t.Fatal("the image was not decoded at full resolution")
	}
	text := strings.Join(labelsIn(v.win.Content()), "\n")
	for _, want := range []string{a.SHA256, "shot.png", "300 × 650", "unchanged since import"} {
		if !strings.Contains(text, want) {
			t.Errorf("viewer lacks %q:\n%s", want, text)
		}
	}
	v.setZoom(2)
	if v.canvas.MinSize().Width != 600 {
		t.Errorf("zoom 200%% width = %v", v.canvas.MinSize().Width)
	}
	v.win.Close()
}

// checkFor returns the check box of the checklist row whose text contains s.
func checkFor(box *fyne.Container, s string) *widget.Check {
	for _, o := range box.Objects {
		row, ok := o.(*fyne.Container)
		if !ok || len(row.Objects) != 2 {
			continue
		}
		l, ok1 := row.Objects[0].(*widget.Label)
		chk, ok2 := row.Objects[1].(*widget.Check)
		if ok1 && ok2 && strings.Contains(l.Text, s) {
			return chk
		}
	}
	return nil
}

func labelsIn(o fyne.CanvasObject) []string {
	var out []string
	switch w := o.(type) {
	case *widget.Label:
		out = append(out, w.Text)
	case *fyne.Container:
		for _, c := range w.Objects {
			out = append(out, labelsIn(c)...)
		}
	case fyne.Widget:
		r := w.CreateRenderer()
		for _, c := range r.Objects() {
			out = append(out, labelsIn(c)...)
		}
	}
	return out
}

func TestSettingsAreSaved(t *testing.T) {
	h := newHarness(t, "en")
	s := h.u.showSettings()
	s.theme.set("dark")
	s.language.set("zh")
	s.paper.set("letter")
	p := h.u.fa.Preferences()
	if p.String(PrefTheme) != "dark" || p.String(PrefLanguage) != "zh" || p.String(PrefPaper) != "letter" {
		t.Errorf("prefs = %s %s %s", p.String(PrefTheme), p.String(PrefLanguage), p.String(PrefPaper))
	}
	if !strings.Contains(h.screenText(), h.svc.Dir()) || !strings.Contains(h.screenText(), "next time Redress starts") {
		t.Errorf("settings:\n%s", h.screenText())
	}
	if Language(h.u.fa) != "zh" {
		t.Errorf("Language() = %s after choosing Chinese", Language(h.u.fa))
	}
}

func TestChineseInterface(t *testing.T) {
	h := newHarness(t, "zh")
	text := h.screenText()
	for _, want := range []string{"欢迎使用维权档案", "[新建案件]"} {
		if !strings.Contains(text, want) {
			t.Errorf("Chinese first screen lacks %q:\n%s", want, text)
		}
	}
	cf := h.u.newCaseDialog()
	h.u.Submit()
	h.u.Wait()
	if got := cf.form.errorText("title"); got != "请填写标题。" {
		t.Errorf("Chinese title error = %q", got)
	}
}

func TestTimeShowsOriginalOffsetWhenDifferent(t *testing.T) {
	h := newHarness(t, "en")
	tests := []struct {
		at   time.Time
		want string
	}{
		{time.Date(2026, 11, 20, 23, 30, 0, 0, shanghai), "2026-11-20 23:30"},
		{time.Date(2026, 11, 20, 10, 30, 0, 0, time.UTC), "2026-11-20 18:30 (10:30 +00:00)"},
	}
	for _, tt := range tests {
		if got := h.u.when(tt.at); got != tt.want {
			t.Errorf("when(%v) = %q, want %q", tt.at, got, tt.want)
		}
	}
}

func TestEditCaseKeepsHistory(t *testing.T) {
	h := newHarness(t, "en")
	c := h.newCase("Old title")
	f := h.u.editCaseDialog(c)
	if f.title.Text != "Old title" || f.amount.Text != "1280.00" || f.status.value() != "open" {
		t.Fatalf("edit form not filled: %q %q %q", f.title.Text, f.amount.Text, f.status.value())
	}
	f.title.SetText("New title")
	f.status.set("escalated")
	h.u.Submit()
	h.u.Wait()
	got, _ := h.svc.Case(context.Background(), c.ID)
	if got.Title != "New title" || got.Status != evidence.Escalated || got.Version != 2 {
		t.Errorf("case after edit = %+v", got)
	}
	if hist, _ := h.svc.CaseHistory(context.Background(), c.ID); len(hist) != 1 || hist[0].Title != "Old title" {
		t.Errorf("case history = %+v", hist)
	}
	if !strings.Contains(h.screenText(), "New title") {
		t.Errorf("header not refreshed:\n%s", h.screenText())
	}
}

func TestMenuShortcuts(t *testing.T) {
	h := newHarness(t, "en")
	find := func(sc fyne.Shortcut) *fyne.MenuItem {
		for _, m := range h.u.menu().Items {
			for _, it := range m.Items {
				if it.Shortcut != nil && it.Shortcut.ShortcutName() == sc.ShortcutName() {
					return it
				}
			}
		}
		t.Fatalf("no menu item for %s", sc.ShortcutName())
		return nil
	}
	find(shortcutNew).Action()
	if h.u.Window().Canvas().Overlays().Top() == nil {
		t.Fatal("Ctrl+N did not open the new-case form")
	}
	h.u.Escape()
	f := h.u.newCaseDialog() // the form Ctrl+N opens, to fill it in
	f.title.SetText("By keyboard")
	f.provider.SetText("OKPay")
	f.problem.set("other")
	f.jurisdiction.set("US")
	find(shortcutSave).Action() // Ctrl+Enter
	h.u.Wait()
	h.u.Escape() // the self-check list
	if cases, _ := h.svc.Cases(context.Background(), false); len(cases) != 1 {
		t.Fatalf("Ctrl+Enter did not save: %+v", cases)
	}
	find(shortcutFind).Action()
	if h.u.Window().Canvas().Focused() != h.u.view.search {
		t.Error("Ctrl+F did not focus the timeline search")
	}
}

func TestBackupsInSettingsRestore(t *testing.T) {
	h := newHarness(t, "en")
	h.newCase("kept")
	if made, err := h.svc.AutoBackup(context.Background()); err != nil || made == "" {
		t.Fatalf("AutoBackup = %q, %v", made, err)
	}
	h.newCase("added after the backup")
	h.u.ShowSettings()
	text := h.screenText()
	if !strings.Contains(text, "2026-11-21") || !strings.Contains(text, "[Restore]") {
		t.Fatalf("settings lack the backup:\n%s", text)
	}
	h.u.Escape()
	all, _ := app.Backups(h.svc.Dir())
	h.u.restore(all[0].Path)
	h.u.Wait()
	if got := h.u.cases.titles(); len(got) != 1 || got[0] != "kept" {
		t.Errorf("cases after restore = %v", got)
	}
	if !strings.Contains(h.screenText(), "was kept as") {
		t.Errorf("no restore message:\n%s", h.screenText())
	}
	asides, _ := filepath.Glob(filepath.Join(h.svc.Dir(), "redress.db.replaced-*"))
	if len(asides) == 0 {
		t.Error("the replaced data was not kept")
	}
}

func TestDamagedDatabaseOffersBackup(t *testing.T) {
	h := newHarness(t, "en")
	h.newCase("x")
	if _, err := h.svc.AutoBackup(context.Background()); err != nil {
		t.Fatal(err)
	}
	h.u.offerRestore()
	if !strings.Contains(h.screenText(), "failed its integrity check") || !strings.Contains(h.screenText(), "2026-11-21") {
		t.Errorf("offer:\n%s", h.screenText())
	}
}

func TestExportImportVerifyFromTheApp(t *testing.T) {
	h := newHarness(t, "en")
	c := h.newCase("导出测试")
	shot := filepath.Join(t.TempDir(), "s.png")
	writePNG(t, shot, 12, 24)
	h.u.ImportFiles([]string{shot})
	h.u.Wait()
	h.u.Escape()
	out := filepath.Join(t.TempDir(), "case.zip")
	h.u.exportTo(out, app.ExportOptions{})
	h.u.Wait()
	if st, err := os.Stat(out); err != nil || st.Size() == 0 {
		t.Fatalf("no archive: %v", err)
	}
	h.u.Escape()
	var rep *app.VerifyReport
	h.u.verify(out, func(r app.VerifyReport) { rep = &r; h.u.showVerify(out, r) })
	h.u.Wait()
	if rep == nil || !rep.OK() || len(rep.Results) < 2 {
		t.Errorf("verify = %+v", rep)
	}
	h.u.Escape()
	// Importing into the same data asks, then makes a copy.
	h.u.importFrom(out, false)
	h.u.Wait()
	if !strings.Contains(h.screenText(), "already in Redress") {
		t.Fatalf("no question about the existing case:\n%s", h.screenText())
	}
	h.u.Submit()
	h.u.Wait()
	if got := h.u.cases.titles(); len(got) != 2 {
		t.Errorf("cases after importing a copy = %v", got)
	}
	// Into a fresh data folder the case arrives as it was.
	h2 := newHarness(t, "en")
	h2.u.importFrom(out, false)
	h2.u.Wait()
	got, err := h2.svc.Case(context.Background(), c.ID)
	if err != nil || got.Title != "导出测试" || h2.u.view.caseID != c.ID {
		t.Errorf("imported case = %+v, %v", got, err)
	}
	if evs := h2.timeline(c.ID); len(evs) != 1 || len(evs[0].Attachments) != 1 {
		t.Errorf("imported timeline = %+v", evs)
	}
}

// escalationCase makes a UK case with an overdue promise and a complaint
// letter, as of the harness clock (2026-11-20 23:30 UTC, moved forward).
func escalationCase(h *harness) evidence.Case {
	h.t.Helper()
	c := h.newCase("Withdrawal stuck")
	ctx := context.Background()
	add := func(in app.EventInput) {
		if _, err := h.svc.AddEvent(ctx, c.ID, in); err != nil {
			h.t.Fatal(err)
		}
	}
	add(app.EventInput{Kind: "contact", Channel: "chat", Agent: "Sam", Summary: "promised a refund",
		Promise: "refund", PromiseBy: "2026-11-15T12:00:00Z", At: "2026-11-14T12:00:00Z"})
	add(app.EventInput{Kind: "letter", To: "provider", Method: "email", At: "2026-11-02T09:00:00Z"}) // its 15 days ran out on 17 November
	h.u.OpenCase(c.ID)
	h.u.Wait()
	return c
}

func TestStatusPanelShowsNextStepDeadlinesAndChecklist(t *testing.T) {
	h := newHarness(t, "en")
	c := escalationCase(h)
	text := strings.Join(labelsIn(h.u.view.status.box), "\n")
	for _, want := range []string{"Where it stands", "Formal complaint", "Next step", "Deadlines", "overdue", "Evidence", "not legal advice"} {
		if !strings.Contains(text, want) {
			t.Errorf("status panel lacks %q:\n%s", want, text)
		}
	}
	// A chaser letter is offered, composed from the timeline, and saved as a draft.
	var chaser *widget.Button
	for _, o := range h.u.view.status.box.Objects {
		if b, ok := o.(*widget.Button); ok && strings.Contains(b.Text, "chaser") {
			chaser = b
		}
	}
	if chaser == nil {
		t.Fatal("no chaser button although the promise is broken")
	}
	chaser.OnTapped()
	h.u.Wait()
	letterEntry := h.topEntry()
	letter := letterEntry.Text
	if !strings.Contains(letter, "OKPay") || !strings.Contains(letter, "Sam") {
		t.Errorf("chaser letter:\n%s", letter)
	}
	letterEntry.SetText(letter + "\nP.S. edited")
	h.u.Submit()
	h.u.Wait()
	text2, edited, err := h.svc.LetterText(context.Background(), c.ID, letters.Provider, c.Language)
	if err != nil || !edited || !strings.HasSuffix(text2, "P.S. edited") {
		t.Errorf("draft = %q, %v, %v", text2, edited, err)
	}
	// Ticking an evidence item by hand counts it.
	_, before, _ := h.svc.Assess(context.Background(), c.ID)
	if chk := checkFor(h.u.view.status.box, "statement"); chk != nil && !chk.Checked && !chk.Disabled() {
		chk.SetChecked(true)
	}
	h.u.Wait()
	_, after, _ := h.svc.Assess(context.Background(), c.ID)
	if after.Checklist.Done != before.Checklist.Done+1 {
		t.Errorf("checklist done %d -> %d", before.Checklist.Done, after.Checklist.Done)
	}
}

func TestSelfCheckRecordsInTimeline(t *testing.T) {
	h := newHarness(t, "en")
	f := h.u.newCaseDialog()
	f.title.SetText("self check")
	f.provider.SetText("OKPay")
	f.problem.set("payment-failed")
	f.jurisdiction.set("CN")
	h.u.Submit()
	h.u.Wait()
	var ticked int
	for _, o := range test.LaidOutObjects(h.u.Window().Canvas().Overlays().Top()) {
		if chk, ok := o.(*widget.Check); ok && ticked < 2 {
			chk.SetChecked(true)
			ticked++
		}
	}
	h.u.Wait()
	evs := h.timeline(h.u.view.caseID)
	if len(evs) != 2 || evs[0].Kind != evidence.KindNote || evs[0].Tags[0] != "self-check" && evs[0].Tags[len(evs[0].Tags)-1] != "self-check" {
		t.Fatalf("self-check notes = %+v", evs)
	}
	if !strings.Contains(evs[0].Summary, "Self-check done") {
		t.Errorf("note = %q", evs[0].Summary)
	}
}

func TestAdjustRuleOverridesDeadline(t *testing.T) {
	h := newHarness(t, "en")
	c := escalationCase(h)
	_, as, _ := h.svc.Assess(context.Background(), c.ID)
	var rule string
	for _, d := range as.Deadlines {
		if d.Clock == "complaint-reply" {
			rule = d.RuleID
		}
	}
	if rule == "" {
		t.Fatalf("no complaint-reply deadline in %+v", as.Deadlines)
	}
	h.u.adjustRule(c, rule)
	h.u.Wait()
	var win *entry
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *entry:
			win = w
		case *fyne.Container:
			for _, x := range w.Objects {
				walk(x)
			}
		case fyne.Widget:
			for _, x := range test.TempWidgetRenderer(t, w).Objects() {
				walk(x)
			}
		}
	}
	walk(h.u.Window().Canvas().Overlays().Top())
	win.SetText("nonsense")
	h.u.Submit()
	h.u.Wait()
	if !strings.Contains(h.screenText(), "Duration") {
		t.Errorf("no error for a bad window:\n%s", h.screenText())
	}
	win.SetText("60bd")
	h.u.Submit()
	h.u.Wait()
	if over, _ := h.svc.Overrides(context.Background(), c.ID); over[rule] != "60bd" {
		t.Errorf("overrides = %v", over)
	}
}

func TestHomeShowsNeedsAttentionAndBadgesAndNotifies(t *testing.T) {
	h := newHarness(t, "en")
	c := escalationCase(h)
	h.u.cases.reload()
	h.u.Wait()
	if b := h.u.cases.badges[c.ID]; !strings.Contains(b, "overdue") {
		t.Errorf("badge = %q", b)
	}
	h.u.view.caseID = ""
	h.u.view.refreshHome()
	h.u.Wait()
	text := strings.Join(labelsIn(h.u.view.home), "\n")
	var buttons []string // the text of each case offered with an Open button
	for _, o := range h.u.view.home.Objects {
		if row, ok := o.(*fyne.Container); ok && len(row.Objects) == 2 {
			if _, ok := row.Objects[1].(*widget.Button); ok {
				buttons = append(buttons, row.Objects[0].(*widget.Label).Text)
			}
		}
	}
	if !strings.Contains(text, "Needs attention") || len(buttons) == 0 || !strings.Contains(buttons[0], "Withdrawal stuck") {
		t.Errorf("home = %s / %v", text, buttons)
	}
	h.u.notifyDue()
	h.u.Wait()
	notified := h.u.fa.Preferences().StringList(PrefNotified)
	if len(notified) == 0 {
		t.Error("no notification for an overdue deadline")
	}
	h.u.notifyDue()
	h.u.Wait()
	if again := h.u.fa.Preferences().StringList(PrefNotified); len(again) != len(notified) {
		t.Error("the same deadline was notified twice")
	}
}

func TestHolidaysInSettings(t *testing.T) {
	h := newHarness(t, "en")
	p := h.u.showSettings().holidays
	p.j.set("CN")
	h.u.Wait()
	if !strings.Contains(strings.Join(labelsIn(p.list), " "), "No holidays entered") {
		t.Errorf("empty calendar text missing")
	}
	p.day.setText("2030-10-01")
	p.name.SetText("国庆节")
	p.add()
	h.u.Wait()
	ics := filepath.Join(t.TempDir(), "cal.ics")
	os.WriteFile(ics, []byte("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20301012\r\nSUMMARY:补班\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"), 0o600)
	p.importFile(ics)
	h.u.Wait()
	days, _ := h.svc.Holidays(context.Background(), evidence.CN)
	if len(days) != 2 || days[0].Name != "国庆节" || !days[1].Working {
		t.Fatalf("holidays = %+v", days)
	}
	if text := strings.Join(labelsIn(p.list), " "); !strings.Contains(text, "2030-10-12") || !strings.Contains(text, "working day") {
		t.Errorf("list = %s", text)
	}
	bad := filepath.Join(t.TempDir(), "bad.ics")
	os.WriteFile(bad, []byte("not a calendar"), 0o600)
	h.u.Escape()
	p.importFile(bad)
	h.u.Wait()
	if !strings.Contains(h.screenText(), "could not be read") {
		t.Errorf("bad .ics:\n%s", h.screenText())
	}
}

func TestCreateDossierFromTheApp(t *testing.T) {
	testtool.Need(t, "poppler-utils", "pdftotext")
	h := newHarness(t, "en")
	c := escalationCase(h)
	shot := filepath.Join(t.TempDir(), "s.png")
	writePNG(t, shot, 40, 80)
	h.u.ImportFiles([]string{shot})
	h.u.Wait()
	h.u.Escape()
	out := t.TempDir()
	h.u.fa.Preferences().SetString(prefDossierFolder(h.svc.Dir()), out)
	p := h.u.createDossier(h.svc, h.svc.Dir())
	var res *app.DossierResult
	p.ask = func(dir, suggested string, then func(string)) { then(suggested) } // the save dialog, answered
	p.done = func(r app.DossierResult) { res = &r; h.u.dossierDone(h.svc, r) }
	h.u.Wait()
	if !strings.Contains(p.text.Text, "OKPay") {
		t.Fatalf("letter not composed:\n%s", p.text.Text)
	}
	p.text.SetText(p.text.Text + "\n\nEDITED-BY-USER 已修改")
	h.u.Submit()
	h.u.Wait()
	if res == nil {
		t.Fatalf("no dossier made:\n%s", h.screenText())
	}
	if filepath.Dir(res.Record.Path) != out || res.Record.Pages < 3 {
		t.Errorf("record = %+v", res.Record)
	}
	txt, err := exec.Command("pdftotext", res.Record.Path, "-").Output()
	if err != nil || !strings.Contains(string(txt), "EDITED-BY-USER") || !strings.Contains(string(txt), "已修改") {
		t.Errorf("the edited letter is not what was rendered: %v", err)
	}
	if text, edited, _ := h.svc.LetterText(context.Background(), c.ID, letters.Provider, c.Language); !edited || !strings.Contains(text, "EDITED-BY-USER") {
		t.Error("the edits were not saved as a draft")
	}
	if !strings.Contains(h.screenText(), res.Record.Path) {
		t.Errorf("the saved path is not shown:\n%s", h.screenText())
	}
	// "I sent it" asks how, then records a letter event with the
	// dossier's SHA-256 and the channel.
	for _, o := range test.LaidOutObjects(h.u.Window().Canvas().Overlays().Top()) {
		if b, ok := o.(*widget.Button); ok && strings.HasPrefix(b.Text, "I sent it") {
			b.OnTapped()
		}
	}
	h.u.Wait()
	for _, o := range test.LaidOutObjects(h.u.Window().Canvas().Overlays().Top()) {
		if ch, ok := o.(*choice); ok {
			ch.set(string(evidence.Post))
		}
	}
	h.u.Submit()
	h.u.Wait()
	var found bool
	for _, e := range h.timeline(c.ID) {
		if e.Kind == evidence.KindLetter && strings.Contains(e.Summary, res.Record.SHA256) && e.Letter.Channel == evidence.Post {
			found = true
		}
	}
	if !found {
		t.Errorf("no letter event sent by post with the dossier's SHA-256: %+v", h.timeline(c.ID))
	}
}
