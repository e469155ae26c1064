package bundle

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"

	"redress/evidence"
	"redress/lang"
)

// part is one entry of a crafted archive.
type part struct {
	name     string
	body     []byte
	method   uint16
	mode     fs.FileMode // 0: regular 0600
	unlisted bool        // leave out of the manifest
	listSHA  string      // manifest sha256 instead of the body's
	listSize int64       // manifest size instead of the body's, when > 0
}

// craft describes an archive: its parts, then manifest.json computed from
// them (edited by edit), or rawManifest verbatim, or none.
type craft struct {
	parts       []part
	edit        func(*Manifest)
	rawManifest []byte
	noManifest  bool
}

func build(t testing.TB, c craft) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	m := Manifest{Schema: Schema, AppVersion: "test", Created: exportAt}
	for _, p := range c.parts {
		h := &zip.FileHeader{Name: p.name, Method: p.method, Modified: exportAt}
		mode := p.mode
		if mode == 0 {
			mode = 0o600
		}
		h.SetMode(mode)
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(p.body); err != nil {
			t.Fatal(err)
		}
		if p.unlisted {
			continue
		}
		fe := FileEntry{Path: p.name, SHA256: shaOf(p.body), Size: int64(len(p.body))}
		if p.listSHA != "" {
			fe.SHA256 = p.listSHA
		}
		if p.listSize > 0 {
			fe.Size = p.listSize
		}
		m.Files = append(m.Files, fe)
	}
	if c.edit != nil {
		c.edit(&m)
	}
	if !c.noManifest {
		raw := c.rawManifest
		if raw == nil {
			raw, _ = json.Marshal(m)
		}
		w, err := zw.Create(ManifestName)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(raw)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// partsOf returns the entries of an archive except the manifest.
func partsOf(t testing.TB, b []byte) []part {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out []part
	for _, f := range zr.File {
		if f.Name == ManifestName {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, part{name: f.Name, body: body, method: f.Method})
	}
	return out
}

// validParts is the sample archive as parts.
func validParts(t testing.TB) []part { return partsOf(t, exportSample(t)) }

// caseJSON encodes d as case.json.
func caseJSON(d Data) []byte {
	d.Schema, d.AppVersion, d.Exported = Schema, "test", exportAt
	b, _ := json.Marshal(d)
	return b
}

// with replaces (or appends) the part named name.
func with(parts []part, p part) []part {
	out := append([]part(nil), parts...)
	for i := range out {
		if out[i].name == p.name {
			out[i] = p
			return out
		}
	}
	return append(out, p)
}

// without drops the part named name.
func without(parts []part, name string) []part {
	var out []part
	for _, p := range parts {
		if p.name != name {
			out = append(out, p)
		}
	}
	return out
}

// setRaw patches the central-directory record of entry name: creator
// version and external attributes.
func setRaw(t testing.TB, b []byte, name string, creator uint16, attrs uint32) []byte {
	t.Helper()
	b = bytes.Clone(b)
	for i := 0; i+46 <= len(b); i++ {
		if string(b[i:i+4]) != "PK\x01\x02" {
			continue
		}
		n := int(binary.LittleEndian.Uint16(b[i+28:]))
		if i+46+n <= len(b) && string(b[i+46:i+46+n]) == name {
			binary.LittleEndian.PutUint16(b[i+4:], creator)
			binary.LittleEndian.PutUint32(b[i+38:], attrs)
			return b
		}
	}
	t.Fatalf("no central record for %s", name)
	return nil
}

func TestOpenValid(t *testing.T) {
	if _, err := open(build(t, craft{parts: validParts(t)})); err != nil {
		t.Fatalf("Open(rebuilt valid archive) = %v", err)
	}
	// Directory entries for files/ and dossiers/ are tolerated.
	parts := append([]part{{name: FilesDir, mode: fs.ModeDir | 0o700, unlisted: true}}, validParts(t)...)
	if _, err := open(build(t, craft{parts: parts})); err != nil {
		t.Fatalf("Open(with directory entry) = %v", err)
	}
}

func TestOpenRefuses(t *testing.T) {
	valid := exportSample(t)
	pngName := FilesDir + shaOf(blobPNG)
	txtName := FilesDir + shaOf(blobTXT)
	extra := []byte("an extra file nobody attached")
	zeros := make([]byte, 4<<20)
	var deflated bytes.Buffer
	fw, _ := flate.NewWriter(&deflated, flate.BestCompression)
	fw.Write(zeros)
	fw.Close()
	altered := bytes.Clone(blobTXT)
	altered[0] ^= 1

	tests := []struct {
		name   string
		build  func(t *testing.T) []byte
		limits Limits
		want   *Error
		entry  string
	}{
		{"empty file", func(*testing.T) []byte { return nil }, Limits{}, ErrNotZip, ""},
		{"text file", func(*testing.T) []byte { return []byte("这不是 ZIP 文件 — not a zip") }, Limits{}, ErrNotZip, ""},
		{"pdf file", func(*testing.T) []byte { return dossier }, Limits{}, ErrNotZip, ""},
		{"truncated half", func(*testing.T) []byte { return valid[:len(valid)/2] }, Limits{}, ErrTruncated, ""},
		{"truncated last byte", func(*testing.T) []byte { return valid[:len(valid)-1] }, Limits{}, ErrTruncated, ""},
		{"dot-dot", func(t *testing.T) []byte {
			return build(t, craft{parts: append(validParts(t), part{name: "../evil.sh", body: []byte("x")})})
		}, Limits{}, ErrUnsafePath, "../evil.sh"},
		{"dot-dot inside", func(t *testing.T) []byte {
			return build(t, craft{parts: append(validParts(t), part{name: "files/../../etc/passwd", body: []byte("x")})})
		}, Limits{}, ErrUnsafePath, "files/../../etc/passwd"},
		{"absolute path", func(t *testing.T) []byte {
			return build(t, craft{parts: append(validParts(t), part{name: "/etc/cron.d/x", body: []byte("x")})})
		}, Limits{}, ErrUnsafePath, "/etc/cron.d/x"},
		{"backslash", func(t *testing.T) []byte {
			return build(t, craft{parts: append(validParts(t), part{name: `..\..\evil.bat`, body: []byte("x")})})
		}, Limits{}, ErrUnsafePath, `..\..\evil.bat`},
		{"drive letter", func(t *testing.T) []byte {
			return build(t, craft{parts: append(validParts(t), part{name: "C:/Windows/evil.dll", body: []byte("x")})})
		}, Limits{}, ErrUnsafePath, "C:/Windows/evil.dll"},
		{"control character", func(t *testing.T) []byte {
			return build(t, craft{parts: append(validParts(t), part{name: "dossiers/a\x00.pdf", body: []byte("x")})})
		}, Limits{}, ErrUnsafePath, "dossiers/a\x00.pdf"},
		{"symlink via mode", func(t *testing.T) []byte {
			return build(t, craft{parts: append(validParts(t), part{name: "dossiers/link.pdf", body: []byte("/etc/passwd"), mode: fs.ModeSymlink | 0o777})})
		}, Limits{}, ErrSymlink, "dossiers/link.pdf"},
		{"symlink via raw external attributes", func(t *testing.T) []byte {
			b := build(t, craft{parts: validParts(t)})
			return setRaw(t, b, pngName, 3<<8|20, 0o120777<<16) // Unix creator, S_IFLNK|0777
		}, Limits{}, ErrSymlink, pngName},
		{"named pipe", func(t *testing.T) []byte {
			return build(t, craft{parts: append(validParts(t), part{name: "dossiers/fifo.pdf", mode: fs.ModeNamedPipe | 0o600})})
		}, Limits{}, ErrSymlink, "dossiers/fifo.pdf"},
		{"duplicate name", func(t *testing.T) []byte {
			return build(t, craft{parts: append(validParts(t), part{name: CaseName, body: caseJSON(sampleData()), unlisted: true})})
		}, Limits{}, ErrDuplicate, CaseName},
		{"duplicate ignoring case", func(t *testing.T) []byte {
			return build(t, craft{parts: append(validParts(t), part{name: "dossiers/DOSSIER-2026-11-24.pdf", body: dossier})})
		}, Limits{}, ErrDuplicate, "dossiers/DOSSIER-2026-11-24.pdf"},
		{"duplicate manifest", func(t *testing.T) []byte {
			return build(t, craft{parts: append(validParts(t), part{name: ManifestName, body: []byte("{}"), unlisted: true})})
		}, Limits{}, ErrDuplicate, ManifestName},
		{"unknown entry", func(t *testing.T) []byte {
			return build(t, craft{parts: append(validParts(t), part{name: "readme.txt", body: []byte("hi")})})
		}, Limits{}, ErrUnknownEntry, "readme.txt"},
		{"file not named by its hash", func(t *testing.T) []byte {
			return build(t, craft{parts: append(validParts(t), part{name: "files/photo.png", body: blobPNG})})
		}, Limits{}, ErrUnknownEntry, "files/photo.png"},
		{"missing manifest", func(t *testing.T) []byte {
			return build(t, craft{parts: validParts(t), noManifest: true})
		}, Limits{}, ErrMissingManifest, ManifestName},
		{"missing case", func(t *testing.T) []byte {
			return build(t, craft{parts: without(validParts(t), CaseName)})
		}, Limits{}, ErrMissingCase, CaseName},
		{"hash mismatch", func(t *testing.T) []byte {
			return build(t, craft{parts: with(validParts(t), part{name: txtName, body: altered, listSHA: shaOf(blobTXT)})})
		}, Limits{}, ErrHashMismatch, txtName},
		{"hash mismatch in case.json", func(t *testing.T) []byte {
			d := sampleData()
			d.Case.Remedy = strings.Replace(d.Case.Remedy, "1280", "1290", 1) // same length
			return build(t, craft{parts: with(validParts(t), part{name: CaseName, body: caseJSON(d), listSHA: shaOf(caseJSON(sampleData()))})})
		}, Limits{}, ErrHashMismatch, CaseName},
		{"manifest sha differs from name", func(t *testing.T) []byte {
			return build(t, craft{parts: with(validParts(t), part{name: txtName, body: altered})})
		}, Limits{}, ErrHashMismatch, txtName},
		{"size mismatch", func(t *testing.T) []byte {
			return build(t, craft{parts: with(validParts(t), part{name: txtName, body: blobTXT[:100], listSHA: shaOf(blobTXT), listSize: int64(len(blobTXT))})})
		}, Limits{}, ErrSizeMismatch, txtName},
		{"attachment size disagrees", func(t *testing.T) []byte {
			d := sampleData()
			for i := range d.Events[1].Attachments {
				d.Events[1].Attachments[i].Size++
			}
			d.Events[0].Attachments[0].Size++
			return build(t, craft{parts: with(validParts(t), part{name: CaseName, body: caseJSON(d)})})
		}, Limits{}, ErrSizeMismatch, pngName},
		{"actual bytes beyond declared size", func(t *testing.T) []byte {
			return lyingSize(t, validParts(t), txtName, 10)
		}, Limits{}, ErrSizeMismatch, txtName},
		{"unlisted file", func(t *testing.T) []byte {
			return build(t, craft{parts: append(validParts(t), part{name: "dossiers/secret.pdf", body: dossier, unlisted: true})})
		}, Limits{}, ErrUnlisted, "dossiers/secret.pdf"},
		{"listed file missing", func(t *testing.T) []byte {
			return build(t, craft{parts: validParts(t), edit: func(m *Manifest) {
				m.Files = append(m.Files, FileEntry{Path: "dossiers/gone.pdf", SHA256: shaOf(dossier), Size: int64(len(dossier))})
			}})
		}, Limits{}, ErrMissingFile, "dossiers/gone.pdf"},
		{"attachment file missing", func(t *testing.T) []byte {
			return build(t, craft{parts: without(validParts(t), pngName)})
		}, Limits{}, ErrMissingFile, pngName},
		{"orphan file", func(t *testing.T) []byte {
			return build(t, craft{parts: append(validParts(t), part{name: FilesDir + shaOf(extra), body: extra})})
		}, Limits{}, ErrOrphanFile, FilesDir + shaOf(extra)},
		{"manifest schema 2", func(t *testing.T) []byte {
			return build(t, craft{parts: validParts(t), edit: func(m *Manifest) { m.Schema = 2 }})
		}, Limits{}, ErrSchemaNewer, ManifestName},
		{"manifest schema huge", func(t *testing.T) []byte {
			return build(t, craft{parts: validParts(t), rawManifest: []byte(`{"schema": 123456789012345678901234567890, "files": []}`)})
		}, Limits{}, ErrSchemaNewer, ManifestName},
		{"manifest schema 0", func(t *testing.T) []byte {
			return build(t, craft{parts: validParts(t), edit: func(m *Manifest) { m.Schema = 0 }})
		}, Limits{}, ErrSchemaUnknown, ManifestName},
		{"manifest schema text", func(t *testing.T) []byte {
			return build(t, craft{parts: validParts(t), rawManifest: []byte(`{"schema": "one", "files": []}`)})
		}, Limits{}, ErrSchemaUnknown, ManifestName},
		{"manifest without schema", func(t *testing.T) []byte {
			return build(t, craft{parts: validParts(t), rawManifest: []byte(`{"files": []}`)})
		}, Limits{}, ErrSchemaUnknown, ManifestName},
		{"case schema 2", func(t *testing.T) []byte {
			body := bytes.Replace(caseJSON(sampleData()), []byte(`"schema":1`), []byte(`"schema":2`), 1)
			return build(t, craft{parts: with(validParts(t), part{name: CaseName, body: body})})
		}, Limits{}, ErrSchemaNewer, CaseName},
		{"case schema -1", func(t *testing.T) []byte {
			body := bytes.Replace(caseJSON(sampleData()), []byte(`"schema":1`), []byte(`"schema":-1`), 1)
			return build(t, craft{parts: with(validParts(t), part{name: CaseName, body: body})})
		}, Limits{}, ErrSchemaUnknown, CaseName},
		{"manifest not json", func(t *testing.T) []byte {
			return build(t, craft{parts: validParts(t), rawManifest: []byte(`{"schema":1, "files": [`)})
		}, Limits{}, ErrBadJSON, ManifestName},
		{"manifest wrong types", func(t *testing.T) []byte {
			return build(t, craft{parts: validParts(t), rawManifest: []byte(`{"schema":1, "files": [{"path": "case.json", "size": "big"}]}`)})
		}, Limits{}, ErrBadJSON, ManifestName},
		{"case not json", func(t *testing.T) []byte {
			return build(t, craft{parts: with(validParts(t), part{name: CaseName, body: []byte(`{"schema":1, "case": {`)})})
		}, Limits{}, ErrBadJSON, CaseName},
		{"case trailing data", func(t *testing.T) []byte {
			return build(t, craft{parts: with(validParts(t), part{name: CaseName, body: append(caseJSON(sampleData()), "{}"...)})})
		}, Limits{}, ErrBadJSON, CaseName},
		{"manifest malformed sha", func(t *testing.T) []byte {
			return build(t, craft{parts: validParts(t), edit: func(m *Manifest) { m.Files[0].SHA256 = "ABC" }})
		}, Limits{}, ErrBadManifest, CaseName},
		{"manifest lists a path twice", func(t *testing.T) []byte {
			return build(t, craft{parts: validParts(t), edit: func(m *Manifest) { m.Files = append(m.Files, m.Files[0]) }})
		}, Limits{}, ErrBadManifest, CaseName},
		{"manifest lists unsafe path", func(t *testing.T) []byte {
			return build(t, craft{parts: validParts(t), edit: func(m *Manifest) {
				m.Files = append(m.Files, FileEntry{Path: "../x", SHA256: shaOf(nil)})
			}})
		}, Limits{}, ErrUnsafePath, "../x"},
		{"invalid event", func(t *testing.T) []byte {
			d := sampleData()
			d.Events[1].Contact.Channel = "fax"
			return build(t, craft{parts: with(validParts(t), part{name: CaseName, body: caseJSON(d)})})
		}, Limits{}, ErrBadCase, CaseName},
		{"invalid case", func(t *testing.T) []byte {
			d := sampleData()
			d.Case.Amount.Currency = "XYZ"
			return build(t, craft{parts: with(validParts(t), part{name: CaseName, body: caseJSON(d)})})
		}, Limits{}, ErrBadCase, CaseName},
		{"event of another case", func(t *testing.T) []byte {
			d := sampleData()
			d.Events[2].CaseID = "11111111-1111-1111-1111-111111111111"
			return build(t, craft{parts: with(validParts(t), part{name: CaseName, body: caseJSON(d)})})
		}, Limits{}, ErrBadCase, CaseName},
		{"duplicate event id", func(t *testing.T) []byte {
			d := sampleData()
			d.Events[2].ID = d.Events[1].ID
			return build(t, craft{parts: with(validParts(t), part{name: CaseName, body: caseJSON(d)})})
		}, Limits{}, ErrBadCase, CaseName},
		{"event id not a uuid", func(t *testing.T) []byte {
			d := sampleData()
			d.Events[2].ID = "../../x"
			return build(t, craft{parts: with(validParts(t), part{name: CaseName, body: caseJSON(d)})})
		}, Limits{}, ErrBadCase, CaseName},
		{"history of unknown event", func(t *testing.T) []byte {
			d := sampleData()
			d.EventHistory["e9e9e9e9-0000-4000-8000-000000000009"] = d.EventHistory["e1e1e1e1-0000-4000-8000-000000000001"]
			return build(t, craft{parts: with(validParts(t), part{name: CaseName, body: caseJSON(d)})})
		}, Limits{}, ErrBadCase, CaseName},
		{"too many entries", func(t *testing.T) []byte { return valid }, Limits{MaxEntries: 5}, ErrTooMany, ""},
		{"too many entries by default", func(t *testing.T) []byte {
			var buf bytes.Buffer
			zw := zip.NewWriter(&buf)
			for i := range DefaultLimits().MaxEntries + 1 {
				zw.CreateHeader(&zip.FileHeader{Name: fmt.Sprintf("dossiers/%d.pdf", i), Method: zip.Store})
			}
			zw.Close()
			return buf.Bytes()
		}, Limits{}, ErrTooMany, ""},
		{"file over per-file limit", func(t *testing.T) []byte { return valid }, Limits{MaxFile: 1000}, ErrTooLarge, txtName},
		{"json over limit", func(t *testing.T) []byte { return valid }, Limits{MaxJSON: 1000}, ErrTooLarge, CaseName},
		{"archive over total limit", func(t *testing.T) []byte { return valid }, Limits{MaxTotal: 5000}, ErrTooLarge, ""},
		{"zip bomb ratio", func(t *testing.T) []byte {
			return build(t, craft{parts: append(validParts(t), part{name: FilesDir + shaOf(zeros), body: zeros, method: zip.Deflate})})
		}, Limits{}, ErrRatio, FilesDir + shaOf(zeros)},
		{"zip bomb declared size", func(t *testing.T) []byte {
			return rawEntry(t, validParts(t), FilesDir+shaOf(zeros), zip.Deflate, deflated.Bytes(), 1<<40, crc32.ChecksumIEEE(zeros))
		}, Limits{}, ErrTooLarge, FilesDir + shaOf(zeros)},
		{"unsupported method", func(t *testing.T) []byte {
			return rawEntry(t, validParts(t), "dossiers/bz.pdf", 12, []byte("BZh9"), 4, 0)
		}, Limits{}, ErrUnsupported, "dossiers/bz.pdf"},
		{"damaged data", func(t *testing.T) []byte {
			b := build(t, craft{parts: validParts(t)})
			zr, _ := zip.NewReader(bytes.NewReader(b), int64(len(b)))
			for _, f := range zr.File {
				if f.Name == txtName {
					off, _ := f.DataOffset()
					b[off+int64(f.CompressedSize64)/2] ^= 0xff
				}
			}
			return b
		}, Limits{}, ErrCorrupt, txtName},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := tt.build(t)
			a, err := Open(bytes.NewReader(b), int64(len(b)), tt.limits)
			if a != nil || !errors.Is(err, tt.want) {
				t.Fatalf("Open() = %v, %v; want %s", a, err, tt.want.Key())
			}
			var e *Error
			if !errors.As(err, &e) || e.Key() != tt.want.Key() {
				t.Fatalf("Open() error %v is not an *Error with key %s", err, tt.want.Key())
			}
			if tt.entry != "" && e.Entry != tt.entry {
				t.Errorf("Open() error names %q, want %q (%v)", e.Entry, tt.entry, err)
			}
			if _, ok := phrases[e.Key()]; !ok {
				t.Errorf("key %s has no phrase", e.Key())
			}
		})
	}
}

