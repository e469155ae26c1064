package dossier

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"redress/evidence"
	"redress/letters"
)

// A letter of authority renders on its own through the dossier canvas:
// sound by qpdf and MuPDF, its title set as a title and a bookmark, every
// paragraph back from pdftotext whole, the signature lines blank.
func TestRenderDocument(t *testing.T) {
	for _, lang := range []evidence.Language{evidence.Chinese, evidence.English} {
		t.Run(string(lang), func(t *testing.T) {
			pdfNeed(t, "pdftotext", "qpdf")
			c := pdfDossier(lang).Case
			doc := letters.ComposeAuthority(letters.Authority{Lang: lang, Jurisdiction: evidence.CN,
				Client:         letters.Party{Name: "王小明", Address: "上海市浦东新区\n世纪大道100号", Phone: "13812345678"},
				Representative: letters.Party{Name: "李静", Firm: "明理法律服务所", Email: "lijing@example.cn"},
				Provider:       "上海欧凯支付科技有限公司", Problem: evidence.TopupNotCredited, Scope: letters.FullScope})
			var b bytes.Buffer
			res, err := RenderDocument(&b, Document{Case: c, Lang: lang, Title: doc.Title, Text: doc.Text(), Generated: pdfClock})
			if err != nil {
				t.Fatalf("RenderDocument: %v", err)
			}
			path := filepath.Join(t.TempDir(), "authority.pdf")
			if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
				t.Fatal(err)
			}
			// CheckPDF wants a dossier's links; a single document has none.
			if out := pdfRun(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors found") ||
				strings.Contains(strings.ToLower(out), "warning") {
				t.Errorf("qpdf --check: %s", out)
			}
			if out := pdfRun(t, "mutool", "draw", "-r", "12", "-F", "png", "-o", t.TempDir()+"/p%d.png", path); strings.Contains(strings.ToLower(out), "error") {
				t.Errorf("mutool draw: %s", out)
			}
			if res.Pages < 1 {
				t.Errorf("Pages = %d", res.Pages)
			}
			got := pdfStrip(pdfText(t, path, "-raw"))
			for _, p := range strings.Split(doc.Text(), "\n\n") {
				if !strings.Contains(got, pdfStrip(p)) {
					t.Errorf("paragraph not in the PDF: %q", p)
				}
			}
			if outline := pdfRun(t, "mutool", "show", path, "outline"); !strings.Contains(outline, doc.Title) {
				t.Errorf("outline = %q, want the title %q", outline, doc.Title)
			}
			if info := pdfRun(t, "pdfinfo", path); !strings.Contains(info, doc.Title) {
				t.Errorf("pdfinfo = %q, want the title %q", info, doc.Title)
			}
		})
	}
}

// The form answers print as an appendix with a contents entry and a
// bookmark each; a missing answer says so; the manifest records which
// entries are in and which were left out (IDs only).
func TestFormsAppendixAndSelection(t *testing.T) {
	for _, lang := range []evidence.Language{evidence.English, evidence.Chinese} {
		t.Run(string(lang), func(t *testing.T) {
			pdfNeed(t, "pdftotext", "qpdf")
			d := pdfDossier(lang)
			d.To = letters.Regulator
			// The user left out the private note ev-8.
			var kept []evidence.Event
			for _, e := range d.Events {
				if e.ID != "ev-8" {
					kept = append(kept, e)
				}
			}
			d.Events, d.LeftOut = kept, []string{"ev-8"}
			d.Forms = []FormPage{
				{Title: "Financial Ombudsman Service — complaint form", Lines: []string{"https://www.financial-ombudsman.org.uk/", "Checked 2026-11-28"},
					Fields: []FormField{{Label: "Your full name", Required: true, Value: "Alex Morgan"},
						{Label: "Date of birth", Required: true, Note: "The service uses it to confirm who you are."},
						{Label: "What happened?", Required: true, Value: "My top-up never arrived.", Note: "Cut to 2,000 characters."}}},
				{Title: "National 12315 platform — consumer complaint (market regulator) 全国12315平台 · 消费投诉", Fields: []FormField{{Label: "被投诉人地址", Required: true, Value: "上海市浦东新区世纪大道100号"}}},
			}
			path, res, _ := pdfRender(t, d)
			text := pdfText(t, path, "-raw")
			flat := pdfStrip(text)
			title := "Appendix — answers for Financial Ombudsman Service — complaint form"
			missing := "— not yet known —"
			if lang == evidence.Chinese {
				title, missing = "附录：Financial Ombudsman Service — complaint form 填写内容", "——尚未掌握——"
			}
			for _, want := range []string{title, "Alex Morgan", "My top-up never arrived.", "Cut to 2,000 characters.", missing,
				"The service uses it to confirm who you are.", "上海市浦东新区世纪大道100号"} {
				if !strings.Contains(flat, pdfStrip(want)) {
					t.Errorf("the PDF lacks %q", want)
				}
			}
			if outline := pdfRun(t, "mutool", "show", path, "outline"); !strings.Contains(outline, "12315") || !strings.Contains(outline, "Financial Ombudsman") {
				t.Errorf("outline = %s, want both appendices", outline)
			}
			// The contents on the cover list both appendices.
			first := pdfStrip(pdfText(t, path, "-f", "1", "-l", "1"))
			if !strings.Contains(first, pdfStrip(title)) {
				t.Errorf("the contents lack %q:\n%s", title, first)
			}
			if strings.Contains(text, "👍") || strings.Contains(flat, "18Nov") && strings.Contains(flat, "confirmedtwice") {
				t.Errorf("the left-out note is in the PDF")
			}
			m := res.Manifest
			if !slices.Equal(m.LeftOut, []string{"ev-8"}) || slices.Contains(m.Entries, "ev-8") || !slices.Contains(m.Entries, "ev-1") ||
				slices.Contains(m.Entries, "ev-9") {
				t.Errorf("manifest entries %v, left out %v; want ev-8 left out, archived ev-9 absent", m.Entries, m.LeftOut)
			}
		})
	}
}
