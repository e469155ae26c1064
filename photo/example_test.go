package photo_test

import (
	"fmt"
	"os"
	"time"

	"redress/photo"
)

// A screenshot or photo keeps the time it was taken beside its import
// time; a time without an offset is placed in the case's zone only when it
// is shown or sorted.
func ExampleTaken() {
	now := time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC)
	for _, name := range []string{"jpeg-offset.jpg", "jpeg-no-offset.jpg", "png-time.png", "garbage.bin"} {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			panic(err)
		}
		modified := time.Date(2025, 12, 24, 18, 0, 0, 0, time.UTC) // from os.Stat
		taken := photo.Taken(data, modified, now)
		fmt.Printf("%s: %s\n", name, taken)
		if !taken.OffsetKnown {
			shanghai := time.FixedZone("CST", 8*3600)
			fmt.Println("  in the case's zone:", taken.In(shanghai).Format(time.RFC3339))
		}
	}
	// Output:
	// jpeg-offset.jpg: 2025-11-25 10:30:00.125 +08:00 (exif)
	// jpeg-no-offset.jpg: 2025-11-25 10:30:00 (offset unknown, exif)
	//   in the case's zone: 2025-11-25T10:30:00+08:00
	// png-time.png: 2025-11-25 02:30:00 +00:00 (png-time)
	// garbage.bin: 2025-12-24 18:00:00 +00:00 (file-modified)
}
