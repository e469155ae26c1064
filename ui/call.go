package ui

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"redress/app"
	"redress/evidence"
)

// callRecorder is what call mode stores.
type callRecorder interface {
	AddEvent(ctx context.Context, caseRef string, in app.EventInput) (evidence.Event, error)
}

// callPanel is call mode: a running timer with fields to write down the
// agent, the reference and what is said while the call goes on.
type callPanel struct {
	u       *UI
	svc     callRecorder
	caseID  string
	start   time.Time
	timer   *widget.Label
	channel *choice
	agent   *entry
	ref     *entry
	notes   *entry
	promise *entry
	promBy  *dateField
	form    *form
	stop    func() // stops the timer
	stopped bool
}

// StartCall opens call mode for the open case: the start time is taken
// now, and the cursor waits in the agent's name.
func (u *UI) StartCall() { u.startCall(u.svc) }

func (u *UI) startCall(svc callRecorder) *callPanel {
	caseID := u.view.caseID
	if caseID == "" {
		return nil
	}
	p := &callPanel{u: u, svc: svc, caseID: caseID, start: u.clock.Now(), form: u.newForm()}
	p.timer = widget.NewLabelWithStyle("0:00", fyne.TextAlignCenter, fyne.TextStyle{Bold: true, Monospace: true})
	p.timer.SizeName = theme.SizeNameHeadingText
	started := widget.NewLabel(u.T("ui.call-started", "time", u.when(p.start.In(u.clock.Location()))))
	started.Alignment = fyne.TextAlignCenter
	p.channel = u.newChoice("channel", []string{string(evidence.Phone), string(evidence.Chat), string(evidence.InApp), string(evidence.Social)}, string(evidence.Phone))
	p.agent = u.newEntry(u.T("ui.agent-hint"))
	p.ref = u.newEntry(u.T("ui.ref-hint"))
	p.notes = u.newMultiline(u.T("ui.call-notes-hint"), 5)
	p.promise = u.newEntry(u.T("ui.promise-hint"))
	p.promBy = u.newDateField(true)
	p.form.add("agent", u.T("field.agent"), p.agent)
	p.form.add("channel", u.T("field.channel"), p.channel)
	p.form.add("ref", u.T("field.ref"), p.ref)
	p.form.add("summary", u.T("ui.what-was-said"), p.notes)
	p.form.add("promise", u.T("field.promise"), p.promise)
	p.form.add("promise-by", u.T("field.promise-by"), p.promBy.content)
	rec := widget.NewIcon(theme.NewErrorThemedResource(theme.MediaRecordIcon()))
	top := container.NewVBox(container.NewCenter(container.NewHBox(rec, p.timer)), started)
	content := container.NewBorder(top, nil, nil, nil, container.NewVScroll(p.form.content()))
	u.modalCancel(u.T("ui.call-title"), content, u.T("ui.end-call"), func(done func()) { p.end(done) }, fyne.NewSize(580, 640),
		u.T("ui.cancel-call"), p.cancel)
	p.stop = u.every(time.Second, func() { p.timer.SetText(timerText(p.elapsed())) })
	u.focus(p.agent)
	return p
}

func (p *callPanel) elapsed() time.Duration {
	return p.u.clock.Now().Sub(p.start).Round(time.Second)
}

// input is the call as a contact event, with its exact start and length.
func (p *callPanel) input() app.EventInput {
	u := p.u
	in := app.EventInput{Kind: string(evidence.KindContact), At: p.start.In(u.clock.Location()).Format(time.RFC3339),
		Channel: p.channel.value(), Direction: evidence.Outbound, Agent: p.agent.Text, Ref: p.ref.Text,
		Summary: p.notes.Text, Promise: p.promise.Text, PromiseBy: strings.TrimSpace(p.promBy.text()),
		Duration: p.elapsed().String()}
	if strings.TrimSpace(in.Summary) == "" {
		in.Summary = u.T("ui.call-default-summary")
	}
	// A promise typed to the minute the call started (the "Now" button)
	// is not before the call, which started during that minute.
	if t, ok := p.promBy.parsed(u.clock.Location()); ok && t.Before(p.start) && p.start.Sub(t) < time.Minute {
		in.PromiseBy = p.start.In(u.clock.Location()).Format(time.RFC3339)
	}
	return in
}

// end saves the call as a contact event with its exact start and duration.
func (p *callPanel) end(done func()) {
	u := p.u
	in := p.input()
	var e evidence.Event
	u.async(func(ctx context.Context) (err error) {
		e, err = p.svc.AddEvent(ctx, p.caseID, in)
		return err
	}, func(err error) {
		if err != nil {
			p.form.show(err) // the call panel stays open with the notes
			return
		}
		p.halt()
		done()
		u.view.selected = e.ID
		u.view.reloadTimeline()
		u.cases.reload()
	})
}

// halt stops the timer.
func (p *callPanel) halt() {
	if p.stopped {
		return
	}
	p.stopped = true
	if p.stop != nil {
		p.stop()
	}
}

// cancel discards the call, asking first when anything was typed.
func (p *callPanel) cancel(done func()) {
	if p.notes.Text == "" && p.agent.Text == "" && p.ref.Text == "" && p.promise.Text == "" && p.promBy.text() == "" {
		p.halt()
		done()
		return
	}
	p.u.confirmWith(p.u.T("ui.cancel-call"), p.u.T("ui.cancel-call-text"), p.u.T("ui.discard"), func() {
		p.halt()
		done()
	})
}
