package letters

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	_ "image/gif" // image.DecodeConfig for exhibits
	_ "image/jpeg"
	_ "image/png"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/image/font/sfnt"
	_ "golang.org/x/image/webp" // image.DecodeConfig for exhibits

	"redress/evidence"
	"redress/fonts"
	"redress/letters/images"
	"redress/letters/typeset"
)

// ExhibitFile is one exhibit of a dossier with its original bytes.
type ExhibitFile struct {
	Number     string // "E-1"
	Attachment evidence.Attachment
	EventID    string
	Kind       evidence.Kind
	Caption    string
	Captured   time.Time // the time of the event the exhibit belongs to
	Data       []byte    // the original bytes, already verified against Attachment.SHA256
}

// Dossier is everything a PDF dossier is rendered from.
type Dossier struct {
	Case   evidence.Case
	Events []evidence.Event // any order; archived events are left out
	To     Recipient
	Lang   evidence.Language // "" means the case's language
	Paper  string            // "a4" (the default) or "letter"
	// Redact masks account, card and phone numbers in everything the
	// user typed, except their last four digits (see evidence.Redact).
	// Attached files (non-image exhibits) are embedded unaltered.
	Redact     bool
	LetterText string // the letter, paragraphs separated by blank lines
	// Exhibits are the files to show or attach.
	Exhibits []ExhibitFile
	// Release lets Render set the Data of each image exhibit to nil once it
	// has been prepared, so a large dossier does not hold every original
	// twice; the caller must not use that Data afterwards.
	Release   bool
	Generated time.Time // fixes every date the PDF carries; zero means now
	Author    string    // "" means the complainant's name
	// Optional lines for the cover page.
	KeyDates         []string
	ChecklistSummary string
}

// ExhibitProblem is an exhibit that could not be shown in the dossier. It
// gets a placeholder page, and its original bytes are still attached.
type ExhibitProblem struct {
	Number, FileName, SHA256, Reason string
	Err                              error // the cause; images.ErrCorrupt and its kin classify it
}

// Result describes a rendered dossier.
type Result struct {
	Pages    int
	Problems []ExhibitProblem
	Manifest Manifest
}

// Manifest lists what a dossier contains. It is embedded in the PDF as the
// file attachment ManifestName.
type Manifest struct {
	CaseID    string          `json:"case_id"`
	Generated time.Time       `json:"generated"`
	Recipient string          `json:"recipient"`
	Exhibits  []ManifestEntry `json:"exhibits"`
}

// ManifestEntry is one exhibit in the manifest.
type ManifestEntry struct {
	Number string `json:"number"`
	Name   string `json:"name"`
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
}

// ManifestName is the name of the manifest attachment inside a dossier.
const ManifestName = "redress-manifest.json"

// Render writes the PDF dossier for d to w.
//
// Layout: a cover page (with the table of contents), the letter, the
// chronology, the transactions and the contact log, the exhibit index, then
// one page per exhibit. Every line of text is broken by typeset.Break and
// drawn one line at a time, never by gofpdf's own wrapping. Images are
// prepared in parallel (about 300 dpi at the printed size) and scaled to
// fit the page; a screenshot much taller than the page (height/width more
// than 1.6 times that of the printable area) is shown full width over
// several pages, each page showing the next vertical slice of the same
// image (a clip, not a copy) with a small overlap, so nothing is cut away.
// Non-image exhibits, and images that cannot be shown, are embedded as file
// attachments; an image that cannot be shown also gets a placeholder page
// and is reported in Result.Problems. The same input gives the same
// document (text, dates, fonts, attachments, no random IDs); only the order
// in which gofpdf writes image objects of equal pixel width may vary.
func Render(w io.Writer, d Dossier) (Result, error) {
	return render(w, d, nil)
}

// render is Render; trace, when set, receives every block of text (a
// paragraph, a table cell, a label) as it is drawn, with the page it starts
// on, for the round-trip tests.
func render(w io.Writer, d Dossier, trace func(page int, text string)) (Result, error) {
	r, err := newPDFRenderer(d)
	if err != nil {
		return Result{}, fmt.Errorf("letters: render dossier: %w", err)
	}
	r.trace = trace
	res, err := r.render(w)
	if err != nil {
		return Result{}, fmt.Errorf("letters: render dossier for case %s: %w", d.Case.ID, err)
	}
	return res, nil
}

// --- fixed strings -------------------------------------------------------

// pdfMsgs holds every fixed string of the dossier: English, then Chinese.
var pdfMsgs = map[string][2]string{
	"title":          {"Complaint dossier", "投诉材料"},
	"to":             {"Prepared for", "呈送"},
	"complainant":    {"Complainant", "投诉人"},
	"account":        {"Account", "账户"},
	"contact":        {"Contact", "联系方式"},
	"provider":       {"Provider", "服务提供方"},
	"problem":        {"Problem", "问题类型"},
	"amount":         {"Amount in dispute", "涉及金额"},
	"incident":       {"Date of incident", "发生日期"},
	"caseref":        {"Case reference", "案件编号"},
	"date":           {"Date", "日期"},
	"exhibitcount":   {"Exhibits", "证据"},
	"keydates":       {"Key dates", "关键日期"},
	"checklist":      {"Checklist", "核对清单"},
	"contents":       {"Contents", "目录"},
	"sec.letter":     {"Complaint letter", "投诉信"},
	"sec.chronology": {"Chronology", "事件经过"},
	"sec.tx":         {"Transactions", "交易记录"},
	"sec.contacts":   {"Contact log", "沟通记录"},
	"sec.index":      {"Exhibit index", "证据目录"},
	"sec.exhibits":   {"Exhibits", "证据"},
	"col.when":       {"Date and time", "日期时间"},
	"col.kind":       {"Kind and channel", "类型与渠道"},
	"col.agent":      {"Agent", "经办人"},
	"col.ref":        {"Reference", "编号"},
	"col.summary":    {"Summary", "摘要"},
	"col.exhibits":   {"Exhibits", "证据"},
	"col.txid":       {"Transaction ID", "交易号"},
	"col.amount":     {"Amount", "金额"},
	"col.direction":  {"Direction", "方向"},
	"col.status":     {"Status", "状态"},
	"col.counter":    {"Counterparty", "对方"},
	"col.channel":    {"Channel", "渠道"},
	"col.duration":   {"Duration", "时长"},
	"col.said":       {"What was said and promised", "沟通内容与承诺"},
	"col.no":         {"No.", "编号"},
	"col.caption":    {"Caption", "说明"},
	"col.file":       {"Original file", "原始文件名"},
	"col.size":       {"Size", "大小"},
	"col.times":      {"Captured / imported", "记录 / 导入时间"},
	"col.sha":        {"SHA-256", "SHA-256"},
	"col.page":       {"Page", "页码"},
	"none.events":    {"No events recorded.", "暂无记录。"},
	"none.tx":        {"No transactions recorded.", "暂无交易记录。"},
	"none.contacts":  {"No contacts recorded.", "暂无沟通记录。"},
	"none.exhibits":  {"No exhibits.", "暂无证据。"},
	"none.letter":    {"(No letter text.)", "（无信件正文。）"},
	"footer.ref":     {"Case ref. %s", "案件编号 %s"},
	"footer.page":    {"Page %d of %s", "第 %d 页，共 %s 页"},
	"footer.gen":     {"Generated %s", "生成日期 %s"},
	"stamp":          {"Exhibit %s — %s — SHA-256 %s", "证据 %s — %s — SHA-256 %s"},
	"part":           {"part %d of %d", "第 %d 部分，共 %d 部分"},
	"overlap":        {"Consecutive parts overlap by a few millimetres; nothing is cut away.", "相邻部分有少量重叠，内容无删减。"},
	"meta.file":      {"File", "文件"},
	"meta.type":      {"Type", "类型"},
	"meta.size":      {"Size", "大小"},
	"meta.captured":  {"Captured", "记录时间"},
	"meta.imported":  {"Imported", "导入时间"},
	"attached":       {"This file is embedded in this PDF, unaltered, as the attachment “%s”. Open it from the attachments panel of your PDF reader.", "该文件已原样嵌入本 PDF，附件名为“%s”。请在 PDF 阅读器的附件面板中打开。"},
	"attached.raw":   {"Attached files are the original files; redaction does not apply to them.", "附件为原始文件，不作遮盖处理。"},
	"broken":         {"This exhibit could not be shown.", "此证据无法显示。"},
	"broken.reason":  {"Reason", "原因"},
	"broken.orig":    {"The original file is embedded in this PDF, unaltered, as the attachment “%s”.", "原始文件已原样嵌入本 PDF，附件名为“%s”。"},
	"nodata":         {"no file data", "没有文件数据"},
	"why.notimage":   {"The file is not a picture.", "该文件不是图片。"},
	"why.format":     {"The picture format is not supported.", "不支持该图片格式。"},
	"why.corrupt":    {"The file is damaged.", "文件已损坏。"},
	"why.large":      {"The picture is too large.", "图片过大。"},
	"why.other":      {"The picture could not be read.", "无法读取该图片。"},
	"dir.in":         {"In", "转入"},
	"dir.out":        {"Out", "转出"},
	"dir.outbound":   {"we contacted them", "我方联系"},
	"dir.inbound":    {"they contacted us", "对方联系"},
	"promised":       {"Promised", "承诺"},
	"promised.by":    {" (by %s)", "（期限 %s）"},
	"colon":          {": ", "："},
	"outcome":        {"Outcome", "结果"},
	"final":          {"final answer", "最终答复"},
	"amount.short":   {"Amount", "金额"},
	"bytes":          {"%s bytes", "%s 字节"},
	"subject":        {"Complaint about %s — %s", "关于%s的投诉 — %s"},
	"attachment":     {"Attachment", "附件"},
}

