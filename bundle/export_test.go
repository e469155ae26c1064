package bundle

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

var (
	blobPNG  = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR fake picture bytes 充值截图")
	blobTXT  = []byte(strings.Repeat("客服：您的充值正在处理中，请耐心等待。\nAgent: please wait 24 hours.\n", 50))
	blobPDF  = []byte("%PDF-1.4\n% fake statement 账单\n%%EOF\n")
	dossier  = []byte("%PDF-1.4\n% fake dossier\n%%EOF\n")
	exportAt = time.Date(2026, 11, 24, 8, 0, 0, 0, time.UTC)
)

func mustTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func shaOf(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// memBlobs is a BlobSource over a map.
type memBlobs map[string][]byte

func (m memBlobs) WriteBlob(_ context.Context, sha string, w io.Writer) error {
	b, ok := m[sha]
	if !ok {
		return fmt.Errorf("no blob %s", sha)
	}
	_, err := w.Write(b)
	return err
}

func sampleBlobs() memBlobs {
	return memBlobs{shaOf(blobPNG): blobPNG, shaOf(blobTXT): blobTXT, shaOf(blobPDF): blobPDF}
}

func sampleOptions() ExportOptions {
	return ExportOptions{Now: exportAt, AppVersion: "1.2.3", Dossiers: map[string][]byte{"dossier-2026-11-24": dossier}}
}

// exportSample returns the archive of sampleData.
func exportSample(t testing.TB) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Export(context.Background(), &buf, sampleData(), sampleBlobs(), sampleOptions()); err != nil {
		t.Fatalf("Export() = %v", err)
	}
	return buf.Bytes()
}

func open(b []byte) (*Archive, error) {
	return Open(bytes.NewReader(b), int64(len(b)), Limits{})
}

func readAll(t *testing.T, o Opener) []byte {
	t.Helper()
	rc, err := o()
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	return b
}

func TestRoundTrip(t *testing.T) {
	b := exportSample(t)
	a, err := open(b)
	if err != nil {
		t.Fatalf("Open(exported) = %v", err)
	}
	want := sampleData()
	want.Schema, want.AppVersion, want.Exported = Schema, "1.2.3", exportAt
	if !reflect.DeepEqual(a.Data, want) {
		t.Errorf("Open(Export(d)).Data differs:\n got %+v\nwant %+v", a.Data, want)
	}
	if a.Data.Case.Title != "OKPay 充值未到账" || a.Data.Events[2].Archived == nil || len(a.Data.CaseHistory) != 2 {
		t.Errorf("round trip lost Chinese text, history or the archived event")
	}
	blobs := sampleBlobs()
	if len(a.Files) != len(blobs) {
		t.Errorf("len(Files) = %d, want %d (one per distinct hash)", len(a.Files), len(blobs))
	}
	for sha, want := range blobs {
		o, ok := a.Files[sha]
		if !ok {
			t.Errorf("Files[%s] missing", sha)
			continue
		}
		if got := readAll(t, o); !bytes.Equal(got, want) {
			t.Errorf("Files[%s] bytes differ", sha)
		}
	}
	if got := readAll(t, a.Dossiers["dossier-2026-11-24.pdf"]); !bytes.Equal(got, dossier) {
		t.Errorf("dossier bytes differ")
	}
	if a.Manifest.AppVersion != "1.2.3" || !a.Manifest.Created.Equal(exportAt) || len(a.Manifest.Files) != 5 {
		t.Errorf("Manifest = %+v", a.Manifest)
	}
	for _, r := range a.Verify() {
		if !r.OK {
			t.Errorf("Verify: %+v", r)
		}
	}
}

func TestExportLayout(t *testing.T) {
	b := exportSample(t)
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		name   string
		method uint16
	}{
		{CaseName, zip.Deflate},
		{FilesDir + shaOf(blobPNG), zip.Store},
		{FilesDir + shaOf(blobPDF), zip.Store},
		{FilesDir + shaOf(blobTXT), zip.Deflate},
		{DossiersDir + "dossier-2026-11-24.pdf", zip.Store},
		{ManifestName, zip.Deflate},
	}
	var got []string
	for _, f := range zr.File {
		got = append(got, fmt.Sprintf("%s %d %v", f.Name, f.Method, f.Mode()))
	}
	var exp []string
	for _, w := range want {
		exp = append(exp, fmt.Sprintf("%s %d %v", w.name, w.method, "-rw-------"))
	}
	// The attachments are in SHA-256 order.
	if !reflect.DeepEqual(slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(exp))) || !strings.HasPrefix(got[len(got)-1], ManifestName) || !strings.HasPrefix(got[0], CaseName) {
		t.Errorf("entries =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(exp, "\n"))
	}
	again := exportSample(t)
	if !bytes.Equal(b, again) {
		t.Error("Export is not deterministic for the same input and Now")
	}
}

func TestExportDoesNotChangeInput(t *testing.T) {
	d := sampleData()
	var buf bytes.Buffer
	opts := sampleOptions()
	opts.Redact = true
	if err := Export(context.Background(), &buf, d, sampleBlobs(), opts); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(d, sampleData()) {
		t.Error("Export changed the Data it was given")
	}
}

