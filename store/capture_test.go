package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"testing"
	"time"

	"redress/evidence"
)

func mailEvent(caseID, key string, kind evidence.Kind) evidence.Event {
	e := evidence.Event{CaseID: caseID, Kind: kind, At: time.Date(2025, 11, 25, 10, 30, 0, 0, shanghai), Summary: "充值未到账",
		Email: &evidence.Mail{From: "support@okpay.example", Key: key, MessageID: "T-8899.1@okpay.example"}}
	if kind == evidence.KindContact {
		e.Contact = &evidence.Contact{Channel: evidence.Email, Direction: evidence.Outbound}
	}
	return e
}

// The same email is refused in one case (archived or not) and accepted in
// another; the refusal names the event that holds it.
func TestAddEventRefusesDuplicateMail(t *testing.T) {
	s := openTest(t)
	a, b := newCase(t, s, "a"), newCase(t, s, "b")
	first := addEvent(t, s, mailEvent(a.ID, "id:t-8899.1@okpay.example", evidence.KindResponse))
	tests := []struct {
		name    string
		e       evidence.Event
		wantDup string
	}{
		{"same case, same key", mailEvent(a.ID, "id:t-8899.1@okpay.example", evidence.KindContact), first.ID},
		{"another case", mailEvent(b.ID, "id:t-8899.1@okpay.example", evidence.KindResponse), ""},
		{"another key", mailEvent(a.ID, "id:other@okpay.example", evidence.KindResponse), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := tt.e
			err := s.AddEvent(ctx, &e, nil)
			var dup *DuplicateMail
			switch {
			case tt.wantDup == "" && err != nil:
				t.Fatalf("AddEvent = %v, want stored", err)
			case tt.wantDup != "" && (!errors.As(err, &dup) || dup.EventID != tt.wantDup):
				t.Fatalf("AddEvent = %v, want a duplicate of %s", err, tt.wantDup)
			}
		})
	}
	if err := s.ArchiveEvent(ctx, first.ID); err != nil {
		t.Fatal(err)
	}
	e := mailEvent(a.ID, "id:t-8899.1@okpay.example", evidence.KindResponse)
	var dup *DuplicateMail
	if err := s.AddEvent(ctx, &e, nil); !errors.As(err, &dup) || !dup.Archived {
		t.Errorf("AddEvent after archiving = %v, want a duplicate of the archived event", err)
	}
	keys, err := s.MailKeys(ctx, a.ID)
	if err != nil || len(keys) != 2 || keys["id:t-8899.1@okpay.example"] != first.ID {
		t.Errorf("MailKeys = %v, %v", keys, err)
	}
	if got, _ := s.Event(ctx, first.ID); got.Email == nil || got.Email.MessageID != "T-8899.1@okpay.example" {
		t.Errorf("stored email = %+v", got.Email)
	}
	if hits, _, _ := s.Search(ctx, "support", a.ID, 0); len(hits) == 0 {
		t.Error("the sender's address is not searchable")
	}
}

