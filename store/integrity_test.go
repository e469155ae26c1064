package store

import (
	"database/sql"
	"encoding/json"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"redress/seal"
)

// Issue 11, item 6: the pool is bounded and applied migrations are
// recorded with the time and the app version.
func TestMigrationsRecordedAndPoolBounded(t *testing.T) {
	at := time.Date(2026, 11, 28, 3, 0, 0, 0, time.UTC)
	s, err := Open(ctx, filepath.Join(t.TempDir(), "redress.db"), WithClock(func() time.Time { return at }), WithAppVersion("9.9.9"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := s.DB().Stats().MaxOpenConnections; got != MaxConns {
		t.Errorf("MaxOpenConnections = %d, want %d", got, MaxConns)
	}
	ms, err := s.Migrations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != SchemaVersion() {
		t.Fatalf("Migrations() = %+v, want %d", ms, SchemaVersion())
	}
	for i, m := range ms {
		if m.Version != i+1 || m.AppVersion != "9.9.9" || !m.Applied.Equal(at) {
			t.Errorf("migration %d = %+v, want version %d applied at %v by 9.9.9", i, m, i+1, at)
		}
	}
}

// A database from before schema 3 is migrated; the earlier migrations are
// noted without a time, and its chain gets a signed head.
func TestMigrationFromVersion2SignsTheChain(t *testing.T) {
	path := filepath.Join(t.TempDir(), "redress.db")
	// Make a version-2 database by hand: the schema of 0001 and 0002 only.
	db, _ := sql.Open("sqlite", path)
	ms, _ := migrations()
	for _, m := range ms[:2] {
		if _, err := db.Exec(m.sql); err != nil {
			t.Fatal(err)
		}
	}
	db.Exec(`INSERT INTO cases (id, title, provider, problem, jurisdiction, language, status, created_at, updated_at) VALUES ('0b7f7c8e-3c1a-4d2e-9f10-2a4b6c8d0e12','t','p','other','EU','en','open',0,0)`)
	db.Exec("PRAGMA user_version = 2")
	db.Close()
	s, err := Open(ctx, path, WithAppVersion("0.2.0"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, _ := s.Migrations(ctx)
	if len(got) != SchemaVersion() || !got[0].Applied.IsZero() || got[0].AppVersion != "" || got[2].AppVersion != "0.2.0" {
		t.Errorf("Migrations() = %+v", got)
	}
	newCase(t, s, "after")
	rep, err := s.VerifyLog(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The hand-made case was never logged: it is reported, the new one is not.
	if len(rep.Problems) != 1 || rep.Problems[0].Key != "audit.unlogged" || !rep.Signed {
		t.Errorf("VerifyLog = %+v; want only the unlogged hand-made case, and a signed head", rep)
	}
}

// After entries were removed behind Redress's back, the next write records
// that in the chain, so the evidence cannot be overwritten.
func TestWriteAfterTruncationRecordsAnAnomaly(t *testing.T) {
	s := openTest(t)
	newCase(t, s, "one")
	newCase(t, s, "two")
	s.db.Exec("DROP TRIGGER audit_no_delete")
	if _, err := s.db.Exec("DELETE FROM audit WHERE seq = (SELECT MAX(seq) FROM audit)"); err != nil {
		t.Fatal(err)
	}
	newCase(t, s, "three")
	rep, err := s.VerifyLog(ctx)
	if err != nil {
		t.Fatal(err)
	}
	keys := []string{}
	for _, p := range rep.Problems {
		keys = append(keys, p.Key)
	}
	if !slices.Contains(keys, "audit.anomaly") {
		t.Errorf("VerifyLog problems = %v; want audit.anomaly recorded by the write after the truncation", keys)
	}
}

// The head is signed by the install key; a head and manifest signature
// check with seal.Verify, and the key survives a reopen.
func TestHeadIsSignedByTheInstallKey(t *testing.T) {
	path := filepath.Join(t.TempDir(), "redress.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	newCase(t, s, "signed")
	h, ok, err := s.Head(ctx)
	if err != nil || !ok {
		t.Fatalf("Head = %v, %v", ok, err)
	}
	if err := h.verify(s.key); err != nil {
		t.Errorf("head signature: %v", err)
	}
	sig, err := s.Sign(seal.PurposeManifest, []byte(`{"case_id":"x"}`))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := seal.Verify(sig, seal.PurposeManifest, []byte(`{"case_id":"x"}`)); err != nil {
		t.Errorf("manifest signature: %v", err)
	}
	fp := fingerprint(s.key)
	s.Close()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if fingerprint(s.key) != fp || sig.Fingerprint != fp {
		t.Errorf("the install key changed on reopen: %s, then %s", fp, fingerprint(s.key))
	}
	var st ChainState
	if err := jsonUnmarshal(h.State, &st); err != nil || st.Cases != 1 {
		t.Errorf("head state = %q; want 1 case", h.State)
	}
}

func jsonUnmarshal(s string, v any) error { return json.Unmarshal([]byte(s), v) }
