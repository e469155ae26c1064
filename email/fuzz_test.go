package email

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzParse feeds arbitrary bytes to Parse and ParseMbox: they must never
// panic, a failure must be an *Error with a translated sentence, and a
// message must keep the input as its Original and give valid UTF-8 text.
func FuzzParse(f *testing.F) {
	names, _ := filepath.Glob("testdata/*.eml")
	names = append(names, "testdata/mailbox.mbox")
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("Subject: =?GBK?B?s+TW?= =?GBK?B?tQ==?=\nContent-Type: multipart/mixed; boundary=x\n\n--x\n\n--x--"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Parse("f.eml", data)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Parse error %v is not an *Error", err)
			}
		} else {
			if !bytes.Equal(m.Original, data) {
				t.Fatal("Parse changed Original")
			}
			for _, s := range []string{m.Subject, m.Body, m.DateText} {
				if !utf8.ValidString(s) {
					t.Fatalf("Parse gave invalid UTF-8 %q", s)
				}
			}
			for _, a := range m.Attachments {
				if a.Name == "" || !utf8.ValidString(a.Name) || bytes.ContainsAny([]byte(a.Name), "/\\\x00") {
					t.Fatalf("Parse gave a bad attachment name %q", a.Name)
				}
			}
			_ = Key(m)
			_ = Direction(m, []string{"a@b"})
		}
		msgs, err := ParseMbox("f.mbox", data)
		for _, m := range msgs {
			if len(m.Original) > len(data) {
				t.Fatalf("an mbox message is longer than the file")
			}
		}
		_ = err
	})
}
