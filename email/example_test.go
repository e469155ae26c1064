package email_test

import (
	"fmt"
	"os"

	"time"

	"redress/email"
	"redress/lang"
)

// A saved message becomes the fields of an event, its attachments become
// exhibits, and Key finds it again when it is imported twice.
func ExampleParse() {
	data, err := os.ReadFile("testdata/utf8-attachments.eml")
	if err != nil {
		panic(err)
	}
	m, err := email.Parse("utf8-attachments.eml", data)
	if err != nil {
		fmt.Println(lang.ZH.Err(err)) // one sentence in the user's language
		return
	}
	fmt.Println(m.Date.Format("2006-01-02 15:04 -0700"))
	fmt.Println(m.From[0], "→", m.To[0])
	fmt.Println(m.Subject)
	fmt.Println(email.Direction(m, []string{"Li Wei <li.wei@example.cn>"}))
	fmt.Println(email.Key(m))
	for _, a := range m.Attachments {
		fmt.Println(a.Name, a.MediaType, len(a.Data))
	}
	// Output:
	// 2025-11-25 21:15 +0800
	// Li Wei <li.wei+okpay@example.cn> → support@okpay.example
	// Re: 充值未到账
	// outbound
	// id:li-1@example.cn
	// 转账凭证.pdf application/pdf 768
	// 截图 1.png image/png 69
	// 客服聊天记录（完整版）.bin application/octet-stream 100
}

// An mbox is read one message at a time; a damaged message is reported
// and skipped.
func ExampleNewMbox() {
	f, err := os.Open("testdata/mailbox.mbox")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	mb := email.NewMbox(f, "mailbox.mbox")
	for {
		m, err := mb.Next()
		if err != nil {
			if _, ok := err.(*email.Error); ok {
				fmt.Println("skipped:", lang.EN.Err(err))
				continue
			}
			break // io.EOF, or the file could not be read
		}
		fmt.Println(m.Date.Format(time.DateOnly), m.Subject)
	}
	// Output:
	// 2025-11-25 充值未到账（工单 T-8899）
	// 2025-12-05 quoting
	// skipped: Redress cannot read message 3 in "mailbox.mbox" as an email: it has no header lines such as From, Date or Subject.
	// 2025-12-01 帳戶凍結通知
}

// Parse never fails on an unreadable file with anything but one sentence.
func ExampleError() {
	_, err := email.Parse("notes.txt", []byte("Dear sir, my money is gone.\n"))
	fmt.Println(lang.EN.Err(err))
	fmt.Println(lang.ZH.Err(err))
	// Output:
	// Redress cannot read "notes.txt" as an email: it has no header lines such as From, Date or Subject; save the message from your mail program as an .eml file and try again.
	// Redress 无法把“notes.txt”当作邮件读取：它没有 From、Date、Subject 等邮件头；请在邮件程序中把这封邮件另存为 .eml 文件后再试。
}
