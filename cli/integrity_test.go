package cli_test

// Tests for the defects of issue 12, one test per numbered defect, through
// the real command line. They use only the CLI, the app's Restore and
// SQLite itself, as the adversarial test that found the defects did.

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"redress/app"
)

func english(t *testing.T) {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG", "REDRESS_DATA"} {
		t.Setenv(v, "")
	}
	t.Setenv("REDRESS_LANG", "en")
}

// raw opens a database file with SQLite alone, as someone tampering with it
// from outside Redress would.
func raw(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { db.Close() })
	return db
}

func sqlExec(t *testing.T, db *sql.DB, query string, args ...any) {
	t.Helper()
	if _, err := db.Exec(query, args...); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}

// eventIDsIn lists the event IDs in a database file (read-only).
func eventIDsIn(t *testing.T, path string) map[string]bool {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ids := map[string]bool{}
	rows, err := db.Query("SELECT id FROM events")
	if err != nil {
		return ids // not a usable database
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		rows.Scan(&id)
		ids[id] = true
	}
	return ids
}

// seeded makes a data folder with one case and two notes.
func seeded(t *testing.T) (dir, caseID string) {
	t.Helper()
	dir = t.TempDir()
	caseID = newCase(t, dir)
	must(t, dir, "event", "add", caseID, "--kind", "note", "--summary", "第一条：提现仍未到账")
	must(t, dir, "event", "add", caseID, "--kind", "contact", "--channel", "chat", "--agent", "客服 李娜", "--summary", "客服承诺三个工作日内到账")
	return dir, caseID
}

// Defect 1: two restores in the same second destroyed the set-aside copy.
func TestDefect1TwoRestoresInOneSecondKeepBothCopies(t *testing.T) {
	english(t)
	dir, caseID := seeded(t)
	backup := filepath.Join(t.TempDir(), "b.bak")
	must(t, dir, "backup", "-o", backup)
	note := strings.TrimSpace(must(t, dir, "event", "add", caseID, "--kind", "note", "--summary", "只在当前数据里的备注"))
	now := time.Date(2026, 11, 28, 3, 15, 36, 0, time.UTC) // both restores in this second
	ctx := context.Background()
	first, err := app.Restore(ctx, dir, backup, now)
	if err != nil {
		t.Fatalf("first restore: %v", err)
	}
	second, err := app.Restore(ctx, dir, backup, now)
	if err != nil {
		t.Fatalf("second restore: %v", err)
	}
	if first == second {
		t.Errorf("both restores kept the replaced data as %s", first)
	}
	if !eventIDsIn(t, first)[note] {
		t.Errorf("the note added before the first restore is not in %s, the copy that restore kept", first)
	}
	if _, err := os.Stat(second); err != nil {
		t.Errorf("the second copy %s: %v", second, err)
	}
}

// Defect 2: verify-log did not notice deleted events or cases.
func TestDefect2VerifyLogFindsDeletions(t *testing.T) {
	english(t)
	tests := []struct {
		name   string
		tamper func(t *testing.T, db *sql.DB, caseID, lastCase string)
	}{
		{"event deleted", func(t *testing.T, db *sql.DB, caseID, _ string) {
			sqlExec(t, db, "DELETE FROM events WHERE id = (SELECT id FROM events WHERE case_id = ? LIMIT 1)", caseID)
		}},
		{"case deleted", func(t *testing.T, db *sql.DB, caseID, _ string) {
			sqlExec(t, db, "DELETE FROM cases WHERE id = ?", caseID)
		}},
		{"case and the last audit entry deleted", func(t *testing.T, db *sql.DB, _, lastCase string) {
			sqlExec(t, db, "DROP TRIGGER audit_no_delete")
			sqlExec(t, db, "DELETE FROM audit WHERE seq = (SELECT MAX(seq) FROM audit)")
			sqlExec(t, db, "DELETE FROM cases WHERE id = ?", lastCase)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, caseID := seeded(t)
			lastCase := newCase(t, dir) // the newest audit entry creates it
			must(t, dir, "verify-log")
			tt.tamper(t, raw(t, filepath.Join(dir, app.DBName)), caseID, lastCase)
			out, errs, code := run(t, dir, "verify-log")
			if code != 1 || !strings.Contains(errs, "problem") {
				t.Errorf("verify-log after %s = exit %d, stdout %q, stderr %q; want exit 1 reporting the problem", tt.name, code, out, errs)
			}
		})
	}
}

