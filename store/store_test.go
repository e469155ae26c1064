package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"redress/evidence"
	"redress/lang"
)

var ctx = context.Background()

// clock returns a fixed clock that moves one second per call.
func clock() func() time.Time {
	t := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	return func() time.Time { t = t.Add(time.Second); return t }
}

func openTest(t *testing.T, opts ...Option) *Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "redress.db")
	s, err := Open(ctx, path, append([]Option{WithClock(clock())}, opts...)...)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func newCase(t *testing.T, s *Store, title string) evidence.Case {
	t.Helper()
	c := evidence.Case{Title: title, Provider: "OKPay", Problem: evidence.TopupNotCredited,
		Jurisdiction: evidence.CN, Amount: evidence.Money{Minor: 128000, Currency: "CNY"}, Incident: "2026-11-20",
		Complainant: evidence.Complainant{Name: "张三", AccountID: "6222020202020202"}}
	if err := s.CreateCase(ctx, &c); err != nil {
		t.Fatalf("CreateCase: %v", err)
	}
	return c
}

var shanghai = time.FixedZone("CST", 8*3600)

func addEvent(t *testing.T, s *Store, e evidence.Event, files ...File) evidence.Event {
	t.Helper()
	if err := s.AddEvent(ctx, &e, files); err != nil {
		t.Fatalf("AddEvent: %v", err)
	}
	return e
}

func bytesFile(name string, b []byte) File {
	return File{Name: name, Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(b)), nil }}
}

func langKey(err error) string {
	var le *lang.Error
	if errors.As(err, &le) {
		return le.Key
	}
	return ""
}

func fileSum(t *testing.T, paths ...string) string {
	t.Helper()
	h := sha256.New()
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			t.Fatal(err)
		}
		h.Write([]byte(p))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func TestOpenCreatesSchemaAndReopens(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "redress.db")
	for i := 0; i < 2; i++ {
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("Open #%d: %v", i+1, err)
		}
		var v int
		if err := s.DB().QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != SchemaVersion() {
			t.Fatalf("user_version = %d, %v; want %d", v, err, SchemaVersion())
		}
		var mode string
		s.DB().QueryRow("PRAGMA journal_mode").Scan(&mode)
		var fk int
		s.DB().QueryRow("PRAGMA foreign_keys").Scan(&fk)
		if mode != "wal" || fk != 1 {
			t.Errorf("journal_mode, foreign_keys = %s, %d; want wal, 1", mode, fk)
		}
		if i == 0 {
			newCase(t, s, "first")
		}
		s.Close()
	}
}

func TestOpenRefusesNewerDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "redress.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	newCase(t, s, "from the future")
	if _, err := s.DB().Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before := fileSum(t, path, path+"-wal")
	_, err = Open(ctx, path)
	if key := langKey(err); key != "store.too-new" {
		t.Fatalf("Open(newer db) = %v, want store.too-new", err)
	}
	if !strings.Contains(lang.EN.Err(err), "newer version of Redress") {
		t.Errorf("message = %q", lang.EN.Err(err))
	}
	if after := fileSum(t, path, path+"-wal"); after != before {
		t.Errorf("the newer database was modified")
	}
}

func TestOpenRefusesNonSQLite(t *testing.T) {
	tests := []struct {
		name    string
		content []byte
		dir     bool
		key     string
	}{
		{"text file", []byte("these are my notes, not a database\n"), false, "store.not-sqlite"},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), false, "store.not-sqlite"},
		{"directory", nil, true, "store.is-dir"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "redress.db")
			if tt.dir {
				os.Mkdir(path, 0o700)
			} else {
				os.WriteFile(path, tt.content, 0o600)
			}
			_, err := Open(ctx, path)
			if key := langKey(err); key != tt.key {
				t.Fatalf("Open = %v, want %s", err, tt.key)
			}
			if !tt.dir {
				got, _ := os.ReadFile(path)
				if !bytes.Equal(got, tt.content) {
					t.Errorf("file was modified")
				}
				if _, err := os.Stat(path + "-wal"); err == nil {
					t.Errorf("a -wal file was created next to a non-database")
				}
			}
		})
	}
}

