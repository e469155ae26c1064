package screen

import (
	"errors"
	"syscall"
	"unsafe"
)

var (
	user32   = syscall.NewLazyDLL("user32.dll")
	kernel32 = syscall.NewLazyDLL("kernel32.dll")

	openClipboard            = user32.NewProc("OpenClipboard")
	closeClipboard           = user32.NewProc("CloseClipboard")
	registerClipboardFormatW = user32.NewProc("RegisterClipboardFormatW")
	isClipboardFormatAvail   = user32.NewProc("IsClipboardFormatAvailable")
	getClipboardData         = user32.NewProc("GetClipboardData")
	globalLock               = kernel32.NewProc("GlobalLock")
	globalUnlock             = kernel32.NewProc("GlobalUnlock")
	globalSize               = kernel32.NewProc("GlobalSize")
)

const cfDIB = 8 // CF_DIB: Windows offers it for every bitmap on the clipboard

// Clipboard returns the picture or text on the clipboard. A picture
// offered in the registered "PNG" format (browsers, Snipping Tool, Office)
// is returned byte for byte; a bitmap (CF_DIB: Print Screen, most
// programs) is converted from image/bmp. Text is read with
// golang.design/x/clipboard. (Its own picture reading is not used: it
// turns the usual 32-bit bitmaps, whose alpha bytes are zero, into
// transparent, blank PNGs.)
func Clipboard() (Clip, error) {
	if format, err := pngFormat(); err == nil {
		if data, err := clipboardData(format); err == nil && len(data) > 0 {
			if clip, err := clipFromImage(trimPNG(data), "image/png"); err == nil {
				return clip, nil
			}
		}
	}
	if dib, err := clipboardData(cfDIB); err == nil && len(dib) > 0 {
		if p, err := dibToPNG(dib); err == nil {
			return Clip{PNG: p, Received: dib, From: "image/bmp", Converted: true}, nil
		}
	}
	return libClipboard(false)
}

func pngFormat() (uintptr, error) {
	name, err := syscall.UTF16PtrFromString("PNG")
	if err != nil {
		return 0, err
	}
	format, _, err := registerClipboardFormatW.Call(uintptr(unsafe.Pointer(name)))
	if format == 0 {
		return 0, err
	}
	return format, nil
}

// clipboardData copies the clipboard's data in format, if it has it.
func clipboardData(format uintptr) ([]byte, error) {
	if ok, _, _ := isClipboardFormatAvail.Call(format); ok == 0 {
		return nil, nil
	}
	if ok, _, err := openClipboard.Call(0); ok == 0 {
		return nil, err
	}
	defer closeClipboard.Call()
	h, _, err := getClipboardData.Call(format)
	if h == 0 {
		return nil, err
	}
	size, _, _ := globalSize.Call(h)
	p, _, err := globalLock.Call(h)
	if p == 0 {
		return nil, err
	}
	defer globalUnlock.Call(h)
	if size == 0 || size > 512<<20 {
		return nil, errors.New("the clipboard's data has an impossible size")
	}
	data := make([]byte, size)
	// p points into memory the clipboard owns, not Go's heap; reading it
	// through a pointer-typed copy of the address keeps vet's uintptr rule.
	mem := *(*unsafe.Pointer)(unsafe.Pointer(&p))
	copy(data, unsafe.Slice((*byte)(mem), size))
	return data, nil
}
