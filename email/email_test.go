package email

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"redress/lang"
)

func read(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// att is an expected attachment; Data names a fixture file (or is the
// literal bytes when it starts with "=").
type att struct {
	Name, MediaType, Data string
	Inline                bool
	ContentID             string
}

type want struct {
	Date               time.Time
	From, To, Cc       []Address
	Subject, MessageID string
	InReplyTo, Refs    []string
	Body               string
	FromHTML           bool
	Attachments        []att
}

func zone(h int) *time.Location { return time.FixedZone("", h*3600) }

func TestParse(t *testing.T) {
	blob := read(t, "blob.bin")
	tests := []struct {
		file string
		want want
	}{
		{"gbk-body.eml", want{
			Date:      time.Date(2025, 11, 25, 10, 30, 0, 0, zone(8)),
			From:      []Address{{"OKPay 客服", "support@okpay.example"}},
			To:        []Address{{"Li Wei", "li.wei@example.cn"}},
			Subject:   "充值未到账（工单 T-8899）",
			MessageID: "T-8899.1@okpay.example",
			Body:      "您好，李先生：\n您的充值 1280.00 元已在处理中，请在 24 小时内留意到账。\n\nOKPay 客服 王小姐",
		}},
		{"gb2312-qp.eml", want{
			Date:      time.Date(2025, 11, 26, 9, 5, 10, 0, zone(8)),
			From:      []Address{{"退款部", "refunds@okpay.example"}},
			To:        []Address{{"", "li.wei@example.cn"}},
			Cc:        []Address{{"Zhang San", "zhang@example.cn"}, {"", "wang@example.cn"}},
			Subject:   "关于退款申请的答复",
			MessageID: "refund-42@okpay.example",
			InReplyTo: []string{"li-1@example.cn"},
			Refs:      []string{"T-8899.1@okpay.example", "li-1@example.cn"},
			Body:      "李先生您好：\n经核实，您的退款申请（金额 1280.00 元）已受理，款项将在 3 个工作日内原路退回。如有疑问请回复本邮件。\n\n退款部",
		}},
		{"big5.eml", want{
			Date:      time.Date(2025, 12, 1, 16, 0, 0, 0, zone(8)),
			From:      []Address{{"", "service@wallet.example.tw"}},
			To:        []Address{{"", "chen@example.tw"}},
			Subject:   "帳戶凍結通知",
			MessageID: "freeze-7@wallet.example.tw",
			Body:      "陳先生您好：\n您的帳戶因安全檢查暫時凍結，請於七日內提供身分證明文件。",
		}},
		{"utf8-attachments.eml", want{
			Date:      time.Date(2025, 11, 25, 21, 15, 0, 0, zone(8)),
			From:      []Address{{"Li Wei", "li.wei+okpay@example.cn"}},
			To:        []Address{{"", "support@okpay.example"}},
			Subject:   "Re: 充值未到账",
			MessageID: "li-1@example.cn",
			InReplyTo: []string{"T-8899.1@okpay.example"},
			Body:      "您好：\n附件是转账凭证和截图，请尽快处理。\n李伟",
			Attachments: []att{
				{Name: "转账凭证.pdf", MediaType: "application/pdf", Data: "blob.bin"},
				{Name: "截图 1.png", MediaType: "image/png", Data: "pixel.png"},
				{Name: "客服聊天记录（完整版）.bin", MediaType: "application/octet-stream", Data: "=" + string(blob[:100])},
			},
		}},
		{"html-only.eml", want{
			Date:      time.Date(2025, 11, 27, 8, 0, 0, 0, zone(-5)),
			From:      []Address{{"Wallet", "noreply@wallet.example"}},
			To:        []Address{{"", "li.wei@example.cn"}},
			Subject:   "Your withdrawal",
			MessageID: "w-5521@wallet.example",
			Body: "Dear customer,\n\nYour withdrawal of €250.00 is delayed.\nReference: W-5521\n\n" +
				"- Step one\n- Step two\n\nSee our help page (https://help.wallet.example/w) or write to help@wallet.example.\n\nAmount\t250.00",
			FromHTML: true,
		}},
		{"alternative-inline.eml", want{
			Date:        time.Date(2025, 11, 28, 12, 0, 0, 0, zone(0)),
			From:        []Address{{"Wallet", "noreply@wallet.example"}},
			To:          []Address{{"", "li.wei@example.cn"}},
			Subject:     "Café payment receipt",
			MessageID:   "receipt-9@wallet.example",
			Body:        "Receipt for Café Zoë: 4.50 EUR.",
			Attachments: []att{{Name: "attachment-1.png", MediaType: "image/png", Data: "pixel.png", Inline: true, ContentID: "logo@wallet"}},
		}},
		{"forwarded.eml", want{
			Date:        time.Date(2025, 12, 2, 7, 45, 0, 0, zone(1)),
			From:        []Address{{"", "li.wei@example.cn"}},
			To:          []Address{{"", "zhang@example.cn"}},
			Subject:     "Fwd: promise",
			MessageID:   "fwd-1@example.cn",
			Body:        "See the promise below.",
			Attachments: []att{{Name: "承诺 24 小时内到账.eml", MediaType: "message/rfc822", Data: "forwarded-inner.eml", Inline: true}},
		}},
		{"no-message-id.eml", want{
			Date:    time.Date(2025, 12, 3, 10, 20, 0, 0, zone(8)),
			From:    []Address{{"Li Wei", "li.wei@example.cn"}},
			To:      []Address{{"", "support@okpay.example"}},
			Subject: "Call back promised",
			Body:    "Hello,\nI called today at 10:00 and was promised a call back.",
		}},
		{"undeclared-8bit.eml", want{
			Date:    time.Date(2025, 12, 6, 14, 0, 0, 0, zone(8)),
			From:    []Address{{"客服中心", "kf@pay.example.cn"}},
			To:      []Address{{"", "li.wei@example.cn"}},
			Subject: "您的投诉已登记",
			Body:    "投诉编号 C-3300，我们将在 7 日内回复。",
		}},
		{"flowed.eml", want{
			Date:      time.Date(2025, 12, 7, 10, 0, 0, 0, zone(8)),
			From:      []Address{{"王小姐", "wang@okpay.example"}},
			To:        []Address{{"", "li.wei@example.cn"}},
			Subject:   "Re: refund",
			MessageID: "flowed-1@okpay.example",
			Body:      "The refund was sent on 5 December and should arrive within three business days.\n> When will my refund arrive?\nFrom the start, thank you.\n-- \nOKPay",
		}},
		{"html-gbk-meta.eml", want{
			Date:     time.Date(2025, 12, 8, 9, 0, 0, 0, zone(8)),
			From:     []Address{{"", "noreply@okpay.example"}},
			To:       []Address{{"", "li.wei@example.cn"}},
			Subject:  "notice",
			Body:     "账户已解冻",
			FromHTML: true,
		}},
		{"duplicate-b.eml", want{
			Date:      time.Date(2025, 12, 4, 11, 0, 0, 0, zone(8)),
			From:      []Address{{"", "support@okpay.example"}},
			To:        []Address{{"", "li.wei@example.cn"}},
			Subject:   "Ticket T-8899 closed",
			MessageID: "close-8899@OKPAY.example",
			Body:      "Your ticket was closed.",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data := read(t, tt.file)
			m, err := Parse(tt.file, data)
			if err != nil {
				t.Fatalf("Parse(%s) error %v", tt.file, err)
			}
			w := tt.want
			check := func(field string, got, want any) {
				t.Helper()
				if !reflect.DeepEqual(got, want) {
					t.Errorf("Parse(%s).%s = %#v, want %#v", tt.file, field, got, want)
				}
			}
			if !m.Date.Equal(w.Date) {
				t.Errorf("Parse(%s).Date = %v, want %v", tt.file, m.Date, w.Date)
			}
			_, gotOff := m.Date.Zone()
			_, wantOff := w.Date.Zone()
			check("Date offset", gotOff, wantOff)
			check("From", m.From, w.From)
			check("To", m.To, w.To)
			check("Cc", m.Cc, w.Cc)
			check("Subject", m.Subject, w.Subject)
			check("MessageID", m.MessageID, w.MessageID)
			check("InReplyTo", m.InReplyTo, w.InReplyTo)
			check("References", m.References, w.Refs)
			check("Body", m.Body, w.Body)
			check("BodyFromHTML", m.BodyFromHTML, w.FromHTML)
			if !bytes.Equal(m.Original, data) {
				t.Errorf("Parse(%s).Original differs from the file's bytes", tt.file)
			}
			if len(m.Attachments) != len(w.Attachments) {
				t.Fatalf("Parse(%s) has %d attachments, want %d: %+v", tt.file, len(m.Attachments), len(w.Attachments), m.Attachments)
			}
			for i, a := range m.Attachments {
				wa := w.Attachments[i]
				check("Attachment name", a.Name, wa.Name)
				check("Attachment media type", a.MediaType, wa.MediaType)
				check("Attachment inline", a.Inline, wa.Inline)
				check("Attachment content ID", a.ContentID, wa.ContentID)
				var data []byte
				if strings.HasPrefix(wa.Data, "=") {
					data = []byte(wa.Data[1:])
				} else {
					data = read(t, wa.Data)
				}
				if !bytes.Equal(a.Data, data) {
					t.Errorf("Parse(%s) attachment %q: %d bytes differ from %s (%d bytes)", tt.file, a.Name, len(a.Data), wa.Data, len(data))
				}
			}
		})
	}
}

func TestKey(t *testing.T) {
	key := func(name string) string {
		m, err := Parse(name, read(t, name))
		if err != nil {
			t.Fatal(err)
		}
		return Key(m)
	}
	tests := []struct {
		name string
		a, b string
		same bool
	}{
		{"same Message-ID, copies from two programs", "duplicate-a.eml", "duplicate-b.eml", true},
		{"no Message-ID, copies from two programs", "no-message-id.eml", "no-message-id-copy.eml", true},
		{"different messages", "gbk-body.eml", "gb2312-qp.eml", false},
		{"different messages without IDs", "no-message-id.eml", "duplicate-a.eml", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ka, kb := key(tt.a), key(tt.b)
			if (ka == kb) != tt.same {
				t.Errorf("Key(%s) = %s, Key(%s) = %s, want same=%v", tt.a, ka, tt.b, kb, tt.same)
			}
		})
	}
	if got, want := key("duplicate-a.eml"), "id:close-8899@okpay.example"; got != want {
		t.Errorf("Key(duplicate-a.eml) = %s, want %s", got, want)
	}
	if got := key("no-message-id.eml"); !strings.HasPrefix(got, "sha256:") || len(got) != len("sha256:")+64 {
		t.Errorf("Key(no-message-id.eml) = %s, want sha256: and 64 hex digits", got)
	}
}