var pdfProblems = map[evidence.Problem][2]string{
	evidence.TopupNotCredited:        {"Top-up not credited", "充值未到账"},
	evidence.WithdrawalDelayed:       {"Withdrawal delayed", "提现延迟"},
	evidence.TransferNotReceived:     {"Transfer not received", "转账未收到"},
	evidence.PaymentFailed:           {"Payment failed but debited", "支付失败但已扣款"},
	evidence.AccountFrozen:           {"Account frozen", "账户被冻结"},
	evidence.RefundRefused:           {"Refund refused", "拒绝退款"},
	evidence.UnauthorizedTransaction: {"Unauthorised transaction", "未经授权的交易"},
	evidence.IncorrectRecord:         {"Incorrect transaction record", "交易记录错误"},
	evidence.AccountClosure:          {"Account closed", "账户被关闭"},
	evidence.OtherProblem:            {"Other problem", "其他问题"},
}

var pdfKinds = map[evidence.Kind][2]string{
	evidence.KindTransaction: {"Transaction", "交易"},
	evidence.KindContact:     {"Contact", "沟通"},
	evidence.KindScreenshot:  {"Screenshot", "截图"},
	evidence.KindDocument:    {"Document", "文件"},
	evidence.KindNote:        {"Note", "备注"},
	evidence.KindLetter:      {"Letter", "函件"},
	evidence.KindResponse:    {"Response", "回复"},
}

var pdfChannels = map[evidence.Channel][2]string{
	evidence.Phone:  {"Phone", "电话"},
	evidence.Chat:   {"Online chat", "在线客服"},
	evidence.Email:  {"Email", "电子邮件"},
	evidence.InApp:  {"In-app help", "应用内客服"},
	evidence.Social: {"Social media", "社交媒体"},
	evidence.Post:   {"Letter", "信函"},
	evidence.Visit:  {"Visit", "到访"},
}

var pdfRecipients = map[Recipient][2]string{
	Provider:    {"%s — complaints team", "%s 投诉处理部门"},
	Association: {"Consumer association", "消费者协会"},
	Regulator:   {"Financial regulator or ombudsman", "金融监管机构"},
}

// pdfParties names the senders and recipients of letter and response events.
var pdfParties = map[string][2]string{
	evidence.ToProvider:    {"Provider", "服务提供方"},
	evidence.ToAssociation: {"Consumer association", "消费者协会"},
	evidence.ToRegulator:   {"Regulator", "监管机构"},
}

// --- the font's character set ---------------------------------------------

var pdfGlyphs struct {
	once sync.Once
	bits []uint64 // one bit per BMP rune drawable in both Regular and Bold
	err  error
}

// pdfHas reports whether both embedded fonts have a glyph for r. Built once
// from the fonts' cmap tables.
func pdfHas() (func(rune) bool, error) {
	pdfGlyphs.once.Do(func() {
		bits := make([]uint64, 0x10000/64)
		for i := range bits {
			bits[i] = math.MaxUint64
		}
		for _, face := range []struct {
			name string
			data []byte
		}{{fonts.RegularName, fonts.Regular}, {fonts.BoldName, fonts.Bold}} {
			f, err := sfnt.Parse(face.data)
			if err != nil {
				pdfGlyphs.err = fmt.Errorf("parse font %s: %w", face.name, err)
				return
			}
			var buf sfnt.Buffer
			for r := rune(0); r < 0x10000; r++ {
				if bits[r/64]&(1<<(r%64)) == 0 {
					continue
				}
				if g, err := f.GlyphIndex(&buf, r); err != nil || g == 0 {
					bits[r/64] &^= 1 << (r % 64)
				}
			}
		}
		pdfGlyphs.bits = bits
	})
	if pdfGlyphs.err != nil {
		return nil, pdfGlyphs.err
	}
	bits := pdfGlyphs.bits
	return func(r rune) bool {
		return r >= 0 && r < 0x10000 && bits[r/64]&(1<<(r%64)) != 0
	}, nil
}

// --- geometry --------------------------------------------------------------

const (
	pdfFamily = "NotoSansSC" // pdffonts shows it as utf8notosanssc(B)
	ptMM      = 25.4 / 72    // one point in millimetres
	pdfMargin = 18.0         // left, right and top margins, mm
	pdfFootH  = 20.0         // space kept for the footer, mm

	bodySize  = 10.5
	bodyLead  = 1.55
	tableSize = 8.0
	tableLead = 1.4
	cellPadX  = 1.2
	cellPadY  = 1.0

	exhibitStampH = 16.0  // nominal space above an exhibit image, mm
	imageDPI      = 300.0 // pictures are scaled down to this …
	passDPI       = 450.0 // … when they are sharper than this at the printed size
	tallFactor    = 1.6   // split images taller than this many printable pages' ratio
	sliceOverlap  = 6.0   // mm repeated at the top of each following slice
	tallMaxPages  = 16    // a tall screenshot is prepared for at most this many pages
)

// Page numbers not known yet are drawn as aliases that gofpdf replaces
// when it writes the file. They are wrapped in a private-use character,
// which typeset.Sanitize never lets through from user text, so a letter
// that says "{nb}" keeps saying it.
const (
	pdfAlias   = "\ue000"
	pdfNbAlias = pdfAlias + "nb" + pdfAlias
)

type pdfSection struct {
	title string
	link  int
	page  int
}

// pdfExhibit is what Render knows about one exhibit before laying it out.
type pdfExhibit struct {
	ExhibitFile
	image    bool // the bytes are (or claim to be) a picture
	tall     bool // prepared for full-width slices
	prep     images.Prepared
	err      error  // why the picture cannot be shown
	attach   int    // index in the attachments, or -1
	attName  string // attachment file name
	link     int    // internal link to its first page
	pageLink string // alias replaced by its first page number
}

type pdfRenderer struct {
	d    Dossier
	lang int // 0 English, 1 Chinese
	has  func(rune) bool
	pdf  *gofpdf.Fpdf

	pageW, pageH float64
	left, top    float64
	width        float64 // printable width
	bottom       float64 // lowest y for content
	y            float64
	fs           float64 // current font size, mm

	onNewPage func()            // repeats a table header after a page break
	trace     func(int, string) // see render

	events     []evidence.Event
	exhibitsOf map[string][]string // event ID → exhibit numbers
	exhibits   []pdfExhibit
	atts       []gofpdf.Attachment
	sections   []pdfSection
	problems   []ExhibitProblem
	manifest   Manifest
}