// rawEntry builds the parts plus one entry written raw with the given
// method, compressed bytes, declared uncompressed size and CRC; the
// manifest lists it with the declared size.
func rawEntry(t testing.TB, parts []part, name string, method uint16, data []byte, size uint64, crc uint32) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	m := Manifest{Schema: Schema, Created: exportAt}
	for _, p := range parts {
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: p.method})
		w.Write(p.body)
		m.Files = append(m.Files, FileEntry{Path: p.name, SHA256: shaOf(p.body), Size: int64(len(p.body))})
	}
	h := &zip.FileHeader{Name: name, Method: method, CRC32: crc, CompressedSize64: uint64(len(data)), UncompressedSize64: size}
	w, err := zw.CreateRaw(h)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(data)
	m.Files = append(m.Files, FileEntry{Path: name, SHA256: strings.TrimPrefix(name, FilesDir), Size: int64(min(size, 1<<62))})
	if !strings.HasPrefix(name, FilesDir) {
		m.Files[len(m.Files)-1].SHA256 = shaOf(data)
	}
	raw, _ := json.Marshal(m)
	w, _ = zw.Create(ManifestName)
	w.Write(raw)
	zw.Close()
	return buf.Bytes()
}

// lyingSize rebuilds the parts with the entry name's header declaring only
// declared bytes (and the manifest agreeing) while its data holds more.
func lyingSize(t testing.TB, parts []part, name string, declared int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	m := Manifest{Schema: Schema, Created: exportAt}
	for _, p := range parts {
		if p.name != name {
			w, _ := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: p.method})
			w.Write(p.body)
			m.Files = append(m.Files, FileEntry{Path: p.name, SHA256: shaOf(p.body), Size: int64(len(p.body))})
			continue
		}
		var c bytes.Buffer
		fw, _ := flate.NewWriter(&c, flate.DefaultCompression)
		fw.Write(p.body)
		fw.Close()
		h := &zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(p.body[:declared]),
			CompressedSize64: uint64(c.Len()), UncompressedSize64: uint64(declared)}
		w, _ := zw.CreateRaw(h)
		w.Write(c.Bytes())
		m.Files = append(m.Files, FileEntry{Path: name, SHA256: strings.TrimPrefix(name, FilesDir), Size: int64(declared)})
	}
	raw, _ := json.Marshal(m)
	w, _ := zw.Create(ManifestName)
	w.Write(raw)
	zw.Close()
	return buf.Bytes()
}

