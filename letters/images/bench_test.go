package images

import (
	"fmt"
	"testing"
)

// About 300 dpi over the printable area of A4 with 15 mm margins, as the
// dossier renderer asks for.
const benchMaxW, benchMaxH = 2126, 3154

// BenchmarkPrepare measures the three kinds of exhibit a dossier is made of:
// a phone screenshot (1080x2340 PNG with an alpha channel, all opaque: it
// is re-encoded as RGB), a desktop screenshot (2560x1440 PNG: scaled to
// 2126 wide) and a phone photo of a paper letter (3000x4000 JPEG: scaled
// to fit 2126x3154).
func BenchmarkPrepare(b *testing.B) {
	cases := []struct {
		name string
		data []byte
	}{
		{"phone-1080x2340-RGBA-PNG", opaqueRGBAPNG(screenshot(1080, 2340))},
		{"desktop-2560x1440-PNG", encodePNG(b, screenshot(2560, 1440))},
		{"photo-3000x4000-JPEG", encodeJPEG(b, photo(3000, 4000), 92)},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.data)))
			var p Prepared
			for b.Loop() {
				var err error
				if p, err = Prepare(c.data, benchMaxW, benchMaxH); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(c.data))/1e6, "in-MB")
			b.ReportMetric(float64(len(p.Data))/1e6, "out-MB")
		})
	}
}

// BenchmarkPrepareAll prepares the 60 exhibits of the dossier benchmark of
// issue 4 (30 phone screenshots, 15 desktop screenshots, 15 photos) on all
// cores.
func BenchmarkPrepareAll(b *testing.B) {
	phone := opaqueRGBAPNG(screenshot(1080, 2340))
	desktop := encodePNG(b, screenshot(2560, 1440))
	photo := encodeJPEG(b, photo(3000, 4000), 92)
	var items [][]byte
	for i := range 60 {
		switch {
		case i%4 < 2:
			items = append(items, phone)
		case i%4 == 2:
			items = append(items, desktop)
		default:
			items = append(items, photo)
		}
	}
	for b.Loop() {
		_, errs := PrepareAll(items, benchMaxW, benchMaxH)
		for _, err := range errs {
			if err != nil {
				b.Fatal(fmt.Errorf("PrepareAll: %w", err))
			}
		}
	}
}