func newPDFRenderer(d Dossier) (*pdfRenderer, error) {
	r := &pdfRenderer{d: d}
	switch lang := cmp.Or(d.Lang, d.Case.Language, evidence.English); lang {
	case evidence.English:
	case evidence.Chinese:
		r.lang = 1
	default:
		return nil, fmt.Errorf("unknown language %q (want zh or en)", lang)
	}
	if r.d.To == "" {
		r.d.To = Provider
	}
	if _, ok := pdfRecipients[r.d.To]; !ok {
		return nil, fmt.Errorf("unknown recipient %q (want provider, association or regulator)", r.d.To)
	}
	var size string
	switch strings.ToLower(strings.TrimSpace(d.Paper)) {
	case "", "a4":
		size = "A4"
	case "letter":
		size = "Letter"
	default:
		return nil, fmt.Errorf("unknown paper %q (want a4 or letter)", d.Paper)
	}
	if r.d.Generated.IsZero() {
		r.d.Generated = time.Now()
	}
	has, err := pdfHas()
	if err != nil {
		return nil, err
	}
	r.has = has

	pdf := gofpdf.New("P", "mm", size, "")
	r.pdf = pdf
	pdf.AddUTF8FontFromBytes(pdfFamily, "", fonts.Regular)
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("load font %s: %w", fonts.RegularName, err)
	}
	pdf.AddUTF8FontFromBytes(pdfFamily, "B", fonts.Bold)
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("load font %s: %w", fonts.BoldName, err)
	}
	// gofpdf only prints a font that fails to parse; selecting it is what
	// reports it ("undefined font").
	pdf.SetFont(pdfFamily, "B", bodySize)
	pdf.SetFont(pdfFamily, "", bodySize)
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("load embedded fonts: %w", err)
	}
	// After the fonts: gofpdf then keeps the digits in every font subset,
	// which the page-number aliases need.
	pdf.AliasNbPages(pdfNbAlias)
	pdf.SetCatalogSort(true)
	// gofpdf writes these without a UTC offset, so they are given in UTC.
	pdf.SetCreationDate(r.d.Generated.UTC())
	pdf.SetModificationDate(r.d.Generated.UTC())
	pdf.SetCompression(true)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(pdfMargin, pdfMargin, pdfMargin)
	r.pageW, r.pageH = pdf.GetPageSize()
	r.left, r.top = pdfMargin, pdfMargin
	r.width = r.pageW - 2*pdfMargin
	r.bottom = r.pageH - pdfFootH
	r.fs = bodySize * ptMM
	return r, nil
}

// --- text helpers ----------------------------------------------------------

func (r *pdfRenderer) tr(key string, args ...any) string {
	m, ok := pdfMsgs[key]
	if !ok {
		panic("letters: no dossier string " + key)
	}
	if len(args) == 0 {
		return m[r.lang]
	}
	return fmt.Sprintf(m[r.lang], args...)
}

func (r *pdfRenderer) label(m [2]string) string { return m[r.lang] }

// gen makes generated text drawable.
func (r *pdfRenderer) gen(s string) string {
	return typeset.Sanitize(strings.ReplaceAll(s, "\t", " "), r.has)
}

// user makes text the user typed drawable, and redacts it when asked.
func (r *pdfRenderer) user(s string) string {
	if r.d.Redact {
		s = evidence.Redact(s)
	}
	return r.gen(s)
}

// meta prepares text for the document information and the outline, which
// are not drawn with the font but should still match the pages.
func (r *pdfRenderer) meta(s string) string {
	return strings.ReplaceAll(r.user(s), "\n", " ")
}

func (r *pdfRenderer) setFont(style string, size float64) {
	r.pdf.SetFont(pdfFamily, style, size)
	r.fs = size * ptMM
}

func (r *pdfRenderer) wrap(s string, w float64) []string {
	return typeset.Break(s, w, r.pdf.GetStringWidth)
}

// textAt draws one line in a line box of height lh whose top is at top.
func (r *pdfRenderer) textAt(x, top, lh float64, s string) {
	if s == "" {
		return
	}
	r.pdf.Text(x, top+(lh-r.fs)/2+0.88*r.fs, s)
}

func (r *pdfRenderer) newPage() {
	r.pdf.AddPage()
	r.y = r.top
	if r.onNewPage != nil {
		r.onNewPage()
	}
}

// need starts a new page unless h more millimetres fit on this one.
func (r *pdfRenderer) need(h float64) {
	if r.y+h > r.bottom {
		r.newPage()
	}
}

// para draws wrapped text from r.y on, breaking pages between lines.
func (r *pdfRenderer) para(s string, x, w, lh float64) {
	r.traced(s)
	for _, ln := range r.wrap(s, w) {
		r.need(lh)
		r.textAt(x, r.y, lh, ln)
		r.y += lh
	}
}

func (r *pdfRenderer) traced(s string) {
	if r.trace != nil {
		r.trace(r.pdf.PageNo(), s)
	}
}

func (r *pdfRenderer) gray(v int) { r.pdf.SetTextColor(v, v, v) }

// heading starts a section: a bookmark, a table-of-contents entry and a title.
func (r *pdfRenderer) heading(key string) {
	title := r.tr(key)
	link := r.pdf.AddLink()
	r.pdf.SetLink(link, r.y, r.pdf.PageNo())
	r.pdf.Bookmark(r.meta(title), 0, r.y)
	r.sections = append(r.sections, pdfSection{title: title, link: link, page: r.pdf.PageNo()})
	r.setFont("B", 15)
	lh := 15 * ptMM * 1.4
	r.textAt(r.left, r.y, lh, title)
	r.y += lh + 1
	r.pdf.SetDrawColor(60, 60, 60)
	r.pdf.SetLineWidth(0.4)
	r.pdf.Line(r.left, r.y, r.left+r.width, r.y)
	r.y += 4
}

func (r *pdfRenderer) footer() {
	pdf := r.pdf
	size := 7.5
	fs := size * ptMM
	pdf.SetFont(pdfFamily, "", size)
	pdf.SetTextColor(90, 90, 90)
	pdf.SetDrawColor(190, 190, 190)
	pdf.SetLineWidth(0.2)
	y := r.pageH - pdfFootH + 6
	pdf.Line(r.left, y, r.left+r.width, y)
	base := y + 3 + fs
	ref := r.tr("footer.ref", r.gen(shortID(r.d.Case.ID)))
	page := r.tr("footer.page", pdf.PageNo(), pdfNbAlias)
	gen := r.tr("footer.gen", r.d.Generated.Format(evidence.DateLayout))
	pdf.Text(r.left, base, ref)
	pdf.Text(r.left+(r.width-pdf.GetStringWidth(page))/2, base, page)
	pdf.Text(r.left+r.width-pdf.GetStringWidth(gen), base, gen)
	pdf.SetTextColor(0, 0, 0)
}

func shortID(id string) string {
	if rs := []rune(id); len(rs) > 8 {
		return string(rs[:8])
	}
	return id
}

// --- formatting --------------------------------------------------------------

func (r *pdfRenderer) when(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02") + "\n" + t.Format("15:04") + " UTC" + t.Format("-07:00")
}

func (r *pdfRenderer) whenLine(t time.Time) string {
	return strings.ReplaceAll(r.when(t), "\n", " ")
}

func (r *pdfRenderer) longDate(t time.Time) string {
	if r.lang == 1 {
		return t.Format("2006年1月2日")
	}
	return t.Format("2 January 2006")
}

func (r *pdfRenderer) size(n int64) string {
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(s[i])
	}
	exact := r.tr("bytes", b.String())
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB\n%s", float64(n)/(1<<20), exact)
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB\n%s", float64(n)/(1<<10), exact)
	}
	return exact
}

func (r *pdfRenderer) duration(d time.Duration) string {
	if d <= 0 {
		return ""
	}
	d = d.Round(time.Second)
	h, m, s := int(d.Hours()), int(d.Minutes())%60, int(d.Seconds())%60
	units := [2][3]string{{" h", " min", " s"}, {" 小时", " 分钟", " 秒"}}[r.lang]
	var parts []string
	if h > 0 {
		parts = append(parts, strconv.Itoa(h)+units[0])
	}
	if m > 0 {
		parts = append(parts, strconv.Itoa(m)+units[1])
	}
	if s > 0 && h == 0 {
		parts = append(parts, strconv.Itoa(s)+units[2])
	}
	return strings.Join(parts, " ")
}