func TestDirection(t *testing.T) {
	msg := func(from string) *Message { return &Message{From: []Address{{Addr: from}}} }
	tests := []struct {
		name string
		from string
		own  []string
		want Dir
	}{
		{"own address", "li.wei@example.cn", []string{"li.wei@example.cn"}, Outbound},
		{"case ignored", "Li.Wei@Example.CN", []string{"li.wei@example.cn"}, Outbound},
		{"display name in own list", "li.wei@example.cn", []string{"Li Wei <li.wei@example.cn>"}, Outbound},
		{"plus tag in From", "li.wei+okpay@example.cn", []string{"li.wei@example.cn"}, Outbound},
		{"plus tag in own list", "li.wei@example.cn", []string{"li.wei+x@example.cn"}, Outbound},
		{"second own address", "lw@home.example", []string{"li.wei@example.cn", " LW@home.example "}, Outbound},
		{"someone else", "support@okpay.example", []string{"li.wei@example.cn"}, Inbound},
		{"same local part, other domain", "li.wei@okpay.example", []string{"li.wei@example.cn"}, Inbound},
		{"no own addresses", "li.wei@example.cn", nil, Inbound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Direction(msg(tt.from), tt.own); got != tt.want {
				t.Errorf("Direction(from %q, own %q) = %s, want %s", tt.from, tt.own, got, tt.want)
			}
		})
	}
	m, err := Parse("utf8-attachments.eml", read(t, "utf8-attachments.eml"))
	if err != nil {
		t.Fatal(err)
	}
	if got := Direction(m, []string{"li.wei@example.cn"}); got != Outbound {
		t.Errorf("Direction(utf8-attachments.eml, li.wei@example.cn) = %s, want outbound", got)
	}
}