func TestCaseLifecycle(t *testing.T) {
	s := openTest(t)
	c := newCase(t, s, "OKPay 提现延迟")
	got, err := s.Case(ctx, c.ID)
	if err != nil || got.Title != "OKPay 提现延迟" || got.Amount != c.Amount || got.Status != evidence.Open || got.Version != 1 {
		t.Fatalf("Case() = %+v, %v", got, err)
	}
	got.Title = "OKPay 提现延迟五天"
	got.Status = evidence.Escalated
	if err := s.UpdateCase(ctx, &got); err != nil {
		t.Fatal(err)
	}
	if got.Version != 2 {
		t.Errorf("version after update = %d, want 2", got.Version)
	}
	hist, err := s.CaseHistory(ctx, c.ID)
	if err != nil || len(hist) != 1 || hist[0].Title != "OKPay 提现延迟" || hist[0].Status != evidence.Open {
		t.Fatalf("CaseHistory = %+v, %v", hist, err)
	}
	bad := got
	bad.Problem = "nonsense"
	if err := s.UpdateCase(ctx, &bad); len(evidence.Fields(err)) == 0 {
		t.Errorf("UpdateCase(bad problem) = %v, want a field error", err)
	}
	if err := s.ArchiveCase(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	list, _ := s.Cases(ctx, false)
	if len(list) != 0 {
		t.Errorf("archived case still listed: %+v", list)
	}
	list, _ = s.Cases(ctx, true)
	if len(list) != 1 || list[0].Archived == nil {
		t.Errorf("Cases(archived) = %+v", list)
	}
	if err := s.RestoreCase(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if list, _ = s.Cases(ctx, false); len(list) != 1 {
		t.Errorf("restored case not listed")
	}
	rep, err := s.VerifyLog(ctx)
	if err != nil || !rep.OK() || rep.Entries != 4 {
		t.Errorf("VerifyLog = %+v, %v; want ok with 4 entries", rep, err)
	}
}

func TestResolveCase(t *testing.T) {
	s := openTest(t)
	ids := []string{"aaaa1111-0000-4000-8000-000000000001", "aaaa2222-0000-4000-8000-000000000002", "bbbb3333-0000-4000-8000-000000000003"}
	for _, id := range ids {
		c := evidence.Case{ID: id, Title: "t", Provider: "p", Problem: evidence.OtherProblem, Jurisdiction: evidence.EU}
		if err := s.CreateCase(ctx, &c); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		ref, want, key string
	}{
		{ids[0], ids[0], ""},
		{"aaaa1", ids[0], ""},
		{"BBBB", ids[2], ""},
		{"aaaa", "", "case.ambiguous"},
		{"cccc", "", "case.not-found"},
		{"a%", "", "case.not-found"},
		{"", "", "case.ref-empty"},
	}
	for _, tt := range tests {
		got, err := s.ResolveCase(ctx, tt.ref)
		if got != tt.want || langKey(err) != tt.key {
			t.Errorf("ResolveCase(%q) = %q, %v; want %q, %s", tt.ref, got, err, tt.want, tt.key)
		}
	}
}

func TestEventRoundTripKeepsOffsetAndFields(t *testing.T) {
	s := openTest(t)
	c := newCase(t, s, "case")
	at := time.Date(2026, 11, 20, 23, 30, 15, 0, shanghai)
	by := time.Date(2026, 11, 21, 18, 0, 0, 0, shanghai)
	e := addEvent(t, s, evidence.Event{CaseID: c.ID, Kind: evidence.KindContact, At: at,
		Summary: "客服说 24 小时内退款", Reference: "T-8899", Tags: []string{"Support", "电话"},
		Contact: &evidence.Contact{Channel: evidence.Phone, Agent: "王小姐 #1024", Duration: 12 * time.Minute,
			Promise: "24小时内到账", PromiseBy: &by}})
	got, err := s.Event(ctx, e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !got.At.Equal(at) || got.Offset() != 8*3600 || got.At.Format(time.RFC3339) != "2026-11-20T23:30:15+08:00" {
		t.Errorf("At = %v (offset %d), want %v", got.At, got.Offset(), at)
	}
	if got.Recorded.IsZero() || got.Recorded.Location() != time.UTC {
		t.Errorf("Recorded = %v", got.Recorded)
	}
	c2 := got.Contact
	if c2 == nil || c2.Agent != "王小姐 #1024" || c2.Duration != 12*time.Minute || c2.Direction != evidence.Outbound ||
		c2.PromiseBy == nil || !c2.PromiseBy.Equal(by) || got.Reference != "T-8899" {
		t.Errorf("contact = %+v", c2)
	}
	if !slices.Equal(got.Tags, []string{"support", "电话"}) {
		t.Errorf("tags = %q", got.Tags)
	}
	var raw int64
	s.DB().QueryRow("SELECT at_utc FROM events WHERE id = ?", e.ID).Scan(&raw)
	if raw != at.UTC().UnixMilli() {
		t.Errorf("at_utc = %d, want UTC %d", raw, at.UTC().UnixMilli())
	}
}

func TestEventEditKeepsHistoryAndArchiveRestores(t *testing.T) {
	s := openTest(t)
	c := newCase(t, s, "case")
	e := addEvent(t, s, evidence.Event{CaseID: c.ID, Kind: evidence.KindNote, At: time.Now(), Summary: "第一版"})
	e.Summary = "第二版"
	if err := s.UpdateEvent(ctx, &e); err != nil {
		t.Fatal(err)
	}
	e.Summary = "第三版"
	if err := s.UpdateEvent(ctx, &e); err != nil {
		t.Fatal(err)
	}
	hist, err := s.EventHistory(ctx, e.ID)
	if err != nil || len(hist) != 2 || hist[0].Summary != "第一版" || hist[1].Summary != "第二版" || e.Version != 3 {
		t.Fatalf("history = %+v, %v; version %d", hist, err, e.Version)
	}
	changeKind := e
	changeKind.Kind = evidence.KindContact
	changeKind.Contact = &evidence.Contact{Channel: evidence.Phone}
	if err := s.UpdateEvent(ctx, &changeKind); len(evidence.Fields(err)) == 0 {
		t.Errorf("changing an event's kind = %v, want refused", err)
	}
	if err := s.ArchiveEvent(ctx, e.ID); err != nil {
		t.Fatal(err)
	}
	if evs, _ := s.Timeline(ctx, c.ID, Query{}); len(evs) != 0 {
		t.Errorf("archived event still in timeline")
	}
	if hits, _, _ := s.Search(ctx, "第三版", "", 0); len(hits) != 0 {
		t.Errorf("archived event found by search: %+v", hits)
	}
	if evs, _ := s.Timeline(ctx, c.ID, Query{Archived: true}); len(evs) != 1 || evs[0].Archived == nil {
		t.Errorf("Timeline(Archived) = %+v", evs)
	}
	if err := s.RestoreEvent(ctx, e.ID); err != nil {
		t.Fatal(err)
	}
	if hits, _, _ := s.Search(ctx, "第三版", "", 0); len(hits) != 1 {
		t.Errorf("restored event not found by search: %+v", hits)
	}
	if rep, err := s.VerifyLog(ctx); err != nil || !rep.OK() {
		t.Errorf("VerifyLog = %+v, %v", rep, err)
	}
}

func pngBytes(t *testing.T, w, h int) []byte {
	t.Helper()
	// A minimal valid PNG header (IHDR) is enough for DecodeConfig.
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := []byte{0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, byte(w >> 8), byte(w), 0, 0, byte(h >> 8), byte(h), 8, 2, 0, 0, 0}
	b.Write(ihdr)
	crc := crc32IEEE(ihdr[4:])
	b.Write([]byte{byte(crc >> 24), byte(crc >> 16), byte(crc >> 8), byte(crc)})
	b.Write(bytes.Repeat([]byte{0x42}, 3000))
	return b.Bytes()
}

func TestAttachmentsKeepOriginalBytes(t *testing.T) {
	s := openTest(t)
	c := newCase(t, s, "case")
	png := pngBytes(t, 1080, 2340)
	pdf := append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte("statement "), 300000)...) // ~3 MB, several chunks
	e := addEvent(t, s, evidence.Event{CaseID: c.ID, Kind: evidence.KindScreenshot, At: time.Now()},
		bytesFile("screenshot.pdf", png), bytesFile("账单.png", pdf), bytesFile("copy.png", png))
	if len(e.Attachments) != 3 {
		t.Fatalf("attachments = %+v", e.Attachments)
	}
	a := e.Attachments[0]
	sum := sha256.Sum256(png)
	if a.MediaType != "image/png" || a.Width != 1080 || a.Height != 2340 || a.Size != int64(len(png)) ||
		a.SHA256 != hex.EncodeToString(sum[:]) || a.Name != "screenshot.pdf" {
		t.Errorf("attachment 0 = %+v", a)
	}
	if e.Attachments[1].MediaType != "application/pdf" {
		t.Errorf("attachment 1 type = %s, want application/pdf (from content)", e.Attachments[1].MediaType)
	}
	for i, want := range [][]byte{png, pdf, png} {
		got, _, err := s.ReadAttachment(ctx, e.Attachments[i].ID)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("ReadAttachment(%d) = %d bytes, %v; want the original %d bytes", i, len(got), err, len(want))
		}
	}
	var blobs int
	s.DB().QueryRow("SELECT COUNT(*) FROM blobs").Scan(&blobs)
	if blobs != 2 {
		t.Errorf("blobs = %d, want 2 (identical files stored once)", blobs)
	}
	// Alter the stored bytes behind the store's back: reading must refuse.
	if _, err := s.DB().Exec("UPDATE blob_chunks SET data = ? WHERE sha256 = ? AND seq = 1", []byte("forged"), e.Attachments[1].SHA256); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.ReadAttachment(ctx, e.Attachments[1].ID); langKey(err) != "attachment.damaged" {
		t.Errorf("ReadAttachment(altered) = %v, want attachment.damaged", err)
	}
}

