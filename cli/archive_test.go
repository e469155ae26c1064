package cli

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"redress/internal/testtool"
	"strings"
	"testing"
)

// seedCase makes a case with history, an archived event, attachments and
// settings, through the CLI and the app layer.
func seedCase(t *testing.T, dir string) string {
	t.Helper()
	id := mustRun(t, dir, "case", "new", "--title", "OKPay 提现延迟", "--provider", "OKPay", "--problem", "withdrawal-delayed",
		"--jurisdiction", "UK", "--amount", "450.00", "--currency", "GBP", "--incident", "2026-11-15", "--account", "GB29NWBK60161331926819")
	mustRun(t, dir, "event", "add", id, "--kind", "transaction", "--txid", "WD-77", "--amount", "450", "--currency", "GBP",
		"--status", "pending", "--at", "2026-11-15T09:00:00Z")
	c := mustRun(t, dir, "event", "add", id, "--kind", "contact", "--channel", "phone", "--agent", "Sam", "--summary", "说三天内到账",
		"--promise-by", "2026-11-18T17:00:00Z", "--at", "2026-11-16T09:00:00Z")
	mustRun(t, dir, "event", "archive", c)
	shot := filepath.Join(t.TempDir(), "提现.png")
	writePNG(t, shot, 20, 40)
	mustRun(t, dir, "attach", id, shot, "--caption", "提现记录")
	mustRun(t, dir, "attach", id, shot, "--caption", "same bytes again")
	return id
}

func TestExportImportRoundTrip(t *testing.T) {
	setLang(t, "en")
	src, dst := t.TempDir(), t.TempDir()
	id := seedCase(t, src)
	zipPath := filepath.Join(t.TempDir(), "case.zip")
	mustRun(t, src, "export", id, "-o", zipPath)
	if out := mustRun(t, src, "verify", zipPath); !strings.Contains(out, "verified") {
		t.Errorf("verify printed %q", out)
	}
	if got := mustRun(t, dst, "import", zipPath); got != id {
		t.Fatalf("import printed %q, want the same case ID %s", got, id)
	}
	want := mustRun(t, src, "timeline", id, "--archived", "--json")
	got := mustRun(t, dst, "timeline", id, "--archived", "--json")
	if got != want {
		t.Errorf("timeline differs after the round trip:\n%s\n---\n%s", want, got)
	}
	if a, b := mustRun(t, src, "case", "show", id, "--json"), mustRun(t, dst, "case", "show", id, "--json"); a != b {
		t.Errorf("case differs:\n%s\n---\n%s", a, b)
	}
	mustRun(t, dst, "verify-log")
	// The same case again is refused, and as a copy it gets new IDs.
	_, errs, code := runCLI(t, dst, "import", zipPath)
	if code != 1 || !strings.Contains(errs, "is already here") {
		t.Errorf("second import: exit %d, %q", code, errs)
	}
	cp := mustRun(t, dst, "import", zipPath, "--as-copy")
	if cp == id || len(cp) != 36 {
		t.Errorf("copy ID = %q", cp)
	}
	if out := mustRun(t, dst, "timeline", cp, "--archived"); !strings.Contains(out, "copy of case "+id) {
		t.Errorf("the copy does not name the original:\n%s", out)
	}
	mustRun(t, dst, "verify-log")
}

func TestRedactedExport(t *testing.T) {
	setLang(t, "en")
	dir := t.TempDir()
	id := seedCase(t, dir)
	zipPath := filepath.Join(t.TempDir(), "r.zip")
	mustRun(t, dir, "export", id, "-o", zipPath, "--redact")
	zr, err := zip.OpenReader(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name != "case.json" {
			continue
		}
		rc, _ := f.Open()
		var d map[string]any
		json.NewDecoder(rc).Decode(&d)
		rc.Close()
		b, _ := json.Marshal(d)
		if strings.Contains(string(b), "60161331926819") || !strings.Contains(string(b), "6819") || d["redacted"] != true {
			t.Errorf("redacted case.json still holds the account number: %s", b)
		}
	}
}

