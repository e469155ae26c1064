package evidence

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func validCase() Case {
	return Case{Title: "OKPay 充值未到账", Provider: "OKPay", Problem: TopupNotCredited, Jurisdiction: CN,
		Amount: Money{128000, "CNY"}, Incident: "2026-11-20"}
}

// fieldsOf returns "field:reason" for every error, sorted.
func fieldsOf(err error) []string {
	var out []string
	for _, f := range Fields(err) {
		out = append(out, f.Field+":"+string(f.Reason))
	}
	slices.Sort(out)
	return out
}

func TestCaseValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Case)
		want   []string
	}{
		{"valid", func(*Case) {}, nil},
		{"no title", func(c *Case) { c.Title = "  " }, []string{"title:required"}},
		{"unknown problem", func(c *Case) { c.Problem = "lost-money" }, []string{"problem:unknown-value"}},
		{"unknown jurisdiction", func(c *Case) { c.Jurisdiction = "FR" }, []string{"jurisdiction:unknown-value"}},
		{"bad date", func(c *Case) { c.Incident = "20/11/2026" }, []string{"incident:malformed-date"}},
		{"negative amount", func(c *Case) { c.Amount.Minor = -1 }, []string{"amount:negative"}},
		{"bad currency", func(c *Case) { c.Amount.Currency = "XYZ" }, []string{"currency:unknown-currency"}},
		{"long title", func(c *Case) { c.Title = strings.Repeat("长", MaxShort+1) }, []string{"title:too-long"}},
		{"bad language", func(c *Case) { c.Language = "fr" }, []string{"lang:unknown-value"}},
		{"several", func(c *Case) { c.Title, c.Provider = "", "" }, []string{"provider:required", "title:required"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := validCase()
			tt.change(&c)
			c.Normalize()
			if got := fieldsOf(c.Validate()); !slices.Equal(got, tt.want) {
				t.Errorf("Validate() = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCaseNormalizeDefaults(t *testing.T) {
	c := validCase()
	c.Normalize()
	if c.Status != Open || c.Language != Chinese {
		t.Errorf("Normalize() status, language = %s, %s; want open, zh", c.Status, c.Language)
	}
	c = validCase()
	c.Jurisdiction = UK
	c.Normalize()
	if c.Language != English {
		t.Errorf("UK case language = %s, want en", c.Language)
	}
}

func TestEventValidate(t *testing.T) {
	at := time.Date(2026, 11, 20, 23, 30, 0, 0, time.FixedZone("", 8*3600))
	before := at.Add(-time.Hour)
	tests := []struct {
		name string
		e    Event
		want []string
	}{
		{"contact", Event{Kind: KindContact, At: at, Contact: &Contact{Channel: Phone}}, nil},
		{"contact bad channel", Event{Kind: KindContact, At: at, Contact: &Contact{Channel: "fax"}}, []string{"channel:unknown-value"}},
		{"contact no channel", Event{Kind: KindContact, At: at}, []string{"channel:required"}},
		{"promise before event", Event{Kind: KindContact, At: at, Contact: &Contact{Channel: Chat, PromiseBy: &before}}, []string{"promise-by:before-start"}},
		{"negative duration", Event{Kind: KindContact, At: at, Contact: &Contact{Channel: Phone, Duration: -time.Minute}}, []string{"duration:negative"}},
		{"transaction", Event{Kind: KindTransaction, At: at, Transaction: &Transaction{TxID: "TX1"}}, nil},
		{"empty transaction", Event{Kind: KindTransaction, At: at}, []string{"txid:required"}},
		{"transaction bad direction", Event{Kind: KindTransaction, At: at, Transaction: &Transaction{TxID: "TX1", Direction: "up"}}, []string{"direction:unknown-value"}},
		{"note", Event{Kind: KindNote, At: at, Summary: "自查：余额充足"}, nil},
		{"empty note", Event{Kind: KindNote, At: at}, []string{"summary:required"}},
		{"no time", Event{Kind: KindNote, Summary: "x"}, []string{"at:required"}},
		{"unknown kind", Event{Kind: "fax", At: at}, []string{"kind:unknown-value"}},
		{"wrong part", Event{Kind: KindNote, At: at, Summary: "x", Contact: &Contact{Channel: Phone}}, []string{"contact:not-for-kind"}},
		{"letter default party", Event{Kind: KindLetter, At: at}, nil},
		{"letter bad party", Event{Kind: KindLetter, At: at, Letter: &Letter{To: "police"}}, []string{"to:unknown-value"}},
		{"response", Event{Kind: KindResponse, At: at, Response: &Response{Final: true}}, nil},
		{"screenshot", Event{Kind: KindScreenshot, At: at}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := tt.e
			e.Normalize()
			if got := fieldsOf(e.Validate()); !slices.Equal(got, tt.want) {
				t.Errorf("Validate() = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestNormalizeTags(t *testing.T) {
	e := Event{Kind: KindNote, Tags: []string{" Receipt", "receipt", "", "银行流水"}}
	e.Normalize()
	if want := []string{"receipt", "银行流水"}; !slices.Equal(e.Tags, want) {
		t.Errorf("tags = %q, want %q", e.Tags, want)
	}
}

func TestParseTime(t *testing.T) {
	shanghai := time.FixedZone("CST", 8*3600)
	tests := []struct {
		in      string
		want    string // RFC 3339, "" for an error
		wantOff int
	}{
		{"2026-11-20T23:30:00+08:00", "2026-11-20T23:30:00+08:00", 8 * 3600},
		{"2026-11-20T15:30:00Z", "2026-11-20T15:30:00Z", 0},
		{"2026-11-20 23:30", "2026-11-20T23:30:00+08:00", 8 * 3600},
		{"2026-11-20T23:30", "2026-11-20T23:30:00+08:00", 8 * 3600},
		{"2026-11-20T23:30:00-05:00", "2026-11-20T23:30:00-05:00", -5 * 3600},
		{"20/11/2026", "", 0},
		{"2026-13-01 10:00", "", 0},
		{"yesterday", "", 0},
	}
	for _, tt := range tests {
		got, err := ParseTime("at", tt.in, shanghai)
		if tt.want == "" {
			if err == nil {
				t.Errorf("ParseTime(%q) = %v, want an error", tt.in, got)
			}
			continue
		}
		_, off := got.Zone()
		if err != nil || got.Format(time.RFC3339) != tt.want || off != tt.wantOff {
			t.Errorf("ParseTime(%q) = %v (offset %d), %v; want %s", tt.in, got, off, err, tt.want)
		}
	}
}

func TestMediaType(t *testing.T) {
	tests := []struct {
		head []byte
		want string
	}{
		{[]byte("\x89PNG\r\n\x1a\n0000"), "image/png"},
		{[]byte("\xff\xd8\xff\xe0"), "image/jpeg"},
		{[]byte("%PDF-1.7\n"), "application/pdf"},
		{[]byte("GIF89a"), "image/gif"},
		{[]byte("RIFF\x00\x00\x00\x00WEBPVP8 "), "image/webp"},
		{[]byte("\x00\x00\x00\x18ftypheic\x00\x00"), "image/heic"},
		{[]byte("hello"), "text/plain; charset=utf-8"},
	}
	for _, tt := range tests {
		if got := MediaType(tt.head); got != tt.want {
			t.Errorf("MediaType(%q) = %q, want %q", tt.head, got, tt.want)
		}
	}
}