// Defect 3: a genuine dossier was reported as altered on another install.
func TestDefect3GenuineDossierVerifiesOnAnotherInstall(t *testing.T) {
	english(t)
	dir, caseID := seeded(t)
	pdf := filepath.Join(t.TempDir(), "good.pdf")
	must(t, dir, "dossier", caseID, "--to", "provider", "-o", pdf)
	zipFile := filepath.Join(t.TempDir(), "gd.zip")
	must(t, dir, "export", caseID, "-o", zipFile, "--dossiers")
	other := t.TempDir()
	must(t, other, "import", zipFile)
	out, errs, code := run(t, other, "verify", pdf)
	if code != 0 || strings.Contains(out, "MISMATCH") {
		t.Errorf("verify good.pdf on the receiving install = exit %d, %q %q; want it recognised", code, out, errs)
	}
	// Imported as a copy where the records exist already, it lands too.
	must(t, dir, "import", zipFile, "--as-copy")
	if out, errs, code := run(t, dir, "verify", pdf); code != 0 {
		t.Errorf("verify good.pdf after import --as-copy = exit %d, %q %q", code, out, errs)
	}
	// A changed copy is still caught there.
	b, _ := os.ReadFile(pdf)
	changed := filepath.Join(t.TempDir(), "changed.pdf")
	os.WriteFile(changed, append(b, "\n% changed\n"...), 0o600)
	if out, _, code := run(t, other, "verify", changed); code != 1 || !strings.Contains(out, "MISMATCH") {
		t.Errorf("verify changed.pdf = exit %d, %q; want MISMATCH", code, out)
	}
}

// Defect 4: after a killed restore the app started empty.
func TestDefect4MissingDatabaseIsNeverAFirstRun(t *testing.T) {
	english(t)
	db := func(dir string) string { return filepath.Join(dir, app.DBName) }
	tests := []struct {
		name  string
		crash func(t *testing.T, dir, backup string)
	}{
		{"live moved aside, copy not yet in place", func(t *testing.T, dir, backup string) {
			os.Rename(db(dir), db(dir)+".replaced-20261128-031536")
			b, _ := os.ReadFile(backup)
			os.WriteFile(db(dir)+".restoring", b, 0o600)
		}},
		{"empty live database next to a set-aside copy", func(t *testing.T, dir, _ string) {
			os.Rename(db(dir), db(dir)+".replaced-20261128-031536")
			os.WriteFile(db(dir), nil, 0o600)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, caseID := seeded(t)
			backup := filepath.Join(t.TempDir(), "b.bak")
			must(t, dir, "backup", "-o", backup)
			tt.crash(t, dir, backup)
			for _, args := range [][]string{{"case", "list"}, {"verify-log"}, {"event", "add", caseID, "--kind", "note", "--summary", "x"}} {
				out, errs, code := run(t, dir, args...)
				if code != 3 || !strings.Contains(errs, "copies were kept") || !strings.Contains(errs, "restore") || strings.Contains(out, "No cases") {
					t.Errorf("%s = exit %d, stdout %q, stderr %q; want exit 3 offering the newest copy", strings.Join(args, " "), code, out, errs)
				}
			}
			if st, err := os.Stat(db(dir)); err == nil && st.Size() > 0 {
				t.Errorf("a new database was created over the kept copies")
			}
			// Following the message brings the data back.
			_, errs, _ := run(t, dir, "case", "list")
			i := strings.Index(errs, "restore ")
			if i < 0 {
				t.Fatalf("the message names no copy to restore: %q", errs)
			}
			file := strings.TrimSpace(errs[i+len("restore "):])
			must(t, dir, "restore", file)
			if list := must(t, dir, "case", "list", "--json"); !strings.Contains(list, caseID) {
				t.Errorf("after restoring %s the case is missing: %s", file, list)
			}
		})
	}
	t.Run("leftover .restoring does not block a restore", func(t *testing.T) {
		dir, _ := seeded(t)
		backup := filepath.Join(t.TempDir(), "b.bak")
		must(t, dir, "backup", "-o", backup)
		os.WriteFile(db(dir)+".restoring", []byte("half a copy"), 0o600)
		if _, errs, code := run(t, dir, "restore", backup); code != 0 {
			t.Errorf("restore with a leftover .restoring = exit %d, %q; want success", code, errs)
		}
	})
}