func TestBadCaseKeepsFieldErrors(t *testing.T) {
	d := sampleData()
	d.Events[1].Contact.Channel = "fax"
	_, err := open(build(t, craft{parts: with(validParts(t), part{name: CaseName, body: caseJSON(d)})}))
	fields := evidence.Fields(err)
	if len(fields) != 1 || fields[0].Field != "channel" {
		t.Errorf("evidence.Fields(%v) = %v, want the channel field", err, fields)
	}
}

func TestErrorText(t *testing.T) {
	err := &Error{key: ErrUnsafePath.key, Entry: "../\x1b[31mevil\u202e"}
	if got, want := err.Error(), "bundle: ../\ufffd[31mevil\ufffd: unsafe entry name"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if got := err.Args(); got[0] != "name" || strings.ContainsAny(got[1], "\x1b\u202e") {
		t.Errorf("Args() = %q", got)
	}
}

func TestKeysCatalog(t *testing.T) {
	// The texts live in the app's catalogs (package lang).
	keys := map[string]map[string]string{}
	for _, l := range lang.All {
		for _, k := range lang.Keys(l) {
			if strings.HasPrefix(k, "bundle.") {
				if keys[k] == nil {
					keys[k] = map[string]string{}
				}
				keys[k][string(l)] = l.T(k)
			}
		}
	}
	placeholder := regexp.MustCompile(`\{[a-z]+\}`)
	for key := range phrases {
		tr, ok := keys[key]
		if !ok {
			t.Errorf("the lang catalogs lack %s", key)
			continue
		}
		en, zh := placeholder.FindAllString(tr["en"], -1), placeholder.FindAllString(tr["zh"], -1)
		slices.Sort(en)
		slices.Sort(zh)
		if tr["en"] == "" || tr["zh"] == "" || !slices.Equal(en, zh) {
			t.Errorf("%s: en %q and zh %q differ in placeholders or are empty", key, tr["en"], tr["zh"])
		}
		for _, p := range en {
			if p != "{name}" && p != "{limit}" {
				t.Errorf("%s: unknown placeholder %s", key, p)
			}
		}
	}
	for key := range keys {
		if _, ok := phrases[key]; !ok {
			t.Errorf("the lang catalogs have %s, which no error uses", key)
		}
	}
}
