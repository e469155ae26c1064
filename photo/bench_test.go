package photo

import (
	"testing"
	"time"
)

// BenchmarkTaken reads the capture time of a JPEG with EXIF and of a HEIC
// (the container with the most structure to walk).
func BenchmarkTaken(b *testing.B) {
	for _, name := range []string{"jpeg-offset.jpg", "heic-exif.heic", "png-exif-time.png"} {
		data := read(b, name)
		b.Run(name, func(b *testing.B) {
			for range b.N {
				if got := Taken(data, time.Time{}, now); got.Source == SourceUnknown {
					b.Fatal("no time")
				}
			}
		})
	}
}
