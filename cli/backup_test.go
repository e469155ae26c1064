package cli_test

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"redress/app"
)

// TestBackupWhileAnotherProcessWrites backs up while a second process adds
// events: the backup opens, passes integrity_check and holds every event
// committed before the backup started.
func TestBackupWhileAnotherProcessWrites(t *testing.T) {
	dir := t.TempDir()
	caseID := newCase(t, dir)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := child(ctx, "loop", childDir+"="+dir, childCase+"="+caseID, childName+"=W", childN+"=400")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(out)
	var committed []string
	for lines.Scan() && len(committed) < 40 {
		if f := strings.Fields(lines.Text()); len(f) == 3 && f[0] == "OK" {
			committed = append(committed, f[2])
		}
	}
	backup := filepath.Join(t.TempDir(), "backup.db")
	if _, errs, code := run(t, dir, "backup", "-o", backup); code != 0 {
		t.Fatalf("backup: exit %d, %q", code, errs)
	}
	for lines.Scan() {
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("writer: %v", err)
	}
	// The backup is a complete data folder of its own.
	restored := t.TempDir()
	if _, errs, code := run(t, restored, "restore", backup); code != 0 {
		t.Fatalf("restore into an empty folder: exit %d, %q", code, errs)
	}
	evs, _ := timeline(t, restored, caseID)
	have := map[string]bool{}
	for _, e := range evs {
		have[e.ID] = true
	}
	for _, id := range committed {
		if !have[id] {
			t.Errorf("event %s, committed before the backup, is missing from it", id)
		}
	}
	t.Logf("%d events committed before the backup; the backup holds %d", len(committed), len(evs))
	checkSound(t, restored)
}

func TestRestoreKeepsReplacedDataAside(t *testing.T) {
	dir := t.TempDir()
	first := newCase(t, dir)
	backup := filepath.Join(t.TempDir(), "b.db")
	must(t, dir, "backup", "-o", backup)
	second := newCase(t, dir) // only in the current data
	if _, errs, code := run(t, dir, "backup", "-o", backup); code != 1 || !strings.Contains(errs, "already exists") {
		t.Errorf("backup over an existing file: exit %d, %q", code, errs)
	}
	out := must(t, dir, "restore", backup)
	if !strings.Contains(out, "kept as") {
		t.Errorf("restore printed %q", out)
	}
	list := must(t, dir, "case", "list", "--json")
	if !strings.Contains(list, first) || strings.Contains(list, second) {
		t.Errorf("after restore the cases are %s", list)
	}
	asides, _ := filepath.Glob(filepath.Join(dir, "redress.db.replaced-*"))
	var kept string
	for _, a := range asides {
		if !strings.HasSuffix(a, "-wal") && !strings.HasSuffix(a, "-shm") {
			kept = a
		}
	}
	if kept == "" {
		t.Fatalf("the replaced database was not kept: %v", asides)
	}
	// The replaced data is intact: restore it back.
	must(t, dir, "restore", kept)
	if list := must(t, dir, "case", "list", "--json"); !strings.Contains(list, second) {
		t.Errorf("the kept-aside data lost the second case: %s", list)
	}
	checkSound(t, dir)
}

func TestRestoreRefusesBadBackups(t *testing.T) {
	dir := t.TempDir()
	newCase(t, dir)
	before := must(t, dir, "case", "list", "--json")
	files := t.TempDir()
	notes := filepath.Join(files, "notes.db")
	os.WriteFile(notes, []byte("not a database"), 0o600)
	damaged := filepath.Join(files, "damaged.db")
	must(t, dir, "backup", "-o", damaged)
	b, _ := os.ReadFile(damaged)
	for i := 4096; i < len(b) && i < 4096*3; i++ {
		b[i] ^= 0x5a // scribble over the second and third pages
	}
	os.WriteFile(damaged, b, 0o600)
	tests := []struct{ file, want string }{
		{notes, "not a Redress database"},
		{damaged, ""},
		{filepath.Join(files, "missing.db"), "does not exist"},
	}
	for _, tt := range tests {
		_, errs, code := run(t, dir, "restore", tt.file)
		if code != 1 || !strings.Contains(errs, tt.want) {
			t.Errorf("restore %s: exit %d, %q; want exit 1 with %q", filepath.Base(tt.file), code, errs, tt.want)
		}
	}
	if after := must(t, dir, "case", "list", "--json"); after != before {
		t.Errorf("a refused restore changed the data")
	}
	if asides, _ := filepath.Glob(filepath.Join(dir, "redress.db.replaced-*")); len(asides) != 0 {
		t.Errorf("a refused restore moved the data aside: %v", asides)
	}
}

func TestAutoBackupKeepsSeven(t *testing.T) {
	dir := t.TempDir()
	day := time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	ctx := context.Background()
	for i := 0; i < 10; i++ {
		now := day.AddDate(0, 0, i)
		a, err := app.Open(ctx, dir, app.WithClock(func() time.Time { return now }), app.WithLocation(time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		if made, err := a.AutoBackup(ctx); err != nil || made == "" {
			t.Fatalf("AutoBackup day %d = %q, %v", i, made, err)
		}
		if made, err := a.AutoBackup(ctx); err != nil || made != "" {
			t.Errorf("second AutoBackup the same day = %q, %v; want none", made, err)
		}
		a.Close()
	}
	all, err := app.Backups(dir)
	if err != nil || len(all) != 7 || all[0].Day != "2026-11-10" || all[6].Day != "2026-11-04" {
		var days []string
		for _, b := range all {
			days = append(days, b.Day)
		}
		t.Errorf("backups = %v, %v; want the 7 newest", days, err)
	}
	if b, ok := app.NewestGoodBackup(ctx, dir); !ok || b.Day != "2026-11-10" {
		t.Errorf("NewestGoodBackup = %+v, %v", b, ok)
	}
}