func (r *pdfRenderer) party(p string) string {
	if l, ok := pdfParties[p]; ok {
		return r.label(l)
	}
	return r.user(p)
}

func (r *pdfRenderer) recipient() string {
	l := r.label(pdfRecipients[r.d.To])
	if r.d.To == Provider {
		return fmt.Sprintf(l, r.user(cmp.Or(r.d.Case.Provider, "—")))
	}
	return l
}

func (r *pdfRenderer) problem() string {
	if l, ok := pdfProblems[r.d.Case.Problem]; ok {
		return r.label(l)
	}
	return r.user(string(r.d.Case.Problem))
}

func (r *pdfRenderer) kind(k evidence.Kind) string {
	if l, ok := pdfKinds[k]; ok {
		return r.label(l)
	}
	return r.user(string(k))
}

func (r *pdfRenderer) channel(c evidence.Channel) string {
	if l, ok := pdfChannels[c]; ok {
		return r.label(l)
	}
	return r.user(string(c))
}

func (r *pdfRenderer) direction(d string) string {
	switch d {
	case evidence.MoneyIn:
		return r.tr("dir.in")
	case evidence.MoneyOut:
		return r.tr("dir.out")
	case evidence.Outbound:
		return r.tr("dir.outbound")
	case evidence.Inbound:
		return r.tr("dir.inbound")
	}
	return r.user(d)
}

// --- the document ------------------------------------------------------------

func (r *pdfRenderer) render(w io.Writer) (Result, error) {
	d := r.d
	r.events = make([]evidence.Event, 0, len(d.Events))
	for _, e := range d.Events {
		if e.Archived == nil {
			r.events = append(r.events, e)
		}
	}
	slices.SortStableFunc(r.events, func(a, b evidence.Event) int {
		if c := a.At.Compare(b.At); c != 0 {
			return c
		}
		if c := a.Recorded.Compare(b.Recorded); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	r.exhibitsOf = map[string][]string{}
	for _, x := range d.Exhibits {
		if x.EventID != "" {
			r.exhibitsOf[x.EventID] = append(r.exhibitsOf[x.EventID], x.Number)
		}
	}

	// Pictures are decoded and normalised on all cores while the text
	// sections are laid out.
	// prepareImages only reads r.exhibits; its results are merged once it
	// is done.
	r.planExhibits()
	prepared := make(chan []pdfPrepared, 1)
	go func() { prepared <- r.prepareImages() }()

	pdf := r.pdf
	title := r.tr("title")
	if t := r.meta(d.Case.Title); t != "" {
		title += " — " + t
	}
	pdf.SetTitle(title, true)
	pdf.SetSubject(r.gen(fmt.Sprintf(r.tr("subject"), r.problem(), r.recipient())), true)
	pdf.SetAuthor(r.meta(cmp.Or(d.Author, d.Case.Complainant.Name)), true)
	pdf.SetCreator("Redress", true)
	pdf.SetKeywords(r.gen(d.Case.ID), true)
	pdf.SetFooterFunc(r.footer)

	tocPage, tocY := r.cover()
	r.letter()
	r.chronology()
	r.transactions()
	r.contacts()
	r.index()
	for i, p := range <-prepared {
		e := &r.exhibits[i]
		e.prep, e.tall = p.prep, p.tall
		if p.err != nil {
			e.err = p.err
		} else if e.image {
			// The original bytes of a shown image are no longer needed:
			// release them to bound memory (in the caller's slice too when
			// it allowed that).
			e.Data = nil
			if r.d.Release && i < len(r.d.Exhibits) {
				r.d.Exhibits[i].Data = nil
			}
		}
	}
	r.exhibitPages()

	// The table of contents, now that every section has its page.
	last := pdf.PageNo()
	pdf.SetPage(tocPage)
	r.toc(tocY)
	pdf.SetPage(last)

	if err := r.attachManifest(); err != nil {
		return Result{}, err
	}
	pdf.SetAttachments(r.atts)
	if err := pdf.Error(); err != nil {
		return Result{}, fmt.Errorf("lay out pages: %w", err)
	}
	if err := pdf.Output(w); err != nil {
		return Result{}, fmt.Errorf("write PDF: %w", err)
	}
	return Result{Pages: pdf.PageCount(), Problems: r.problems, Manifest: r.manifest}, nil
}

// cover draws the cover page and reserves room for the table of contents,
// whose page and top it returns.
func (r *pdfRenderer) cover() (int, float64) {
	d := r.d
	r.newPage()
	r.y = r.top + 8
	r.setFont("B", 24)
	r.para(r.tr("title"), r.left, r.width, 24*ptMM*1.3)
	if t := r.user(d.Case.Title); t != "" {
		r.y += 2
		r.setFont("", 14)
		r.para(t, r.left, r.width, 14*ptMM*1.4)
	}
	r.y += 4
	r.pdf.SetDrawColor(60, 60, 60)
	r.pdf.SetLineWidth(0.6)
	r.pdf.Line(r.left, r.y, r.left+r.width, r.y)
	r.y += 8

	c := d.Case.Complainant
	rows := [][2]string{
		{r.tr("to"), r.recipient()},
		{r.tr("complainant"), r.user(c.Name)},
		{r.tr("account"), r.user(c.AccountID)},
		{r.tr("contact"), r.user(c.Contact)},
		{r.tr("provider"), r.user(d.Case.Provider)},
		{r.tr("problem"), r.problem()},
		{r.tr("amount"), r.gen(d.Case.Amount.String())},
		{r.tr("incident"), r.gen(d.Case.Incident)},
		{r.tr("caseref"), r.gen(d.Case.ID)},
		{r.tr("date"), r.longDate(d.Generated)},
		{r.tr("exhibitcount"), strconv.Itoa(len(d.Exhibits))},
	}
	labelW := 44.0
	lh := bodySize * ptMM * 1.45
	for _, row := range rows {
		if strings.TrimSpace(row[1]) == "" {
			continue
		}
		r.setFont("B", bodySize-1)
		labels := r.wrap(row[0], labelW-3)
		r.setFont("", bodySize)
		values := r.wrap(row[1], r.width-labelW)
		n := max(len(labels), len(values))
		r.need(float64(n) * lh)
		top := r.y
		r.setFont("B", bodySize-1)
		r.gray(80)
		r.traced(row[0])
		r.traced(row[1])
		for i, l := range labels {
			r.textAt(r.left, top+float64(i)*lh, lh, l)
		}
		r.gray(0)
		r.setFont("", bodySize)
		for i, v := range values {
			r.textAt(r.left+labelW, top+float64(i)*lh, lh, v)
		}
		r.y = top + float64(n)*lh + 1.5
	}

	if len(d.KeyDates) > 0 {
		r.subheading(r.tr("keydates"))
		r.setFont("", bodySize)
		for _, kd := range d.KeyDates {
			if kd = r.user(strings.TrimSpace(kd)); kd == "" {
				continue
			}
			r.traced(kd)
			lines := r.wrap(kd, r.width-5)
			for i, l := range lines {
				r.need(lh)
				if i == 0 {
					r.textAt(r.left, r.y, lh, "•")
				}
				r.textAt(r.left+5, r.y, lh, l)
				r.y += lh
			}
		}
	}
	if s := r.user(strings.TrimSpace(d.ChecklistSummary)); s != "" {
		r.subheading(r.tr("checklist"))
		r.setFont("", bodySize)
		r.para(s, r.left, r.width, lh)
	}

	// Contents: one line per section, filled in at the end.
	entries := 5
	if len(d.Exhibits) > 0 {
		entries++
	}
	r.subheading(r.tr("contents"))
	r.need(float64(entries) * tocLead)
	page, y := r.pdf.PageNo(), r.y
	r.y += float64(entries) * tocLead
	return page, y
}

const tocLead = 7.0

func (r *pdfRenderer) subheading(s string) {
	lh := 12 * ptMM * 1.4
	r.y += 5
	r.need(lh + 8)
	r.setFont("B", 12)
	r.textAt(r.left, r.y, lh, s)
	r.y += lh + 1.5
}

func (r *pdfRenderer) toc(y float64) {
	pdf := r.pdf
	r.setFont("", bodySize)
	pdf.SetTextColor(0, 0, 0)
	pdf.SetDrawColor(150, 150, 150)
	pdf.SetLineWidth(0.2)
	pdf.SetDashPattern([]float64{0.4, 1.2}, 0)
	for i, s := range r.sections {
		top := y + float64(i)*tocLead
		num := strconv.Itoa(s.page)
		title := fmt.Sprintf("%d   %s", i+1, s.title)
		r.traced(title)
		r.traced(num)
		tw := pdf.GetStringWidth(title)
		nw := pdf.GetStringWidth(num)
		r.textAt(r.left, top, tocLead, title)
		r.textAt(r.left+r.width-nw, top, tocLead, num)
		base := top + (tocLead-r.fs)/2 + 0.88*r.fs
		if x0, x1 := r.left+tw+2, r.left+r.width-nw-2; x1 > x0 {
			pdf.Line(x0, base, x1, base)
		}
		pdf.Link(r.left, top, r.width, tocLead, s.link)
	}
	pdf.SetDashPattern(nil, 0)
}

// letter draws the letter text, paragraphs separated by blank lines.
func (r *pdfRenderer) letter() {
	r.newPage()
	r.heading("sec.letter")
	text := r.user(r.d.LetterText)
	r.setFont("", bodySize)
	lh := bodySize * ptMM * bodyLead
	paras := pdfParagraphs(text)
	if len(paras) == 0 {
		r.para(r.tr("none.letter"), r.left, r.width, lh)
		return
	}
	for i, p := range paras {
		if i > 0 {
			r.y += lh * 0.6
		}
		r.para(p, r.left, r.width, lh)
	}
}

// pdfParagraphs splits text at blank lines; the lines inside a paragraph
// stay as forced breaks.
func pdfParagraphs(text string) []string {
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, "\n"))
			cur = nil
		}
	}
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) == "" {
			flush()
			continue
		}
		cur = append(cur, strings.TrimRight(l, " "))
	}
	flush()
	return out
}

