package cli_test

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"redress/app"
	"redress/cli"
)

// Environment of the child processes started by the tests in this file.
const (
	childMode = "REDRESS_CLI_CHILD" // run, loop or lock
	childArgs = "REDRESS_CLI_ARGS"  // run: the command line, as a JSON array
	childDir  = "REDRESS_CLI_DIR"   // loop: data directory; lock: database file
	childCase = "REDRESS_CLI_CASE"  // loop: case ID
	childName = "REDRESS_CLI_NAME"  // loop: process name used in the summaries
	childN    = "REDRESS_CLI_N"     // loop: how many events to add
	childHold = "REDRESS_CLI_HOLD"  // lock: how long to hold the write lock
	childAt   = "REDRESS_CLI_AT"    // loop: when to start, Unix milliseconds
)

// childHoldApp (mode "hold") keeps the data folder REDRESS_CLI_DIR open
// through the app layer, as the desktop app does, for REDRESS_CLI_HOLD,
// printing "OPEN" once it is.
const childHoldApp = "hold"

// TestCLIChildHelper is not a test: it is the child process the tests below
// start. Modes:
//   - run: cli.Run with the arguments in REDRESS_CLI_ARGS, exit with its code;
//   - loop: add N notes through cli.Run, printing "OK n ID" or
//     "FAIL n code stderr" (stderr JSON-quoted) for each;
//   - lock: hold SQLite's write lock (BEGIN EXCLUSIVE) on a database for a
//     while, printing "LOCKED" once it has it.
func TestCLIChildHelper(t *testing.T) {
	mode := os.Getenv(childMode)
	if mode == "" {
		t.Skip("helper process for the concurrency tests")
	}
	fail := func(format string, args ...any) {
		fmt.Fprintf(os.Stderr, "child: "+format+"\n", args...)
		os.Exit(3)
	}
	switch mode {
	case "run":
		var args []string
		if err := json.Unmarshal([]byte(os.Getenv(childArgs)), &args); err != nil {
			fail("bad %s: %v", childArgs, err)
		}
		os.Exit(cli.Run(args, os.Stdout, os.Stderr))
	case "loop":
		n, err := strconv.Atoi(os.Getenv(childN))
		if err != nil {
			fail("bad %s: %v", childN, err)
		}
		dir, caseID, name := os.Getenv(childDir), os.Getenv(childCase), os.Getenv(childName)
		if at, err := strconv.ParseInt(os.Getenv(childAt), 10, 64); err == nil {
			time.Sleep(time.Until(time.UnixMilli(at))) // start together with the other process
		}
		for i := 1; i <= n; i++ {
			var out, errb bytes.Buffer
			code := cli.Run([]string{"--data", dir, "event", "add", caseID, "--kind", "note",
				"--summary", fmt.Sprintf("进程 %s 第 %d 条", name, i)}, &out, &errb)
			var line string
			if code == 0 {
				line = fmt.Sprintf("OK %d %s\n", i, strings.TrimSpace(out.String()))
			} else {
				q, _ := json.Marshal(errb.String())
				line = fmt.Sprintf("FAIL %d %d %s\n", i, code, q)
			}
			if _, err := os.Stdout.WriteString(line); err != nil {
				fail("print: %v", err)
			}
		}
		os.Exit(0)
	case childHoldApp:
		hold, err := time.ParseDuration(os.Getenv(childHold))
		if err != nil {
			fail("bad %s: %v", childHold, err)
		}
		a, err := app.Open(context.Background(), os.Getenv(childDir))
		if err != nil {
			fail("open: %v", err)
		}
		os.Stdout.WriteString("OPEN\n")
		time.Sleep(hold)
		a.Close()
		os.Exit(0)
	case "lock":
		hold, err := time.ParseDuration(os.Getenv(childHold))
		if err != nil {
			fail("bad %s: %v", childHold, err)
		}
		ctx := context.Background()
		db, err := sql.Open("sqlite", os.Getenv(childDir)+"?_pragma=busy_timeout(5000)")
		if err != nil {
			fail("open: %v", err)
		}
		conn, err := db.Conn(ctx)
		if err != nil {
			fail("connect: %v", err)
		}
		if _, err := conn.ExecContext(ctx, "BEGIN EXCLUSIVE"); err != nil {
			fail("begin exclusive: %v", err)
		}
		os.Stdout.WriteString("LOCKED\n")
		time.Sleep(hold)
		if _, err := conn.ExecContext(ctx, "ROLLBACK"); err != nil {
			fail("rollback: %v", err)
		}
		conn.Close()
		db.Close()
		os.Exit(0)
	}
	fail("unknown mode %q", mode)
}

