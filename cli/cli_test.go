package cli

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	_ "modernc.org/sqlite"

	"redress/evidence"
)

// runCLI runs one command line against dir and returns stdout, stderr and
// the exit code.
func runCLI(t *testing.T, dir string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(append([]string{"--data", dir}, args...), &out, &errb)
	return out.String(), errb.String(), code
}

// mustRun runs a command that must succeed and returns its trimmed stdout.
func mustRun(t *testing.T, dir string, args ...string) string {
	t.Helper()
	out, errs, code := runCLI(t, dir, args...)
	if code != 0 {
		t.Fatalf("redress %s: exit %d, stderr %q", strings.Join(args, " "), code, errs)
	}
	return strings.TrimSpace(out)
}

func writePNG(t *testing.T, path string, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 200, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func setLang(t *testing.T, l string) {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG", "REDRESS_DATA"} {
		t.Setenv(v, "")
	}
	t.Setenv("REDRESS_LANG", l)
}

func TestWorkflowEndToEnd(t *testing.T) {
	setLang(t, "en")
	dir := filepath.Join(t.TempDir(), "data")
	id := mustRun(t, dir, "case", "new", "--title", "OKPay 充值未到账", "--provider", "OKPay", "--problem", "topup-not-credited",
		"--jurisdiction", "CN", "--amount", "1280.00", "--currency", "CNY", "--incident", "2026-11-20",
		"--account", "6222020202020202", "--name", "张三", "--contact", "zhangsan@example.com", "--address", "上海市浦东新区",
		"--remedy", "退还 1280 元并说明原因", "--lang", "zh")
	if len(id) != 36 {
		t.Fatalf("case new printed %q, want a UUID", id)
	}
	st, err := os.Stat(dir)
	if err != nil || st.Mode().Perm() != 0o700 {
		t.Errorf("data dir mode = %v, %v; want 0700", st.Mode().Perm(), err)
	}
	if st, err := os.Stat(filepath.Join(dir, "redress.db")); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("database mode = %v, %v; want 0600", st.Mode().Perm(), err)
	}
	prefix := id[:6]
	contact := mustRun(t, dir, "event", "add", prefix, "--kind", "contact", "--channel", "phone", "--agent", "王小姐 #1024",
		"--ref", "T-8899", "--summary", "客服说 24 小时内退款", "--promise", "24小时内到账", "--promise-by", "2026-11-21T23:30:00+08:00",
		"--duration", "12m", "--at", "2026-11-20T23:30:00+08:00", "--tag", "support")
	tx := mustRun(t, dir, "event", "add", prefix, "--kind", "transaction", "--txid", "TX20261120ABCDEF0123456789ABCDEF01234567",
		"--amount", "1280", "--currency", "cny", "--direction", "out", "--status", "处理中", "--at", "2026-11-20T10:00:00+08:00")
	mustRun(t, dir, "event", "add", prefix, "--kind", "note", "--summary", "Self-check: balance and account number correct", "--at", "2026-11-20T09:00:00Z")
	mustRun(t, dir, "event", "add", prefix, "--kind", "letter", "--to", "provider", "--method", "email", "--ref", "COMPLAINT-1", "--at", "2026-11-21T09:00:00+08:00")
	mustRun(t, dir, "event", "add", prefix, "--kind", "response", "--from", "provider", "--outcome", "Refund refused", "--final", "--at", "2026-11-22T09:00:00+08:00")
	shot := filepath.Join(t.TempDir(), "充值截图.png")
	pngBytes := writePNG(t, shot, 60, 130)
	stmt := filepath.Join(t.TempDir(), "statement.pdf")
	os.WriteFile(stmt, []byte("%PDF-1.4\n% bank statement\n"), 0o600)
	shots := mustRun(t, dir, "attach", prefix, shot, "--caption", "充值成功页面", "--at", "2026-11-20T10:01:00+08:00")
	docs := mustRun(t, dir, "attach", prefix, stmt, shot, "--caption", "Bank statement")

	var events []evidence.Event
	if err := json.Unmarshal([]byte(mustRun(t, dir, "timeline", prefix, "--json", "--oldest")), &events); err != nil {
		t.Fatal(err)
	}
	if len(events) != 7 {
		t.Fatalf("timeline has %d events, want 7", len(events))
	}
	byID := map[string]evidence.Event{}
	for _, e := range events {
		byID[e.ID] = e
	}
	c := byID[contact]
	if c.Contact == nil || c.Contact.Agent != "王小姐 #1024" || c.At.Format("2006-01-02T15:04:05-07:00") != "2026-11-20T23:30:00+08:00" ||
		c.Contact.Duration.Minutes() != 12 || c.Reference != "T-8899" || !slices.Equal(c.Tags, []string{"support"}) {
		t.Errorf("contact event = %+v %+v", c, c.Contact)
	}
	if x := byID[tx].Transaction; x == nil || x.Amount != (evidence.Money{Minor: 128000, Currency: "CNY"}) || x.Status != "处理中" {
		t.Errorf("transaction = %+v", x)
	}
	s := byID[shots]
	if s.Kind != evidence.KindScreenshot || len(s.Attachments) != 1 || s.Attachments[0].Name != "充值截图.png" ||
		s.Attachments[0].Width != 60 || s.Attachments[0].Height != 130 || s.Attachments[0].Size != int64(len(pngBytes)) {
		t.Errorf("screenshot event = %+v", s)
	}
	if d := byID[docs]; d.Kind != evidence.KindDocument || len(d.Attachments) != 2 || d.Attachments[0].MediaType != "application/pdf" {
		t.Errorf("document event = %+v", d)
	}
	// 10:00 +08:00 (02:00 UTC) comes before 09:00 UTC: order is by the instant, not the wall clock.
	if events[0].ID != tx || events[1].ID != shots {
		t.Errorf("oldest events are %s, %s; want the transaction, then the screenshot", events[0].Kind, events[1].Kind)
	}

	text := mustRun(t, dir, "timeline", prefix)
	for _, want := range []string{"2026-11-20 23:30 +08:00", "Contact/Phone", "王小姐 #1024", "T-8899", "客服说 24 小时内退款", "Response (final)", "1 file(s)"} {
		if !strings.Contains(text, want) {
			t.Errorf("timeline text lacks %q:\n%s", want, text)
		}
	}
	list := mustRun(t, dir, "case", "list")
	for _, want := range []string{id[:8], "OKPay", "Top-up not credited", "1280.00 CNY", "OKPay 充值未到账"} {
		if !strings.Contains(list, want) {
			t.Errorf("case list lacks %q:\n%s", want, list)
		}
	}
	var summaries []map[string]any
	json.Unmarshal([]byte(mustRun(t, dir, "case", "list", "--json")), &summaries)
	if len(summaries) != 1 || summaries[0]["id"] != id || summaries[0]["events"] != float64(7) {
		t.Errorf("case list --json = %v", summaries)
	}
	var detail map[string]any
	json.Unmarshal([]byte(mustRun(t, dir, "case", "show", id, "--json")), &detail)
	if detail["title"] != "OKPay 充值未到账" || detail["problem"] != "topup-not-credited" || detail["events"] != float64(7) {
		t.Errorf("case show --json = %v", detail)
	}
	show := mustRun(t, dir, "case", "show", prefix)
	for _, want := range []string{"Title:", "OKPay 充值未到账", "Top-up not credited", "6222020202020202", "退还 1280 元并说明原因"} {
		if !strings.Contains(show, want) {
			t.Errorf("case show lacks %q:\n%s", want, show)
		}
	}

	var hits []map[string]any
	json.Unmarshal([]byte(mustRun(t, dir, "search", "退款", "--json")), &hits)
	if len(hits) != 1 || hits[0]["event_id"] != contact || hits[0]["case_id"] != id {
		t.Errorf("search 退款 = %v", hits)
	}
	json.Unmarshal([]byte(mustRun(t, dir, "search", "self-check", "--case", prefix, "--json")), &hits)
	if len(hits) != 1 || hits[0]["kind"] != "note" {
		t.Errorf("search self-check = %v", hits)
	}
	if out := mustRun(t, dir, "search", "nothing-like-this"); !strings.Contains(out, "Nothing matches") {
		t.Errorf("empty search printed %q", out)
	}
	if out := mustRun(t, dir, "verify-log"); !strings.Contains(out, "intact") {
		t.Errorf("verify-log printed %q", out)
	}
	mustRun(t, dir, "event", "archive", contact)
	var history []evidence.Event
	json.Unmarshal([]byte(mustRun(t, dir, "event", "history", contact, "--json")), &history)
	if len(history) != 1 || history[0].Archived == nil {
		t.Errorf("event history = %+v", history)
	}
	if json.Unmarshal([]byte(mustRun(t, dir, "search", "退款", "--json")), &hits); len(hits) != 0 {
		t.Errorf("archived event still found: %v", hits)
	}
	mustRun(t, dir, "event", "restore", contact)
	mustRun(t, dir, "case", "archive", prefix)
	if out := mustRun(t, dir, "case", "list"); !strings.Contains(out, "No cases yet") {
		t.Errorf("list after archive = %q", out)
	}
	if out := mustRun(t, dir, "case", "list", "--all"); !strings.Contains(out, "archived") {
		t.Errorf("list --all after archive = %q", out)
	}
	mustRun(t, dir, "case", "restore", prefix)
	mustRun(t, dir, "verify-log")
}