// --- tables --------------------------------------------------------------------

type pdfColumn struct {
	head  string
	frac  float64 // share of the printable width
	lines bool    // widen to keep each line of a cell whole (dates, amounts)
}

// table draws rows with wrapped cells. A row moves to the next page whole
// when it fits there; only a row taller than a page is split. The header
// row is repeated on every page.
func (r *pdfRenderer) table(cols []pdfColumn, rows [][]string, links []int) {
	pdf := r.pdf
	lh := tableSize * ptMM * tableLead
	ws := r.columnWidths(cols, rows)
	r.setFont("B", tableSize)
	heads := make([][]string, len(cols))
	headN := 1
	for i, c := range cols {
		heads[i] = r.wrap(c.head, ws[i]-2*cellPadX)
		headN = max(headN, len(heads[i]))
	}
	headH := float64(headN)*lh + 2*cellPadY
	drawHead := func() {
		r.setFont("B", tableSize)
		pdf.SetFillColor(228, 232, 238)
		pdf.SetDrawColor(170, 170, 170)
		pdf.SetLineWidth(0.2)
		x := r.left
		for i, c := range cols {
			r.traced(c.head)
			pdf.Rect(x, r.y, ws[i], headH, "FD")
			for j, l := range heads[i] {
				r.textAt(x+cellPadX, r.y+cellPadY+float64(j)*lh, lh, l)
			}
			x += ws[i]
		}
		r.y += headH
		r.setFont("", tableSize)
	}
	r.need(headH + lh + 2*cellPadY)
	drawHead()
	r.onNewPage = drawHead
	defer func() { r.onNewPage = nil }()

	cells := make([][]string, len(cols))
	for ri, row := range rows {
		r.setFont("", tableSize)
		n := 1
		for i := range cols {
			cells[i] = r.wrap(row[i], ws[i]-2*cellPadX)
			n = max(n, len(cells[i]))
		}
		h := float64(n)*lh + 2*cellPadY
		pageRoom := r.bottom - r.top - headH
		if r.y+h > r.bottom && h <= pageRoom {
			r.newPage()
		}
		for from := 0; from < n; {
			fit := int((r.bottom - r.y - 2*cellPadY) / lh)
			if fit < 1 {
				r.newPage()
				continue
			}
			to := min(n, from+fit)
			ch := float64(to-from)*lh + 2*cellPadY
			if ri%2 == 1 {
				pdf.SetFillColor(246, 247, 249)
			} else {
				pdf.SetFillColor(255, 255, 255)
			}
			pdf.SetDrawColor(190, 190, 190)
			pdf.SetLineWidth(0.2)
			x := r.left
			for i := range cols {
				if from == 0 {
					r.traced(row[i])
				}
				pdf.Rect(x, r.y, ws[i], ch, "FD")
				for j := from; j < to && j < len(cells[i]); j++ {
					r.textAt(x+cellPadX, r.y+cellPadY+float64(j-from)*lh, lh, cells[i][j])
				}
				x += ws[i]
			}
			if from == 0 && links != nil && links[ri] != 0 {
				pdf.Link(r.left, r.y, ws[0], ch, links[ri])
			}
			r.y += ch
			from = to
		}
	}
}

// columnWidths starts from the columns' shares of the width and widens a
// column whose header has a word, or whose cells have a short word ("Screenshot",
// "Direction"), that would otherwise be hard-broken, taking the room from
// columns with space to spare. Long tokens (IDs, hashes, Chinese runs)
// still wrap inside their cell.
func (r *pdfRenderer) columnWidths(cols []pdfColumn, rows [][]string) []float64 {
	ws := make([]float64, len(cols))
	need := make([]float64, len(cols))
	longest := func(s string, lines bool) float64 {
		parts := strings.Fields(s)
		if lines {
			parts = strings.Split(s, "\n")
		}
		w := 0.0
		for _, p := range parts {
			w = max(w, r.pdf.GetStringWidth(p))
		}
		return w
	}
	wordCap := 0.15 * r.width
	for i, c := range cols {
		ws[i] = c.frac * r.width
		r.setFont("B", tableSize)
		h := longest(c.head, false)
		r.setFont("", tableSize)
		cell := 0.0
		for _, row := range rows {
			if w := longest(row[i], c.lines); w <= wordCap {
				cell = max(cell, w)
			}
		}
		need[i] = max(h, cell) + 2*cellPadX + 0.2
	}
	deficit, slack := 0.0, 0.0
	for i := range ws {
		if ws[i] < need[i] {
			deficit += need[i] - ws[i]
		} else {
			slack += ws[i] - need[i]
		}
	}
	if deficit == 0 || slack < deficit {
		return ws
	}
	for i := range ws {
		if ws[i] < need[i] {
			ws[i] = need[i]
		} else {
			ws[i] -= (ws[i] - need[i]) * deficit / slack
		}
	}
	return ws
}

// emptyNote says a section has nothing to show.
func (r *pdfRenderer) emptyNote(key string) {
	lh := bodySize * ptMM * bodyLead
	r.setFont("", bodySize)
	r.gray(90)
	r.para(r.tr(key), r.left, r.width, lh)
	r.gray(0)
}

func (r *pdfRenderer) exhibitNumbers(e evidence.Event) string {
	return strings.Join(r.exhibitsOf[e.ID], ", ")
}

func (r *pdfRenderer) chronology() {
	r.newPage()
	r.heading("sec.chronology")
	if len(r.events) == 0 {
		r.emptyNote("none.events")
		return
	}
	cols := []pdfColumn{
		{r.tr("col.when"), 0.14, true},
		{r.tr("col.kind"), 0.15, false},
		{r.tr("col.agent"), 0.11, false},
		{r.tr("col.ref"), 0.15, false},
		{r.tr("col.summary"), 0.37, false},
		{r.tr("col.exhibits"), 0.08, true},
	}
	rows := make([][]string, 0, len(r.events))
	for _, e := range r.events {
		rows = append(rows, r.chronologyRow(e))
	}
	r.table(cols, rows, nil)
}

