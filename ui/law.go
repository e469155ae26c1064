package ui

import (
	"context"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"redress/app"
	"redress/escalation"
	"redress/evidence"
	"redress/letters"
)

// The law in the status panel (issue 13): the ladder of the case's
// jurisdiction, deadlines by nature, the standing warnings, "Your rights",
// where to complain with the body picker, and the warnings the user
// confirms before a letter to a body is made.

// lawDesk is what the law sections of the status panel, the body picker
// and the warning dialog read and record.
type lawDesk interface {
	Bodies(ctx context.Context, caseRef string) ([]app.BodyChoice, error)
	LetterDetails(ctx context.Context, caseRef string) (app.LetterDetails, error)
	SetAddressee(ctx context.Context, caseRef, party string, ad app.Addressee) error
	SetLetterDetails(ctx context.Context, caseRef string, d app.LetterDetails) error
	LetterWarnings(ctx context.Context, caseRef string, to letters.Recipient, body string) ([]escalation.Warning, error)
	Landmarks(ctx context.Context, caseRef string) (escalation.Landmarks, error)
}

// bodyParties are the recipients a body is chosen for.
var bodyParties = []letters.Recipient{letters.Association, letters.Regulator}

// caseLaw is what the status panel shows beside the assessment.
type caseLaw struct {
	bodies    []app.BodyChoice
	details   app.LetterDetails
	warn      map[letters.Recipient][]escalation.Warning // before a letter to each body party
	landmarks escalation.Landmarks
	post      app.PostSuggestion
}

// readLaw reads what the law sections show for a case.
func (u *UI) readLaw(ctx context.Context, caseID string) (caseLaw, error) {
	svc := lawDesk(u.svc)
	l := caseLaw{warn: map[letters.Recipient][]escalation.Warning{}}
	var err error
	if l.bodies, err = svc.Bodies(ctx, caseID); err != nil {
		return l, err
	}
	if l.details, err = svc.LetterDetails(ctx, caseID); err != nil {
		return l, err
	}
	for _, to := range bodyParties {
		if l.warn[to], err = svc.LetterWarnings(ctx, caseID, to, ""); err != nil {
			return l, err
		}
	}
	if l.landmarks, err = svc.Landmarks(ctx, caseID); err != nil {
		return l, err
	}
	l.post, err = poster(u.svc).PostSuggestion(ctx, caseID)
	return l, err
}

// ladderText is the ladder of the case's jurisdiction (CN has the 12315
// platform as its own rung): ✓ for the rungs taken, ● for the position,
// ○ for the rest; the public post is marked optional, and a rung passed
// over (CN: the association or the platform not used) is not ticked.
func (u *UI) ladderText(j evidence.Jurisdiction, pos escalation.Step, reached []escalation.Step) string {
	ladder := escalation.LadderFor(j)
	at := slices.Index(ladder, pos)
	var rungs []string
	for i, step := range ladder {
		label := u.T(step.Key())
		if step == escalation.PublicPost {
			label = u.T("lawui.optional-step", "step", label)
		}
		switch {
		case step == pos:
			label = "● " + label
		case i < at && (reached == nil || slices.Contains(reached, step)):
			label = "✓ " + label
		default:
			label = "○ " + label
		}
		rungs = append(rungs, label)
	}
	return strings.Join(rungs, "  →  ")
}

// warningRows are cautions, each on a line of its own.
func (u *UI) warningRows(ws []escalation.Warning) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, w := range ws {
		l := wrapped("⚠ " + u.T(w.Key, w.Args...))
		l.Importance = widget.WarningImportance
		out = append(out, l)
	}
	return out
}

// deadlineGroup is how a deadline is shown: the law's dates (what the
// other side must do by when, and the dates from which the user may act),
// the provider's own promises, labelled as such, and the user's own time
// limits.
func deadlineGroup(d escalation.Deadline) string {
	switch {
	case d.Promise():
		return "lawui.deadlines-promises"
	case d.Effect == escalation.YouMustAct:
		return "lawui.deadlines-yours"
	}
	return "lawui.deadlines-law"
}

