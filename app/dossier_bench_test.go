package app

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"redress/evidence"
	"redress/internal/testtool"
	"redress/letters"
	"redress/store"
)

// BenchmarkDossier measures "Create dossier" as the app does it, through
// App.Dossier: the SQLite reads in one snapshot, each exhibit's SHA-256
// check, the letter, the assessment for the cover and the PDF written to a
// file and synced. The case is a provider case with 500 chronology
// entries and 60 realistic exhibits: 20 phone screenshots (1080×2340 PNG
// with an alpha channel: transparent rounded corners), 20 desktop
// screenshots (2560×1440 PNG) and 20 photos of paper letters (3000×4000
// JPEG), about 127 MB. The files are generated and attached once, outside
// the timer.
//
//	go test ./app -run '^$' -bench Dossier -benchtime 5x
//
// Sub-benchmarks, for 20, 60 and (with REDRESS_BENCH_300=1: 300 distinct
// files, about 500 MB; its set-up takes minutes) exhibits of the same mix:
// N/read reads and checks every exhibit through the store (the floor),
// N/dossier makes the dossier. Only the selected sizes are set up:
//
//	go test ./app -run '^$' -bench 'Dossier/60/' -benchtime 5x
//
// peak-rss-MB is the process's resident high-water mark during the
// timed part (reset through /proc/self/clear_refs before each run, Linux
// only); peak-heap-MB is the highest HeapInuse seen by a 2 ms sampler.
func BenchmarkDossier(b *testing.B) {
	sizes := []int{20, 60}
	if os.Getenv("REDRESS_BENCH_300") == "1" {
		sizes = append(sizes, 300)
	}
	for _, n := range sizes {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			a, caseID, total := benchCase(b, filepath.Join(b.TempDir(), "data"), n)
			defer a.Close()
			b.Logf("%d exhibits: %.1f MB of files; 500 chronology entries", n, float64(total)/(1<<20))
			b.Run("read", func(b *testing.B) { benchRead(b, a, caseID) })
			b.Run("dossier", func(b *testing.B) { benchDossier(b, a, caseID) })
		})
	}
}

