package store_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"redress/evidence"
	"redress/store"
)

// The benchmarks below use only the public API of store, on real database
// files in b.TempDir(). They make no timing assertions; docs/PERFORMANCE.md
// records their figures next to the targets.

// benchEvents is the size of the timeline the benchmarks work on.
const benchEvents = 10_000

// benchCase creates the case the benchmark events go into.
func benchCase(b *testing.B, ctx context.Context, s *store.Store) string {
	b.Helper()
	c := evidence.Case{Title: "钱包提现未到账 Withdrawal not received", Provider: "QuickPay 快付",
		Problem: evidence.WithdrawalDelayed, Jurisdiction: evidence.CN,
		Amount: evidence.Money{Minor: 128000, Currency: "CNY"}, Incident: "2026-05-20",
		Complainant: evidence.Complainant{Name: "王小明", AccountID: "QP-88231"}}
	if err := s.CreateCase(ctx, &c); err != nil {
		b.Fatalf("CreateCase: %v", err)
	}
	return c.ID
}

var (
	benchAgents = []string{"客服 李娜", "客服 张伟 (工号 8823)", "Agent Sarah K.", "Tom from Support",
		"高级客服 陈静", "Complaints team — Priya", "在线客服小美", "Escalations desk 2"}
	benchSummaries = []string{
		"客服承诺 24 小时内退款到原支付账户",
		"Withdrawal still pending after 48 hours, support says it is being processed",
		"申请退款被拒绝，理由是“交易已完成”",
		"Asked for the case to be escalated to a senior agent",
		"充值 500 元未到账，已提供银行扣款截图",
		"Refund request refused again; agent could not give a reason",
		"电话客服表示提现已被风控冻结，需要补充身份证明",
		"Email reply received: the transfer was returned to the sender",
		"在 App 内提交工单，编号已记录",
		"Chat transcript saved — agent promised a call back tomorrow",
		"账户被冻结，无法登录也无法提现",
		"Posted on social media after no reply for a week",
		"向消费者协会提交投诉材料",
		"Duplicate charge on card statement, merchant says refund issued",
		"客服再次确认退款已在处理中，预计 3 个工作日到账",
		"Top-up failed but the money was debited from my bank account",
	}
	benchNotes = []string{
		"", "", "对方语气敷衍，多次转接。", "Agent read from a script and ended the chat.",
		"需要在下周一前跟进。", "Keep the reference number for the regulator letter.",
	}
	benchTags = []string{"退款", "refund", "提现", "withdrawal", "冻结", "frozen", "升级", "escalation"}
)

// benchEvent returns the i-th event of a realistic mixed Chinese/English
// timeline spread over about half a year.
func benchEvent(r *rand.Rand, caseID string, i int) *evidence.Event {
	start := time.Date(2026, 5, 20, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))
	e := &evidence.Event{CaseID: caseID,
		At:        start.Add(time.Duration(i)*23*time.Minute + time.Duration(r.IntN(600))*time.Second),
		Summary:   benchSummaries[r.IntN(len(benchSummaries))],
		Notes:     benchNotes[r.IntN(len(benchNotes))],
		Reference: fmt.Sprintf("CS%08d", 20260000+r.IntN(99999)),
		Tags:      []string{benchTags[r.IntN(len(benchTags))]},
	}
	switch i % 6 {
	case 0, 1, 2:
		e.Kind = evidence.KindContact
		e.Contact = &evidence.Contact{Channel: evidence.Channels[r.IntN(len(evidence.Channels))],
			Agent: benchAgents[r.IntN(len(benchAgents))], Duration: time.Duration(1+r.IntN(40)) * time.Minute,
			Promise: "3 个工作日内回复 / reply within 3 business days"}
	case 3:
		e.Kind = evidence.KindTransaction
		e.Transaction = &evidence.Transaction{TxID: fmt.Sprintf("TX2026%010d", r.IntN(1e9)),
			Amount:    evidence.Money{Minor: int64(100 + r.IntN(500000)), Currency: "CNY"},
			Direction: evidence.MoneyOut, Status: "处理中 Processing", Counterparty: "QuickPay 快付"}
	case 4:
		e.Kind = evidence.KindNote
	default:
		e.Kind = evidence.KindResponse
		e.Response = &evidence.Response{From: evidence.ToProvider, Name: "QuickPay 客服中心",
			Outcome: "Refund declined / 拒绝退款"}
	}
	return e
}