func TestExportRedacted(t *testing.T) {
	var buf bytes.Buffer
	opts := sampleOptions()
	opts.Redact = true
	if err := Export(context.Background(), &buf, sampleData(), sampleBlobs(), opts); err != nil {
		t.Fatal(err)
	}
	a, err := open(buf.Bytes())
	if err != nil {
		t.Fatalf("Open(redacted) = %v", err)
	}
	if !a.Data.Redacted {
		t.Error("redacted export: Redacted = false")
	}
	zr, _ := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	for _, f := range zr.File {
		if f.Name != CaseName {
			continue
		}
		rc, _ := f.Open()
		js, _ := io.ReadAll(rc)
		rc.Close()
		for _, secret := range []string{"6222021234567890123", "13812345678"} {
			if bytes.Contains(js, []byte(secret)) {
				t.Errorf("case.json still contains %s", secret)
			}
		}
		for _, kept := range []string{"TX2026112012345678", "1280.00", "2026-11-20", "••••0123"} {
			if !bytes.Contains(js, []byte(kept)) {
				t.Errorf("case.json lost %s", kept)
			}
		}
	}
	// Attachments are evidence: unchanged even when redacting.
	if got := readAll(t, a.Files[shaOf(blobTXT)]); !bytes.Equal(got, blobTXT) {
		t.Error("redacted export changed an attachment")
	}
}

func TestExportRefuses(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*Data, memBlobs, *ExportOptions)
		want  *Error
		entry string
	}{
		{"invalid event", func(d *Data, _ memBlobs, _ *ExportOptions) { d.Events[0].Kind = "fax" }, ErrBadCase, CaseName},
		{"no case id", func(d *Data, _ memBlobs, _ *ExportOptions) { d.Case.ID = "" }, ErrBadCase, CaseName},
		{"blob altered", func(_ *Data, m memBlobs, _ *ExportOptions) { m[shaOf(blobTXT)] = []byte("other") },
			ErrHashMismatch, FilesDir + shaOf(blobTXT)},
		{"unsafe dossier name", func(_ *Data, _ memBlobs, o *ExportOptions) { o.Dossiers = map[string][]byte{"../x": dossier} },
			ErrUnsafePath, DossiersDir + "../x.pdf"},
		{"dossier names collide", func(_ *Data, _ memBlobs, o *ExportOptions) {
			o.Dossiers = map[string][]byte{"Report": dossier, "report.pdf": dossier}
		}, ErrDuplicate, DossiersDir + "report.pdf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, m, o := sampleData(), sampleBlobs(), sampleOptions()
			tt.edit(&d, m, &o)
			err := Export(context.Background(), io.Discard, d, m, o)
			var e *Error
			if !errors.Is(err, tt.want) || !errors.As(err, &e) || e.Entry != tt.entry {
				t.Errorf("Export() = %v, want %s naming %s", err, tt.want.Key(), tt.entry)
			}
		})
	}
	t.Run("blob source fails", func(t *testing.T) {
		err := Export(context.Background(), io.Discard, sampleData(), memBlobs{}, sampleOptions())
		if err == nil || !strings.Contains(err.Error(), "no blob") {
			t.Errorf("Export() = %v, want the source's error", err)
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if err := Export(ctx, io.Discard, sampleData(), sampleBlobs(), sampleOptions()); !errors.Is(err, context.Canceled) {
			t.Errorf("Export(cancelled) = %v, want context.Canceled", err)
		}
	})
}

func TestVerifyArchive(t *testing.T) {
	b := exportSample(t)
	rep, err := VerifyArchive(bytes.NewReader(b), int64(len(b)))
	if err != nil || !rep.OK() || len(rep.Results) != 5 || rep.AppVersion != "1.2.3" {
		t.Fatalf("VerifyArchive(valid) = %+v, %v", rep, err)
	}
	// Alter one attachment (same length) and add an unlisted entry.
	parts := partsOf(t, b)
	for i := range parts {
		if parts[i].name == FilesDir+shaOf(blobTXT) {
			body := bytes.Clone(parts[i].body)
			body[0] ^= 1
			parts[i].body = body
			parts[i].listSHA = shaOf(blobTXT)
		}
	}
	parts = append(parts, part{name: "notes.txt", body: []byte("hi"), unlisted: true})
	bad := build(t, craft{parts: parts})
	rep, err = VerifyArchive(bytes.NewReader(bad), int64(len(bad)))
	if err != nil {
		t.Fatalf("VerifyArchive(altered) error = %v", err)
	}
	if rep.OK() {
		t.Error("VerifyArchive(altered).OK() = true")
	}
	problems := map[string]string{}
	for _, r := range rep.Results {
		problems[r.Path] = r.Problem
		if r.Path == FilesDir+shaOf(blobTXT) && (r.Expected != shaOf(blobTXT) || r.Actual == r.Expected || r.Actual == "") {
			t.Errorf("altered file result = %+v", r)
		}
	}
	want := map[string]string{CaseName: "", FilesDir + shaOf(blobPNG): "", FilesDir + shaOf(blobPDF): "",
		FilesDir + shaOf(blobTXT): ErrHashMismatch.Key(), DossiersDir + "dossier-2026-11-24.pdf": "", "notes.txt": ErrUnlisted.Key()}
	if !reflect.DeepEqual(problems, want) {
		t.Errorf("problems = %v, want %v", problems, want)
	}
	if _, err := VerifyArchive(strings.NewReader("not a zip"), 9); !errors.Is(err, ErrNotZip) {
		t.Errorf("VerifyArchive(text) = %v, want %s", err, ErrNotZip.Key())
	}
}

func TestOpenerDetectsChangedBytes(t *testing.T) {
	b := exportSample(t)
	a, err := open(b)
	if err != nil {
		t.Fatal(err)
	}
	// Change the stored PNG bytes underneath the opened archive.
	i := bytes.Index(b, blobPNG)
	if i < 0 {
		t.Fatal("stored PNG not found")
	}
	b[i+20] ^= 1
	rc, err := a.Files[shaOf(blobPNG)]()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	_, err = io.ReadAll(rc)
	if err == nil {
		t.Fatal("reading altered bytes succeeded")
	}
	// zip's CRC check or our hash check: either way, a refusal.
	var e *Error
	if !errors.As(err, &e) {
		t.Errorf("read error = %v, want an *Error", err)
	}
}
