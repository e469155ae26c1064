package dossier

import (
	"strconv"
	"strings"
)

// FormPage is one official complaint form filled from the case, printed
// as an appendix: the user copies its answers into the body's form, and
// the body sees the same answers beside the letter. The app fills it
// (forms.Form.Answer) in the dossier's language.
type FormPage struct {
	Title  string   // the form's name
	Lines  []string // where the form is, when its description was checked, what to know
	Fields []FormField
}

// FormField is one field of a form, in the form's order.
type FormField struct {
	Label    string
	Required bool
	Value    string // the answer to type or paste; "" when still missing
	// Note says why the form needs a missing answer, or that a long text
	// was cut to the form's limit, or that the answer is picked from the
	// form's own list.
	Note string
}

// forms draws one appendix per form.
func (r *renderer) forms() {
	lh := bodySize * ptMM * bodyLead
	for _, f := range r.d.Forms {
		r.newPage()
		r.headingText(r.tr("dossier.forms.title", "form", r.gen(f.Title)))
		r.setFont(false, bodySize-1)
		r.gray(60)
		for _, l := range f.Lines {
			if l = strings.TrimSpace(l); l != "" {
				r.para(r.gen(l), r.left, r.width, lh*0.9)
			}
		}
		r.gray(0)
		r.y += 3
		cols := []column{
			{"#", 0.05, true},
			{r.tr("dossier.forms.col.field"), 0.33, false},
			{r.tr("dossier.forms.col.answer"), 0.62, false},
		}
		rows := make([][]string, 0, len(f.Fields))
		for i, fl := range f.Fields {
			label := r.gen(fl.Label)
			if fl.Required {
				label = r.tr("dossier.forms.required", "label", label)
			}
			answer := r.user(fl.Value)
			if strings.TrimSpace(fl.Value) == "" {
				answer = r.tr("dossier.forms.missing")
			}
			if n := strings.TrimSpace(fl.Note); n != "" {
				answer += "\n" + r.gen(n)
			}
			rows = append(rows, []string{strconv.Itoa(i + 1), label, answer})
		}
		r.table(cols, rows, nil)
	}
}
