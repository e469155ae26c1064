//go:build realwin

package realwin

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"redress/internal/testtool"
)

// capturedJSON is an entry as `timeline --json` gives it, with what the
// capture session checks.
type capturedJSON struct {
	Kind    string `json:"kind"`
	Summary string `json:"summary"`
	Email   *struct {
		MessageID string `json:"message_id"`
	} `json:"email"`
	Attachments []struct {
		Name   string `json:"name"`
		SHA256 string `json:"sha256"`
		Width  int    `json:"width"`
		Height int    `json:"height"`
		Taken  *struct {
			Source string `json:"source"`
		} `json:"taken"`
	} `json:"attachments"`
}

// newestScreenshot is the file of the newest screenshot entry.
func newestScreenshot(evs []capturedJSON) (a struct {
	Name   string `json:"name"`
	SHA256 string `json:"sha256"`
	Width  int    `json:"width"`
	Height int    `json:"height"`
	Taken  *struct {
		Source string `json:"source"`
	} `json:"taken"`
}) {
	for _, e := range evs {
		if e.Kind == "screenshot" && len(e.Attachments) > 0 && e.Attachments[0].Taken != nil && e.Attachments[0].Taken.Source == "screen" {
			return e.Attachments[0]
		}
	}
	return a
}

func (r *rig) captured(id string) []capturedJSON {
	var evs []capturedJSON
	if err := json.Unmarshal(r.cli("timeline", id, "--json"), &evs); err != nil {
		r.t.Fatalf("timeline: %v", err)
	}
	return evs
}

// setClipboard makes xclip own the X clipboard with data as target (it stays
// in the foreground, serving the app's requests, until replaced).
func (r *rig) setClipboard(target string, data []byte) {
	r.t.Helper()
	cmd := exec.Command("xclip", "-quiet", "-selection", "clipboard", "-t", target, "-i")
	cmd.Env = r.env
	cmd.Stdin = bytes.NewReader(data)
	if err := cmd.Start(); err != nil {
		r.t.Fatalf("xclip: %v", err)
	}
	r.t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	r.waitFor("xclip owns the clipboard", 10*time.Second, func() bool {
		out := exec.Command("xclip", "-o", "-selection", "clipboard", "-t", "TARGETS")
		out.Env = r.env
		got, _ := out.Output()
		return strings.Contains(string(got), target)
	})
}

