package bundle

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"testing"

	"redress/evidence"
)

// fuzzLimits keep a fuzzed archive from using much memory or time.
var fuzzLimits = Limits{MaxEntries: 200, MaxFile: 1 << 20, MaxTotal: 4 << 20, MaxJSON: 1 << 20, RatioFloor: 64 << 10}

// mustBundleError fails unless err is an *Error with a known key.
func mustBundleError(t *testing.T, err error) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T) is not a *bundle.Error", err, err)
	}
	if _, ok := phrases[e.Key()]; !ok {
		t.Fatalf("error %v has unknown key %q", err, e.Key())
	}
}

// tinyArchive is a small valid archive (one note, one attachment), so that
// the fuzzer's mutations and minimisation stay fast.
func tinyArchive(t testing.TB) []byte {
	t.Helper()
	blob := []byte("hi")
	d := Data{Case: evidence.Case{ID: "0b7f7c8e-3c1a-4d2e-9f10-2a4b6c8d0e12", Title: "t", Provider: "p",
		Problem: evidence.OtherProblem, Jurisdiction: evidence.CN, Language: evidence.Chinese, Status: evidence.Open},
		Events: []evidence.Event{{ID: "e1e1e1e1-0000-4000-8000-000000000001", CaseID: "0b7f7c8e-3c1a-4d2e-9f10-2a4b6c8d0e12", Kind: evidence.KindNote,
			At: exportAt, Summary: "充值", Attachments: []evidence.Attachment{{ID: "a1a1a1a1-0000-4000-8000-000000000001", SHA256: shaOf(blob), Size: 2}}}}}
	var buf bytes.Buffer
	if err := Export(context.Background(), &buf, d, memBlobs{shaOf(blob): blob}, ExportOptions{Now: exportAt}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func FuzzOpen(f *testing.F) {
	tiny := tinyArchive(f)
	f.Add(tiny)
	f.Add(tiny[:len(tiny)-30])
	f.Add(exportSample(f))
	f.Add([]byte("PK\x05\x06" + string(make([]byte, 18))))
	parts := partsOf(f, tiny)
	f.Add(build(f, craft{parts: parts}))
	f.Add(build(f, craft{parts: append(parts, part{name: "../evil", body: []byte("x")})}))
	f.Add(build(f, craft{parts: append(parts, part{name: "dossiers/l.pdf", body: []byte("/etc"), mode: fs.ModeSymlink | 0o777})}))
	f.Add(build(f, craft{parts: append(parts, part{name: CaseName, body: []byte("{}"), unlisted: true})}))
	f.Add(build(f, craft{parts: parts, noManifest: true}))
	f.Add(build(f, craft{parts: parts, edit: func(m *Manifest) { m.Schema = 2 }}))
	f.Add(build(f, craft{parts: append(parts, part{name: "dossiers/x.pdf", body: []byte("%PDF"), unlisted: true})}))
	f.Add(build(f, craft{parts: append(parts, part{name: FilesDir + shaOf(make([]byte, 100<<10)), body: make([]byte, 100<<10), method: zip.Deflate})}))
	f.Add(lyingSize(f, parts, parts[1].name, 1))
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := Open(bytes.NewReader(b), int64(len(b)), fuzzLimits)
		if err != nil {
			if a != nil {
				t.Fatalf("Open returned an archive and %v", err)
			}
			mustBundleError(t, err)
			return
		}
		// Whatever Open accepts reads back intact and verifies.
		for sha, o := range a.Files {
			rc, err := o()
			if err != nil {
				t.Fatalf("Files[%s]: %v", sha, err)
			}
			h := sha256.New()
			_, err = io.Copy(h, rc)
			rc.Close()
			if err != nil || hex.EncodeToString(h.Sum(nil)) != sha {
				t.Fatalf("Files[%s] read back %x, %v", sha, h.Sum(nil), err)
			}
		}
		if _, err := validateData(&a.Data); err != nil {
			t.Fatalf("accepted data does not validate: %v", err)
		}
		for _, r := range a.Verify() {
			if !r.OK {
				t.Fatalf("Verify after Open: %+v", r)
			}
		}
		rep, err := VerifyArchive(bytes.NewReader(b), int64(len(b)))
		if err != nil || !rep.OK() {
			t.Fatalf("VerifyArchive after Open = %+v, %v", rep, err)
		}
	})
}

func FuzzManifest(f *testing.F) {
	good, _ := json.Marshal(Manifest{Schema: 1, AppVersion: "1.2.3", Created: exportAt, Files: []FileEntry{
		{Path: CaseName, SHA256: shaOf([]byte("{}")), Size: 2},
		{Path: FilesDir + shaOf(blobPNG), SHA256: shaOf(blobPNG), Size: int64(len(blobPNG))},
		{Path: DossiersDir + "报告.pdf", SHA256: shaOf(dossier), Size: int64(len(dossier))},
	}})
	for _, s := range []string{string(good), `{"schema":2}`, `{"schema":"1"}`, `{"schema":1e0,"files":[]}`,
		`{"schema":1,"files":[{"path":"../x","sha256":"","size":-1}]}`, `{"schema":1,"files":null}`,
		`{"schema":1,"SCHEMA":2,"files":[]}`, `[]`, `null`, `{"schema":1,"created":"2026-13-01T00:00:00Z"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		m, err := parseManifest(raw)
		if err != nil {
			mustBundleError(t, err)
			return
		}
		if m.Schema != Schema {
			t.Fatalf("accepted schema %d", m.Schema)
		}
		for _, fe := range m.Files {
			if !safePath(fe.Path) || !knownName(fe.Path) || !isSHA(fe.SHA256) || fe.Size < 0 {
				t.Fatalf("accepted line %+v", fe)
			}
		}
		again, err := json.Marshal(m)
		if err != nil {
			t.Fatalf("re-encode %+v: %v", m, err)
		}
		m2, err := parseManifest(again)
		if err != nil {
			t.Fatalf("re-parse of %s: %v", again, err)
		}
		if third, _ := json.Marshal(m2); !bytes.Equal(third, again) {
			t.Fatalf("manifest round trip differs:\n%s\n%s", again, third)
		}
	})
}
