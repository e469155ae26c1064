package cli

import (
	"strings"

	"redress/app"
	"redress/escalation"
	"redress/evidence"
)

// nextReport is the JSON of `next`.
type nextReport struct {
	CaseID    string                `json:"case_id"`
	Title     string                `json:"title"`
	Position  escalation.Step       `json:"position"`
	Next      nextStepJSON          `json:"next"`
	Deadlines []deadlineJSON        `json:"deadlines"`
	Checklist escalation.Checklist  `json:"checklist"`
	Missing   []string              `json:"missing"`
	Rights    []rightJSON           `json:"rights"`
	Bodies    []bodyJSON            `json:"bodies"`
	Warnings  []string              `json:"warnings"` // in the user's language
	Raw       escalation.Assessment `json:"-"`
}

// rightJSON is a right in `next --json`: its plain statement in the user's
// language and its citation.
type rightJSON struct {
	ID           string `json:"id"`
	Text         string `json:"text"`
	Citation     string `json:"citation"`
	URL          string `json:"url,omitempty"`
	CheckLocally bool   `json:"check_locally"`
}

// bodyJSON is a complaint body in `next --json`.
type bodyJSON struct {
	ID           string `json:"id"`
	Party        string `json:"party"` // association or regulator: the dossier --to it takes
	Name         string `json:"name"`
	Ask          string `json:"ask"`
	Source       string `json:"source"`
	Chosen       bool   `json:"chosen"` // letters to its party go to it
	Note         string `json:"note,omitempty"`
	CheckLocally bool   `json:"check_locally"`
}

type nextStepJSON struct {
	Step   escalation.Step `json:"step"`
	Reason string          `json:"reason"` // in the user's language
	From   string          `json:"from"`   // YYYY-MM-DD
}

type deadlineJSON struct {
	Clock        escalation.Clock  `json:"clock"`
	Rule         string            `json:"rule"`
	Nature       escalation.Nature `json:"nature"` // law, provider-promise or user-set
	Effect       escalation.Effect `json:"effect"` // reply-by, available-from or act-by
	Due          string            `json:"due"`    // YYYY-MM-DD
	Status       escalation.Status `json:"status"`
	DaysLeft     int               `json:"days_left"`
	CheckLocally bool              `json:"check_locally"`
	Text         string            `json:"text"`
}

func (r *runner) next(args []string) error {
	f := newFlags("next")
	asJSON := f.boolean("json")
	pos, err := f.parse(args, -2, "CASE")
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return usage("cli.extra-arg", "arg", pos[1], "command", "next")
	}
	a, err := r.open()
	if err != nil {
		return err
	}
	defer a.Close()
	var refs []string
	if len(pos) == 1 {
		refs = pos
	} else {
		cases, err := a.Cases(r.ctx, false)
		if err != nil {
			return err
		}
		for _, c := range cases {
			if c.Status != evidence.Resolved && c.Status != evidence.Closed {
				refs = append(refs, c.ID)
			}
		}
	}
	var reports []nextReport
	for _, ref := range refs {
		c, as, err := a.Assess(r.ctx, ref)
		if err != nil {
			return err
		}
		bodies, err := a.Bodies(r.ctx, c.ID)
		if err != nil {
			return err
		}
		details, err := a.LetterDetails(r.ctx, c.ID)
		if err != nil {
			return err
		}
		rep := r.nextReport(c, as)
		r.addLaw(&rep, as, bodies, details)
		reports = append(reports, rep)
	}
	sortByUrgency(reports)
	if *asJSON {
		if reports == nil {
			reports = []nextReport{}
		}
		return r.json(reports)
	}
	if len(reports) == 0 {
		r.printf("%s\n", r.l.T("cli.no-open-cases"))
		return nil
	}
	for i, rep := range reports {
		if i > 0 {
			r.printf("\n")
		}
		r.printNext(rep)
	}
	r.printf("\n%s\n", r.l.T(escalation.DisclaimerKey))
	return nil
}

func (r *runner) nextReport(c evidence.Case, as escalation.Assessment) nextReport {
	rep := nextReport{CaseID: c.ID, Title: c.Title, Position: as.Position, Checklist: as.Checklist, Raw: as, Missing: []string{}}
	rep.Next = nextStepJSON{Step: as.Next.Step, Reason: r.l.T(as.Next.Reason, as.Next.Args...)}
	if !as.Next.From.IsZero() {
		rep.Next.From = as.Next.From.Format(evidence.DateLayout)
	}
	rep.Deadlines = []deadlineJSON{}
	for _, d := range as.Deadlines {
		key, args := d.When()
		rep.Deadlines = append(rep.Deadlines, deadlineJSON{Clock: d.Clock, Rule: d.RuleID, Nature: d.Nature, Effect: d.Effect,
			Due:    d.Due.Format(evidence.DateLayout),
			Status: d.Status, DaysLeft: d.DaysLeft, CheckLocally: d.CheckLocally, Text: r.l.T(key, args...)})
	}
	for _, it := range as.Checklist.Missing {
		rep.Missing = append(rep.Missing, r.l.T(it.Key))
	}
	return rep
}