// TestCaptureSession is evidence in one step in the real app: a picture on
// the X clipboard pasted with Ctrl+V is stored with the same SHA-256, text
// pasted opens a note, "Take screenshot" stores a picture of the whole
// screen, and emails chosen in the picker through a typed path are
// imported into the right entries. Control positions are window
// coordinates in the 1200×780 main window, read from the screenshots
// (shots/realwin-capture, or $REDRESS_SHOTS/capture).
func TestCaptureSession(t *testing.T) {
	start := time.Now()
	testtool.Need(t, "xclip", "xclip")
	work := t.TempDir()
	shots := os.Getenv("REDRESS_SHOTS")
	if shots == "" {
		shots = filepath.Join("..", "..", "shots", "realwin-capture")
	} else {
		shots = filepath.Join(shots, "capture")
	}
	os.RemoveAll(shots)
	bin := build(t, work)
	r := newRig(t, bin, work, shots)
	mail := filepath.Join(r.home, "mail")
	os.MkdirAll(mail, 0o700)
	for _, n := range []string{"gbk-body.eml", "utf8-attachments.eml", "mailbox.mbox"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "email", "testdata", n))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(mail, n), data, 0o600)
	}
	id := strings.TrimSpace(string(r.cli("case", "new", "--title", "OKPay top-up not credited", "--provider", "OKPay",
		"--problem", "topup-not-credited", "--jurisdiction", "CN", "--name", "Li Wei", "--contact", "li.wei@example.cn")))
	r.start("en", "--case", id)
	r.done("case-open")

	// A picture on the clipboard, Ctrl+V: a screenshot entry with the
	// picture's exact bytes.
	pic := filepath.Join(work, "clip.png")
	writePNG(t, pic)
	data, _ := os.ReadFile(pic)
	sum := sha256.Sum256(data)
	r.setClipboard("image/png", data)
	r.focus()
	r.key("ctrl+v")
	r.waitFor("the pasted picture is stored", 15*time.Second, func() bool { return len(r.captured(id)) == 1 })
	e := r.captured(id)[0]
	if a := e.Attachments[0]; e.Kind != "screenshot" || a.SHA256 != hex.EncodeToString(sum[:]) || a.Taken == nil || a.Taken.Source != "clipboard" {
		r.fail("paste", "stored %+v, want a screenshot with SHA-256 %x pasted from the clipboard", e, sum)
	}
	r.waitChange("the pasted entry is shown", image.Rect(830, 280, 1200, 560))
	r.done("pasted-picture")

	// Text on the clipboard: a note to complete, saved with Ctrl+Enter.
	r.setClipboard("UTF8_STRING", []byte("客服说 24 小时内到账"))
	r.focus()
	r.key("ctrl+v")
	r.waitChange("the note opens", image.Rect(290, 90, 910, 690))
	r.done("pasted-text-note")
	r.key("ctrl+Return")
	r.waitFor("the note is stored", 15*time.Second, func() bool { return len(r.captured(id)) == 2 })
	var note *capturedJSON
	for _, e := range r.captured(id) {
		if e.Kind == "note" {
			note = &e
		}
	}
	if note == nil || note.Summary != "客服说 24 小时内到账" {
		r.fail("pasted note", "note %+v, want the pasted text", note)
	}
	r.waitStable()
	r.done("note-saved")

	// The Paste button does the same as Ctrl+V; closing the note asks
	// first (the pasted text would be lost), and nothing is stored.
	r.click(913, 54)
	r.waitChange("the Paste button opens a note", image.Rect(290, 90, 910, 690))
	r.key("Escape")
	r.waitChange("closing asks first", image.Rect(290, 90, 910, 690))
	r.done("paste-button-discard-question")
	r.key("ctrl+Return") // Discard
	r.waitStable()
	if n := len(r.captured(id)); n != 2 {
		r.fail("discarded note", "%d entries, want 2", n)
	}

	// Take screenshot, cancelled with Esc in the countdown window: the
	// main window comes back and nothing is stored.
	r.click(1030, 54)
	r.waitFor("the countdown window", 10*time.Second, func() bool { return r.windowNamed("Screenshot") != "" })
	r.xdo("windowfocus", "--sync", r.windowNamed("Screenshot"))
	r.key("Escape")
	r.waitFor("the window is back after Cancel", 10*time.Second, func() bool { return r.window() != "" && r.windowNamed("Screenshot") == "" })
	time.Sleep(3 * time.Second) // past the end of the countdown: nothing may be taken
	if n := len(r.captured(id)); n != 2 {
		r.fail("cancelled screenshot", "%d entries, want 2", n)
	}
	r.waitStable()
	r.done("screenshot-cancelled")

	// Take screenshot: the window hides, counts down, captures the screen.
	r.click(1030, 54)
	r.waitFor("the window hides for the countdown", 10*time.Second, func() bool { return r.window() == "" })
	r.waitFor("the screenshot is stored", 20*time.Second, func() bool { return len(r.captured(id)) == 3 })
	r.waitFor("the window is back", 10*time.Second, func() bool { return r.window() != "" })
	if a := newestScreenshot(r.captured(id)); a.Width != screenW || a.Height != screenH || a.Taken == nil || a.Taken.Source != "screen" {
		r.fail("screenshot", "stored %+v, want %d×%d taken from the screen", a, screenW, screenH)
	}
	r.waitStable()
	r.done("screenshot-taken")

	// Emails: the picker, a typed path, three files ticked, then whose
	// addresses are the user's (from the case), Import.
	r.click(1155, 54)
	r.waitChange("the email picker opens", image.Rect(280, 110, 920, 670))
	r.click(318, 185) // up, out of the home folder
	r.waitChange("the parent folder opens", image.Rect(290, 250, 910, 300))
	r.click(352, 226) // the Home shortcut brings it back: its folder "mail"
	r.waitChange("the home folder opens", image.Rect(290, 250, 910, 300))
	r.click(537, 185)
	r.key("ctrl+a")
	r.typ(mail)
	r.key("Return")
	r.waitChange("the typed folder opens", image.Rect(290, 250, 910, 420))
	for _, y := range []int{274, 322, 370} {
		r.click(450, y)
	}
	r.waitStable()
	r.done("email-picker")
	r.click(653, 633) // Import 3 files
	r.waitChange("the email dialog opens", image.Rect(270, 90, 930, 690))
	r.done("email-addresses")
	r.click(634, 653) // Import
	r.waitFor("the messages are stored", 20*time.Second, func() bool { return len(r.captured(id)) == 3+4 })
	r.waitStable()
	r.done("emails-imported")
	got := map[string]string{}
	for _, e := range r.captured(id) {
		if e.Email != nil {
			got[e.Email.MessageID] = e.Kind
		}
	}
	want := map[string]string{"T-8899.1@okpay.example": "response", "li-1@example.cn": "contact",
		"quoting-1@example.cn": "contact", "freeze-7@wallet.example.tw": "response"}
	for k, v := range want {
		if got[k] != v {
			r.fail("emails", "message %s stored as %q, want %q (all: %v)", k, got[k], v, got)
		}
	}
	r.key("Escape")
	r.waitStable()
	r.quit()
	t.Logf("capture session: %d steps in %v", r.step, time.Since(start).Round(time.Second))
}
