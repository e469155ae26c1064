//go:build realwin

package realwin

import (
	"encoding/json"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"redress/internal/testtool"
)

// TestRealWindowLaw is the law and the public step in the real app: a
// Chinese top-up case whose formal complaint went unanswered for 30 days.
// The status panel shows the ladder with the 12315 rung and, scrolled
// with the mouse wheel, "Your rights"; the public post's draft opens from
// the case's actions, switches to English with its dropdown, is copied to
// the clipboard and recorded with "I posted it" (read back through the
// CLI: a social contact tagged public with its link); a body is picked
// for the regulator with its exact name, and the letter of the dossier
// made through the save dialog names it (pdftotext). Then the same in
// Chinese. Screenshots: shots/lawui (or $REDRESS_SHOTS/lawui).
func TestRealWindowLaw(t *testing.T) {
	start := time.Now()
	work := t.TempDir()
	shots := os.Getenv("REDRESS_SHOTS")
	if shots == "" {
		shots = filepath.Join("..", "..", "shots")
	}
	shots = filepath.Join(shots, "lawui")
	os.RemoveAll(shots)
	testtool.Need(t, "xclip", "xclip")
	testtool.Need(t, "poppler-utils", "pdftotext")
	bin := build(t, work)
	r := newRig(t, bin, work, shots)

	ago := func(days int) string { return time.Now().UTC().AddDate(0, 0, -days).Format(time.RFC3339) }
	id := strings.TrimSpace(string(r.cli("case", "new", "--title", "OKPay top-up not credited", "--provider", "OKPay",
		"--problem", "topup-not-credited", "--jurisdiction", "CN", "--amount", "1280.00", "--currency", "CNY",
		"--incident", time.Now().UTC().AddDate(0, 0, -40).Format("2006-01-02"), "--lang", "zh")))
	r.cli("event", "add", id, "--kind", "contact", "--channel", "chat", "--agent", "王小姐 #1024", "--ref", "T-8899",
		"--summary", "客服说 24 小时内到账", "--promise-by", ago(39), "--at", ago(40))
	r.cli("event", "add", id, "--kind", "letter", "--to", "provider", "--at", ago(30))

	r.start("en", "--case", id)
	r.done("status-en")
	// "Your rights", further down the status panel: the mouse wheel.
	r.scrollStatus(40)
	r.done("your-rights-en")

	// The public post's draft, from the case's actions.
	r.click(939, 178) // Public post (after Archive)
	r.waitChange("the draft opens", image.Rect(80, 40, 1120, 740))
	r.done("post-draft-zh-text")
	r.choose("post language", 466, 115, 2, 1) // English
	r.done("post-draft-en-text")
	r.click(137, 622) // Copy
	r.waitFor("the draft on the clipboard", 10*time.Second, func() bool {
		return strings.Contains(r.readClipboard(), "I topped up ¥1,280 to my OKPay account")
	})
	r.click(485, 622) // I posted it…
	r.waitChange("the I-posted-it form", image.Rect(290, 150, 910, 630))
	r.typ("https://weibo.com/okpay/123") // the link has the cursor
	r.done("i-posted-it")
	r.key("ctrl+Return") // Record the post
	r.waitFor("the post is recorded", 10*time.Second, func() bool { return r.publicPost(id) != nil })
	p := r.publicPost(id)
	if p.Reference != "https://weibo.com/okpay/123" || p.Contact.Direction != "outbound" || !strings.Contains(p.Summary, "I topped up") {
		r.fail("I posted it", "stored %+v", p)
	}
	r.waitStable()
	r.done("posted")

	// Where to complain: the regulator's body, with its exact name.
	r.scrollStatus(40)
	r.done("where-to-complain")
	r.click(906, 498) // the regulator's "Choose where…" (below the warning asking for the city)
	r.waitChange("the body picker opens", image.Rect(260, 70, 940, 710))
	r.done("body-picker")
	r.click(295, 262) // 12315 platform
	r.waitChange("12315 is described", image.Rect(280, 320, 920, 440))
	r.done("body-picker-12315")
	const name, address = "Xihu District Market Regulation Bureau", "1 Wensan Road, Hangzhou"
	r.click(670, 470) // Exact name
	r.typ(name)
	r.click(670, 520) // Its address
	r.typ(address)
	r.done("body-picker-typed")
	r.click(632, 673) // Save
	r.waitFor("the body is stored", 10*time.Second, func() bool { return r.chosenBody(id, "regulator") == "cn.12315="+name })
	r.waitStable()
	r.done("body-chosen")

	// The regulator's letter names it: in the dossier panel and in the PDF
	// made through the save dialog.
	r.click(551, 178) // Create dossier
	r.waitChange("the dossier panel opens", image.Rect(220, 50, 980, 730))
	r.choose("recipient", 670, 125, 3, 2) // Regulator
	r.done("dossier-regulator")
	r.click(647, 693) // Create PDF: no warning here (the complaint's 15 days are over)
	r.waitChange("the save dialog opens", image.Rect(200, 110, 1000, 670))
	r.click(965, 649) // Save
	var pdf string
	r.waitFor("the regulator dossier", 60*time.Second, func() bool {
		m, _ := filepath.Glob(filepath.Join(r.data, "Dossiers", "*-regulator-*.pdf"))
		if len(m) == 1 {
			pdf = m[0]
		}
		return pdf != ""
	})
	r.waitChange("the dossier is reported", image.Rect(260, 220, 940, 560))
	r.done("dossier-made")
	var text []byte
	r.waitFor("the PDF is readable", 20*time.Second, func() bool {
		out, err := exec.Command("pdftotext", "-raw", pdf, "-").Output()
		text = out
		return err == nil && len(out) > 0
	})
	if flat := strings.Join(strings.Fields(string(text)), " "); !strings.Contains(flat, name) || !strings.Contains(flat, address) {
		r.fail("dossier", "the regulator letter does not name %q at %q:\n%s", name, address, text)
	}
	r.click(599, 523) // Close
	r.waitChange("the report closes", image.Rect(260, 220, 940, 560))
	r.quit()

	// In Chinese: the status panel at "Your rights".
	r.start("zh", "--case", id, "--show", "rights")
	r.done("your-rights-zh")
	r.quit()
	t.Logf("law session: %d steps in %v", r.step, time.Since(start).Round(time.Second))
}

