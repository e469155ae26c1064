//go:build linux

package screen

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"

	"redress/internal/testtool"
	"redress/lang"
)

const screenW, screenH = 640, 480

// startX starts Xvfb on a display it picks itself (-displayfd) and points
// DISPLAY at it for the rest of the test. -noreset keeps the server (and
// what is drawn on it) from resetting each time its last client leaves.
func startX(t *testing.T) {
	t.Helper()
	testtool.Need(t, "xvfb", "Xvfb")
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "640x480x24", "-nolisten", "tcp", "-noreset")
	cmd.ExtraFiles = []*os.File{w}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start Xvfb: %v", err)
	}
	w.Close()
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	line, err := bufio.NewReader(r).ReadString('\n')
	r.Close()
	if err != nil {
		t.Fatalf("Xvfb did not say which display it took: %v", err)
	}
	t.Setenv("DISPLAY", ":"+strings.TrimSpace(line))
	t.Setenv("WAYLAND_DISPLAY", "")
	t.Setenv("XDG_SESSION_TYPE", "x11")
}

// owner returns the window that owns CLIPBOARD.
func owner(t *testing.T) xproto.Window {
	t.Helper()
	c, err := xgb.NewConn()
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	a, err := xproto.InternAtom(c, false, 9, "CLIPBOARD").Reply()
	if err != nil {
		t.Fatal(err)
	}
	r, err := xproto.GetSelectionOwner(c, a.Atom).Reply()
	if err != nil {
		t.Fatal(err)
	}
	return r.Owner
}

