package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"redress/app"
	"redress/escalation"
	"redress/evidence"
	"redress/letters"
)

// Panel tests on fakes: no database, the panel's own interface answered by
// function fields.

var fakeNow = time.Date(2026, 11, 20, 23, 30, 0, 0, time.UTC)

func newFakeUI(t *testing.T, language string) (*UI, *fakeService) {
	t.Helper()
	for _, v := range []string{"LC_ALL", "LC_MESSAGES"} {
		t.Setenv(v, "")
	}
	t.Setenv("LANG", "en_GB.UTF-8")
	t.Setenv("REDRESS_LANG", language)
	f := newFakeService(t.TempDir(), fakeNow, shanghai)
	fa := test.NewTempApp(t)
	u := New(fa, f)
	u.Window().Resize(fyne.NewSize(1200, 800))
	u.Wait()
	t.Cleanup(func() {
		u.Wait()
		u.Window().Close()
	})
	return u, f
}

func TestCaseListRowsCountEntries(t *testing.T) {
	last := time.Date(2026, 11, 21, 2, 0, 0, 0, time.UTC)
	summaries := []app.CaseSummary{
		{Case: evidence.Case{ID: "a", Title: "A", Provider: "OKPay", Problem: evidence.OtherProblem, Status: evidence.Open}},
		{Case: evidence.Case{ID: "b", Title: "B", Provider: "OKPay", Problem: evidence.OtherProblem, Status: evidence.Open}, Events: 1, LastEvent: &last},
		{Case: evidence.Case{ID: "c", Title: "C", Provider: "OKPay", Problem: evidence.OtherProblem, Status: evidence.Open}, Events: 2, LastEvent: &last},
	}
	tests := []struct {
		lang string
		want []string // the meta line of each row
	}{
		{"en", []string{"Open · no entries yet", "Open · 1 entry, last 2026-11-21 · ⚠ 1 overdue", "Open · 2 entries, last 2026-11-21"}},
		{"zh", []string{"进行中 · 尚无记录", "进行中 · 1 条记录，最近一条 2026-11-21 · ⚠ 1 项逾期", "进行中 · 2 条记录，最近一条 2026-11-21"}},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			u, f := newFakeUI(t, tt.lang)
			f.CasesFn = func(context.Context, bool) ([]app.CaseSummary, error) { return summaries, nil }
			f.fakeCaseLister.AttentionFn = func(context.Context) ([]escalation.Alert, error) {
				return []escalation.Alert{{Case: summaries[1].Case, Overdue: 1, Deadline: escalation.Deadline{Status: escalation.Overdue}}}, nil
			}
			u.cases.reload()
			u.Wait()
			for i, c := range u.cases.shown {
				if _, _, meta := u.cases.rowText(c); meta != tt.want[i] {
					t.Errorf("rowText(%s) meta = %q, want %q", c.ID, meta, tt.want[i])
				}
			}
		})
	}
}

func TestSearchNamesMatchingEntries(t *testing.T) {
	u, f := newFakeUI(t, "en")
	f.CasesFn = func(context.Context, bool) ([]app.CaseSummary, error) {
		return []app.CaseSummary{{Case: evidence.Case{ID: "a", Title: "A"}}, {Case: evidence.Case{ID: "b", Title: "B"}}}, nil
	}
	f.SearchPageFn = func(_ context.Context, text, _ string, _ int) ([]app.Hit, bool, error) {
		return []app.Hit{{CaseID: "b", EventID: "e1", Title: "refund refused"}, {CaseID: "b", EventID: "e2", Title: "asked for a refund"}}, false, nil
	}
	u.cases.reload()
	u.Wait()
	u.cases.search.SetText("refund")
	u.Wait()
	if got := u.cases.titles(); len(got) != 1 || got[0] != "B" {
		t.Fatalf("search shows %v, want [B]", got)
	}
	want := "2 matching entries: \"refund refused\", \"asked for a refund\""
	if got := u.cases.matchText(u.cases.hits["b"]); got != want {
		t.Errorf("matchText = %q, want %q", got, want)
	}
}

