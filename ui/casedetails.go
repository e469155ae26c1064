package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"redress/app"
	"redress/evidence"
	"redress/forms"
)

// caseDetails is the part of the case form for paralegals and the
// official forms: the client the case is for, whether a representative
// prepares it, and — collapsed under "More details for official forms" —
// what the forms ask for, each with the forms that ask and why.
type caseDetails struct {
	u                                *UI
	f                                *caseForm
	client                           *choice
	clients                          []evidence.Client
	represented                      *widget.Check
	repRow                           fyne.CanvasObject
	repTouched                       bool
	phone, email, postcode, city, id *entry
	legal, regno, pemail, pcontact   *entry
	paddress                         *entry
	birth, final                     *dateField
	prefers, product, mentions       *choice
	more                             *widget.Accordion
	reasons                          map[string]*widget.Label // field key → the forms that ask
	content                          fyne.CanvasObject
	keys                             []string // the fields under "More details"
}

// factOf is the form fact each detail answers ("" for facts only letters
// use).
var factOf = map[string]forms.Fact{
	"phone": forms.FactPhone, "email": forms.FactEmail, "postcode": forms.FactPostcode, "birth-date": forms.FactBirthDate,
	"id-number": forms.FactIDNumber, "prefers": forms.FactContact, "provider-legal": forms.FactProviderLegal,
	"provider-address": forms.FactProviderAddress, "provider-regno": forms.FactProviderRegNo,
	"provider-email": forms.FactProviderEmail, "product": forms.FactProduct, "final-response": forms.FactFinalResponse,
}

// formShort is how a caption names a form.
var formShort = map[string]string{"cn-12315": "12315", "cn-12363": "12363", "cn-12378": "12378",
	"eu-fspo": "FSPO", "uk-fos": "FOS", "us-cfpb": "CFPB"}

func (u *UI) newCaseDetails(f *caseForm) *caseDetails {
	d := &caseDetails{u: u, f: f, reasons: map[string]*widget.Label{}}
	d.client = u.newChoiceLabels([]string{""}, []string{u.T("ui.para.no-client")}, "")
	d.client.OnChanged = func(string) { d.clientChanged() }
	var repRow fyne.CanvasObject
	d.represented, repRow = checkRow(u.T("ui.para.represented"))
	d.represented.OnChanged = func(bool) { d.repTouched = true }
	d.repRow = repRow
	d.phone, d.email, d.postcode, d.city, d.id = u.newEntry(""), u.newEntry(""), u.newEntry(""), u.newEntry(""), u.newEntry("")
	d.legal, d.regno, d.pemail, d.pcontact = u.newEntry(""), u.newEntry(""), u.newEntry(""), u.newEntry("")
	d.paddress = u.newMultiline("", 2)
	d.birth, d.final = u.newDateField(false), u.newDateField(false)
	d.prefers = u.newChoice("prefers", append([]string{""}, evidence.ContactMethods...), "")
	d.product = u.newChoice("product", append([]string{""}, evidence.ProductKinds...), "")
	d.mentions = u.newChoice("yesno", append([]string{""}, evidence.YesNo...), "")
	for _, c := range []*choice{d.prefers, d.product, d.mentions} {
		c.labels[0] = u.T("ui.para.not-known")
		c.Options = c.labels
		c.set("")
	}

	side := u.newForm()
	add := func(key, label string, obj fyne.CanvasObject, extra ...string) {
		r := note("")
		d.reasons[key] = r
		items := []fyne.CanvasObject{obj}
		for _, e := range extra {
			items = append(items, note(e))
		}
		fl := side.add(key, label, container.NewVBox(append(items, r)...))
		f.form.byKey[key] = fl // errors show on the field, under the main form's Save
		d.keys = append(d.keys, key)
	}
	head := func(text string) {
		side.fields = append(side.fields, &field{label: "", obj: bold(text), err: hiddenLabel()})
	}
	head(u.T("ui.para.about-complainant"))
	add("phone", u.T("field.phone"), d.phone)
	add("email", u.T("field.email"), d.email)
	add("postcode", u.T("field.postcode"), d.postcode)
	add("city", u.T("field.city"), d.city, u.T("ui.para.city-why"))
	add("birth-date", u.T("field.birth-date"), d.birth.content)
	add("id-number", u.T("field.id-number"), d.id, u.T("ui.para.id-note"))
	add("prefers", u.T("field.prefers"), d.prefers)
	head(u.T("ui.para.about-provider"))
	add("provider-legal", u.T("field.provider-legal"), d.legal)
	add("provider-address", u.T("field.provider-address"), d.paddress)
	add("provider-regno", u.T("field.provider-regno"), d.regno)
	add("provider-email", u.T("field.provider-email"), d.pemail)
	add("provider-contact", u.T("field.provider-contact"), d.pcontact)
	head(u.T("ui.para.about-dispute"))
	add("product", u.T("field.product"), d.product)
	add("final-response", u.T("field.final-response"), d.final.content)
	add("final-mentions-ombudsman", u.T("field.final-mentions-ombudsman"), d.mentions, u.T("ui.para.mentions-why"))
	d.more = widget.NewAccordion(widget.NewAccordionItem(u.T("ui.para.more-details"), side.content()))
	d.content = d.more
	d.refreshReasons("")
	return d
}

