//go:build linux || freebsd || openbsd || netbsd

package screen

import (
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"slices"
	"strings"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// clipTimeout bounds each answer awaited from the clipboard's owner: a
// program that owns the clipboard but does not answer must not hang the
// app.
const clipTimeout = 3 * time.Second

func init() {
	// xgb writes to stderr ("XGB: Could not get authority info…") about
	// conditions this package returns as errors anyway; the CLI must not
	// print them and the app has no console to show them in.
	xgb.Logger = log.New(io.Discard, "", 0)
}

// canCapture reports a screenshot impossible before trying: no X display
// and no Wayland session.
func canCapture() error {
	if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		return &Error{Problem: ProblemNoDisplay, Err: errors.New("neither DISPLAY nor WAYLAND_DISPLAY is set")}
	}
	return nil
}

// Clipboard returns the picture or text on the clipboard.
func Clipboard() (Clip, error) {
	x, err := dialX()
	if err != nil {
		if os.Getenv("WAYLAND_DISPLAY") != "" {
			if _, lerr := exec.LookPath("wl-paste"); lerr == nil {
				return wlClipboard()
			}
		}
		return Clip{}, &Error{Problem: ProblemNoClipboard, Err: err}
	}
	defer x.close()
	return x.clipboard()
}

var errTimeout = errors.New("the program that holds the clipboard did not answer")

// xclip is one short-lived connection to the X server that reads the
// CLIPBOARD selection into a property of its own window.
type xclip struct {
	c      *xgb.Conn
	win    xproto.Window
	atoms  map[string]xproto.Atom
	events chan xgb.Event
	done   chan struct{}
}

func dialX() (*xclip, error) {
	if os.Getenv("DISPLAY") == "" {
		return nil, errors.New("DISPLAY is not set")
	}
	c, err := xgb.NewConn()
	if err != nil {
		return nil, fmt.Errorf("connect to the X display %s: %w", os.Getenv("DISPLAY"), err)
	}
	x := &xclip{c: c, atoms: map[string]xproto.Atom{}, events: make(chan xgb.Event, 16), done: make(chan struct{})}
	go x.pump()
	win, err := xproto.NewWindowId(c)
	if err != nil {
		x.close()
		return nil, fmt.Errorf("create a window: %w", err)
	}
	root := xproto.Setup(c).DefaultScreen(c).Root
	if err := xproto.CreateWindowChecked(c, 0, win, root, 0, 0, 1, 1, 0, xproto.WindowClassInputOnly, 0,
		xproto.CwEventMask, []uint32{xproto.EventMaskPropertyChange}).Check(); err != nil {
		x.close()
		return nil, fmt.Errorf("create a window: %w", err)
	}
	x.win = win
	names := append([]string{"CLIPBOARD", "TARGETS", "INCR", "REDRESS_CLIP"}, append(slices.Clone(imageTypes), textTypes...)...)
	cookies := make([]xproto.InternAtomCookie, len(names))
	for i, n := range names {
		cookies[i] = xproto.InternAtom(c, false, uint16(len(n)), n)
	}
	for i, ck := range cookies {
		r, err := ck.Reply()
		if err != nil {
			x.close()
			return nil, fmt.Errorf("intern atom %s: %w", names[i], err)
		}
		x.atoms[names[i]] = r.Atom
	}
	return x, nil
}

// pump forwards the connection's events until it closes.
func (x *xclip) pump() {
	defer close(x.events)
	for {
		ev, err := x.c.WaitForEvent()
		if ev == nil && err == nil {
			return // connection closed
		}
		if ev != nil {
			select {
			case x.events <- ev:
			case <-x.done:
				return
			}
		}
	}
}

func (x *xclip) close() {
	close(x.done)
	x.c.Close()
}

func (x *xclip) clipboard() (Clip, error) {
	owner, err := xproto.GetSelectionOwner(x.c, x.atoms["CLIPBOARD"]).Reply()
	if err != nil {
		return Clip{}, &Error{Problem: ProblemNoClipboard, Err: err}
	}
	if owner.Owner == xproto.WindowNone {
		return Clip{}, &Error{Problem: ProblemClipEmpty}
	}
	offered := map[string]bool{}
	raw, _, err := x.convert("TARGETS")
	if errors.Is(err, errTimeout) {
		return Clip{}, &Error{Problem: ProblemClipEmpty, Err: err}
	}
	if err == nil {
		names := map[xproto.Atom]string{}
		for k, v := range x.atoms {
			names[v] = k
		}
		for i := 0; i+4 <= len(raw); i += 4 {
			a := xproto.Atom(xgb.Get32(raw[i:]))
			if n, ok := names[a]; ok {
				offered[n] = true
			}
		}
	}
	// An owner that does not answer TARGETS is asked for PNG and UTF-8
	// text directly.
	if len(offered) == 0 {
		offered["image/png"], offered["UTF8_STRING"] = true, true
	}
	var problems []string
	for _, t := range imageTypes {
		if !offered[t] {
			continue
		}
		data, _, err := x.convert(t)
		if err != nil || len(data) == 0 {
			problems = append(problems, fmt.Sprintf("%s: %v", t, err))
			continue
		}
		from := t
		if t == "image/x-bmp" {
			from = "image/bmp"
		}
		clip, err := clipFromImage(data, from)
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		return clip, nil
	}
	for _, t := range textTypes {
		if !offered[t] {
			continue
		}
		data, _, err := x.convert(t)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", t, err))
			continue
		}
		if s, ok := clipText(data, t); ok {
			return Clip{Text: s}, nil
		}
	}
	var cause error
	if len(problems) > 0 {
		cause = errors.New(strings.Join(problems, "; "))
	}
	return Clip{}, &Error{Problem: ProblemClipEmpty, Err: cause}
}

