package cli

import (
	"fmt"

	"redress/app"
	"redress/lang"
)

func (r *runner) export(args []string) error {
	f := newFlags("export")
	out := f.str("o")
	redact, dossiers := f.boolean("redact"), f.boolean("dossiers")
	pos, err := f.parse(args, 1, "CASE")
	if err != nil {
		return err
	}
	if *out == "" {
		return usage("cli.missing-flag", "flag", "-o FILE.zip", "command", "export")
	}
	a, err := r.open()
	if err != nil {
		return err
	}
	defer a.Close()
	if err := a.Export(r.ctx, pos[0], *out, app.ExportOptions{Redact: *redact, Dossiers: *dossiers}); err != nil {
		return err
	}
	r.printf("%s\n", r.l.T("cli.exported", "file", *out))
	return nil
}

func (r *runner) importCase(args []string) error {
	f := newFlags("import")
	asCopy := f.boolean("as-copy")
	pos, err := f.parse(args, 1, "FILE")
	if err != nil {
		return err
	}
	a, err := r.open()
	if err != nil {
		return err
	}
	defer a.Close()
	c, err := a.Import(r.ctx, pos[0], app.ImportOptions{AsCopy: *asCopy})
	if err != nil {
		return err
	}
	r.printf("%s\n", c.ID)
	return nil
}

func (r *runner) verify(args []string) error {
	f := newFlags("verify")
	asJSON := f.boolean("json")
	pos, err := f.parse(args, 1, "FILE")
	if err != nil {
		return err
	}
	rep, err := r.verifyFile(pos[0])
	if err != nil {
		return err
	}
	if *asJSON {
		if err := r.json(rep); err != nil {
			return err
		}
	} else {
		t := table{}
		for _, x := range rep.Results {
			status := "OK"
			if !x.OK {
				status = r.l.T("cli.mismatch")
				if x.Problem != "" {
					status += " (" + r.l.T(x.Problem, "name", x.Path) + ")"
				}
			}
			t.row(status, x.Path, x.Actual)
		}
		t.write(r.out)
		if rep.Note != "" {
			r.printf("%s\n", r.l.T(rep.Note))
		}
	}
	if !rep.OK() {
		return lang.E("cli.verify-failed", "file", pos[0])
	}
	if !*asJSON {
		r.printf("%s\n", r.l.T("cli.verify-ok", "n", fmt.Sprint(len(rep.Results))))
	}
	return nil
}
