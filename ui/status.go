package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"redress/escalation"
	"redress/evidence"
	"redress/letters"
)

// statusPanel shows where the open case stands: the ladder, the next step,
// the deadlines with days left or overdue, and the evidence checklist.
type statusPanel struct {
	u   *UI
	box *fyne.Container
	as  escalation.Assessment
}

func newStatusPanel(u *UI) *statusPanel {
	return &statusPanel{u: u, box: container.NewVBox()}
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
	u.async(func() (err error) {
		c, as, err = u.svc.Assess(u.ctx, id)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if u.view.caseID != id {
			return
		}
		s.as = as
		s.show(c, as)
	})
}

func bold(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func (s *statusPanel) show(c evidence.Case, as escalation.Assessment) {
	u := s.u
	objs := []fyne.CanvasObject{}
	// The ladder, with the rungs reached ticked.
	var rungs []string
	reached := true
	for _, step := range escalation.Ladder {
		label := u.T(step.Key())
		switch {
		case step == as.Position:
			label = "● " + label
			reached = false
		case reached:
			label = "✓ " + label
		default:
			label = "○ " + label
		}
		rungs = append(rungs, label)
	}
	if as.Position == escalation.NotStarted {
		rungs = nil
		for _, step := range escalation.Ladder {
			rungs = append(rungs, "○ "+u.T(step.Key()))
		}
	}
	objs = append(objs, bold(u.T("cli.position")), wrapped(strings.Join(rungs, "  →  ")))
	next := u.T(as.Next.Step.Key())
	if !as.Next.From.IsZero() {
		next += " — " + u.T("cli.from-date", "date", as.Next.From.Format(evidence.DateLayout))
	}
	objs = append(objs, widget.NewSeparator(), bold(u.T("cli.next-step")), wrapped(next), wrapped(u.T(as.Next.Reason, as.Next.Args...)))
	if s.chaserDue(as) {
		chaser := widget.NewButtonWithIcon(u.T("ui.write-chaser"), theme.MailComposeIcon(), func() { u.ShowLetter(letters.Provider) })
		chaser.Importance = widget.WarningImportance
		objs = append(objs, chaser)
	}
	if len(as.Deadlines) > 0 {
		objs = append(objs, widget.NewSeparator(), bold(u.T("cli.deadlines")))
		grid := container.New(layout.NewFormLayout())
		for _, d := range as.Deadlines {
			d := d
			key, args := d.When()
			when := widget.NewLabel(d.Due.Format(evidence.DateLayout) + " · " + u.T(key, args...))
			when.Wrapping = fyne.TextWrapWord
			switch d.Status {
			case escalation.Overdue:
				when.Importance = widget.DangerImportance
			case escalation.DueToday:
				when.Importance = widget.WarningImportance
			case escalation.Met:
				when.Importance = widget.SuccessImportance
			}
			label := u.T("esc.clock." + string(d.Clock))
			if d.CheckLocally {
				label += " *"
			}
			adjust := widget.NewButtonWithIcon("", theme.SettingsIcon(), func() { u.adjustRule(c, d.RuleID) })
			grid.Add(container.NewBorder(nil, nil, nil, adjust, widget.NewLabel(label)))
			grid.Add(when)
		}
		objs = append(objs, grid)
		for _, d := range as.Deadlines {
			if d.CheckLocally {
				note := wrapped("* " + u.T(escalation.CheckLocallyKey))
				note.SizeName = theme.SizeNameCaptionText
				objs = append(objs, note)
				break
			}
		}
	}
	key, args := as.Checklist.Summary()
	objs = append(objs, widget.NewSeparator(), bold(u.T("ui.evidence-checklist")+" — "+u.T(key, args...)))
	for _, it := range as.Checklist.Items {
		it := it
		text := u.T(it.Key)
		if len(it.Tags) > 0 && !it.Done {
			text += "  (" + u.T("ui.tag-hint", "tag", it.Tags[0]) + ")"
		}
		chk := widget.NewCheck(text, nil)
		chk.SetChecked(it.Done)
		chk.OnChanged = func(on bool) {
			u.async(func() error { return u.svc.SetChecklist(u.ctx, c.ID, it.ID, on) }, func(err error) {
				if err != nil {
					u.showError(err)
				}
				s.reload()
			})
		}
		objs = append(objs, chk)
	}
	key, args = as.SelfCheck.Summary()
	objs = append(objs, widget.NewSeparator(), bold(u.T("ui.self-check")+" — "+u.T(key, args...)))
	for _, it := range as.SelfCheck.Items {
		it := it
		chk := widget.NewCheck(u.T(it.Key), nil)
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
		objs = append(objs, chk)
	}
	disc := wrapped(u.T(escalation.DisclaimerKey))
	disc.SizeName = theme.SizeNameCaptionText
	objs = append(objs, widget.NewSeparator(), disc)
	s.box.Objects = objs
	s.box.Refresh()
}

// chaserDue reports whether a provider deadline has passed unanswered.
func (s *statusPanel) chaserDue(as escalation.Assessment) bool {
	for _, d := range as.Deadlines {
		if d.Status == escalation.Overdue && d.Clock != escalation.ClockOmbudsmanAfter && d.Clock != escalation.ClockOmbudsmanReferWithin {
			return true
		}
	}
	return false
}

func (u *UI) recordSelfCheck(caseID string, it escalation.Item) {
	u.async(func() error {
		_, err := u.svc.SelfCheck(u.ctx, caseID, it, u.T("ui.self-check-done", "step", u.T(it.Key)))
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		u.view.reloadTimeline()
		u.view.status.reload()
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
	go func() {
		if over, err := u.svc.Overrides(u.ctx, c.ID); err == nil && over[ruleID] != "" {
			u.do(func() { window.SetText(over[ruleID]) })
		}
	}()
	u.modal(u.T("ui.adjust-rule"), container.NewVBox(info, form.content()), u.T("ui.save"), func(done func()) {
		w := strings.TrimSpace(window.Text)
		if w == rule.Window.String() {
			w = ""
		}
		u.async(func() error { return u.svc.SetOverride(u.ctx, c.ID, ruleID, w) }, func(err error) {
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
func (u *UI) ShowLetter(to letters.Recipient) {
	c := u.view.c
	text := u.newMultiline("", 18)
	var loaded string
	regen := widget.NewButtonWithIcon(u.T("ui.regenerate"), theme.ViewRefreshIcon(), nil)
	copyBtn := widget.NewButtonWithIcon(u.T("ui.copy"), theme.ContentCopyIcon(), func() { u.fa.Clipboard().SetContent(text.Text) })
	status := widget.NewLabel("")
	regen.OnTapped = func() {
		do := func() {
			var t string
			u.async(func() (err error) {
				t, err = u.svc.ComposeLetter(u.ctx, c.ID, to, c.Language)
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
	u.async(func() (err error) {
		var edited bool
		loaded, edited, err = u.svc.LetterText(u.ctx, c.ID, to, c.Language)
		if edited {
			status.SetText(u.T("ui.draft-loaded"))
		} else {
			status.SetText(u.T("ui.letter-composed"))
		}
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		text.SetText(loaded)
	})
	u.lastLetter = text
	content := container.NewBorder(container.NewHBox(regen, copyBtn), status, nil, nil, text)
	u.modalCancel(u.T("ui.letter-title", "party", u.l.Label("party", string(to))), content, u.T("ui.save-draft"), func(done func()) {
		t := text.Text
		u.async(func() error { return u.svc.SaveDraft(u.ctx, c.ID, to, c.Language, t) }, func(err error) {
			if err != nil {
				u.showError(err)
				return
			}
			done()
		})
	}, fyne.NewSize(760, 640), "", func(done func()) {
		if text.Text != loaded {
			u.confirm(u.T("ui.discard-letter-title"), u.T("ui.discard-letter-text"), done)
			return
		}
		done()
	})
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
		key, args := a.Deadline.When()
		b := widget.NewButton(a.Case.Title+" — "+u.T("esc.clock."+string(a.Deadline.Clock))+": "+u.T(key, args...), func() { u.OpenCase(a.Case.ID) })
		b.Alignment = widget.ButtonAlignLeading
		if a.Deadline.Status == escalation.Overdue {
			b.Importance = widget.DangerImportance
		}
		objs = append(objs, b)
	}
	objs = append(objs, widget.NewSeparator(), wrapped(u.T("ui.choose-case")))
	box.Objects = objs
	box.Refresh()
}

// notifyDue sends a desktop notification for each deadline that has
// passed or promise that was broken since the last notification.
func (u *UI) notifyDue() {
	var alerts []escalation.Alert
	u.async(func() (err error) {
		alerts, err = u.svc.Attention(u.ctx)
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
			key, args := d.When()
			u.fa.SendNotification(fyne.NewNotification(a.Case.Title, u.T("esc.clock."+string(d.Clock))+": "+u.T(key, args...)))
			u.notified++
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

var _ = strconv.Itoa