func TestImportRefusesHostileArchivesAndChangesNothing(t *testing.T) {
	setLang(t, "en")
	dir := t.TempDir()
	seedCase(t, dir)
	before := dump(t, dir)
	files := t.TempDir()
	write := func(name string, entries map[string]string) string {
		p := filepath.Join(files, name)
		f, _ := os.Create(p)
		zw := zip.NewWriter(f)
		for n, body := range entries {
			w, _ := zw.Create(n)
			w.Write([]byte(body))
		}
		zw.Close()
		f.Close()
		return p
	}
	notZip := filepath.Join(files, "notes.zip")
	os.WriteFile(notZip, []byte("hello"), 0o600)
	tests := []struct {
		name, file, want string
	}{
		{"not a zip", notZip, ""},
		{"path traversal", write("evil.zip", map[string]string{"../../etc/passwd": "x", "manifest.json": "{}"}), ""},
		{"no manifest", write("nomanifest.zip", map[string]string{"case.json": "{}"}), ""},
		{"missing file", filepath.Join(files, "absent.zip"), "does not exist"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, code := runCLI(t, dir, "import", tt.file)
			if code != 1 || out != "" || strings.Count(strings.TrimSpace(errs), "\n") != 0 || !strings.Contains(errs, tt.want) {
				t.Errorf("import %s = exit %d, out %q, err %q", tt.name, code, out, errs)
			}
			if strings.Contains(errs, "bundle:") || strings.Contains(errs, "unexpected") {
				t.Errorf("the message is not a plain sentence: %q", errs)
			}
			if dump(t, dir) != before {
				t.Error("the database changed")
			}
		})
	}
}

func TestNextCommand(t *testing.T) {
	setLang(t, "en")
	dir := t.TempDir()
	id := seedCase(t, dir)
	out := mustRun(t, dir, "next", id)
	for _, want := range []string{"OKPay 提现延迟", "Where it stands:", "Next step:", "Deadlines:", "Promise not kept", "Evidence:",
		"Your rights:", "Where to complain:", "not legal advice"} {
		if !strings.Contains(out, want) {
			t.Errorf("next lacks %q:\n%s", want, out)
		}
	}
	var reps []map[string]any
	if err := json.Unmarshal([]byte(mustRun(t, dir, "next", "--json")), &reps); err != nil || len(reps) != 1 {
		t.Fatalf("next --json = %v, %v", reps, err)
	}
	dls, _ := reps[0]["deadlines"].([]any)
	if len(dls) == 0 {
		t.Fatalf("no deadlines in %v", reps[0])
	}
	first := dls[0].(map[string]any)
	if due, _ := first["due"].(string); len(due) != 10 || first["status"] == "" {
		t.Errorf("deadline JSON = %v", first)
	}
	setLang(t, "zh")
	if out := mustRun(t, dir, "next", id); !strings.Contains(out, "下一步") {
		t.Errorf("Chinese next:\n%s", out)
	}
}