// dump returns every row of every table and the schema version: what
// "the database is exactly as it was" compares.
func dump(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "redress.db")
	db, err := sql.Open("sqlite", path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var b strings.Builder
	var v int
	db.QueryRow("PRAGMA user_version").Scan(&v)
	fmt.Fprintf(&b, "version %d\n", v)
	for _, table := range []string{"cases", "case_versions", "events", "event_versions", "blobs", "blob_chunks", "attachments", "audit", "event_fts", "case_fts"} {
		rows, err := db.Query("SELECT * FROM " + table + " ORDER BY rowid")
		if err != nil {
			t.Fatalf("dump %s: %v", table, err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			rows.Scan(ptrs...)
			fmt.Fprintf(&b, "%s %v\n", table, vals)
		}
		rows.Close()
	}
	return b.String()
}

func TestBadInputChangesNothing(t *testing.T) {
	setLang(t, "en")
	dir := t.TempDir()
	id := mustRun(t, dir, "case", "new", "--title", "Frozen", "--provider", "OKPay", "--problem", "account-frozen", "--jurisdiction", "UK")
	mustRun(t, dir, "event", "add", id, "--kind", "note", "--summary", "first")
	files := t.TempDir()
	empty := filepath.Join(files, "empty.png")
	os.WriteFile(empty, nil, 0o600)
	good := filepath.Join(files, "good.png")
	writePNG(t, good, 4, 4)
	huge := filepath.Join(files, "huge.mp4")
	f, _ := os.Create(huge)
	f.Truncate(200<<20 + 1) // sparse: costs no disk
	f.Close()
	before := dump(t, dir)

	tests := []struct {
		name string
		args []string
		code int
		want string // part of the one-sentence error
	}{
		{"unknown problem", []string{"case", "new", "--title", "t", "--provider", "p", "--problem", "lost-money", "--jurisdiction", "CN"}, 2, "Problem \"lost-money\" is not one of the choices"},
		{"unknown jurisdiction", []string{"case", "new", "--title", "t", "--provider", "p", "--problem", "other", "--jurisdiction", "Mars"}, 2, "Jurisdiction \"MARS\" is not one of the choices"},
		{"missing title", []string{"case", "new", "--provider", "p", "--problem", "other", "--jurisdiction", "CN"}, 2, "Title is required."},
		{"negative amount", []string{"case", "new", "--title", "t", "--provider", "p", "--problem", "other", "--jurisdiction", "CN", "--amount", "-5", "--currency", "CNY"}, 2, "Amount cannot be negative"},
		{"malformed amount", []string{"event", "add", id, "--kind", "transaction", "--txid", "x", "--amount", "12,50", "--currency", "EUR"}, 2, "is not an amount"},
		{"unknown currency", []string{"event", "add", id, "--kind", "transaction", "--txid", "x", "--amount", "12", "--currency", "RMB"}, 2, "not an ISO 4217 code"},
		{"malformed time", []string{"event", "add", id, "--kind", "note", "--summary", "x", "--at", "yesterday"}, 2, "Time \"yesterday\" is not a time Redress understands"},
		{"malformed promise-by", []string{"event", "add", id, "--kind", "contact", "--channel", "chat", "--promise-by", "soon"}, 2, "Promised-by time \"soon\""},
		{"bad duration", []string{"event", "add", id, "--kind", "contact", "--channel", "phone", "--duration", "ten minutes"}, 2, "Duration"},
		{"unknown kind", []string{"event", "add", id, "--kind", "fax"}, 2, "Kind \"fax\" is not one of the choices"},
		{"field for another kind", []string{"event", "add", id, "--kind", "note", "--summary", "x", "--agent", "Bob"}, 2, "Agent does not apply to a note event"},
		{"no kind", []string{"event", "add", id, "--summary", "x"}, 2, "needs the option --kind"},
		{"missing file", []string{"attach", id, good, filepath.Join(files, "nope.png")}, 1, "nope.png does not exist"},
		{"directory", []string{"attach", id, files}, 1, "is a folder"},
		{"empty file", []string{"attach", id, good, empty}, 1, "empty.png is empty (0 bytes)"},
		{"file over the limit", []string{"attach", id, huge}, 1, "larger than the 200 MB limit"},
		{"no files", []string{"attach", id}, 2, "needs FILE"},
		{"unknown case", []string{"event", "add", "ffffffff", "--kind", "note", "--summary", "x"}, 1, "No case has the ID \"ffffffff\""},
		{"unknown case for timeline", []string{"timeline", "zzz"}, 1, "No case has the ID"},
		{"unknown command", []string{"frobnicate"}, 2, "\"frobnicate\" is not a Redress command"},
		{"unknown flag", []string{"case", "list", "--colour"}, 2, "has no option --colour"},
		{"flag without value", []string{"case", "show", id, "--json", "--bogus"}, 2, "has no option"},
		{"value missing", []string{"timeline", id, "--limit"}, 2, "The option --limit needs a value"},
		{"extra argument", []string{"case", "show", id, "extra"}, 2, "does not take \"extra\""},
		{"missing subcommand", []string{"case"}, 2, "needs one of"},
		{"bad limit", []string{"timeline", id, "--limit", "many"}, 2, "--limit needs a whole number"},
		{"unknown timeline kind", []string{"timeline", id, "--kind", "fax"}, 2, "Kind \"fax\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, code := runCLI(t, dir, tt.args...)
			if code != tt.code || !strings.Contains(errs, tt.want) {
				t.Errorf("redress %s = exit %d, stderr %q; want exit %d and %q", strings.Join(tt.args, " "), code, errs, tt.code, tt.want)
			}
			if out != "" {
				t.Errorf("stdout = %q, want nothing", out)
			}
			if strings.Contains(errs, "panic") || strings.Contains(errs, "goroutine") {
				t.Errorf("stderr has a stack trace: %s", errs)
			}
			if after := dump(t, dir); after != before {
				t.Errorf("the database changed")
			}
		})
	}
}