func (r *pdfRenderer) chronologyRow(e evidence.Event) []string {
	kind := r.kind(e.Kind)
	var agent, ref []string
	if e.Reference != "" {
		ref = append(ref, r.user(e.Reference))
	}
	var summary []string
	if e.Summary != "" {
		summary = append(summary, r.user(e.Summary))
	}
	switch {
	case e.Transaction != nil:
		t := e.Transaction
		if t.TxID != "" && t.TxID != e.Reference {
			ref = append(ref, r.user(t.TxID))
		}
		var parts []string
		if !t.Amount.IsZero() {
			parts = append(parts, r.tr("amount.short")+r.tr("colon")+r.gen(t.Amount.String()))
		}
		if t.Direction != "" {
			parts = append(parts, r.direction(t.Direction))
		}
		if t.Status != "" {
			parts = append(parts, r.user(t.Status))
		}
		if t.Counterparty != "" {
			parts = append(parts, r.user(t.Counterparty))
		}
		if len(parts) > 0 {
			summary = append(summary, strings.Join(parts, " · "))
		}
	case e.Contact != nil:
		c := e.Contact
		kind += "\n" + r.channel(c.Channel) + "\n" + r.direction(c.Direction)
		if c.Agent != "" {
			agent = append(agent, r.user(c.Agent))
		}
		if p := r.promise(c); p != "" {
			summary = append(summary, p)
		}
	case e.Exhibit != nil:
		if e.Summary == "" && e.Exhibit.Caption != "" {
			summary = append(summary, r.user(e.Exhibit.Caption))
		}
		if e.Exhibit.Shows != "" {
			summary = append(summary, r.user(e.Exhibit.Shows))
		}
	case e.Letter != nil:
		kind += "\n→ " + r.party(e.Letter.To)
		if e.Letter.Method != "" {
			kind += "\n" + r.user(e.Letter.Method)
		}
		if e.Letter.Name != "" {
			agent = append(agent, r.user(e.Letter.Name))
		}
	case e.Response != nil:
		kind += "\n← " + r.party(e.Response.From)
		if e.Response.Final {
			kind += "\n" + r.tr("final")
		}
		if e.Response.Name != "" {
			agent = append(agent, r.user(e.Response.Name))
		}
		if e.Response.Outcome != "" {
			summary = append(summary, r.tr("outcome")+r.tr("colon")+r.user(e.Response.Outcome))
		}
	}
	if e.Notes != "" {
		summary = append(summary, r.user(e.Notes))
	}
	return []string{
		r.when(e.At), kind, strings.Join(agent, "\n"), strings.Join(ref, "\n"),
		strings.Join(summary, "\n"), r.exhibitNumbers(e),
	}
}

func (r *pdfRenderer) promise(c *evidence.Contact) string {
	if c.Promise == "" && c.PromiseBy == nil {
		return ""
	}
	s := r.tr("promised") + r.tr("colon")
	if c.Promise != "" {
		s += r.user(c.Promise)
	}
	if c.PromiseBy != nil {
		s += r.tr("promised.by", r.whenLine(*c.PromiseBy))
	}
	return s
}

func (r *pdfRenderer) transactions() {
	r.newPage()
	r.heading("sec.tx")
	var rows [][]string
	for _, e := range r.events {
		if e.Kind != evidence.KindTransaction || e.Transaction == nil {
			continue
		}
		t := e.Transaction
		id := r.user(t.TxID)
		if t.TxID == "" {
			id = r.user(e.Reference)
		}
		rows = append(rows, []string{
			r.when(e.At), id, r.gen(t.Amount.String()), r.direction(t.Direction),
			r.user(t.Status), r.user(t.Counterparty), r.exhibitNumbers(e),
		})
	}
	if len(rows) == 0 {
		r.emptyNote("none.tx")
		return
	}
	r.table([]pdfColumn{
		{r.tr("col.when"), 0.14, true},
		{r.tr("col.txid"), 0.23, false},
		{r.tr("col.amount"), 0.13, true},
		{r.tr("col.direction"), 0.08, false},
		{r.tr("col.status"), 0.14, false},
		{r.tr("col.counter"), 0.19, false},
		{r.tr("col.exhibits"), 0.09, true},
	}, rows, nil)
}

func (r *pdfRenderer) contacts() {
	var rows [][]string
	for _, e := range r.events {
		if e.Kind != evidence.KindContact || e.Contact == nil {
			continue
		}
		c := e.Contact
		said := r.user(e.Summary)
		if p := r.promise(c); p != "" {
			said = strings.TrimPrefix(said+"\n"+p, "\n")
		}
		rows = append(rows, []string{
			r.when(e.At), r.channel(c.Channel) + "\n" + r.direction(c.Direction),
			r.user(c.Agent), r.duration(c.Duration), r.user(e.Reference), said,
			r.exhibitNumbers(e),
		})
	}
	// The contact log follows the transactions when the heading, the table
	// header and a row or two still fit.
	r.y += 8
	r.need(45)
	r.heading("sec.contacts")
	if len(rows) == 0 {
		r.emptyNote("none.contacts")
		return
	}
	r.table([]pdfColumn{
		{r.tr("col.when"), 0.14, true},
		{r.tr("col.channel"), 0.14, false},
		{r.tr("col.agent"), 0.11, false},
		{r.tr("col.duration"), 0.08, true},
		{r.tr("col.ref"), 0.13, false},
		{r.tr("col.said"), 0.32, false},
		{r.tr("col.exhibits"), 0.08, true},
	}, rows, nil)
}

// --- exhibits ----------------------------------------------------------------

// planExhibits sorts the exhibits into pictures and files and lays out the
// attachments, so that the index can point at pages and files ahead.
func (r *pdfRenderer) planExhibits() {
	r.exhibits = make([]pdfExhibit, len(r.d.Exhibits))
	for i, x := range r.d.Exhibits {
		e := pdfExhibit{ExhibitFile: x, attach: -1, link: r.pdf.AddLink(),
			pageLink: pdfAlias + "xp" + strconv.Itoa(i+1) + pdfAlias}
		head := x.Data[:min(len(x.Data), 512)]
		e.image = evidence.IsImage(x.Attachment.MediaType) || evidence.IsImage(evidence.MediaType(head))
		if len(x.Data) == 0 {
			e.err = errors.New(r.tr("nodata"))
		}
		r.exhibits[i] = e
	}
	r.atts = make([]gofpdf.Attachment, 0, 1+len(r.exhibits))
	r.atts = append(r.atts, gofpdf.Attachment{}) // the manifest, filled last
}

func (r *pdfRenderer) imageBox() (w, h float64) {
	return r.width, r.bottom - r.top - exhibitStampH
}

// prepareImages decodes and normalises every picture, in parallel.
//
// The target is about imageDPI at the printed size. A picture that is
// larger, but not by more than passDPI/imageDPI, is left at its size (and
// so is usually passed through unchanged): resampling a 2560-pixel-wide
// screenshot to 2055 pixels blurs its text and saves nothing, and keeping
// a phone photo's original JPEG bytes saves a decode-resize-encode and a
// generation of JPEG loss. Bigger pictures are scaled down to imageDPI.
// Tall screenshots are prepared at full page width for as many pages as
// they need (up to tallMaxPages).
func (r *pdfRenderer) prepareImages() []pdfPrepared {
	out := make([]pdfPrepared, len(r.exhibits))
	boxW, boxH := r.imageBox()
	px := func(mm, dpi float64) int { return int(math.Ceil(mm / 25.4 * dpi)) }
	type group struct {
		idx        []int
		maxW, maxH int
	}
	small := group{maxW: px(boxW, passDPI), maxH: px(boxH, passDPI)}
	large := group{maxW: px(boxW, imageDPI), maxH: px(boxH, imageDPI)}
	tallSmall := group{maxW: small.maxW, maxH: small.maxH * tallMaxPages}
	tallLarge := group{maxW: large.maxW, maxH: large.maxH * tallMaxPages}
	for i := range r.exhibits {
		e := &r.exhibits[i]
		if !e.image || e.err != nil {
			continue
		}
		cfg, _, err := image.DecodeConfig(bytes.NewReader(e.Data))
		if err != nil || cfg.Width <= 0 || cfg.Height <= 0 {
			large.idx = append(large.idx, i) // Prepare says what is wrong
			continue
		}
		tall := float64(cfg.Height)/float64(cfg.Width) > boxH/boxW*tallFactor
		out[i].tall = tall
		fits := cfg.Width <= small.maxW && cfg.Height <= small.maxH
		switch {
		case tall && cfg.Width <= small.maxW:
			tallSmall.idx = append(tallSmall.idx, i)
		case tall:
			tallLarge.idx = append(tallLarge.idx, i)
		case fits:
			small.idx = append(small.idx, i)
		default:
			large.idx = append(large.idx, i)
		}
	}
	// One group at a time: each PrepareAll already uses every core, and
	// running them together would multiply the images held in memory.
	for _, g := range []group{small, large, tallSmall, tallLarge} {
		if len(g.idx) == 0 {
			continue
		}
		func() {
			items := make([][]byte, len(g.idx))
			for k, i := range g.idx {
				items[k] = r.exhibits[i].Data
			}
			preps, errs := images.PrepareAll(items, g.maxW, g.maxH)
			for k, i := range g.idx {
				switch {
				case k < len(errs) && errs[k] != nil:
					out[i].err = errs[k]
				case k < len(preps):
					out[i].prep = preps[k]
				default:
					out[i].err = errors.New("image was not prepared")
				}
			}
		}()
	}
	return out
}

