package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"redress/evidence"
	"redress/lang"
)

// mailFixture copies email/testdata files into dir, each with the given
// modification time.
func mailFixture(t *testing.T, dir string, mod time.Time, names ...string) []string {
	t.Helper()
	var out []string
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join("..", "email", "testdata", n))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, n)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(p, mod, mod)
		out = append(out, p)
	}
	return out
}

func mailCase(t *testing.T, a *App) evidence.Case {
	t.Helper()
	c, err := a.NewCase(ctx, CaseInput{Title: "充值未到账", Provider: "OKPay", Problem: "topup-not-credited", Jurisdiction: "CN",
		Language: "zh", Name: "李伟", Contact: "Li Wei <li.wei@example.cn>, +86 138 1234 5678"})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestImportEmailsIntoEvents(t *testing.T) {
	now := time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC)
	a := openApp(t, WithClock(func() time.Time { return now }), WithLocation(cst))
	c := mailCase(t, a)
	mod := time.Date(2025, 12, 10, 8, 0, 0, 0, time.UTC)
	paths := mailFixture(t, t.TempDir(), mod, "gbk-body.eml", "gb2312-qp.eml", "utf8-attachments.eml",
		"duplicate-a.eml", "duplicate-b.eml", "no-message-id.eml", "no-message-id-copy.eml", "mailbox.mbox", "html-only.eml")
	var progress []string
	files, err := a.ImportEmails(ctx, c.ID, paths, MailOptions{}, func(f MailFile) { progress = append(progress, filepath.Base(f.Path)) })
	if err != nil {
		t.Fatal(err)
	}
	if len(progress) != len(paths) {
		t.Errorf("progress calls = %v, want one per file", progress)
	}
	byName := map[string]MailFile{}
	for _, f := range files {
		byName[filepath.Base(f.Path)] = f
	}
	one := func(name string) MailMessage {
		t.Helper()
		f := byName[name]
		if f.Err != nil || len(f.Messages) != 1 {
			t.Fatalf("%s: %v, %d messages; want 1", name, f.Err, len(f.Messages))
		}
		return f.Messages[0]
	}

	tests := []struct {
		file      string
		kind      evidence.Kind
		at        string
		summary   string
		notesHas  string
		party     string // the agent of a contact, the name of a response
		messageID string
	}{
		{"gbk-body.eml", evidence.KindResponse, "2025-11-25T10:30:00+08:00", "充值未到账（工单 T-8899）", "您的充值 1280.00 元已在处理中", "OKPay 客服", "T-8899.1@okpay.example"},
		{"gb2312-qp.eml", evidence.KindResponse, "2025-11-26T09:05:10+08:00", "关于退款申请的答复", "款项将在 3 个工作日内原路退回", "退款部", "refund-42@okpay.example"},
		// From li.wei+okpay@: the contact's address with a tag is the user's.
		{"utf8-attachments.eml", evidence.KindContact, "2025-11-25T21:15:00+08:00", "Re: 充值未到账", "附件是转账凭证和截图，请尽快处理。", "support@okpay.example", "li-1@example.cn"},
		{"html-only.eml", evidence.KindResponse, "2025-11-27T08:00:00-05:00", "Your withdrawal", "Your withdrawal of €250.00 is delayed.", "Wallet", "w-5521@wallet.example"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			m := one(tt.file)
			if m.Err != nil || m.Duplicate != "" {
				t.Fatalf("%s: err %v duplicate %q", tt.file, m.Err, m.Duplicate)
			}
			e, err := a.Event(ctx, m.Event.ID)
			if err != nil {
				t.Fatal(err)
			}
			party := ""
			switch {
			case e.Contact != nil:
				party = e.Contact.Agent
				if e.Contact.Channel != evidence.Email || e.Contact.Direction != evidence.Outbound {
					t.Errorf("%s: contact %+v, want an outbound email", tt.file, e.Contact)
				}
			case e.Response != nil:
				party = e.Response.Name
			}
			if e.Kind != tt.kind || e.At.Format(time.RFC3339) != tt.at || e.Summary != tt.summary || party != tt.party ||
				!strings.Contains(e.Notes, tt.notesHas) || e.Email == nil || e.Email.MessageID != tt.messageID {
				t.Errorf("ImportEmails(%s) = %s %s %q %q notes %q email %+v;\nwant %s %s %q %q notes with %q id %s",
					tt.file, e.Kind, e.At.Format(time.RFC3339), e.Summary, party, e.Notes, e.Email, tt.kind, tt.at, tt.summary, tt.party, tt.notesHas, tt.messageID)
			}
			// The message itself is the first exhibit, byte for byte.
			orig, _ := os.ReadFile(filepath.Join("..", "email", "testdata", tt.file))
			data, att, err := a.ReadAttachment(ctx, e.Attachments[0].ID)
			if err != nil || !bytes.Equal(data, orig) || att.Name != tt.file || att.MediaType != "message/rfc822" {
				t.Errorf("%s: first exhibit %s %s (%v), want the file's bytes as message/rfc822", tt.file, att.Name, att.MediaType, err)
			}
		})
	}

	t.Run("attachments are exhibits of the event", func(t *testing.T) {
		e, _ := a.Event(ctx, one("utf8-attachments.eml").Event.ID)
		var names []string
		for _, at := range e.Attachments[1:] {
			names = append(names, at.Name)
		}
		if got := strings.Join(names, "|"); got != "转账凭证.pdf|截图 1.png|客服聊天记录（完整版）.bin" {
			t.Errorf("attachments = %s", got)
		}
		// Types are read from the bytes, as for any file.
		pixel, _ := os.ReadFile(filepath.Join("..", "email", "testdata", "pixel.png"))
		data, att, err := a.ReadAttachment(ctx, e.Attachments[2].ID)
		if err != nil || att.MediaType != "image/png" || !bytes.Equal(data, pixel) {
			t.Errorf("picture attachment = %s (%v), want pixel.png's bytes as image/png", att.MediaType, err)
		}
	})
	t.Run("Cc is kept", func(t *testing.T) {
		e, _ := a.Event(ctx, one("gb2312-qp.eml").Event.ID)
		if strings.Join(e.Email.Cc, ", ") != "Zhang San <zhang@example.cn>, wang@example.cn" || e.Email.From != "退款部 <refunds@okpay.example>" {
			t.Errorf("email = %+v", e.Email)
		}
	})
	t.Run("duplicates by Message-ID", func(t *testing.T) {
		first, second := one("duplicate-a.eml"), one("duplicate-b.eml")
		if first.Duplicate != "" || second.Duplicate != first.Event.ID {
			t.Errorf("duplicate-b: duplicate of %q, want %q", second.Duplicate, first.Event.ID)
		}
	})
	t.Run("duplicates without Message-ID", func(t *testing.T) {
		first, second := one("no-message-id.eml"), one("no-message-id-copy.eml")
		if first.Duplicate != "" || second.Duplicate != first.Event.ID || !first.Sent {
			t.Errorf("no-message-id-copy: duplicate of %q (sent %v), want %q", second.Duplicate, first.Sent, first.Event.ID)
		}
	})
	t.Run("mailbox", func(t *testing.T) {
		f := byName["mailbox.mbox"]
		if f.Err != nil || len(f.Messages) != 4 {
			t.Fatalf("mailbox: %v, %d messages, want 4", f.Err, len(f.Messages))
		}
		gbk := one("gbk-body.eml")
		if m := f.Messages[0]; m.Duplicate != gbk.Event.ID {
			t.Errorf("mbox message 1 duplicate of %q, want the .eml's event %q", m.Duplicate, gbk.Event.ID)
		}
		quoting, _ := a.Event(ctx, f.Messages[1].Event.ID)
		if quoting.Kind != evidence.KindContact || !strings.Contains(quoting.Notes, "From the start I told you.") ||
			quoting.Attachments[0].Name != "mailbox-2.eml" {
			t.Errorf("mbox message 2 = %s %q %s", quoting.Kind, quoting.Notes, quoting.Attachments[0].Name)
		}
		if m := f.Messages[2]; m.Err == nil || !strings.Contains(lang.ZH.Err(m.Err), "第 3 封") {
			t.Errorf("mbox message 3 error = %v (zh %q), want one naming message 3", m.Err, lang.ZH.Err(m.Err))
		}
		big5, _ := a.Event(ctx, f.Messages[3].Event.ID)
		if big5.Summary != "帳戶凍結通知" || !strings.Contains(big5.Notes, "您的帳戶因安全檢查暫時凍結") {
			t.Errorf("mbox message 4 = %q %q", big5.Summary, big5.Notes)
		}
		if f.Added() != 2 {
			t.Errorf("mailbox added %d, want 2", f.Added())
		}
	})
	t.Run("importing again adds nothing", func(t *testing.T) {
		n, _ := a.Count(ctx, c.ID, Query{})
		again, err := a.ImportEmails(ctx, c.ID, paths, MailOptions{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range again {
			for _, m := range f.Messages {
				if m.Err == nil && m.Duplicate == "" {
					t.Errorf("%s #%d stored twice", filepath.Base(f.Path), m.Index)
				}
			}
		}
		if n2, _ := a.Count(ctx, c.ID, Query{}); n2 != n {
			t.Errorf("events %d → %d", n, n2)
		}
	})
	rep, err := a.VerifyLogDeep(ctx)
	if err != nil || !rep.OK() {
		t.Errorf("VerifyLog = %+v, %v", rep.Problems, err)
	}
}

func TestImportEmailDirectionAndDate(t *testing.T) {
	now := time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC)
	mod := time.Date(2025, 12, 10, 8, 0, 0, 0, cst)
	dir := t.TempDir()
	undated := filepath.Join(dir, "undated.eml")
	os.WriteFile(undated, []byte("From: Li Wei <li.wei@example.cn>\r\nTo: support@okpay.example\r\nSubject: no date\r\n\r\nHello\r\n"), 0o600)
	os.Chtimes(undated, mod, mod)
	tests := []struct {
		name     string
		contact  string
		own      []string
		file     string
		wantKind evidence.Kind
	}{
		{"address in the contact", "li.wei@example.cn", nil, "no-message-id.eml", evidence.KindContact},
		{"no address known", "+86 138 1234 5678", nil, "no-message-id.eml", evidence.KindResponse},
		{"address given for the import", "", []string{"LI.WEI@example.cn"}, "no-message-id.eml", evidence.KindContact},
		{"received", "li.wei@example.cn", nil, "gbk-body.eml", evidence.KindResponse},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := openApp(t, WithClock(func() time.Time { return now }), WithLocation(cst))
			c, err := a.NewCase(ctx, CaseInput{Title: "t", Provider: "OKPay", Problem: "other", Jurisdiction: "CN", Language: "zh", Contact: tt.contact})
			if err != nil {
				t.Fatal(err)
			}
			files, err := a.ImportEmails(ctx, c.ID, mailFixture(t, t.TempDir(), mod, tt.file), MailOptions{Own: tt.own}, nil)
			if err != nil || files[0].Err != nil {
				t.Fatal(err, files[0].Err)
			}
			if got := files[0].Messages[0].Event.Kind; got != tt.wantKind {
				t.Errorf("kind = %s, want %s", got, tt.wantKind)
			}
		})
	}
	t.Run("no Date: the file's time, said so", func(t *testing.T) {
		a := openApp(t, WithClock(func() time.Time { return now }), WithLocation(cst))
		c := mailCase(t, a)
		files, err := a.ImportEmails(ctx, c.ID, []string{undated}, MailOptions{}, nil)
		if err != nil || files[0].Err != nil {
			t.Fatal(err, files[0].Err)
		}
		m := files[0].Messages[0]
		if !m.DateFromFile || !m.Event.At.Equal(mod) || m.Event.Email == nil || !m.Event.Email.DateFromFile {
			t.Errorf("undated: at %v from file %v, want %v", m.Event.At, m.DateFromFile, mod)
		}
	})
}