// deadlineImportance colours a deadline by what it means: only the law's
// (or the user's own window's) reply date past without an answer, and the
// user's own limit passed, are red; a broken promise is a warning, never
// "overdue" like law; a date from which the user may act is good news.
func deadlineImportance(d escalation.Deadline) widget.Importance {
	switch {
	case d.Effect == escalation.YouMayAct:
		if d.Status == escalation.Available {
			return widget.SuccessImportance
		}
	case d.Status == escalation.Met:
		return widget.SuccessImportance
	case d.Promise() && d.Status == escalation.Overdue:
		return widget.WarningImportance
	case d.Status == escalation.Overdue:
		return widget.DangerImportance
	case d.Status == escalation.DueToday:
		return widget.WarningImportance
	}
	return widget.MediumImportance
}

// deadlineRows are the deadlines under a heading per group, each with the
// button that adjusts its rule for this case.
func (u *UI) deadlineRows(c evidence.Case, ds []escalation.Deadline) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, group := range []string{"lawui.deadlines-law", "lawui.deadlines-promises", "lawui.deadlines-yours"} {
		first := true
		for _, d := range ds {
			if deadlineGroup(d) != group {
				continue
			}
			if first {
				out = append(out, widget.NewSeparator(), bold(u.T(group)))
				first = false
			}
			text := d.Due.Format(evidence.DateLayout) + " · " + app.DeadlineText(u.l, d)
			if d.CheckLocally {
				text += " *"
			}
			when := wrapped(text)
			when.Importance = deadlineImportance(d)
			var adjust fyne.CanvasObject
			if d.RuleID != "" {
				ruleID := d.RuleID
				adjust = u.iconButton(theme.SettingsIcon(), u.T("ui.adjust-rule"), func() { u.adjustRule(c, ruleID) })
			}
			out = append(out, container.NewBorder(nil, nil, nil, adjust, when))
		}
	}
	for _, d := range ds {
		if d.CheckLocally {
			note := wrapped("* " + u.T(escalation.CheckLocallyKey))
			note.SizeName = theme.SizeNameCaptionText
			out = append(out, note)
			break
		}
	}
	return out
}

