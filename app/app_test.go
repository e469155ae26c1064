package app

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"redress/evidence"
	"redress/lang"
)

var ctx = context.Background()

func openApp(t *testing.T, opts ...Option) *App {
	t.Helper()
	a, err := Open(ctx, filepath.Join(t.TempDir(), "data"), opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	return a
}

func TestDataDirPrecedence(t *testing.T) {
	t.Setenv("REDRESS_DATA", "/tmp/from-env")
	if got, _ := DataDir("/tmp/from-flag"); got != "/tmp/from-flag" {
		t.Errorf("DataDir(flag) = %s", got)
	}
	if got, _ := DataDir(""); got != "/tmp/from-env" {
		t.Errorf("DataDir(env) = %s", got)
	}
	t.Setenv("REDRESS_DATA", "")
	if runtime.GOOS == "linux" {
		t.Setenv("XDG_DATA_HOME", "/tmp/xdg")
		if got, _ := DataDir(""); got != "/tmp/xdg/redress" {
			t.Errorf("DataDir(default) = %s, want /tmp/xdg/redress", got)
		}
		t.Setenv("XDG_DATA_HOME", "")
		if home, err := os.UserHomeDir(); err == nil {
			if got, _ := DataDir(""); got != filepath.Join(home, ".local", "share", "redress") {
				t.Errorf("DataDir(default) = %s", got)
			}
		}
	}
}

func TestCaseInputReportsEveryField(t *testing.T) {
	_, err := CaseInput{Title: "", Provider: "OKPay", Problem: "nope", Jurisdiction: "cn", Amount: "12.345", Currency: "CNY", Incident: "tomorrow"}.Case()
	var got []string
	for _, f := range evidence.Fields(err) {
		got = append(got, f.Field+":"+string(f.Reason))
	}
	want := "amount:too-many-decimals incident:malformed-date problem:unknown-value title:required"
	if strings.Join(sorted(got), " ") != want {
		t.Errorf("errors = %v, want %s", got, want)
	}
}

func sorted(s []string) []string { slices.Sort(s); return s }

func TestEventInputDefaultsToNowInLocalZone(t *testing.T) {
	now := time.Date(2026, 11, 22, 1, 2, 3, 0, time.UTC)
	tokyo := time.FixedZone("JST", 9*3600)
	e, err := EventInput{Kind: "note", Summary: "x"}.Event(now, tokyo)
	if err != nil || !e.At.Equal(now) || e.Offset() != 9*3600 {
		t.Errorf("Event() at = %v (%d), %v", e.At, e.Offset(), err)
	}
}

func TestAttachUsableKeepsGoodFilesAndReportsBadOnes(t *testing.T) {
	a := openApp(t, WithMaxAttachment(100))
	c, err := a.NewCase(ctx, CaseInput{Title: "t", Provider: "p", Problem: "other", Jurisdiction: "EU"})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, b, 0o600)
		return p
	}
	good := write("good.png", []byte("\x89PNG\r\n\x1a\nsmall"))
	pdf := write("doc.pdf", []byte("%PDF-1.4 tiny"))
	empty := write("empty.jpg", nil)
	big := write("big.png", make([]byte, 101))
	e, bad, err := a.AttachUsable(ctx, c.ID, []string{good, empty, pdf, big, filepath.Join(dir, "gone.png"), dir}, AttachInput{Caption: "批量"})
	if err != nil {
		t.Fatal(err)
	}
	if e.Kind != evidence.KindDocument || len(e.Attachments) != 2 {
		t.Fatalf("event = %s with %d attachments, want a document with 2", e.Kind, len(e.Attachments))
	}
	reasons := map[string]string{}
	for _, b := range bad {
		var le *lang.Error
		if !errors.As(b.Err, &le) {
			t.Fatalf("%s: %v is not a translated error", b.Path, b.Err)
		}
		reasons[filepath.Base(b.Path)] = le.Key
	}
	want := map[string]string{"empty.jpg": "file.empty", "big.png": "file.too-big", "gone.png": "file.missing", filepath.Base(dir): "file.is-dir"}
	for k, v := range want {
		if reasons[k] != v {
			t.Errorf("reason for %s = %q, want %q", k, reasons[k], v)
		}
	}
	// A screenshot-only batch becomes a screenshot event.
	e, _, err = a.AttachUsable(ctx, c.ID, []string{good}, AttachInput{})
	if err != nil || e.Kind != evidence.KindScreenshot {
		t.Errorf("images only = %s, %v; want screenshot", e.Kind, err)
	}
	// Nothing usable: no event at all.
	e, bad, err = a.AttachUsable(ctx, c.ID, []string{empty}, AttachInput{})
	if err != nil || e.ID != "" || len(bad) != 1 {
		t.Errorf("no usable file = %+v, %v, %v", e, bad, err)
	}
	if n, _ := a.Count(ctx, c.ID, Query{}); n != 2 {
		t.Errorf("events = %d, want 2", n)
	}
}
