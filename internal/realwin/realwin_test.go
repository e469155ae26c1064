//go:build realwin

package realwin

import (
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestRealWindow is a new user's session in the real app, with the mouse
// and the keyboard: create a case choosing from every dropdown, pick dates
// from the calendar, add a contact, a note (Esc asks first), a live call,
// open the menus, change the language and theme, back up and restore,
// attach a file through the picker, open it in the viewer, make a dossier
// for each recipient through the save dialog, archive and restore the case,
// export it and verify the archive through the open dialog, read About,
// quit; then start again in the language chosen. After every step the app
// must be alive, its log free of panics, its window within the screen, and
// the screen or the data must show what the step did. A screenshot of
// every step is kept in shots/realwin (or $REDRESS_SHOTS).
//
// Control positions are window coordinates in the 1200×780 main window,
// read from its screenshots; a step that misses its control fails on the
// check that follows it, with the screenshot.
func TestRealWindow(t *testing.T) {
	start := time.Now()
	work := t.TempDir()
	shots := os.Getenv("REDRESS_SHOTS")
	if shots == "" {
		shots = filepath.Join("..", "..", "shots", "realwin")
	}
	os.RemoveAll(shots)
	bin := build(t, work)
	r := newRig(t, bin, work, shots)
	// A picture to attach, in the home folder where the picker starts.
	writePNG(t, filepath.Join(r.home, "receipt.png"))

	r.start("en")
	if id := r.window(); id != "" {
		if x, y, w, h := r.geometry(id); x != 0 || y != 0 || w != winW || h != winH {
			t.Fatalf("main window at %d,%d size %d×%d, want 0,0 and %d×%d", x, y, w, h, winW, winH)
		}
	}
	r.done("first-run")

	// New case, every dropdown chosen with the mouse.
	r.click(330, 50) // "New case" above the case list
	r.waitChange("the new-case form opens", image.Rect(280, 70, 920, 700))
	r.done("new-case-form")
	r.typ("Withdrawal stuck at PayNow") // the title has the cursor
	r.click(640, 186)
	r.typ("PayNow")
	r.waitStable()
	r.done("typed-title-provider")
	r.choose("problem", 660, 226, 10, 1) // Withdrawal delayed
	r.done("chose-problem")
	r.choose("jurisdiction", 660, 266, 5, 2) // United Kingdom: GBP and English follow
	r.done("chose-jurisdiction")
	r.click(600, 347)
	r.typ("450")
	// The incident date from the calendar: the previous month, a day in
	// its third week (always in the past).
	r.click(881, 387)
	r.waitChange("the calendar opens", image.Rect(430, 400, 720, 730))
	r.done("calendar")
	r.click(450, 427) // previous month
	r.waitChange("the calendar turns", image.Rect(430, 400, 720, 730))
	r.click(450, 588)
	r.waitChange("the calendar closes", image.Rect(430, 400, 720, 730))
	r.done("picked-incident-date")
	r.click(632, 673) // Save
	r.waitFor("the case is stored", 10*time.Second, func() bool { return len(r.cases()) == 1 })
	c := r.cases()[0]
	switch {
	case c.Title != "Withdrawal stuck at PayNow", c.Problem != "withdrawal-delayed", c.Jurisdiction != "UK":
		r.fail("new case", "stored %+v", c)
	case c.Amount.Minor != 45000 || c.Amount.Currency != "GBP":
		r.fail("new case", "amount %+v, want 450.00 GBP (currency from the jurisdiction)", c.Amount)
	case c.Language != "en":
		r.fail("new case", "letter language %q, want en for a UK case", c.Language)
	case len(c.Incident) != 10:
		r.fail("new case", "incident date %q not picked from the calendar", c.Incident)
	}
	r.waitStable()
	r.done("case-saved-self-check")

	// The self-check list: tick one, close.
	r.click(375, 326)
	r.waitFor("the self-check is recorded", 10*time.Second, func() bool { return len(r.timeline(c.ID)) == 1 })
	r.click(599, 553)
	r.waitStable()
	r.done("self-check-ticked")

	// A contact: channel from its dropdown, a checklist item from the
	// translated list instead of a tag code.
	r.click(760, 138)
	r.waitChange("the contact form opens", image.Rect(290, 90, 910, 690))
	r.typ("Agent said the money is on its way") // "what was said" has the cursor
	r.choose("channel", 670, 206, 7, 2)         // Email
	r.choose("counts as evidence for", 670, 608, 5, 4)
	r.done("contact-form")
	r.click(632, 653)
	r.waitFor("the contact is stored", 10*time.Second, func() bool { return len(r.timeline(c.ID)) == 2 })
	if e := find(r.timeline(c.ID), "Agent said the money is on its way"); e == nil || e.Contact == nil || e.Contact.Channel != "email" || len(e.Tags) == 0 {
		r.fail("contact", "stored %+v", e)
	}
	r.waitStable()
	r.done("contact-saved")

	// Call mode: the cursor is in the agent field at once; Tab moves on;
	// Tab in the notes moves on instead of typing a tab.
	r.click(890, 138)
	r.waitChange("call mode opens", image.Rect(310, 70, 890, 710))
	r.typ("Agent Smith")
	r.key("Tab")
	r.choose("call channel", 670, 274, 4, 1) // Online chat
	r.click(670, 390)
	r.typ("promised a refund")
	r.key("Tab")
	r.typ("refund in 2 days")
	r.click(800, 516) // promised by: the calendar, next month
	r.waitChange("the call's calendar opens", image.Rect(470, 450, 760, 780))
	r.click(735, 476)
	r.waitChange("the calendar turns", image.Rect(470, 450, 760, 780))
	r.click(495, 638)
	r.waitChange("the calendar closes", image.Rect(470, 450, 760, 780))
	r.done("call-mode")
	r.click(668, 673) // End call and save
	r.waitFor("the call is stored", 10*time.Second, func() bool { return len(r.timeline(c.ID)) == 3 })
	call := find(r.timeline(c.ID), "promised a refund")
	switch {
	case call == nil || call.Contact == nil:
		r.fail("call", "no call with the notes typed in: %+v", r.timeline(c.ID))
	case call.Contact.Agent != "Agent Smith" || call.Contact.Channel != "chat":
		r.fail("call", "stored %+v (typing went elsewhere?)", call.Contact)
	case call.Contact.Promise != "refund in 2 days":
		r.fail("call", "promise %q: Tab did not move to the next field", call.Contact.Promise)
	case call.Contact.PromiseBy == "" || call.Contact.Duration <= 0:
		r.fail("call", "promise-by %q duration %d", call.Contact.PromiseBy, call.Contact.Duration)
	}
	r.waitStable()
	r.done("call-saved")

	// A note: Esc with typed text asks first; Cancel keeps the text.
	r.click(1007, 138)
	r.waitChange("the note form opens", image.Rect(290, 90, 910, 690))
	r.typ("Bank says nothing arrived")
	r.key("Escape")
	r.waitChange("Esc asks before discarding", image.Rect(380, 260, 820, 520))
	r.done("esc-asks")
	r.click(563, 484) // Cancel: back to the form
	r.waitChange("the question closes", image.Rect(380, 260, 820, 520))
	r.click(632, 653) // Save
	r.waitFor("the note is stored", 10*time.Second, func() bool { return len(r.timeline(c.ID)) == 4 })
	if e := find(r.timeline(c.ID), "Bank says nothing arrived"); e == nil || e.Kind != "note" {
		r.fail("note", "stored %+v", r.timeline(c.ID))
	}
	r.waitStable()
	r.done("note-saved")

	// The File menu, Settings: language, theme, back up now, restore.
	r.click(27, 15)
	r.waitChange("the File menu opens", image.Rect(0, 28, 220, 280))
	r.done("file-menu")
	r.click(43, 173)
	r.waitChange("Settings open", image.Rect(260, 80, 940, 700))
	r.done("settings")
	r.choose("language", 670, 155, 3, 2) // 简体中文
	r.waitFor("the language is saved", 5*time.Second, func() bool { return strings.Contains(r.prefs(), `"language":"zh"`) })
	dark := brightness(r.waitStable(), image.Rect(0, 0, winW, winH))
	r.choose("theme", 670, 276, 3, 1) // Light
	r.waitFor("the light theme (the window brightens)", 10*time.Second, func() bool {
		return brightness(r.shot(), image.Rect(0, 0, winW, winH)) > dark+40
	})
	r.waitStable()
	r.done("settings-light")
	r.click(487, 397) // Back up now
	r.waitChange("the backup is reported", image.Rect(370, 260, 830, 520))
	if b, _ := filepath.Glob(filepath.Join(r.data, "backups", "redress-*.db")); len(b) == 0 {
		r.fail("back up now", "no backup file")
	}
	r.done("backed-up")
	r.key("Escape") // closes the notice
	r.waitChange("the notice closes", image.Rect(370, 260, 830, 520))
	r.click(873, 357) // Restore
	r.waitChange("the restore question", image.Rect(380, 260, 820, 520))
	r.done("restore-question")
	r.click(635, 484) // Restore
	r.waitChange("restored", image.Rect(370, 260, 830, 520))
	if aside, _ := filepath.Glob(filepath.Join(r.data, "redress.db.replaced-*")); len(aside) == 0 {
		r.fail("restore", "the replaced database was not kept")
	}
	r.done("restored")
	r.key("Escape") // closes the notice
	r.waitChange("the notice closes", image.Rect(370, 260, 830, 520))
	r.click(599, 663) // Close Settings
	r.waitChange("Settings close", image.Rect(260, 80, 940, 700))
	r.click(180, 210) // the case (the list keeps it selected after the restore)
	r.waitStable()
	r.done("case-reopened")

	// Attach a file through the picker, caption it.
	r.click(472, 138)
	r.waitChange("the picker opens", image.Rect(280, 110, 920, 670))
	r.click(410, 286) // receipt.png
	r.waitChange("the file is ticked", image.Rect(290, 270, 910, 300))
	r.done("picker")
	r.click(653, 633) // Attach 1 file
	r.waitFor("the file is stored", 15*time.Second, func() bool { return len(r.timeline(c.ID)) == 5 })
	r.waitStable()
	r.click(630, 346)
	r.typ("Receipt page")
	r.click(657, 633) // Save captions
	r.waitChange("the import panel closes", image.Rect(290, 110, 910, 670))
	r.done("attached")

	// Select it in the timeline; its file opens in the viewer window.
	r.click(540, 320)
	r.waitChange("the entry is shown", image.Rect(730, 250, 1200, 700))
	r.xdo("mousemove", "1173", "481") // hover: the icon button names itself
	r.waitChange("the tooltip shows", image.Rect(1000, 500, 1200, 560))
	r.done("entry-and-tooltip")
	r.click(1173, 481)
	r.waitFor("the viewer window", 10*time.Second, func() bool { return r.windowNamed("receipt.png") != "" })
	r.waitStable()
	r.click(62, 23) // zoom in
	r.waitChange("the picture zooms", image.Rect(0, 40, 500, 700))
	r.done("viewer")
	viewer := r.windowNamed("receipt.png")
	r.xdo("windowfocus", "--sync", viewer)
	r.key("Escape")
	r.waitFor("the viewer closes", 10*time.Second, func() bool { return r.windowNamed("receipt.png") == "" })
	r.focus()
	r.waitStable()

	// A dossier for each recipient, through the save dialog into the data
	// folder's Dossiers folder.
	for i, to := range []string{"provider", "association", "regulator"} {
		r.click(551, 178)
		r.waitChange("the dossier panel opens", image.Rect(220, 50, 980, 730))
		r.choose("recipient", 670, 125, 3, i)
		r.done("dossier-" + to)
		r.click(647, 693) // Create PDF
		if to != "provider" {
			// No formal complaint is recorded: what to know before
			// writing to a body comes first (issue 13).
			r.waitChange("the warnings before sending", image.Rect(320, 200, 880, 580))
			r.done("before-sending-" + to)
			r.click(660, 543) // Create anyway
		}
		r.waitChange("the save dialog opens", image.Rect(200, 110, 1000, 670))
		r.done("save-dialog-" + to)
		r.click(965, 649) // Save
		r.waitFor("the "+to+" dossier", 60*time.Second, func() bool {
			m, _ := filepath.Glob(filepath.Join(r.data, "Dossiers", "*-"+to+"-*.pdf"))
			return len(m) == 1
		})
		r.waitChange("the dossier is reported", image.Rect(260, 220, 940, 560))
		if i == 0 {
			r.click(347, 296) // Open the PDF: no viewer here, and it says so
			r.waitChange("no PDF viewer is reported", image.Rect(270, 320, 930, 500))
		}
		r.done("dossier-made-" + to)
		r.click(599, 523) // Close
		r.waitChange("the report closes", image.Rect(260, 220, 940, 560))
	}

	// Archive the case (asks first), show archived cases, restore it.
	r.click(830, 178)
	r.waitChange("the archive question", image.Rect(370, 240, 830, 540))
	r.done("archive-question")
	r.key("ctrl+Return") // yes
	r.waitFor("the case is archived", 10*time.Second, func() bool { return len(r.cases()) == 0 })
	r.waitStable()
	r.done("archived")
	r.click(19, 132) // Show archived cases
	r.waitChange("archived cases are listed", image.Rect(0, 150, 360, 280))
	r.click(180, 210)
	r.waitStable()
	r.click(830, 178) // Restore
	r.waitFor("the case is back", 10*time.Second, func() bool { return len(r.cases()) == 1 })
	r.waitStable()
	r.done("unarchived")

	// Export through the save dialog, verify through the open dialog.
	r.click(737, 178)
	r.waitChange("the export options", image.Rect(340, 230, 860, 550))
	r.done("export-options")
	r.key("ctrl+Return") // Choose where to save…
	r.waitChange("the save dialog opens", image.Rect(200, 110, 1000, 670))
	r.click(965, 649) // Save (in the home folder)
	r.waitFor("the archive", 30*time.Second, func() bool {
		m, _ := filepath.Glob(filepath.Join(r.home, "Redress-*.zip"))
		return len(m) == 1
	})
	r.waitStable()
	r.done("exported")
	r.key("Escape")
	r.waitStable()
	r.click(27, 15)
	r.waitChange("the File menu opens", image.Rect(0, 28, 220, 280))
	r.click(110, 129) // Verify an archive or dossier…
	r.waitChange("the open dialog", image.Rect(200, 110, 1000, 670))
	r.done("open-dialog")
	r.click(520, 240) // the archive (after the parent folder)
	r.waitChange("the archive is selected", image.Rect(370, 200, 1000, 320))
	r.click(965, 649) // Open
	r.waitChange("the verification report", image.Rect(150, 130, 1050, 650))
	r.done("verified")
	r.key("Escape")
	r.waitStable()

	// Help > About shows the version.
	r.click(120, 15)
	r.waitChange("the Help menu opens", image.Rect(90, 28, 300, 80))
	r.click(140, 48)
	r.waitChange("About opens", image.Rect(380, 200, 820, 580))
	r.done("about")
	r.key("Escape")
	r.waitStable()

	// Quit with Ctrl+Q: a clean exit.
	r.quit()

	// Start again: the language chosen in Settings is in force.
	r.start("")
	r.done("chinese-start")
	r.click(180, 210)
	r.waitChange("the case opens", image.Rect(370, 30, 1200, 780))
	r.done("chinese-case")
	r.focus()
	r.key("ctrl+n") // 新建案件
	r.waitChange("the new-case form opens", image.Rect(280, 70, 920, 700))
	r.choose("problem (Chinese)", 660, 226, 10, 0)
	r.choose("jurisdiction (Chinese)", 660, 266, 5, 0) // China: 中文 and CNY follow
	r.done("chinese-new-case")
	r.key("Escape") // changed: asks
	r.waitChange("Esc asks", image.Rect(380, 260, 820, 520))
	r.key("ctrl+Return") // discard
	r.waitStable()
	r.done("chinese-discarded")
	r.quit()
	t.Logf("real-window session: %d steps in %v", r.step, time.Since(start).Round(time.Second))
}

// quit asks the app to quit with Ctrl+Q and waits for a clean exit.
func (r *rig) quit() {
	r.t.Helper()
	r.focus()
	r.key("ctrl+q")
	select {
	case <-r.exited:
	case <-time.After(20 * time.Second):
		r.fail("quit", "the app did not exit after Ctrl+Q")
	}
	if r.exitErr != nil {
		r.fail("quit", "the app exited with %v", r.exitErr)
	}
	if loc := panicRE.FindStringIndex(r.log()); loc != nil {
		r.fail("quit", "the app panicked")
	}
	r.t.Logf("step %d: quit ✓", r.step)
	r.step++
}

// windowNamed returns the id of the visible window whose name contains s.
func (r *rig) windowNamed(s string) string {
	for _, id := range strings.Fields(r.xdo("search", "--onlyvisible", "--name", ".")) {
		if strings.Contains(r.xdo("getwindowname", id), s) {
			return id
		}
	}
	return ""
}

// prefs returns the app's saved preferences.
func (r *rig) prefs() string {
	b, _ := os.ReadFile(filepath.Join(r.home, ".config", "fyne", "io.github.redress.app", "preferences.json"))
	return string(b)
}

// find returns the event with this summary.
func find(evs []eventJSON, summary string) *eventJSON {
	for i := range evs {
		if evs[i].Summary == summary {
			return &evs[i]
		}
	}
	return nil
}

func writePNG(t *testing.T, path string) {
	img := image.NewNRGBA(image.Rect(0, 0, 300, 600))
	for y := 0; y < 600; y++ {
		for x := 0; x < 300; x++ {
			img.Set(x, y, color.NRGBA{40, uint8(80 + y/8), 170, 255})
		}
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}