func TestAttachRefusesBadFiles(t *testing.T) {
	s := openTest(t, WithMaxAttachment(1000))
	c := newCase(t, s, "case")
	tests := []struct {
		name string
		f    File
		key  string
	}{
		{"empty", bytesFile("empty.png", nil), "file.empty"},
		{"too big", bytesFile("big.png", make([]byte, 1001)), "file.too-big"},
		{"unreadable", File{Name: "gone.png", Open: func() (io.ReadCloser, error) { return nil, os.ErrPermission }}, "file.unreadable"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := evidence.Event{CaseID: c.ID, Kind: evidence.KindScreenshot, At: time.Now()}
			err := s.AddEvent(ctx, &e, []File{bytesFile("ok.png", []byte("fine")), tt.f})
			if langKey(err) != tt.key {
				t.Fatalf("AddEvent = %v, want %s", err, tt.key)
			}
			if !strings.Contains(lang.EN.Err(err), tt.f.Name) {
				t.Errorf("message %q does not name the file", lang.EN.Err(err))
			}
			assertCounts(t, s, 0, 0, 0)
		})
	}
}

// assertCounts checks the number of events, attachments and blobs.
func assertCounts(t *testing.T, s *Store, events, attachments, blobs int) {
	t.Helper()
	var n [3]int
	for i, table := range []string{"events", "attachments", "blobs"} {
		s.DB().QueryRow("SELECT COUNT(*) FROM " + table).Scan(&n[i])
	}
	if n != [3]int{events, attachments, blobs} {
		t.Errorf("events, attachments, blobs = %v, want %v", n, [3]int{events, attachments, blobs})
	}
}

