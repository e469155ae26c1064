package app

import (
	"bytes"
	"errors"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"redress/escalation"
	"redress/evidence"
	"redress/lang"
	"redress/post"
)

// clockApp is an App whose clock the test moves.
func clockApp(t *testing.T, now *time.Time) *App {
	return openApp(t, WithClock(func() time.Time { return *now }), WithLocation(time.UTC))
}

// TestPostSuggestionWaitsForTheStatutoryReply: the status panel suggests
// the public post only once the formal complaint's statutory reply time
// ran out (the extended one after a holding reply), never on the
// provider's own 24-hour promise, and never before post.FairChanceDays.
func TestPostSuggestionWaitsForTheStatutoryReply(t *testing.T) {
	type step struct {
		now  string
		ok   bool
		key  string
		date string
	}
	tests := []struct {
		name   string
		j      string
		events []EventInput
		steps  []step
	}{
		// CN: the PBoC measures' 15 days from the complaint (26 Nov) end on
		// 11 Dec; an in-app complaint promised an answer within 24 h.
		{"CN 15 days, not the in-app 24 h", "CN", []EventInput{
			{Kind: "contact", Channel: "app", Tags: []string{"complaint"}, Summary: "in-app complaint form", At: "2026-11-26T16:00:00Z"},
		}, []step{
			{"2026-11-28T12:00:00Z", false, "post.suggest.waiting", "2026-12-11"},
			{"2026-12-10T12:00:00Z", false, "post.suggest.waiting", "2026-12-11"},
			{"2026-12-11T23:59:59Z", false, "post.suggest.waiting", "2026-12-11"},
			{"2026-12-12T00:00:00Z", true, "post.suggest.overdue", "2026-12-11"},
		}},
		// UK: DISP's 15 business days from Thursday 26 Nov end on Thursday
		// 17 Dec; a holding reply on 30 Nov moves it to 35 business days
		// (14 Jan).
		{"UK 15 business days", "UK", []EventInput{
			{Kind: "letter", To: "provider", At: "2026-11-26T16:00:00Z"},
		}, []step{
			{"2026-12-11T12:00:00Z", false, "post.suggest.waiting", "2026-12-17"},
			{"2026-12-18T09:00:00Z", true, "post.suggest.overdue", "2026-12-17"},
		}},
		{"UK holding reply: 35 business days", "UK", []EventInput{
			{Kind: "letter", To: "provider", At: "2026-11-26T16:00:00Z"},
			{Kind: "response", From: "provider", Outcome: "We are looking into it", At: "2026-11-30T10:00:00Z"},
		}, []step{
			{"2026-12-18T09:00:00Z", false, "post.suggest.waiting", "2027-01-14"},
			{"2027-01-15T09:00:00Z", true, "post.suggest.overdue", "2027-01-14"},
		}},
		// OTHER: no statutory window; the letter's own 14 days.
		{"OTHER: the letter's 14 days", "OTHER", []EventInput{
			{Kind: "letter", To: "provider", At: "2026-11-26T09:00:00Z"},
		}, []step{
			{"2026-12-10T12:00:00Z", false, "post.suggest.waiting", "2026-12-10"},
			{"2026-12-11T00:00:01Z", true, "post.suggest.overdue", "2026-12-10"},
		}},
		{"final response opens it at once", "CN", []EventInput{
			{Kind: "letter", To: "provider", At: "2026-11-26T16:00:00Z"},
			{Kind: "response", From: "provider", Outcome: "Refused", Final: true, At: "2026-11-29T10:00:00Z"},
		}, []step{
			{"2026-11-29T12:00:00Z", true, "post.suggest.final", "2026-11-29"},
		}},
		{"no complaint yet", "CN", []EventInput{
			{Kind: "contact", Channel: "chat", Summary: "agent promised", At: "2026-11-20T10:00:00Z"},
		}, []step{
			{"2027-03-01T12:00:00Z", false, "post.suggest.no-complaint", ""},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			now := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
			a := clockApp(t, &now)
			c, err := a.NewCase(ctx, CaseInput{Title: "t", Provider: "OKPay", Problem: "account-frozen", Jurisdiction: tt.j, Incident: "2026-11-19"})
			if err != nil {
				t.Fatal(err)
			}
			for _, in := range tt.events {
				now = time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC) // every event is in the past
				if _, err := a.AddEvent(ctx, c.ID, in); err != nil {
					t.Fatalf("AddEvent(%+v): %v", in, err)
				}
			}
			for _, s := range tt.steps {
				now, _ = time.Parse(time.RFC3339, s.now)
				got, err := a.PostSuggestion(ctx, c.ID)
				if err != nil {
					t.Fatal(err)
				}
				date := ""
				if !got.Why.Date.IsZero() {
					date = got.Why.Date.Format(evidence.DateLayout)
				}
				if got.OK != s.ok || got.Why.Key != s.key || date != s.date {
					t.Errorf("PostSuggestion at %s = %v, %s %s; want %v, %s %s", s.now, got.OK, got.Why.Key, date, s.ok, s.key, s.date)
				}
			}
		})
	}
}