func TestMbox(t *testing.T) {
	msgs, err := ParseMbox("mailbox.mbox", read(t, "mailbox.mbox"))
	var e *Error
	if !errors.As(err, &e) || e.Index != 3 || e.Problem != ProblemNotEmail || e.File != "mailbox.mbox" {
		t.Fatalf("ParseMbox(mailbox.mbox) error = %v, want message 3 not an email", err)
	}
	originals := []string{"gbk-body.eml", "quoting.eml", "big5.eml"}
	if len(msgs) != len(originals) {
		t.Fatalf("ParseMbox(mailbox.mbox) gave %d messages, want %d", len(msgs), len(originals))
	}
	for i, name := range originals {
		if want := read(t, name); !bytes.Equal(msgs[i].Original, want) {
			t.Errorf("ParseMbox message %d Original = %q, want the bytes of %s %q", i+1, msgs[i].Original, name, want)
		}
		single, err := Parse(name, read(t, name))
		if err != nil {
			t.Fatal(err)
		}
		if Key(msgs[i]) != Key(single) || msgs[i].Body != single.Body || msgs[i].Subject != single.Subject {
			t.Errorf("ParseMbox message %d reads differently from %s", i+1, name)
		}
	}
	if got, want := msgs[1].Body, "From the start I told you.\n>From a quoted reply.\n\nFrom here on it is in writing."; got != want {
		t.Errorf("ParseMbox message 2 Body = %q, want %q", got, want)
	}
}

