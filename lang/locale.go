package lang

import "github.com/jeandeaual/go-locale"

// systemLocale asks the operating system for the user's preferred locale
// (Windows and macOS settings; environment variables elsewhere).
func systemLocale() string {
	l, err := locale.GetLocale()
	if err != nil {
		return ""
	}
	return l
}