// benchFill adds n events to the case through AddEvent, one transaction
// each, exactly as the app does.
func benchFill(b *testing.B, ctx context.Context, s *store.Store, caseID string, n int) {
	b.Helper()
	r := rand.New(rand.NewPCG(1, 2))
	for i := range n {
		if err := s.AddEvent(ctx, benchEvent(r, caseID, i), nil); err != nil {
			b.Fatalf("AddEvent %d: %v", i, err)
		}
	}
}

// benchTimeline opens a fresh database in b.TempDir() holding one case with
// 10,000 events, and logs how long preparing it took.
func benchTimeline(b *testing.B) (*store.Store, string) {
	b.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatalf("Open: %v", err)
	}
	b.Cleanup(func() { s.Close() })
	start := time.Now()
	caseID := benchCase(b, ctx, s)
	benchFill(b, ctx, s, caseID, benchEvents)
	b.Logf("setup: %d events added through AddEvent in %v", benchEvents, time.Since(start).Round(time.Millisecond))
	return s, caseID
}

// BenchmarkAddEvents10k measures adding 10,000 events to a fresh database,
// one AddEvent (one transaction) each. One op is 10,000 events.
func BenchmarkAddEvents10k(b *testing.B) {
	ctx := context.Background()
	var total time.Duration
	ops := 0
	for b.Loop() {
		b.StopTimer()
		s, err := store.Open(ctx, filepath.Join(b.TempDir(), fmt.Sprintf("add%d.db", ops)))
		if err != nil {
			b.Fatalf("Open: %v", err)
		}
		caseID := benchCase(b, ctx, s)
		b.StartTimer()
		start := time.Now()
		benchFill(b, ctx, s, caseID, benchEvents)
		total += time.Since(start)
		ops++
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	per := total / time.Duration(ops*benchEvents)
	b.ReportMetric(float64(per.Nanoseconds()), "ns/event")
	b.ReportMetric(float64(time.Second)/float64(per.Nanoseconds()), "events/s")
}

// BenchmarkTimelineFirstPage measures reading the newest 50 events of a
// 10,000-event case, with their attachments.
func BenchmarkTimelineFirstPage(b *testing.B) {
	ctx := context.Background()
	s, caseID := benchTimeline(b)
	for b.Loop() {
		evs, err := s.Timeline(ctx, caseID, store.Query{Limit: 50})
		if err != nil {
			b.Fatalf("Timeline: %v", err)
		}
		if len(evs) != 50 {
			b.Fatalf("Timeline returned %d events, want 50", len(evs))
		}
	}
}

// BenchmarkSearch measures full-text search over every case, the way the
// search box calls it, on a 10,000-event case.
func BenchmarkSearch(b *testing.B) {
	ctx := context.Background()
	s, _ := benchTimeline(b)
	for _, q := range []struct{ name, text string }{
		{"chinese", "退款"},
		{"english", "refund"},
		{"agent", "Sarah"},
		{"reference", "CS2026"},
	} {
		b.Run(q.name, func(b *testing.B) {
			hits, _, err := s.Search(ctx, q.text, "", 200)
			if err != nil {
				b.Fatalf("Search(%q): %v", q.text, err)
			}
			if len(hits) == 0 {
				b.Fatalf("Search(%q) found nothing", q.text)
			}
			for b.Loop() {
				if _, _, err := s.Search(ctx, q.text, "", 200); err != nil {
					b.Fatalf("Search(%q): %v", q.text, err)
				}
			}
			b.ReportMetric(float64(len(hits)), "hits")
		})
	}
}

// benchPNG returns size bytes that start like a 1920×1080 PNG (signature and
// a valid IHDR chunk) followed by random bytes.
func benchPNG(r *rand.Rand, size int) []byte {
	var buf bytes.Buffer
	buf.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], 1920)
	binary.BigEndian.PutUint32(ihdr[4:], 1080)
	ihdr[8], ihdr[9] = 8, 2 // 8-bit RGB
	binary.Write(&buf, binary.BigEndian, uint32(len(ihdr)))
	crc := crc32.NewIEEE()
	crc.Write([]byte("IHDR"))
	crc.Write(ihdr)
	buf.WriteString("IHDR")
	buf.Write(ihdr)
	binary.Write(&buf, binary.BigEndian, crc.Sum32())
	rest := make([]byte, size-buf.Len())
	for i := 0; i < len(rest); i += 8 {
		var w [8]byte
		binary.LittleEndian.PutUint64(w[:], r.Uint64())
		copy(rest[i:], w[:])
	}
	buf.Write(rest)
	return buf.Bytes()
}

