package store_test

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"redress/evidence"
	"redress/store"
)

// restoreEnv names the database a restore child restores into; restoreFrom
// the backup it restores.
const (
	restoreEnv  = "REDRESS_RESTORE_CHILD"
	restoreFrom = "REDRESS_RESTORE_FROM"
)

// TestRestoreChildHelper is not a test: it is the process
// TestRestoreCrashLoop starts and kills. It prints "START" just before the
// restore begins.
func TestRestoreChildHelper(t *testing.T) {
	db := os.Getenv(restoreEnv)
	if db == "" {
		t.Skip("helper process for TestRestoreCrashLoop")
	}
	os.Stdout.WriteString("START\n")
	if _, err := store.Restore(context.Background(), db, os.Getenv(restoreFrom), time.Now()); err != nil {
		fmt.Fprintf(os.Stderr, "restore child: %v\n", err)
		os.Exit(3)
	}
	os.Exit(0)
}

// restoreChild runs a restore child and kills it after delay once it has
// started (delay < 0: lets it finish). It returns how long the restore ran.
func restoreChild(t *testing.T, db, backup string, delay time.Duration) time.Duration {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestRestoreChildHelper$", "-test.count=1")
	cmd.Env = append(os.Environ(), restoreEnv+"="+db, restoreFrom+"="+backup)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(out).ReadString('\n')
	start := time.Now()
	if line != "START\n" {
		cmd.Wait()
		t.Fatalf("restore child did not start: %q %s", line, stderr.String())
	}
	if delay >= 0 {
		time.Sleep(delay)
		cmd.Process.Kill()
	}
	err = cmd.Wait()
	if delay < 0 && err != nil {
		t.Fatalf("restore child: %v %s", err, stderr.String())
	}
	return time.Since(start)
}

// seen caches the event IDs of database files that do not change.
type seenFile struct {
	size  int64
	mtime time.Time
	ids   map[string]bool
}

// recoverable returns the IDs of the events in every database file in the
// folder of db that passes store.CheckFile: the live one, the set-aside
// copies and the interrupted restores.
func recoverable(t *testing.T, db string, cache map[string]seenFile) map[string]bool {
	t.Helper()
	names, _ := filepath.Glob(db + "*")
	all := map[string]bool{}
	for _, n := range names {
		if strings.HasSuffix(n, "-wal") || strings.HasSuffix(n, "-shm") || strings.HasSuffix(n, "-journal") ||
			strings.HasSuffix(n, ".lock") || strings.HasSuffix(n, ".gate") {
			continue
		}
		st, err := os.Stat(n)
		if err != nil {
			continue
		}
		c, ok := cache[n]
		if !ok || c.size != st.Size() || !c.mtime.Equal(st.ModTime()) || n == db {
			c = seenFile{size: st.Size(), mtime: st.ModTime(), ids: map[string]bool{}}
			if _, err := store.CheckFile(context.Background(), n); err == nil {
				conn, err := sql.Open("sqlite", "file:"+n+"?mode=ro")
				if err == nil {
					rows, err := conn.Query("SELECT id FROM events")
					if err == nil {
						for rows.Next() {
							var id string
							rows.Scan(&id)
							c.ids[id] = true
						}
						rows.Close()
					}
					conn.Close()
				}
			}
			cache[n] = c
		}
		for id := range c.ids {
			all[id] = true
		}
	}
	return all
}

// TestRestoreCrashLoop kills a restore 100 times at random moments. Before
// each, one more event is committed to the live data. After each kill,
// every committed event must be in a database file of the folder that
// passes its checks, and the next start must either find the live database
// or offer the newest copy (store.Recover), which the loop then restores as
// a user would.
func TestRestoreCrashLoop(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("kill semantics differ on Windows")
	}
	iterations := 100
	if testing.Short() {
		iterations = 15
	}
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "redress.db")
	s, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	c := evidence.Case{Title: "提现三天未到账", Provider: "快付钱包", Problem: evidence.WithdrawalDelayed, Jurisdiction: evidence.CN}
	if err := s.CreateCase(ctx, &c); err != nil {
		t.Fatal(err)
	}
	// Some bytes, so that copying takes a moment worth killing.
	if err := s.AddEvent(ctx, &evidence.Event{CaseID: c.ID, Kind: evidence.KindDocument, At: time.Now()},
		[]store.File{crashFile("statement.pdf"), crashFile("chat.png"), crashFile("receipt.jpg")}); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(t.TempDir(), "backup.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	s.Close()

	// How long one restore runs, to kill within it.
	var full time.Duration
	for range 3 {
		full = max(full, restoreChild(t, db, backup, -1))
	}
	t.Logf("a restore runs about %v", full)

	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 5))
	cache := map[string]seenFile{}
	var committed []string
	recovered, killedMidway := 0, 0
	for it := range iterations {
		rec, err := store.Recover(ctx, db, "")
		if err != nil {
			t.Fatalf("iteration %d: Recover: %v", it, err)
		}
		if rec.Needed {
			newest, ok := rec.Newest()
			if !ok {
				t.Fatalf("iteration %d: the live database is missing and no copy can be used: %+v", it, rec.Copies)
			}
			if _, err := store.Restore(ctx, db, newest.Path, time.Now()); err != nil {
				t.Fatalf("iteration %d: restore the newest copy %s: %v", it, newest.Path, err)
			}
			recovered++
		}
		s, err := store.Open(ctx, db)
		if err != nil {
			t.Fatalf("iteration %d: open: %v", it, err)
		}
		e := evidence.Event{CaseID: c.ID, Kind: evidence.KindNote, At: time.Now(), Summary: fmt.Sprintf("第 %d 条备注", it)}
		if err := s.AddEvent(ctx, &e, nil); err != nil {
			t.Fatalf("iteration %d: add event: %v", it, err)
		}
		s.Close()
		committed = append(committed, e.ID)

		// Half the kills anywhere, half in the last part of the restore,
		// where the files are renamed.
		delay := time.Duration(r.Int64N(int64(full) + 1))
		if it%2 == 1 {
			delay = full/2 + time.Duration(r.Int64N(int64(full/2)+1))
		}
		took := restoreChild(t, db, backup, delay)
		if took < full {
			killedMidway++
		}
		have := recoverable(t, db, cache)
		for _, id := range committed {
			if !have[id] {
				t.Fatalf("iteration %d: committed event %s is in no usable file of %s", it, id, dir)
			}
		}
	}
	rec, _ := store.Recover(ctx, db, "")
	if newest, ok := rec.Newest(); rec.Needed && ok {
		store.Restore(ctx, db, newest.Path, time.Now())
	}
	s, err = store.Open(ctx, db)
	if err != nil {
		t.Fatalf("open after the loop: %v", err)
	}
	defer s.Close()
	if rep, err := s.VerifyLog(ctx); err != nil || !rep.OK() {
		t.Errorf("VerifyLog after the loop = %+v, %v", rep.Problems, err)
	}
	t.Logf("%d restores killed (%d before they finished); the missing live database was recovered %d times; %d committed events all recoverable",
		iterations, killedMidway, recovered, len(committed))
}