// benchRead reads and checks every exhibit through the store, in one
// snapshot, as the dossier does: the floor under the dossier's time.
func benchRead(b *testing.B, a *App, caseID string) {
	for b.Loop() {
		err := a.store.Read(ctx, func(s *store.Snapshot) error {
			evs, err := s.Timeline(caseID, store.Query{OldestFirst: true})
			if err != nil {
				return err
			}
			for _, x := range evidence.Enclosures(evs) {
				buf := bytes.NewBuffer(make([]byte, 0, x.Attachment.Size))
				if err := s.WriteAttachment(x.Attachment, buf); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// benchDossier makes the provider dossier, as "Create dossier" does.
func benchDossier(b *testing.B, a *App, caseID string) {
	dir := b.TempDir()
	var peakHeap uint64
	var peakRSS int64
	var cpu time.Duration
	var res DossierResult
	runtime.GC()
	debug.FreeOSMemory()
	i := 0
	for b.Loop() {
		i++
		out := filepath.Join(dir, fmt.Sprintf("dossier-%d.pdf", i))
		resetPeakRSS()
		stop := sampleHeap(&peakHeap)
		cpu0 := cpuTime()
		var err error
		res, err = a.Dossier(ctx, caseID, DossierOptions{To: letters.Provider, Out: out})
		cpu += cpuTime() - cpu0
		stop()
		peakRSS = max(peakRSS, readPeakRSS())
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Problems) > 0 {
			b.Fatalf("problems: %+v", res.Problems)
		}
		b.StopTimer()
		os.Remove(out)
		b.StartTimer()
	}
	b.ReportMetric(float64(peakHeap)/(1<<20), "peak-heap-MB")
	b.ReportMetric(cpu.Seconds()/float64(i), "cpu-s/op")
	if peakRSS > 0 {
		b.ReportMetric(float64(peakRSS)/(1<<20), "peak-rss-MB")
	}
	b.ReportMetric(float64(res.Record.Size)/(1<<20), "pdf-MB")
	b.ReportMetric(float64(res.Record.Pages), "pages")
}

// TestMakeBenchData writes the benchmark's 60-exhibit case into the data
// folder named by REDRESS_BENCH_DATA, for timing the whole program from
// outside (docs/PERFORMANCE.md):
//
//	REDRESS_BENCH_DATA=/tmp/bench go test ./app -run MakeBenchData
//	farm-bench -- redress --data /tmp/bench dossier CASE -o /tmp/out.pdf
func TestMakeBenchData(t *testing.T) {
	dir := os.Getenv("REDRESS_BENCH_DATA")
	if dir == "" {
		t.Skip("set REDRESS_BENCH_DATA to a folder to make the benchmark's case there")
	}
	n := 60
	if v, err := strconv.Atoi(os.Getenv("REDRESS_BENCH_EXHIBITS")); err == nil {
		n = v
	}
	a, id, total := benchCase(t, dir, n)
	defer a.Close()
	t.Logf("case %s: %d exhibits, %.1f MB", id, n, float64(total)/(1<<20))
}

// benchCase makes a case with 500 chronology entries, n of them attaching
// one exhibit each.
func benchCase(b testing.TB, dataDir string, n int) (*App, string, int64) {
	b.Helper()
	a, err := Open(ctx, dataDir)
	if err != nil {
		b.Fatal(err)
	}
	c, err := a.NewCase(ctx, CaseInput{Title: "QuickPay 钱包充值 1,280.00 元未到账", Provider: "快付支付科技有限公司",
		Problem: "topup-not-credited", Jurisdiction: "CN", Amount: "1280.00", Currency: "CNY", Incident: "2026-09-01",
		Name: "李晓明", Account: "6222 0202 0202 0202", Language: "zh"})
	if err != nil {
		b.Fatal(err)
	}
	files := make([]string, n)
	dir := b.TempDir()
	var total int64
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i := range files {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			var data []byte
			var name string
			switch i % 3 {
			case 0:
				data, name = testtool.Screenshot(1080, 2340, uint64(i), true), fmt.Sprintf("Screenshot_%03d.png", i)
			case 1:
				data, name = testtool.Screenshot(2560, 1440, uint64(i), false), fmt.Sprintf("desktop-%03d.png", i)
			default:
				data, name = testtool.Photo(3000, 4000, uint64(i)), fmt.Sprintf("IMG_%04d.jpg", 2000+i)
			}
			files[i] = filepath.Join(dir, name)
			if err := os.WriteFile(files[i], data, 0o600); err != nil {
				panic(err)
			}
			mu.Lock()
			total += int64(len(data))
			mu.Unlock()
		})
	}
	wg.Wait()
	summaries := []string{
		"询问充值去向，客服称资金正在处理中，请耐心等待，并承诺二十四小时内到账。",
		"再次致电客服热线，客服表示已提交加急处理，但无法告知具体到账时间，也不愿提供书面答复。",
		"Checked the wallet again: balance unchanged, the top-up still shows as \"pending\" in the app.",
		"银行客服确认款项已于当日划出，交易状态为成功，建议联系支付机构核实。",
		"Sent a follow-up email quoting reference CASE-2026-55410 and asking for escalation to a supervisor.",
	}
	base := time.Date(2026, 9, 1, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))
	step := 500 / n
	for i := range 500 {
		at := base.Add(time.Duration(i) * 3 * time.Hour).Format(time.RFC3339)
		if k := i / step; i%step == 0 && k < n {
			if _, err := a.Attach(ctx, c.ID, []string{files[k]}, AttachInput{Caption: fmt.Sprintf("证据截图 %d：客服聊天记录与钱包余额", k+1), At: at}); err != nil {
				b.Fatal(err)
			}
			continue
		}
		in := EventInput{At: at, Summary: summaries[i%len(summaries)]}
		switch i % 4 {
		case 0:
			in.Kind, in.TxID, in.Amount, in.Currency, in.Direction, in.Status = "transaction", fmt.Sprintf("TXN%017d", i), "12.80", "CNY", "out", "处理中"
		case 1:
			in.Kind, in.Channel, in.Agent, in.Duration, in.Promise, in.Ref = "contact", "chat", "客服 "+strconv.Itoa(1000+i), "12m", "三个工作日内回复", fmt.Sprintf("CASE-2026-%05d", i)
		case 2:
			in.Kind, in.Notes = "note", "备注："+strings.Repeat("核实", 5)
		default:
			in.Kind, in.To, in.Channel = "letter", "provider", "email"
		}
		if _, err := a.AddEvent(ctx, c.ID, in); err != nil {
			b.Fatal(err)
		}
	}
	return a, c.ID, total
}

// sampleHeap records the highest HeapInuse until stop is called.
func sampleHeap(peak *uint64) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		var ms runtime.MemStats
		t := time.NewTicker(2 * time.Millisecond)
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
	})
	return func() { close(done); wg.Wait() }
}
