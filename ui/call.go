package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"redress/app"
	"redress/evidence"
)

// callPanel is call mode: a running timer with fields to write down the
// agent, the reference and what is said while the call goes on.
type callPanel struct {
	u       *UI
	caseID  string
	start   time.Time
	timer   *widget.Label
	channel *choice
	agent   *entry
	ref     *entry
	notes   *entry
	promise *entry
	form    *form
	stop    chan struct{}
	closeFn func()
}

// StartCall opens call mode for the open case: the start time is taken now.
func (u *UI) StartCall() {
	caseID := u.view.caseID
	if caseID == "" {
		return
	}
	p := &callPanel{u: u, caseID: caseID, start: u.svc.Now(), stop: make(chan struct{}), form: u.newForm()}
	u.lastCall = p
	p.timer = widget.NewLabelWithStyle("0:00", fyne.TextAlignCenter, fyne.TextStyle{Bold: true, Monospace: true})
	p.timer.SizeName = theme.SizeNameHeadingText
	started := widget.NewLabel(u.T("ui.call-started", "time", u.when(p.start.In(u.svc.Location()))))
	started.Alignment = fyne.TextAlignCenter
	p.channel = u.newChoice("channel", []string{string(evidence.Phone), string(evidence.Chat), string(evidence.InApp), string(evidence.Social)}, string(evidence.Phone))
	p.agent = u.newEntry(u.T("ui.agent-hint"))
	p.ref = u.newEntry(u.T("ui.ref-hint"))
	p.notes = u.newMultiline(u.T("ui.call-notes-hint"), 6)
	p.promise = u.newEntry(u.T("ui.promise-hint"))
	p.form.add("channel", u.T("field.channel"), p.channel)
	p.form.add("agent", u.T("field.agent"), p.agent)
	p.form.add("ref", u.T("field.ref"), p.ref)
	p.form.add("summary", u.T("ui.what-was-said"), p.notes)
	p.form.add("promise", u.T("field.promise"), p.promise)
	rec := widget.NewIcon(theme.NewErrorThemedResource(theme.MediaRecordIcon()))
	top := container.NewVBox(container.NewCenter(container.NewHBox(rec, p.timer)), started)
	content := container.NewBorder(top, nil, nil, nil, container.NewVScroll(p.form.content()))
	u.modalCancel(u.T("ui.call-title"), content, u.T("ui.end-call"), func(done func()) { p.end(done) }, fyne.NewSize(560, 600),
		u.T("ui.cancel-call"), p.cancel)
	go p.tick()
}

func (p *callPanel) elapsed() time.Duration {
	return p.u.svc.Now().Sub(p.start).Round(time.Second)
}

func (p *callPanel) tick() {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-p.stop:
			return
		case <-t.C:
			p.u.do(func() { p.timer.SetText(durationText(p.elapsed())) })
		}
	}
}

// end saves the call as a contact event with its exact start and duration.
func (p *callPanel) end(done func()) {
	u := p.u
	in := app.EventInput{Kind: string(evidence.KindContact), At: p.start.In(u.svc.Location()).Format(time.RFC3339),
		Channel: p.channel.value(), Direction: evidence.Outbound, Agent: p.agent.Text, Ref: p.ref.Text,
		Summary: p.notes.Text, Promise: p.promise.Text, Duration: p.elapsed().String()}
	if in.Summary == "" {
		in.Summary = u.T("ui.call-default-summary")
	}
	var e evidence.Event
	u.async(func() (err error) {
		e, err = u.svc.AddEvent(u.ctx, p.caseID, in)
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

func (p *callPanel) halt() {
	select {
	case <-p.stop:
	default:
		close(p.stop)
	}
}

// cancel discards the call, asking first when anything was typed.
func (p *callPanel) cancel(done func()) {
	if p.notes.Text == "" && p.agent.Text == "" && p.ref.Text == "" && p.promise.Text == "" {
		p.halt()
		done()
		return
	}
	p.u.confirm(p.u.T("ui.cancel-call"), p.u.T("ui.cancel-call-text"), func() {
		p.halt()
		done()
	})
}