// scrollStatus turns the mouse wheel n clicks down over the status panel.
func (r *rig) scrollStatus(n int) {
	r.t.Helper()
	r.xdo("mousemove", "--sync", "1000", "560")
	r.xdo("click", "--repeat", strconv.Itoa(n), "--delay", "30", "5")
	r.waitChange("the status panel scrolls", image.Rect(830, 240, 1195, 775))
}

// readClipboard is what the app put on the clipboard.
func (r *rig) readClipboard() string {
	cmd := exec.Command("xclip", "-o", "-selection", "clipboard")
	cmd.Env = r.env
	out, _ := cmd.Output()
	return string(out)
}

// chosenBody is "ID=name" of the body letters to party go to, read
// through the CLI.
func (r *rig) chosenBody(id, party string) string {
	var out struct {
		Bodies []struct {
			ID     string `json:"id"`
			Party  string `json:"party"`
			Chosen bool   `json:"chosen"`
			Name   string `json:"name"`
		} `json:"bodies"`
	}
	if err := json.Unmarshal(r.cli("bodies", id, "--json"), &out); err != nil {
		r.t.Fatalf("bodies: %v", err)
	}
	for _, b := range out.Bodies {
		if b.Party == party && b.Chosen {
			return b.ID + "=" + b.Name
		}
	}
	return ""
}

// postJSON is a recorded public post as `timeline --json` gives it.
type postJSON struct {
	Kind      string   `json:"kind"`
	Summary   string   `json:"summary"`
	Reference string   `json:"reference"`
	Tags      []string `json:"tags"`
	Contact   *struct {
		Channel   string `json:"channel"`
		Direction string `json:"direction"`
	} `json:"contact"`
}

// publicPost returns the case's recorded public post, if any.
func (r *rig) publicPost(id string) *postJSON {
	var evs []postJSON
	if err := json.Unmarshal(r.cli("timeline", id, "--json"), &evs); err != nil {
		r.t.Fatalf("timeline: %v", err)
	}
	for i, e := range evs {
		if e.Kind == "contact" && e.Contact != nil && e.Contact.Channel == "social" && len(e.Tags) == 1 && e.Tags[0] == "public" {
			return &evs[i]
		}
	}
	return nil
}
