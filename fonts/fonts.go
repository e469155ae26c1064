// Package fonts embeds Noto Sans SC Regular and Bold (TrueType outlines,
// SIL Open Font License 1.1, see OFL.txt) so that Chinese renders on
// machines without CJK fonts. The same bytes serve the GUI theme and the
// PDF dossiers.
package fonts

import _ "embed"

// Regular is NotoSansSC_400Regular.ttf.
//
//go:embed NotoSansSC_400Regular.ttf
var Regular []byte

// Bold is NotoSansSC_700Bold.ttf.
//
//go:embed NotoSansSC_700Bold.ttf
var Bold []byte

// License is the text of the SIL Open Font License that covers both fonts.
//
//go:embed OFL.txt
var License string

// Names of the embedded files, as shipped by the upstream package
// (npm @expo-google-fonts/noto-sans-sc 0.4.3).
const (
	RegularName = "NotoSansSC_400Regular.ttf"
	BoldName    = "NotoSansSC_700Bold.ttf"
)
