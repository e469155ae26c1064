//go:build realwin

package realwin

import (
	"bytes"
	"encoding/json"
	"image"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestLeftovers is the real window through what the loose ends of issues
// 9, 10, 12 and 16 added, with the mouse: a data folder whose database is
// gone opens on the recovery window, which restores the backup and goes on
// to the main window without a restart; a dossier saved over an existing
// file on a full disk leaves that file byte for byte (Fyne's save dialog
// used to empty it first); "I sent it" and the letter form ask how it was
// sent; the viewer's "Open with…" says that nothing can open the file;
// Settings' "Check everything"; then, on a damaged database, the banner
// and its restore. Screenshots in shots/realwin-leftovers (or
// $REDRESS_SHOTS/leftovers).
func TestLeftovers(t *testing.T) {
	start := time.Now()
	work := t.TempDir()
	shots := filepath.Join("..", "..", "shots", "realwin-leftovers")
	if s := os.Getenv("REDRESS_SHOTS"); s != "" {
		shots = filepath.Join(s, "leftovers")
	}
	os.RemoveAll(shots)
	bin := build(t, work)
	r := newRig(t, bin, work, shots)
	tmp := filepath.Join(work, "tmp") // where "Open with…" puts its copies
	os.MkdirAll(tmp, 0o700)
	r.env = append(r.env, "TMPDIR="+tmp)

	// A case made on the command line; then the database is lost and only
	// a backup is left.
	id := strings.TrimSpace(string(r.cli("case", "new", "--title", "Top-up never arrived", "--provider", "PayNow",
		"--problem", "topup-not-credited", "--jurisdiction", "UK", "--amount", "120.00", "--currency", "GBP")))
	r.cli("event", "add", id, "--kind", "contact", "--channel", "phone", "--duration", "12m34s",
		"--summary", "Agent promised a refund", "--at", "2026-11-20T10:00:00Z")
	receipt := filepath.Join(r.home, "receipt.png")
	writePNG(t, receipt)
	r.cli("attach", id, receipt, "--caption", "receipt", "--at", "2026-11-20T11:00:00Z") // below the letters of today
	os.MkdirAll(filepath.Join(r.data, "backups"), 0o700)
	backup := filepath.Join(r.data, "backups", "redress-2020-01-01.db") // never today's automatic one
	r.cli("backup", "-o", backup)
	for _, s := range []string{"", "-wal", "-shm"} {
		os.Remove(filepath.Join(r.data, "redress.db"+s))
	}

	r.start("en")
	r.done("recovery-window")
	r.click(396, 499) // Restore this copy
	r.waitChange("the restore question", image.Rect(140, 120, 590, 400))
	r.done("recovery-question")
	r.click(428, 354) // Restore this copy
	r.waitFor("the main window", 20*time.Second, func() bool {
		_, _, w, h := r.geometry(r.window())
		return w == winW && h == winH
	})
	r.waitStable()
	if cs := r.cases(); len(cs) != 1 || cs[0].ID != id {
		r.fail("recovery", "cases after the restore: %+v", cs)
	}
	r.done("recovered-main-window")
	r.focus()
	r.key("Escape") // the note saying what was restored
	r.waitStable()

	// A dossier saved over an existing file, on a disk that is full: the
	// file stays as it was.
	dossiers := filepath.Join(r.data, "Dossiers")
	os.MkdirAll(dossiers, 0o700)
	sent := filepath.Join(dossiers, "sent.pdf")
	old := []byte("%PDF-1.4 the dossier the regulator already has\n")
	os.WriteFile(sent, old, 0o600)
	os.Symlink("/dev/full", sent+".partial") // the atomic writer's temporary file: every write fails
	kept := func(step string) {
		if got, err := os.ReadFile(sent); err != nil || !bytes.Equal(got, old) {
			r.fail(step, "sent.pdf now holds %q (%v), want the old %d bytes", got, err, len(old))
		}
	}
	r.click(180, 210) // the case
	r.waitStable()
	r.click(551, 178) // Create dossier
	r.waitChange("the dossier panel opens", image.Rect(220, 50, 980, 730))
	r.click(647, 693) // Create PDF
	r.waitChange("the save dialog opens", image.Rect(200, 110, 1000, 670))
	r.key("ctrl+a")
	r.typ("sent.pdf")
	r.click(965, 649) // Save
	r.waitChange("the dialog asks before replacing", image.Rect(430, 300, 770, 480))
	r.done("overwrite-question")
	kept("overwrite-question")
	r.click(632, 438) // Yes
	r.waitChange("the full disk is reported", image.Rect(240, 600, 960, 665))
	r.done("disk-full-old-file-kept")
	kept("disk-full")

	// Again with room on the disk, under the name suggested; then "I sent
	// it" asks how.
	r.click(647, 693) // Create PDF
	r.waitChange("the save dialog opens", image.Rect(200, 110, 1000, 670))
	r.click(965, 649) // Save
	r.waitFor("the dossier", 60*time.Second, func() bool {
		m, _ := filepath.Glob(filepath.Join(dossiers, "Redress-*-provider-*.pdf"))
		return len(m) == 1
	})
	r.waitChange("the dossier is reported", image.Rect(260, 220, 940, 560))
	kept("dossier made")
	r.click(700, 295) // I sent it
	r.waitChange("how it was sent", image.Rect(340, 190, 860, 590))
	r.choose("sent by", 643, 326, 5, 1) // Letter by post
	r.done("sent-by-post")
	r.click(632, 553) // Save
	r.waitFor("the dossier recorded as sent by post", 10*time.Second, func() bool { return r.letterSent(id, "letter") })
	r.waitStable()
	r.done("marked-sent")
	r.click(599, 523) // Close
	r.waitChange("the report closes", image.Rect(260, 220, 940, 560))

	// The letter form's channel.
	r.click(1102, 138) // Letter sent
	r.waitChange("the letter form opens", image.Rect(290, 90, 910, 690))
	r.typ("Complaints team")                   // the name has the cursor
	r.choose("letter sent by", 643, 286, 5, 4) // Fax
	r.done("letter-form-channel")
	r.click(632, 652) // Save
	r.waitFor("the letter sent by fax", 10*time.Second, func() bool { return r.letterSent(id, "fax") })
	r.waitStable()
	r.done("letter-by-fax")

	// The viewer's "Open with…": a copy goes to the system's opener; there
	// is none here, and the viewer says so.
	r.click(470, 456) // the receipt
	r.waitChange("the entry is shown", image.Rect(800, 250, 1200, 700))
	r.click(1173, 481) // its file
	r.waitFor("the viewer window", 10*time.Second, func() bool { return r.windowNamed("receipt.png") != "" })
	r.waitStable()
	r.click(803, 357) // Open with…
	r.waitChange("nothing can open it", image.Rect(230, 230, 720, 460))
	r.done("open-with-no-program")
	copies, _ := filepath.Glob(filepath.Join(tmp, "redress-open-*", "*", "receipt.png"))
	if want, _ := os.ReadFile(receipt); len(copies) != 1 || !bytes.Equal(must(os.ReadFile(copies[0])), want) {
		r.fail("open with", "copies handed out %q, want one with the original bytes", copies)
	}
	viewer := r.windowNamed("receipt.png")
	r.xdo("windowfocus", "--sync", viewer)
	r.key("Escape")
	r.waitFor("the viewer closes", 10*time.Second, func() bool { return r.windowNamed("receipt.png") == "" })
	r.focus()
	r.waitStable()

	// Settings: Check everything.
	r.click(27, 15)
	r.waitChange("the File menu opens", image.Rect(0, 28, 220, 280))
	r.click(43, 173) // Settings
	r.waitChange("Settings open", image.Rect(260, 80, 940, 700))
	before := r.waitStable()
	r.click(503, 436) // Check everything: a progress bar, then the result
	r.waitFor("the check's result", 60*time.Second, func() bool {
		cur := r.shot()
		return diff(before, cur, image.Rect(360, 250, 840, 530)) >= changed && progressPixels(cur, image.Rect(370, 380, 830, 430)) < 100
	})
	r.waitStable()
	r.done("check-everything")
	r.key("Escape")
	r.waitChange("the result closes", image.Rect(360, 250, 840, 530))
	r.click(599, 663) // Close Settings
	r.waitStable()
	r.quit()

	// A damaged database (a page of a stored file zeroed): the banner,
	// and its restore.
	big := filepath.Join(work, "statement.bin")
	data := make([]byte, 3<<20)
	rnd := rand.New(rand.NewPCG(1, 2))
	for i := range data {
		data[i] = byte(rnd.Uint32())
	}
	os.WriteFile(big, data, 0o600)
	r.cli("attach", id, big, "--kind", "document")
	db := filepath.Join(r.data, "redress.db")
	f, err := os.OpenFile(db, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := f.Stat()
	f.WriteAt(make([]byte, 4096), st.Size()/4096/2*4096)
	f.Close()
	r.start("en")
	r.done("damaged-start") // the check at start offers the newest good backup
	r.click(544, 483)       // Cancel: the banner stays
	r.waitChange("the offer closes", image.Rect(370, 250, 830, 530))
	banner := image.Rect(0, 30, 980, 90)
	if n := redPixels(r.last, banner); n < 300 {
		r.fail("damaged banner", "no red warning above the cases (%d red pixels)", n)
	}
	r.done("damaged-banner")
	r.click(1108, 60) // the banner's Restore a backup…
	r.waitChange("the restore question", image.Rect(370, 250, 830, 530))
	r.done("banner-restore-question")
	r.click(635, 483) // Restore
	r.waitChange("the banner goes", banner)
	if n := redPixels(r.shot(), banner); n >= 300 {
		r.fail("banner after the restore", "the warning is still shown (%d red pixels)", n)
	}
	r.cli("verify-log") // exits 0: the restored database is intact
	r.done("banner-gone")
	r.key("Escape")
	r.quit()
	t.Logf("leftovers session: %d steps in %v", r.step, time.Since(start).Round(time.Second))
}

// letterSent reports whether the case has a letter sent by channel.
func (r *rig) letterSent(caseID, channel string) bool {
	var evs []struct {
		Kind   string `json:"kind"`
		Letter *struct {
			Channel string `json:"channel"`
		} `json:"letter"`
	}
	if err := json.Unmarshal(r.cli("timeline", caseID, "--json"), &evs); err != nil {
		r.t.Fatalf("timeline: %v", err)
	}
	for _, e := range evs {
		if e.Kind == "letter" && e.Letter != nil && e.Letter.Channel == channel {
			return true
		}
	}
	return false
}

// redPixels counts the strongly red pixels of rect (the danger colour).
func redPixels(img image.Image, rect image.Rectangle) int {
	n := 0
	for y := rect.Min.Y; y < rect.Max.Y; y++ {
		for x := rect.Min.X; x < rect.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			if cr>>8 > 150 && cg>>8 < 90 && cb>>8 < 90 {
				n++
			}
		}
	}
	return n
}

// progressPixels counts the pixels of rect in the colour of a progress
// bar's track (the dark theme's muted blue).
func progressPixels(img image.Image, rect image.Rectangle) int {
	n := 0
	for y := rect.Min.Y; y < rect.Max.Y; y++ {
		for x := rect.Min.X; x < rect.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			if absd(cr>>8, 32) < 12 && absd(cg>>8, 70) < 12 && absd(cb>>8, 142) < 12 {
				n++
			}
		}
	}
	return n
}

func must(b []byte, err error) []byte {
	if err != nil {
		return nil
	}
	return b
}