// clientRow is the form's client row: the client picker and a button for
// a new client, and the representative check box under them.
func (d *caseDetails) clientRow() fyne.CanvasObject {
	u := d.u
	plus := u.iconButton(theme.ContentAddIcon(), u.T("ui.para.new-client"), func() {
		u.clientDialog(u.svc, nil, func(c evidence.Client) { d.loadClients(c.ID) })
	})
	return container.NewVBox(container.NewBorder(nil, nil, nil, plus, d.client), d.repRow)
}

// loadClients reads the clients into the picker and selects id.
func (d *caseDetails) loadClients(id string) {
	u := d.u
	var cls []evidence.Client
	u.async(func(ctx context.Context) (err error) {
		cls, err = u.svc.Clients(ctx, false)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		d.setClients(cls, id)
	})
}

func (d *caseDetails) setClients(cls []evidence.Client, id string) {
	d.clients = cls
	values, labels := []string{""}, []string{d.u.T("ui.para.no-client")}
	for _, c := range cls {
		values = append(values, c.ID)
		labels = append(labels, c.Name)
	}
	d.client.values, d.client.labels = values, labels
	d.client.Options = labels
	if id != "" {
		d.client.set(id) // fills the complainant from the client
	} else {
		d.client.Refresh()
	}
}

// clientChanged fills the complainant's details from the client chosen;
// a client's case is prepared by a representative unless the user said
// otherwise.
func (d *caseDetails) clientChanged() {
	id := d.client.value()
	for _, c := range d.clients {
		if c.ID != id {
			continue
		}
		f := d.f
		f.name.SetText(c.Name)
		f.contact.SetText(c.Contact)
		f.address.SetText(c.Address)
		d.phone.SetText(c.Phone)
		d.email.SetText(c.Email)
		d.postcode.SetText(c.Postcode)
		d.city.SetText(c.City)
		d.birth.setText(c.BirthDate)
		d.id.SetText(c.IDNumber)
		d.prefers.set(c.Prefers)
		if !d.repTouched {
			d.represented.SetChecked(true)
			d.repTouched = false
		}
	}
}

