// Package icons holds the app icon (icon.png, drawn by gen/main.go).
package icons

import _ "embed"

// AppIcon is the 512×512 PNG app icon.
//
//go:embed icon.png
var AppIcon []byte
