package store_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
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

// crashEnv names the database a crash child writes to. When it is set, the
// test binary runs TestCrashChildHelper as a writer that is killed mid-work.
const crashEnv = "REDRESS_CRASH_CHILD"

// crashShared is the name of the attachment every document event shares, so
// that the path for bytes that are stored already is crashed into as well.
const crashShared = "shared.bin"

// crashBytes returns the bytes of an attachment, derived from its name so
// that the parent can check what the child stored: 20–200 KB, random.
func crashBytes(name string) []byte {
	h := fnv.New64a()
	h.Write([]byte(name))
	r := rand.New(rand.NewPCG(h.Sum64(), 7))
	b := make([]byte, 20<<10+r.IntN(180<<10))
	for i := 0; i < len(b); i += 8 {
		var w [8]byte
		binary.LittleEndian.PutUint64(w[:], r.Uint64())
		copy(b[i:], w[:])
	}
	return b
}

func crashFile(name string) store.File {
	return store.File{Name: name, Open: func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(crashBytes(name))), nil
	}}
}

// TestCrashChildHelper is not a test: it is the writer process that
// TestCrashKill starts and kills. It adds events until it is killed and
// prints "EVENT <id>" only after AddEvent returned nil.
func TestCrashChildHelper(t *testing.T) {
	db := os.Getenv(crashEnv)
	if db == "" {
		t.Skip("helper process for TestCrashKill")
	}
	fail := func(format string, args ...any) {
		fmt.Fprintf(os.Stderr, "crash child: "+format+"\n", args...)
		os.Exit(3)
	}
	ctx := context.Background()
	s, err := store.Open(ctx, db)
	if err != nil {
		fail("open: %v", err)
	}
	cases, err := s.Cases(ctx, false)
	if err != nil {
		fail("cases: %v", err)
	}
	var caseID string
	if len(cases) > 0 {
		caseID = cases[0].ID
	} else {
		c := evidence.Case{Title: "提现三天未到账", Provider: "快付钱包", Problem: evidence.WithdrawalDelayed,
			Jurisdiction: evidence.CN, Amount: evidence.Money{Minor: 128000, Currency: "CNY"}}
		if err := s.CreateCase(ctx, &c); err != nil {
			fail("create case: %v", err)
		}
		caseID = c.ID
	}
	deadline := time.Now().Add(30 * time.Second) // in case the parent is gone
	for i := 0; time.Now().Before(deadline); i++ {
		e := &evidence.Event{ID: evidence.NewID(), CaseID: caseID, At: time.Now()}
		var files []store.File
		switch i % 4 {
		case 0:
			e.Kind, e.Summary = evidence.KindScreenshot, fmt.Sprintf("第 %d 张截图：提现记录显示“处理中”", i)
			files = []store.File{crashFile("u-" + e.ID + ".png")}
		case 1:
			e.Kind = evidence.KindContact
			e.Summary = fmt.Sprintf("第 %d 次联系客服：客服承诺三个工作日内退款", i)
			e.Contact = &evidence.Contact{Channel: evidence.Chat, Agent: "客服 李娜", Promise: "三个工作日内到账"}
		case 2:
			e.Kind, e.Summary = evidence.KindNote, fmt.Sprintf("备注 %d：提现仍未到账，已保存聊天记录", i)
		default:
			e.Kind, e.Summary = evidence.KindDocument, fmt.Sprintf("银行流水 %d", i)
			files = []store.File{crashFile("u-" + e.ID + ".pdf"), crashFile(crashShared)}
		}
		if err := s.AddEvent(ctx, e, files); err != nil {
			fail("add event %d: %v", i, err)
		}
		// One write call per line, so a line is never half printed.
		if _, err := os.Stdout.WriteString("EVENT " + e.ID + "\n"); err != nil {
			fail("print: %v", err)
		}
	}
	os.Exit(0)
}

// crashRun starts a child writing to db, kills it with SIGKILL a random
// 30–400 ms after it reported its first event and returns the IDs of the
// events it reported.
func crashRun(t *testing.T, db string, r *rand.Rand) []string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChildHelper$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashEnv+"="+db)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start child: %v", err)
	}
	lines := make(chan string)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	var ids []string
	take := func(line string) {
		if id, ok := strings.CutPrefix(line, "EVENT "); ok && len(id) == 36 {
			ids = append(ids, id)
		}
	}
	var kill <-chan time.Time
	timeout := time.After(20 * time.Second)
	exited := false
wait:
	for {
		select {
		case line, ok := <-lines:
			if !ok {
				exited = true // the child ended before it was killed
				break wait
			}
			take(line)
			if kill == nil && len(ids) > 0 {
				kill = time.After(time.Duration(30+r.IntN(371)) * time.Millisecond)
			}
		case <-kill:
			break wait
		case <-timeout:
			break wait
		}
	}
	if err := cmd.Process.Kill(); err != nil && !exited {
		t.Errorf("kill child: %v", err)
	}
	for line := range lines { // what it printed before it died
		take(line)
	}
	werr := cmd.Wait()
	if exited || len(ids) == 0 {
		t.Fatalf("child was not killed while writing (%v, %d events); stderr:\n%s", werr, len(ids), stderr.String())
	}
	return ids
}

// TestCrashKill kills a writer process at random moments, many times over
// the same database, and checks after each kill that every event the writer
// reported as stored is there with intact attachments, that SQLite finds
// the file sound and that the audit log verifies.
func TestCrashKill(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("kill semantics differ on Windows")
	}
	iterations := 25
	if testing.Short() {
		iterations = 5
	}
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "crash.db")
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 11))
	var reported []string
	for it := range iterations {
		ids := crashRun(t, db, r)
		reported = append(reported, ids...)

		s, err := store.Open(ctx, db)
		if err != nil {
			t.Fatalf("iteration %d: reopen after kill: %v", it, err)
		}
		if problems, err := s.IntegrityCheck(ctx); err != nil || len(problems) > 0 {
			t.Errorf("iteration %d: IntegrityCheck() = %q, %v; want no problems", it, problems, err)
		}
		rep, err := s.VerifyLog(ctx)
		if err != nil || !rep.OK() {
			t.Errorf("iteration %d: VerifyLog() = %+v, %v; want OK", it, rep, err)
		}
		// At most one event per kill may have committed without being
		// reported (killed between the commit and the print).
		if rep.Events < len(reported) || rep.Events > len(reported)+it+1 {
			t.Errorf("iteration %d: %d events stored, %d reported; want between %d and %d",
				it, rep.Events, len(reported), len(reported), len(reported)+it+1)
		}
		files := 0
		for _, id := range reported {
			e, err := s.Event(ctx, id)
			if err != nil {
				t.Errorf("iteration %d: reported event %s: %v", it, id, err)
				continue
			}
			for _, a := range e.Attachments {
				data, _, err := s.ReadAttachment(ctx, a.ID)
				if err != nil {
					t.Errorf("iteration %d: ReadAttachment(%s) of event %s: %v", it, a.Name, id, err)
					continue
				}
				if !bytes.Equal(data, crashBytes(a.Name)) {
					t.Errorf("iteration %d: attachment %s of event %s: %d bytes differ from what was attached", it, a.Name, id, len(data))
				}
				files++
			}
		}
		if err := s.Close(); err != nil {
			t.Errorf("iteration %d: close: %v", it, err)
		}
		t.Logf("iteration %d: killed after %d events; %d reported in all, %d stored, %d attachments verified",
			it, len(ids), len(reported), rep.Events, files)
		if t.Failed() {
			return
		}
	}
}