func TestDossierCommand(t *testing.T) {
	setLang(t, "en")
	dir := t.TempDir()
	id := seedCase(t, dir)
	broken := filepath.Join(t.TempDir(), "broken.png")
	good := filepath.Join(t.TempDir(), "good.png")
	b := writePNG(t, good, 30, 30)
	os.WriteFile(broken, b[:len(b)/2], 0o600)
	mustRun(t, dir, "attach", id, broken, "--caption", "half a file")
	out := filepath.Join(t.TempDir(), "d.pdf")
	stdout, stderr, code := runCLI(t, dir, "dossier", id, "--to", "regulator", "--redact", "-o", out, "--sent", "--method", "email")
	if code != 0 || !strings.Contains(stdout, "Dossier saved: "+out) || !strings.Contains(stdout, "Recorded in the timeline") {
		t.Fatalf("dossier: exit %d, out %q, err %q", code, stdout, stderr)
	}
	if !strings.Contains(stderr, "broken.png") || !strings.Contains(stderr, "the picture file is damaged") {
		t.Errorf("the damaged exhibit is not reported plainly: %q", stderr)
	}
	if head, _ := os.ReadFile(out); !strings.HasPrefix(string(head), "%PDF-") {
		t.Fatal("no PDF written")
	}
	if v := mustRun(t, dir, "verify", out); !strings.Contains(v, "verified") {
		t.Errorf("verify of the dossier: %q", v)
	}
	if tl := mustRun(t, dir, "timeline", id, "--kind", "letter"); !strings.Contains(tl, "Dossier sent") {
		t.Errorf("no letter event for the sent dossier:\n%s", tl)
	}
	testtool.CheckPDF(t, out)
	_, errs, code := runCLI(t, dir, "dossier", id, "--to", "police", "-o", out)
	if code != 2 || !strings.Contains(errs, "Recipient \"police\"") {
		t.Errorf("bad recipient: exit %d, %q", code, errs)
	}
	// An existing file is never overwritten.
	before, _ := os.ReadFile(out)
	_, errs, code = runCLI(t, dir, "dossier", id, "-o", out)
	after, _ := os.ReadFile(out)
	if code != 1 || !strings.Contains(errs, out+" already exists") || !bytes.Equal(before, after) {
		t.Errorf("dossier -o EXISTING: exit %d, %q, file changed %v; want exit 1, a sentence naming the file, the file untouched",
			code, errs, !bytes.Equal(before, after))
	}
}

// TestLetterChannel records how letters were sent and reads it back.
func TestLetterChannel(t *testing.T) {
	setLang(t, "en")
	dir := t.TempDir()
	id := seedCase(t, dir)
	for _, tc := range []struct {
		channel string
		code    int
		shown   string
	}{
		{"email", 0, "Letter sent/Email"},
		{"app-form", 0, "Letter sent/In-app complaint form"},
		{"letter", 0, "Letter sent/Letter by post"},
		{"fax", 0, "Letter sent/Fax"},
		{"phone", 2, ""}, // a contact channel, not a way to send a letter
	} {
		t.Run(tc.channel, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, dir, "event", "add", id, "--kind", "letter", "--channel", tc.channel, "--summary", "complaint "+tc.channel)
			if code != tc.code {
				t.Fatalf("event add --kind letter --channel %s: exit %d, want %d (%q %q)", tc.channel, code, tc.code, stdout, stderr)
			}
			if tc.code != 0 {
				if !strings.Contains(stderr, "Channel") {
					t.Errorf("refusal does not name the field: %q", stderr)
				}
				return
			}
			if tl := mustRun(t, dir, "timeline", id, "--kind", "letter"); !strings.Contains(tl, tc.shown) {
				t.Errorf("timeline lacks %q:\n%s", tc.shown, tl)
			}
		})
	}
	// --method with a channel's name is that channel (so a Chinese letter
	// says 电子邮件, not "email"); other text stays the method.
	for _, tc := range []struct{ method, channel, rest string }{
		{"Email", "email", ""}, {"fax", "fax", ""}, {"registered post", "", "registered post"},
	} {
		e := strings.TrimSpace(mustRun(t, dir, "event", "add", id, "--kind", "letter", "--method", tc.method))
		var got struct {
			Letter struct{ Channel, Method string } `json:"letter"`
		}
		if err := json.Unmarshal([]byte(mustRun(t, dir, "event", "show", e, "--json")), &got); err != nil {
			t.Fatal(err)
		}
		if got.Letter.Channel != tc.channel || got.Letter.Method != tc.rest {
			t.Errorf("--method %q stored channel %q method %q; want %q %q", tc.method, got.Letter.Channel, got.Letter.Method, tc.channel, tc.rest)
		}
	}
}
