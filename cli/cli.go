// Package cli is Redress's command-line interface: the contract that
// scripts, other tools and our own tests rely on. Output goes to stdout,
// errors to stderr as one plain sentence in the user's language; the exit
// code is 0 on success, 1 on failure and 2 on bad usage or input.
package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"redress/app"
	"redress/evidence"
	"redress/lang"
)

// Exit codes.
const (
	ExitOK    = 0
	ExitFail  = 1
	ExitUsage = 2
	// ExitRecover: the data folder's database is missing or empty but
	// copies were kept; the message names the newest and how to restore it.
	ExitRecover = 3
)

// Version is the app version printed by `redress version`: app.Version,
// the one place it is set.
var Version = app.Version

// usageError is a command line that does not make sense.
type usageError struct{ msg *lang.Error }

func (e usageError) Error() string { return e.msg.Error() }

func usage(key string, kv ...string) error { return usageError{lang.E(key, kv...)} }

type runner struct {
	ctx    context.Context
	out    io.Writer
	errw   io.Writer
	l      lang.Lang
	data   string
	opener func(ctx context.Context, dir string, create bool) (*app.App, error)
	start  Starter // the desktop app; nil in a build without one
	code   int     // the desktop app's exit code
}

// Run executes one command line (without the program name) and returns the
// exit code.
// The desktop app is not started: see Main for that.
func Run(args []string, stdout, stderr io.Writer) int { return Main(args, stdout, stderr, nil) }

func newRunner(stdout, stderr io.Writer) *runner {
	return &runner{ctx: context.Background(), out: stdout, errw: stderr, l: lang.Detect(),
		opener: func(ctx context.Context, dir string, create bool) (*app.App, error) {
			if create {
				return app.Open(ctx, dir)
			}
			return app.OpenExisting(ctx, dir)
		}}
}

func (r *runner) run(args []string) int {
	args, err := r.globals(args)
	if err == nil {
		err = r.dispatch(args)
	}
	if err == nil && r.code != 0 {
		return r.code
	}
	return r.report(err)
}

// report prints err as one sentence and picks the exit code.
func (r *runner) report(err error) int {
	if err == nil {
		return ExitOK
	}
	var ue usageError
	var rn *app.RecoveryNeeded
	switch {
	case errors.As(err, &ue):
		fmt.Fprintln(r.errw, evidence.Printable(r.l.Err(ue.msg)))
		fmt.Fprintln(r.errw, r.l.T("cli.see-help"))
		return ExitUsage
	case len(evidence.Fields(err)) > 0:
		fmt.Fprintln(r.errw, evidence.Printable(r.l.Err(err)))
		return ExitUsage
	case errors.As(err, &rn):
		fmt.Fprintln(r.errw, evidence.Printable(r.l.Err(rn)))
		return ExitRecover
	}
	fmt.Fprintln(r.errw, evidence.Printable(r.l.Err(err)))
	return ExitFail
}

func (r *runner) globals(args []string) ([]string, error) {
	for len(args) > 0 {
		a := args[0]
		switch {
		case a == "--data" || a == "-data":
			if len(args) < 2 {
				return nil, usage("cli.flag-needs-value", "flag", "--data")
			}
			r.data, args = args[1], args[2:]
		case strings.HasPrefix(a, "--data="):
			r.data, args = strings.TrimPrefix(a, "--data="), args[1:]
		case a == "-h" || a == "--help" || a == "-help":
			return []string{"help"}, nil
		case a == "--version":
			return []string{"version"}, nil
		default:
			return args, nil
		}
	}
	if r.start != nil {
		return []string{"gui"}, nil // `redress` or `redress --data DIR`: the desktop app
	}
	return []string{"help"}, nil
}

