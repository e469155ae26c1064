package cli

import (
	"io"
	"strings"

	"golang.org/x/text/width"

	"redress/evidence"
)

// table lines up columns by display width, counting Chinese characters as
// two columns, which text/tabwriter does not.
type table struct{ rows [][]string }

func (t *table) row(cells ...string) { t.rows = append(t.rows, cells) }

func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

func (t *table) write(w io.Writer) {
	var widths []int
	for _, row := range t.rows {
		for i, c := range row {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], displayWidth(oneLine(c)))
		}
	}
	var b strings.Builder
	for _, row := range t.rows {
		last := len(row) - 1
		for last >= 0 && row[last] == "" {
			last--
		}
		for i := 0; i <= last; i++ {
			c := oneLine(row[i])
			b.WriteString(c)
			if i < last {
				b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(c)+2))
			}
		}
		b.WriteByte('\n')
	}
	io.WriteString(w, b.String())
}

// oneLine makes a cell one line, safe for a terminal: line breaks and tabs
// become spaces, other control characters and direction overrides are
// shown escaped (\x1b, \u202e), never sent raw.
func oneLine(s string) string {
	return evidence.Printable(strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ").Replace(s))
}
