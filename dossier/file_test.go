package dossier

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestRenumber(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"references", " <</Type /Page /Parent 1 0 R /Contents 4 0 R>>\nendobj\n",
			" <</Type /Page /Parent 11 0 R /Contents 14 0 R>>\nendobj\n"},
		{"arrays and nested dictionaries", " <</Kids [3 0 R 5 0 R ] /A <</D [7 0 R /XYZ 0 10 null]>>>>\nendobj\n",
			" <</Kids [13 0 R 15 0 R ] /A <</D [17 0 R /XYZ 0 10 null]>>>>\nendobj\n"},
		{"text that looks like a reference", " <</Title (see 5 0 R \\(and 6 0 R\\) \\\\) /T <35203020>>>\nendobj\n",
			" <</Title (see 5 0 R \\(and 6 0 R\\) \\\\) /T <35203020>>>\nendobj\n"},
		{"nested parentheses", " <</T (a (5 0 R) b) /P 2 0 R>>\nendobj\n", " <</T (a (5 0 R) b) /P 12 0 R>>\nendobj\n"},
		{"numbers that are not references", " <</MediaBox [0 0 595 842] /W [1 0 2]>>\nendobj\n",
			" <</MediaBox [0 0 595 842] /W [1 0 2]>>\nendobj\n"},
		{"names ending in digits", " <</F1 9 0 R /R 3>>\nendobj\n", " <</F1 19 0 R /R 3>>\nendobj\n"},
		{"stream data is left alone", " <</Length 8 /X 2 0 R>>\nstream\n5 0 R ()\nendstream\nendobj\n",
			" <</Length 8 /X 12 0 R>>\nstream\n5 0 R ()\nendstream\nendobj\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := renumber([]byte(tc.in), 10)
			if err != nil || string(got) != tc.want {
				t.Errorf("renumber(%q, 10) = %q, %v; want %q", tc.in, got, err, tc.want)
			}
		})
	}
	for _, bad := range []string{" <</T (unterminated>>\nendobj\n", " <</H <abc>>", " <</A 1 0 R>>"} {
		if _, err := renumber([]byte(bad), 1); err == nil {
			t.Errorf("renumber(%q) = nil error, want one", bad)
		}
	}
}

func FuzzRenumber(f *testing.F) {
	f.Add([]byte(" <</Title (x 5 0 R) /P 1 0 R>>\nendobj\n"))
	f.Add([]byte(" <</Length 3>>\nstream\nabc\nendstream\nendobj\n"))
	f.Fuzz(func(t *testing.T, obj []byte) {
		out, err := renumber(obj, 3)
		if err == nil && len(out) < len(obj) {
			t.Errorf("renumber shrank %q to %q", obj, out)
		}
	})
}

// gofpdfReplace is what gofpdf's RegisterAlias did to a page written with
// a UTF-8 font: every alias, in UTF-16BE, replaced by its text, one alias
// after the other over the whole page.
func gofpdfReplace(page string, aliases map[string]string) string {
	for alias, text := range aliases {
		page = strings.ReplaceAll(page, string(utf16be(alias)[2:]), string(utf16be(text)[2:]))
	}
	return page
}

// TestAliasesMatchGofpdf checks the one-pass replacement against gofpdf's
// way on pages as gofpdf writes them (text in UTF-16BE inside strings).
func TestAliasesMatchGofpdf(t *testing.T) {
	mark := aliasMark
	aliases := map[string]string{
		mark + "xp1" + mark:  "7",
		mark + "xp10" + mark: "130",
		mark + "xn1" + mark:  "3",
		nbAlias:              "132",
	}
	tj := func(s string) string { return "BT 10.00 20.00 Td (" + string(utf16be(s)[2:]) + ") Tj ET\n" }
	for _, tc := range []struct{ name, page string }{
		{"no text", "q 0.2 w 1 0 0 RG 10 10 m 20 20 l S Q\n"},
		{"one alias", tj("Page " + mark + "xp1" + mark)},
		{"aliases side by side", tj(mark + "xp1" + mark + mark + "xp10" + mark + " of " + nbAlias)},
		{"part k of n", tj("Case ref. 3f6c2a9e   Page 2 of "+mark+"xn1"+mark) + tj("第 1 页，共 "+nbAlias+" 页")},
		{"an unknown alias stays", tj("x " + mark + "xp99" + mark + " y " + mark + "xp1" + mark)},
		{"a lone mark stays", tj("a " + mark + " b " + mark + "xp1" + mark)},
		{"CJK whose bytes hold the mark off alignment", tj("\u4ee0A\u4ee0" + mark + "xp10" + mark)},
		{"typed template markers", tj("{nb} {xp1} stay as typed")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := gofpdfReplace(tc.page, aliases)
			if got := string(newAliases(aliases).in([]byte(tc.page))); got != want {
				t.Errorf("aliases.in(%q) = %q, want %q", tc.page, got, want)
			}
		})
	}
}

// TestPageContents: a page's contents come back compressed, with the
// aliases replaced; a stream whose length is wrong is refused.
func TestPageContents(t *testing.T) {
	text := "BT (" + string(utf16be("Page " + nbAlias)[2:]) + ") Tj ET"
	aliases := newAliases(map[string]string{nbAlias: "12"})
	obj := fmt.Sprintf("\n<</Length %d>>\nstream\n%s\nendstream\nendobj\n", len(text), text)
	got, err := pageContents([]byte(obj), aliases)
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`^\n<</Filter /FlateDecode /Length (\d+)>>\nstream\n`).FindSubmatchIndex(got)
	if m == nil {
		t.Fatalf("pageContents = %q, want a compressed stream", got)
	}
	n, _ := strconv.Atoi(string(got[m[2]:m[3]]))
	if rest := string(got[m[1]+n:]); rest != "\nendstream\nendobj\n" {
		t.Fatalf("pageContents: after %d bytes of data: %q, want the end of the stream", n, rest)
	}
	zr, err := zlib.NewReader(bytes.NewReader(got[m[1] : m[1]+n]))
	if err != nil {
		t.Fatal(err)
	}
	plain, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if want := "BT (" + string(utf16be("Page 12")[2:]) + ") Tj ET"; string(plain) != want {
		t.Errorf("decompressed contents = %q, want %q", plain, want)
	}
	for _, bad := range []string{
		fmt.Sprintf("\n<</Length %d>>\nstream\n%s\nendstream\nendobj\n", len(text)+5, text),
		fmt.Sprintf("\n<</Length %d>>\nstream\n%s\nendstream\nendobj\n", len(text)-3, text),
		"\n<</Filter /FlateDecode /Length 3>>\nstream\nabc\nendstream\nendobj\n",
	} {
		if _, err := pageContents([]byte(bad), aliases); err == nil {
			t.Errorf("pageContents(%q) = nil error, want one", bad)
		}
	}
}
