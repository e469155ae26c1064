package letters

import (
	"strings"
	"testing"
	"time"

	"redress/evidence"
)

func recordsCase(j evidence.Jurisdiction) evidence.Case {
	return evidence.Case{Provider: "PayWave", Problem: evidence.UnauthorizedTransaction, Jurisdiction: j,
		Complainant: evidence.Complainant{Name: "Alex Morgan", Contact: "alex@example.com", AccountID: "PW-55120"}}
}

func utcDay(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 9, 0, 0, 0, time.UTC) }

// TestComposeRecordsReplyDate pins the reply date each letter states, for
// fixed dates worked out by hand: the law's period where there is one,
// counted from receipt, and the 30 days Redress asks for otherwise.
func TestComposeRecordsReplyDate(t *testing.T) {
	tests := []struct {
		name           string
		j              evidence.Jurisdiction
		lang           evidence.Language
		date, received time.Time
		want           string
	}{
		// 31 Jan + 1 month = 28 Feb 2026, a Saturday → Monday 2 March.
		{"EU, end of January", evidence.EU, evidence.English, utcDay(2026, 1, 31), time.Time{},
			"that is by 2 March 2026 if you receive it on the date of this letter."},
		// Posted on Monday 30 Nov, received Thursday 3 Dec → 3 Jan 2027 (Sunday) → 4 Jan.
		{"UK, by post", evidence.UK, evidence.English, utcDay(2026, 11, 30), utcDay(2026, 12, 3),
			"that is by 4 January 2027, as you will receive it on 3 December 2026."},
		// A receipt date before the letter date is impossible: the letter date counts.
		{"UK, receipt before the letter is ignored", evidence.UK, evidence.English, utcDay(2026, 11, 30), utcDay(2026, 11, 1),
			"that is by 30 December 2026 if you receive it on the date of this letter."},
		// No statutory period: 30 days from Friday 20 Nov = Sunday 20 Dec → Monday 21 Dec.
		{"US, the 30 days asked for", evidence.US, evidence.English, utcDay(2026, 11, 20), time.Time{},
			"that is by December 21, 2026 if you receive it on the date of this letter."},
		{"other", evidence.Other, evidence.English, utcDay(2026, 11, 20), time.Time{},
			"Please send the records within 30 days, that is by 21 December 2026 if you receive it on the date of this letter."},
		// GB/T 35273-2020: 30 days; 28 Nov + 30 = 28 Dec (Monday).
		{"CN in English", evidence.CN, evidence.English, utcDay(2026, 11, 28), time.Time{},
			"expects an answer within 30 days: please reply in writing by 28 December 2026 if you receive it on the date of this letter."},
		{"CN in Chinese, by post", evidence.CN, evidence.Chinese, utcDay(2026, 11, 28), utcDay(2026, 12, 2),
			"请于三十日内，即于2027年1月1日前（贵司将于2026年12月2日收到本函）"},
		{"EU in Chinese", evidence.EU, evidence.Chinese, utcDay(2026, 1, 31), time.Time{},
			"贵司应当在收到本申请后一个月内答复，即于2026年3月2日前（以贵司于本函日期收到计）"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := ComposeRecords(RecordsRequest{Case: recordsCase(tt.j), Lang: tt.lang, Date: tt.date, Received: tt.received})
			if text := l.Text(); !strings.Contains(text, tt.want) {
				t.Errorf("ComposeRecords(%s, %s) has no %q:\n%s", tt.j, tt.lang, tt.want, text)
			}
		})
	}
}