// caption is a small label that wraps.
func caption(text string) *widget.Label {
	l := wrapped(text)
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// bullet puts a bullet before a wrapped label (a bullet inside the text
// would stay alone on its line when Chinese text wraps); blank leaves the
// bullet's room empty, to line a second line up under the first.
func bullet(l *widget.Label, blank ...bool) fyne.CanvasObject {
	mark := widget.NewLabel("•")
	if len(blank) > 0 && blank[0] {
		mark.Text = " "
	}
	return container.NewBorder(nil, nil, mark, nil, l)
}

// rightsRows is "Your rights": each right's plain sentence in the
// interface language and its citation, marked "check locally" where the
// rule says so.
func (u *UI) rightsRows(rs []escalation.Right) []fyne.CanvasObject {
	heading := bold(u.T("law.your-rights"))
	out := []fyne.CanvasObject{widget.NewSeparator(), heading}
	if len(rs) == 0 {
		return append(out, wrapped(u.T("law.no-rights")))
	}
	for _, r := range rs {
		cite := r.Source.Short
		if cite == "" {
			cite = r.Source.Citation
		}
		src := u.T("law.source", "source", cite)
		if r.CheckLocally {
			src = u.T("lawui.source-check-locally", "source", src)
		}
		out = append(out, bullet(wrapped(u.T(r.Key))), bullet(caption(src), true))
	}
	return out
}

// bodyName is the name a body goes by in this case: the user's exact
// name, else its usual name (CN: with the user's city).
func (u *UI) bodyName(b app.BodyChoice, city string) string {
	if b.Name != "" {
		return b.Name
	}
	key, args := b.NameKey(city)
	return u.T(key, args...)
}

// chosenBody is the body letters to party go to.
func chosenBody(bodies []app.BodyChoice, party letters.Recipient) (app.BodyChoice, bool) {
	for _, b := range bodies {
		if b.Party == string(party) && b.Chosen {
			return b, true
		}
	}
	return app.BodyChoice{}, false
}

// bodyRows is "Where to complain": per party, the body its letters go to,
// what it is asked to do, the warnings before writing to it, and buttons
// to choose another body or write the letter.
func (u *UI) bodyRows(c evidence.Case, l caseLaw) []fyne.CanvasObject {
	if len(l.bodies) == 0 {
		return nil
	}
	out := []fyne.CanvasObject{widget.NewSeparator(), bold(u.T("law.bodies"))}
	for _, to := range bodyParties {
		b, ok := chosenBody(l.bodies, to)
		if !ok {
			continue
		}
		to := to
		line := wrapped(u.T("lawui.letters-to", "party", u.l.Label("party", string(to)), "name", u.bodyName(b, l.details.City)))
		line.TextStyle.Bold = true
		out = append(out, line, caption(u.T(b.AskKey)))
		if b.Address != "" {
			out = append(out, caption(b.Address))
		}
		out = append(out, u.warningRows(l.warn[to])...)
		choose := widget.NewButtonWithIcon(u.T("lawui.choose-body"), theme.SearchIcon(), func() { u.pickBody(c, to) })
		write := widget.NewButtonWithIcon(u.T("lawui.write-to"), theme.DocumentPrintIcon(), func() { u.CreateDossierTo(to) })
		out = append(out, newWrap(choose, write))
	}
	return out
}

// CreateDossierTo opens the dossier panel with its recipient chosen.
func (u *UI) CreateDossierTo(to letters.Recipient) {
	if p := u.createDossier(u.svc, u.dataDir); p != nil && to != letters.Provider {
		p.to.set(string(to))
	}
}

// bodyPicker chooses the body a case's letters to one party go to, with
// its exact name and address, and the letter details (the user's city, the
// provider's address and contact).
type bodyPicker struct {
	u        *UI
	c        evidence.Case
	party    letters.Recipient
	bodies   []app.BodyChoice // of this party
	radio    *widget.RadioGroup
	about    *widget.Label
	name     *entry
	address  *entry
	city     *entry
	provAddr *entry
	provCont *entry
	form     *form
	shown    *shown
}

// pickBody reads the bodies and the letter details, then opens the picker.
func (u *UI) pickBody(c evidence.Case, party letters.Recipient) {
	svc := lawDesk(u.svc)
	var bodies []app.BodyChoice
	var d app.LetterDetails
	u.async(func(ctx context.Context) (err error) {
		if bodies, err = svc.Bodies(ctx, c.ID); err != nil {
			return err
		}
		d, err = svc.LetterDetails(ctx, c.ID)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		u.showBodyPicker(c, party, bodies, d)
	})
}

func (u *UI) showBodyPicker(c evidence.Case, party letters.Recipient, all []app.BodyChoice, d app.LetterDetails) *bodyPicker {
	p := &bodyPicker{u: u, c: c, party: party}
	var labels []string
	chosen := ""
	for _, b := range all {
		if b.Party != string(party) {
			continue
		}
		p.bodies = append(p.bodies, b)
		key, args := b.NameKey(d.City)
		labels = append(labels, u.T(key, args...))
		if b.Chosen {
			chosen = labels[len(labels)-1]
			p.name, p.address = u.newEntry(""), u.newMultiline("", 3)
			p.name.SetText(b.Name)
			p.address.SetText(b.Address)
		}
	}
	if p.name == nil {
		p.name, p.address = u.newEntry(""), u.newMultiline("", 3)
	}
	p.name.PlaceHolder = u.T("lawui.body-name-hint")
	p.address.PlaceHolder = u.T("lawui.body-address-hint")
	p.about = caption("")
	p.radio = widget.NewRadioGroup(labels, func(string) { p.describe() })
	p.radio.Required = true
	p.radio.SetSelected(chosen)
	p.city = u.newEntry(u.T("lawui.city-hint"))
	p.city.SetText(d.City)
	p.provAddr = u.newMultiline(u.T("lawui.provider-address-hint"), 2)
	p.provAddr.SetText(d.ProviderAddress)
	p.provCont = u.newEntry("")
	p.provCont.SetText(d.ProviderContact)
	p.form = u.newForm()
	p.form.add("name", u.T("lawui.body-name"), p.name)
	p.form.add("address", u.T("lawui.body-address"), p.address)
	p.form.add("city", u.T("field.city"), p.city)
	p.form.add("provider-address", u.T("field.provider-address"), p.provAddr)
	p.form.add("provider-contact", u.T("field.provider-contact"), p.provCont)
	intro := wrapped(u.T("lawui.pick-body-intro", "party", u.l.Label("party", string(party))))
	content := container.NewVBox(intro, p.radio, p.about, p.form.content())
	p.shown = u.modalForm(u.T("lawui.pick-body-title", "party", u.l.Label("party", string(party))),
		container.NewVScroll(content), u.T("ui.save"), p.save, fyne.NewSize(680, 640))
	p.describe()
	return p
}

// selected is the body chosen in the radio group.
func (p *bodyPicker) selected() (app.BodyChoice, bool) {
	for i, o := range p.radio.Options {
		if o == p.radio.Selected && i < len(p.bodies) {
			return p.bodies[i], true
		}
	}
	return app.BodyChoice{}, false
}

// describe says what the selected body is asked to do, and its note.
func (p *bodyPicker) describe() {
	b, ok := p.selected()
	if !ok {
		p.about.SetText("")
		return
	}
	u := p.u
	lines := []string{u.T(b.AskKey)}
	if b.NoteKey != "" {
		lines = append(lines, "⚠ "+u.T(b.NoteKey))
	}
	lines = append(lines, u.T("law.source", "source", b.Source.Citation))
	p.about.SetText(strings.Join(lines, "\n"))
}

// choose selects a body by its ID (tests, and the real-window test's
// counterpart of a click).
func (p *bodyPicker) choose(id string) {
	for i, b := range p.bodies {
		if b.ID == id {
			p.radio.SetSelected(p.radio.Options[i])
		}
	}
}

func (p *bodyPicker) save(done func()) {
	u := p.u
	b, _ := p.selected()
	ad := app.Addressee{Body: b.ID, Name: p.name.Text, Address: p.address.Text}
	d := app.LetterDetails{City: p.city.Text, ProviderAddress: p.provAddr.Text, ProviderContact: p.provCont.Text}
	svc := lawDesk(u.svc)
	u.async(func(ctx context.Context) error {
		if err := svc.SetLetterDetails(ctx, p.c.ID, d); err != nil {
			return err
		}
		return svc.SetAddressee(ctx, p.c.ID, string(p.party), ad)
	}, func(err error) {
		if err != nil {
			p.form.show(err)
			return
		}
		done()
		u.view.status.reload()
	})
}

// beforeLetter runs then once the user has seen what to know before a
// letter to to is made (app.LetterWarnings: a premature claim of no
// response, a body before any complaint, 12315 after a consumer
// association, a missing city…): at once when there is nothing, else
// after "Create anyway" in a dialog that also offers "Go back".
func (u *UI) beforeLetter(caseID string, to letters.Recipient, then func()) {
	var ws []escalation.Warning
	svc := lawDesk(u.svc)
	u.async(func(ctx context.Context) (err error) {
		ws, err = svc.LetterWarnings(ctx, caseID, to, "")
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if len(ws) == 0 {
			then()
			return
		}
		u.warningDialog(to, ws, then)
	})
}

// warningDialog lists the warnings; "Create anyway" goes on, "Go back" and
// Esc do not.
func (u *UI) warningDialog(to letters.Recipient, ws []escalation.Warning, then func()) *shown {
	rows := []fyne.CanvasObject{wrapped(u.T("lawui.before-intro", "party", u.l.Label("party", string(to))))}
	rows = append(rows, u.warningRows(ws)...)
	return u.modalCancel(u.T("lawui.before-title"), container.NewVScroll(container.NewVBox(rows...)), u.T("lawui.create-anyway"),
		func(done func()) {
			done()
			then()
		}, fyne.NewSize(560, 380), u.T("lawui.go-back"), nil)
}

// showLetterWarnings shows, in the dossier panel, what to know before the
// letter to its recipient is sent.
func (p *dossierPanel) showLetterWarnings() {
	u := p.u
	to := p.recipient()
	if to == letters.Provider {
		p.warn.Objects = nil
		p.warn.Refresh()
		return
	}
	var ws []escalation.Warning
	svc := lawDesk(u.svc)
	u.async(func(ctx context.Context) (err error) {
		ws, err = svc.LetterWarnings(ctx, p.c.ID, to, "")
		return err
	}, func(err error) {
		if err != nil || p.recipient() != to {
			return
		}
		p.warn.Objects = u.warningRows(ws)
		p.warn.Refresh()
	})
}

// ShowRights shows the status panel scrolled to "Your rights".
func (u *UI) ShowRights() {
	v := u.view
	if v.caseID == "" || len(v.tabs.Items) == 0 {
		return
	}
	v.tabs.SelectIndex(0)
	scroll, ok := v.tabs.Items[0].Content.(*container.Scroll)
	if !ok || v.status.rights >= len(v.status.box.Objects) {
		return
	}
	scroll.Refresh()
	y := v.status.box.Objects[v.status.rights].Position().Y
	scroll.ScrollToOffset(fyne.NewPos(0, y))
}