// child prepares the test binary to run as TestCLIChildHelper in mode, in
// English, with the extra environment variables given.
func child(ctx context.Context, mode string, env ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestCLIChildHelper$", "-test.count=1")
	cmd.Env = append(os.Environ(), append([]string{childMode + "=" + mode, "REDRESS_LANG=en"}, env...)...)
	return cmd
}

// run runs one command line in-process against dir.
func run(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = cli.Run(append([]string{"--data", dir}, args...), &out, &errb)
	return out.String(), errb.String(), code
}

// must runs a command line that must succeed and returns its stdout.
func must(t *testing.T, dir string, args ...string) string {
	t.Helper()
	out, errs, code := run(t, dir, args...)
	if code != 0 {
		t.Fatalf("redress %s: exit %d, stderr %q", strings.Join(args, " "), code, errs)
	}
	return out
}

// newCase creates a case through the CLI and returns its ID.
func newCase(t *testing.T, dir string) string {
	t.Helper()
	return strings.TrimSpace(must(t, dir, "case", "new", "--title", "提现三天未到账", "--provider", "快付钱包",
		"--problem", "withdrawal-delayed", "--jurisdiction", "CN", "--amount", "1280.00", "--currency", "CNY"))
}

type timelineEvent struct {
	ID      string `json:"id"`
	Summary string `json:"summary"`
}

// timeline reads the whole timeline of a case through `timeline --json`.
func timeline(t *testing.T, dir, caseID string) ([]timelineEvent, string) {
	t.Helper()
	out := must(t, dir, "timeline", caseID, "--archived", "--json")
	var evs []timelineEvent
	if err := json.Unmarshal([]byte(out), &evs); err != nil {
		t.Fatalf("timeline --json: %v\n%s", err, out)
	}
	return evs, out
}

// checkSound checks the audit log through the CLI and SQLite's integrity
// check through the app layer.
func checkSound(t *testing.T, dir string) {
	t.Helper()
	if _, errs, code := run(t, dir, "verify-log"); code != 0 {
		t.Errorf("verify-log: exit %d, stderr %q", code, errs)
	}
	ctx := context.Background()
	a, err := app.Open(ctx, dir)
	if err != nil {
		t.Fatalf("app.Open: %v", err)
	}
	defer a.Close()
	if problems, err := a.IntegrityCheck(ctx); err != nil || len(problems) > 0 {
		t.Errorf("IntegrityCheck() = %q, %v; want no problems", problems, err)
	}
}