func TestMboxQuoting(t *testing.T) {
	const head = "From x Fri Dec  5 01:00:00 2025\nSubject: q\n\n"
	tests := []struct {
		name    string
		quoting Quoting
		body    string
		want    string
	}{
		{"mboxrd one level", MboxRD, ">From a\n", "From a\n"},
		{"mboxrd two levels", MboxRD, ">>From a\n", ">From a\n"},
		{"mboxrd not a From line", MboxRD, ">Fromage\n> From\n", ">Fromage\n> From\n"},
		{"mboxo one level", MboxO, ">From a\n", "From a\n"},
		{"mboxo two levels stay", MboxO, ">>From a\n", ">>From a\n"},
		{"CRLF", MboxRD, ">From a\r\n\r\n", "From a\r\n"},
		{"From line not after a blank line stays", MboxRD, "text\nFrom b Fri Dec  5 01:00:00 2025\n", "text\nFrom b Fri Dec  5 01:00:00 2025\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mb := NewMbox(strings.NewReader(head+tt.body), "q.mbox")
			mb.Quoting = tt.quoting
			m, err := mb.Next()
			if err != nil {
				t.Fatalf("Next() error %v", err)
			}
			if got, want := string(m.Original), "Subject: q\n\n"+tt.want; got != want {
				t.Errorf("Next().Original = %q, want %q", got, want)
			}
		})
	}
}

