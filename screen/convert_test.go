package screen

import (
	"bytes"
	"image"
	"image/gif"
	"image/png"
	"testing"

	"golang.org/x/image/bmp"
)

func TestClipFromImage(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 3, 2))
	img.Pix[0], img.Pix[3] = 200, 255
	enc := func(f func(*bytes.Buffer) error) []byte {
		var b bytes.Buffer
		if err := f(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	pngData := enc(func(b *bytes.Buffer) error { return png.Encode(b, img) })
	bmpData := enc(func(b *bytes.Buffer) error { return bmp.Encode(b, img) })
	gifData := enc(func(b *bytes.Buffer) error { return gif.Encode(b, img, nil) })
	tests := []struct {
		name, from string
		data       []byte
		converted  bool
		fails      bool
	}{
		{"PNG kept", "image/png", pngData, false, false},
		{"BMP converted", "image/bmp", bmpData, true, false},
		{"GIF converted", "image/gif", gifData, true, false},
		{"PNG that is not", "image/png", []byte("not a png"), false, true},
		{"BMP that is not", "image/bmp", []byte("BMnot"), false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clip, err := clipFromImage(tt.data, tt.from)
			if (err != nil) != tt.fails {
				t.Fatalf("clipFromImage(%s) error = %v, want failure %v", tt.from, err, tt.fails)
			}
			if tt.fails {
				return
			}
			if clip.Converted != tt.converted || clip.From != tt.from || !bytes.Equal(clip.Received, tt.data) {
				t.Errorf("clipFromImage(%s) = converted %v from %q, want converted %v, received bytes kept", tt.from, clip.Converted, clip.From, tt.converted)
			}
			if !tt.converted && !bytes.Equal(clip.PNG, tt.data) {
				t.Errorf("clipFromImage(%s) changed the PNG bytes", tt.from)
			}
			got, err := png.Decode(bytes.NewReader(clip.PNG))
			if err != nil || got.Bounds() != img.Bounds() {
				t.Errorf("clipFromImage(%s).PNG decodes to %v, %v; want %v", tt.from, got.Bounds(), err, img.Bounds())
			}
		})
	}
}

func TestTrimPNG(t *testing.T) {
	var b bytes.Buffer
	png.Encode(&b, image.NewGray(image.Rect(0, 0, 2, 2)))
	exact := b.Bytes()
	padded := append(append([]byte{}, exact...), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
	for _, tt := range []struct {
		name string
		in   []byte
		want []byte
	}{
		{"padded", padded, exact},
		{"exact", exact, exact},
		{"truncated", exact[:20], exact[:20]},
	} {
		if got := trimPNG(tt.in); !bytes.Equal(got, tt.want) {
			t.Errorf("trimPNG(%s) = %d bytes, want %d", tt.name, len(got), len(tt.want))
		}
	}
}

func TestClipText(t *testing.T) {
	tests := []struct {
		in, target, want string
		ok               bool
	}{
		{"退款 ✓", "UTF8_STRING", "退款 ✓", true},
		{"caf\xe9", "STRING", "café", true},
		{"bad\xff", "UTF8_STRING", "bad\uFFFD", true},
		{"text\x00", "UTF8_STRING", "text", true},
		{" \n\t", "UTF8_STRING", " \n\t", false},
	}
	for _, tt := range tests {
		got, ok := clipText([]byte(tt.in), tt.target)
		if got != tt.want || ok != tt.ok {
			t.Errorf("clipText(%q, %s) = %q, %v; want %q, %v", tt.in, tt.target, got, ok, tt.want, tt.ok)
		}
	}
}
