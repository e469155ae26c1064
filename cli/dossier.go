package cli

import (
	"fmt"
	"os"
	"time"

	"redress/app"
	"redress/evidence"
	"redress/lang"
	"redress/letters"
	"redress/opener"
)

func (r *runner) dossier(args []string) error {
	f := newFlags("dossier")
	to, lng, paper, out := f.str("to"), f.str("lang"), f.str("paper"), f.str("o")
	redact, sent, open := f.boolean("redact"), f.boolean("sent"), f.boolean("open")
	own := f.boolean("own-copy")
	method, ref := f.str("method"), f.str("ref")
	exclude, notes := f.list("exclude"), f.boolean("include-notes")
	pos, err := f.parse(args, 1, "CASE")
	if err != nil {
		return err
	}
	if *out == "" {
		return usage("cli.missing-flag", "flag", "-o OUT.pdf", "command", "dossier")
	}
	if *own && *sent {
		return usage("cli.own-copy-not-sent")
	}
	if *to == "" {
		*to = string(letters.Provider)
	}
	valid := false
	for _, rcp := range letters.Recipients {
		valid = valid || string(rcp) == *to
	}
	if !valid {
		return &evidence.FieldError{Field: "to", Reason: evidence.ReasonUnknownValue, Value: *to, Allowed: []string{"provider", "association", "regulator"}}
	}
	if *lng != "" && *lng != "zh" && *lng != "en" {
		return &evidence.FieldError{Field: "lang", Reason: evidence.ReasonUnknownValue, Value: *lng, Allowed: []string{"zh", "en"}}
	}
	if *paper != "" && *paper != "a4" && *paper != "letter" {
		return &evidence.FieldError{Field: "paper", Reason: evidence.ReasonUnknownValue, Value: *paper, Allowed: []string{"a4", "letter"}}
	}
	// A dossier file is never overwritten: it may be the copy that was
	// sent, recorded with its SHA-256 (docs/CLI.md). A name Windows cannot
	// keep is refused first (NUL.pdf "exists" there as a device).
	if err := app.CheckName(*out); err != nil {
		return err
	}
	if _, err := os.Lstat(*out); err == nil {
		return lang.E("dossier.file-exists", "file", *out)
	}
	a, err := r.open()
	if err != nil {
		return err
	}
	defer a.Close()
	if !*own { // an own copy is not sent: nothing to know before sending
		warnings, err := a.LetterWarnings(r.ctx, pos[0], letters.Recipient(*to), "")
		if err != nil {
			return err
		}
		for _, w := range warnings {
			fmt.Fprintln(r.errw, r.l.T("law.before-sending", "warning", r.l.T(w.Key, w.Args...)))
		}
	}
	sel, err := dossierSelection(r, a, pos[0], letters.Recipient(*to), *exclude, *notes)
	if err != nil {
		return err
	}
	res, err := a.Dossier(r.ctx, pos[0], app.DossierOptions{To: letters.Recipient(*to), Lang: evidence.Language(*lng),
		Paper: *paper, Redact: *redact, OwnCopy: *own, Out: *out, Selection: sel})
	if err != nil {
		return err
	}
	for _, p := range res.Problems {
		fmt.Fprintln(r.errw, r.l.T("ui.exhibit-problem", "number", p.Number, "file", p.FileName, "reason", r.l.T(app.ProblemKey(p))))
	}
	r.printf("%s\n", r.l.T("ui.dossier-saved", "file", res.Record.Path, "pages", fmt.Sprint(res.Record.Pages)))
	r.printf("SHA-256 %s\n", res.Record.SHA256)
	// What the manifest says it includes, as verify prints it (without
	// reading the whole file back: that would cost as much again).
	r.leftOutLine(app.VerifyReport{Entries: res.Entries, LeftOut: res.LeftOut})
	if *sent {
		e, err := a.MarkSent(r.ctx, res.Record, *method, *ref, time.Now())
		if err != nil {
			return err
		}
		r.printf("%s\n", r.l.T("cli.dossier-sent", "id", e.ID))
	}
	if *open {
		return opener.Open(res.Record.Path)
	}
	return nil
}