// Defect 5: restore did not notice other processes using the data.
func TestDefect5RestoreRefusesWhileAnotherProcessHasTheDataOpen(t *testing.T) {
	english(t)
	dir, caseID := seeded(t)
	backup := filepath.Join(t.TempDir(), "b.bak")
	must(t, dir, "backup", "-o", backup)
	must(t, dir, "event", "add", caseID, "--kind", "note", "--summary", "备份之后的备注")
	before := must(t, dir, "timeline", caseID, "--json")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	holder := child(ctx, childHoldApp, childDir+"="+dir, childHold+"=20s")
	out, err := holder.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := holder.Start(); err != nil {
		t.Fatal(err)
	}
	defer holder.Process.Kill()
	if line, _ := bufio.NewReader(out).ReadString('\n'); line != "OPEN\n" {
		t.Fatalf("holder did not open the data: %q", line)
	}
	_, errs, code := run(t, dir, "restore", backup)
	if code != 1 || !strings.Contains(errs, "Another copy of Redress is using this data") {
		t.Errorf("restore while another process has the data open = exit %d, %q; want exit 1 asking to close it", code, errs)
	}
	if asides, _ := filepath.Glob(filepath.Join(dir, "redress.db.replaced-*")); len(asides) != 0 {
		t.Errorf("the refused restore moved the data aside: %v", asides)
	}
	holder.Process.Kill()
	holder.Wait()
	if after := must(t, dir, "timeline", caseID, "--json"); after != before {
		t.Errorf("the refused restore changed the data")
	}
}

// Defect 5, with writers running: every event a writer confirmed is kept,
// in the live data or in the copy the restore set aside, and every event
// confirmed after the restore finished is in the live data.
func TestDefect5RestoreWhileWritersRun(t *testing.T) {
	english(t)
	dir, caseID := seeded(t)
	backup := filepath.Join(t.TempDir(), "b.bak")
	must(t, dir, "backup", "-o", backup)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	type confirmed struct {
		id string
		at time.Time
	}
	results := make(chan []confirmed, 2)
	for _, name := range []string{"A", "B"} {
		cmd := child(ctx, "loop", childDir+"="+dir, childCase+"="+caseID, childName+"="+name, childN+"=40")
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		go func() {
			var got []confirmed
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				if f := strings.Fields(sc.Text()); len(f) == 3 && f[0] == "OK" {
					got = append(got, confirmed{f[2], time.Now()})
				}
			}
			cmd.Wait()
			results <- got
		}()
	}
	time.Sleep(300 * time.Millisecond)
	_, errs, code := run(t, dir, "restore", backup)
	restored := time.Now()
	if code != 0 {
		t.Fatalf("restore while writers run = exit %d, %q; it should wait for them", code, errs)
	}
	all := append(<-results, <-results...)
	live := eventIDsIn(t, filepath.Join(dir, app.DBName))
	kept := map[string]bool{}
	asides, _ := filepath.Glob(filepath.Join(dir, "redress.db.replaced-*"))
	for _, a := range asides {
		for id := range eventIDsIn(t, a) {
			kept[id] = true
		}
	}
	after := 0
	for _, c := range all {
		switch {
		case c.at.After(restored) && !live[c.id]:
			t.Errorf("event %s, confirmed after the restore finished, is not in the live data", c.id)
		case !live[c.id] && !kept[c.id]:
			t.Errorf("event %s was confirmed but is in no file", c.id)
		}
		if c.at.After(restored) {
			after++
		}
	}
	t.Logf("%d events confirmed, %d after the restore", len(all), after)
}