// Capture times are stored beside the import time and read back as they
// were written: an instant with its offset, or a clock reading without one.
func TestCaptureTimeRoundTrip(t *testing.T) {
	s := openTest(t)
	c := newCase(t, s, "taken")
	png := []byte("\x89PNG\r\n\x1a\n fake picture bytes")
	open := func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(png)), nil }
	tests := []struct {
		name  string
		taken *evidence.Taken
		want  string // its JSON
	}{
		{"with offset", &evidence.Taken{At: time.Date(2025, 11, 25, 10, 30, 0, 125_678_000, shanghai), OffsetKnown: true, Source: evidence.TakenEXIF, Tag: "DateTimeOriginal"},
			`{"at":"2025-11-25T10:30:00.125+08:00","offset_known":true,"source":"exif","tag":"DateTimeOriginal"}`},
		{"clock reading", &evidence.Taken{At: time.Date(2025, 11, 25, 10, 30, 0, 0, time.UTC), Source: evidence.TakenEXIF, Tag: "DateTimeOriginal"},
			`{"at":"2025-11-25T10:30:00","offset_known":false,"source":"exif","tag":"DateTimeOriginal"}`},
		{"converted paste", &evidence.Taken{At: time.Date(2026, 11, 28, 9, 2, 3, 0, time.UTC), OffsetKnown: true, Source: evidence.TakenClipboard, ConvertedFrom: "image/bmp"},
			`{"at":"2026-11-28T09:02:03Z","offset_known":true,"source":"clipboard","converted_from":"image/bmp"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := addEvent(t, s, evidence.Event{CaseID: c.ID, Kind: evidence.KindScreenshot, At: time.Now()},
				File{Name: "p.png", Open: open, Taken: tt.taken})
			got, err := s.Event(ctx, e.ID)
			if err != nil {
				t.Fatal(err)
			}
			j, _ := json.Marshal(got.Attachments[0].Taken)
			if string(j) != tt.want {
				t.Errorf("taken = %s, want %s", j, tt.want)
			}
			var back evidence.Taken
			if err := json.Unmarshal(j, &back); err != nil || !back.At.Equal(got.Attachments[0].Taken.At) {
				t.Errorf("JSON round trip = %+v, %v", back, err)
			}
		})
	}
	e := evidence.Event{CaseID: c.ID, Kind: evidence.KindScreenshot, At: time.Now()}
	bad := &evidence.Taken{At: time.Now(), OffsetKnown: true, Source: "guessed"}
	if err := s.AddEvent(ctx, &e, []File{{Name: "p.png", Open: open}}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetTaken(ctx, map[string]*evidence.Taken{e.Attachments[0].ID: bad}); err == nil {
		t.Error("SetTaken with an unknown source = nil error")
	}
	e2 := evidence.Event{CaseID: c.ID, Kind: evidence.KindScreenshot, At: time.Now()}
	if err := s.AddEvent(ctx, &e2, []File{{Name: "p.png", Open: open, Taken: bad}}); err == nil {
		t.Error("AddEvent with a file whose capture time has an unknown source = nil error")
	}
	if rep, err := s.VerifyLog(ctx); err != nil || !rep.OK() {
		t.Errorf("VerifyLog = %+v, %v", rep.Problems, err)
	}
}

// The capture time and the email details are part of the event's logged
// state: changed behind Redress's back, verify-log names the event.
func TestVerifyLogCoversCaptureTimesAndEmails(t *testing.T) {
	tests := []struct {
		name   string
		tamper string
	}{
		{"capture time moved an hour", `UPDATE attachments SET taken_at = taken_at + 3600000`},
		{"capture source changed", `UPDATE attachments SET taken_source = 'screen'`},
		{"capture time removed", `UPDATE attachments SET taken_source = ''`},
		{"email sender changed", `UPDATE events SET details = json_set(details, '$.email.from', 'me@example.com') WHERE json_extract(details, '$.email') IS NOT NULL`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTest(t)
			c := newCase(t, s, "covered")
			png := []byte("\x89PNG\r\n\x1a\n fake picture bytes")
			taken := &evidence.Taken{At: time.Date(2025, 11, 25, 10, 30, 0, 0, shanghai), OffsetKnown: true, Source: evidence.TakenEXIF, Tag: "DateTimeOriginal"}
			e := mailEvent(c.ID, "id:x@okpay.example", evidence.KindResponse)
			addEvent(t, s, e, File{Name: "p.png", Taken: taken, Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(png)), nil }})
			if rep, err := s.VerifyLog(ctx); err != nil || !rep.OK() {
				t.Fatalf("VerifyLog before = %+v, %v", rep.Problems, err)
			}
			if _, err := s.DB().ExecContext(ctx, tt.tamper); err != nil {
				t.Fatal(err)
			}
			rep, err := s.VerifyLog(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Problems) != 1 || rep.Problems[0].Entity != "event" || rep.Problems[0].Key != "audit.changed" {
				t.Errorf("VerifyLog after %q = %+v, want the event changed", tt.tamper, rep.Problems)
			}
		})
	}
}
