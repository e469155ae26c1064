package ui

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"redress/app"
	"redress/evidence"
	"redress/post"
)

// The public step (issue 17): the draft view with live counts per
// platform, the guidance and venues beside it, "I posted it", and the
// provider's public replies.

// poster is what the draft view and the public step use.
type poster interface {
	PostDraft(ctx context.Context, caseRef string, o app.PostOptions) (post.Draft, error)
	PostSuggestion(ctx context.Context, caseRef string) (app.PostSuggestion, error)
	RecordPost(ctx context.Context, caseRef string, in app.PostRecord) (evidence.Event, error)
	RecordPostReply(ctx context.Context, postID string, r app.PostReply) (evidence.Event, error)
}

// postSuggestionRows suggest the public post in the status panel when
// post.Suggest allows it (the formal complaint's reply time has run out,
// or the provider gave its final response), with a button to the draft.
func (u *UI) postSuggestionRows(s app.PostSuggestion) []fyne.CanvasObject {
	if !s.OK {
		return nil
	}
	draft := widget.NewButtonWithIcon(u.T("lawui.draft-post"), theme.DocumentCreateIcon(), u.ShowPostDraft)
	return []fyne.CanvasObject{widget.NewSeparator(), bold(u.T("lawui.public-step")), wrapped(s.Why.Text(u.l)), draft}
}

// isPublicPost reports whether an event is a recorded public post (a
// social-media contact tagged public).
func isPublicPost(e evidence.Event) bool {
	if e.Kind != evidence.KindContact || e.Contact == nil || e.Contact.Channel != evidence.Social {
		return false
	}
	for _, t := range e.Tags {
		if t := strings.ToLower(strings.TrimSpace(t)); t == app.PublicTag || t == "公开" {
			return true
		}
	}
	return false
}

// entryButtons are the extra buttons of a timeline entry's detail: "Record
// a reply" on a public post.
func (u *UI) entryButtons(e evidence.Event) []fyne.CanvasObject {
	if !isPublicPost(e) || e.Archived != nil {
		return nil
	}
	return []fyne.CanvasObject{widget.NewButtonWithIcon(u.T("lawui.record-reply"), theme.MailReplyIcon(), func() { u.recordReply(u.svc, e) })}
}

// postView is the draft of a public post: language and length, the
// mention, the editable text with live counts per platform, Copy, the
// guidance and where to post, and "I posted it".
type postView struct {
	u        *UI
	svc      poster
	c        evidence.Case
	lang     *choice
	length   *choice
	mention  *entry
	keep     *widget.Check
	title    *entry
	titleBox *fyne.Container
	text     *entry
	counts   *fyne.Container
	warn     *fyne.Container
	status   *widget.Label
	shown    *shown
	// composed is the text (and title) as last composed: what differs
	// from it is the user's own edit.
	composed, composedTitle string
	// prevLang and prevLength are the choices the text was composed for.
	prevLang, prevLength string
}

// ShowPostDraft opens the draft view for the open case.
func (u *UI) ShowPostDraft() { u.showPostDraft(u.svc) }

