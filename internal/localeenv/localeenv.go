// Package localeenv keeps Fyne from printing "Fyne error: Error parsing
// user locale C" on every start of Redress, command line included.
//
// Fyne's lang package reads the locale when it is initialised, before
// main runs: the first non-empty of LC_ALL, LC_MESSAGES and LANG, or
// LANGUAGE when that one is not exactly C or POSIX. A codeset form such as
// C.UTF-8 (containers, CI, many servers) reaches Fyne as the tag "C",
// which it cannot parse, and it logs three lines to stderr. In that case
// (and only then) this package sets LANGUAGE=en, which Fyne then reads
// instead: the language Redress picks (lang.Detect, which never reads
// LANGUAGE and takes C.UTF-8 as English) does not change.
//
// Package main imports this package for its side effect. Go initialises
// packages in import-path order among those whose imports are ready
// (Go spec, "Package initialization"); fyne.io/fyne/v2/lang imports
// text/template, which sorts after redress/internal/localeenv, so this
// init always runs first. The test of package main checks it on the built
// binary.
package localeenv

import (
	"os"
	"strings"
)

// saved is LANGUAGE as the user set it, and whether it was set at all.
var (
	saved    string
	wasSet   bool
	adjusted bool
)

func init() { Apply() }

// Apply sets LANGUAGE=en when Needed says Fyne would otherwise log a
// locale error. It runs at init; the desktop app calls it again after a
// Restore, since Fyne reads the locale again while it runs.
func Apply() {
	if adjusted {
		return
	}
	saved, wasSet = os.LookupEnv("LANGUAGE")
	if Needed(os.Getenv) {
		adjusted = os.Setenv("LANGUAGE", "en") == nil
	}
}

// Needed reports whether the environment would make Fyne log a locale
// parsing error: the locale variable that counts is C or POSIX with a
// codeset or modifier, and LANGUAGE does not name a language instead.
func Needed(getenv func(string) string) bool {
	val := ""
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if val = getenv(v); val != "" {
			break
		}
	}
	if val == "" || val == "C" || val == "POSIX" {
		return false // Fyne takes these as "no locale": no error
	}
	if !posix(val) {
		return false
	}
	for _, l := range strings.Split(getenv("LANGUAGE"), ":") {
		if l != "" && !posix(l) {
			return false // Fyne reads LANGUAGE, which names a language
		}
	}
	return true
}

func posix(val string) bool {
	name, _, _ := strings.Cut(val, ".")
	name, _, _ = strings.Cut(name, "@")
	return name == "C" || name == "POSIX"
}

// Restore puts LANGUAGE back as the user had it, once Fyne's init has
// read it: the command line does not need it, and the programs it starts
// (xdg-open for dossier --open) see the environment unchanged.
func Restore() {
	if !adjusted {
		return
	}
	if wasSet {
		os.Setenv("LANGUAGE", saved)
	} else {
		os.Unsetenv("LANGUAGE")
	}
	adjusted = false
}
