package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"redress/evidence"
)

// profileEditor is what the representative's profile uses: it is kept in
// the database (so it travels with backups), not in the app's preferences.
type profileEditor interface {
	Profile(ctx context.Context) (evidence.Profile, bool, error)
	SaveProfile(ctx context.Context, p evidence.Profile) (evidence.Profile, error)
}

// profilePanel is the representative's profile form.
type profilePanel struct {
	form                                *form
	name, firm, role, phone, email, ref *entry
	address, postcode                   *entry
	saved                               func(evidence.Profile) // after a save
	shown                               *shown
}

// EditProfile opens the representative's profile (Settings →
// Representative).
func (u *UI) EditProfile() { u.editProfile(u.svc, nil) }

func (u *UI) editProfile(svc profileEditor, saved func(evidence.Profile)) *profilePanel {
	p := &profilePanel{form: u.newForm(), saved: saved}
	p.name = u.newEntry(u.T("ui.para.rep-name-hint"))
	p.firm = u.newEntry(u.T("ui.para.firm-hint"))
	p.role = u.newEntry(u.T("ui.para.role-hint"))
	p.address = u.newMultiline(u.T("ui.address-hint"), 2)
	p.postcode = u.newEntry("")
	p.phone = u.newEntry("")
	p.email = u.newEntry(u.T("ui.eg", "example", "name@example.com"))
	p.ref = u.newEntry(u.T("ui.para.ref-hint"))
	fm := p.form
	fm.add("rep-name", u.T("field.rep-name"), p.name)
	fm.add("firm", u.T("field.firm"), p.firm)
	fm.add("role", u.T("field.role"), p.role)
	fm.add("rep-address", u.T("field.rep-address"), p.address)
	fm.add("rep-postcode", u.T("field.rep-postcode"), p.postcode)
	fm.add("rep-phone", u.T("field.rep-phone"), p.phone)
	fm.add("rep-email", u.T("field.rep-email"), p.email)
	fm.add("rep-reference", u.T("field.rep-reference"), p.ref)
	intro := wrapped(u.T("ui.para.profile-intro"))
	content := container.NewVScroll(container.NewVBox(intro, fm.content()))
	var old evidence.Profile
	u.async(func(ctx context.Context) (err error) {
		old, _, err = svc.Profile(ctx)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		p.fill(old)
	})
	p.shown = u.modalForm(u.T("ui.para.profile-title"), content, u.T("ui.save"), func(close func()) {
		in := p.value(old)
		in.Normalize()
		if err := in.Validate(); err != nil {
			fm.show(err)
			return
		}
		var got evidence.Profile
		u.async(func(ctx context.Context) (err error) {
			got, err = svc.SaveProfile(ctx, in)
			return err
		}, func(err error) {
			if err != nil {
				fm.show(err)
				return
			}
			close()
			if p.saved != nil {
				p.saved(got)
			}
		})
	}, fyne.NewSize(620, 600))
	u.focus(p.name)
	return p
}

func (p *profilePanel) fill(v evidence.Profile) {
	p.name.SetText(v.Name)
	p.firm.SetText(v.Firm)
	p.role.SetText(v.Role)
	p.address.SetText(v.Address)
	p.postcode.SetText(v.Postcode)
	p.phone.SetText(v.Phone)
	p.email.SetText(v.Email)
	p.ref.SetText(v.Reference)
}

func (p *profilePanel) value(old evidence.Profile) evidence.Profile {
	old.Name, old.Firm, old.Role, old.Address = p.name.Text, p.firm.Text, p.role.Text, p.address.Text
	old.Postcode, old.Phone, old.Email, old.Reference = p.postcode.Text, p.phone.Text, p.email.Text, p.ref.Text
	return old
}

// profileSummary is the Settings row for the representative: who it is,
// and a button to edit.
func (u *UI) profileSummary() fyne.CanvasObject {
	if u.svc == nil {
		return widget.NewLabel("")
	}
	var svc profileEditor = u.svc
	l := wrapped(u.T("ui.para.no-profile"))
	var show func()
	show = func() {
		var p evidence.Profile
		var has bool
		u.async(func(ctx context.Context) (err error) {
			p, has, err = svc.Profile(ctx)
			return err
		}, func(err error) {
			if err != nil || !has {
				return
			}
			var parts []string
			for _, s := range []string{p.Name, p.Firm, p.Role, p.Reference} {
				if strings.TrimSpace(s) != "" {
					parts = append(parts, s)
				}
			}
			l.SetText(strings.Join(parts, " · "))
		})
	}
	show()
	edit := widget.NewButtonWithIcon(u.T("ui.edit"), theme.DocumentCreateIcon(), func() {
		u.editProfile(svc, func(evidence.Profile) { show() })
	})
	return container.NewBorder(nil, nil, nil, edit, l)
}