func TestEventAndFilesCommitTogether(t *testing.T) {
	s := openTest(t)
	c := newCase(t, s, "case")
	var entries int
	s.DB().QueryRow("SELECT COUNT(*) FROM audit").Scan(&entries)
	// The second file changes between hashing and storing: the whole event,
	// including the first file's bytes, must be rolled back.
	calls := 0
	changing := File{Name: "changing.png", Open: func() (io.ReadCloser, error) {
		calls++
		return io.NopCloser(strings.NewReader(strings.Repeat("x", 100*calls))), nil
	}}
	e := evidence.Event{CaseID: c.ID, Kind: evidence.KindScreenshot, At: time.Now()}
	err := s.AddEvent(ctx, &e, []File{bytesFile("a.png", []byte("first file")), changing})
	if langKey(err) != "file.changed" {
		t.Fatalf("AddEvent = %v, want file.changed", err)
	}
	assertCounts(t, s, 0, 0, 0)
	var after int
	s.DB().QueryRow("SELECT COUNT(*) FROM audit").Scan(&after)
	if after != entries {
		t.Errorf("audit entries %d -> %d after a failed add", entries, after)
	}
	e2 := evidence.Event{CaseID: "no-such-case", Kind: evidence.KindNote, At: time.Now(), Summary: "x"}
	if err := s.AddEvent(ctx, &e2, nil); langKey(err) != "case.not-found" {
		t.Errorf("AddEvent(unknown case) = %v, want case.not-found", err)
	}
}

