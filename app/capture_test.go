package app

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"redress/evidence"
	"redress/internal/testtool"
	"redress/letters"
	"redress/store"
)

var cst = time.FixedZone("CST", 8*3600)

// photoFile copies a picture from the photo package's fixtures into dir,
// with the given modification time.
func photoFile(t *testing.T, dir, name string, mod time.Time) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "photo", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if !mod.IsZero() {
		if err := os.Chtimes(p, mod, mod); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

// captureCase is a case whose first event was recorded at +08:00: its zone.
func captureCase(t *testing.T, a *App) evidence.Case {
	t.Helper()
	c, err := a.NewCase(ctx, CaseInput{Title: "Top-up lost", Provider: "OKPay", Problem: "topup-not-credited", Jurisdiction: "CN", Language: "zh"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.AddEvent(ctx, c.ID, EventInput{Kind: "note", Summary: "self-check", At: "2025-11-20T09:00:00+08:00"}); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestAttachKeepsCaptureTimeBesideImportTime(t *testing.T) {
	now := time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC)
	a := openApp(t, WithClock(func() time.Time { return now }), WithLocation(time.UTC))
	c := captureCase(t, a)
	dir := t.TempDir()
	mod := time.Date(2025, 12, 24, 18, 0, 0, 0, time.UTC)
	tests := []struct {
		file       string
		wantSource string
		wantTag    string
		wantKnown  bool
		wantTaken  string // the capture time as Taken's JSON writes it
		wantAt     string // the event's time (RFC 3339)
	}{
		{"jpeg-offset.jpg", evidence.TakenEXIF, "DateTimeOriginal", true, "2025-11-25T10:30:00.125+08:00", "2025-11-25T10:30:00.125+08:00"},
		// No offset in the file: the clock reading is placed in the case's
		// zone (+08:00, from its first event), not read as UTC.
		{"jpeg-no-offset.jpg", evidence.TakenEXIF, "DateTimeOriginal", false, "2025-11-25T10:30:00", "2025-11-25T10:30:00+08:00"},
		{"png-time.png", evidence.TakenPNGTime, "tIME", true, "2025-11-25T02:30:00Z", "2025-11-25T02:30:00Z"},
		// The modification time is kept, labelled, but does not move the
		// entry: the event is at the time it was added.
		{"jpeg-plain.jpg", evidence.TakenFileTime, "", true, "2025-12-24T18:00:00Z", "2026-01-15T12:00:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			e, err := a.Attach(ctx, c.ID, []string{photoFile(t, dir, tt.file, mod)}, AttachInput{})
			if err != nil {
				t.Fatal(err)
			}
			got, err := a.Event(ctx, e.ID)
			if err != nil {
				t.Fatal(err)
			}
			at := got.Attachments[0]
			if at.Taken == nil {
				t.Fatalf("Attach(%s): no capture time stored", tt.file)
			}
			j, _ := json.Marshal(at.Taken)
			var tj struct{ At string }
			json.Unmarshal(j, &tj)
			if at.Taken.Source != tt.wantSource || at.Taken.Tag != tt.wantTag || at.Taken.OffsetKnown != tt.wantKnown || tj.At != tt.wantTaken {
				t.Errorf("Attach(%s) taken = %s, want %s %s known=%v %s", tt.file, j, tt.wantSource, tt.wantTag, tt.wantKnown, tt.wantTaken)
			}
			if g := got.At.Format(time.RFC3339Nano); g != tt.wantAt {
				t.Errorf("Attach(%s) event time = %s, want %s (the capture time)", tt.file, g, tt.wantAt)
			}
			if !at.Imported.Equal(now) {
				t.Errorf("Attach(%s) imported = %v, want %v", tt.file, at.Imported, now)
			}
		})
	}
	t.Run("a PDF has none", func(t *testing.T) {
		p := filepath.Join(dir, "letter.pdf")
		os.WriteFile(p, []byte("%PDF-1.4\n%%EOF\n"), 0o600)
		e, err := a.Attach(ctx, c.ID, []string{p}, AttachInput{})
		if err != nil {
			t.Fatal(err)
		}
		if e.Attachments[0].Taken != nil || !e.At.Equal(now) {
			t.Errorf("Attach(pdf) = taken %+v at %v, want none at now", e.Attachments[0].Taken, e.At)
		}
	})
	t.Run("an explicit time wins", func(t *testing.T) {
		e, err := a.Attach(ctx, c.ID, []string{photoFile(t, dir, "jpeg-offset.jpg", mod)}, AttachInput{At: "2025-11-26T08:00:00+08:00"})
		if err != nil {
			t.Fatal(err)
		}
		if e.At.Format(time.RFC3339) != "2025-11-26T08:00:00+08:00" || e.Attachments[0].Taken == nil {
			t.Errorf("Attach(--at) = %v taken %v, want the time given and the capture time kept", e.At, e.Attachments[0].Taken)
		}
	})
}

// A photo whose camera wrote no offset sorts by its clock reading in the
// case's zone: 10:30 at +08:00 is 02:30 UTC, before a note at 03:00 UTC.
// Read as UTC it would come after it.
func TestTimelineOrdersByCaptureTimeInCaseZone(t *testing.T) {
	now := time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC)
	a := openApp(t, WithClock(func() time.Time { return now }), WithLocation(time.UTC))
	c := captureCase(t, a)
	note, err := a.AddEvent(ctx, c.ID, EventInput{Kind: "note", Summary: "called at 11:00 Beijing time", At: "2025-11-25T03:00:00Z"})
	if err != nil {
		t.Fatal(err)
	}
	photo, err := a.Attach(ctx, c.ID, []string{photoFile(t, t.TempDir(), "jpeg-no-offset.jpg", time.Time{})}, AttachInput{})
	if err != nil {
		t.Fatal(err)
	}
	evs, err := a.Timeline(ctx, c.ID, Query{OldestFirst: true})
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, e := range evs {
		order = append(order, e.ID)
	}
	if len(order) != 3 || order[1] != photo.ID || order[2] != note.ID {
		t.Errorf("timeline = %v, want [self-check, photo %s, note %s]", order, photo.ID[:8], note.ID[:8])
	}
}

func TestAttachPictureKeepsBytesAndPasteTime(t *testing.T) {
	now := time.Date(2026, 11, 28, 1, 2, 3, 0, time.UTC)
	a := openApp(t, WithClock(func() time.Time { return now }), WithLocation(cst))
	c := captureCase(t, a)
	png, err := os.ReadFile(filepath.Join("..", "photo", "testdata", "png-time.png"))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(png)
	tests := []struct {
		name string
		in   Picture
		want string // the stored name
	}{
		{"pasted PNG", Picture{PNG: png, Source: evidence.TakenClipboard}, "pasted-2026-11-28-090203.png"},
		{"pasted bitmap", Picture{PNG: png, Source: evidence.TakenClipboard, ConvertedFrom: "image/bmp"}, "pasted-2026-11-28-090203.png"},
		{"screenshot", Picture{PNG: png, Source: evidence.TakenScreen}, "screenshot-2026-11-28-090203.png"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := a.AttachPicture(ctx, c.ID, tt.in)
			if err != nil {
				t.Fatal(err)
			}
			at := e.Attachments[0]
			if at.SHA256 != hex.EncodeToString(sum[:]) || at.Name != tt.want || e.Kind != evidence.KindScreenshot {
				t.Errorf("AttachPicture = %s %s %s, want %x %s screenshot", at.SHA256, at.Name, e.Kind, sum, tt.want)
			}
			// The paste's time, not the PNG's own tIME chunk.
			tk := at.Taken
			if tk == nil || tk.Source != tt.in.Source || !tk.At.Equal(now) || !tk.OffsetKnown || tk.ConvertedFrom != tt.in.ConvertedFrom || !e.At.Equal(now) {
				t.Errorf("AttachPicture taken = %+v at %v, want %s at %v converted from %q", tk, e.At, tt.in.Source, now, tt.in.ConvertedFrom)
			}
			data, _, err := a.ReadAttachment(ctx, at.ID)
			if err != nil || !bytes.Equal(data, png) {
				t.Errorf("stored bytes differ from the picture (%v)", err)
			}
		})
	}
	if _, err := a.AttachPicture(ctx, c.ID, Picture{}); err == nil {
		t.Error("AttachPicture(no bytes) = nil error, want one")
	}
}