func (r *runner) dispatch(args []string) error {
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "help":
		fmt.Fprintln(r.out, r.l.T("cli.usage"))
		fmt.Fprintln(r.out, r.l.T("cli.usage-dossiers"))
		fmt.Fprintln(r.out, r.l.T("cli.usage-paralegal"))
		fmt.Fprintln(r.out, r.l.T("cli.usage-gui"))
		return nil
	case "gui":
		return r.gui(rest)
	case "version":
		fmt.Fprintln(r.out, "redress "+Version)
		return nil
	case "case":
		if len(rest) == 0 {
			return usage("cli.missing-subcommand", "command", "case", "choices", "new, list, show, edit, archive, restore")
		}
		switch rest[0] {
		case "new":
			return r.caseNew(rest[1:])
		case "edit":
			return r.caseEdit(rest[1:])
		case "list":
			return r.caseList(rest[1:])
		case "show":
			return r.caseShow(rest[1:])
		case "archive", "restore":
			return r.caseArchive(rest[0], rest[1:])
		}
		return usage("cli.unknown-subcommand", "command", "case", "sub", rest[0], "choices", "new, list, show, edit, archive, restore")
	case "event":
		if len(rest) == 0 {
			return usage("cli.missing-subcommand", "command", "event", "choices", "add, show, history, archive, restore")
		}
		switch rest[0] {
		case "add":
			return r.eventAdd(rest[1:])
		case "show", "history":
			return r.eventShow(rest[0], rest[1:])
		case "archive", "restore":
			return r.eventArchive(rest[0], rest[1:])
		}
		return usage("cli.unknown-subcommand", "command", "event", "sub", rest[0], "choices", "add, show, history, archive, restore")
	case "attach":
		return r.attach(rest)
	case "import-email":
		return r.importEmail(rest)
	case "timeline":
		return r.timeline(rest)
	case "search":
		return r.search(rest)
	case "verify-log":
		return r.verifyLog(rest)
	case "backup":
		return r.backup(rest)
	case "export":
		return r.export(rest)
	case "import":
		return r.importCase(rest)
	case "verify":
		return r.verify(rest)
	case "next":
		return r.next(rest)
	case "dossier":
		return r.dossier(rest)
	case "bodies":
		return r.bodies(rest)
	case "post":
		return r.post(rest)
	case "profile":
		return r.profile(rest)
	case "client":
		return r.client(rest)
	case "forms":
		return r.forms(rest)
	case "authority":
		return r.authority(rest)
	case "records":
		return r.records(rest)
	case "restore":
		return r.restore(rest)
	}
	return usage("cli.unknown-command", "command", cmd)
}

// open opens the data directory chosen by --data, REDRESS_DATA or the
// default, creating it when missing: for commands that write.
func (r *runner) open() (*app.App, error) { return r.openDir(true) }

// openRead opens an existing data directory, for commands that only read:
// a mistyped --data is reported, never created.
func (r *runner) openRead() (*app.App, error) { return r.openDir(false) }

func (r *runner) openDir(create bool) (*app.App, error) {
	dir, err := app.DataDir(r.data)
	if err != nil {
		return nil, err
	}
	a, err := r.opener(r.ctx, dir, create)
	if err != nil {
		return nil, err
	}
	if a.Damaged() {
		fmt.Fprintln(r.errw, r.l.T("cli.damaged-warning"))
	}
	return a, nil
}

// flags wraps flag.FlagSet so that flags may come before or after the
// positional arguments and errors are translated.
type flags struct {
	fs  *flag.FlagSet
	cmd string
}

func newFlags(cmd string) *flags {
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return &flags{fs: fs, cmd: cmd}
}

func (f *flags) str(name string) *string   { return f.fs.String(name, "", "") }
func (f *flags) boolean(name string) *bool { return f.fs.Bool(name, false, "") }

type list []string

func (l *list) String() string     { return strings.Join(*l, ",") }
func (l *list) Set(v string) error { *l = append(*l, v); return nil }

func (f *flags) list(name string) *list {
	var l list
	f.fs.Var(&l, name, "")
	return &l
}

// parse returns the positional arguments; want is how many are expected
// (-1: one or more; -2: any number).
func (f *flags) parse(args []string, want int, names ...string) ([]string, error) {
	var pos []string
	for {
		if err := f.fs.Parse(args); err != nil {
			msg := err.Error()
			switch {
			case strings.HasPrefix(msg, "flag provided but not defined: "):
				return nil, usage("cli.unknown-flag", "flag", dashes(strings.TrimPrefix(msg, "flag provided but not defined: ")), "command", f.cmd)
			case strings.HasPrefix(msg, "flag needs an argument: "):
				return nil, usage("cli.flag-needs-value", "flag", dashes(strings.TrimPrefix(msg, "flag needs an argument: ")))
			case errors.Is(err, flag.ErrHelp):
				return nil, usage("cli.help-flag", "command", f.cmd)
			}
			return nil, usage("cli.bad-flag", "detail", msg)
		}
		if f.fs.NArg() == 0 {
			break
		}
		rest := f.fs.Args()
		if rest[0] == "--" {
			pos = append(pos, rest[1:]...)
			break
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	switch {
	case want == -1 && len(pos) == 0:
		return nil, usage("cli.missing-arg", "arg", names[0], "command", f.cmd)
	case want >= 0 && len(pos) < want:
		return nil, usage("cli.missing-arg", "arg", names[len(pos)], "command", f.cmd)
	case want >= 0 && len(pos) > want:
		return nil, usage("cli.extra-arg", "arg", pos[want], "command", f.cmd)
	}
	return pos, nil
}

func (r *runner) json(v any) error {
	enc := json.NewEncoder(r.out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}

func (r *runner) printf(format string, args ...any) { fmt.Fprintf(r.out, format, args...) }

// dashes writes a flag the way the help text does: --name.
func dashes(flag string) string { return "--" + strings.TrimLeft(flag, "-") }
