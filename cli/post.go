package cli

import (
	"errors"
	"fmt"
	"strconv"

	"redress/app"
	"redress/evidence"
	"redress/lang"
	"redress/post"
)

// postReport is the JSON of `post --json`.
type postReport struct {
	CaseID     string             `json:"case_id"`
	Draft      post.Draft         `json:"draft"`
	Fits       bool               `json:"fits"`
	Warnings   []string           `json:"warnings"` // in the user's language
	Tips       []string           `json:"tips"`
	Venues     []venueJSON        `json:"venues"`
	Suggestion suggestionJSON     `json:"suggestion"`
	Facts      app.PostSuggestion `json:"-"`
}

type venueJSON struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Note    string `json:"note"`
	Address string `json:"address,omitempty"`
}

type suggestionJSON struct {
	OK     bool   `json:"ok"`
	Reason string `json:"reason"` // in the user's language
}

// post prints the public post drafted from a case's timeline:
//
//	redress post CASE [--lang zh|en] [--length short|long] [--mention @NAME] [--keep-names] [--json]
//
// then its length on each platform against the limit, the warnings, the
// guidance, where to post, and whether the status panel suggests the step
// now. A draft whose essential sentences do not fit is still printed,
// then the error.
func (r *runner) post(args []string) error {
	f := newFlags("post")
	lng, length, mention := f.str("lang"), f.str("length"), f.str("mention")
	keep, asJSON := f.boolean("keep-names"), f.boolean("json")
	pos, err := f.parse(args, 1, "CASE")
	if err != nil {
		return err
	}
	if *lng != "" && *lng != string(evidence.Chinese) && *lng != string(evidence.English) {
		return &evidence.FieldError{Field: "lang", Reason: evidence.ReasonUnknownValue, Value: *lng, Allowed: []string{"zh", "en"}}
	}
	if *length != "" && *length != string(post.Short) && *length != string(post.Long) {
		return &evidence.FieldError{Field: "length", Reason: evidence.ReasonUnknownValue, Value: *length, Allowed: []string{"short", "long"}}
	}
	a, err := r.openRead()
	if err != nil {
		return err
	}
	defer a.Close()
	c, err := a.Case(r.ctx, pos[0])
	if err != nil {
		return err
	}
	d, draftErr := a.PostDraft(r.ctx, c.ID, app.PostOptions{Lang: evidence.Language(*lng), Length: post.Length(*length),
		Mention: *mention, KeepAgentNames: *keep})
	var le *lang.Error
	if draftErr != nil && !(errors.As(draftErr, &le) && le.Key == "post.too-long") {
		return draftErr
	}
	sug, err := a.PostSuggestion(r.ctx, c.ID)
	if err != nil {
		return err
	}
	rep := postReport{CaseID: c.ID, Draft: d, Fits: d.Fits(), Warnings: []string{}, Tips: []string{}, Venues: []venueJSON{},
		Suggestion: suggestionJSON{OK: sug.OK, Reason: sug.Why.Text(r.l)}, Facts: sug}
	for _, w := range d.Warnings {
		rep.Warnings = append(rep.Warnings, r.l.T(w.Key, w.Args...))
	}
	for _, k := range post.Tips {
		rep.Tips = append(rep.Tips, r.l.T(k))
	}
	for _, v := range post.Venues(c.Jurisdiction) {
		rep.Venues = append(rep.Venues, venueJSON{ID: v.ID, Name: v.Name(r.l), Note: v.Note(r.l), Address: v.Address})
	}
	if *asJSON {
		if err := r.json(rep); err != nil {
			return err
		}
		return draftErr
	}
	r.printPost(rep)
	return draftErr
}

func (r *runner) printPost(rep postReport) {
	d := rep.Draft
	if d.Title != "" {
		r.printf("%s %s\n\n", r.l.T("cli.label", "label", r.l.T("lawui.post-title")), d.Title)
	}
	r.printf("%s\n\n", d.Text)
	r.printf("%s\n", r.l.T("cli.label", "label", r.l.T("lawui.post-length")))
	t := table{}
	for _, n := range d.Counts {
		t.row("  "+r.l.T(n.Key()), countText(r.l, n))
	}
	t.write(r.out)
	if d.Omitted > 0 {
		r.printf("%s\n", r.l.T("lawui.post-omitted", "n", strconv.Itoa(d.Omitted)))
	}
	for _, w := range rep.Warnings {
		r.printf("%s %s\n", r.l.T("cli.label", "label", r.l.T("law.notes")), w)
	}
	r.printf("\n%s\n", r.l.T("cli.label", "label", r.l.T("lawui.post-guidance")))
	for _, tip := range rep.Tips {
		r.printf("  • %s\n", tip)
	}
	r.printf("\n%s\n", r.l.T("cli.label", "label", r.l.T("lawui.post-venues")))
	for _, v := range rep.Venues {
		line := "  • " + v.Name
		if v.Address != "" {
			line += " — " + v.Address
		}
		r.printf("%s\n    %s\n", line, v.Note)
	}
	r.printf("\n%s %s\n", r.l.T("cli.label", "label", r.l.T("lawui.public-step")), rep.Suggestion.Reason)
}

// countText is a draft's length on one platform: "92 / 140", with a mark
// when over the limit, or "12 (no published limit)".
func countText(l lang.Lang, n post.Count) string {
	if n.Limit == 0 {
		return l.T("lawui.count-no-limit", "used", strconv.Itoa(n.Used))
	}
	s := fmt.Sprintf("%d / %d", n.Used, n.Limit)
	if !n.Fits() {
		s = l.T("lawui.count-over", "count", s)
	}
	return s
}