func TestAuditLogDetectsTampering(t *testing.T) {
	setup := func(t *testing.T) (*Store, evidence.Event) {
		s := openTest(t)
		c := newCase(t, s, "case")
		e := addEvent(t, s, evidence.Event{CaseID: c.ID, Kind: evidence.KindNote, At: time.Now(), Summary: "原始内容"})
		addEvent(t, s, evidence.Event{CaseID: c.ID, Kind: evidence.KindNote, At: time.Now(), Summary: "second"})
		if rep, err := s.VerifyLog(ctx); err != nil || !rep.OK() || rep.Entries != 3 {
			t.Fatalf("VerifyLog before tampering = %+v, %v", rep, err)
		}
		return s, e
	}
	t.Run("append-only", func(t *testing.T) {
		s, _ := setup(t)
		if _, err := s.DB().Exec("UPDATE audit SET action = 'x' WHERE seq = 1"); err == nil {
			t.Error("UPDATE on the audit log succeeded")
		}
		if _, err := s.DB().Exec("DELETE FROM audit WHERE seq = 1"); err == nil {
			t.Error("DELETE on the audit log succeeded")
		}
	})
	tests := []struct {
		name  string
		sql   []string
		wants string
	}{
		{"event edited behind our back", []string{"UPDATE events SET summary = '篡改' WHERE summary = '原始内容'"}, "audit.changed"},
		{"event inserted behind our back", []string{`INSERT INTO events (id, case_id, kind, at_utc, at_offset, recorded_at, updated_at)
			SELECT 'forged', case_id, 'note', 0, 0, 0, 0 FROM events LIMIT 1`}, "audit.unlogged"},
		{"entry rewritten", []string{"DROP TRIGGER audit_no_update", "UPDATE audit SET detail = replace(detail, '原始', '伪造') WHERE seq = 2"}, "audit.bad-hash"},
		{"entry removed", []string{"DROP TRIGGER audit_no_delete", "DELETE FROM audit WHERE seq = 2"}, "audit.gap"},
		{"last entry removed", []string{"DROP TRIGGER audit_no_delete", "DELETE FROM audit WHERE seq = 3"}, "audit.unlogged"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := setup(t)
			for _, q := range tt.sql {
				if _, err := s.DB().Exec(q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			rep, err := s.VerifyLog(ctx)
			if err != nil {
				t.Fatal(err)
			}
			var keys []string
			for _, p := range rep.Problems {
				keys = append(keys, p.Key)
			}
			if !slices.Contains(keys, tt.wants) {
				t.Errorf("VerifyLog problems = %v, want %s among them", keys, tt.wants)
			}
		})
	}
}

func TestSearch(t *testing.T) {
	s := openTest(t)
	a := newCase(t, s, "OKPay 充值未到账")
	b := newCase(t, s, "Withdrawal stuck at WalletX")
	at := time.Date(2026, 11, 20, 10, 0, 0, 0, shanghai)
	e1 := addEvent(t, s, evidence.Event{CaseID: a.ID, Kind: evidence.KindContact, At: at, Summary: "客服说24小时内退款",
		Reference: "TK-2026-0042", Contact: &evidence.Contact{Channel: evidence.Chat, Agent: "Agent Lily"}})
	e2 := addEvent(t, s, evidence.Event{CaseID: b.ID, Kind: evidence.KindNote, At: at.Add(time.Hour), Summary: "Refund promised by email",
		Tags: []string{"bank-statement"}})
	e3 := addEvent(t, s, evidence.Event{CaseID: b.ID, Kind: evidence.KindTransaction, At: at.Add(2 * time.Hour),
		Transaction: &evidence.Transaction{TxID: "WX20261120ABCDEF", Counterparty: "招商银行"}})
	tests := []struct {
		query, caseID string
		want          []string
	}{
		{"退款", "", []string{e1.ID}},
		{"小时", "", []string{e1.ID}},
		{"款", "", []string{e1.ID}},
		{"24小时", "", []string{e1.ID}},
		{"客服 退款", "", []string{e1.ID}},
		{"退客", "", nil},
		{"refund", "", []string{e2.ID}},
		{"REF", "", []string{e2.ID}},
		{"lily", "", []string{e1.ID}},
		{"TK-2026-0042", "", []string{e1.ID}},
		{"bank-statement", "", []string{e2.ID}},
		{"WX20261120", "", []string{e3.ID}},
		{"招商", "", []string{e3.ID}},
		{"充值", "", []string{"case:" + a.ID}},
		{"okpay", "", []string{"case:" + a.ID, "case:" + b.ID}},
		{"refund", a.ID, nil},
		{"\"*:()", "", nil},
		{"", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			hits, _, err := s.Search(ctx, tt.query, tt.caseID, 0)
			if err != nil {
				t.Fatalf("Search(%q) error %v", tt.query, err)
			}
			var got []string
			for _, h := range hits {
				if h.EventID == "" {
					got = append(got, "case:"+h.CaseID)
				} else {
					got = append(got, h.EventID)
				}
			}
			slices.Sort(got)
			want := slices.Clone(tt.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("Search(%q) = %v, want %v", tt.query, got, want)
			}
		})
	}
}