func TestErrors(t *testing.T) {
	deep := "Subject: deep\nContent-Type: multipart/mixed; boundary=b0\n\n"
	for i := 0; i < MaxDepth+1; i++ {
		deep += fmt.Sprintf("--b%d\nContent-Type: multipart/mixed; boundary=b%d\n\n", i, i+1)
	}
	tests := []struct {
		name    string
		data    string
		mbox    bool
		problem Problem
		index   int
		zh      string
	}{
		{"empty", "", false, ProblemEmpty, 0, "“x.eml”是空文件，里面没有邮件。"},
		{"blank lines", "\n\r\n  \n", false, ProblemEmpty, 0, ""},
		{"plain text", "Dear sir,\nmy money is gone.\n", false, ProblemNotEmail, 0, ""},
		{"a PNG", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", false, ProblemNotEmail, 0, ""},
		{"header of unknown fields", "X-Foo: bar\n\nbody\n", false, ProblemNotEmail, 0, ""},
		{"too deep", deep, false, ProblemTooDeep, 0, ""},
		{"mbox without From line", "Subject: x\n\nbody\n", true, ProblemNotMbox, 0, ""},
		{"empty mbox", "", true, ProblemEmpty, 0, ""},
		{"empty message in mbox", "From a Fri Dec  5 01:00:00 2025\n\nFrom b Fri Dec  5 01:00:00 2025\nSubject: x\n\nbody\n", true, ProblemEmpty, 1,
			"“x.eml”中的第 1 封邮件是空的：两行“From ”之间没有任何内容。"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if tt.mbox {
				_, err = ParseMbox("x.eml", []byte(tt.data))
			} else {
				_, err = Parse("x.eml", []byte(tt.data))
			}
			var e *Error
			if !errors.As(err, &e) || e.Problem != tt.problem || e.Index != tt.index {
				t.Fatalf("Parse(%q) error = %v, want problem %s at %d", tt.data, err, tt.problem, tt.index)
			}
			var le *lang.Error
			if !errors.As(err, &le) || !lang.EN.Has(le.Key) || !lang.ZH.Has(le.Key) {
				t.Errorf("Parse(%q) error has no translated sentence: %v", tt.data, err)
			}
			en := lang.EN.Err(err)
			if !strings.Contains(en, "\"x.eml\"") || strings.Count(en, ". ") > 0 {
				t.Errorf("Parse(%q) English sentence = %q, want one sentence naming \"x.eml\"", tt.data, en)
			}
			if tt.zh != "" {
				if got := lang.ZH.Err(err); got != tt.zh {
					t.Errorf("Parse(%q) Chinese sentence = %q, want %q", tt.data, got, tt.zh)
				}
			}
		})
	}
}