func TestCaseFormDefaultsFollowJurisdiction(t *testing.T) {
	type step struct {
		do                 func(f *caseForm)
		currency, language string
	}
	set := func(j string) func(*caseForm) { return func(f *caseForm) { f.jurisdiction.set(j) } }
	tests := []struct {
		name  string
		ui    string
		steps []step
	}{
		{"English UI, UK then China", "en", []step{
			{func(*caseForm) {}, "", "en"},
			{set("UK"), "GBP", "en"},
			{set("CN"), "CNY", "zh"},
			{set("US"), "USD", "en"},
			{set("EU"), "EUR", "en"},
		}},
		{"Chinese UI starts in Chinese", "zh", []step{
			{func(*caseForm) {}, "", "zh"},
			{set("UK"), "GBP", "en"},
		}},
		{"the user's language sticks", "en", []step{
			{func(f *caseForm) { f.lang.set("en") }, "", "en"},
			{set("CN"), "CNY", "en"},
		}},
		{"a typed currency sticks", "en", []step{
			{func(f *caseForm) { f.currency.SetText("HKD") }, "HKD", "en"},
			{set("CN"), "HKD", "zh"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, f := newFakeUI(t, tt.ui)
			form := u.newCaseForm(f, nil)
			for i, s := range tt.steps {
				s.do(form)
				if form.currency.Text != s.currency || form.lang.value() != s.language {
					t.Errorf("step %d: currency %q, letter language %q; want %q, %q", i, form.currency.Text, form.lang.value(), s.currency, s.language)
				}
			}
		})
	}
}

func TestChineseDropdownErrorSaysChoose(t *testing.T) {
	u, f := newFakeUI(t, "zh")
	form := u.newCaseForm(f, nil)
	_, err := form.input().Case()
	form.form.show(err)
	if got := form.form.errorText("problem"); got != "请选择问题类型。" {
		t.Errorf("problem error = %q, want 请选择问题类型。", got)
	}
	if got := form.form.errorText("title"); got != "请填写标题。" {
		t.Errorf("title error = %q, want 请填写标题。", got)
	}
}

func TestCallModeFocusTabAndPromise(t *testing.T) {
	u, f := newFakeUI(t, "en")
	var got app.EventInput
	f.fakeEventWriter.AddEventFn = func(_ context.Context, caseRef string, in app.EventInput) (evidence.Event, error) {
		got = in
		return evidence.Event{ID: "e1"}, nil
	}
	start := fakeNow.Add(20 * time.Second)
	f.fakeClock.NowFn = func() time.Time { return start }
	u.view.caseID = "c1"
	p := u.startCall(f)
	if focused := u.Window().Canvas().Focused(); focused != p.agent {
		t.Errorf("focused = %v, want the agent field", focused)
	}
	if p.notes.AcceptsTab() {
		t.Error("Tab in the notes types a tab instead of moving on")
	}
	p.agent.SetText("Lily")
	p.promBy.setText(fakeNow.In(shanghai).Format(timeLayout)) // "Now": the call's own minute
	u.Submit()
	u.Wait()
	if got.Agent != "Lily" || got.PromiseBy != start.In(shanghai).Format(time.RFC3339) || got.Summary != "Phone call (no notes taken)" {
		t.Errorf("call input = %+v", got)
	}
	if !p.stopped {
		t.Error("the timer was not stopped")
	}
}

func TestDossierAsksInDataFolderAndNeverOverwrites(t *testing.T) {
	u, f := newFakeUI(t, "en")
	data := t.TempDir()
	c := evidence.Case{ID: "0123456789abcdef", Title: "T", Jurisdiction: evidence.UK, Language: evidence.English}
	u.view.caseID, u.view.c = c.ID, c
	var out string
	f.DossierFn = func(_ context.Context, _ string, opts app.DossierOptions) (app.DossierResult, error) {
		out = opts.Out
		return app.DossierResult{Record: app.DossierRecord{Path: opts.Out}}, nil
	}
	p := u.createDossier(f, data)
	u.Wait()
	existing := filepath.Join(app.DossierDir(data), p.fileName())
	os.MkdirAll(filepath.Dir(existing), 0o700)
	os.WriteFile(existing, []byte("%PDF old"), 0o600)
	var askedDir, suggested string
	p.ask = func(dir, s string, then func(string)) { askedDir, suggested = dir, s; then(s) }
	p.done = func(app.DossierResult) {}
	u.Submit()
	u.Wait()
	if askedDir != app.DossierDir(data) {
		t.Errorf("the save dialog starts in %q, want %q", askedDir, app.DossierDir(data))
	}
	if want := strings.TrimSuffix(existing, ".pdf") + " (2).pdf"; suggested != want || out != want {
		t.Errorf("suggested %q, rendered to %q; want %q", suggested, out, want)
	}
	if b, _ := os.ReadFile(existing); string(b) != "%PDF old" {
		t.Error("the existing dossier was overwritten")
	}
	if got := u.fa.Preferences().String(prefDossierFolder(data)); got != app.DossierDir(data) {
		t.Errorf("remembered folder = %q", got)
	}
	if other := u.fa.Preferences().String(prefDossierFolder(t.TempDir())); other != "" {
		t.Errorf("another data folder inherits %q", other)
	}
}

func TestDossierLanguageFollowsJurisdictionUntilChosen(t *testing.T) {
	tests := []struct {
		ui   string
		c    evidence.Case
		want string
	}{
		{"en", evidence.Case{ID: "0123456789", Jurisdiction: evidence.UK}, "en"},
		{"en", evidence.Case{ID: "0123456789", Jurisdiction: evidence.CN}, "zh"},
		{"zh", evidence.Case{ID: "0123456789", Jurisdiction: evidence.UK, Language: evidence.Chinese}, "zh"},
	}
	for _, tt := range tests {
		u, f := newFakeUI(t, tt.ui)
		u.view.caseID, u.view.c = tt.c.ID, tt.c
		if p := u.createDossier(f, t.TempDir()); p.lang.value() != tt.want {
			t.Errorf("%s UI, %s case with language %q: letter in %q, want %q", tt.ui, tt.c.Jurisdiction, tt.c.Language, p.lang.value(), tt.want)
		}
		u.Escape()
	}
}

func TestStatusPanelDeadlineLines(t *testing.T) {
	due := time.Date(2026, 11, 23, 10, 0, 0, 0, shanghai)
	tests := []struct {
		lang, want string
		status     escalation.Status
		chaser     bool
	}{
		{"zh", "2026-11-23 · 客服承诺期限：还剩 2 天", escalation.Upcoming, false},
		{"en", "2026-11-23 · Agent's promise: 2 days left", escalation.Upcoming, false},
		{"en", "2026-11-23 · Agent's promise: 2 days overdue", escalation.Overdue, true},
	}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+string(tt.status), func(t *testing.T) {
			u, f := newFakeUI(t, tt.lang)
			d := escalation.Deadline{Clock: escalation.ClockPromise, Key: "esc.clock.promise", Due: due, Status: tt.status, DaysLeft: 2}
			if tt.status == escalation.Overdue {
				d.DaysLeft = -2
			}
			f.AssessFn = func(context.Context, string) (evidence.Case, escalation.Assessment, error) {
				return evidence.Case{ID: "c1"}, escalation.Assessment{Deadlines: []escalation.Deadline{d}}, nil
			}
			u.view.caseID = "c1"
			u.view.status.reload()
			u.Wait()
			text := strings.Join(labelsIn(u.view.status.box), "\n")
			if !strings.Contains(text, tt.want) {
				t.Errorf("status panel lacks %q:\n%s", tt.want, text)
			}
			var chaser bool
			for _, o := range u.view.status.box.Objects {
				if btn, ok := o.(*widget.Button); ok && btn.Text == u.T("ui.write-chaser") {
					chaser = true
				}
			}
			if chaser != tt.chaser {
				t.Errorf("chaser offered = %v, want %v", chaser, tt.chaser)
			}
		})
	}
}