// pdfPrepared is what prepareImages found for one exhibit.
type pdfPrepared struct {
	prep images.Prepared
	err  error
	tall bool
}

func (r *pdfRenderer) index() {
	r.newPage()
	r.heading("sec.index")
	if len(r.exhibits) == 0 {
		r.emptyNote("none.exhibits")
		return
	}
	rows := make([][]string, len(r.exhibits))
	links := make([]int, len(r.exhibits))
	for i, e := range r.exhibits {
		times := r.when(e.Captured)
		if !e.Attachment.Imported.IsZero() {
			times = strings.TrimPrefix(times+"\n"+r.tr("meta.imported")+"\n"+r.when(e.Attachment.Imported), "\n")
		}
		rows[i] = []string{
			r.gen(e.Number), r.user(e.Caption), r.kind(e.Kind), r.user(e.Attachment.Name),
			r.size(e.Attachment.Size), times, r.gen(e.Attachment.SHA256), e.pageLink,
		}
		links[i] = e.link
	}
	r.table([]pdfColumn{
		{r.tr("col.no"), 0.06, false},
		{r.tr("col.caption"), 0.18, false},
		{r.tr("col.kind"), 0.09, false},
		{r.tr("col.file"), 0.15, false},
		{r.tr("col.size"), 0.10, true},
		{r.tr("col.times"), 0.15, true},
		{r.tr("col.sha"), 0.20, false},
		{r.tr("col.page"), 0.07, false},
	}, rows, links)
}

const (
	stampSize = 9.5
	stampLead = stampSize * ptMM * 1.4
	metaSize  = 8.0
	metaLead  = metaSize * ptMM * 1.4
)

// stampLines lays out the lines that identify an exhibit at the top of its
// page: "Exhibit E-n — caption — SHA-256 prefix", then the file name,
// capture time and part.
func (r *pdfRenderer) stampLines(e *pdfExhibit, part string) (head, meta []string) {
	sha := e.Attachment.SHA256
	if len(sha) > 16 {
		sha = sha[:16]
	}
	caption := r.user(cmp.Or(e.Caption, e.Attachment.Caption, e.Attachment.Name))
	r.setFont("B", stampSize)
	head = r.wrap(r.tr("stamp", r.gen(e.Number), caption, r.gen(sha)), r.width)
	var parts []string
	if e.Attachment.Name != "" {
		parts = append(parts, r.tr("meta.file")+r.tr("colon")+r.user(e.Attachment.Name))
	}
	if !e.Captured.IsZero() {
		parts = append(parts, r.tr("meta.captured")+r.tr("colon")+r.whenLine(e.Captured))
	}
	if part != "" {
		parts = append(parts, part)
	}
	r.setFont("", metaSize)
	meta = r.wrap(strings.Join(parts, "   "), r.width)
	return head, meta
}

func stampHeight(head, meta []string) float64 {
	return float64(len(head))*stampLead + float64(len(meta))*metaLead + 4
}

// stamp draws the exhibit's stamp lines and a rule under them.
func (r *pdfRenderer) stamp(e *pdfExhibit, part string) {
	head, meta := r.stampLines(e, part)
	r.traced(strings.Join(head, ""))
	r.traced(strings.Join(meta, ""))
	r.setFont("B", stampSize)
	for _, l := range head {
		r.need(stampLead)
		r.textAt(r.left, r.y, stampLead, l)
		r.y += stampLead
	}
	r.setFont("", metaSize)
	r.gray(70)
	for _, l := range meta {
		r.need(metaLead)
		r.textAt(r.left, r.y, metaLead, l)
		r.y += metaLead
	}
	r.gray(0)
	r.y += 1
	r.pdf.SetDrawColor(120, 120, 120)
	r.pdf.SetLineWidth(0.3)
	r.pdf.Line(r.left, r.y, r.left+r.width, r.y)
	r.y += 3
}

func (r *pdfRenderer) exhibitPages() {
	for i := range r.exhibits {
		e := &r.exhibits[i]
		r.newPage()
		r.pdf.SetLink(e.link, 0, r.pdf.PageNo())
		r.pdf.RegisterAlias(e.pageLink, strconv.Itoa(r.pdf.PageNo()))
		if i == 0 {
			link := r.pdf.AddLink()
			r.pdf.SetLink(link, 0, r.pdf.PageNo())
			r.pdf.Bookmark(r.meta(r.tr("sec.exhibits")), 0, 0)
			r.sections = append(r.sections, pdfSection{title: r.tr("sec.exhibits"), link: link, page: r.pdf.PageNo()})
		}
		caption := cmp.Or(e.Caption, e.Attachment.Caption, e.Attachment.Name)
		r.pdf.Bookmark(r.meta(e.Number+" "+caption), 1, 0)
		switch {
		case e.image && e.err == nil:
			if err := r.imagePages(i); err != nil {
				e.err = err
				r.brokenPage(e)
			}
		case e.image:
			r.brokenPage(e)
		default:
			r.filePage(e)
		}
		e.prep.Data = nil // gofpdf has its own copy now
	}
}

// imagePages draws a prepared picture on this page, or full width over
// several pages when it is tall.
func (r *pdfRenderer) imagePages(i int) error {
	e := &r.exhibits[i]
	pdf := r.pdf
	p := e.prep
	if p.Width <= 0 || p.Height <= 0 || len(p.Data) == 0 {
		return errors.New("prepared image is empty")
	}
	name := "exhibit-" + strconv.Itoa(i+1)
	opts := gofpdf.ImageOptions{ImageType: p.Type}
	pdf.RegisterImageOptionsReader(name, opts, bytes.NewReader(p.Data))
	if err := pdf.Error(); err != nil {
		pdf.ClearError()
		return fmt.Errorf("PDF library rejected the prepared %s image: %w", p.Type, err)
	}
	boxW, boxH := r.imageBox()
	ratio := float64(p.Height) / float64(p.Width)
	if !e.tall || ratio <= boxH/boxW*tallFactor {
		r.stamp(e, "")
		availH := r.bottom - r.y
		w := r.width
		h := w * ratio
		if h > availH {
			h = availH
			w = h / ratio
		}
		x := r.left + (r.width-w)/2
		pdf.ImageOptions(name, x, r.y, w, h, false, opts, 0, "")
		r.frame(x, r.y, w, h)
		return pdf.Error()
	}

	// Tall: the same image, full width, shifted up page by page under a
	// clip. Each slice repeats the last sliceOverlap mm of the one before.
	w := r.width
	h := w * ratio
	room := r.bottom - r.top - stampHeight(r.stampLines(e, r.tr("part", 1, 1)+" — "+r.tr("overlap")))
	n := 1
	if h > room {
		n = 1 + int(math.Ceil((h-room)/(room-sliceOverlap)))
	}
	shown := 0.0 // mm of the image above the current slice
	for k := 1; shown < h; k++ {
		if k > 1 {
			r.newPage()
			shown -= sliceOverlap
		}
		part := r.tr("part", k, n)
		if k == 1 && n > 1 {
			part += " — " + r.tr("overlap")
		}
		r.stamp(e, part)
		top := r.y
		sh := math.Min(r.bottom-top, h-shown)
		pdf.ClipRect(r.left, top, w, sh, false)
		pdf.ImageOptions(name, r.left, top-shown, w, h, false, opts, 0, "")
		pdf.ClipEnd()
		r.frame(r.left, top, w, sh)
		shown += sh
		if k > 4*tallMaxPages {
			break // cannot happen: the image was prepared for fewer pages
		}
	}
	return pdf.Error()
}

