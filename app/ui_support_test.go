package app

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"redress/escalation"
	"redress/evidence"
	"redress/lang"
)

func TestDurationText(t *testing.T) {
	tests := []struct {
		d      time.Duration
		en, zh string
	}{
		{0, "0 s", "0 秒"},
		{35 * time.Second, "35 s", "35 秒"},
		{65 * time.Second, "1 min 5 s", "1 分 5 秒"},
		{12 * time.Minute, "12 min", "12 分"},
		{time.Hour + 2*time.Minute + 3*time.Second, "1 h 2 min", "1 小时 2 分"},
		{1500 * time.Millisecond, "2 s", "2 秒"},
	}
	for _, tt := range tests {
		if got := DurationText(lang.EN, tt.d); got != tt.en {
			t.Errorf("DurationText(en, %v) = %q, want %q", tt.d, got, tt.en)
		}
		if got := DurationText(lang.ZH, tt.d); got != tt.zh {
			t.Errorf("DurationText(zh, %v) = %q, want %q", tt.d, got, tt.zh)
		}
	}
}

func TestDeadlineTextUsesTheLanguagesColon(t *testing.T) {
	d := escalation.Deadline{Clock: escalation.ClockPromise, Key: "esc.clock.promise", Status: escalation.Upcoming, DaysLeft: 2}
	tests := []struct {
		l    lang.Lang
		want string
	}{
		{lang.EN, "Agent's promise: 2 days left"},
		{lang.ZH, "客服承诺期限：还剩 2 天"},
	}
	for _, tt := range tests {
		if got := DeadlineText(tt.l, d); got != tt.want {
			t.Errorf("DeadlineText(%s) = %q, want %q", tt.l, got, tt.want)
		}
	}
}

func TestDefaultsFollowTheJurisdiction(t *testing.T) {
	tests := []struct {
		j        evidence.Jurisdiction
		ui       lang.Lang
		currency string
		letter   evidence.Language
	}{
		{evidence.CN, lang.EN, "CNY", evidence.Chinese},
		{evidence.UK, lang.ZH, "GBP", evidence.English},
		{evidence.US, lang.EN, "USD", evidence.English},
		{evidence.EU, lang.EN, "EUR", evidence.English},
		{evidence.Other, lang.ZH, "", evidence.English},
		{"", lang.ZH, "", evidence.Chinese},
		{"", lang.EN, "", evidence.English},
	}
	for _, tt := range tests {
		if got := DefaultCurrency(tt.j); got != tt.currency {
			t.Errorf("DefaultCurrency(%q) = %q, want %q", tt.j, got, tt.currency)
		}
		if got := LetterLanguage(tt.j, tt.ui); got != tt.letter {
			t.Errorf("LetterLanguage(%q, %s) = %q, want %q", tt.j, tt.ui, got, tt.letter)
		}
	}
}

func TestChaserDue(t *testing.T) {
	tests := []struct {
		name string
		d    escalation.Deadline
		want bool
	}{
		{"broken promise", escalation.Deadline{Clock: escalation.ClockPromise, Status: escalation.Overdue}, true},
		{"promise still running", escalation.Deadline{Clock: escalation.ClockPromise, Status: escalation.Upcoming}, false},
		{"ombudsman window passed", escalation.Deadline{Clock: escalation.ClockOmbudsmanAfter, Status: escalation.Overdue}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ChaserDue(escalation.Assessment{Deadlines: []escalation.Deadline{tt.d}}); got != tt.want {
				t.Errorf("ChaserDue(%+v) = %v, want %v", tt.d, got, tt.want)
			}
		})
	}
}

func TestSetCaptionKeepsFilesOwnCaptions(t *testing.T) {
	e := evidence.Event{Exhibit: &evidence.Exhibit{Caption: "old", Shows: "s"},
		Attachments: []evidence.Attachment{{Caption: "old"}, {Caption: ""}, {Caption: "own"}}}
	before := e
	SetCaption(&e, "new")
	got := []string{e.Attachments[0].Caption, e.Attachments[1].Caption, e.Attachments[2].Caption}
	if got[0] != "new" || got[1] != "new" || got[2] != "own" || e.Exhibit.Caption != "new" || e.Exhibit.Shows != "s" {
		t.Errorf("SetCaption = %q, exhibit %+v", got, e.Exhibit)
	}
	if before.Exhibit.Caption != "old" || before.Attachments[0].Caption != "old" {
		t.Error("SetCaption changed the event it was copied from")
	}
}

func TestFreeNameNeverReturnsAnExistingFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "Redress-x.pdf")
	if got := FreeName(p); got != p {
		t.Errorf("FreeName(new) = %q, want %q", got, p)
	}
	os.WriteFile(p, []byte("a"), 0o600)
	os.WriteFile(filepath.Join(dir, "Redress-x (2).pdf"), []byte("b"), 0o600)
	if got, want := FreeName(p), filepath.Join(dir, "Redress-x (3).pdf"); got != want {
		t.Errorf("FreeName(taken) = %q, want %q", got, want)
	}
}

func TestBackupNowAndReadBackup(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	a, err := Open(ctx, filepath.Join(t.TempDir(), "data"), WithClock(func() time.Time { return now }), WithLocation(time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	c, err := a.NewCase(ctx, CaseInput{Title: "t", Provider: "p", Problem: "other", Jurisdiction: "UK"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.AddEvent(ctx, c.ID, EventInput{Kind: "note", Summary: "one"}); err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(t.TempDir(), "s.png")
	os.WriteFile(shot, []byte("\x89PNG\r\n\x1a\nnot really"), 0o600)
	if _, _, err := a.AttachUsable(ctx, c.ID, []string{shot}, AttachInput{}); err != nil {
		t.Fatal(err)
	}
	first, err := a.BackupNow(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Again the same day: the newer copy replaces today's.
	if _, err := a.AddEvent(ctx, c.ID, EventInput{Kind: "note", Summary: "two"}); err != nil {
		t.Fatal(err)
	}
	second, err := a.BackupNow(ctx)
	if err != nil || second != first {
		t.Fatalf("BackupNow again = %q, %v; want %q", second, err, first)
	}
	st, _ := os.Stat(second)
	bc, err := ReadBackup(ctx, second)
	if err != nil {
		t.Fatal(err)
	}
	if bc.Cases != 1 || bc.Events != 3 || bc.Files != 1 {
		t.Errorf("ReadBackup = %+v, want 1 case, 3 events, 1 file", bc)
	}
	if st2, _ := os.Stat(second); !st2.ModTime().Equal(st.ModTime()) {
		t.Error("ReadBackup changed the backup file")
	}
	if all, _ := Backups(a.Dir()); len(all) != 1 {
		t.Errorf("backups = %+v, want one for the day", all)
	}
	if _, err := ReadBackup(ctx, filepath.Join(t.TempDir(), "missing.db")); err == nil {
		t.Error("ReadBackup of a missing file succeeded")
	}
}