func TestImportEmailBadFiles(t *testing.T) {
	a := openApp(t)
	c := mailCase(t, a)
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.eml")
	os.WriteFile(empty, nil, 0o600)
	notMail := filepath.Join(dir, "notes.eml")
	os.WriteFile(notMail, []byte("just some text\nwith lines\n"), 0o600)
	tests := []struct {
		path string
		want string // in the English sentence
	}{
		{filepath.Join(dir, "missing.eml"), "missing.eml"},
		{empty, "empty.eml"},
		{notMail, "cannot read \"notes.eml\" as an email"},
	}
	for _, tt := range tests {
		files, err := a.ImportEmails(ctx, c.ID, []string{tt.path}, MailOptions{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if files[0].Err == nil || !strings.Contains(lang.EN.Err(files[0].Err), tt.want) {
			t.Errorf("ImportEmails(%s) error = %v, want one with %q", filepath.Base(tt.path), files[0].Err, tt.want)
		}
	}
	if _, err := a.ImportEmails(ctx, c.ID, nil, MailOptions{}, nil); err == nil {
		t.Error("ImportEmails(no files) = nil error")
	}
}

func TestMailText(t *testing.T) {
	long := strings.Repeat("字", evidence.MaxLong+10)
	tests := []struct {
		in, want string
		cut      bool
	}{
		{"a\r\nb\rc", "a\nb\nc", false},
		{"bell\a and nul\x00", "bell  and nul", false},
		{"bad \xff byte", "bad \uFFFD byte", false},
		{long, strings.Repeat("字", evidence.MaxLong-1) + "…", true},
	}
	for _, tt := range tests {
		got, cut := mailText(tt.in, evidence.MaxLong)
		if got != tt.want || cut != tt.cut {
			t.Errorf("mailText(%.20q) = %.20q %v, want %.20q %v", tt.in, got, cut, tt.want, tt.cut)
		}
		if err := evidence.CheckText("notes", got, true); err != nil {
			t.Errorf("mailText(%.20q) is not valid notes: %v", tt.in, err)
		}
	}
}
