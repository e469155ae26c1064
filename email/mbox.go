package email

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
)

// Quoting is how an mbox writer protected body lines that begin with
// "From ".
type Quoting int

// The two quoting schemes in use. They differ only for body lines that
// already began with ">From " before quoting: mboxrd quotes those too (and
// so can be undone exactly); mboxo does not, which makes such lines
// ambiguous in an mboxo file.
const (
	// MboxRD: every line matching ^>*From  got one more ">"; reading
	// removes one from every line matching ^>+From . This is the default:
	// it is exact for mboxrd and right for every line of an mboxo file
	// except one that began with ">From " before it was written.
	MboxRD Quoting = iota
	// MboxO: only lines matching ^From  got a ">"; reading removes it from
	// lines matching ^>From  and leaves ">>From " alone.
	MboxO
)

// Mbox reads the messages of an mbox file one at a time, so a mailbox of
// any size needs the memory of its largest message only. Messages are
// separated by a "From " line at the start of the file or after an empty
// line; the empty line before a separator belongs to the separator.
type Mbox struct {
	// Quoting is the writer's quoting scheme; MboxRD unless set otherwise
	// before the first call to Next.
	Quoting Quoting

	r       *bufio.Reader
	name    string
	index   int
	started bool
	done    error // sticky: io.EOF or a read error
}

// NewMbox reads an mbox from r; name is the file's name as the user knows
// it, used in errors.
func NewMbox(r io.Reader, name string) *Mbox {
	return &Mbox{r: bufio.NewReaderSize(r, 64<<10), name: name}
}

// Next returns the next message, or io.EOF after the last. An *Error for
// one message (not an email, nested too deep, too large, empty) leaves the
// reader at the following message: call Next again to go on. Any other
// error ends the reading.
func (m *Mbox) Next() (*Message, error) {
	if m.done != nil {
		return nil, m.done
	}
	if !m.started {
		m.started = true
		first, err := m.r.ReadSlice('\n')
		if len(first) == 0 && err == io.EOF {
			m.done = io.EOF
			return nil, &Error{File: m.name, Problem: ProblemEmpty}
		}
		if !isFromLine(first) {
			m.done = &Error{File: m.name, Problem: ProblemNotMbox}
			return nil, m.done
		}
		if err != nil && err != bufio.ErrBufferFull {
			m.done = m.readErr(err)
			return nil, m.done
		}
		if err == bufio.ErrBufferFull { // an absurdly long From line: skip its rest
			if _, err := m.r.ReadBytes('\n'); err != nil {
				m.done = m.readErr(err)
			}
		}
	}
	m.index++
	var buf bytes.Buffer
	tooLarge := false
	prevEmpty := false
	for {
		line, err := m.r.ReadBytes('\n')
		if len(line) > 0 {
			if prevEmpty && isFromLine(line) {
				break // the next message's separator
			}
			prevEmpty = len(bytes.TrimRight(line, "\r\n")) == 0
			if unquote(line, m.Quoting) {
				line = line[1:]
			}
			if buf.Len()+len(line) > MaxMessageBytes {
				tooLarge = true
			} else if !tooLarge {
				buf.Write(line)
			}
		}
		if err != nil {
			if err != io.EOF {
				m.done = m.readErr(err)
				return nil, m.done
			}
			m.done = io.EOF
			break
		}
	}
	data := buf.Bytes()
	switch {
	case bytes.HasSuffix(data, []byte("\r\n\r\n")):
		data = data[:len(data)-2]
	case bytes.HasSuffix(data, []byte("\n\n")):
		data = data[:len(data)-1]
	}
	if tooLarge {
		return nil, &Error{File: m.name, Index: m.index, Problem: ProblemTooLarge}
	}
	msg, p := parse(data)
	if p != "" {
		return nil, &Error{File: m.name, Index: m.index, Problem: p}
	}
	return msg, nil
}

func (m *Mbox) readErr(err error) error {
	return fmt.Errorf("read mbox %s: %w", m.name, err)
}

// ParseMbox reads every message of an mbox held in memory. Messages that
// cannot be read are left out and reported together in the error (each an
// *Error naming its position), so one damaged message does not cost the
// others: a non-nil error may come with messages.
func ParseMbox(name string, data []byte) ([]*Message, error) {
	mb := NewMbox(bytes.NewReader(data), name)
	var msgs []*Message
	var errs []error
	for {
		msg, err := mb.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			errs = append(errs, err)
			var e *Error
			if errors.As(err, &e) && e.Index > 0 {
				continue
			}
			break
		}
		msgs = append(msgs, msg)
	}
	return msgs, errors.Join(errs...)
}

// IsMbox reports whether data (the first bytes of a file are enough) looks
// like an mbox: its first line is an mbox "From " separator.
func IsMbox(data []byte) bool {
	return isFromLine(firstLine(data))
}

// fromLine matches an mbox separator: "From ", the envelope sender, and
// usually a date; never a header field ("From:").
var fromLine = regexp.MustCompile(`^From [^\s:]+(\s|$)`)

func isFromLine(line []byte) bool {
	return bytes.HasPrefix(line, []byte("From ")) && fromLine.Match(line)
}

var quotedFrom = []byte("From ")

// unquote reports whether line is a quoted "From " line whose first ">"
// must go.
func unquote(line []byte, q Quoting) bool {
	if len(line) < 6 || line[0] != '>' {
		return false
	}
	if q == MboxO {
		return bytes.HasPrefix(line[1:], quotedFrom)
	}
	rest := bytes.TrimLeft(line, ">")
	return bytes.HasPrefix(rest, quotedFrom)
}
