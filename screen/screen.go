// Package screen reads the clipboard and takes screenshots, for adding
// evidence in one step: Clipboard returns the picture (as PNG, byte for
// byte when the clipboard offers PNG) or the text on the clipboard;
// Displays and Capture take a PNG screenshot of one display.
//
// On Linux and the BSDs the clipboard is read over the X11 protocol in
// pure Go (github.com/jezek/xgb): every target the owner offers is seen,
// large pictures sent in INCR chunks arrive whole, and a silent owner
// times out instead of hanging. Under Wayland that works through
// XWayland; with no X display, wl-paste (wl-clipboard) is used when it is
// installed. On Windows and macOS the clipboard is read with
// golang.design/x/clipboard. Screenshots use github.com/kbinani/screenshot
// (X11 with Xinerama, the XDG desktop portal under Wayland, GDI on
// Windows, CoreGraphics/ScreenCaptureKit on macOS, which needs cgo).
//
// Errors are *Error values: one sentence in the user's language through
// package lang.
package screen

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"strconv"

	"github.com/kbinani/screenshot"

	"redress/lang"
)

// Clip is what the clipboard held: a picture or text.
type Clip struct {
	// PNG is the picture, when the clipboard holds one: the clipboard's own
	// bytes when it offered image/png, else the picture converted to PNG.
	PNG []byte
	// Received is the picture exactly as the clipboard gave it, in the
	// format From names (the same bytes as PNG unless Converted).
	Received []byte
	// From is the format the picture came in ("image/png", "image/jpeg",
	// "image/bmp" for a Windows DIB…); empty for text.
	From string
	// Converted is true when PNG was made from another format.
	Converted bool
	// Text is the clipboard's text, when it holds text and no picture.
	Text string
}

// IsImage reports whether the clip is a picture.
func (c Clip) IsImage() bool { return len(c.PNG) > 0 }

// Problem says why the clipboard or a screenshot could not be read. Each
// has a sentence in the lang catalogs ("screen.<problem>").
type Problem string

// The problems.
const (
	ProblemClipEmpty   Problem = "clip-empty"       // nothing usable on the clipboard
	ProblemNoClipboard Problem = "clip-unavailable" // no clipboard to read here (no display)
	ProblemNoDisplay   Problem = "capture-no-display"
	ProblemWayland     Problem = "capture-wayland" // the desktop refused (or asked and was denied)
	ProblemNoSuch      Problem = "capture-no-such-display"
	ProblemCapture     Problem = "capture-failed"
)

// Error is a clipboard or screenshot failure. It unwraps to a *lang.Error
// (its sentence) and to its cause.
type Error struct {
	Problem Problem
	Display int   // for ProblemNoSuch: the display asked for
	Count   int   // for ProblemNoSuch: how many there are
	Err     error // the cause, for logs; may be nil
}

func (e *Error) sentence() *lang.Error {
	detail := ""
	if e.Err != nil {
		detail = e.Err.Error()
	}
	return lang.Wrap(e.Err, "screen."+string(e.Problem),
		"n", strconv.Itoa(e.Display+1), "count", strconv.Itoa(e.Count), "detail", detail)
}

// Error is the English sentence, with the cause in brackets.
func (e *Error) Error() string { return e.sentence().Error() }

// Unwrap gives the sentence (a *lang.Error) and the cause.
func (e *Error) Unwrap() []error {
	if e.Err == nil {
		return []error{e.sentence()}
	}
	return []error{e.sentence(), e.Err}
}

// Display is one screen: its index for Capture and where it lies on the
// desktop (the primary display's top left corner is 0,0).
type Display struct {
	Index  int
	Bounds image.Rectangle
}

// Displays lists the active displays, the primary first.
func Displays() ([]Display, error) {
	if err := canCapture(); err != nil {
		return nil, err
	}
	n := screenshot.NumActiveDisplays()
	if n <= 0 {
		return nil, &Error{Problem: ProblemNoDisplay, Err: fmt.Errorf("no active display found")}
	}
	out := make([]Display, n)
	for i := range out {
		out[i] = Display{Index: i, Bounds: screenshot.GetDisplayBounds(i)}
	}
	return out, nil
}

// Capture takes a screenshot of display (an index from Displays; 0 is the
// primary) and returns it as PNG.
func Capture(display int) ([]byte, error) {
	ds, err := Displays()
	if err != nil {
		return nil, err
	}
	if display < 0 || display >= len(ds) {
		return nil, &Error{Problem: ProblemNoSuch, Display: display, Count: len(ds)}
	}
	img, err := screenshot.CaptureRect(ds[display].Bounds)
	if err != nil {
		if os.Getenv("XDG_SESSION_TYPE") == "wayland" {
			return nil, &Error{Problem: ProblemWayland, Err: err}
		}
		return nil, &Error{Problem: ProblemCapture, Err: err}
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, &Error{Problem: ProblemCapture, Err: fmt.Errorf("encode screenshot: %w", err)}
	}
	return buf.Bytes(), nil
}
