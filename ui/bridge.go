package ui

import (
	"context"
	"sync"

	"fyne.io/fyne/v2"
)

// bridge is the one way from background work back to the widgets
// (rymdport's pattern): async runs work off the UI thread and counts it;
// whatever the work then does to widgets goes through do or post, which
// run it on the UI thread.
//
// In the running app that thread is Fyne's: do is fyne.DoAndWait, post is
// fyne.Do. Fyne's test driver has no such thread: it runs fyne.Do's
// function at once, on the goroutine that called it, so callbacks would
// change widgets while the test's goroutine reads or taps them (data races
// that the real driver never has, and that hide real ones). With
// callbacksOnWait set (the tests' TestMain sets it), callbacks queue up
// instead and run one at a time on the goroutine that calls Wait, as they
// would on the real UI thread.
type bridge struct {
	mu      sync.Mutex
	changed *sync.Cond
	running int      // background work not finished yet
	queue   []func() // callbacks waiting for Wait (callbacksOnWait only)
	queued  bool     // callbacksOnWait when the bridge was made
}

// callbacksOnWait makes callbacks run in Wait (tests); see bridge.
var callbacksOnWait bool

func newBridge() *bridge {
	b := &bridge{queued: callbacksOnWait}
	b.changed = sync.NewCond(&b.mu)
	return b
}

// start counts a piece of background work; finish ends it.
func (b *bridge) start() {
	b.mu.Lock()
	b.running++
	b.mu.Unlock()
}

func (b *bridge) finish() {
	b.mu.Lock()
	b.running--
	b.changed.Broadcast()
	b.mu.Unlock()
}

func (b *bridge) enqueue(fn func()) {
	b.mu.Lock()
	b.queue = append(b.queue, fn)
	b.changed.Broadcast()
	b.mu.Unlock()
}

// do runs fn on the UI thread and waits for it, or until ctx ends.
func (b *bridge) do(ctx context.Context, fn func()) {
	if !b.queued {
		fyne.DoAndWait(fn)
		return
	}
	done := make(chan struct{})
	b.enqueue(func() {
		defer close(done)
		fn()
	})
	select {
	case <-done:
	case <-ctx.Done():
	}
}

// post runs fn on the UI thread without waiting.
func (b *bridge) post(fn func()) {
	if !b.queued {
		fyne.Do(fn)
		return
	}
	b.enqueue(fn)
}

// wait returns when no background work is running; with callbacksOnWait
// it runs the queued callbacks meanwhile, in order, on its own goroutine.
func (b *bridge) wait() {
	b.mu.Lock()
	defer b.mu.Unlock()
	for {
		if len(b.queue) > 0 {
			jobs := b.queue
			b.queue = nil
			b.mu.Unlock()
			for _, fn := range jobs {
				fn()
			}
			b.mu.Lock()
			continue
		}
		if b.running == 0 {
			return
		}
		b.changed.Wait()
	}
}
