package email

import (
	"bytes"
	"fmt"
	"io"
	"testing"
)

// BenchmarkMbox reads a mailbox of 1,000 messages (the fixtures, with
// their GBK, Big5, base64 and quoted-printable parts, over and over) one
// message at a time, as an import does.
func BenchmarkMbox(b *testing.B) {
	var box bytes.Buffer
	names := []string{"gbk-body.eml", "gb2312-qp.eml", "big5.eml", "utf8-attachments.eml", "html-only.eml", "alternative-inline.eml", "forwarded.eml", "flowed.eml"}
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&box, "From x@example.cn Fri Dec  5 01:00:00 2025\n%s\n", read(b, names[i%len(names)]))
	}
	data := box.Bytes()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		mb := NewMbox(bytes.NewReader(data), "bench.mbox")
		n := 0
		for {
			_, err := mb.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 1000 {
			b.Fatalf("read %d messages, want 1000", n)
		}
	}
}
