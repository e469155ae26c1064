package screen

// Clipboard returns the picture or text on the clipboard. macOS puts a
// PNG on the pasteboard for screenshots and most copied pictures; a
// picture offered only as TIFF is not read (golang.design/x/clipboard
// asks for PNG alone).
func Clipboard() (Clip, error) {
	return libClipboard(true)
}