func (u *UI) showPostDraft(svc poster) *postView {
	if u.view.caseID == "" {
		return nil
	}
	p := &postView{u: u, svc: svc, c: u.view.c}
	l := p.c.Language
	if l == "" {
		l = app.LetterLanguage(p.c.Jurisdiction, u.l)
	}
	p.lang = u.newChoice("language", stringsOf(evidence.Languages), string(l))
	p.length = u.newChoice("post.length", stringsOf(post.Lengths), string(post.Short))
	p.prevLang, p.prevLength = p.lang.value(), p.length.value()
	p.mention = u.newEntry(u.T("lawui.mention-hint"))
	p.keep = widget.NewCheck(u.T("lawui.keep-names"), func(bool) { p.recompose(false) })
	p.title = u.newEntry("")
	p.text = u.newMultiline("", 10)
	p.counts = container.NewVBox()
	p.warn = container.NewVBox()
	p.status = wrapped("")
	p.status.Importance = widget.LowImportance
	p.text.OnChanged = func(string) { p.count() }
	p.title.OnChanged = func(string) { p.count() }
	p.mention.OnSubmitted = func(string) { p.recompose(false) }
	p.mention.OnChanged = func(string) {
		if !p.edited() {
			p.recompose(false)
		}
	}
	p.lang.OnChanged = func(string) { p.switched() }
	p.length.OnChanged = func(string) { p.switched() }
	p.titleBox = container.NewVBox(widget.NewForm(widget.NewFormItem(u.T("lawui.post-title"), p.title)))
	p.titleBox.Hide()

	again := widget.NewButtonWithIcon(u.T("ui.regenerate"), theme.ViewRefreshIcon(), func() { p.recompose(true) })
	copyBtn := widget.NewButtonWithIcon(u.T("ui.copy"), theme.ContentCopyIcon(), p.copyText)
	posted := widget.NewButtonWithIcon(u.T("lawui.i-posted"), theme.ConfirmIcon(), p.iPosted)
	posted.Importance = widget.HighImportance
	choices := widget.NewForm(
		widget.NewFormItem(u.T("lawui.post-lang"), p.lang),
		widget.NewFormItem(u.T("field.length"), p.length),
		widget.NewFormItem(u.T("lawui.mention"), p.mention),
	)
	top := container.NewVBox(choices, p.keep, p.titleBox)
	bottom := container.NewVBox(p.counts, p.warn, newWrap(copyBtn, again, posted), p.status)
	left := container.NewBorder(top, bottom, nil, nil, p.text)
	split := container.NewHSplit(left, container.NewVScroll(p.guidance()))
	split.Offset = 0.62
	p.shown = u.modal(u.T("lawui.post-view-title"), split, "", nil, fyne.NewSize(1040, 700))
	p.recompose(true)
	return p
}

// guidance is what to mind before posting and where to post, beside the
// draft.
func (p *postView) guidance() fyne.CanvasObject {
	u := p.u
	objs := []fyne.CanvasObject{bold(u.T("lawui.post-guidance"))}
	for _, k := range post.Tips {
		objs = append(objs, bullet(wrapped(u.T(k))))
	}
	objs = append(objs, widget.NewSeparator(), bold(u.T("lawui.post-venues")))
	for _, v := range post.Venues(p.c.Jurisdiction) {
		name := wrapped(v.Name(u.l))
		name.TextStyle.Bold = true
		objs = append(objs, name)
		if v.Address != "" {
			a := caption(v.Address)
			a.Selectable = true
			objs = append(objs, a)
		}
		objs = append(objs, caption(v.Note(u.l)))
	}
	return container.NewVBox(objs...)
}

// edited reports whether the user changed the composed text or title.
func (p *postView) edited() bool {
	return p.text.Text != p.composed || p.title.Text != p.composedTitle
}

// switched composes the draft again for a new language or length, asking
// first when that would replace the user's edits (and putting the choice
// back if they keep them).
func (p *postView) switched() {
	wantLang, wantLength := p.lang.value(), p.length.value()
	if wantLang == p.prevLang && wantLength == p.prevLength {
		return
	}
	if !p.edited() {
		p.compose()
		return
	}
	// Until confirmed, the choices show what the text was written for.
	p.lang.setQuietly(p.prevLang)
	p.length.setQuietly(p.prevLength)
	u := p.u
	u.confirmWith(u.T("ui.regenerate"), u.T("lawui.replace-edits"), u.T("ui.regenerate"), func() {
		p.lang.setQuietly(wantLang)
		p.length.setQuietly(wantLength)
		p.compose()
	})
}

// recompose composes the draft again; force replaces the user's edits
// (after asking), otherwise edits are kept.
func (p *postView) recompose(force bool) {
	if !p.edited() {
		p.compose()
		return
	}
	if force {
		u := p.u
		u.confirmWith(u.T("ui.regenerate"), u.T("lawui.replace-edits"), u.T("ui.regenerate"), p.compose)
	}
}