func TestTimelineOrderFilterAndPaging(t *testing.T) {
	s := openTest(t)
	c := newCase(t, s, "case")
	base := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	var ids []string
	for i := 0; i < 7; i++ {
		e := evidence.Event{CaseID: c.ID, At: base.Add(time.Duration(i) * time.Hour).In(shanghai), Summary: "记录"}
		if i%2 == 0 {
			e.Kind = evidence.KindNote
		} else {
			e.Kind, e.Contact = evidence.KindContact, &evidence.Contact{Channel: evidence.Email}
		}
		ids = append(ids, addEvent(t, s, e).ID)
	}
	idsOf := func(evs []evidence.Event) []string {
		var out []string
		for _, e := range evs {
			out = append(out, e.ID)
		}
		return out
	}
	rev := slices.Clone(ids)
	slices.Reverse(rev)
	tests := []struct {
		name string
		q    Query
		want []string
	}{
		{"newest first", Query{}, rev},
		{"oldest first", Query{OldestFirst: true}, ids},
		{"first page", Query{Limit: 3}, rev[:3]},
		{"second page", Query{Limit: 3, Offset: 3}, rev[3:6]},
		{"contacts", Query{Kinds: []evidence.Kind{evidence.KindContact}, OldestFirst: true}, []string{ids[1], ids[3], ids[5]}},
		{"text", Query{Text: "记录", Limit: 2}, rev[:2]},
		{"text no match", Query{Text: "无关"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs, err := s.Timeline(ctx, c.ID, tt.q)
			if got := idsOf(evs); err != nil || !slices.Equal(got, tt.want) {
				t.Errorf("Timeline(%+v) = %v, %v; want %v", tt.q, got, err, tt.want)
			}
		})
	}
	if n, err := s.Count(ctx, c.ID, Query{Kinds: []evidence.Kind{evidence.KindNote}}); n != 4 || err != nil {
		t.Errorf("Count(notes) = %d, %v; want 4", n, err)
	}
	list, _ := s.Cases(ctx, false)
	if len(list) != 1 || list[0].Events != 7 || list[0].LastEvent == nil || !list[0].LastEvent.Equal(base.Add(6*time.Hour)) {
		t.Errorf("case summary = %+v", list)
	}
}

func TestIntegrityCheck(t *testing.T) {
	s := openTest(t)
	newCase(t, s, "case")
	if problems, err := s.IntegrityCheck(ctx); err != nil || len(problems) != 0 {
		t.Errorf("IntegrityCheck = %v, %v", problems, err)
	}
}

func TestOpenPathWithSpecialCharacters(t *testing.T) {
	for _, name := range []string{"a?b", "证据 #1", "100%done"} {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), name)
			os.Mkdir(dir, 0o700)
			path := filepath.Join(dir, "redress.db")
			s, err := Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			newCase(t, s, "x")
			s.Close()
			entries, _ := os.ReadDir(filepath.Dir(dir))
			if len(entries) != 1 {
				t.Errorf("files beside the data folder: %v", entries)
			}
			if st, err := os.Stat(path); err != nil || st.Size() == 0 {
				t.Errorf("database not written at %s: %v", path, err)
			}
		})
	}
}

func TestSearchLimitIgnoresArchivedCases(t *testing.T) {
	s := openTest(t)
	active := newCase(t, s, "active")
	archived := newCase(t, s, "archived")
	base := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	for i := 0; i < 5; i++ {
		addEvent(t, s, evidence.Event{CaseID: active.ID, Kind: evidence.KindNote, At: base.Add(time.Duration(i) * time.Minute), Summary: "退款"})
		addEvent(t, s, evidence.Event{CaseID: archived.ID, Kind: evidence.KindNote, At: base.Add(time.Hour + time.Duration(i)*time.Minute), Summary: "退款"})
	}
	if err := s.ArchiveCase(ctx, archived.ID); err != nil {
		t.Fatal(err)
	}
	hits, _, err := s.Search(ctx, "退款", "", 3)
	if err != nil || len(hits) != 3 {
		t.Fatalf("Search limit 3 = %d hits, %v; want 3 from the active case", len(hits), err)
	}
	for _, h := range hits {
		if h.CaseID != active.ID {
			t.Errorf("hit from archived case: %+v", h)
		}
	}
}