// downgrade turns a data folder's database back into the schema before
// the capture migration (0005_capture.sql, whatever its number becomes
// when branches merge): the state of a database written before capture
// times existed. It undoes that migration only, so it must be the newest.
func downgrade(t *testing.T, dbPath string) {
	t.Helper()
	db, err := sql.Open("sqlite", dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v int
	if err := db.QueryRow(`SELECT version FROM schema_migrations WHERE name LIKE '%\_capture.sql' ESCAPE '\'`).Scan(&v); err != nil {
		t.Fatalf("the capture migration is not recorded: %v", err)
	}
	if v != store.SchemaVersion() {
		t.Fatalf("the capture migration is %d of %d: downgrade must also undo the later ones", v, store.SchemaVersion())
	}
	for _, q := range []string{
		"DROP INDEX attachments_taken_pending", "DROP INDEX events_email_key",
		"ALTER TABLE attachments DROP COLUMN taken_at", "ALTER TABLE attachments DROP COLUMN taken_offset",
		"ALTER TABLE attachments DROP COLUMN taken_offset_known", "ALTER TABLE attachments DROP COLUMN taken_source",
		"ALTER TABLE attachments DROP COLUMN taken_tag", "ALTER TABLE attachments DROP COLUMN taken_converted_from",
		fmt.Sprintf("DELETE FROM schema_migrations WHERE version >= %d", v), fmt.Sprintf("PRAGMA user_version = %d", v-1),
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// Files stored before schema 5 get their capture time from their stored
// bytes when the data folder is next opened, in an audited transaction:
// verify-log still finds the database complete, and nothing else changed.
func TestOpenFillsCaptureTimesOfOlderFiles(t *testing.T) {
	now := time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC)
	dir := filepath.Join(t.TempDir(), "data")
	a, err := Open(ctx, dir, WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	c := captureCase(t, a)
	pics := map[string][]byte{}
	var files []store.File
	for _, name := range []string{"jpeg-offset.jpg", "png-exif.png", "garbage.bin"} {
		data, err := os.ReadFile(filepath.Join("..", "photo", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		pics[name] = data
		files = append(files, store.File{Name: name, Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }})
	}
	// As an older Redress stored them: no capture time.
	e := evidence.Event{CaseID: c.ID, Kind: evidence.KindScreenshot, At: now}
	if err := a.store.AddEvent(ctx, &e, files); err != nil {
		t.Fatal(err)
	}
	before, err := a.VerifyLog(ctx)
	if err != nil || !before.OK() {
		t.Fatalf("VerifyLog before = %+v, %v", before.Problems, err)
	}
	a.Close()
	downgrade(t, filepath.Join(dir, DBName))

	a, err = Open(ctx, dir, WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	got, err := a.Event(ctx, e.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"jpeg-offset.jpg": "exif DateTimeOriginal 2025-11-25T10:30:00.125+08:00",
		"png-exif.png": "png-exif DateTimeOriginal 2025-11-25T10:30:00+08:00", "garbage.bin": "none"}
	for _, at := range got.Attachments {
		g := "none"
		if at.Taken != nil {
			j, _ := json.Marshal(at.Taken)
			var tj struct{ At, Source, Tag string }
			json.Unmarshal(j, &tj)
			g = tj.Source + " " + tj.Tag + " " + tj.At
		}
		if g != want[at.Name] {
			t.Errorf("after the upgrade %s taken = %s, want %s", at.Name, g, want[at.Name])
		}
		data, _, err := a.ReadAttachment(ctx, at.ID)
		if err != nil || !bytes.Equal(data, pics[at.Name]) {
			t.Errorf("after the upgrade %s bytes differ (%v)", at.Name, err)
		}
	}
	rep, err := a.VerifyLogDeep(ctx)
	if err != nil || !rep.OK() {
		t.Fatalf("VerifyLog after = %+v, %v", rep.Problems, err)
	}
	if rep.Entries != before.Entries+1 {
		t.Errorf("audit entries = %d, want %d (one derive entry for the event)", rep.Entries, before.Entries+1)
	}
	hist, _ := a.EventHistory(ctx, e.ID)
	if len(hist) != 0 || got.Version != 1 {
		t.Errorf("the event got versions %d, history %d: working out capture times is no edit", got.Version, len(hist))
	}
	a.Close()
	a, err = Open(ctx, dir, WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	again, _ := a.VerifyLog(ctx)
	if again.Entries != rep.Entries {
		t.Errorf("a second open wrote %d more audit entries, want none", again.Entries-rep.Entries)
	}
	pending, _ := a.store.PendingTaken(ctx)
	if len(pending) != 0 {
		t.Errorf("pending after open = %d, want 0", len(pending))
	}
	if ms, _ := a.store.Migrations(ctx); len(ms) != store.SchemaVersion() || !strings.HasSuffix(ms[len(ms)-1].Name, "_capture.sql") {
		t.Errorf("migrations = %+v", ms)
	}
}

// An archive carries capture times and email details; the receiving
// install keeps them as they were.
func TestArchiveCarriesCaptureTimesAndEmails(t *testing.T) {
	now := time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC)
	a := openApp(t, WithClock(func() time.Time { return now }), WithLocation(time.UTC))
	c := mailCase(t, a)
	if _, err := a.AddEvent(ctx, c.ID, EventInput{Kind: "note", Summary: "first", At: "2025-11-20T09:00:00+08:00"}); err != nil {
		t.Fatal(err)
	}
	photo, err := a.Attach(ctx, c.ID, []string{photoFile(t, t.TempDir(), "jpeg-no-offset.jpg", time.Time{})}, AttachInput{})
	if err != nil {
		t.Fatal(err)
	}
	files, err := a.ImportEmails(ctx, c.ID, mailFixture(t, t.TempDir(), now, "gb2312-qp.eml"), MailOptions{}, nil)
	if err != nil || files[0].Err != nil {
		t.Fatal(err, files[0].Err)
	}
	zip := filepath.Join(t.TempDir(), "case.zip")
	if err := a.Export(ctx, c.ID, zip, ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	b := openApp(t, WithClock(func() time.Time { return now }))
	got, err := b.Import(ctx, zip, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p, err := b.Event(ctx, photo.ID)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := json.Marshal(photo.Attachments[0].Taken)
	have, _ := json.Marshal(p.Attachments[0].Taken)
	if string(have) != string(want) || !p.At.Equal(photo.At) {
		t.Errorf("imported capture time = %s at %v, want %s at %v", have, p.At, want, photo.At)
	}
	m, err := b.Event(ctx, files[0].Messages[0].Event.ID)
	if err != nil || m.Email == nil || m.Email.Key != "id:refund-42@okpay.example" || m.CaseID != got.ID {
		t.Errorf("imported email = %+v (%v)", m.Email, err)
	}
	if rep, err := b.VerifyLog(ctx); err != nil || !rep.OK() {
		t.Errorf("VerifyLog after import = %+v, %v", rep.Problems, err)
	}
	// Re-importing the message into the imported case is recognised.
	again, _ := b.ImportEmails(ctx, got.ID, mailFixture(t, t.TempDir(), now, "gb2312-qp.eml"), MailOptions{}, nil)
	if again[0].Messages[0].Duplicate != m.ID {
		t.Errorf("re-import into the imported case: duplicate of %q, want %q", again[0].Messages[0].Duplicate, m.ID)
	}
}

// The dossier's exhibit index shows when each picture was taken, and
// where that came from, beside when it was added.
func TestDossierIndexShowsCaptureTimes(t *testing.T) {
	testtool.Need(t, "poppler-utils", "pdftotext")
	now := time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC)
	a := openApp(t, WithClock(func() time.Time { return now }), WithLocation(time.UTC))
	c := captureCase(t, a)
	dir := t.TempDir()
	// Added with another event time, so that the index cannot show the
	// event's time in place of the capture time.
	if _, err := a.Attach(ctx, c.ID, []string{photoFile(t, dir, "jpeg-offset.jpg", time.Time{})},
		AttachInput{Caption: "top-up page", At: "2025-11-26T08:00:00+08:00"}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Attach(ctx, c.ID, []string{photoFile(t, dir, "jpeg-no-offset.jpg", time.Time{})}, AttachInput{Caption: "chat"}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		lang evidence.Language
		want []string
	}{
		{"en", []string{"Taken\n2025-11-25\n10:30 UTC+08:00\n(EXIF)\nImported\n2026-01-15\n12:00 UTC+00:00",
			"Taken\n2025-11-25\n10:30 UTC+08:00\n(EXIF without a time zone: the case's)"}},
		{"zh", []string{"拍摄时间\n2025-11-25\n10:30 UTC+08:00\n（EXIF）", "（EXIF 无时区，按本案时区）"}},
	}
	for _, tt := range tests {
		t.Run(string(tt.lang), func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "d.pdf")
			if _, err := a.Dossier(ctx, c.ID, DossierOptions{To: letters.Provider, Lang: tt.lang, Out: out}); err != nil {
				t.Fatal(err)
			}
			testtool.CheckPDF(t, out)
			if d := os.Getenv("REDRESS_KEEP_PDF"); d != "" {
				exec.Command("cp", out, filepath.Join(d, "taken-"+string(tt.lang)+".pdf")).Run()
			}
			text, err := exec.Command("pdftotext", "-raw", out, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			// Cells wrap where the column ends (Chinese between any two
			// characters): compare without white space.
			flat := strings.Join(strings.Fields(string(text)), "")
			for _, w := range tt.want {
				if !strings.Contains(flat, strings.Join(strings.Fields(w), "")) {
					t.Errorf("dossier (%s) lacks %q", tt.lang, w)
				}
			}
		})
	}
}
