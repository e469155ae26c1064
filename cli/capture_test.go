package cli

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"redress/screen"
)

func newCase(t *testing.T, dir string, extra ...string) string {
	t.Helper()
	return mustRun(t, dir, append([]string{"case", "new", "--title", "充值未到账", "--provider", "OKPay",
		"--problem", "topup-not-credited", "--jurisdiction", "CN"}, extra...)...)
}

func TestAttachFromClipboard(t *testing.T) {
	setLang(t, "en")
	dir := t.TempDir()
	id := newCase(t, dir)
	png := writePNG(t, filepath.Join(t.TempDir(), "shot.png"), 40, 30)
	sum := sha256.Sum256(png)
	tests := []struct {
		name     string
		clip     screen.Clip
		err      error
		code     int
		wantErr  string // in stderr
		wantNote string // the capture-time line of `event show`
	}{
		{"PNG", screen.Clip{PNG: png, Received: png, From: "image/png"}, nil, 0, "", "PNG bytes kept exactly as received"},
		{"bitmap", screen.Clip{PNG: png, From: "image/bmp", Converted: true}, nil, 0, "as image/bmp, not PNG", "it came as image/bmp"},
		{"text", screen.Clip{Text: "客服说 24 小时内到账"}, nil, 1, "holds text, not a picture", ""},
		{"empty", screen.Clip{}, &screen.Error{Problem: screen.ProblemClipEmpty}, 1, "no picture or text", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			readClipboard = func() (screen.Clip, error) { return tt.clip, tt.err }
			t.Cleanup(func() { readClipboard = screen.Clipboard })
			out, errs, code := runCLI(t, dir, "attach", id[:8], "--from-clipboard", "--caption", "充值页面")
			if code != tt.code || !strings.Contains(errs, tt.wantErr) {
				t.Fatalf("attach --from-clipboard = exit %d, stderr %q; want %d with %q", code, errs, tt.code, tt.wantErr)
			}
			if tt.code != 0 {
				return
			}
			ev := strings.TrimSpace(out)
			var e struct {
				Kind        string `json:"kind"`
				Attachments []struct {
					SHA256 string `json:"sha256"`
					Taken  struct {
						Source string `json:"source"`
					} `json:"taken"`
				} `json:"attachments"`
			}
			if err := json.Unmarshal([]byte(mustRun(t, dir, "event", "show", ev, "--json")), &e); err != nil {
				t.Fatal(err)
			}
			if e.Kind != "screenshot" || e.Attachments[0].SHA256 != hex.EncodeToString(sum[:]) || e.Attachments[0].Taken.Source != "clipboard" {
				t.Errorf("stored %+v, want a screenshot with SHA-256 %x pasted from the clipboard", e, sum)
			}
			if show := mustRun(t, dir, "event", "show", ev); !strings.Contains(show, tt.wantNote) {
				t.Errorf("event show lacks %q:\n%s", tt.wantNote, show)
			}
		})
	}
	if _, errs, code := runCLI(t, dir, "attach", id[:8], "x.png", "--from-clipboard"); code != 2 || !strings.Contains(errs, "x.png") {
		t.Errorf("attach FILE --from-clipboard = exit %d %q, want 2 naming the extra file", code, errs)
	}
}

func TestImportEmailCommand(t *testing.T) {
	setLang(t, "en")
	dir := t.TempDir()
	id := newCase(t, dir, "--contact", "li.wei@example.cn")
	src := filepath.Join("..", "email", "testdata")
	files := []string{filepath.Join(src, "gbk-body.eml"), filepath.Join(src, "utf8-attachments.eml"), filepath.Join(src, "mailbox.mbox")}
	out, errs, code := runCLI(t, dir, append([]string{"import-email", id[:8]}, files...)...)
	// Message 3 of the mailbox is not an email: said on stderr, exit 1,
	// everything else stored.
	if code != 1 || !strings.Contains(errs, "message 3 in \"mailbox.mbox\"") {
		t.Fatalf("import-email = exit %d, stderr %q", code, errs)
	}
	for _, want := range []string{"gbk-body.eml  added", "utf8-attachments.eml  added", "mailbox.mbox #1  already in the case as", "mailbox.mbox #4  added"} {
		if !strings.Contains(out, want) {
			t.Errorf("import-email output lacks %q:\n%s", want, out)
		}
	}
	var tl []struct {
		Kind  string `json:"kind"`
		Email *struct {
			MessageID string `json:"message_id"`
		} `json:"email"`
		Attachments []struct {
			Name string `json:"name"`
		} `json:"attachments"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, dir, "timeline", id[:8], "--json", "--oldest")), &tl); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range tl {
		got = append(got, e.Kind+" "+e.Email.MessageID+" "+e.Attachments[0].Name)
	}
	want := "response T-8899.1@okpay.example gbk-body.eml|contact li-1@example.cn utf8-attachments.eml|" +
		"response freeze-7@wallet.example.tw mailbox-4.eml|contact quoting-1@example.cn mailbox-2.eml"
	if strings.Join(got, "|") != want {
		t.Errorf("timeline = %s\nwant %s", strings.Join(got, "|"), want)
	}
	// Again, as JSON: everything is a duplicate.
	out, _, _ = runCLI(t, dir, "import-email", id[:8], files[0], "--json")
	var res []mailJSON
	if err := json.Unmarshal([]byte(out), &res); err != nil || len(res) != 1 || res[0].Messages[0].DuplicateOf == "" {
		t.Errorf("import-email --json again = %s (%v)", out, err)
	}
	orig, _ := os.ReadFile(files[0])
	stored := mustRun(t, dir, "event", "show", res[0].Messages[0].DuplicateOf, "--json")
	if !strings.Contains(stored, `"media_type": "message/rfc822"`) || !bytes.Contains([]byte(stored), []byte(hexSum(orig))) {
		t.Errorf("the .eml exhibit is not the file byte for byte:\n%s", stored)
	}
	if _, errs, code := runCLI(t, dir, "import-email", id[:8], files[0], "--me", "nobody"); code != 2 || !strings.Contains(errs, "\"nobody\" is not an email address") {
		t.Errorf("--me nobody = exit %d %q", code, errs)
	}
}

func hexSum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}
