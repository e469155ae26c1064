package dossier

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"redress/evidence"
	"redress/internal/testtool"
	"redress/lang"
	"redress/letters"
	"redress/letters/typeset"
)

// The golden files are rewritten with: go test ./dossier -run Golden -update
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files in testdata")
	}
}

func pdfUpdate() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// pdfNeed skips the test when a command-line tool is missing, or fails it
// where REDRESS_REQUIRE_TOOLS=1 (CI), so there the tests always run.
func pdfNeed(t testing.TB, tools ...string) {
	t.Helper()
	testtool.Need(t, "poppler-utils and qpdf", tools...)
}

func pdfRun(t testing.TB, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

var pdfClock = time.Date(2026, 11, 22, 10, 30, 0, 0, time.FixedZone("CST", 8*3600))

// --- test images -------------------------------------------------------------

// pdfFakeStatement is a small but well-formed one-page PDF.
func pdfFakeStatement() []byte {
	return []byte("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
}

// pdfFiles holds the bytes of the test exhibits by SHA-256; pdfRead reads
// them as the app reads the store.
var pdfFiles sync.Map

func pdfRead(a evidence.Attachment) ([]byte, error) {
	data, ok := pdfFiles.Load(a.SHA256)
	if !ok {
		return nil, fmt.Errorf("no file %s", a.SHA256)
	}
	return data.([]byte), nil
}

func pdfExhibitFile(number, name, mediaType string, kind evidence.Kind, eventID, caption string, captured time.Time, data []byte) evidence.Enclosure {
	sum := sha256.Sum256(data)
	sha := hex.EncodeToString(sum[:])
	pdfFiles.Store(sha, data)
	return evidence.Enclosure{
		Number: number,
		Attachment: evidence.Attachment{
			ID: "att-" + number, SHA256: sha, Size: int64(len(data)),
			Name: name, MediaType: mediaType, Caption: caption,
			Imported: time.Date(2026, 11, 21, 21, 0, 0, 0, time.UTC),
		},
		EventID: eventID, Kind: kind, Caption: caption, At: captured,
	}
}

// pdfData is the bytes of a test exhibit.
func pdfData(x evidence.Enclosure) []byte {
	data, _ := pdfFiles.Load(x.Attachment.SHA256)
	b, _ := data.([]byte)
	return b
}

// --- test dossiers -----------------------------------------------------------

const (
	pdfAccount = "6222 0202 0202 0202"
	pdfTxID    = "TXN2026111809301234567890ABCDEFGHIJKLMNO" // 40 characters
)

type pdfTestImages struct {
	phone, tall, desktop, photo []byte
}

// pdfImages are made once, when a dossier test first needs them.
var pdfImages = sync.OnceValue(func() pdfTestImages {
	return pdfTestImages{
		phone:   testtool.Screenshot(540, 1170, 1, true),
		tall:    testtool.Screenshot(540, 3400, 2, true),
		desktop: testtool.Screenshot(1280, 720, 3, false),
		photo:   testtool.Photo(900, 1200, 4),
	}
})

func pdfPtr[T any](v T) *T { return &v }

func pdfDossier(lang evidence.Language) Dossier {
	utc := time.UTC
	cst := time.FixedZone("CST", 8*3600)
	at := func(day, h, m int, loc *time.Location) time.Time {
		return time.Date(2026, 11, day, h, m, 0, 0, loc)
	}
	zh := lang == evidence.Chinese
	pick := func(en, zh_ string) string {
		if zh {
			return zh_
		}
		return en
	}
	c := evidence.Case{
		ID:           "3f6c2a9e-8d1b-4c7a-9f2e-5b8d7c6a1e04",
		Title:        pick("Top-up of £1,280 never credited to my QuickPay wallet", "QuickPay 钱包充值 1,280.00 元未到账"),
		Provider:     pick("QuickPay Wallet Ltd", "快付支付科技有限公司"),
		Problem:      evidence.TopupNotCredited,
		Jurisdiction: evidence.UK,
		Amount:       evidence.Money{Minor: 128000, Currency: pick("GBP", "CNY")},
		Incident:     "2026-11-18",
		Complainant: evidence.Complainant{
			Name:      pick("Alex Morgan", "李晓明"),
			Contact:   pick("alex.morgan@example.org, +44 7700 900123", "电话 138 0013 8000，邮箱 li@example.cn"),
			Address:   pick("12 High Street\nLondon N1 9GU", "上海市浦东新区世纪大道 100 号"),
			AccountID: pdfAccount,
		},
		Language: lang,
	}
	longZh := "２０２６年１１月１８日上午九时三十分，本人通过绑定的银行卡（尾号０２０２）向快付钱包充值人民币１,２８０.００元，银行已于当日扣款，但钱包余额至今未增加。本人当天即联系在线客服，客服人员表示资金“正在处理中”，并承诺二十四小时内到账；然而截至本函发出之日，款项仍未到账，客服也未再主动联系本人。本人多次拨打客服热线，每次均被告知“已提交加急处理”，却始终没有任何书面答复。根据《中华人民共和国消费者权益保护法》及《非银行支付机构监督管理条例》的有关规定，支付机构应当保障客户资金安全，及时处理客户投诉。现本人郑重要求贵公司在收到本函之日起十五日内将上述款项充入本人钱包账户，或原路退回至本人银行卡，并书面说明延误原因。"
	events := []evidence.Event{
		{ID: "ev-1", Kind: evidence.KindTransaction, At: at(18, 9, 30, utc),
			Summary: pick("Top-up from my bank card", "从银行卡充值"),
			Transaction: &evidence.Transaction{TxID: pdfTxID, Amount: c.Amount, Direction: evidence.MoneyIn,
				Status: pick("Pending", "处理中"), Counterparty: pick("Card ", "银行卡 ") + pdfAccount}},
		{ID: "ev-2", Kind: evidence.KindScreenshot, At: at(18, 9, 45, utc),
			Summary: pick("Wallet still shows the old balance", "钱包余额仍为充值前金额"),
			Exhibit: &evidence.Exhibit{Caption: pick("Wallet balance after top-up", "充值后的钱包余额")}},
		{ID: "ev-3", Kind: evidence.KindContact, At: at(18, 10, 5, utc), Reference: "CHAT-88213",
			Summary: pick("Asked where the top-up went; the agent said it was “processing”.", "询问充值去向，客服称“正在处理中”。"),
			Contact: &evidence.Contact{Channel: evidence.Chat, Direction: evidence.Outbound, Agent: pick("Sam (ID 4471)", "小王（工号 4471）"),
				Duration: 18 * time.Minute, Promise: pick("Funds will arrive within 24 hours", "二十四小时内到账"), PromiseBy: pdfPtr(at(19, 10, 5, utc))}},
		{ID: "ev-4", Kind: evidence.KindContact, At: at(20, 22, 30, cst), Reference: "CASE-2026-55410",
			Summary: pick("Called the hotline from Shanghai. The agent, Priya, confirmed that the top-up had been received from the card network but was held by an automated risk check; she could not say when it would be released and would not put it in writing. I asked for the complaint to be escalated to a supervisor and for a written reply.",
				longZh),
			Contact: &evidence.Contact{Channel: evidence.Phone, Direction: evidence.Outbound, Agent: pick("Priya", "陈女士"), Duration: 42*time.Minute + 30*time.Second}},
		{ID: "ev-5", Kind: evidence.KindDocument, At: at(20, 16, 0, utc),
			Summary: pick("Bank statement showing the debit", "银行流水显示已扣款"),
			Exhibit: &evidence.Exhibit{Caption: pick("Bank statement, November 2026", "2026年11月银行对账单")}},
		{ID: "ev-6", Kind: evidence.KindLetter, At: at(21, 9, 0, utc),
			Summary: pick("Formal complaint sent by email", "通过电子邮件发出正式投诉"),
			Letter:  &evidence.Letter{To: evidence.ToProvider, Method: "email"}},
		{ID: "ev-7", Kind: evidence.KindResponse, At: at(21, 17, 45, utc),
			Summary:  pick("Provider replied", "服务方回复"),
			Response: &evidence.Response{From: evidence.ToProvider, Name: pick("Complaints team", "投诉处理组"), Outcome: pick("We are investigating; please allow 5 business days.", "正在调查，请等待五个工作日。")}},
		{ID: "ev-8", Kind: evidence.KindNote, At: at(21, 20, 0, utc),
			Summary: pick("Called my bank: the money left account "+pdfAccount+" on 18 Nov 👍 — confirmed twice!", "致电银行：款项已于 18 日从账户 "+pdfAccount+" 扣出 😀，银行确认两次！")},
		{ID: "ev-9", Kind: evidence.KindNote, At: at(21, 21, 0, utc), Summary: "ARCHIVED-SHOULD-NOT-APPEAR",
			Archived: pdfPtr(at(21, 22, 0, utc))},
	}
	img := pdfImages()
	broken := img.phone[:len(img.phone)/3] // a screenshot cut short in transfer
	exhibits := []evidence.Enclosure{
		pdfExhibitFile("E-1", "Screenshot_20261118-094512.png", "image/png", evidence.KindScreenshot, "ev-2", pick("Wallet balance after top-up", "充值后的钱包余额"), events[1].At, img.phone),
		pdfExhibitFile("E-2", "chat-transcript-long.png", "image/png", evidence.KindScreenshot, "ev-3", pick("Whole chat transcript (scrolling capture)", "完整聊天记录（长截图）"), events[2].At, img.tall),
		pdfExhibitFile("E-3", "portal-top-up-history.png", "image/png", evidence.KindScreenshot, "ev-1", pick("Top-up history in the web portal", "网页端充值记录"), events[0].At, img.desktop),
		pdfExhibitFile("E-4", "statement-nov-2026.pdf", "application/pdf", evidence.KindDocument, "ev-5", pick("Bank statement, November 2026", "2026年11月银行对账单"), events[4].At, pdfFakeStatement()),
		pdfExhibitFile("E-5", "IMG_2041.jpg", "image/jpeg", evidence.KindScreenshot, "ev-7", pick("Letter from QuickPay, page 1", "快付公司来函第一页"), events[6].At, img.photo),
		pdfExhibitFile("E-6", "broken-screenshot.png", "image/png", evidence.KindScreenshot, "ev-2", pick("Second screenshot (damaged)", "第二张截图（已损坏）"), events[1].At, broken),
	}
	letterText := pick(
		"Alex Morgan\n12 High Street\nLondon N1 9GU\n\nQuickPay Wallet Ltd — Complaints team\n\n22 November 2026\n\nRe: Top-up of £1,280.00 not credited — account "+pdfAccount+"\n\nDear Sir or Madam,\n\nOn 18 November 2026 at 09:30 I topped up my QuickPay wallet (account "+pdfAccount+") with £1,280.00 from my bank card. My bank debited the money the same day (transaction "+pdfTxID+"), but my wallet balance has not changed. Your chat agent promised on 18 November that the funds would arrive within 24 hours; they have not, and nobody has contacted me since. I have called your hotline twice (reference CASE-2026-55410), without a written answer.\n\nI ask you to credit £1,280.00 to my wallet, or return it to my card, within 14 days of this letter, and to explain the delay in writing. If I do not receive a satisfactory reply by 6 December 2026, I will refer the complaint to the Financial Ombudsman Service 👍.\n\nEnclosures: E-1 to E-6 (see the exhibit index; template markers such as {nb} and {xp1} stay as typed).\n\nYours faithfully,\n\nAlex Morgan",
		"快付支付科技有限公司 投诉处理部门：\n\n事由：关于钱包充值 1,280.00 元未到账的投诉（账户 "+pdfAccount+"）\n\n尊敬的负责人：\n\n\u3000\u3000"+longZh+"\n\n\u3000\u3000本人的交易号为 "+pdfTxID+"，充值渠道为 Visa 借记卡（mixed English text: the agent said “please wait patiently”），金额 1,280.00 元。本人保留全部聊天记录、通话记录及银行流水作为证据😀，详见所附证据目录。\n\n\u3000\u3000如贵公司未能在2026年12月7日前给予书面答复，本人将向消费者协会及金融监管部门投诉。\n\n附件：证据 E-1 至 E-6。\n\n此致\n敬礼！\n\n投诉人：李晓明\n2026年11月22日",
	)
	return Dossier{
		Case: c, Events: events, To: letters.Provider, Lang: lang, Paper: "a4", Read: pdfRead,
		LetterText: letterText, Exhibits: exhibits, Generated: pdfClock,
		KeyDates: []string{
			pick("18 Nov 2026 — top-up made; bank debited the card", "2026年11月18日 — 充值，银行已扣款"),
			pick("19 Nov 2026 — credit promised by chat (missed)", "2026年11月19日 — 客服承诺到账日（未兑现）"),
			pick("6 Dec 2026 — reply due from the provider", "2026年12月6日 — 服务方答复期限"),
		},
		ChecklistSummary: pick("4 of 6 steps done: self-check, online chat, hotline, formal complaint. Next: consumer association.", "已完成 6 步中的 4 步：自查、在线客服、电话客服、正式投诉。下一步：向消费者协会投诉。"),
	}
}

type pdfBlock struct {
	page int
	text string
}

// pdfRender renders d into a file in a temporary directory and returns its
// path, the result and the text blocks in drawing order.
func pdfRender(t testing.TB, d Dossier) (string, Result, []pdfBlock) {
	t.Helper()
	var b bytes.Buffer
	var blocks []pdfBlock
	res, err := render(&b, d, func(page int, s string) { blocks = append(blocks, pdfBlock{page, s}) })
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	path := filepath.Join(t.TempDir(), "dossier.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	// Every dossier a test renders is checked as a reader would use it.
	testtool.CheckPDF(t, path)
	return path, res, blocks
}

func pdfText(t testing.TB, path string, args ...string) string {
	t.Helper()
	return pdfRun(t, "pdftotext", append(append([]string{"-enc", "UTF-8"}, args...), path, "-")...)
}

// pdfStrip removes every white-space character.
func pdfStrip(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

var pdfAliasRE = regexp.MustCompile(`\x{e000}x[pn]\d+\x{e000}`)

// pdfFooter matches the footer line of a page in both languages.
var pdfFooter = regexp.MustCompile(`(?m)^(Case ref\. \S+ Page \d+ of \d+ Generated \S+|案件编号 \S+ 第 \d+ 页，共 \d+ 页 生成日期 \S+)$`)

// --- tests -----------------------------------------------------------------------

func TestDossierGolden(t *testing.T) {
	pdfNeed(t, "pdftotext")
	for _, lang := range []evidence.Language{evidence.English, evidence.Chinese} {
		t.Run(string(lang), func(t *testing.T) {
			path, res, _ := pdfRender(t, pdfDossier(lang))
			var lines []string
			for _, l := range strings.Split(pdfText(t, path, "-raw"), "\n") {
				l = strings.TrimRight(l, " \t")
				for _, p := range res.Problems {
					if l == p.Reason {
						// The images package words its errors.
						l = "<reason from package images>"
					}
				}
				lines = append(lines, l)
			}
			got := strings.Join(lines, "\n")
			golden := filepath.Join("testdata", "dossier_"+string(lang)+".golden")
			if pdfUpdate() {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./letters -run DossierGolden -update to create it)", err)
			}
			if got != string(want) {
				gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
				for i := 0; i < max(len(gl), len(wl)); i++ {
					var g, w string
					if i < len(gl) {
						g = gl[i]
					}
					if i < len(wl) {
						w = wl[i]
					}
					if g != w {
						t.Fatalf("pdftotext output differs from %s at line %d:\n got: %q\nwant: %q\n(run with -update if the change is intended)", golden, i+1, g, w)
					}
				}
			}
		})
	}
}

// TestDossierRoundTrip checks that every character of every block of text
// drawn (paragraphs, table cells, labels) comes back from pdftotext, in
// order, once white space and page footers are removed.
func TestDossierRoundTrip(t *testing.T) {
	pdfNeed(t, "pdftotext")
	has, err := glyphs()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []evidence.Language{evidence.English, evidence.Chinese} {
		t.Run(string(lang), func(t *testing.T) {
			d := pdfDossier(lang)
			path, _, blocks := pdfRender(t, d)
			raw := pdfText(t, path, "-raw")
			// Page by page, so that blocks drawn on an earlier page at the
			// end (the table of contents) are looked for on their page.
			var text string
			starts := []int{0, 0} // starts[p] is where page p begins in text
			for _, page := range strings.Split(raw, "\f") {
				text += pdfStrip(pdfFooter.ReplaceAllString(page, ""))
				starts = append(starts, len(text))
			}

			pos, page := 0, 0
			for i, blk := range blocks {
				if blk.page != page {
					page, pos = blk.page, starts[blk.page]
				}
				b := blk.text
				// Page-number aliases are replaced when the PDF is
				// written: the text around them must be there, in order.
				for _, want := range pdfAliasRE.Split(pdfStrip(b), -1) {
					if want == "" {
						continue
					}
					k := strings.Index(text[pos:], want)
					if k < 0 {
						where := "missing"
						if strings.Contains(text, want) {
							where = "out of order"
						}
						t.Fatalf("block %d (page %d) %s in pdftotext output: %q\nnear: %q", i, blk.page, where, b, text[pos:min(len(text), pos+300)])
					}
					pos += k + len(want)
				}
			}

			// The user's own words, independently of the renderer: every
			// letter paragraph and every event summary.
			// Emoji are named (see TestDossierRoundTrip's emoji checks).
			emoji := strings.NewReplacer("👍", "[thumbs up sign]", "😀", "[表情 U+1F600]")
			for _, p := range strings.Split(d.LetterText, "\n\n") {
				if want := pdfStrip(typeset.Sanitize(emoji.Replace(p), has)); !strings.Contains(text, want) {
					t.Errorf("letter paragraph missing: %q", p)
				}
			}
			for _, e := range d.Events {
				want := pdfStrip(typeset.Sanitize(emoji.Replace(e.Summary), has))
				if got := strings.Contains(text, want); got == (e.Archived != nil) {
					t.Errorf("summary of event %s (archived %v) in the PDF = %v: %q", e.ID, e.Archived != nil, got, e.Summary)
				}
			}
			if !strings.Contains(text, pdfTxID) {
				t.Errorf("the 40-character transaction ID %s is not in the PDF in one piece", pdfTxID)
			}
			// Emoji come back as the substitute, never silently dropped.
			for _, emoji := range []string{"👍", "😀"} {
				if strings.Contains(raw, emoji) {
					t.Errorf("emoji %s reached the PDF", emoji)
				}
			}
			// … as its name, or its code point in Chinese.
			if lang == evidence.English && !strings.Contains(text, "18Nov[thumbsupsign]—confirmedtwice!") {
				t.Errorf("emoji 👍 in an event summary did not become [thumbs up sign]")
			}
			if lang == evidence.Chinese && !strings.Contains(text, "扣出[表情U+1F600]，银行确认两次！") {
				t.Errorf("emoji 😀 in an event summary did not become [表情 U+1F600]")
			}
			// Kinsoku in the letter: no line starts with closing
			// punctuation or ends with opening punctuation.
			letterPage := strings.Split(raw, "\f")[1]
			for _, l := range strings.Split(strings.TrimSpace(letterPage), "\n") {
				rs := []rune(strings.TrimSpace(l))
				if len(rs) == 0 {
					continue
				}
				if strings.ContainsRune("，。、；：！？）」』】》”’,.;:!?)", rs[0]) {
					t.Errorf("letter line starts with closing punctuation: %q", l)
				}
				if strings.ContainsRune("（「『【《“‘([", rs[len(rs)-1]) {
					t.Errorf("letter line ends with opening punctuation: %q", l)
				}
			}
		})
	}
}

func TestDossierQPDFAndFonts(t *testing.T) {
	pdfNeed(t, "qpdf", "pdffonts")
	for _, lang := range []evidence.Language{evidence.English, evidence.Chinese} {
		t.Run(string(lang), func(t *testing.T) {
			path, _, _ := pdfRender(t, pdfDossier(lang))
			out := pdfRun(t, "qpdf", "--check", path)
			if !strings.Contains(out, "No syntax or stream encoding errors") {
				t.Errorf("qpdf --check:\n%s", out)
			}
			fonts := map[string]string{}
			for _, l := range strings.Split(pdfRun(t, "pdffonts", path), "\n")[2:] {
				f := strings.Fields(l)
				if len(f) >= 6 {
					fonts[f[0]] = f[len(f)-5]
				}
			}
			for _, name := range []string{"utf8notosanssc", "utf8notosansscB"} {
				if emb, ok := fonts[name]; !ok || emb != "yes" {
					t.Errorf("pdffonts: font %s embedded = %q (found %v)", name, emb, fonts)
				}
			}
		})
	}
}

func TestDossierBrokenImage(t *testing.T) {
	pdfNeed(t, "pdftotext")
	d := pdfDossier(evidence.English)
	path, res, _ := pdfRender(t, d)
	broken := d.Exhibits[5]
	if len(res.Problems) != 1 {
		t.Fatalf("Problems = %+v, want one for %s", res.Problems, broken.Number)
	}
	p := res.Problems[0]
	if p.Number != "E-6" || p.FileName != broken.Attachment.Name || p.SHA256 != broken.Attachment.SHA256 || p.Reason == "" {
		t.Errorf("Problem = %+v, want E-6, %s, its hash and a reason", p, broken.Attachment.Name)
	}
	// The placeholder is the last page.
	pages := strings.Split(pdfText(t, path, "-raw"), "\f")
	last := pdfStrip(pages[res.Pages-1])
	for _, want := range []string{"ExhibitE-6", "Thisexhibitcouldnotbeshown.", broken.Attachment.Name, broken.Attachment.SHA256, pdfStrip(p.Reason)} {
		if !strings.Contains(last, pdfStrip(want)) {
			t.Errorf("placeholder page lacks %q:\n%s", want, pages[res.Pages-1])
		}
	}
}

func TestDossierRedaction(t *testing.T) {
	pdfNeed(t, "pdftotext")
	for _, lang := range []evidence.Language{evidence.English, evidence.Chinese} {
		t.Run(string(lang), func(t *testing.T) {
			d := pdfDossier(lang)
			d.Redact = true
			path, _, _ := pdfRender(t, d)
			pages := strings.Split(pdfText(t, path, "-raw"), "\f")
			all := pdfStrip(strings.Join(pages, ""))
			for _, secret := range []string{"62220202", "020202020202", "6222"} {
				if strings.Contains(all, secret) {
					t.Errorf("redacted dossier still shows %q", secret)
				}
			}
			// Cover, letter, chronology and transactions all show the mask.
			for i, name := range []string{"cover", "letter", "chronology"} {
				if !strings.Contains(pdfStrip(pages[i]), "••••0202") {
					t.Errorf("%s page (page %d) does not show ••••0202:\n%s", name, i+1, pages[i])
				}
			}
			// Cover, letter, chronology (twice), transactions.
			if n := strings.Count(all, "••••0202"); n < 5 {
				t.Errorf("••••0202 appears %d times, want at least 5", n)
			}
			// Hashes, IDs and amounts are not numbers to redact.
			for _, keep := range []string{pdfTxID, d.Exhibits[0].Attachment.SHA256, "1,280.00"} {
				if !strings.Contains(all, keep) {
					t.Errorf("redaction removed %q", keep)
				}
			}
		})
	}
}

func TestDossierPaper(t *testing.T) {
	pdfNeed(t, "pdfinfo")
	for _, tc := range []struct{ paper, want string }{
		{"a4", "595.28 x 841.89 pts (A4)"},
		{"", "595.28 x 841.89 pts (A4)"},
		{"letter", "612 x 792 pts (letter)"},
		{"Letter", "612 x 792 pts (letter)"},
	} {
		t.Run(cmp.Or(tc.paper, "default"), func(t *testing.T) {
			d := pdfDossier(evidence.English)
			d.Paper = tc.paper
			path, res, _ := pdfRender(t, d)
			info := pdfRun(t, "pdfinfo", "-f", "1", "-l", strconv.Itoa(res.Pages), path)
			n := 0
			for _, l := range strings.Split(info, "\n") {
				if strings.HasPrefix(l, "Page") && strings.Contains(l, "size:") {
					n++
					if !strings.Contains(l, tc.want) {
						t.Errorf("Render(paper %q): %s, want %s", tc.paper, l, tc.want)
						break
					}
				}
			}
			if n != res.Pages {
				t.Errorf("pdfinfo lists %d page sizes, Result.Pages = %d", n, res.Pages)
			}
		})
	}
	if _, err := Render(&bytes.Buffer{}, Dossier{Paper: "a3", Generated: pdfClock}); err == nil || !strings.Contains(err.Error(), "a3") {
		t.Errorf("Render(paper a3) error = %v, want one naming the paper", err)
	}
}

func TestDossierAttachments(t *testing.T) {
	pdfNeed(t, "pdfdetach", "pdfinfo")
	d := pdfDossier(evidence.English)
	path, res, _ := pdfRender(t, d)
	list := pdfRun(t, "pdfdetach", "-list", path)
	// The manifest, the bank statement and the damaged screenshot.
	want := []string{ManifestName, "E-4 statement-nov-2026.pdf", "E-6 broken-screenshot.png"}
	if !strings.HasPrefix(list, strconv.Itoa(len(want))+" embedded files") {
		t.Errorf("pdfdetach -list:\n%s\nwant %d embedded files", list, len(want))
	}
	for i, name := range want {
		if !strings.Contains(list, fmt.Sprintf("%d: %s\n", i+1, name)) {
			t.Errorf("pdfdetach -list lacks %d: %s:\n%s", i+1, name, list)
		}
	}
	dir := t.TempDir()
	pdfRun(t, "pdfdetach", "-saveall", "-o", dir, path)
	got, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if err != nil {
		t.Fatal(err)
	}
	var m Manifest
	if err := json.Unmarshal(got, &m); err != nil {
		t.Fatalf("manifest is not JSON: %v\n%s", err, got)
	}
	if m.CaseID != d.Case.ID || !m.Generated.Equal(pdfClock) || m.Recipient != "provider" || len(m.Exhibits) != len(d.Exhibits) {
		t.Errorf("manifest = %+v", m)
	}
	for i, x := range d.Exhibits {
		want := ManifestEntry{Number: x.Number, Name: x.Attachment.Name, SHA256: x.Attachment.SHA256, Size: x.Attachment.Size}
		if i < len(m.Exhibits) && m.Exhibits[i] != want {
			t.Errorf("manifest entry %d = %+v, want %+v", i, m.Exhibits[i], want)
		}
	}
	fromResult, _ := json.MarshalIndent(res.Manifest, "", "  ")
	if string(fromResult)+"\n" != string(got) {
		t.Errorf("embedded manifest differs from Result.Manifest:\n%s\n---\n%s", got, fromResult)
	}
	statement, err := os.ReadFile(filepath.Join(dir, "E-4 statement-nov-2026.pdf"))
	if err != nil || !bytes.Equal(statement, pdfData(d.Exhibits[3])) {
		t.Errorf("attached statement differs from the original (err %v)", err)
	}
	info := map[string]string{}
	for _, l := range strings.Split(pdfRun(t, "pdfinfo", path), "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok {
			info[k] = strings.TrimSpace(v)
		}
	}
	for k, want := range map[string]string{
		"Title":        "Complaint dossier — Top-up of £1,280 never credited to my QuickPay wallet",
		"Author":       "Alex Morgan",
		"Creator":      "Redress",
		"Subject":      "Complaint about Top-up not credited — QuickPay Wallet Ltd — complaints team",
		"CreationDate": "Sun Nov 22 02:30:00 2026 UTC",
	} {
		if info[k] != want {
			t.Errorf("pdfinfo %s = %q, want %q", k, info[k], want)
		}
	}
}

// TestDossierDeterministic renders the same dossier twice. gofpdf writes
// image objects of equal pixel width in map order, so the files are
// compared after qpdf has put every object in a canonical order.
func TestDossierDeterministic(t *testing.T) {
	pdfNeed(t, "qpdf")
	d := pdfDossier(evidence.Chinese)
	var canon [2][]byte
	for i := range canon {
		path, _, _ := pdfRender(t, d)
		out := filepath.Join(t.TempDir(), "qdf.pdf")
		pdfRun(t, "qpdf", "--qdf", "--static-id", "--no-original-object-ids", "--object-streams=disable", path, out)
		var err error
		if canon[i], err = os.ReadFile(out); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(canon[0], canon[1]) {
		t.Errorf("two renders of the same dossier differ (%d and %d bytes in QDF form)", len(canon[0]), len(canon[1]))
	}
}

func TestDossierOutline(t *testing.T) {
	pdfNeed(t, "qpdf")
	path, res, _ := pdfRender(t, pdfDossier(evidence.English))
	out := pdfRun(t, "qpdf", "--json", "--json-key=outlines", path)
	var doc struct {
		Outlines []struct {
			Title string `json:"title"`
			Kids  []struct {
				Title string `json:"title"`
			} `json:"kids"`
		} `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	var got []string
	for _, o := range doc.Outlines {
		got = append(got, o.Title)
		for _, k := range o.Kids {
			got = append(got, "  "+k.Title)
		}
	}
	want := []string{"Complaint letter", "Chronology", "Transactions", "Contact log", "Exhibit index", "Exhibits",
		"  E-1 Wallet balance after top-up", "  E-2 Whole chat transcript (scrolling capture)",
		"  E-3 Top-up history in the web portal", "  E-4 Bank statement, November 2026",
		"  E-5 Letter from QuickPay, page 1", "  E-6 Second screenshot (damaged)"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("outline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if res.Pages < 10 {
		t.Errorf("Pages = %d, want at least 10", res.Pages)
	}
}

func TestDossierEmpty(t *testing.T) {
	pdfNeed(t, "pdftotext", "qpdf")
	for _, lang := range []evidence.Language{evidence.English, evidence.Chinese} {
		t.Run(string(lang), func(t *testing.T) {
			d := Dossier{Case: evidence.Case{ID: "c0ffee00-0000-4000-8000-000000000000", Title: "x", Language: lang}, Generated: pdfClock}
			path, res, _ := pdfRender(t, d)
			pdfRun(t, "qpdf", "--check", path)
			if res.Pages != 5 || len(res.Problems) != 0 || len(res.Manifest.Exhibits) != 0 {
				t.Errorf("empty dossier: %+v", res)
			}
		})
	}
}

// TestDossierStrings checks that every string the dossier asks lang for
// exists in both languages with the same placeholders, and that every
// enumerated value it labels has a label.
func TestDossierStrings(t *testing.T) {
	holes := regexp.MustCompile(`\{[a-z]+\}`)
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range regexp.MustCompile(`\btr\("([a-z.-]+)"`).FindAllStringSubmatch(string(src), -1) {
			if !strings.HasSuffix(m[1], ".") { // a prefix completed at run time
				keys[m[1]] = true
			}
		}
	}
	if len(keys) < 50 {
		t.Fatalf("found %d dossier strings in the source, want the whole catalog", len(keys))
	}
	for _, c := range []Cause{CauseUnreadable, CauseNotImage, CauseUnsupported, CauseCorrupt, CauseTooLarge} {
		keys[c.Key()] = true
	}
	for _, to := range letters.Recipients {
		keys["dossier.to."+string(to)] = true
	}
	for _, p := range evidence.Problems {
		keys["problem."+string(p)] = true
	}
	for _, k := range evidence.Kinds {
		keys["kind."+string(k)] = true
	}
	for _, c := range append(evidence.Channels, evidence.LetterChannels...) {
		keys["channel."+string(c)] = true
	}
	for _, p := range evidence.Parties {
		keys["party."+p] = true
	}
	for _, d := range []string{evidence.MoneyIn, evidence.MoneyOut, evidence.Inbound, evidence.Outbound} {
		keys["direction."+d] = true
	}
	for key := range keys {
		if !lang.EN.Has(key) || !lang.ZH.Has(key) {
			t.Errorf("lang key %q: in English %v, in Chinese %v; want both", key, lang.EN.Has(key), lang.ZH.Has(key))
			continue
		}
		en, zh := holes.FindAllString(lang.EN.T(key), -1), holes.FindAllString(lang.ZH.T(key), -1)
		slices.Sort(en)
		slices.Sort(zh)
		if !slices.Equal(en, zh) {
			t.Errorf("lang key %q: placeholders %v in English, %v in Chinese", key, en, zh)
		}
	}
}

// TestDossierStructure renders dossiers with only the manifest embedded,
// with one exhibit file, and with many (files, a broken picture, a file
// repeated under two numbers), in both languages on A4 and Letter, and
// checks each with testtool.CheckPDF: every bookmark and link lands on the
// page that has its heading or exhibit number, qpdf and MuPDF are silent.
func TestDossierStructure(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files int // embedded files, the manifest included
		edit  func(d *Dossier)
	}{
		{"manifest-only", 1, func(d *Dossier) {
			var keep []evidence.Enclosure
			for _, x := range d.Exhibits {
				if x.Number != "E-4" && x.Number != "E-6" {
					keep = append(keep, x)
				}
			}
			d.Exhibits = keep
		}},
		{"one-file", 2, func(d *Dossier) { d.Exhibits = d.Exhibits[:5] }},
		{"many-files", 8, func(d *Dossier) {
			for i := range 5 {
				data := append(pdfFakeStatement(), fmt.Sprintf("%% statement %d\n", i)...)
				d.Exhibits = append(d.Exhibits, pdfExhibitFile(fmt.Sprintf("E-%d", 7+i), fmt.Sprintf("statement-%d.pdf", i),
					"application/pdf", evidence.KindDocument, "ev-5", "", d.Events[4].At, data))
			}
			// The same picture twice: stored and registered once, drawn twice.
			again := d.Exhibits[0]
			again.Number = fmt.Sprintf("E-%d", len(d.Exhibits)+1)
			d.Exhibits = append(d.Exhibits, again)
		}},
	} {
		for _, lang := range []evidence.Language{evidence.English, evidence.Chinese} {
			for _, paper := range []string{"a4", "letter"} {
				t.Run(tc.name+"/"+string(lang)+"/"+paper, func(t *testing.T) {
					d := pdfDossier(lang)
					d.Paper = paper
					tc.edit(&d)
					path, _, _ := pdfRender(t, d) // checks the structure
					out := pdfRun(t, "pdfdetach", "-list", path)
					if want := fmt.Sprintf("%d embedded files", tc.files); !strings.HasPrefix(out, want) {
						t.Errorf("pdfdetach -list = %q, want %s", strings.SplitN(out, "\n", 2)[0], want)
					}
				})
			}
		}
	}
}

// pdfRegulator is a regulator dossier with 13 exhibits: phone, tall and
// desktop screenshots, photos, a PDF statement, two broken pictures, a
// picture attached twice and uncaptioned ones.
func pdfRegulator(lang evidence.Language) Dossier {
	d := pdfDossier(lang)
	d.To = letters.Regulator
	img := pdfImages()
	ev := d.Events
	more := []evidence.Enclosure{
		pdfExhibitFile("E-7", "Screenshot_20261119-080000.png", "image/png", evidence.KindScreenshot, "ev-3", "", ev[2].At, testtool.Screenshot(540, 1170, 21, true)),
		pdfExhibitFile("E-8", "IMG_2042.jpg", "image/jpeg", evidence.KindDocument, "ev-7", "", ev[6].At, testtool.Photo(900, 1200, 22)),
		pdfExhibitFile("E-9", "truncated.jpg", "image/jpeg", evidence.KindScreenshot, "ev-4", "", ev[3].At, img.photo[:len(img.photo)/2]),
		pdfExhibitFile("E-10", "desktop-2.png", "image/png", evidence.KindScreenshot, "ev-1", "", ev[0].At, testtool.Screenshot(1280, 720, 23, false)),
		pdfExhibitFile("E-11", "chat-2.png", "image/png", evidence.KindScreenshot, "ev-3", "", ev[2].At, testtool.Screenshot(540, 2400, 24, true)),
		pdfExhibitFile("E-12", "IMG_2043.jpg", "image/jpeg", evidence.KindDocument, "ev-7", "", ev[6].At, testtool.Photo(1200, 900, 25)),
	}
	d.Exhibits = append(d.Exhibits, more...)
	again := d.Exhibits[0]
	again.Number = "E-13"
	d.Exhibits = append(d.Exhibits, again)
	return d
}

// TestRegulatorDossier renders the 13-exhibit regulator dossier in both
// languages and both paper sizes (structure checked by pdfRender). With
// REDRESS_KEEP_PDF=DIR the files are kept there to look at.
func TestRegulatorDossier(t *testing.T) {
	for _, lang := range []evidence.Language{evidence.English, evidence.Chinese} {
		for _, paper := range []string{"a4", "letter"} {
			t.Run(string(lang)+"/"+paper, func(t *testing.T) {
				d := pdfRegulator(lang)
				d.Paper = paper
				path, res, _ := pdfRender(t, d)
				if len(res.Problems) != 2 || res.Problems[0].Number != "E-6" || res.Problems[1].Number != "E-9" {
					t.Errorf("Problems = %+v, want E-6 and E-9", res.Problems)
				}
				for _, p := range res.Problems {
					if p.Cause != CauseCorrupt {
						t.Errorf("%s: cause %v, want CauseCorrupt", p.Number, p.Cause)
					}
				}
				if dir := os.Getenv("REDRESS_KEEP_PDF"); dir != "" {
					b, _ := os.ReadFile(path)
					os.WriteFile(filepath.Join(dir, "regulator-"+string(lang)+"-"+paper+".pdf"), b, 0o644)
				}
			})
		}
	}
}

// TestDossierRelease renders a dossier whose Release overwrites every
// buffer it is handed back, as a reader that reuses its buffers would: the
// file must be the same as without Release, byte for byte, so no buffer
// is handed back while the dossier still needs it; and every buffer Read
// returned is handed back exactly once.
func TestDossierRelease(t *testing.T) {
	d := pdfDossier(evidence.English)
	var want bytes.Buffer
	if _, err := Render(&want, d); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	out := map[*byte]string{} // buffers read and not released, by first byte
	reads := 0
	d.Read = func(a evidence.Attachment) ([]byte, error) {
		data, err := pdfRead(a)
		if err != nil {
			return nil, err
		}
		data = bytes.Clone(data)
		mu.Lock()
		defer mu.Unlock()
		out[&data[0]] = a.Name
		reads++
		return data, nil
	}
	d.Release = func(b []byte) {
		mu.Lock()
		defer mu.Unlock()
		if _, ok := out[&b[0]]; !ok {
			t.Errorf("Release(%d bytes): not a buffer Read returned, or released twice", len(b))
		}
		delete(out, &b[0])
		for i := range b {
			b[i] = 0xAA
		}
	}
	var got bytes.Buffer
	if _, err := Render(&got, d); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Errorf("dossier with a scribbling Release differs from the one without (%d and %d bytes)", got.Len(), want.Len())
	}
	if reads != len(d.Exhibits) {
		t.Errorf("Read called %d times, want %d (one per distinct file)", reads, len(d.Exhibits))
	}
	for _, name := range out {
		t.Errorf("the buffer of %s was never released", name)
	}
}
