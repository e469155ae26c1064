//go:build windows || darwin

package screen

import (
	"bytes"
	"image/png"

	"golang.design/x/clipboard"
)

// libClipboard reads the clipboard with golang.design/x/clipboard: text,
// and with images true, pictures, which it hands over as the pasteboard's
// own PNG (public.png) on macOS.
func libClipboard(images bool) (Clip, error) {
	if err := clipboard.Init(); err != nil {
		return Clip{}, &Error{Problem: ProblemNoClipboard, Err: err}
	}
	if images {
		if data := clipboard.Read(clipboard.FmtImage); len(data) > 0 {
			if _, err := png.DecodeConfig(bytes.NewReader(data)); err == nil {
				return Clip{PNG: data, Received: data, From: "image/png"}, nil
			}
		}
	}
	if data := clipboard.Read(clipboard.FmtText); len(data) > 0 {
		if s, ok := clipText(data, "UTF8_STRING"); ok {
			return Clip{Text: s}, nil
		}
	}
	return Clip{}, &Error{Problem: ProblemClipEmpty}
}

// canCapture: Windows and macOS always have a screen to capture; a
// refusal (macOS screen-recording permission) shows when capturing.
func canCapture() error { return nil }
