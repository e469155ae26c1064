package cli

import (
	"time"

	"redress/app"
)

func (r *runner) backup(args []string) error {
	f := newFlags("backup")
	out := f.str("o")
	if _, err := f.parse(args, 0); err != nil {
		return err
	}
	if *out == "" {
		return usage("cli.missing-flag", "flag", "-o FILE", "command", "backup")
	}
	a, err := r.openRead()
	if err != nil {
		return err
	}
	defer a.Close()
	if err := a.Backup(r.ctx, *out); err != nil {
		return err
	}
	r.printf("%s\n", r.l.T("cli.backup-done", "file", *out))
	return nil
}

func (r *runner) restore(args []string) error {
	f := newFlags("restore")
	pos, err := f.parse(args, 1, "FILE")
	if err != nil {
		return err
	}
	dir, err := app.DataDir(r.data)
	if err != nil {
		return err
	}
	aside, err := app.Restore(r.ctx, dir, pos[0], time.Now())
	if err != nil {
		return err
	}
	if aside != "" {
		r.printf("%s\n", r.l.T("cli.restored-aside", "file", pos[0], "aside", aside))
	} else {
		r.printf("%s\n", r.l.T("cli.restored", "file", pos[0]))
	}
	return nil
}