// serve puts a file on the clipboard with xclip, which keeps running as
// the clipboard's owner until the test ends, and waits until it owns it.
func serve(t *testing.T, target, file string) {
	t.Helper()
	testtool.Need(t, "xclip", "xclip")
	before := owner(t)
	args := []string{"-quiet", "-selection", "clipboard", "-i", file}
	if target != "" {
		args = append(args, "-t", target)
	}
	cmd := exec.Command("xclip", args...)
	if err := cmd.Start(); err != nil {
		t.Fatalf("start xclip: %v", err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	for i := 0; i < 400; i++ { // readiness, not a timing check
		if o := owner(t); o != xproto.WindowNone && o != before {
			return
		}
		time.Sleep(25 * time.Millisecond)
	}
	t.Fatalf("xclip never took the clipboard (owner before %d, now %d, xclip state %v)", before, owner(t), cmd.ProcessState)
}

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// noise is a picture that does not compress: its PNG is about 3 bytes a
// pixel.
func noise(w, h int, seed int64) image.Image {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	rand.New(rand.NewSource(seed)).Read(img.Pix)
	for i := 3; i < len(img.Pix); i += 4 {
		img.Pix[i] = 255
	}
	return img
}

func encodePNG(t *testing.T, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestClipboardX11(t *testing.T) {
	startX(t)
	t.Run("empty clipboard", func(t *testing.T) {
		_, err := Clipboard()
		var e *Error
		if !errors.As(err, &e) || e.Problem != ProblemClipEmpty {
			t.Fatalf("Clipboard() on an empty clipboard error = %v, want %s", err, ProblemClipEmpty)
		}
		if got, want := lang.EN.Err(err), "The clipboard holds no picture or text Redress can use."; got != want {
			t.Errorf("Clipboard() sentence = %q, want %q", got, want)
		}
	})
	pngs := []struct {
		name string
		img  image.Image
		incr bool
	}{
		{"small PNG, one transfer", noise(64, 48, 1), false},
		{"large PNG, INCR transfer", noise(1200, 900, 2), true},
	}
	for _, tt := range pngs {
		t.Run(tt.name, func(t *testing.T) {
			data := encodePNG(t, tt.img)
			serve(t, "image/png", writeFile(t, "shot.png", data))
			clip, err := Clipboard()
			if err != nil {
				t.Fatalf("Clipboard() error %v", err)
			}
			if got, want := sha256.Sum256(clip.PNG), sha256.Sum256(data); got != want {
				t.Errorf("Clipboard().PNG SHA-256 = %x (%d bytes), want %x (%d bytes)", got, len(clip.PNG), want, len(data))
			}
			if clip.Converted || clip.From != "image/png" || !bytes.Equal(clip.Received, clip.PNG) || clip.Text != "" {
				t.Errorf("Clipboard() = From %q Converted %v Text %q, want image/png as received", clip.From, clip.Converted, clip.Text)
			}
			x, err := dialX()
			if err != nil {
				t.Fatal(err)
			}
			defer x.close()
			if _, incr, err := x.convert("image/png"); err != nil || incr != tt.incr {
				t.Errorf("convert(image/png) of %d bytes: incr = %v, err = %v; want incr = %v", len(data), incr, err, tt.incr)
			}
		})
	}
	t.Run("JPEG converted to PNG", func(t *testing.T) {
		src := noise(80, 60, 3)
		var jb bytes.Buffer
		if err := jpeg.Encode(&jb, src, nil); err != nil {
			t.Fatal(err)
		}
		serve(t, "image/jpeg", writeFile(t, "photo.jpg", jb.Bytes()))
		clip, err := Clipboard()
		if err != nil {
			t.Fatalf("Clipboard() error %v", err)
		}
		if !clip.Converted || clip.From != "image/jpeg" || !bytes.Equal(clip.Received, jb.Bytes()) {
			t.Errorf("Clipboard() = From %q Converted %v (%d bytes received), want image/jpeg converted, %d bytes", clip.From, clip.Converted, len(clip.Received), jb.Len())
		}
		img, err := png.Decode(bytes.NewReader(clip.PNG))
		if err != nil || img.Bounds() != src.Bounds() {
			t.Errorf("Clipboard().PNG decodes to %v, %v; want %v", img.Bounds(), err, src.Bounds())
		}
	})
	t.Run("text", func(t *testing.T) {
		text := "客服承诺 24 小时内退款 ✓\nref T-8899"
		serve(t, "", writeFile(t, "note.txt", []byte(text)))
		clip, err := Clipboard()
		if err != nil {
			t.Fatalf("Clipboard() error %v", err)
		}
		if clip.Text != text || clip.IsImage() {
			t.Errorf("Clipboard().Text = %q (image %v), want %q", clip.Text, clip.IsImage(), text)
		}
	})
	t.Run("owner that never answers", func(t *testing.T) {
		c, err := xgb.NewConn()
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		win, _ := xproto.NewWindowId(c)
		root := xproto.Setup(c).DefaultScreen(c).Root
		xproto.CreateWindow(c, 0, win, root, 0, 0, 1, 1, 0, xproto.WindowClassInputOnly, 0, 0, nil)
		a, _ := xproto.InternAtom(c, false, 9, "CLIPBOARD").Reply()
		xproto.SetSelectionOwner(c, win, a.Atom, xproto.TimeCurrentTime)
		for i := 0; i < 400 && owner(t) != win; i++ {
			time.Sleep(25 * time.Millisecond)
		}
		_, err = Clipboard()
		var e *Error
		if !errors.As(err, &e) || e.Problem != ProblemClipEmpty || !errors.Is(err, errTimeout) {
			t.Fatalf("Clipboard() with a silent owner error = %v, want %s after a time-out", err, ProblemClipEmpty)
		}
	})
}

// paint draws a known picture on the root window, in strips small enough
// for any X server's request size.
func paint(t *testing.T, img *image.NRGBA) {
	t.Helper()
	c, err := xgb.NewConn()
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	scr := xproto.Setup(c).DefaultScreen(c)
	gc, _ := xproto.NewGcontextId(c)
	if err := xproto.CreateGCChecked(c, gc, xproto.Drawable(scr.Root), 0, nil).Check(); err != nil {
		t.Fatal(err)
	}
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	const strip = 32
	for y0 := 0; y0 < h; y0 += strip {
		rows := min(strip, h-y0)
		buf := make([]byte, 0, w*rows*4)
		for y := y0; y < y0+rows; y++ {
			for x := 0; x < w; x++ {
				c := img.NRGBAAt(x, y)
				buf = append(buf, c.B, c.G, c.R, 0) // ZPixmap, depth 24, 32 bits a pixel, LSB first
			}
		}
		if err := xproto.PutImageChecked(c, xproto.ImageFormatZPixmap, xproto.Drawable(scr.Root), gc,
			uint16(w), uint16(rows), 0, int16(y0), 0, 24, buf).Check(); err != nil {
			t.Fatalf("draw on the screen: %v", err)
		}
	}
}

func TestCaptureX11(t *testing.T) {
	startX(t)
	ds, err := Displays()
	if err != nil {
		t.Fatalf("Displays() error %v", err)
	}
	if want := (image.Rect(0, 0, screenW, screenH)); len(ds) != 1 || ds[0].Bounds != want {
		t.Fatalf("Displays() = %v, want one display %v", ds, want)
	}
	want := image.NewNRGBA(image.Rect(0, 0, screenW, screenH))
	for y := 0; y < screenH; y++ {
		for x := 0; x < screenW; x++ {
			want.SetNRGBA(x, y, color.NRGBA{uint8(x), uint8(y), uint8(x ^ y), 255})
		}
	}
	paint(t, want)
	data, err := Capture(0)
	if err != nil {
		t.Fatalf("Capture(0) error %v", err)
	}
	got, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("Capture(0) is not a PNG: %v", err)
	}
	if got.Bounds() != want.Bounds() {
		t.Fatalf("Capture(0) size = %v, want the screen's %v", got.Bounds(), want.Bounds())
	}
	for y := 0; y < screenH; y++ {
		for x := 0; x < screenW; x++ {
			r, g, b, _ := got.At(x, y).RGBA()
			w := want.NRGBAAt(x, y)
			if uint8(r>>8) != w.R || uint8(g>>8) != w.G || uint8(b>>8) != w.B {
				t.Fatalf("Capture(0) pixel (%d,%d) = %d,%d,%d, want %d,%d,%d", x, y, r>>8, g>>8, b>>8, w.R, w.G, w.B)
			}
		}
	}
	_, err = Capture(1)
	var e *Error
	if !errors.As(err, &e) || e.Problem != ProblemNoSuch {
		t.Fatalf("Capture(1) with one display error = %v, want %s", err, ProblemNoSuch)
	}
	if got, want := lang.EN.Err(err), "Redress cannot take a screenshot of display 2: the displays here are numbered 1 to 1."; got != want {
		t.Errorf("Capture(1) sentence = %q, want %q", got, want)
	}
}

func TestNoDisplay(t *testing.T) {
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	tests := []struct {
		name    string
		call    func() error
		problem Problem
		en, zh  string
	}{
		{"clipboard", func() error { _, err := Clipboard(); return err }, ProblemNoClipboard,
			"Redress cannot read the clipboard here: DISPLAY is not set.", "Redress 无法在此读取剪贴板：DISPLAY is not set。"},
		{"capture", func() error { _, err := Capture(0); return err }, ProblemNoDisplay,
			"Redress cannot take a screenshot here: there is no screen to capture (neither DISPLAY nor WAYLAND_DISPLAY is set).",
			"Redress 无法在此截屏：没有可截取的屏幕（neither DISPLAY nor WAYLAND_DISPLAY is set）。"},
		{"displays", func() error { _, err := Displays(); return err }, ProblemNoDisplay, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			var e *Error
			if !errors.As(err, &e) || e.Problem != tt.problem {
				t.Fatalf("%s without a display error = %v, want %s", tt.name, err, tt.problem)
			}
			if tt.en != "" {
				if got := lang.EN.Err(err); got != tt.en {
					t.Errorf("%s sentence = %q, want %q", tt.name, got, tt.en)
				}
				if got := lang.ZH.Err(err); got != tt.zh {
					t.Errorf("%s Chinese sentence = %q, want %q", tt.name, got, tt.zh)
				}
			}
		})
	}
}