// convert asks the clipboard's owner for target and reads the answer,
// following the INCR protocol for large data (incr is then true).
func (x *xclip) convert(target string) (data []byte, incr bool, err error) {
	prop := x.atoms["REDRESS_CLIP"]
	xproto.DeleteProperty(x.c, x.win, prop)
	xproto.ConvertSelection(x.c, x.win, x.atoms["CLIPBOARD"], x.atoms[target], prop, xproto.TimeCurrentTime)
	ev, err := x.wait(func(ev xgb.Event) bool {
		_, ok := ev.(xproto.SelectionNotifyEvent)
		return ok
	})
	if err != nil {
		return nil, false, err
	}
	if ev.(xproto.SelectionNotifyEvent).Property == xproto.AtomNone {
		return nil, false, fmt.Errorf("the clipboard's owner refused %s", target)
	}
	data, typ, err := x.read(prop)
	if err != nil {
		return nil, false, err
	}
	if typ != x.atoms["INCR"] {
		return data, false, nil
	}
	// INCR: the owner sends chunks, each when the last one was deleted
	// (read deletes it); an empty chunk ends the transfer.
	var all []byte
	for {
		_, err := x.wait(func(ev xgb.Event) bool {
			p, ok := ev.(xproto.PropertyNotifyEvent)
			return ok && p.Atom == prop && p.State == xproto.PropertyNewValue
		})
		if err != nil {
			return nil, true, err
		}
		chunk, _, err := x.read(prop)
		if err != nil {
			return nil, true, err
		}
		if len(chunk) == 0 {
			return all, true, nil
		}
		if len(all)+len(chunk) > 512<<20 {
			return nil, true, errors.New("the clipboard holds more than 512 MB")
		}
		all = append(all, chunk...)
	}
}

// read reads and deletes the property, in pieces if it is large.
func (x *xclip) read(prop xproto.Atom) ([]byte, xproto.Atom, error) {
	var data []byte
	var typ xproto.Atom
	const piece = 1 << 20 // in 32-bit units: 4 MB a request
	for offset := uint32(0); ; {
		r, err := xproto.GetProperty(x.c, false, x.win, prop, xproto.GetPropertyTypeAny, offset, piece).Reply()
		if err != nil {
			return nil, 0, fmt.Errorf("read the clipboard: %w", err)
		}
		data = append(data, r.Value...)
		typ = r.Type
		if r.BytesAfter == 0 {
			break
		}
		offset += uint32(len(r.Value) / 4)
	}
	if err := xproto.DeletePropertyChecked(x.c, x.win, prop).Check(); err != nil {
		return nil, 0, fmt.Errorf("read the clipboard: %w", err)
	}
	return data, typ, nil
}

// wait returns the first event that matches, or an error after
// clipTimeout.
func (x *xclip) wait(match func(xgb.Event) bool) (xgb.Event, error) {
	timer := time.NewTimer(clipTimeout)
	defer timer.Stop()
	for {
		select {
		case ev, ok := <-x.events:
			if !ok {
				return nil, errors.New("the X connection closed")
			}
			if match(ev) {
				return ev, nil
			}
		case <-timer.C:
			return nil, fmt.Errorf("%w within %v", errTimeout, clipTimeout)
		}
	}
}

// wlClipboard reads a Wayland clipboard with wl-paste.
func wlClipboard() (Clip, error) {
	out, err := exec.Command("wl-paste", "--list-types").Output()
	if err != nil {
		return Clip{}, &Error{Problem: ProblemClipEmpty, Err: fmt.Errorf("wl-paste --list-types: %w", err)}
	}
	offered := map[string]bool{}
	for _, t := range strings.Fields(string(out)) {
		offered[t] = true
	}
	for _, t := range imageTypes {
		if !offered[t] {
			continue
		}
		data, err := exec.Command("wl-paste", "--no-newline", "--type", t).Output()
		if err != nil || len(data) == 0 {
			continue
		}
		if clip, err := clipFromImage(data, t); err == nil {
			return clip, nil
		}
	}
	for _, t := range []string{"text/plain;charset=utf-8", "UTF8_STRING", "text/plain", "STRING", "TEXT"} {
		if !offered[t] {
			continue
		}
		data, err := exec.Command("wl-paste", "--no-newline", "--type", t).Output()
		if err != nil {
			continue
		}
		if s, ok := clipText(data, t); ok {
			return Clip{Text: s}, nil
		}
	}
	return Clip{}, &Error{Problem: ProblemClipEmpty}
}
