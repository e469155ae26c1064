package dossier

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/gif" // image.DecodeConfig for exhibits without stored dimensions
	_ "image/jpeg"
	_ "image/png"
	"math"
	"runtime"
	"sync"
	"sync/atomic"

	_ "golang.org/x/image/webp"

	"redress/evidence"
	"redress/letters/images"
)

const (
	imageDPI     = 300.0 // pictures are scaled down to this …
	passDPI      = 450.0 // … when they are sharper than this at the printed size
	tallFactor   = 1.6   // split images taller than this many printable pages' ratio
	sliceOverlap = 6.0   // mm repeated at the top of each following slice
	tallMaxPages = 16    // a tall screenshot is prepared for at most this many pages
	stampRoom    = 22.0  // nominal space above an exhibit image, mm
	// window is how many files may wait, read and prepared, beyond one per
	// core: enough to keep both cores busy while the text sections are
	// laid out, few enough that memory does not grow with the exhibits.
	window = 6
)

// prepared is an exhibit's file, read and (for a picture) prepared.
type prepared struct {
	data []byte // the original bytes; nil when they could not be read
	prep images.Prepared
	tall bool
	err  error // why the picture cannot be shown (or the file read)
}

// pipeline reads and prepares the exhibits' files on every core, in
// exhibit order, at most a few ahead of the page being laid out, so that
// only those few files are in memory at once. An exhibit whose file is
// identical to an earlier one's (same SHA-256) is not read again.
type pipeline struct {
	slots  []chan prepared // by exhibit; nil for a repeated file
	tokens chan struct{}
	done   chan struct{}
	wg     sync.WaitGroup
}

func (r *renderer) imageBox() (w, h float64) {
	return r.width, r.bottom - r.top - stampRoom
}

func (r *renderer) startPipeline() *pipeline {
	workers := runtime.GOMAXPROCS(0)
	p := &pipeline{slots: make([]chan prepared, len(r.exhibits)), tokens: make(chan struct{}, workers+window),
		done: make(chan struct{})}
	var todo []int
	for i := range r.exhibits {
		if r.exhibits[i].first == i {
			p.slots[i] = make(chan prepared, 1)
			todo = append(todo, i)
		}
	}
	var next atomic.Int64
	for range min(workers, len(todo)) {
		p.wg.Go(func() {
			for {
				select {
				case p.tokens <- struct{}{}:
				case <-p.done:
					return
				}
				k := int(next.Add(1) - 1)
				if k >= len(todo) {
					<-p.tokens
					return
				}
				i := todo[k]
				p.slots[i] <- r.prepare(&r.exhibits[i])
			}
		})
	}
	return p
}

// get waits for exhibit i's file; release must follow once it is written.
func (p *pipeline) get(i int) prepared { return <-p.slots[i] }

func (p *pipeline) release() { <-p.tokens }

// stop ends the workers, whether or not every file was taken: a worker
// waiting for a token sees done, and results are sent to buffered slots.
func (p *pipeline) stop() {
	close(p.done)
	p.wg.Wait()
}

// prepare reads one exhibit's file and, for a picture, makes it
// embeddable: about imageDPI at the printed size. A picture that is larger,
// but not by more than passDPI/imageDPI, is left at its size (and so is
// usually passed through unchanged); tall screenshots are prepared at full
// page width for as many pages as they need (up to tallMaxPages).
func (r *renderer) prepare(e *exhibit) prepared {
	var out prepared
	out.data, out.err = r.read(e.Attachment)
	if out.err != nil || !e.image {
		return out
	}
	boxW, boxH := r.imageBox()
	px := func(mm, dpi float64) int { return int(math.Ceil(mm / 25.4 * dpi)) }
	w, h := e.Attachment.Width, e.Attachment.Height
	if w <= 0 || h <= 0 {
		if cfg, _, err := image.DecodeConfig(bytes.NewReader(out.data)); err == nil {
			w, h = cfg.Width, cfg.Height
		}
	}
	maxW, maxH := px(boxW, imageDPI), px(boxH, imageDPI)
	if w > 0 && h > 0 {
		out.tall = float64(h)/float64(w) > boxH/boxW*tallFactor
		pages := 1
		if out.tall {
			pages = tallMaxPages
		}
		if sw, sh := px(boxW, passDPI), px(boxH, passDPI)*pages; w <= sw && (out.tall || h <= sh) {
			maxW, maxH = sw, sh
		} else {
			maxH *= pages
		}
	}
	out.prep, out.err = images.Prepare(out.data, maxW, maxH)
	return out
}

// read reads an exhibit's original bytes through Dossier.Open.
func (r *renderer) read(a evidence.Attachment) ([]byte, error) {
	if a.Size == 0 {
		return nil, errNoData
	}
	if r.d.Read == nil {
		return nil, errors.New("no way to read the exhibits was given")
	}
	data, err := r.d.Read(a)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", errUnreadable, err)
	}
	if len(data) == 0 {
		return nil, errNoData
	}
	return data, nil
}

var (
	errNoData     = errors.New("the file has no data")
	errUnreadable = errors.New("the stored file could not be read")
)
