package evidence

import (
	"net/http"
	"strings"
)

// MediaType detects a file's type from its first bytes (up to 512), never
// from its name. It knows the formats phones produce that net/http does not.
func MediaType(head []byte) string {
	if len(head) >= 12 && string(head[4:8]) == "ftyp" {
		switch string(head[8:12]) {
		case "heic", "heix", "hevc", "heim", "heis", "mif1", "msf1":
			return "image/heic"
		case "avif", "avis":
			return "image/avif"
		}
	}
	mt := http.DetectContentType(head)
	if i := strings.IndexByte(mt, ';'); i >= 0 && !strings.HasPrefix(mt, "text/") {
		mt = mt[:i]
	}
	return mt
}

// IsImage reports whether a media type is a picture.
func IsImage(mediaType string) bool { return strings.HasPrefix(mediaType, "image/") }
