package cli

import (
	"fmt"

	"redress/app"
	"redress/evidence"
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
	a, err := r.openRead()
	if err != nil {
		return err
	}
	defer a.Close()
	res, err := a.ExportReport(r.ctx, pos[0], *out, app.ExportOptions{Redact: *redact, Dossiers: *dossiers})
	if err != nil {
		return err
	}
	for _, p := range res.Problems {
		fmt.Fprintln(r.errw, evidence.Printable(r.l.T(p.Key, "file", p.File)))
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
	if rep, err := a.VerifyArchive(pos[0]); err == nil && rep.Signer == "" {
		fmt.Fprintln(r.errw, r.l.T("cli.verify-unsigned"))
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
		r.leftOutLine(rep)
		if rep.Kind == "dossier" {
			r.dossierSeal(rep)
		}
		if rep.Kind == "archive" {
			switch {
			case rep.ThisInstall:
				r.printf("%s\n", r.l.T("cli.verify-signed-here", "fingerprint", rep.Signer))
			case rep.Signer != "":
				r.printf("%s\n", r.l.T("cli.verify-signed-by", "fingerprint", rep.Signer))
			}
		}
	}
	if !rep.OK() {
		return lang.E("cli.verify-failed", "file", pos[0])
	}
	if rep.Kind == "archive" && rep.Signer == "" {
		// Every hash matched, but nothing vouches for the list of hashes.
		return lang.E("cli.verify-unsigned")
	}
	if !*asJSON {
		r.printf("%s\n", r.l.T("cli.verify-ok", "n", fmt.Sprint(len(rep.Results))))
	}
	return nil
}
