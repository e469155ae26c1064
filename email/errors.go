package email

import (
	"strconv"

	"redress/lang"
)

// Problem says what is wrong with a file that cannot be read as email.
// Each problem has a sentence in the lang catalogs: "email.<problem>" for
// a file, "email.<problem>-mbox" for one message of an mbox.
type Problem string

// The problems a file can have.
const (
	ProblemEmpty    Problem = "empty"     // no bytes at all
	ProblemNotEmail Problem = "not-email" // no header fields an email has
	ProblemTooDeep  Problem = "too-deep"  // parts nested deeper than MaxDepth
	ProblemTooLarge Problem = "too-large" // one message bigger than MaxMessageBytes
	ProblemNotMbox  Problem = "not-mbox"  // an mbox that does not start with a "From " line
)

// Error is a file (or one message of an mbox) that cannot be read as an
// email. It unwraps to a *lang.Error, so lang.Lang.Err gives its sentence
// in the user's language, and to its cause, if any.
type Error struct {
	File    string  // the file's name as the user knows it
	Index   int     // the message's position in an mbox, from 1; 0 for a whole file
	Problem Problem // what is wrong
	Err     error   // the underlying cause, for logs; may be nil
}

func (e *Error) sentence() *lang.Error {
	key := "email." + string(e.Problem)
	kv := []string{"file", e.File}
	if e.Index > 0 {
		key += "-mbox"
		kv = append(kv, "n", strconv.Itoa(e.Index))
	}
	switch e.Problem {
	case ProblemTooDeep:
		kv = append(kv, "limit", strconv.Itoa(MaxDepth))
	case ProblemTooLarge:
		kv = append(kv, "limit", strconv.Itoa(MaxMessageBytes>>20))
	}
	return lang.Wrap(e.Err, key, kv...)
}

// Error is the English sentence, with the cause in brackets.
func (e *Error) Error() string { return e.sentence().Error() }

// Unwrap gives the sentence (a *lang.Error) and the cause.
func (e *Error) Unwrap() []error {
	if e.Err == nil {
		return []error{e.sentence()}
	}
	return []error{e.sentence(), e.Err}
}