// TestRecordPostMovesTheLadder: "I posted it" records a social contact
// tagged public with its link and screenshot; the ladder reaches the
// optional public step, the suggestion stops, and the provider's public
// reply is a response from the provider.
func TestRecordPostMovesTheLadder(t *testing.T) {
	now := time.Date(2026, 12, 20, 9, 0, 0, 0, time.UTC)
	a := clockApp(t, &now)
	c, err := a.NewCase(ctx, CaseInput{Title: "t", Provider: "OKPay", Problem: "topup-not-credited", Jurisdiction: "CN",
		Incident: "2026-11-20", Amount: "1280.00", Currency: "CNY"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.AddEvent(ctx, c.ID, EventInput{Kind: "letter", To: "provider", At: "2026-11-26T16:00:00Z"}); err != nil {
		t.Fatal(err)
	}
	_, before, err := a.Assess(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if before.Position != escalation.FormalComplaint {
		t.Fatalf("position before the post = %s, want %s", before.Position, escalation.FormalComplaint)
	}
	if s, _ := a.PostSuggestion(ctx, c.ID); !s.OK {
		t.Fatalf("PostSuggestion before the post = %+v, want it suggested (the 15 days ended on 2026-12-11)", s)
	}
	d, err := a.PostDraft(ctx, c.ID, PostOptions{Lang: evidence.Chinese, Length: post.Short})
	if err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(t.TempDir(), "post.png")
	if err := os.WriteFile(shot, pngBytes(t), 0o600); err != nil {
		t.Fatal(err)
	}
	// A missing screenshot stops it, and nothing is written.
	if _, err := a.RecordPost(ctx, c.ID, PostRecord{Link: "https://weibo.com/1/abc", Text: d.Text,
		Screenshots: []string{filepath.Join(t.TempDir(), "missing.png")}}); err == nil {
		t.Fatal("RecordPost with a missing screenshot succeeded")
	}
	if evs, _ := a.Timeline(ctx, c.ID, Query{}); len(evs) != 1 {
		t.Fatalf("after a refused post the timeline has %d entries, want 1", len(evs))
	}
	p, err := a.RecordPost(ctx, c.ID, PostRecord{At: "2026-12-19 20:15", Link: "https://weibo.com/1/abc", Text: d.Text, Screenshots: []string{shot}})
	if err != nil {
		t.Fatal(err)
	}
	switch {
	case p.Kind != evidence.KindContact || p.Contact == nil || p.Contact.Channel != evidence.Social || p.Contact.Direction != evidence.Outbound:
		t.Errorf("post stored as %+v / %+v, want an outbound social contact", p.Kind, p.Contact)
	case !slices.Equal(p.Tags, []string{"public"}) || p.Reference != "https://weibo.com/1/abc" || p.Summary != d.Text:
		t.Errorf("post tags %v, ref %q, summary %q", p.Tags, p.Reference, p.Summary)
	case len(p.Attachments) != 1 || p.Attachments[0].Name != "post.png":
		t.Errorf("post attachments = %+v, want post.png", p.Attachments)
	case p.At.Format(time.RFC3339) != "2026-12-19T20:15:00Z":
		t.Errorf("post time = %v", p.At)
	}
	_, after, err := a.Assess(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if after.Position != escalation.PublicPost {
		t.Errorf("position after the post = %s, want %s", after.Position, escalation.PublicPost)
	}
	if after.Next.Step == escalation.PublicPost {
		t.Errorf("the next step is the public post again")
	}
	if s, _ := a.PostSuggestion(ctx, c.ID); s.OK || s.Why.Key != "post.suggest.posted" || s.Why.Date.Format(evidence.DateLayout) != "2026-12-19" {
		t.Errorf("PostSuggestion after the post = %+v, want posted on 2026-12-19", s)
	}
	// The provider's reply to it.
	_, err = a.RecordPostReply(ctx, p.ID, PostReply{At: "2026-12-19 18:00", Account: "@OKPay客服", Text: "请私信"})
	var le *lang.Error
	if !errors.As(err, &le) || le.Key != "lawui.reply-before-post" {
		t.Errorf("a reply before the post: err = %v, want lawui.reply-before-post", err)
	}
	r, err := a.RecordPostReply(ctx, p.ID, PostReply{At: "2026-12-20 08:30", Account: "@OKPay客服", Text: "已私信您处理",
		Link: "https://weibo.com/1/abc#reply", Screenshots: []string{shot}})
	if err != nil {
		t.Fatal(err)
	}
	if r.CaseID != c.ID || r.Kind != evidence.KindResponse || r.Response == nil || r.Response.From != evidence.ToProvider ||
		r.Response.Outcome != "已私信您处理" || r.Response.Name != "@OKPay客服" || r.Reference != "https://weibo.com/1/abc#reply" ||
		len(r.Attachments) != 1 || !slices.Equal(r.Tags, []string{"public"}) {
		t.Errorf("reply stored as %+v (%+v)", r, r.Response)
	}
	if _, as, _ := a.Assess(ctx, c.ID); as.Position != escalation.PublicPost {
		t.Errorf("position after the reply = %s, want %s", as.Position, escalation.PublicPost)
	}
}

// TestPostDraftFitsEveryLimit: the app's draft, in both languages and
// lengths, stays within each platform's limit and defaults to the case's
// language and the short form.
func TestPostDraftFitsEveryLimit(t *testing.T) {
	now := time.Date(2026, 12, 20, 9, 0, 0, 0, time.UTC)
	a := clockApp(t, &now)
	c, err := a.NewCase(ctx, CaseInput{Title: "t", Provider: "OKPay", Problem: "topup-not-credited", Jurisdiction: "CN",
		Incident: "2026-11-20", Amount: "1280.00", Currency: "CNY", Language: "zh"})
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range []EventInput{
		{Kind: "contact", Channel: "chat", Agent: "王小姐 #1024", Summary: "客服说 24 小时内到账", PromiseBy: "2026-11-21T10:30:00Z", At: "2026-11-20T10:30:00Z", Ref: "T-8899"},
		{Kind: "letter", To: "provider", At: "2026-11-26T16:00:00Z"},
	} {
		if _, err := a.AddEvent(ctx, c.ID, in); err != nil {
			t.Fatal(err)
		}
	}
	if d, err := a.PostDraft(ctx, c.ID, PostOptions{}); err != nil || d.Lang != evidence.Chinese || d.Length != post.Short {
		t.Errorf("PostDraft(defaults) = %s %s, %v; want zh short", d.Lang, d.Length, err)
	}
	for _, l := range evidence.Languages {
		for _, n := range post.Lengths {
			d, err := a.PostDraft(ctx, c.ID, PostOptions{Lang: l, Length: n, Mention: "@OKPay"})
			if err != nil {
				t.Fatalf("PostDraft(%s, %s): %v", l, n, err)
			}
			if !d.Fits() || len(d.Counts) == 0 {
				t.Errorf("PostDraft(%s, %s) counts %+v do not fit", l, n, d.Counts)
			}
			if d.Text == "" || d.Text[:6] != "@OKPay" {
				t.Errorf("PostDraft(%s, %s) = %q, want it to start with the mention", l, n, d.Text)
			}
		}
	}
	if _, err := a.PostDraft(ctx, c.ID, PostOptions{Length: "huge"}); len(evidence.Fields(err)) == 0 {
		t.Errorf("PostDraft(length huge) err = %v, want a field error", err)
	}
}

// pngBytes is a small real PNG.
func pngBytes(t *testing.T) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 8, 8))
	for i := range img.Pix {
		img.Pix[i] = byte(i)
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
