package app

import (
	"bytes"
	"io"
	"path/filepath"
	"testing"
	"time"

	"redress/evidence"
	"redress/internal/testtool"
	"redress/store"
)

// BenchmarkFillTaken measures the one-time work of the first open after
// migration 0005: reading every stored picture back and working out its
// capture time (docs/PERFORMANCE.md, "Capture times of older files").
// 50 phone screenshots (1080×2340 PNG) and 50 photos (2000×1500 JPEG),
// all stored without a capture time, as a Redress before schema 5 left
// them.
func BenchmarkFillTaken(b *testing.B) {
	now := time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC)
	a, err := Open(ctx, filepath.Join(b.TempDir(), "data"), WithClock(func() time.Time { return now }))
	if err != nil {
		b.Fatal(err)
	}
	defer a.Close()
	c, err := a.NewCase(ctx, CaseInput{Title: "bench", Provider: "OKPay", Problem: "other", Jurisdiction: "CN", Language: "zh"})
	if err != nil {
		b.Fatal(err)
	}
	var total int64
	for i := 0; i < 100; i++ {
		var data []byte
		if i%2 == 0 {
			data = testtool.Screenshot(1080, 2340, uint64(i), true)
		} else {
			data = testtool.Photo(2000, 1500, uint64(i))
		}
		total += int64(len(data))
		e := evidence.Event{CaseID: c.ID, Kind: evidence.KindScreenshot, At: now}
		f := store.File{Name: "p.png", Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }}
		if err := a.store.AddEvent(ctx, &e, []store.File{f}); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(total)
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		if _, err := a.store.DB().ExecContext(ctx, `UPDATE attachments SET taken_source = NULL`); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		a.fillTaken(ctx)
	}
	b.StopTimer()
	if p, _ := a.store.PendingTaken(ctx); len(p) != 0 {
		b.Fatalf("%d still pending", len(p))
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/100, "ns/picture")
	b.ReportMetric(float64(total)/(1<<20), "MB-stored")
}