func TestCalendarSpeaksTheLanguage(t *testing.T) {
	tests := []struct {
		lang string
		want []string
	}{
		{"en", []string{"November 2026", "Mo", "Su", "30"}},
		{"zh", []string{"2026年11月", "一", "日", "30"}},
	}
	for _, tt := range tests {
		u, _ := newFakeUI(t, tt.lang)
		cal := u.newCalendar(time.Date(2026, 11, 5, 0, 0, 0, 0, time.UTC), func(time.Time) {})
		var texts []string
		for _, o := range test.LaidOutObjects(cal) {
			switch w := o.(type) {
			case *widget.Label:
				texts = append(texts, w.Text)
			case *widget.Button:
				texts = append(texts, w.Text)
			}
		}
		all := "|" + strings.Join(texts, "|") + "|"
		for _, w := range tt.want {
			if !strings.Contains(all, "|"+w+"|") {
				t.Errorf("%s calendar lacks %q: %s", tt.lang, w, all)
			}
		}
		if tt.lang == "zh" && strings.Contains(all, "November") {
			t.Errorf("Chinese calendar shows English: %s", all)
		}
	}
}

func TestRestoreQuestionNamesContents(t *testing.T) {
	made := time.Date(2026, 11, 20, 15, 30, 0, 0, time.UTC)
	bc := app.BackupContents{Cases: 1, Events: 4, Files: 0, Made: made}
	tests := []struct{ lang, want string }{
		{"en", "the backup made 2026-11-20 23:30? It holds 1 case, 4 entries and 0 files."},
		{"zh", "要用 2026-11-20 23:30 制作的备份替换当前数据吗？该备份包含 1 个案件、4 条记录、0 个文件。"},
	}
	for _, tt := range tests {
		u, _ := newFakeUI(t, tt.lang)
		if got := u.restoreText(app.BackupInfo{Day: "2026-11-20"}, bc); !strings.Contains(got, tt.want) {
			t.Errorf("%s restoreText = %q, want it to contain %q", tt.lang, got, tt.want)
		}
	}
}

func TestLetterRecipientsAreTranslated(t *testing.T) {
	u, _ := newFakeUI(t, "zh")
	c := u.newChoice("party", stringsOf(letters.Recipients), "")
	for _, l := range c.labels {
		if l == "" || strings.ContainsAny(l, "abcdefghijklmnopqrstuvwxyz") {
			t.Errorf("recipient label %q is not Chinese", l)
		}
	}
}
