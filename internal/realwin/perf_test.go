//go:build realwin

package realwin

import (
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRealWindowSignedDossier verifies dossiers through the real window:
// File > Verify, the open dialog, the report. A dossier made by this
// installation (through the command line, on the same data) shows a green
// report (signed by this installation, every file OK) and no red; the
// same dossier with one byte changed shows a red one (the signature does
// not match: altered). Screenshots: shots/realwin-seal.
func TestRealWindowSignedDossier(t *testing.T) {
	work := t.TempDir()
	shots := os.Getenv("REDRESS_SHOTS")
	if shots == "" {
		shots = filepath.Join("..", "..", "shots", "realwin")
	}
	shots += "-seal"
	os.RemoveAll(shots)
	r := newRig(t, build(t, work), work, shots)

	// A case with a screenshot and its dossier, made by the command line
	// on the app's data folder; a copy with one byte changed beside it.
	shot := filepath.Join(work, "balance.png")
	writePNG(t, shot)
	id := strings.TrimSpace(string(r.cli("case", "new", "--title", "Top-up lost", "--provider", "OKPay",
		"--problem", "topup-not-credited", "--jurisdiction", "UK", "--lang", "en")))
	r.cli("attach", id, shot, "--caption", "Wallet balance")
	good := filepath.Join(r.home, "a-dossier.pdf")
	r.cli("dossier", id, "--to", "provider", "-o", good)
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)/2] ^= 0x01
	if err := os.WriteFile(filepath.Join(r.home, "b-altered.pdf"), data, 0o600); err != nil {
		t.Fatal(err)
	}

	r.start("en")
	r.done("seal-start")
	report := image.Rect(150, 130, 1050, 650)
	for _, tc := range []struct {
		name string
		x    int // the file in the open dialog (after the parent folder)
		ok   bool
	}{
		{"signed", 520, true},
		{"altered", 610, false},
	} {
		r.click(27, 15)
		r.waitChange("the File menu opens", image.Rect(0, 28, 220, 280))
		r.click(110, 129) // Verify an archive or dossier…
		r.waitChange("the open dialog", image.Rect(200, 110, 1000, 670))
		r.click(tc.x, 240)
		r.waitChange("the "+tc.name+" dossier is selected", image.Rect(370, 200, 1000, 320))
		r.done("seal-open-" + tc.name)
		r.click(965, 649) // Open
		img := r.waitChange("the verification report", report)
		r.done("seal-report-" + tc.name)
		green, red := hues(img, report)
		switch {
		case tc.ok && (green < 300 || red > 50):
			r.fail("seal-report-"+tc.name, "the report of a signed dossier has %d green and %d red pixels; want it green (signed by this installation, every file OK)", green, red)
		case !tc.ok && red < 300:
			r.fail("seal-report-"+tc.name, "the report of an altered dossier has %d red pixels; want it red (the signature does not match)", red)
		}
		r.key("Escape")
		r.waitStable()
	}
	r.quit()
}

// hues counts the clearly green and the clearly red pixels in rect: the
// colours of the report's success and danger text.
func hues(img image.Image, rect image.Rectangle) (green, red int) {
	p := pixels(img)
	for y := rect.Min.Y; y < rect.Max.Y; y++ {
		for x := rect.Min.X; x < rect.Max.X; x++ {
			i := p.off(x, y)
			r, g, b := int(p.pix[i]), int(p.pix[i+1]), int(p.pix[i+2])
			switch {
			case g > r+60 && g > b+30:
				green++
			case r > g+80 && r > b+60:
				red++
			}
		}
	}
	return green, red
}
