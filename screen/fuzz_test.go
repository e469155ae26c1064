package screen

import (
	"bytes"
	"image/png"
	"testing"
)

// FuzzDIB feeds arbitrary bitmaps (what any program may put on the
// clipboard) to dibToPNG: no panic, and a result is always a PNG.
func FuzzDIB(f *testing.F) {
	px := func(x, y int) []byte { return []byte{byte(x), byte(y), 9, 0} }
	f.Add(dib(40, 4, 3, 32, 0, nil, false, px))
	f.Add(dib(40, 4, 3, 24, 0, nil, true, func(x, y int) []byte { return px(x, y)[:3] }))
	f.Add(dib(40, 2, 2, 32, 3, []byte{0, 0, 0xff, 0, 0, 0xff, 0, 0, 0xff, 0, 0, 0}, false, px))
	f.Add(dib(124, 3, 3, 32, 0, nil, false, px))
	f.Add(dib(40, 8, 2, 8, 0, make([]byte, 1024), false, func(x, y int) []byte { return []byte{byte(x)} }))
	f.Fuzz(func(t *testing.T, data []byte) {
		out, err := dibToPNG(data)
		if err != nil {
			return
		}
		if _, err := png.Decode(bytes.NewReader(out)); err != nil {
			t.Fatalf("dibToPNG gave something that is not a PNG: %v", err)
		}
	})
}