func (r *pdfRenderer) frame(x, y, w, h float64) {
	r.pdf.SetDrawColor(160, 160, 160)
	r.pdf.SetLineWidth(0.2)
	r.pdf.Rect(x, y, w, h, "D")
}

// attach adds an exhibit's original bytes as a file attachment.
// It reports whether there was anything to attach.
func (r *pdfRenderer) attach(e *pdfExhibit) bool {
	if e.attach >= 0 {
		return true
	}
	if len(e.Data) == 0 {
		return false
	}
	name := r.gen(strings.ReplaceAll(e.Attachment.Name, "/", "_"))
	if r.d.Redact {
		name = r.gen(evidence.Redact(strings.ReplaceAll(e.Attachment.Name, "/", "_")))
	}
	e.attName = e.Number + " " + cmp.Or(name, "file")
	r.atts = append(r.atts, gofpdf.Attachment{
		Content:     e.Data,
		Filename:    e.attName,
		Description: r.meta(cmp.Or(e.Caption, e.Attachment.Caption)),
	})
	e.attach = len(r.atts) - 1
	return true
}

// fileInfo lists the file's particulars under the stamp.
func (r *pdfRenderer) fileInfo(e *pdfExhibit) {
	lh := bodySize * ptMM * 1.45
	info := [][2]string{
		{r.tr("meta.file"), r.user(e.Attachment.Name)},
		{r.tr("meta.type"), r.gen(e.Attachment.MediaType)},
		{r.tr("meta.size"), strings.ReplaceAll(r.size(e.Attachment.Size), "\n", " — ")},
		{"SHA-256", r.gen(e.Attachment.SHA256)},
		{r.tr("meta.captured"), r.whenLine(e.Captured)},
		{r.tr("meta.imported"), r.whenLine(e.Attachment.Imported)},
	}
	labelW := 30.0
	for _, row := range info {
		if row[1] == "" {
			continue
		}
		r.setFont("", bodySize)
		values := r.wrap(row[1], r.width-labelW)
		r.need(float64(len(values)) * lh)
		r.setFont("B", bodySize-1)
		r.gray(80)
		r.traced(row[0])
		r.traced(row[1])
		r.textAt(r.left, r.y, lh, row[0])
		r.gray(0)
		r.setFont("", bodySize)
		for _, v := range values {
			r.textAt(r.left+labelW, r.y, lh, v)
			r.y += lh
		}
		r.y += 1
	}
}

// attachmentBox draws a framed line naming an attachment. (It is not a
// clickable file-attachment annotation: gofpdf writes those with an inline
// appearance stream that qpdf reports as damaged, and their files would be
// listed twice.)
func (r *pdfRenderer) attachmentBox(name string) {
	pdf := r.pdf
	r.setFont("", bodySize)
	lh := bodySize * ptMM * 1.6
	text := r.tr("attachment") + r.tr("colon") + name
	r.traced(text)
	lines := r.wrap(text, r.width-8)
	h := float64(len(lines))*lh + 4
	r.need(h)
	pdf.SetDrawColor(70, 110, 170)
	pdf.SetFillColor(238, 243, 250)
	pdf.SetLineWidth(0.4)
	pdf.Rect(r.left, r.y, r.width, h, "FD")
	for i, l := range lines {
		r.textAt(r.left+4, r.y+2+float64(i)*lh, lh, l)
	}
	r.y += h + 4
}

func (r *pdfRenderer) filePage(e *pdfExhibit) {
	r.stamp(e, "")
	r.fileInfo(e)
	r.y += 4
	if !r.attach(e) {
		e.err = errors.New(r.tr("nodata"))
		r.brokenNote(e)
		return
	}
	lh := bodySize * ptMM * bodyLead
	r.setFont("", bodySize)
	r.para(r.tr("attached", e.attName), r.left, r.width, lh)
	r.y += 3
	r.attachmentBox(e.attName)
	if r.d.Redact {
		r.setFont("", 8.5)
		r.gray(90)
		r.para(r.tr("attached.raw"), r.left, r.width, 8.5*ptMM*1.5)
		r.gray(0)
	}
}

// brokenPage is the placeholder for a picture that cannot be shown.
func (r *pdfRenderer) brokenPage(e *pdfExhibit) {
	r.stamp(e, "")
	r.brokenNote(e)
}

func (r *pdfRenderer) brokenNote(e *pdfExhibit) {
	pdf := r.pdf
	reason := e.err.Error()
	r.problems = append(r.problems, ExhibitProblem{
		Number: e.Number, FileName: e.Attachment.Name, SHA256: e.Attachment.SHA256, Reason: reason, Err: e.err,
	})
	top, page := r.y, pdf.PageNo()
	r.y += 6
	x := r.left + 6
	w := r.width - 12
	r.setFont("B", 13)
	r.pdf.SetTextColor(150, 30, 30)
	r.para(r.tr("broken"), x, w, 13*ptMM*1.5)
	r.gray(0)
	r.y += 3
	lh := bodySize * ptMM * 1.5
	for _, row := range [][2]string{
		{r.tr("meta.file"), r.user(e.Attachment.Name)},
		{"SHA-256", r.gen(e.Attachment.SHA256)},
		{r.tr("broken.reason"), r.why(e.err) + "\n" + r.gen(reason)},
	} {
		r.setFont("B", bodySize-1)
		r.para(row[0], x, w, lh)
		r.setFont("", bodySize)
		r.para(cmp.Or(row[1], "—"), x, w, lh)
		r.y += 2
	}
	attached := r.attach(e)
	if attached {
		r.setFont("", bodySize)
		r.para(r.tr("broken.orig", e.attName), x, w, lh)
		r.y += 3
	}
	pdf.SetDrawColor(190, 60, 60)
	pdf.SetLineWidth(0.6)
	if pdf.PageNo() == page {
		pdf.Rect(r.left, top, r.width, r.y-top+3, "D")
	}
	r.y += 6
	if attached {
		r.attachmentBox(e.attName)
	}
}

// why says in the dossier's language why a picture cannot be shown; the
// technical reason follows it.
func (r *pdfRenderer) why(err error) string {
	switch {
	case errors.Is(err, images.ErrNotImage):
		return r.tr("why.notimage")
	case errors.Is(err, images.ErrUnsupported):
		return r.tr("why.format")
	case errors.Is(err, images.ErrCorrupt):
		return r.tr("why.corrupt")
	case errors.Is(err, images.ErrTooLarge):
		return r.tr("why.large")
	}
	return r.tr("why.other")
}

// attachManifest fills the first attachment with the manifest.
func (r *pdfRenderer) attachManifest() error {
	m := Manifest{
		CaseID:    r.d.Case.ID,
		Generated: r.d.Generated,
		Recipient: string(r.d.To),
		Exhibits:  make([]ManifestEntry, len(r.exhibits)),
	}
	for i, e := range r.exhibits {
		name := e.Attachment.Name
		if r.d.Redact {
			name = evidence.Redact(name)
		}
		m.Exhibits[i] = ManifestEntry{Number: e.Number, Name: name, SHA256: e.Attachment.SHA256, Size: e.Attachment.Size}
	}
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fmt.Errorf("encode manifest: %w", err)
	}
	r.atts[0] = gofpdf.Attachment{Content: append(data, '\n'), Filename: ManifestName,
		Description: "Redress manifest: case, generation time, recipient and the SHA-256 of every exhibit"}
	r.manifest = m
	return nil
}
