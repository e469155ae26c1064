package dossier

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"redress/evidence"
	"redress/internal/testtool"
	"redress/letters"
)

// TestAuthorityAndRecordsInPDF sets the letter of authority and the
// records request as the letter of a real dossier and reads the PDF back:
// qpdf finds it sound and every paragraph comes back from pdftotext whole,
// in both languages (the Chinese text is broken by the renderer's own line
// breaker, never gofpdf's).
func TestAuthorityAndRecordsInPDF(t *testing.T) {
	testtool.Need(t, "poppler-utils and qpdf", "pdftotext", "qpdf")
	when := time.Date(2026, 11, 28, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
	for _, lang := range []evidence.Language{evidence.Chinese, evidence.English} {
		c := evidence.Case{ID: "c0ffee00-0000-4000-8000-000000000014", Title: "OKPay", Provider: "OKPay",
			Problem: evidence.TopupNotCredited, Jurisdiction: evidence.CN, Language: lang,
			Complainant: evidence.Complainant{Name: "王小明", Contact: "13812345678",
				Address: "上海市浦东新区\n世纪大道100号", AccountID: "OK-8812345"}}
		texts := map[string]string{
			"authority": letters.ComposeAuthority(letters.Authority{Lang: lang, Jurisdiction: evidence.CN,
				Client:         letters.Party{Name: "王小明", Address: "上海市浦东新区世纪大道100号", Phone: "13812345678"},
				Representative: letters.Party{Name: "李静", Firm: "明理法律服务所", Email: "lijing@example.cn"},
				Provider:       "上海欧凯支付科技有限公司", Problem: evidence.TopupNotCredited, Reference: "T-8899",
				Scope: letters.FullScope, From: when}).Text(),
			"records": letters.ComposeRecords(letters.RecordsRequest{Case: c, Lang: lang, Date: when,
				TransactionIDs: []string{"TX2026112012345678"}}).Text(),
		}
		for name, text := range texts {
			t.Run(string(lang)+"-"+name, func(t *testing.T) {
				var b bytes.Buffer
				if _, err := Render(&b, Dossier{Case: c, Lang: lang, LetterText: text, Generated: when}); err != nil {
					t.Fatalf("Render: %v", err)
				}
				path := filepath.Join(t.TempDir(), name+".pdf")
				if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
					t.Fatal(err)
				}
				if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
					t.Fatalf("qpdf --check: %v\n%s", err, out)
				}
				out, err := exec.Command("pdftotext", "-enc", "UTF-8", "-raw", path, "-").Output()
				if err != nil {
					t.Fatalf("pdftotext: %v", err)
				}
				got := authStrip(string(out))
				for _, p := range strings.Split(text, "\n\n") {
					if want := authStrip(p); !strings.Contains(got, want) {
						t.Errorf("paragraph not in the PDF: %q", p)
					}
				}
			})
		}
	}
}

// authStrip removes white space (line breaks move with the layout).
func authStrip(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