// TestConcurrentWriters runs two processes that each add 60 events to the
// same case at the same time, through the real CLI.
func TestConcurrentWriters(t *testing.T) {
	const n = 60
	dir := t.TempDir()
	caseID := newCase(t, dir)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()

	type result struct {
		out, errs string
		err       error
	}
	names := []string{"A", "B"}
	results := make([]result, len(names))
	at := strconv.FormatInt(time.Now().Add(500*time.Millisecond).UnixMilli(), 10)
	var wg sync.WaitGroup
	for i, name := range names {
		cmd := child(ctx, "loop", childDir+"="+dir, childCase+"="+caseID, childName+"="+name,
			childN+"="+strconv.Itoa(n), childAt+"="+at)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Start(); err != nil {
			t.Fatalf("start %s: %v", name, err)
		}
		wg.Go(func() {
			err := cmd.Wait()
			results[i] = result{out.String(), errb.String(), err}
		})
	}
	wg.Wait()

	want := map[string]string{} // event ID -> summary
	failed := 0
	for i, name := range names {
		r := results[i]
		if r.err != nil {
			t.Fatalf("process %s: %v; stderr:\n%s", name, r.err, r.errs)
		}
		lines := 0
		sc := bufio.NewScanner(strings.NewReader(r.out))
		for sc.Scan() {
			f := strings.SplitN(sc.Text(), " ", 4)
			switch {
			case len(f) == 3 && f[0] == "OK":
				want[f[2]] = fmt.Sprintf("进程 %s 第 %s 条", name, f[1])
			case len(f) == 4 && f[0] == "FAIL":
				// Two writers wait for each other (busy_timeout): no write
				// may fail.
				var errs string
				json.Unmarshal([]byte(f[3]), &errs)
				t.Errorf("process %s, event %s: exit %s, stderr %q; want every write to succeed", name, f[1], f[2], errs)
				failed++
			default:
				t.Errorf("process %s: unexpected output line %q", name, sc.Text())
			}
			lines++
		}
		if lines != n {
			t.Errorf("process %s reported %d commands, want %d; stderr:\n%s", name, lines, n, r.errs)
		}
	}
	if failed > 0 {
		t.Errorf("%d of %d writes failed; want none", failed, 2*n)
	}

	evs, _ := timeline(t, dir, caseID)
	got := map[string]string{}
	for _, e := range evs {
		got[e.ID] = e.Summary
	}
	for id, summary := range want {
		if g, ok := got[id]; !ok {
			t.Errorf("event %s (%q) reported as added but missing from the timeline", id, summary)
		} else if g != summary {
			t.Errorf("event %s: summary %q, want %q", id, g, summary)
		}
	}
	if len(evs) != len(want) {
		t.Errorf("timeline has %d events, want %d (the successful adds)", len(evs), len(want))
	}
	// How often the writer changes along the timeline shows how much the
	// two processes really overlapped.
	switches := 0
	for i := 1; i < len(evs); i++ {
		if []rune(evs[i].Summary)[3] != []rune(evs[i-1].Summary)[3] {
			switches++
		}
	}
	t.Logf("%d events; the writer changes %d times along the timeline", len(evs), switches)
	checkSound(t, dir)
}

// TestWriteWhileLocked holds the write lock in another process for longer
// than the busy timeout: a CLI write must fail cleanly, saying the database
// is busy, and change nothing.
func TestWriteWhileLocked(t *testing.T) {
	if testing.Short() {
		t.Skip("holds a lock for 7 s")
	}
	dir := t.TempDir()
	caseID := newCase(t, dir)
	for i := 1; i <= 3; i++ {
		must(t, dir, "event", "add", caseID, "--kind", "contact", "--channel", "chat", "--agent", "客服 李娜",
			"--summary", fmt.Sprintf("第 %d 次联系客服", i))
	}
	_, before := timeline(t, dir, caseID)

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	locker := child(ctx, "lock", childDir+"="+filepath.Join(dir, app.DBName), childHold+"=7s")
	var lockErr bytes.Buffer
	locker.Stderr = &lockErr
	lockOut, err := locker.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := locker.Start(); err != nil {
		t.Fatalf("start lock holder: %v", err)
	}
	lockLine, _ := bufio.NewReader(lockOut).ReadString('\n')
	if lockLine != "LOCKED\n" {
		locker.Wait()
		t.Fatalf("lock holder did not get the lock: %q; stderr:\n%s", lockLine, lockErr.String())
	}

	args, _ := json.Marshal([]string{"--data", dir, "event", "add", caseID, "--kind", "note", "--summary", "锁定期间的备注"})
	writer := child(ctx, "run", childArgs+"="+string(args))
	var out, errb bytes.Buffer
	writer.Stdout, writer.Stderr = &out, &errb
	start := time.Now()
	err = writer.Run()
	took := time.Since(start)
	code := writer.ProcessState.ExitCode()
	errs := strings.TrimSpace(errb.String())
	if code != 1 || errs == "" || strings.Contains(errs, "\n") || !strings.Contains(errs, "busy") {
		t.Errorf("event add while locked: exit %d (%v), stderr %q; want exit 1 and one line saying the database is busy", code, err, errb.String())
	}
	if out.Len() != 0 {
		t.Errorf("event add while locked printed %q to stdout, want nothing", out.String())
	}
	t.Logf("event add while locked failed after %v: %s", took.Round(time.Millisecond), errs)

	if err := locker.Wait(); err != nil {
		t.Fatalf("lock holder: %v; stderr:\n%s", err, lockErr.String())
	}
	if _, after := timeline(t, dir, caseID); after != before {
		t.Errorf("timeline changed by the failed write:\nbefore %s\nafter  %s", before, after)
	}
	checkSound(t, dir)
}