// chainHash recomputes an audit entry's hash the way Redress does, as
// someone rewriting the log would.
func chainHash(prev string, seq, at int64, action, entity, id, caseID, content, state, detail string) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%d\n%d\n%s\n%s\n%s\n%s\n%s\n", prev, seq, at, action, entity, id, caseID, content)
	if state != "" {
		fmt.Fprintf(h, "state %s\n", state)
	}
	h.Write([]byte(detail))
	return hex.EncodeToString(h.Sum(nil))
}

func sum(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// Defect 7: tampering that passed verify-log and verify.
func TestDefect7TamperingIsDetected(t *testing.T) {
	english(t)
	tests := []struct {
		name   string
		args   []string
		tamper func(t *testing.T, db *sql.DB, eventID string)
	}{
		{"zeroed exhibit bytes", []string{"verify-log", "--deep"}, func(t *testing.T, db *sql.DB, _ string) {
			sqlExec(t, db, "UPDATE blob_chunks SET data = zeroblob(length(data))")
		}},
		{"forged edit-history row", []string{"verify-log"}, func(t *testing.T, db *sql.DB, eventID string) {
			var data string
			db.QueryRow("SELECT data FROM event_versions WHERE event_id = ?", eventID).Scan(&data)
			forged := strings.Replace(data, `"minor":128000`, `"minor":1280`, 1)
			if forged == data {
				t.Fatalf("the history row has no amount to change: %s", data)
			}
			sqlExec(t, db, "UPDATE event_versions SET data = ? WHERE event_id = ?", forged, eventID)
		}},
		{"amount changed with every hash recomputed", []string{"verify-log"}, func(t *testing.T, db *sql.DB, eventID string) {
			var det string
			db.QueryRow("SELECT details FROM events WHERE id = ?", eventID).Scan(&det)
			sqlExec(t, db, "UPDATE events SET details = ? WHERE id = ?", strings.Replace(det, `"minor":128000`, `"minor":1280`, 1), eventID)
			sqlExec(t, db, "DROP TRIGGER audit_no_update")
			hasState := db.QueryRow("SELECT state FROM audit LIMIT 1").Scan(new(string)) == nil
			cols := "seq, at, action, entity, entity_id, case_id, content_hash, detail, '', prev_hash"
			if hasState {
				cols = "seq, at, action, entity, entity_id, case_id, content_hash, detail, state, prev_hash"
			}
			rows, err := db.Query("SELECT " + cols + " FROM audit ORDER BY seq")
			if err != nil {
				t.Fatal(err)
			}
			type entry struct {
				seq, at                                      int64
				action, entity, id, caseID, content, det, st string
			}
			var es []entry
			for rows.Next() {
				var e entry
				var prev string
				rows.Scan(&e.seq, &e.at, &e.action, &e.entity, &e.id, &e.caseID, &e.content, &e.det, &e.st, &prev)
				es = append(es, e)
			}
			rows.Close()
			prev := ""
			for _, e := range es {
				if e.id == eventID {
					e.det = strings.Replace(e.det, `"minor":128000`, `"minor":1280`, 1)
					e.content = sum([]byte(e.det))
				}
				h := chainHash(prev, e.seq, e.at, e.action, e.entity, e.id, e.caseID, e.content, e.st, e.det)
				sqlExec(t, db, "UPDATE audit SET detail = ?, content_hash = ?, prev_hash = ?, hash = ? WHERE seq = ?", e.det, e.content, prev, h, e.seq)
				prev = h
			}
			if hasState {
				sqlExec(t, db, "UPDATE audit_head SET hash = ?", prev) // the signature cannot be redone without the key
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, caseID := seeded(t)
			shot := filepath.Join(t.TempDir(), "转账截图.png")
			os.WriteFile(shot, bytes.Repeat([]byte("not really a png "), 500), 0o600)
			must(t, dir, "attach", caseID, shot, "--kind", "document")
			tx := strings.TrimSpace(must(t, dir, "event", "add", caseID, "--kind", "transaction", "--txid", "TX1", "--amount", "1280.00", "--currency", "CNY"))
			// An edit, so that the event has a history.
			must(t, dir, "event", "archive", tx)
			must(t, dir, "event", "restore", tx)
			editEvent(t, dir, tx)
			must(t, dir, "verify-log")
			tt.tamper(t, raw(t, filepath.Join(dir, app.DBName)), tx)
			if out, errs, code := run(t, dir, tt.args...); code != 1 || !strings.Contains(errs, "problem") {
				t.Errorf("%s after %s = exit %d, %q %q; want exit 1 listing the problem", strings.Join(tt.args, " "), tt.name, code, out, errs)
			}
		})
	}
	t.Run("archive with case.json edited and its manifest recomputed", func(t *testing.T) {
		dir, caseID := seeded(t)
		good := filepath.Join(t.TempDir(), "good.zip")
		must(t, dir, "export", caseID, "-o", good)
		bad := filepath.Join(t.TempDir(), "bad.zip")
		rewriteArchive(t, good, bad, func(name string, b []byte) []byte {
			if name == "case.json" {
				return bytes.Replace(b, []byte("客服承诺三个工作日内到账"), []byte("客服承诺当天到账"), 1)
			}
			return b
		})
		if out, errs, code := run(t, t.TempDir(), "verify", bad); code != 1 {
			t.Errorf("verify bad.zip = exit %d, %q %q; want exit 1", code, out, errs)
		}
		other := t.TempDir()
		newCase(t, other)
		if _, errs, code := run(t, other, "import", bad); code != 1 || !strings.Contains(errs, "signature") {
			t.Errorf("import bad.zip = exit %d, %q; want it refused for its signature", code, errs)
		}
	})
}

// editEvent changes an event's summary through the app layer (the CLI has
// no edit command), so that it has an earlier version.
func editEvent(t *testing.T, dir, id string) {
	t.Helper()
	ctx := context.Background()
	a, err := app.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	e, err := a.Event(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	e.Summary = "充值 1280.00 元未到账（已更正）"
	if err := a.UpdateEvent(ctx, &e); err != nil {
		t.Fatal(err)
	}
}

// rewriteArchive copies a case archive, changing entries with edit and
// recomputing manifest.json's fingerprints to match (its signature, if
// any, is kept as it was: only the install that signed could redo it).
func rewriteArchive(t *testing.T, src, dst string, edit func(name string, b []byte) []byte) {
	t.Helper()
	zr, err := zip.OpenReader(src)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	entries := map[string][]byte{}
	var names []string
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		entries[f.Name] = edit(f.Name, b)
		names = append(names, f.Name)
	}
	var m map[string]any
	json.Unmarshal(entries["manifest.json"], &m)
	for _, fe := range m["files"].([]any) {
		e := fe.(map[string]any)
		b := entries[e["path"].(string)]
		e["sha256"], e["size"] = sum(b), len(b)
	}
	entries["manifest.json"], _ = json.MarshalIndent(m, "", "  ")
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, _ := zw.Create(n)
		w.Write(entries[n])
	}
	zw.Close()
	os.WriteFile(dst, buf.Bytes(), 0o600)
}

// Defect 8: escape codes and control characters were stored and printed raw.
func TestDefect8ControlCharactersNeverReachTheTerminal(t *testing.T) {
	english(t)
	dir, caseID := seeded(t)
	inputs := []struct {
		name string
		args []string
	}{
		{"title escape", []string{"case", "new", "--title", "\x1b]0;pwned\a", "--provider", "p", "--problem", "other", "--jurisdiction", "EU"}},
		{"summary clear screen", []string{"event", "add", caseID, "--kind", "note", "--summary", "hi\x1b[2J"}},
		{"agent RTL override", []string{"event", "add", caseID, "--kind", "contact", "--channel", "chat", "--agent", "\u202eanilil"}},
		{"invalid UTF-8", []string{"event", "add", caseID, "--kind", "note", "--summary", "bad \xff\xfe text"}},
	}
	for _, in := range inputs {
		t.Run(in.name, func(t *testing.T) {
			out, errs, code := run(t, dir, in.args...)
			if code != 2 || strings.ContainsAny(errs, "\x1b\a\u202e") || out != "" {
				t.Errorf("%q = exit %d, stdout %q, stderr %q; want exit 2 and the character shown escaped", in.args, code, out, errs)
			}
		})
	}
	t.Run("NUL via import", func(t *testing.T) {
		good := filepath.Join(t.TempDir(), "good.zip")
		must(t, dir, "export", caseID, "-o", good)
		bad := filepath.Join(t.TempDir(), "nul.zip")
		rewriteArchive(t, good, bad, func(name string, b []byte) []byte {
			if name == "manifest.json" {
				var m map[string]any
				json.Unmarshal(b, &m)
				delete(m, "signature") // an unsigned archive, as older versions wrote
				b, _ = json.Marshal(m)
			}
			if name == "case.json" {
				return bytes.Replace(b, []byte("第一条"), []byte(`\u0000第一条`), 1)
			}
			return b
		})
		other := t.TempDir()
		newCase(t, other)
		if _, errs, code := run(t, other, "import", bad); code == 0 {
			t.Errorf("import of an archive with NUL = exit 0; want it refused (%q)", errs)
		}
	})
	t.Run("old data printed escaped", func(t *testing.T) {
		db := raw(t, filepath.Join(dir, app.DBName))
		sqlExec(t, db, "UPDATE cases SET title = ? WHERE id = ?", "提现\x1b]0;owned\a\x1b[2J\u202e", caseID)
		sqlExec(t, db, "UPDATE events SET summary = summary || ? WHERE case_id = ?", "\x1b[31m红色\x00\u202e", caseID)
		var eventID string
		db.QueryRow("SELECT id FROM events WHERE case_id = ? LIMIT 1", caseID).Scan(&eventID)
		for _, args := range [][]string{{"timeline", caseID}, {"case", "list"}, {"search", "提现"}, {"search", "客服"}, {"event", "show", eventID}} {
			out, errs, _ := run(t, dir, args...)
			if strings.ContainsAny(out+errs, "\x1b\a\x00\u202e") {
				t.Errorf("%s printed a raw control character: %q", strings.Join(args, " "), out)
			}
		}
		if out, _, _ := run(t, dir, "case", "list"); !strings.Contains(out, `\x1b]0;owned\x07`) {
			t.Errorf("case list = %q; want the escape shown as \\x1b", out)
		}
	})
}

// Defect 9: writes went on in a damaged database.
func TestDefect9DamagedDatabaseRefusesWrites(t *testing.T) {
	english(t)
	dir, caseID := seeded(t)
	big := filepath.Join(t.TempDir(), "big.bin")
	data := make([]byte, 3<<20)
	r := rand.New(rand.NewPCG(3, 4))
	for i := range data {
		data[i] = byte(r.Uint32())
	}
	os.WriteFile(big, data, 0o600)
	must(t, dir, "attach", caseID, big, "--kind", "document")
	path := filepath.Join(dir, app.DBName)
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := f.Stat()
	page := st.Size() / 4096 / 2 // a page of the stored file's bytes
	f.WriteAt(make([]byte, 4096), page*4096)
	f.Close()
	before, _ := os.ReadFile(path)

	_, errs, code := run(t, dir, "event", "add", caseID, "--kind", "note", "--summary", "x")
	if code != 1 || !strings.Contains(errs, "damaged") || !strings.Contains(errs, "restore") {
		t.Errorf("event add on a damaged database = exit %d, %q; want exit 1 pointing to restore", code, errs)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
		t.Errorf("the damaged database was written to")
	}
	if out, errs, code := run(t, dir, "verify-log"); code != 1 || strings.Contains(out, "intact") {
		t.Errorf("verify-log on a damaged database = exit %d, %q %q; want it reported", code, out, errs)
	}
	if out, errs, code := run(t, dir, "case", "list"); code != 0 || !strings.Contains(out, "提现三天未到账") || !strings.Contains(errs, "damaged") {
		t.Errorf("case list on a damaged database = exit %d, %q %q; want the cases and a warning", code, out, errs)
	}
}

// Defect 10: messages in the user's words, capped search, plausible dates,
// read-only commands that create nothing.
func TestDefect10Messages(t *testing.T) {
	english(t)
	dir, caseID := seeded(t)
	pdf := filepath.Join(t.TempDir(), "d.pdf")
	must(t, dir, "dossier", caseID, "-o", pdf)
	b, _ := os.ReadFile(pdf)
	damagedPDF := filepath.Join(t.TempDir(), "damaged.pdf")
	os.WriteFile(damagedPDF, append([]byte("%PDG-"), b[5:]...), 0o600)
	missing := filepath.Join(t.TempDir(), "typo")
	full := t.TempDir()
	fullDisk := runtime.GOOS == "linux"
	if fullDisk {
		// The temporary file of each output is /dev/full: every write fails
		// with "no space left on device".
		os.Symlink("/dev/full", filepath.Join(full, "out.zip.partial"))
		os.Symlink("/dev/full", filepath.Join(full, "out.pdf.partial"))
	}
	tests := []struct {
		name   string
		dir    string
		args   []string
		code   int
		want   string
		notOut string
	}{
		{"duration", dir, []string{"event", "add", caseID, "--kind", "contact", "--channel", "phone", "--duration", "abc"}, 2, "is not a length of time; write it like 12m", ""},
		{"year 1", dir, []string{"event", "add", caseID, "--kind", "note", "--summary", "x", "--at", "0001-01-01T00:00:00Z"}, 2, "is not a plausible date", ""},
		{"year 1900", dir, []string{"event", "add", caseID, "--kind", "note", "--summary", "x", "--at", "1900-01-01 10:00"}, 2, "is not a plausible date", ""},
		{"year 9999", dir, []string{"event", "add", caseID, "--kind", "note", "--summary", "x", "--at", "9999-01-01T00:00:00Z"}, 2, "is not a plausible date", ""},
		{"incident 1900", dir, []string{"case", "new", "--title", "t", "--provider", "p", "--problem", "other", "--jurisdiction", "EU", "--incident", "1900-01-01"}, 2, "is not a plausible date", ""},
		{"damaged PDF header", dir, []string{"verify", damagedPDF}, 1, "did not verify", "not a ZIP"},
		{"verify with mistyped --data", missing, []string{"verify", pdf}, 1, "There is no Redress data folder", ""},
		{"search with mistyped --data", missing, []string{"search", "客服"}, 1, "There is no Redress data folder", ""},
		{"search capped", dir, []string{"search", "提现", "--limit", "1"}, 0, "Only the first 1 matches are shown", ""},
	}
	if fullDisk {
		tests = append(tests,
			struct {
				name, dir string
				args      []string
				code      int
				want      string
				notOut    string
			}{"export to a full disk", dir, []string{"export", caseID, "-o", filepath.Join(full, "out.zip")}, 1, "not enough free space", "unexpected"},
			struct {
				name, dir string
				args      []string
				code      int
				want      string
				notOut    string
			}{"dossier to a full disk", dir, []string{"dossier", caseID, "-o", filepath.Join(full, "out.pdf")}, 1, "not enough free space", "unexpected"})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, code := run(t, tt.dir, tt.args...)
			if code != tt.code || !strings.Contains(out+errs, tt.want) || (tt.notOut != "" && strings.Contains(out+errs, tt.notOut)) {
				t.Errorf("%s = exit %d, stdout %q, stderr %q; want exit %d with %q", strings.Join(tt.args, " "), code, out, errs, tt.code, tt.want)
			}
		})
	}
	if _, err := os.Stat(missing); err == nil {
		t.Errorf("a read-only command created the mistyped data folder %s", missing)
	}
	if out := must(t, dir, "timeline", caseID, "--search", "没有这个词"); !strings.Contains(out, "No events of this case match") {
		t.Errorf("timeline search without hits = %q", out)
	}
}
