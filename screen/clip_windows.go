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

// Clipboard returns the picture or text on the clipboard. A picture
// offered in the registered "PNG" format (browsers, Snipping Tool, Office)
// is returned byte for byte; otherwise golang.design/x/clipboard encodes
// the bitmap (CF_DIBV5/CF_DIB) as PNG, which is then Converted from
// image/bmp.
func Clipboard() (Clip, error) {
	if data, err := registeredPNG(); err == nil && len(data) > 0 {
		if clip, err := clipFromImage(trimPNG(data), "image/png"); err == nil {
			return clip, nil
		}
	}
	return libClipboard(true, "image/bmp")
}

// registeredPNG reads the clipboard's "PNG" format, if it has one.
func registeredPNG() ([]byte, error) {
	name, err := syscall.UTF16PtrFromString("PNG")
	if err != nil {
		return nil, err
	}
	format, _, _ := registerClipboardFormatW.Call(uintptr(unsafe.Pointer(name)))
	if format == 0 {
		return nil, errors.New("RegisterClipboardFormat(PNG) failed")
	}
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
		return nil, errors.New("the clipboard's PNG has an impossible size")
	}
	data := make([]byte, size)
	// p points into memory the clipboard owns, not Go's heap; reading it
	// through a pointer-typed copy of the address keeps vet's uintptr rule.
	mem := *(*unsafe.Pointer)(unsafe.Pointer(&p))
	copy(data, unsafe.Slice((*byte)(mem), size))
	return data, nil
}
