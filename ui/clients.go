package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"redress/app"
	"redress/evidence"
	"redress/filename"
)

// clientKeeper is what the client form and the case list's client filter
// use: a paralegal's clients, their details entered once.
type clientKeeper interface {
	Clients(ctx context.Context, archived bool) ([]evidence.Client, error)
	NewClient(ctx context.Context, c evidence.Client) (evidence.Client, error)
	UpdateClient(ctx context.Context, c *evidence.Client) ([]string, error)
	ExportClient(ctx context.Context, ref, dir string, opts app.ExportOptions) ([]string, error)
}

// clientPanel is the form for a client's details.
type clientPanel struct {
	form                                        *form
	name, phone, email, postcode, city, id, ref *entry
	contact, address                            *entry
	birth                                       *dateField
	prefers                                     *choice
	shown                                       *shown
}

// NewClient opens the form for a new client.
func (u *UI) NewClient() { u.clientDialog(u.svc, nil, nil) }

// clientDialog opens the client form: a new client when c is nil. saved
// gets the stored client.
func (u *UI) clientDialog(svc clientKeeper, c *evidence.Client, saved func(evidence.Client)) *clientPanel {
	p := &clientPanel{form: u.newForm()}
	p.name = u.newEntry(u.T("ui.name-hint"))
	p.phone = u.newEntry("")
	p.email = u.newEntry(u.T("ui.eg", "example", "name@example.com"))
	p.address = u.newMultiline(u.T("ui.address-hint"), 2)
	p.postcode = u.newEntry("")
	p.city = u.newEntry("")
	p.birth = u.newDateField(false)
	p.id = u.newEntry("")
	p.prefers = u.newChoice("prefers", append([]string{""}, evidence.ContactMethods...), "")
	p.contact = u.newEntry(u.T("ui.contact-hint"))
	p.ref = u.newEntry(u.T("ui.para.client-ref-hint"))
	fm := p.form
	fm.add("name", u.T("field.name"), p.name)
	fm.add("phone", u.T("field.phone"), p.phone)
	fm.add("email", u.T("field.email"), p.email)
	fm.add("address", u.T("field.address"), p.address)
	fm.add("postcode", u.T("field.postcode"), p.postcode)
	fm.add("city", u.T("field.city"), p.city)
	fm.add("birth-date", u.T("field.birth-date"), p.birth.content)
	fm.add("id-number", u.T("field.id-number"), container.NewVBox(p.id, note(u.T("ui.para.id-note"))))
	fm.add("prefers", u.T("field.prefers"), p.prefers)
	fm.add("contact", u.T("field.contact"), p.contact)
	fm.add("reference", u.T("field.rep-reference"), p.ref)
	title := u.T("ui.para.new-client")
	var base evidence.Client
	if c != nil {
		base = *c
		title = u.T("ui.para.edit-client")
		p.fill(base)
	}
	content := container.NewVScroll(fm.content())
	p.shown = u.modalForm(title, content, u.T("ui.save"), func(close func()) {
		in := p.value(base)
		in.Normalize()
		if err := in.Validate(); err != nil {
			fm.show(err)
			return
		}
		u.async(func(ctx context.Context) (err error) {
			if in.ID == "" {
				in, err = svc.NewClient(ctx, in)
				return err
			}
			_, err = svc.UpdateClient(ctx, &in)
			return err
		}, func(err error) {
			if err != nil {
				fm.show(err)
				return
			}
			close()
			if u.cases != nil {
				u.cases.reload()
			}
			if u.view != nil && u.view.caseID != "" {
				u.OpenCase(u.view.caseID) // the open case may have taken the new details
			}
			if saved != nil {
				saved(in)
			}
		})
	}, fyne.NewSize(620, 640))
	u.focus(p.name)
	return p
}

func (p *clientPanel) fill(c evidence.Client) {
	p.name.SetText(c.Name)
	p.phone.SetText(c.Phone)
	p.email.SetText(c.Email)
	p.address.SetText(c.Address)
	p.postcode.SetText(c.Postcode)
	p.city.SetText(c.City)
	p.birth.setText(c.BirthDate)
	p.id.SetText(c.IDNumber)
	p.prefers.set(c.Prefers)
	p.contact.SetText(c.Contact)
	p.ref.SetText(c.Reference)
}

func (p *clientPanel) value(c evidence.Client) evidence.Client {
	c.Name, c.Phone, c.Email, c.Address = p.name.Text, p.phone.Text, p.email.Text, p.address.Text
	c.Postcode, c.City, c.BirthDate, c.IDNumber = p.postcode.Text, p.city.Text, p.birth.text(), p.id.Text
	c.Prefers, c.Contact, c.Reference = p.prefers.value(), p.contact.Text, p.ref.Text
	return c
}

// note is a small grey sentence under a field.
func note(text string) *widget.Label {
	l := wrapped(text)
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// ExportClient asks for a folder and writes one archive per case of the
// client there.
func (u *UI) exportClient(svc clientKeeper, c evidence.Client) {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if dir == nil {
			return
		}
		u.exportClientTo(svc, c, dir.Path(), nil)
	}, u.win)
	start := u.lastFolder()
	if l, err := storage.ListerForURI(storage.NewFileURI(start)); err == nil {
		d.SetLocation(l)
	}
	d.SetConfirmText(u.T("ui.para.export-here"))
	d.SetDismissText(u.T("ui.cancel"))
	d.Resize(u.fit(fyne.NewSize(800, 560)))
	d.Show()
}

// exportClientTo writes the client's archives into a folder named after
// the client inside dir, then says where they are.
func (u *UI) exportClientTo(svc clientKeeper, c evidence.Client, dir string, done func([]string)) {
	out := filepath.Join(dir, safeFolder(c.Name))
	var files []string
	u.async(func(ctx context.Context) (err error) {
		files, err = svc.ExportClient(ctx, c.ID, out, app.ExportOptions{})
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		u.setLastFolder(dir)
		names := make([]string, len(files))
		for i, f := range files {
			names[i] = filepath.Base(f)
		}
		u.notice(u.T("ui.para.exported-title"), u.T("ui.para.exported", "n", fmt.Sprint(len(files)), "dir", out)+"\n"+strings.Join(names, "\n"))
		if done != nil {
			done(files)
		}
	})
}

// safeFolder is a folder name for a client ("Redress - Margaret Lee")
// every system accepts.
func safeFolder(name string) string { return filename.Safe("Redress - "+name, "Redress client") }

// representation is what the case header says about who the case is for:
// the client's case, prepared by a representative.
func (v *caseView) representation() []string {
	var out []string
	if v.c.ClientID != "" {
		out = append(out, v.u.T("ui.para.client-case"))
	}
	if v.c.Represented {
		out = append(out, v.u.T("ui.para.represented-short"))
	}
	return out
}
