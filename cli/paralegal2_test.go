package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"redress/internal/testtool"
)

// Issue 14 on the command line in Chinese: the records request for a CN
// client's case cites 电子商务法 art. 53 on the client's behalf and, sent,
// starts its 30-day clock; the regulator dossier reads as written by the
// 委托代理人 for the client.
func TestParalegalCommandLineChinese(t *testing.T) {
	testtool.Need(t, "poppler-utils", "pdftotext")
	setLang(t, "zh")
	dir := filepath.Join(t.TempDir(), "data")
	work := t.TempDir()
	mustRun(t, dir, "profile", "set", "--name", "Li Jing", "--firm", "Mingli Legal Services", "--role", "paralegal",
		"--email", "lijing@example.cn", "--phone", "021-5555 0101")
	mustRun(t, dir, "client", "new", "--name", "王小明", "--phone", "13812345678", "--id-number", "310101195803021234",
		"--address", "上海市浦东新区世纪大道100号")
	cn := mustRun(t, dir, "case", "new", "--title", "充值未到账", "--provider", "OKPay", "--problem", "topup-not-credited",
		"--jurisdiction", "CN", "--amount", "1280.00", "--currency", "CNY", "--client", "王小明", "--represented", "--incident", "2026-11-02")
	mustRun(t, dir, "event", "add", cn[:8], "--kind", "contact", "--channel", "chat", "--at", "2026-11-03 10:00", "--summary", "客服称24小时内到账")

	// The records request: its text, its PDF, sent on 21 November.
	text := mustRun(t, dir, "records", cn[:8], "--text")
	for _, want := range []string{"《中华人民共和国电子商务法》第五十三条", "《中华人民共和国个人信息保护法》第四十五条", "委托代理人Li Jing"} {
		if !strings.Contains(text, want) {
			t.Errorf("records --text lacks %q:\n%s", want, text)
		}
	}
	rec := filepath.Join(work, "records.pdf")
	out := mustRun(t, dir, "records", cn[:8], "-o", rec, "--sent", "--via", "email", "--at", "2026-11-21T10:00:00+08:00")
	for _, want := range []string{"已记录为已发出", "答复期限：2026-12-21"} {
		if !strings.Contains(out, want) {
			t.Errorf("records --sent lacks %q:\n%s", want, out)
		}
	}
	if pdf := strings.ReplaceAll(pdfText(t, rec), " ", ""); !strings.Contains(pdf, "《中华人民共和国电子商务法》第五十三条") ||
		!strings.Contains(pdf, "委托代理人LiJing") {
		t.Errorf("the records PDF lacks the article or the 代理人:\n%.1500s", pdf)
	}
	if next := mustRun(t, dir, "next", cn[:8], "--json"); !strings.Contains(next, `"rule": "cn.records-reply"`) {
		t.Errorf("next --json lacks the records clock:\n%s", next)
	}

	// The regulator dossier, in Chinese, on the client's behalf.
	reg := filepath.Join(work, "regulator.pdf")
	mustRun(t, dir, "dossier", cn[:8], "--to", "regulator", "--lang", "zh", "-o", reg)
	testtool.CheckPDF(t, reg)
	pdf := strings.ReplaceAll(pdfText(t, reg), " ", "")
	for _, want := range []string{"委托代理人LiJing（MingliLegalServices）受委托人王小明委托", "代为提出本投诉",
		"请将答复及与本投诉有关的往来函件送交委托代理人"} {
		if !strings.Contains(pdf, want) {
			t.Errorf("the Chinese regulator dossier lacks %q:\n%.3000s", want, pdf)
		}
	}
}