// addLaw adds the case's rights, bodies and standing warnings.
func (r *runner) addLaw(rep *nextReport, as escalation.Assessment, bodies []app.BodyChoice, d app.LetterDetails) {
	rep.Rights, rep.Bodies, rep.Warnings = []rightJSON{}, []bodyJSON{}, []string{}
	for _, rt := range as.Rights {
		rep.Rights = append(rep.Rights, rightJSON{ID: rt.ID, Text: r.l.T(rt.Key), Citation: rt.Source.Citation,
			URL: rt.Source.URL, CheckLocally: rt.CheckLocally})
	}
	for _, b := range bodies {
		key, args := b.NameKey(d.City)
		name := r.l.T(key, args...)
		if b.Name != "" {
			name = b.Name
		}
		bj := bodyJSON{ID: b.ID, Party: b.Party, Name: name, Ask: r.l.T(b.AskKey), Source: b.Source.Citation,
			Chosen: b.Chosen, CheckLocally: b.CheckLocally}
		if b.NoteKey != "" {
			bj.Note = r.l.T(b.NoteKey)
		}
		rep.Bodies = append(rep.Bodies, bj)
	}
	for _, w := range as.Warnings {
		rep.Warnings = append(rep.Warnings, r.l.T(w.Key, w.Args...))
	}
}

// sortByUrgency puts cases with the most overdue deadline first, then the
// soonest due.
func sortByUrgency(reps []nextReport) {
	urgency := func(rep nextReport) int {
		best := 1 << 30
		for _, d := range rep.Raw.Deadlines {
			if d.Open() && d.DaysLeft < best {
				best = d.DaysLeft
			}
		}
		return best
	}
	for i := 1; i < len(reps); i++ {
		for j := i; j > 0 && urgency(reps[j]) < urgency(reps[j-1]); j-- {
			reps[j], reps[j-1] = reps[j-1], reps[j]
		}
	}
}

func (r *runner) printNext(rep nextReport) {
	r.printf("%s (%s)\n", rep.Title, rep.CaseID[:8])
	t := table{}
	t.row(r.l.T("cli.label", "label", r.l.T("cli.position")), r.l.T(rep.Position.Key()))
	if rep.Next.Step != "" { // no next step: nothing, never the key "esc.step."
		next := r.l.T(rep.Next.Step.Key())
		if rep.Next.From != "" {
			next += " — " + r.l.T("cli.from-date", "date", rep.Next.From)
		}
		t.row(r.l.T("cli.label", "label", r.l.T("cli.next-step")), next)
		t.row("", rep.Next.Reason)
	}
	t.write(r.out)
	if len(rep.Deadlines) > 0 {
		r.printf("%s\n", r.l.T("cli.label", "label", r.l.T("cli.deadlines")))
		dt := table{}
		for _, d := range rep.Deadlines {
			note := ""
			if d.CheckLocally {
				note = "(" + r.l.T("law.check-locally-short") + ")"
			}
			dt.row("  "+d.Due, r.l.T("esc.clock."+string(d.Clock)), d.Text, note)
		}
		dt.write(r.out)
	}
	key, args := rep.Raw.Checklist.Summary()
	ev := r.l.T(key, args...)
	if len(rep.Missing) > 0 {
		ev += "; " + r.l.T("cli.missing-evidence", "items", strings.Join(rep.Missing, ", "))
	}
	r.printf("%s %s\n", r.l.T("cli.label", "label", r.l.T("cli.evidence")), ev)
	locally := " (" + r.l.T("law.check-locally-short") + ")"
	r.printf("%s\n", r.l.T("cli.label", "label", r.l.T("law.your-rights")))
	if len(rep.Rights) == 0 {
		r.printf("  %s\n", r.l.T("law.no-rights"))
	}
	for _, rt := range rep.Rights {
		line := "  • " + rt.Text + "\n    " + r.l.T("law.source", "source", rt.Citation)
		if rt.CheckLocally {
			line += locally
		}
		r.printf("%s\n", line)
	}
	r.printf("%s\n", r.l.T("cli.label", "label", r.l.T("law.bodies")))
	for _, b := range rep.Bodies {
		line := "  • " + b.Name + " [" + b.Party + "]"
		if b.Chosen {
			line += " — " + r.l.T("law.chosen")
		}
		line += "\n    " + b.Ask
		if b.Note != "" {
			line += "\n    " + b.Note
		}
		if b.CheckLocally {
			line += locally
		}
		r.printf("%s\n", line)
	}
	for _, w := range rep.Warnings {
		r.printf("%s %s\n", r.l.T("cli.label", "label", r.l.T("law.notes")), w)
	}
	if rep.checkLocally() {
		r.printf("%s\n", r.l.T(escalation.CheckLocallyKey))
	}
}

// checkLocally reports whether anything in the report is marked "check
// locally".
func (rep nextReport) checkLocally() bool {
	for _, d := range rep.Deadlines {
		if d.CheckLocally {
			return true
		}
	}
	for _, rt := range rep.Rights {
		if rt.CheckLocally {
			return true
		}
	}
	for _, b := range rep.Bodies {
		if b.CheckLocally {
			return true
		}
	}
	return false
}
