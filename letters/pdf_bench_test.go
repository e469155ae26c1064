package letters

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"redress/evidence"
)

// The dossier benchmark: a case with 500 events and 60 screenshots, a
// realistic mix of 1080×2340 phone PNGs with alpha, 2560×1440 desktop PNGs
// and 3024×4032 JPEG photos of paper letters. The files are generated once,
// outside the timer, in the benchmark's temporary directory.
//
//	CGO_ENABLED=0 go test ./letters -run '^$' -bench Dossier -benchmem
//
// Sub-benchmarks:
//   - read: only reads the 60 input files (the floor);
//   - render: reads them and renders the dossier (what "Create dossier"
//     does once the case is loaded).
//
// peak-heap-MB is the highest HeapInuse seen by a sampler during one
// render; the test binary's maximum RSS comes from /usr/bin/time -v.
func BenchmarkDossier(b *testing.B) {
	dir := b.TempDir()
	kinds := make([]string, 60)
	for i := range kinds {
		switch {
		case i%4 == 1:
			kinds[i] = "desktop"
		case i%4 == 3:
			kinds[i] = "photo"
		default:
			kinds[i] = "phone"
		}
	}
	paths := make([]string, len(kinds))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var total atomic.Int64
	for i, kind := range kinds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			var data []byte
			var name string
			switch kind {
			case "phone":
				data, name = pdfScreenshot(1080, 2340, uint64(i), true), fmt.Sprintf("Screenshot_%02d.png", i)
			case "desktop":
				data, name = pdfScreenshot(2560, 1440, uint64(i), false), fmt.Sprintf("desktop-%02d.png", i)
			default:
				data, name = pdfPhoto(3024, 4032, uint64(i)), fmt.Sprintf("IMG_%04d.jpg", 2000+i)
			}
			paths[i] = filepath.Join(dir, name)
			if err := os.WriteFile(paths[i], data, 0o644); err != nil {
				panic(err)
			}
			total.Add(int64(len(data)))
		}()
	}
	wg.Wait()
	d := pdfBenchDossier(500)
	b.Logf("inputs: %d files, %.1f MB; %d events", len(paths), float64(total.Load())/(1<<20), len(d.Events))

	read := func(b *testing.B) []ExhibitFile {
		exhibits := make([]ExhibitFile, len(paths))
		for i, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			mt := "image/png"
			kind := evidence.KindScreenshot
			if kinds[i] == "photo" {
				mt, kind = "image/jpeg", evidence.KindDocument
			}
			ev := d.Events[i*8]
			exhibits[i] = pdfExhibitFile(fmt.Sprintf("E-%d", i+1), filepath.Base(p), mt, kind, ev.ID,
				fmt.Sprintf("证据截图 %d：客服聊天记录与钱包余额", i+1), ev.At, data)
		}
		return exhibits
	}

	b.Run("read", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			read(b)
		}
	})
	render := func(n int) func(b *testing.B) {
		return func(b *testing.B) {
			// The app renders dossiers under this soft memory limit
			// (app.DossierMemoryLimit); measure the same way.
			defer debug.SetMemoryLimit(debug.SetMemoryLimit(300 << 20))
			b.ReportAllocs()
			var peak uint64
			var pages int
			var out pdfCounter
			for b.Loop() {
				dd := d
				dd.Exhibits = read(b)[:n]
				dd.Release = true // as the app does
				out = 0
				stop := pdfSampleHeap(&peak)
				res, err := Render(&out, dd)
				stop()
				if err != nil {
					b.Fatal(err)
				}
				if len(res.Problems) > 0 {
					b.Fatalf("problems: %+v", res.Problems)
				}
				pages = res.Pages
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
			b.ReportMetric(float64(out)/(1<<20), "pdf-MB")
			b.ReportMetric(float64(pages), "pages")
		}
	}
	b.Run("render", render(len(paths)))
	// The same case with a third of the screenshots, to see how time and
	// memory grow with the number of exhibits.
	b.Run("render-20", render(len(paths)/3))
}

// pdfCounter is an io.Writer that counts bytes.
type pdfCounter int64

func (c *pdfCounter) Write(p []byte) (int, error) {
	*c += pdfCounter(len(p))
	return len(p), nil
}

// pdfSampleHeap records the highest HeapInuse until stop is called.
func pdfSampleHeap(peak *uint64) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&ms)
			*peak = max(*peak, ms.HeapInuse)
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() { close(done); wg.Wait() }
}

// pdfBenchDossier is a Chinese case with n events of every kind.
func pdfBenchDossier(n int) Dossier {
	d := pdfDossier(evidence.Chinese)
	d.Exhibits = nil
	summaries := []string{
		"询问充值去向，客服称资金正在处理中，请耐心等待，并承诺二十四小时内到账。",
		"再次致电客服热线，客服表示已提交加急处理，但无法告知具体到账时间，也不愿提供书面答复。",
		"Checked the wallet again: balance unchanged, the top-up still shows as “pending” in the app.",
		"银行客服确认款项已于当日划出，交易状态为成功，建议联系支付机构核实。",
		"在线客服要求重新上传身份证照片和银行流水，已按要求提交，客服称三个工作日内回复。",
		"Sent a follow-up email quoting reference CASE-2026-55410 and asking for escalation to a supervisor.",
		"收到系统自动回复邮件，内容与此前相同，未回应本人提出的具体问题。",
		"Posted on the provider's official social media account; the reply asked me to send a private message.",
	}
	base := time.Date(2026, 9, 1, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))
	d.Events = make([]evidence.Event, n)
	for i := range d.Events {
		e := evidence.Event{
			ID:      fmt.Sprintf("ev-%04d", i),
			At:      base.Add(time.Duration(i) * 3 * time.Hour),
			Summary: summaries[i%len(summaries)],
		}
		switch i % 8 {
		case 0, 4:
			e.Kind = evidence.KindScreenshot
			e.Exhibit = &evidence.Exhibit{Caption: "钱包余额截图"}
		case 1:
			e.Kind = evidence.KindTransaction
			e.Transaction = &evidence.Transaction{TxID: fmt.Sprintf("TXN%037d", i), Amount: evidence.Money{Minor: int64(1000 + i*37), Currency: "CNY"},
				Direction: evidence.MoneyOut, Status: "处理中", Counterparty: "快付钱包"}
		case 2, 5:
			e.Kind = evidence.KindContact
			e.Reference = fmt.Sprintf("CASE-2026-%05d", i)
			e.Contact = &evidence.Contact{Channel: evidence.Channels[i%len(evidence.Channels)], Direction: evidence.Outbound,
				Agent: "客服 " + fmt.Sprint(1000+i), Duration: time.Duration(5+i%40) * time.Minute, Promise: "三个工作日内回复"}
		case 3:
			e.Kind = evidence.KindNote
			e.Notes = "备注：" + summaries[(i+3)%len(summaries)]
		case 6:
			e.Kind = evidence.KindLetter
			e.Letter = &evidence.Letter{To: evidence.ToProvider, Method: "email"}
		default:
			e.Kind = evidence.KindResponse
			e.Response = &evidence.Response{From: evidence.ToProvider, Outcome: "正在调查，请耐心等待。"}
		}
		d.Events[i] = e
	}
	return d
}
