package store

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"redress/evidence"
)

// TestTimelineOrderIsEvidenceOrder adds events that happened in the same
// millisecond, second and minute (in different UTC offsets), some recorded
// at the same instant, and checks that the store's order, oldest and
// newest first, is evidence.Sort's order.
func TestTimelineOrderIsEvidenceOrder(t *testing.T) {
	// A clock that stands still for three calls, then moves on: events
	// recorded together share Recorded and are ordered by ID.
	now := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	calls := 0
	s := openTest(t, WithClock(func() time.Time {
		calls++
		if calls%3 == 0 {
			now = now.Add(time.Millisecond)
		}
		return now
	}))
	c := newCase(t, s, "order")
	minute := time.Date(2026, 11, 20, 14, 30, 0, 0, time.UTC)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 40 {
		at := minute.Add(time.Duration(rng.IntN(3)) * time.Second) // three distinct seconds
		if rng.IntN(4) == 0 {
			at = at.Add(250 * time.Millisecond)
		}
		if i%2 == 0 {
			at = at.In(shanghai) // the same instants, written in another offset
		}
		addEvent(t, s, evidence.Event{CaseID: c.ID, Kind: evidence.KindNote, At: at, Summary: fmt.Sprint("note ", i)})
	}
	oldest, err := s.Timeline(ctx, c.ID, Query{OldestFirst: true})
	if err != nil {
		t.Fatal(err)
	}
	want := slices.Clone(oldest)
	rng.Shuffle(len(want), func(i, j int) { want[i], want[j] = want[j], want[i] })
	evidence.Sort(want)
	ids := func(evs []evidence.Event) []string {
		out := make([]string, len(evs))
		for i, e := range evs {
			out[i] = e.Summary
		}
		return out
	}
	if got, w := ids(oldest), ids(want); !slices.Equal(got, w) {
		t.Errorf("Timeline(OldestFirst) = %v,\nevidence.Sort = %v", got, w)
	}
	newest, err := s.Timeline(ctx, c.ID, Query{})
	if err != nil {
		t.Fatal(err)
	}
	slices.Reverse(want)
	if got, w := ids(newest), ids(want); !slices.Equal(got, w) {
		t.Errorf("Timeline(newest first) = %v,\nreversed evidence.Sort = %v", got, w)
	}
	// The test is only worth something if it had ties to break.
	ties := 0
	for i := 1; i < len(oldest); i++ {
		if oldest[i].At.Equal(oldest[i-1].At) && oldest[i].Recorded.Equal(oldest[i-1].Recorded) {
			ties++
		}
	}
	if ties == 0 {
		t.Fatalf("no two events share At and Recorded; the ID tie-break was not exercised")
	}
}

// TestSnapshotReads reads a case, its timeline and an attachment through
// one Snapshot, and checks that a damaged blob is refused.
func TestSnapshotReads(t *testing.T) {
	s := openTest(t)
	c := newCase(t, s, "snapshot")
	data := bytes.Repeat([]byte("evidence "), 1000)
	e := addEvent(t, s, evidence.Event{CaseID: c.ID, Kind: evidence.KindDocument, At: time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)},
		bytesFile("a.txt", data))
	err := s.Read(ctx, func(r *Snapshot) error {
		got, err := r.Case(c.ID)
		if err != nil || got.Title != "snapshot" {
			t.Errorf("Snapshot.Case = %+v, %v", got, err)
		}
		// A write while the snapshot is open is not seen by it.
		addEvent(t, s, evidence.Event{CaseID: c.ID, Kind: evidence.KindNote, At: time.Now(), Summary: "later"})
		evs, err := r.Timeline(c.ID, Query{OldestFirst: true})
		if err != nil || len(evs) != 1 || len(evs[0].Attachments) != 1 {
			t.Fatalf("Snapshot.Timeline = %d events, %v; want the 1 event before the snapshot", len(evs), err)
		}
		var b bytes.Buffer
		if err := r.WriteAttachment(evs[0].Attachments[0], &b); err != nil || !bytes.Equal(b.Bytes(), data) {
			t.Errorf("Snapshot.WriteAttachment = %d bytes, %v; want the original %d bytes", b.Len(), err, len(data))
		}
		bad := evs[0].Attachments[0]
		bad.Size++
		if err := r.WriteAttachment(bad, &bytes.Buffer{}); langKey(err) != "attachment.damaged" {
			t.Errorf("WriteAttachment(wrong size) = %v, want attachment.damaged", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	_ = e
}
