package screen_test

import (
	"crypto/sha256"
	"fmt"
	"os"

	"redress/lang"
	"redress/screen"
)

// Paste: a picture becomes a screenshot exhibit (hash the PNG bytes as
// they are), text becomes a note draft, and anything else one sentence.
func ExampleClipboard() {
	clip, err := screen.Clipboard()
	switch {
	case err != nil:
		fmt.Println(lang.Detect().Err(err))
	case clip.IsImage():
		fmt.Printf("screenshot %x (from %s, converted: %v)\n", sha256.Sum256(clip.PNG), clip.From, clip.Converted)
	default:
		fmt.Println("note draft:", clip.Text)
	}
}

// Take screenshot: capture the chosen display as PNG.
func ExampleCapture() {
	displays, err := screen.Displays()
	if err != nil {
		fmt.Println(lang.Detect().Err(err))
		return
	}
	png, err := screen.Capture(displays[0].Index)
	if err != nil {
		fmt.Println(lang.Detect().Err(err))
		return
	}
	os.WriteFile("screen.png", png, 0o600)
}

// Every failure is one sentence in the user's language.
func ExampleError() {
	err := &screen.Error{Problem: screen.ProblemClipEmpty}
	fmt.Println(lang.EN.Err(err))
	fmt.Println(lang.ZH.Err(err))
	// Output:
	// The clipboard holds no picture or text Redress can use.
	// 剪贴板中没有 Redress 可以使用的图片或文字。
}