// compose drafts the post for the chosen language, length, mention and
// names, and shows it with its counts and warnings.
func (p *postView) compose() {
	u := p.u
	o := app.PostOptions{Lang: evidence.Language(p.lang.value()), Length: post.Length(p.length.value()),
		Mention: p.mention.Text, KeepAgentNames: p.keep.Checked}
	var d post.Draft
	var derr error
	u.async(func(ctx context.Context) error {
		d, derr = p.svc.PostDraft(ctx, p.c.ID, o)
		if d.Text == "" {
			return derr
		}
		return nil // a draft too long at its shortest is still shown, with the error
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		p.prevLang, p.prevLength = string(o.Lang), string(o.Length)
		p.composed, p.composedTitle = d.Text, d.Title
		p.title.SetText(d.Title)
		if o.Length == post.Long {
			p.titleBox.Show()
		} else {
			p.titleBox.Hide()
		}
		p.text.SetText(d.Text)
		var rows []fyne.CanvasObject
		if derr != nil {
			l := wrapped(u.l.Err(derr))
			l.Importance = widget.DangerImportance
			rows = append(rows, l)
		}
		for _, w := range d.Warnings {
			l := wrapped("⚠ " + u.T(w.Key, w.Args...))
			l.Importance = widget.WarningImportance
			rows = append(rows, l)
		}
		if d.Omitted > 0 {
			rows = append(rows, caption(u.T("lawui.post-omitted", "n", strconv.Itoa(d.Omitted))))
		}
		p.warn.Objects = rows
		p.warn.Refresh()
		p.status.SetText("")
		p.count()
	})
}

// count shows the text's length on each platform of its form, red when
// over the limit; it follows every keystroke.
func (p *postView) count() {
	u := p.u
	var rows []fyne.CanvasObject
	for _, n := range post.Counts(post.Length(p.length.value()), p.text.Text, p.title.Text) {
		l := widget.NewLabel(u.T("lawui.count-line", "platform", u.T(n.Key()), "count", countText(u, n)))
		if !n.Fits() {
			l.Importance = widget.DangerImportance
		}
		rows = append(rows, l)
	}
	p.counts.Objects = []fyne.CanvasObject{newWrap(rows...)}
	p.counts.Refresh()
}

// countText is "92 / 140", or "35 (no published limit)".
func countText(u *UI, n post.Count) string {
	if n.Limit == 0 {
		return u.T("lawui.count-no-limit", "used", strconv.Itoa(n.Used))
	}
	s := strconv.Itoa(n.Used) + " / " + strconv.Itoa(n.Limit)
	if !n.Fits() {
		s = u.T("lawui.count-over", "count", s)
	}
	return s
}

// posted is what "I posted it" records: the title and the text.
func (p *postView) posted() string {
	if strings.TrimSpace(p.title.Text) != "" && p.titleBox.Visible() {
		return strings.TrimSpace(p.title.Text) + "\n\n" + p.text.Text
	}
	return p.text.Text
}

// copyText puts the text (with its title, for the long form) on the
// clipboard.
func (p *postView) copyText() {
	p.u.fa.Clipboard().SetContent(p.posted())
	p.status.SetText(p.u.T("lawui.copied"))
}

// iPosted asks for the post's link, when it went up and a screenshot,
// then records it.
func (p *postView) iPosted() {
	p.u.recordPost(p.svc, p.c, p.posted(), func() { p.shown.close() })
}

// fileField is a row that picks files with the app's picker and shows
// their names.
type fileField struct {
	paths   []string
	names   *widget.Label
	content fyne.CanvasObject
}

func (u *UI) newFileField() *fileField {
	f := &fileField{names: widget.NewLabel(u.T("lawui.no-file"))}
	f.names.Truncation = fyne.TextTruncateEllipsis
	pick := widget.NewButtonWithIcon(u.T("lawui.choose-file"), theme.FileImageIcon(), func() {
		u.pickFiles(func(paths []string) { f.set(u, paths) })
	})
	f.content = container.NewBorder(nil, nil, nil, pick, f.names)
	return f
}