// refreshReasons says under each detail which forms of the jurisdiction
// ask for it (all forms when none is chosen), and which require it.
func (d *caseDetails) refreshReasons(j evidence.Jurisdiction) {
	for key, l := range d.reasons {
		fact, ok := factOf[key]
		switch {
		case !ok && key == "provider-contact":
			l.SetText(d.u.T("ui.para.not-asked"))
			l.Show()
			continue
		case !ok:
			l.Hide()
			continue
		}
		var asked, required []string
		for _, f := range forms.All() {
			if j != "" && f.Jurisdiction != j {
				continue
			}
			for _, fl := range f.Fields {
				if fl.Fact != fact || fl.When != forms.Always {
					continue
				}
				name := formShort[f.ID]
				if fl.Required && !contains(required, name) {
					required = append(required, name)
				} else if !fl.Required && !contains(asked, name) && !contains(required, name) {
					asked = append(asked, name)
				}
				break
			}
		}
		switch {
		case len(required) > 0 && len(asked) > 0:
			l.SetText(d.u.T("ui.para.required-by", "forms", strings.Join(required, ", ")) + " " +
				d.u.T("ui.para.asked-by-also", "forms", strings.Join(asked, ", ")))
		case len(required) > 0:
			l.SetText(d.u.T("ui.para.required-by", "forms", strings.Join(required, ", ")))
		case len(asked) > 0:
			l.SetText(d.u.T("ui.para.asked-by", "forms", strings.Join(asked, ", ")))
		default:
			l.SetText(d.u.T("ui.para.not-asked"))
		}
		l.Show()
	}
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func (d *caseDetails) fill(c *evidence.Case) {
	x := app.DetailsOf(*c)
	d.phone.SetText(x.Phone)
	d.email.SetText(x.Email)
	d.postcode.SetText(x.Postcode)
	d.city.SetText(x.City)
	d.birth.setText(x.BirthDate)
	d.id.SetText(x.IDNumber)
	d.prefers.set(x.Prefers)
	d.legal.SetText(x.ProviderLegal)
	d.paddress.SetText(x.ProviderAddress)
	d.regno.SetText(x.ProviderRegNo)
	d.pemail.SetText(x.ProviderEmail)
	d.pcontact.SetText(x.ProviderContact)
	d.product.set(x.Product)
	d.final.setText(x.FinalResponse)
	d.mentions.set(x.FinalMentionsOmbudsman)
	d.represented.SetChecked(x.Represented)
	d.repTouched = true
	if x.Client != "" {
		// Shown before the clients are read; selected quietly so the
		// stored details are not replaced.
		d.client.values, d.client.labels = []string{"", x.Client}, []string{d.u.T("ui.para.no-client"), "…"}
		d.client.Options = d.client.labels
		d.client.setQuietly(x.Client)
	}
	d.refreshReasons(c.Jurisdiction)
}

func (d *caseDetails) details() app.CaseDetails {
	return app.CaseDetails{Phone: d.phone.Text, Email: d.email.Text, Postcode: d.postcode.Text, City: d.city.Text,
		BirthDate: d.birth.text(), IDNumber: d.id.Text, Prefers: d.prefers.value(), ProviderLegal: d.legal.Text,
		ProviderAddress: d.paddress.Text, ProviderRegNo: d.regno.Text, ProviderEmail: d.pemail.Text,
		ProviderContact: d.pcontact.Text, Product: d.product.value(), FinalResponse: d.final.text(),
		FinalMentionsOmbudsman: d.mentions.value(), Client: d.client.value(), Represented: d.represented.Checked}
}

// openFor opens "More details" when the error names one of its fields.
func (d *caseDetails) openFor(err error) {
	for _, fe := range evidence.Fields(err) {
		if contains(d.keys, fe.Field) {
			d.more.Open(0)
			return
		}
	}
}

// focusField opens "More details" and puts the cursor in a field (Fill in,
// from the form answers).
func (d *caseDetails) focusField(key string) {
	objs := map[string]fyne.Focusable{"phone": d.phone, "email": d.email, "postcode": d.postcode, "city": d.city,
		"birth-date": d.birth.entry, "id-number": d.id, "provider-legal": d.legal, "provider-address": d.paddress,
		"provider-regno": d.regno, "provider-email": d.pemail, "provider-contact": d.pcontact,
		"final-response": d.final.entry, "prefers": d.prefers, "product": d.product, "final-mentions-ombudsman": d.mentions}
	if o, ok := objs[key]; ok {
		d.more.Open(0)
		d.u.focus(o)
		return
	}
	main := map[string]fyne.Focusable{"name": d.f.name, "address": d.f.address, "account": d.f.account, "remedy": d.f.remedy,
		"provider": d.f.provider, "problem": d.f.problem, "amount": d.f.amount, "incident": d.f.incident.entry}
	if o, ok := main[key]; ok {
		d.u.focus(o)
	}
}

func hiddenLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Hide()
	return l
}

// newChoiceLabels is a choice whose labels are given (names, not
// translated values).
func (u *UI) newChoiceLabels(values, labels []string, initial string) *choice {
	c := &choice{u: u, values: values, labels: labels}
	c.Options = labels
	c.PlaceHolder = u.T("ui.choose")
	c.ExtendBaseWidget(c)
	c.set(initial)
	return c
}