func TestAmbiguousPrefix(t *testing.T) {
	setLang(t, "en")
	dir := t.TempDir()
	first := map[byte]string{}
	var prefix string
	// 17 cases: two must share a first hex digit.
	for i := 0; i < 17 && prefix == ""; i++ {
		id := mustRun(t, dir, "case", "new", "--title", fmt.Sprint("case ", i), "--provider", "p", "--problem", "other", "--jurisdiction", "US")
		if _, ok := first[id[0]]; ok {
			prefix = id[:1]
		}
		first[id[0]] = id
	}
	_, errs, code := runCLI(t, dir, "case", "show", prefix)
	if code != 1 || !strings.Contains(errs, "matches more than one case") {
		t.Errorf("case show %s = exit %d, %q", prefix, code, errs)
	}
}

func TestDatabaseProblems(t *testing.T) {
	setLang(t, "en")
	t.Run("not a database", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "redress.db")
		notes := []byte("my notes\n")
		os.WriteFile(path, notes, 0o600)
		_, errs, code := runCLI(t, dir, "case", "list")
		if code != 1 || !strings.Contains(errs, "is not a Redress database") || strings.Count(strings.TrimSpace(errs), "\n") != 0 {
			t.Errorf("case list on a text file = exit %d, %q", code, errs)
		}
		if got, _ := os.ReadFile(path); !bytes.Equal(got, notes) {
			t.Errorf("the file was modified")
		}
	})
	t.Run("newer version", func(t *testing.T) {
		dir := t.TempDir()
		mustRun(t, dir, "case", "new", "--title", "t", "--provider", "p", "--problem", "other", "--jurisdiction", "EU")
		db, _ := sql.Open("sqlite", filepath.Join(dir, "redress.db"))
		db.Exec("PRAGMA user_version = 42")
		db.Close()
		before := dump(t, dir)
		_, errs, code := runCLI(t, dir, "event", "add", "0", "--kind", "note", "--summary", "x")
		if code != 1 || !strings.Contains(errs, "newer version of Redress") {
			t.Errorf("exit %d, %q", code, errs)
		}
		if dump(t, dir) != before {
			t.Errorf("the newer database changed")
		}
	})
	t.Run("data dir is a file", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "data")
		os.WriteFile(path, []byte("x"), 0o600)
		_, errs, code := runCLI(t, path, "case", "list")
		if code != 1 || !strings.Contains(errs, "is a file, not a folder") {
			t.Errorf("exit %d, %q", code, errs)
		}
	})
}