// BenchmarkAttach5MB measures AddEvent with one new 5 MB picture read from
// a real file: hashing, media detection, storing the bytes and the audit
// entry. Every op stores different bytes, so nothing is deduplicated.
func BenchmarkAttach5MB(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	s, err := store.Open(ctx, filepath.Join(dir, "attach.db"))
	if err != nil {
		b.Fatalf("Open: %v", err)
	}
	defer s.Close()
	caseID := benchCase(b, ctx, s)
	r := rand.New(rand.NewPCG(3, 4))
	data := benchPNG(r, 5<<20)
	path := filepath.Join(dir, "screenshot.png")
	b.SetBytes(int64(len(data)))
	n := 0
	for b.Loop() {
		b.StopTimer()
		binary.LittleEndian.PutUint64(data[200:], uint64(n)) // new bytes each op
		n++
		if err := os.WriteFile(path, data, 0o600); err != nil {
			b.Fatal(err)
		}
		e := &evidence.Event{CaseID: caseID, Kind: evidence.KindScreenshot, At: time.Now(),
			Summary: "提现记录截图 withdrawal record"}
		f := store.File{Name: "screenshot.png", Open: func() (io.ReadCloser, error) { return os.Open(path) }}
		b.StartTimer()
		if err := s.AddEvent(ctx, e, []store.File{f}); err != nil {
			b.Fatalf("AddEvent: %v", err)
		}
		if a := e.Attachments; len(a) != 1 || a[0].MediaType != "image/png" || a[0].Width != 1920 {
			b.Fatalf("attachment = %+v, want one 1920-wide image/png", a)
		}
	}
}

// BenchmarkIntegrity measures what the integrity checks cost on a database
// holding 100 MB of attachments (100 files of 1 MB) and 2,000 notes:
// Open (which runs PRAGMA quick_check first), VerifyLog (chain, signed
// head, replay of every entity, stored files checked by size) and
// VerifyLogDeep (every stored file re-hashed).
func BenchmarkIntegrity(b *testing.B) {
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "redress.db")
	s, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	caseID := benchCase(b, ctx, s)
	r := rand.New(rand.NewPCG(9, 9))
	for i := range 100 {
		data := make([]byte, 1<<20)
		for j := range data {
			data[j] = byte(r.Uint32())
		}
		e := evidence.Event{CaseID: caseID, Kind: evidence.KindDocument, At: time.Now()}
		f := store.File{Name: fmt.Sprintf("statement-%d.pdf", i), Open: func() (io.ReadCloser, error) {
			return io.NopCloser(bytes.NewReader(data)), nil
		}}
		if err := s.AddEvent(ctx, &e, []store.File{f}); err != nil {
			b.Fatal(err)
		}
	}
	for i := range 2000 {
		e := evidence.Event{CaseID: caseID, Kind: evidence.KindNote, At: time.Now(), Summary: benchSummaries[i%len(benchSummaries)]}
		if err := s.AddEvent(ctx, &e, nil); err != nil {
			b.Fatal(err)
		}
	}
	s.Close()
	if st, err := os.Stat(path); err == nil {
		b.Logf("database: %d MB", st.Size()>>20)
	}
	b.Run("open", func(b *testing.B) {
		for range b.N {
			s, err := store.Open(ctx, path)
			if err != nil {
				b.Fatal(err)
			}
			s.Close()
		}
	})
	s, err = store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.Run("verify-log", func(b *testing.B) {
		for range b.N {
			if rep, err := s.VerifyLog(ctx); err != nil || !rep.OK() {
				b.Fatalf("VerifyLog = %+v, %v", rep.Problems, err)
			}
		}
	})
	b.Run("verify-log-deep", func(b *testing.B) {
		for range b.N {
			if rep, err := s.VerifyLogDeep(ctx); err != nil || !rep.OK() {
				b.Fatalf("VerifyLogDeep = %+v, %v", rep.Problems, err)
			}
		}
	})
}
