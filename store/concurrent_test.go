package store

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"redress/evidence"
)

// TestConcurrentUseOfOneStore is what the desktop app does: several
// goroutines write and read through one Store at once (the pool is bounded
// at MaxConns). Every write must succeed, and the log must verify after.
// Run with -race (make test does) it also checks the store's own state.
func TestConcurrentUseOfOneStore(t *testing.T) {
	s := openTest(t)
	c := newCase(t, s, "并发写入")
	const writers, each = 4, 15
	var wg sync.WaitGroup
	errs := make(chan error, writers*each*3)
	for w := range writers {
		wg.Go(func() {
			for i := range each {
				e := evidence.Event{CaseID: c.ID, Kind: evidence.KindNote, At: time.Now(), Summary: fmt.Sprintf("写入者 %d 第 %d 条", w, i)}
				if err := s.AddEvent(ctx, &e, nil); err != nil {
					errs <- fmt.Errorf("writer %d, event %d: %w", w, i, err)
				}
				if _, err := s.Timeline(ctx, c.ID, Query{Limit: 20}); err != nil {
					errs <- fmt.Errorf("reader %d: %w", w, err)
				}
				if _, _, err := s.Search(ctx, "写入者", "", 10); err != nil {
					errs <- fmt.Errorf("search %d: %w", w, err)
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	rep, err := s.VerifyLog(ctx)
	if err != nil || !rep.OK() || rep.Events != writers*each {
		t.Errorf("VerifyLog = %d events, %+v, %v; want %d events and no problems", rep.Events, rep.Problems, err, writers*each)
	}
}