func TestMessagesInChinese(t *testing.T) {
	setLang(t, "zh")
	dir := t.TempDir()
	if out := mustRun(t, dir, "case", "list"); !strings.Contains(out, "还没有案件") {
		t.Errorf("empty list in Chinese = %q", out)
	}
	mustRun(t, dir, "case", "new", "--title", "提现未到账", "--provider", "快付", "--problem", "other", "--jurisdiction", "CN")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"case", "new", "--title", "t", "--provider", "p", "--problem", "x", "--jurisdiction", "CN"}, "问题类型“x”不在可选范围内"},
		{[]string{"case", "show", "abc"}, "找不到编号为“abc”的案件"},
		{[]string{"nope"}, "“nope”不是 Redress 的命令"},
	}
	for _, tt := range tests {
		_, errs, code := runCLI(t, dir, tt.args...)
		if code == 0 || !strings.Contains(errs, tt.want) {
			t.Errorf("redress %v = exit %d, %q; want %q", tt.args, code, errs, tt.want)
		}
	}
	if out := mustRun(t, dir, "help"); !strings.Contains(out, "用法") {
		t.Errorf("help in Chinese lacks 用法")
	}
}

func TestDataDirFromEnvironment(t *testing.T) {
	setLang(t, "en")
	dir := filepath.Join(t.TempDir(), "from-env")
	t.Setenv("REDRESS_DATA", dir)
	var out, errb bytes.Buffer
	if code := Run([]string{"case", "new", "--title", "t", "--provider", "p", "--problem", "other", "--jurisdiction", "EU"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "redress.db")); err != nil {
		t.Errorf("REDRESS_DATA was not used: %v", err)
	}
}

func TestHelpAndVersion(t *testing.T) {
	setLang(t, "en")
	for _, args := range [][]string{{"help"}, {"--help"}, {}} {
		var out, errb bytes.Buffer
		if code := Run(args, &out, &errb); code != 0 || !strings.Contains(out.String(), "Usage: redress") {
			t.Errorf("Run(%v) = %d, %q", args, code, out.String())
		}
	}
	var out bytes.Buffer
	if code := Run([]string{"version"}, &out, &out); code != 0 || !strings.HasPrefix(out.String(), "redress ") {
		t.Errorf("version = %d, %q", code, out.String())
	}
}
