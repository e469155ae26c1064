package store

import (
	"errors"
	"fmt"
	"os"
	"time"

	"redress/lang"
)

// Every Redress process that opens a database holds a shared lock on
// <db>.lock for as long as it is open; a restore holds it exclusively, so
// that it never replaces a database another process is writing to. A
// second file, <db>.gate, gives the restore priority: openers pass through
// the gate (shared) before they take the lock, and a restore closes the
// gate (exclusive) first, so a stream of short commands cannot starve it.
const (
	lockSuffix = ".lock"
	gateSuffix = ".gate"
)

// errWouldBlock is returned by tryLock when the lock is held elsewhere.
var errWouldBlock = errors.New("lock is held by another process")

// Lock is a held lock on a database's folder.
type Lock struct {
	files []*os.File
}

// Release gives the lock up. It is safe to call more than once.
func (l *Lock) Release() {
	if l == nil {
		return
	}
	for i := len(l.files) - 1; i >= 0; i-- {
		unlock(l.files[i])
		l.files[i].Close()
	}
	l.files = nil
}

func openLockFile(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, lang.Wrap(err, "store.cannot-write", "file", path)
	}
	return f, nil
}

// acquire takes the lock on f, trying again until wait has passed.
func acquire(f *os.File, exclusive bool, wait time.Duration) error {
	deadline := time.Now().Add(wait)
	for {
		err := tryLock(f, exclusive)
		if !errors.Is(err, errWouldBlock) {
			return err
		}
		if time.Now().After(deadline) {
			return err
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// OpenWait is how long Open waits for a restore under way to finish.
var OpenWait = 60 * time.Second

// lockShared is what Open takes: through the gate, then the shared lock.
func lockShared(db string) (*Lock, error) {
	gate, err := openLockFile(db + gateSuffix)
	if err != nil {
		return nil, err
	}
	defer gate.Close()
	if err := acquire(gate, false, OpenWait); err != nil {
		if errors.Is(err, errWouldBlock) {
			return nil, lang.E("store.restoring", "file", db)
		}
		return nil, fmt.Errorf("lock %s: %w", db, err)
	}
	defer unlock(gate)
	f, err := openLockFile(db + lockSuffix)
	if err != nil {
		return nil, err
	}
	if err := acquire(f, false, OpenWait); err != nil {
		f.Close()
		if errors.Is(err, errWouldBlock) {
			return nil, lang.E("store.restoring", "file", db)
		}
		return nil, fmt.Errorf("lock %s: %w", db, err)
	}
	return &Lock{files: []*os.File{f}}, nil
}

// LockExclusive takes the database's folder for a restore: it closes the
// gate to new openers, then waits up to wait for the processes that have
// the database open to close it. When they do not, it says so: the user
// must close the other copies of Redress.
func LockExclusive(db string, wait time.Duration) (*Lock, error) {
	gate, err := openLockFile(db + gateSuffix)
	if err != nil {
		return nil, err
	}
	if err := acquire(gate, true, wait); err != nil {
		gate.Close()
		if errors.Is(err, errWouldBlock) {
			return nil, lang.E("restore.in-use", "file", db)
		}
		return nil, fmt.Errorf("lock %s: %w", db, err)
	}
	f, err := openLockFile(db + lockSuffix)
	if err != nil {
		unlock(gate)
		gate.Close()
		return nil, err
	}
	if err := acquire(f, true, wait); err != nil {
		f.Close()
		unlock(gate)
		gate.Close()
		if errors.Is(err, errWouldBlock) {
			return nil, lang.E("restore.in-use", "file", db)
		}
		return nil, fmt.Errorf("lock %s: %w", db, err)
	}
	return &Lock{files: []*os.File{gate, f}}, nil
}
