package dossier

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"redress/evidence"
)

// TestChronologyLetterChannel renders letters sent by each channel, one
// with an address besides its channel and one with neither, and reads the
// chronology back: each letter's row says how it was sent (and where),
// under the recipient, in the dossier's language; the row of a letter
// without a channel names none.
func TestChronologyLetterChannel(t *testing.T) {
	pdfNeed(t, "pdftotext")
	channels := []struct {
		channel evidence.Channel
		method  string
		en, zh  string
	}{
		{evidence.Email, "complaints@quickpay.example", "Email", "电子邮件"},
		{evidence.Post, "", "Letter by post", "邮寄信函"},
		{evidence.AppForm, "", "In-app complaint form", "应用内投诉表单"},
		{evidence.WebForm, "", "Web form", "网页表单"},
		{evidence.Fax, "", "Fax", "传真"},
		{"", "", "", ""},
	}
	tests := []struct {
		lang                               evidence.Language
		chronology, next, letter, provider string
		summary                            func(i int) string
	}{
		{evidence.English, "Chronology", "Transactions", "Letter sent", "Provider", func(i int) string { return fmt.Sprintf("Complaint number %d", i+1) }},
		{evidence.Chinese, "事件经过", "交易记录", "已发函件", "支付机构", func(i int) string { return fmt.Sprintf("第 %d 封投诉函", i+1) }},
	}
	day := regexp.MustCompile(`(?m)^\d{4}-\d{2}-\d{2}$`)
	for _, tt := range tests {
		t.Run(string(tt.lang), func(t *testing.T) {
			d := pdfDossier(tt.lang)
			var letters []evidence.Event
			for _, e := range d.Events {
				if e.Letter == nil {
					letters = append(letters, e)
				}
			}
			for i, c := range channels {
				letters = append(letters, evidence.Event{ID: fmt.Sprintf("ev-l%d", i), Kind: evidence.KindLetter,
					At:      time.Date(2026, 11, 22, 9+i, 0, 0, 0, time.UTC),
					Summary: tt.summary(i),
					Letter:  &evidence.Letter{To: evidence.ToProvider, Channel: c.channel, Method: c.method}})
			}
			d.Events = letters
			path, _, _ := pdfRender(t, d)

			// The chronology: from the page its heading starts to the
			// page the next section's heading starts.
			var chron string
			in := false
			for _, page := range strings.Split(pdfText(t, path, "-raw"), "\f") {
				head, _, _ := strings.Cut(strings.TrimSpace(page), "\n")
				switch strings.TrimSpace(head) {
				case tt.chronology:
					in = true
				case tt.next:
					in = false
				}
				if in {
					chron += pdfFooter.ReplaceAllString(page, "") + "\n"
				}
			}
			if chron == "" {
				t.Fatalf("no page starts with %q", tt.chronology)
			}
			// Rows start with their date.
			rows := day.Split(chron, -1)
			for i, c := range channels {
				want := tt.summary(i)
				var row string
				for _, r := range rows {
					if strings.Contains(pdfStrip(r), pdfStrip(want)) {
						row = pdfStrip(r)
					}
				}
				if row == "" {
					t.Errorf("%s: no chronology row has %q:\n%s", tt.lang, want, chron)
					continue
				}
				label := c.en
				if tt.lang == evidence.Chinese {
					label = c.zh
				}
				cell := pdfStrip(tt.letter + "→" + tt.provider + label + c.method)
				if !strings.Contains(row, cell) {
					t.Errorf("%s: row of the letter sent by %q = %q, want it to hold %q", tt.lang, c.channel, row, cell)
				}
				if c.channel != "" {
					continue
				}
				for _, other := range channels[:len(channels)-1] {
					for _, l := range []string{other.en, other.zh} {
						if strings.Contains(row, pdfStrip(l)) {
							t.Errorf("%s: row of a letter with no channel = %q, names the channel %q", tt.lang, row, l)
						}
					}
				}
			}
		})
	}
}
