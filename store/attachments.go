package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	_ "image/gif" // register decoders for DecodeConfig
	_ "image/jpeg"
	_ "image/png"
	"io"
	"strconv"
	"strings"

	_ "golang.org/x/image/bmp"
	_ "golang.org/x/image/tiff"
	_ "golang.org/x/image/webp"

	"redress/evidence"
	"redress/lang"
)

// chunkSize is how much of a file one blob_chunks row holds.
const chunkSize = 1 << 20

// File is one file to attach. Open is called more than once: the bytes are
// hashed before the transaction and hashed again as they are stored, and a
// file that changed in between is refused.
type File struct {
	Name    string // original file name, shown to the user
	Caption string
	Open    func() (io.ReadCloser, error)
	// Taken is when the picture was taken (nil: unknown or not a picture).
	Taken *evidence.Taken
	// MediaType, when set, is the type the caller knows the bytes to be
	// ("message/rfc822" for an email it parsed); else it is sniffed.
	MediaType string
}

type preparedFile struct {
	File
	sha    string
	size   int64
	media  string
	width  int
	height int
}

func (s *Store) prepare(f File) (preparedFile, error) {
	p := preparedFile{File: f}
	if f.Taken != nil {
		if err := f.Taken.Validate(); err != nil {
			return p, err
		}
	}
	r, err := f.Open()
	if err != nil {
		return p, lang.Wrap(err, "file.unreadable", "file", f.Name)
	}
	defer r.Close()
	h := sha256.New()
	head := make([]byte, 512)
	n, err := io.ReadFull(r, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return p, lang.Wrap(err, "file.unreadable", "file", f.Name)
	}
	head = head[:n]
	h.Write(head)
	rest, err := io.Copy(h, io.LimitReader(r, s.maxAttachment-int64(n)+1))
	if err != nil {
		return p, lang.Wrap(err, "file.unreadable", "file", f.Name)
	}
	p.size = int64(n) + rest
	if p.size == 0 {
		return p, lang.E("file.empty", "file", f.Name)
	}
	if p.size > s.maxAttachment {
		return p, lang.E("file.too-big", "file", f.Name, "limit", humanSize(s.maxAttachment))
	}
	p.sha = hex.EncodeToString(h.Sum(nil))
	p.media = evidence.MediaType(head)
	if f.MediaType != "" {
		p.media = f.MediaType
	}
	if strings.HasPrefix(p.media, "image/") {
		if r2, err := f.Open(); err == nil {
			if cfg, _, err := image.DecodeConfig(r2); err == nil {
				p.width, p.height = cfg.Width, cfg.Height
			}
			r2.Close()
		}
	}
	return p, nil
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + " MB"
	case n >= 1<<10:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MB"
	}
	return strconv.FormatInt(n, 10) + " B"
}

// storeFile writes the file's bytes (unless the same bytes are stored
// already) and links them to the event.
func (t *Tx) storeFile(eventID string, pos int, p preparedFile) (string, error) {
	var exists int
	if err := t.queryRow(`SELECT COUNT(*) FROM blobs WHERE sha256 = ?`, p.sha).Scan(&exists); err != nil {
		return "", fmt.Errorf("attach %s: %w", p.Name, err)
	}
	if exists == 0 {
		if err := t.storeBlob(p); err != nil {
			return "", err
		}
	}
	id := evidence.NewID()
	if err := t.insertAttachment(evidence.Attachment{ID: id, SHA256: p.sha, Name: p.Name,
		Caption: strings.TrimSpace(p.Caption), Imported: t.Now, Taken: p.Taken}, eventID, pos); err != nil {
		return "", fmt.Errorf("attach %s: %w", p.Name, err)
	}
	return id, nil
}