// TestComposeRecordsLaw checks that each jurisdiction's letter cites its
// own access law and preservation hook, and no other's.
func TestComposeRecordsLaw(t *testing.T) {
	tests := []struct {
		j          evidence.Jurisdiction
		lang       evidence.Language
		want, none []string
	}{
		{evidence.EU, evidence.English, []string{"Article 15 of the General Data Protection Regulation (EU) 2016/679", "Article 12(3)", "two further months", "GDPR Article 18(1)(c)"},
			[]string{"UK GDPR", "PIPL", "CFR"}},
		{evidence.UK, evidence.English, []string{"UK General Data Protection Regulation", "Articles 12(3) and 12A", "confirm my identity", "UK GDPR Article 18(1)(c)"},
			[]string{"(EU) 2016/679", "PIPL", "CFR"}},
		{evidence.CN, evidence.English, []string{"Article 45 of the Personal Information Protection Law", "Article 53 of the E-Commerce Law", "Article 50"},
			[]string{"GDPR", "CFR", "ombudsman, a regulator or a court, is open. If"}},
		{evidence.US, evidence.English, []string{"12 CFR 1005.11(d)(1)", "12 CFR 1005.18(b)(1)(iii)", "law of my state", "Sincerely,", "unauthorized transaction"},
			[]string{"GDPR", "PIPL", "ombudsman", "unauthorised", "Yours faithfully"}},
		{evidence.CN, evidence.Chinese, []string{"《中华人民共和国个人信息保护法》第四十五条", "《中华人民共和国电子商务法》第五十三条", "第五十条", "不得删除、覆盖或销毁"},
			[]string{"GDPR", "CFR"}},
		{evidence.UK, evidence.Chinese, []string{"UK GDPR", "第十二A条", "第十八条第一款第（三）项"}, []string{"个人信息保护法》第四十五条"}},
	}
	for _, tt := range tests {
		t.Run(string(tt.j)+"-"+string(tt.lang), func(t *testing.T) {
			text := ComposeRecords(RecordsRequest{Case: recordsCase(tt.j), Lang: tt.lang, Date: utcDay(2026, 11, 28)}).Text()
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("letter lacks %q:\n%s", w, text)
				}
			}
			for _, n := range tt.none {
				if strings.Contains(text, n) {
					t.Errorf("letter has %q, which does not belong:\n%s", n, text)
				}
			}
		})
	}
}

// TestComposeRecordsSparse writes the letter from almost nothing: no
// placeholder, empty bracket or doubled space may show.
func TestComposeRecordsSparse(t *testing.T) {
	for _, j := range evidence.Jurisdictions {
		for _, lg := range []evidence.Language{evidence.English, evidence.Chinese} {
			text := ComposeRecords(RecordsRequest{Case: evidence.Case{Jurisdiction: j}, Lang: lg, Date: utcDay(2026, 11, 28)}).Text()
			for _, bad := range []string{"()", "（）", "  ", "{", "<nil>", " ,", " .", "“”", "之间的争议的"} {
				if strings.Contains(strings.ReplaceAll(text, "\u3000\u3000", ""), bad) {
					t.Errorf("%s/%s: %q in\n%s", j, lg, bad, text)
				}
			}
		}
	}
}

func TestComposeRecordsChoices(t *testing.T) {
	c := recordsCase(evidence.UK)
	c.Language = evidence.Chinese
	l := ComposeRecords(RecordsRequest{Case: c, Date: utcDay(2026, 11, 28), Records: []Record{CallRecords}})
	if l.Lang != evidence.Chinese {
		t.Errorf("language with no Lang = %s, want the case's zh", l.Lang)
	}
	text := l.Text()
	if !strings.Contains(text, "（一）本人与贵司的通话录音") || strings.Contains(text, "聊天记录") || strings.Contains(text, "交易记录，") {
		t.Errorf("Records: [calls] = letter\n%s\nwant the call recordings only", text)
	}
	en := ComposeRecords(RecordsRequest{Case: recordsCase(evidence.EU), Lang: evidence.English, Date: utcDay(2026, 11, 28),
		RecipientName: "Data Protection Officer\nPayWave Europe SA", RecipientAddress: "1 Rue Haute\nLuxembourg"})
	if got := strings.Join(en.Addressee, " | "); got != "Data Protection Officer | PayWave Europe SA | 1 Rue Haute | Luxembourg" {
		t.Errorf("Addressee = %q", got)
	}
}
