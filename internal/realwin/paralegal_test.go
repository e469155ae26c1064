//go:build realwin

package realwin

import (
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

// TestParalegalWindow is a paralegal's session in the real app (issue 14):
// set up the representative's profile, create a client from the new-case
// form and a UK case for them, open the form answers and copy an answer
// (read back from the X clipboard with xclip), then make a regulator
// dossier with one entry left out, written on the client's behalf
// (checked with pdftotext), a records request saved and sent, a letter of
// authority, and the paralegal's own copy of the dossier. Control
// positions are window coordinates in the 1200×780 main window, read from
// its screenshots.
func TestParalegalWindow(t *testing.T) {
	start := time.Now()
	work := t.TempDir()
	// Not under shots/realwin: the main session clears that folder.
	shots := os.Getenv("REDRESS_SHOTS")
	if shots == "" {
		shots = filepath.Join("..", "..", "shots", "realwin-paralegal")
	} else {
		shots = filepath.Join(shots, "paralegal")
	}
	os.RemoveAll(shots)
	testtool.Need(t, "xclip", "xclip")
	bin := build(t, work)
	r := newRig(t, bin, work, shots)

	// The profile, typed into its dialog: Tab moves from field to field,
	// Ctrl+Enter saves.
	r.start("en", "--show", "profile")
	r.done("profile-form")
	r.typ("Li Jing")
	for _, v := range []string{"Mingli Legal Services", "paralegal", "88 Century Avenue, Shanghai", "200120", "021-5555 0101",
		"lijing@example.cn", "ML-2026-014"} {
		r.key("Tab")
		r.typ(v)
	}
	r.waitStable()
	r.done("profile-typed")
	r.key("ctrl+Return")
	r.waitFor("the profile is stored", 10*time.Second, func() bool {
		return strings.Contains(string(r.cli("profile", "show", "--json")), `"reference": "ML-2026-014"`)
	})
	var prof struct{ Name, Firm, Email string }
	json.Unmarshal(r.cli("profile", "show", "--json"), &prof)
	if prof.Name != "Li Jing" || prof.Firm != "Mingli Legal Services" || prof.Email != "lijing@example.cn" {
		r.fail("profile", "stored %+v", prof)
	}
	r.waitStable()
	r.done("profile-saved")

	// A new case; its client made with the + beside the client picker.
	r.click(330, 50) // "New case"
	r.waitChange("the new-case form opens", image.Rect(280, 70, 920, 700))
	r.typ("QuickPay withdrawal stuck")
	r.click(640, 186)
	r.typ("QuickPay")
	r.choose("problem", 660, 226, 10, 1)     // Withdrawal delayed
	r.choose("jurisdiction", 660, 266, 5, 2) // United Kingdom
	r.click(881, 467)                        // + (new client)
	r.waitChange("the client form opens", image.Rect(290, 70, 910, 710))
	r.done("client-form")
	r.typ("Margaret Lee")
	for _, v := range []string{"07700 900123", "m.lee@example.co.uk", "4 Mill Lane, Leeds", "LS1 4AB"} {
		r.key("Tab")
		r.typ(v)
	}
	r.key("ctrl+Return")
	r.waitFor("the client is stored", 10*time.Second, func() bool {
		return strings.Contains(string(r.cli("client", "list")), "Margaret Lee")
	})
	r.waitStable()
	r.done("client-chosen")
	r.click(632, 673) // Save the case
	r.waitFor("the case is stored", 10*time.Second, func() bool { return len(r.cases()) == 1 })
	var c struct {
		ID          string `json:"id"`
		ClientID    string `json:"client_id"`
		Represented bool   `json:"represented"`
		Complainant struct {
			Name, Postcode string
		} `json:"complainant"`
	}
	json.Unmarshal(r.cli("case", "show", r.cases()[0].ID, "--json"), &c)
	if c.ClientID == "" || !c.Represented || c.Complainant.Name != "Margaret Lee" || c.Complainant.Postcode != "LS1 4AB" {
		r.fail("case for the client", "stored %+v", c)
	}
	r.waitStable()
	r.key("Escape") // the self-check list
	r.waitStable()
	// Two entries, added from the command line; one will be left out.
	r.cli("event", "add", c.ID[:8], "--kind", "contact", "--channel", "chat", "--at", "2026-10-03 09:00",
		"--summary", "Agent said the withdrawal is under review")
	r.cli("event", "add", c.ID[:8], "--kind", "contact", "--channel", "phone", "--at", "2026-10-04 09:00",
		"--summary", "LEAVEOUT call about fees")
	r.done("case-for-client")

	// Forms & letters → Form answers; Copy the name.
	r.click(1070, 214) // Forms & letters
	r.waitChange("the Forms & letters menu opens", image.Rect(860, 225, 1200, 360))
	r.done("forms-letters-menu")
	r.click(1070, 248) // Form answers
	r.waitChange("the form answers open", image.Rect(170, 50, 1030, 730))
	r.done("form-answers")
	r.click(967, 453) // Copy (first name and surname)
	r.waitChange("the copy is confirmed", image.Rect(170, 640, 1030, 700))
	clip := exec.Command("xclip", "-o", "-selection", "clipboard")
	clip.Env = r.env
	if out, err := clip.Output(); err != nil || string(out) != "Margaret Lee" {
		r.fail("copy", "the clipboard holds %q (%v), want Margaret Lee", out, err)
	}
	r.done("copied")
	r.key("Escape")
	r.waitStable()

	// Forms & letters → Records request: Create PDF (Ctrl+Enter) offers the
	// data folder's Dossiers folder; "I sent it" starts the reply clock.
	dossiers := filepath.Join(r.data, "Dossiers")
	// saved waits for the save dialog, presses Save and returns the one
	// file in Dossiers that matches pattern, once it is in place.
	saved := func(what, pattern string) string {
		r.waitChange("the save dialog opens", image.Rect(200, 110, 1000, 670))
		r.click(965, 649) // Save
		var path string
		r.waitFor(what, 60*time.Second, func() bool {
			m, _ := filepath.Glob(filepath.Join(dossiers, pattern))
			if len(m) == 1 {
				path = m[0]
			}
			return path != ""
		})
		r.waitStable()
		time.Sleep(500 * time.Millisecond) // the file is renamed into place whole; let it settle
		return path
	}
	// pdfText is the PDF's text, runs of spaces and line breaks as one space.
	pdfText := func(what, path string) string {
		out, err := exec.Command("pdftotext", "-enc", "UTF-8", "-raw", path, "-").Output()
		if err != nil {
			r.fail(what, "pdftotext: %v", err)
		}
		return strings.Join(strings.Fields(string(out)), " ")
	}
	r.click(1070, 214)
	r.waitChange("the Forms & letters menu opens", image.Rect(860, 225, 1200, 360))
	r.click(1070, 284) // Records request
	r.waitChange("the records request opens", image.Rect(170, 50, 1030, 730))
	r.done("records-request")
	r.key("ctrl+Return") // Create PDF
	saved("the records request PDF in Dossiers", "*-records-*.pdf")
	r.done("records-saved")
	r.click(634, 246) // I sent it
	r.waitFor("the request is in the timeline", 10*time.Second, func() bool {
		return strings.Contains(string(r.cli("timeline", c.ID[:8], "--kind", "letter", "--json")), `"records-request"`)
	})
	r.waitStable()
	r.done("records-sent")
	r.key("Escape")
	r.waitStable()

	// Forms & letters → Letter of authority, written for the client to sign.
	r.click(1070, 214)
	r.waitChange("the Forms & letters menu opens", image.Rect(860, 225, 1200, 360))
	r.click(1070, 320) // Letter of authority
	r.waitChange("the letter of authority opens", image.Rect(170, 50, 1030, 730))
	r.done("authority")
	r.key("ctrl+Return") // Create PDF
	auth := saved("the letter of authority PDF in Dossiers", "*-authority*.pdf")
	r.done("authority-saved")
	if text := pdfText("letter of authority", auth); !strings.Contains(text, "Margaret Lee") || !strings.Contains(text, "Li Jing") {
		r.fail("letter of authority", "the PDF lacks the client or the representative:\n%s", text)
	}
	r.key("Escape")
	r.waitStable()

	// A regulator dossier with one entry left out.
	r.click(551, 214) // Create dossier
	r.waitChange("the dossier panel opens", image.Rect(220, 50, 980, 730))
	r.choose("recipient", 670, 125, 3, 2) // Regulator
	r.click(880, 347)                     // Choose entries… (below the warning)
	r.waitChange("the entries open", image.Rect(240, 80, 960, 700))
	r.done("entries")
	r.click(500, 410) // the second entry: the call about fees
	r.waitChange("the entry is left out", image.Rect(240, 80, 960, 700))
	r.done("entry-left-out")
	r.key("ctrl+Return") // keep the choice
	r.waitChange("the entries close", image.Rect(240, 80, 960, 700))
	r.done("dossier-panel")
	r.click(647, 693) // Create PDF
	// No formal complaint is recorded: the app asks before writing to the
	// regulator.
	r.waitChange("the before-you-send question", image.Rect(320, 200, 880, 580))
	r.done("before-sending")
	r.click(660, 543) // Create anyway
	pdf := saved("the regulator dossier", "*-regulator-*.pdf")
	r.done("dossier-made")
	text := pdfText("dossier", pdf)
	if strings.Contains(text, "LEAVEOUT") {
		r.fail("dossier", "the entry left out is in the PDF")
	}
	for _, want := range []string{"on behalf of my client, Margaret Lee", "Agent said the withdrawal is under review",
		"Appendix — answers for Financial Ombudsman Service"} {
		if !strings.Contains(text, want) {
			r.fail("dossier", "the PDF lacks %q", want)
		}
	}
	r.key("Escape")
	r.waitStable()

	// The paralegal's own copy: "My own copy" ticked, no question before
	// sending, a file named as an own copy, marked on its pages.
	r.click(551, 214) // Create dossier
	r.waitChange("the dossier panel opens", image.Rect(220, 50, 980, 730))
	r.click(716, 246) // My own copy (not to send)
	r.waitChange("the own copy is explained", image.Rect(220, 600, 980, 680))
	r.done("own-copy-ticked")
	r.key("ctrl+Return") // Create PDF: straight to the save dialog
	own := saved("the own copy", "*-own-copy-*.pdf")
	r.done("own-copy-made")
	if !strings.Contains(pdfText("own copy", own), "Your own copy — do not send.") {
		r.fail("own copy", "the PDF does not say it is an own copy")
	}
	r.key("Escape")
	r.waitStable()
	r.quit()
	t.Logf("paralegal session: %d steps in %v", r.step, time.Since(start).Round(time.Second))
}