func (f *fileField) set(u *UI, paths []string) {
	f.paths = paths
	var names []string
	for _, p := range paths {
		names = append(names, filepath.Base(p))
	}
	if len(names) == 0 {
		f.names.SetText(u.T("lawui.no-file"))
		return
	}
	f.names.SetText(strings.Join(names, ", "))
}

// postForm is the "I posted it" form.
type postForm struct {
	link  *entry
	at    *dateField
	shots *fileField
	form  *form
	shown *shown
}

// recordPost asks for the link, the time and a screenshot of a post with
// the given text and records it; then runs after (closing the draft).
func (u *UI) recordPost(svc poster, c evidence.Case, text string, after func()) *postForm {
	f := &postForm{link: u.newEntry(u.T("lawui.link-hint")), at: u.newDateField(true), shots: u.newFileField(), form: u.newForm()}
	f.at.setText(u.clock.Now().In(u.clock.Location()).Format(timeLayout))
	f.form.add("ref", u.T("lawui.post-link"), f.link)
	f.form.add("at", u.T("lawui.posted-at"), f.at.content)
	f.form.add("files", u.T("lawui.post-screenshot"), f.shots.content)
	intro := wrapped(u.T("lawui.i-posted-intro"))
	f.shown = u.modalForm(u.T("lawui.i-posted"), container.NewVBox(intro, f.form.content()), u.T("lawui.record-post"), func(done func()) {
		in := app.PostRecord{At: f.at.text(), Link: f.link.Text, Text: text, Screenshots: f.shots.paths}
		u.async(func(ctx context.Context) error {
			_, err := svc.RecordPost(ctx, c.ID, in)
			return err
		}, func(err error) {
			if err != nil {
				f.form.show(err)
				return
			}
			done()
			if after != nil {
				after()
			}
			u.view.reloadTimeline()
			u.cases.reload()
		})
	}, fyne.NewSize(620, 420))
	u.focus(f.link)
	return f
}

// replyForm is the "Record a reply" form.
type replyForm struct {
	account *entry
	text    *entry
	link    *entry
	at      *dateField
	shots   *fileField
	form    *form
	shown   *shown
}

// recordReply records a reply from the provider's official account to
// the public post e, as a response from the provider.
func (u *UI) recordReply(svc poster, e evidence.Event) *replyForm {
	f := &replyForm{account: u.newEntry(u.T("lawui.account-hint")), text: u.newMultiline(u.T("lawui.reply-hint"), 4),
		link: u.newEntry(u.T("lawui.link-hint")), at: u.newDateField(true), shots: u.newFileField(), form: u.newForm()}
	f.at.setText(u.clock.Now().In(u.clock.Location()).Format(timeLayout))
	f.form.add("name", u.T("lawui.reply-account"), f.account)
	f.form.add("outcome", u.T("lawui.reply-text"), f.text)
	f.form.add("ref", u.T("lawui.reply-link"), f.link)
	f.form.add("at", u.T("lawui.replied-at"), f.at.content)
	f.form.add("files", u.T("lawui.post-screenshot"), f.shots.content)
	intro := wrapped(u.T("lawui.reply-intro", "date", u.when(e.At)))
	f.shown = u.modalForm(u.T("lawui.record-reply"), container.NewVBox(intro, f.form.content()), u.T("ui.save"), func(done func()) {
		r := app.PostReply{At: f.at.text(), Account: f.account.Text, Text: f.text.Text, Link: f.link.Text, Screenshots: f.shots.paths}
		u.async(func(ctx context.Context) error {
			_, err := svc.RecordPostReply(ctx, e.ID, r)
			return err
		}, func(err error) {
			if err != nil {
				f.form.show(err)
				return
			}
			done()
			u.view.reloadTimeline()
			u.cases.reload()
		})
	}, fyne.NewSize(620, 520))
	u.focus(f.account)
	return f
}
