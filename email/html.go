package email

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlText turns an HTML body into readable plain text: block elements
// and <br> break lines, list items get a dash, table cells a tab, links
// keep their address when it differs from their text, and scripts, styles
// and the head are dropped. Runs of white space collapse as a browser
// shows them.
func htmlText(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var out strings.Builder
	var line strings.Builder // the current line, spaces collapsed
	skip := 0                // inside script, style, head or title
	pre := 0
	var hrefs []string // the open links' addresses
	var linkText []int // where each open link's text starts in line+out
	space := false
	newline := func(n int) {
		l := strings.TrimRight(line.String(), " ")
		line.Reset()
		space = false
		if l != "" {
			out.WriteString(l)
		}
		if out.Len() == 0 {
			return
		}
		// at most n line ends in a row
		cur := out.String()
		have := len(cur) - len(strings.TrimRight(cur, "\n"))
		for ; have < n; have++ {
			out.WriteByte('\n')
		}
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			newline(1)
			return strings.TrimSpace(out.String())
		case html.TextToken:
			if skip > 0 {
				continue
			}
			text := string(z.Text())
			if pre > 0 {
				parts := strings.Split(text, "\n")
				for i, p := range parts {
					if i > 0 {
						newline(1)
					}
					line.WriteString(p)
				}
				continue
			}
			for _, r := range text {
				if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
					space = true
					continue
				}
				if space && line.Len() > 0 {
					line.WriteByte(' ')
				}
				space = false
				if r == '\u00a0' {
					r = ' '
				}
				line.WriteRune(r)
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			end := tt == html.EndTagToken
			switch a {
			case atom.Script, atom.Style, atom.Head, atom.Title, atom.Template, atom.Noscript:
				if tt == html.StartTagToken {
					skip++
				} else if end && skip > 0 {
					skip--
				}
			case atom.Br:
				if line.Len() > 0 {
					newline(1)
				} else if out.Len() > 0 && !strings.HasSuffix(out.String(), "\n\n") {
					out.WriteByte('\n') // a second <br> in a row: a blank line
				}
				space = false
			case atom.P, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Blockquote, atom.Table, atom.Ul, atom.Ol, atom.Hr:
				newline(2)
			case atom.Div, atom.Tr, atom.Section, atom.Article, atom.Header, atom.Footer, atom.Dl, atom.Dt, atom.Dd, atom.Center, atom.Address, atom.Form:
				newline(1)
			case atom.Pre:
				newline(2)
				if tt == html.StartTagToken {
					pre++
				} else if end && pre > 0 {
					pre--
				}
			case atom.Li:
				newline(1)
				if !end {
					line.WriteString("- ")
				}
			case atom.Td, atom.Th:
				if !end && line.Len() > 0 {
					line.WriteByte('\t')
					space = false
				}
			case atom.A:
				if tt == html.StartTagToken {
					href := ""
					for hasAttr {
						var k, v []byte
						k, v, hasAttr = z.TagAttr()
						if string(k) == "href" {
							href = string(v)
						}
					}
					hrefs = append(hrefs, href)
					linkText = append(linkText, line.Len())
				} else if end && len(hrefs) > 0 {
					href, start := hrefs[len(hrefs)-1], linkText[len(linkText)-1]
					hrefs, linkText = hrefs[:len(hrefs)-1], linkText[:len(linkText)-1]
					text := ""
					if start <= line.Len() {
						text = strings.TrimSpace(line.String()[start:])
					}
					if shown := strings.TrimPrefix(href, "mailto:"); href != "" && !strings.HasPrefix(href, "#") &&
						!strings.HasPrefix(strings.ToLower(href), "javascript:") && text != shown && text != href {
						if line.Len() > 0 {
							line.WriteByte(' ')
						}
						line.WriteString("(" + shown + ")")
					}
				}
			case atom.Img:
				if tt != html.EndTagToken {
					for hasAttr {
						var k, v []byte
						k, v, hasAttr = z.TagAttr()
						if string(k) == "alt" && strings.TrimSpace(string(v)) != "" {
							if space && line.Len() > 0 {
								line.WriteByte(' ')
							}
							line.WriteString("[" + strings.TrimSpace(string(v)) + "]")
							space = false
						}
					}
				}
			}
		}
	}
}
