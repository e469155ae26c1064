package ui

import (
	"context"
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

// assessor is what the status panel reads and records.
type assessor interface {
	Assess(ctx context.Context, caseRef string) (evidence.Case, escalation.Assessment, error)
	Attention(ctx context.Context) ([]escalation.Alert, error)
	Overrides(ctx context.Context, caseID string) (map[string]string, error)
	SetOverride(ctx context.Context, caseID, ruleID, window string) error
	SetChecklist(ctx context.Context, caseID, itemID string, done bool) error
	SelfCheck(ctx context.Context, caseID string, item escalation.Item, text string) (evidence.Event, error)
}

// letterWriter composes letters and keeps their drafts.
type letterWriter interface {
	LetterText(ctx context.Context, caseRef string, to letters.Recipient, language evidence.Language) (string, bool, error)
	ComposeLetter(ctx context.Context, caseRef string, to letters.Recipient, language evidence.Language) (string, error)
	SaveDraft(ctx context.Context, caseID string, to letters.Recipient, language evidence.Language, text string) error
}

// statusPanel shows where the open case stands: the ladder, the next step,
// the deadlines with days left or overdue, and the evidence checklist.
type statusPanel struct {
	u   *UI
	svc assessor
	box *fyne.Container
	// rights is the index in box of the first object of "Your rights".
	rights int
}

func newStatusPanel(u *UI, svc assessor) *statusPanel {
	return &statusPanel{u: u, svc: svc, box: container.NewVBox()}
}

// reload assesses the open case again.
func (s *statusPanel) reload() {
	u := s.u
	id := u.view.caseID
	if id == "" {
		return
	}
	var as escalation.Assessment
	var c evidence.Case
	var law caseLaw
	u.async(func(ctx context.Context) (err error) {
		if c, as, err = s.svc.Assess(ctx, id); err != nil {
			return err
		}
		law, err = u.readLaw(ctx, c.ID)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if u.view.caseID != id {
			return
		}
		s.show(c, as, law)
	})
}

func bold(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// checkRow is a check box with a label that wraps (a Check's own text
// does not, and would make the panel as wide as its longest item).
func checkRow(text string) (*widget.Check, fyne.CanvasObject) {
	chk := widget.NewCheck("", nil)
	return chk, container.NewBorder(nil, nil, chk, nil, wrapped(text))
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func (s *statusPanel) show(c evidence.Case, as escalation.Assessment, law caseLaw) {
	u := s.u
	objs := []fyne.CanvasObject{}
	// The ladder of the case's jurisdiction, with the rungs taken ticked.
	objs = append(objs, bold(u.T("cli.position")), wrapped(u.ladderText(c.Jurisdiction, as.Position, law.landmarks.Reached)))
	if as.Next.Step != "" { // an assessment with no next step says nothing rather than "esc.step."
		next := u.T(as.Next.Step.Key())
		if !as.Next.From.IsZero() {
			next += " — " + u.T("cli.from-date", "date", as.Next.From.Format(evidence.DateLayout))
		}
		objs = append(objs, widget.NewSeparator(), bold(u.T("cli.next-step")), wrapped(next))
		if as.Next.Reason != "" {
			objs = append(objs, wrapped(u.T(as.Next.Reason, as.Next.Args...)))
		}
	}
	if app.ChaserDue(as) {
		chaser := widget.NewButtonWithIcon(u.T("ui.write-chaser"), theme.MailComposeIcon(), func() { u.ShowLetter(letters.Provider) })
		chaser.Importance = widget.WarningImportance
		objs = append(objs, chaser)
	}
	objs = append(objs, u.postSuggestionRows(law.post)...)
	objs = append(objs, u.warningRows(as.Warnings)...)
	objs = append(objs, u.deadlineRows(c, as.Deadlines)...)
	s.rights = len(objs)
	objs = append(objs, u.rightsRows(as.Rights)...)
	objs = append(objs, u.bodyRows(c, law)...)
	key, args := as.Checklist.Summary()
	objs = append(objs, widget.NewSeparator(), bold(u.T("ui.evidence-checklist")+" — "+u.T(key, args...)))
	for _, it := range as.Checklist.Items {
		it := it
		chk, row := checkRow(u.T(it.Key))
		chk.SetChecked(it.Done)
		chk.OnChanged = func(on bool) {
			u.async(func(ctx context.Context) error { return s.svc.SetChecklist(ctx, c.ID, it.ID, on) }, func(err error) {
				if err != nil {
					u.showError(err)
				}
				s.reload()
			})
		}
		objs = append(objs, row)
	}
	key, args = as.SelfCheck.Summary()
	objs = append(objs, widget.NewSeparator(), bold(u.T("ui.self-check")+" — "+u.T(key, args...)))
	for _, it := range as.SelfCheck.Items {
		it := it
		chk, row := checkRow(u.T(it.Key))
		chk.SetChecked(it.Done)
		if it.Done {
			chk.Disable() // recorded in the timeline; archive the note to undo
		}
		chk.OnChanged = func(on bool) {
			if !on {
				return
			}
			u.recordSelfCheck(c.ID, it)
		}
		objs = append(objs, row)
	}
	if len(as.Checklist.Items) > 0 {
		hint := wrapped(u.T("ui.checklist-hint"))
		hint.SizeName = theme.SizeNameCaptionText
		hint.Importance = widget.LowImportance
		objs = append(objs, hint)
	}
	disc := wrapped(u.T(escalation.DisclaimerKey))
	disc.SizeName = theme.SizeNameCaptionText
	objs = append(objs, widget.NewSeparator(), disc)
	s.box.Objects = objs
	s.box.Refresh()
}

func (u *UI) recordSelfCheck(caseID string, it escalation.Item) {
	u.async(func(ctx context.Context) error {
		_, err := assessor(u.svc).SelfCheck(ctx, caseID, it, u.T("ui.self-check-done", "step", u.T(it.Key)))
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		u.view.reloadTimeline()
		u.cases.reload()
	})
}

// adjustRule lets the user replace a rule's window for this case.
func (u *UI) adjustRule(c evidence.Case, ruleID string) {
	rule, ok := escalation.Lookup(ruleID)
	if !ok {
		return
	}
	window := u.newEntry(rule.Window.String())
	form := u.newForm()
	form.add("duration", u.T("ui.window"), window)
	src := rule.Source.Citation
	if rule.Source.URL != "" {
		src += " — " + rule.Source.URL
	}
	info := wrapped(u.T(rule.Key) + "\n" + u.T("ui.rule-source", "source", src) + "\n" + u.T("ui.window-hint"))
	var over map[string]string
	u.async(func(ctx context.Context) (err error) {
		over, err = assessor(u.svc).Overrides(ctx, c.ID)
		return err
	}, func(err error) {
		if err == nil && over[ruleID] != "" {
			window.SetText(over[ruleID])
		}
	})
	u.modalForm(u.T("ui.adjust-rule"), container.NewVBox(info, form.content()), u.T("ui.save"), func(done func()) {
		w := strings.TrimSpace(window.Text)
		if w == rule.Window.String() {
			w = ""
		}
		u.async(func(ctx context.Context) error { return assessor(u.svc).SetOverride(ctx, c.ID, ruleID, w) }, func(err error) {
			if err != nil {
				form.show(err)
				return
			}
			done()
			u.view.status.reload()
		})
	}, fyne.NewSize(560, 360))
}

// ShowLetter shows the letter for a recipient (the saved draft, or one
// composed from the timeline) for editing; edits are saved as a draft.
func (u *UI) ShowLetter(to letters.Recipient) { u.showLetter(to) }

func (u *UI) showLetter(to letters.Recipient) *entry {
	c := u.view.c
	svc := letterWriter(u.svc)
	text := u.newMultiline("", 14)
	var loaded string
	regen := widget.NewButtonWithIcon(u.T("ui.regenerate"), theme.ViewRefreshIcon(), nil)
	copyBtn := widget.NewButtonWithIcon(u.T("ui.copy"), theme.ContentCopyIcon(), func() { u.fa.Clipboard().SetContent(text.Text) })
	status := widget.NewLabel("")
	status.Wrapping = fyne.TextWrapWord
	regen.OnTapped = func() {
		do := func() {
			var t string
			u.async(func(ctx context.Context) (err error) {
				t, err = svc.ComposeLetter(ctx, c.ID, to, c.Language)
				return err
			}, func(err error) {
				if err != nil {
					u.showError(err)
					return
				}
				text.SetText(t)
				status.SetText(u.T("ui.letter-composed"))
			})
		}
		if text.Text != "" {
			u.confirm(u.T("ui.regenerate"), u.T("ui.regenerate-text"), do)
			return
		}
		do()
	}
	var edited bool
	u.async(func(ctx context.Context) (err error) {
		loaded, edited, err = svc.LetterText(ctx, c.ID, to, c.Language)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		text.SetText(loaded)
		if edited {
			status.SetText(u.T("ui.draft-loaded"))
		} else {
			status.SetText(u.T("ui.letter-composed"))
		}
	})
	content := container.NewBorder(newWrap(regen, copyBtn), status, nil, nil, text)
	u.modalCancel(u.T("ui.letter-title", "party", u.l.Label("party", string(to))), content, u.T("ui.save-draft"), func(done func()) {
		t := text.Text
		u.async(func(ctx context.Context) error { return svc.SaveDraft(ctx, c.ID, to, c.Language, t) }, func(err error) {
			if err != nil {
				u.showError(err)
				return
			}
			done()
		})
	}, fyne.NewSize(760, 640), "", func(done func()) {
		if text.Text != loaded {
			u.confirmWith(u.T("ui.discard-letter-title"), u.T("ui.discard-letter-text"), u.T("ui.discard"), done)
			return
		}
		done()
	})
	return text
}

// showAttention fills the home screen with the cases whose deadlines need
// the user, most urgent first, from the alerts the case list last read.
func (u *UI) showAttention(box *fyne.Container) {
	alerts := u.alerts
	if len(u.cases.all) == 0 && len(alerts) == 0 {
		box.Objects = nil // first run: the welcome on the left says it all
		box.Refresh()
		return
	}
	objs := []fyne.CanvasObject{bold(u.T("ui.needs-attention"))}
	if len(alerts) == 0 {
		objs = append(objs, wrapped(u.T("ui.nothing-urgent")))
	}
	for _, a := range alerts {
		a := a
		l := wrapped(a.Case.Title + " — " + app.DeadlineText(u.l, a.Deadline))
		if a.Deadline.Status == escalation.Overdue {
			l.Importance = widget.DangerImportance
		}
		open := widget.NewButtonWithIcon(u.T("ui.open-case"), theme.NavigateNextIcon(), func() { u.OpenCase(a.Case.ID) })
		objs = append(objs, container.NewBorder(nil, nil, nil, open, l))
	}
	objs = append(objs, widget.NewSeparator(), wrapped(u.T("ui.choose-case")))
	box.Objects = objs
	box.Refresh()
}

// notifyDue sends a desktop notification for each deadline that has
// passed or promise that was broken since the last notification, and
// remembers it in the preferences so that it is sent once.
func (u *UI) notifyDue() {
	var alerts []escalation.Alert
	svc := assessor(u.svc)
	u.async(func(ctx context.Context) (err error) {
		alerts, err = svc.Attention(ctx)
		return err
	}, func(err error) {
		if err != nil {
			return
		}
		prefs := u.fa.Preferences()
		seen := map[string]bool{}
		for _, k := range prefs.StringList(PrefNotified) {
			seen[k] = true
		}
		var keys []string
		for k := range seen {
			keys = append(keys, k)
		}
		for _, a := range alerts {
			d := a.Deadline
			if d.Status != escalation.Overdue && d.Status != escalation.DueToday {
				continue
			}
			k := a.Case.ID + "/" + d.RuleID + "/" + d.EventID + "/" + string(d.Status)
			if seen[k] {
				continue
			}
			u.fa.SendNotification(fyne.NewNotification(a.Case.Title, app.DeadlineText(u.l, d)))
			keys = append(keys, k)
		}
		if len(keys) > 500 {
			keys = keys[len(keys)-500:]
		}
		prefs.SetStringList(PrefNotified, keys)
	})
}

// PrefNotified remembers the deadlines already notified.
const PrefNotified = "notified"
