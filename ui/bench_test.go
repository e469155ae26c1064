package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"redress/app"
	"redress/evidence"
)

// BenchmarkOpenCase10k measures opening a case with 10,000 events until
// its timeline is ready to show, and then scrolling through it.
func BenchmarkOpenCase10k(b *testing.B) {
	ctx := context.Background()
	dir := filepath.Join(b.TempDir(), "data")
	svc, err := app.Open(ctx, dir)
	if err != nil {
		b.Fatal(err)
	}
	defer svc.Close()
	c, err := svc.NewCase(ctx, app.CaseInput{Title: "10k", Provider: "OKPay", Problem: "withdrawal-delayed", Jurisdiction: "CN"})
	if err != nil {
		b.Fatal(err)
	}
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 10000; i++ {
		in := app.EventInput{Kind: "contact", Channel: "chat", Agent: fmt.Sprintf("客服 %d", i%40),
			Summary: fmt.Sprintf("第 %d 次联系：客服说提现正在处理，请耐心等待 %d", i, i), Ref: fmt.Sprintf("TK-%05d", i),
			At: base.Add(time.Duration(i) * time.Minute).Format(time.RFC3339)}
		if _, err := svc.AddEvent(ctx, c.ID, in); err != nil {
			b.Fatal(err)
		}
	}
	fa := test.NewTempApp(b)
	u := New(fa, svc)
	u.Window().Resize(fyne.NewSize(1200, 800))
	u.Wait()
	b.Run("open", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			u.view.caseID = ""
			u.OpenCase(c.ID)
			u.Wait()
			if u.view.model.count != 10000 {
				b.Fatalf("count = %d", u.view.model.count)
			}
			// Render the first screen of rows.
			for r := 0; r < 20; r++ {
				u.view.list.RefreshItem(r)
			}
		}
	})
	open := func() {
		if u.view.caseID != c.ID {
			u.OpenCase(c.ID)
			u.Wait()
		}
	}
	b.Run("scroll-page", func(b *testing.B) {
		open()
		row := 0
		for i := 0; i < b.N; i++ {
			row = (row + 25) % 10000
			u.view.list.ScrollTo(row)
			if _, ok := u.view.model.get(row); !ok {
				b.Fatal("row not loaded")
			}
		}
	})
	b.Run("scroll-to-end", func(b *testing.B) {
		open()
		for i := 0; i < b.N; i++ {
			u.view.refilter() // back to the first page, as a filter change does
			u.view.list.ScrollToBottom()
			if e, ok := u.view.model.get(9999); !ok || e.Kind != evidence.KindContact {
				b.Fatal("last row not loaded")
			}
		}
	})
}