func TestMigrationKeepsData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "redress.db")
	ms, err := migrations()
	if err != nil || len(ms) < 2 {
		t.Fatalf("migrations = %d, %v", len(ms), err)
	}
	// A database as version 1 left it, with a case in it.
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{ms[0].sql, "PRAGMA user_version = 1",
		`INSERT INTO cases (id, title, provider, problem, jurisdiction, language, status, created_at, updated_at)
		 VALUES ('c1', '旧案件', 'OKPay', 'other', 'CN', 'zh', 'open', 1, 1)`} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var v int
	s.DB().QueryRow("PRAGMA user_version").Scan(&v)
	if v != SchemaVersion() {
		t.Errorf("version after migration = %d, want %d", v, SchemaVersion())
	}
	if c, err := s.Case(ctx, "c1"); err != nil || c.Title != "旧案件" {
		t.Errorf("case after migration = %+v, %v", c, err)
	}
	if err := s.SetOverride(ctx, "c1", "complaint-reply", "20bd"); err != nil {
		t.Errorf("the new tables do not work: %v", err)
	}
}

func TestSettingsDraftsAndDossiers(t *testing.T) {
	s := openTest(t)
	c := newCase(t, s, "case")
	if err := s.SetOverride(ctx, c.ID, "complaint-reply", "20bd"); err != nil {
		t.Fatal(err)
	}
	if o, _ := s.Overrides(ctx, c.ID); o["complaint-reply"] != "20bd" {
		t.Errorf("overrides = %v", o)
	}
	s.SetOverride(ctx, c.ID, "complaint-reply", "")
	if o, _ := s.Overrides(ctx, c.ID); len(o) != 0 {
		t.Errorf("override not removed: %v", o)
	}
	s.SetChecklist(ctx, c.ID, "bank-statement", true)
	if cl, _ := s.Checklist(ctx, c.ID); !cl["bank-statement"] {
		t.Errorf("checklist = %v", cl)
	}
	s.SaveDraft(ctx, c.ID, "provider", "zh", "第一稿")
	d2, err := s.SaveDraft(ctx, c.ID, "provider", "zh", "第二稿")
	if err != nil || d2.Version != 2 {
		t.Fatalf("SaveDraft = %+v, %v", d2, err)
	}
	if d, ok, _ := s.Draft(ctx, c.ID, "provider", "zh"); !ok || d.Text != "第二稿" {
		t.Errorf("Draft = %+v, %v", d, ok)
	}
	if _, ok, _ := s.Draft(ctx, c.ID, "regulator", "en"); ok {
		t.Error("a missing draft was found")
	}
	if all, _ := s.Drafts(ctx, c.ID); len(all) != 2 || all[0].Text != "第一稿" {
		t.Errorf("Drafts = %+v", all)
	}
	if err := s.SetHolidays(ctx, "CN", []Holiday{{Day: "2026-10-01", Name: "国庆节"}, {Day: "2026-10-10", Name: "补班", Working: true}}, nil); err != nil {
		t.Fatal(err)
	}
	if hs, _ := s.Holidays(ctx, "CN"); len(hs) != 2 || !hs[1].Working {
		t.Errorf("holidays = %+v", hs)
	}
	rec := DossierRecord{ID: evidence.NewID(), CaseID: c.ID, Recipient: "provider", Language: "zh", SHA256: strings.Repeat("a", 64), Size: 10, Pages: 3}
	if err := s.RecordDossier(ctx, &rec); err != nil {
		t.Fatal(err)
	}
	if ds, _ := s.Dossiers(ctx, c.ID); len(ds) != 1 || ds[0].Pages != 3 {
		t.Errorf("dossiers = %+v", ds)
	}
	if rep, err := s.VerifyLog(ctx); err != nil || !rep.OK() {
		t.Errorf("VerifyLog = %+v, %v", rep, err)
	}
}
