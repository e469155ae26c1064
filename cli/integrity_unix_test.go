//go:build unix

// Owner-only permissions are Unix file modes; Windows keeps access in
// ACLs, so this test is built on Unix systems only.

package cli_test

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"redress/app"
)

// Defect 6: backups were world-readable while being written; existing
// folders and databases were not tightened.
func TestDefect6OwnerOnlyFromTheFirstByte(t *testing.T) {
	english(t)
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	dir, caseID := seeded(t)
	big := filepath.Join(t.TempDir(), "statement.bin")
	data := make([]byte, 24<<20)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range data {
		data[i] = byte(r.Uint32())
	}
	os.WriteFile(big, data, 0o600)
	must(t, dir, "attach", caseID, big, "--kind", "document")

	out := filepath.Join(t.TempDir(), "b.bak")
	done := make(chan struct{})
	seen := map[string]os.FileMode{}
	go func() {
		defer close(done)
		for {
			names, _ := filepath.Glob(out + ".partial*")
			for _, n := range names {
				if st, err := os.Stat(n); err == nil {
					seen[filepath.Base(n)] |= st.Mode().Perm()
				}
			}
			if _, err := os.Stat(out); err == nil {
				return
			}
		}
	}()
	must(t, dir, "backup", "-o", out)
	<-done
	if len(seen) == 0 {
		t.Fatalf("the backup's temporary file was never seen while it was written")
	}
	for name, mode := range seen {
		if mode&0o077 != 0 {
			t.Errorf("%s was %v while the backup was written; want owner-only", name, mode)
		}
	}

	// An older Redress or a copy left the folder and database open to others.
	os.Chmod(dir, 0o755)
	os.Chmod(filepath.Join(dir, app.DBName), 0o644)
	must(t, dir, "case", "list")
	if st, _ := os.Stat(dir); st.Mode().Perm() != 0o700 {
		t.Errorf("data folder mode = %v after opening, want 0700", st.Mode().Perm())
	}
	if st, _ := os.Stat(filepath.Join(dir, app.DBName)); st.Mode().Perm() != 0o600 {
		t.Errorf("database mode = %v after opening, want 0600", st.Mode().Perm())
	}
}