func TestDecodeWords(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"=?UTF-8?B?5YWF5YC8?=", "充值"},
		{"=?utf-8?q?caf=C3=A9_ok?=", "café ok"},
		{"Re: =?UTF-8?B?5YWF?= =?UTF-8?B?5YC8?= done", "Re: 充值 done"},
		{"=?GBK?B?s+Q=?==?GBK?B?1rU=?=", "充值"},
		{"=?GBK?B?s+TW?= =?GBK?B?tQ==?=", "充值"}, // a character split across words
		{"=?gb2312?Q?=B3=E4=D6=B5?=", "充值"},
		{"=?ISO-8859-1?Q?Zo=EB?=", "Zoë"},
		{"=?big5?B?sWK4uQ==?=", "帳號"},
		{"=?x-unknown-set?Q?abc?=", "abc"},
		{"=?UTF-8?X?abc?=", "=?UTF-8?X?abc?="},
		{"=?UTF-8?B?broken", "=?UTF-8?B?broken"},
		{"\xb3\xe4\xd6\xb5", "充值"}, // raw GBK bytes instead of encoded words
		{"=?UTF-8*zh?B?5YWF5YC8?=", "充值"},
	}
	for _, tt := range tests {
		if got := decodeWords(tt.in, ""); got != tt.want {
			t.Errorf("decodeWords(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHeaderParams(t *testing.T) {
	tests := []struct {
		in, value, key, want string
	}{
		{`text/plain; charset="GB2312"`, "text/plain", "charset", "GB2312"},
		{`attachment; filename*=UTF-8''%E5%85%85%E5%80%BC.pdf`, "attachment", "filename", "充值.pdf"},
		{`attachment; filename*=gbk'zh'%B3%E4%D6%B5.pdf`, "attachment", "filename", "充值.pdf"},
		{"attachment; filename*0*=UTF-8''%E5%85%85; filename*1*=%E5%80%BC; filename*2=.pdf", "attachment", "filename", "充值.pdf"},
		{`attachment; filename="=?UTF-8?B?5YWF5YC8LnBkZg==?="`, "attachment", "filename", "充值.pdf"},
		{`attachment; filename=my file.pdf`, "attachment", "filename", "my file.pdf"},
		{`attachment; filename="a \"q\".pdf"; size=3`, "attachment", "filename", `a "q".pdf`},
		{`Multipart/Mixed; BOUNDARY="=_x"`, "multipart/mixed", "boundary", "=_x"},
		{`inline; filename="x.png"; filename*=UTF-8''y.png`, "inline", "filename", "y.png"},
	}
	for _, tt := range tests {
		v, p := headerParams(tt.in, "")
		if v != tt.value || p[tt.key] != tt.want {
			t.Errorf("headerParams(%q) = %q, %s=%q, want %q, %q", tt.in, v, tt.key, p[tt.key], tt.value, tt.want)
		}
	}
}

func TestCleanName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"receipt.pdf", "receipt.pdf"},
		{"../../etc/passwd", "passwd"},
		{`C:\Users\li\截图.png`, "截图.png"},
		{"a\x00b\nc.txt", "abc.txt"},
		{"..", ""},
		{"  ", ""},
	}
	for _, tt := range tests {
		if got := cleanName(tt.in); got != tt.want {
			t.Errorf("cleanName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDecodeQP(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a=3Db", "a=b"},
		{"soft=\nbreak", "softbreak"},
		{"soft=  \r\nbreak", "softbreak"},
		{"bad=XYz", "bad=XYz"},
		{"end=", "end"},
		{"lower=c3=a9", "lower\xc3\xa9"},
	}
	for _, tt := range tests {
		if got := string(decodeQP([]byte(tt.in))); got != tt.want {
			t.Errorf("decodeQP(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestUnflow(t *testing.T) {
	tests := []struct {
		in    string
		delsp bool
		want  string
	}{
		{"one \ntwo\n", false, "one two\n"},
		{"one \ntwo", true, "onetwo"},
		{" From stuffed", false, "From stuffed"},
		{"> a \n> b\nc", false, "> a b\nc"},
		{"> a \nb", false, "> a \nb"},
		{"-- \nsig", false, "-- \nsig"},
		{"fixed\r\nlines\r\n", false, "fixed\nlines\n"},
	}
	for _, tt := range tests {
		if got := unflow(tt.in, tt.delsp); got != tt.want {
			t.Errorf("unflow(%q, delsp=%v) = %q, want %q", tt.in, tt.delsp, got, tt.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // RFC 3339, "" for zero
	}{
		{"Tue, 25 Nov 2025 10:30:00 +0800", "2025-11-25T10:30:00+08:00"},
		{"25 Nov 2025 10:30 -0500", "2025-11-25T10:30:00-05:00"},
		{"Wed, 26 Nov 2025 09:05:10 +0800 (CST)", "2025-11-26T09:05:10+08:00"},
		{"2025-12-06 14:00:00 +0800", "2025-12-06T14:00:00+08:00"},
		{"2025-12-06T14:00:00+08:00", "2025-12-06T14:00:00+08:00"},
		{"yesterday", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got := ""
		if d := parseDate(tt.in); !d.IsZero() {
			got = d.Format(time.RFC3339)
		}
		if got != tt.want {
			t.Errorf("parseDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