func (t *Tx) storeBlob(p preparedFile) error {
	r, err := p.Open()
	if err != nil {
		return lang.Wrap(err, "file.unreadable", "file", p.Name)
	}
	defer r.Close()
	if _, err := t.exec(`INSERT INTO blobs (sha256, size, media_type, width, height, created_at) VALUES (?,?,?,?,?,?)`,
		p.sha, p.size, p.media, p.width, p.height, ms(t.Now)); err != nil {
		return fmt.Errorf("attach %s: %w", p.Name, err)
	}
	h := sha256.New()
	buf := make([]byte, chunkSize)
	var total int64
	for seq := 0; ; seq++ {
		n, err := io.ReadFull(r, buf)
		if n > 0 {
			h.Write(buf[:n])
			total += int64(n)
			if total > p.size {
				return lang.E("file.changed", "file", p.Name)
			}
			if _, err := t.exec(`INSERT INTO blob_chunks (sha256, seq, data) VALUES (?,?,?)`, p.sha, seq, buf[:n]); err != nil {
				return fmt.Errorf("attach %s: store bytes: %w", p.Name, err)
			}
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			break
		}
		if err != nil {
			return lang.Wrap(err, "file.unreadable", "file", p.Name)
		}
	}
	if total != p.size || hex.EncodeToString(h.Sum(nil)) != p.sha {
		return lang.E("file.changed", "file", p.Name)
	}
	return nil
}

type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func loadAttachments(ctx context.Context, q querier, eventIDs []string) (map[string][]evidence.Attachment, error) {
	out := map[string][]evidence.Attachment{}
	for start := 0; start < len(eventIDs); start += 500 {
		ids := eventIDs[start:min(start+500, len(eventIDs))]
		args := make([]any, len(ids))
		for i, id := range ids {
			args[i] = id
		}
		rows, err := q.QueryContext(ctx, `SELECT a.event_id, a.id, a.sha256, b.size, a.name, b.media_type, b.width, b.height,
			a.caption, a.imported_at, `+takenColumns+` FROM attachments a JOIN blobs b ON b.sha256 = a.sha256
			WHERE a.event_id IN (`+placeholders(len(ids))+`) ORDER BY a.event_id, a.position`, args...)
		if err != nil {
			return nil, fmt.Errorf("read attachments: %w", err)
		}
		for rows.Next() {
			var ev string
			var a evidence.Attachment
			var imported int64
			var tk takenRow
			if err := rows.Scan(&ev, &a.ID, &a.SHA256, &a.Size, &a.Name, &a.MediaType, &a.Width, &a.Height, &a.Caption, &imported,
				&tk.at, &tk.offset, &tk.known, &tk.source, &tk.tag, &tk.from); err != nil {
				rows.Close()
				return nil, fmt.Errorf("read attachments: %w", err)
			}
			a.Imported = fromMS(imported)
			a.Taken = tk.taken()
			out[ev] = append(out[ev], a)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("read attachments: %w", err)
		}
	}
	return out, nil
}

// Attachment reads one attachment's record.
func (s *Store) Attachment(ctx context.Context, id string) (evidence.Attachment, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT event_id FROM attachments WHERE id = ?`, id)
	if err != nil {
		return evidence.Attachment{}, classify(fmt.Errorf("read attachment %s: %w", id, err), s.path)
	}
	var ev string
	found := rows.Next()
	if found {
		err = rows.Scan(&ev)
	}
	rows.Close()
	if err != nil {
		return evidence.Attachment{}, fmt.Errorf("read attachment %s: %w", id, err)
	}
	if !found {
		return evidence.Attachment{}, lang.E("attachment.not-found", "ref", id)
	}
	atts, err := loadAttachments(ctx, s.db, []string{ev})
	if err != nil {
		return evidence.Attachment{}, err
	}
	for _, a := range atts[ev] {
		if a.ID == id {
			return a, nil
		}
	}
	return evidence.Attachment{}, lang.E("attachment.not-found", "ref", id)
}

// WriteAttachment copies an attachment's original bytes to w and checks
// them against the stored SHA-256. On a mismatch it returns an error after
// writing, so callers must discard what they got.
func (s *Store) WriteAttachment(ctx context.Context, id string, w io.Writer) (evidence.Attachment, error) {
	a, err := s.Attachment(ctx, id)
	if err != nil {
		return a, err
	}
	return a, s.writeBlob(ctx, a.SHA256, a.Name, a.Size, w)
}

// ReadAttachment returns an attachment's verified original bytes.
func (s *Store) ReadAttachment(ctx context.Context, id string) ([]byte, evidence.Attachment, error) {
	var buf bytes.Buffer
	a, err := s.WriteAttachment(ctx, id, &buf)
	if err != nil {
		return nil, a, err
	}
	return buf.Bytes(), a, nil
}

func (s *Store) writeBlob(ctx context.Context, sha, name string, size int64, w io.Writer) error {
	return copyBlob(ctx, s.db, s.path, sha, name, size, w)
}
