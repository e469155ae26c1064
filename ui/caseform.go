package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"redress/app"
	"redress/escalation"
	"redress/evidence"
)

// commonCurrencies are offered first; any ISO 4217 code can be typed.
var commonCurrencies = []string{"CNY", "HKD", "USD", "EUR", "GBP", "SGD", "MYR", "PHP", "THB", "IDR", "VND", "JPY", "KRW", "INR", "AUD", "CAD"}

// caseForm is the new-case and edit-case form.
type caseForm struct {
	u                                   *UI
	form                                *form
	title, amount, name, contact        *entry
	account                             *entry
	address, remedy                     *entry
	provider, currency                  *widget.SelectEntry
	problem, jurisdiction, lang, status *choice
	incident                            *dateField
	dialog                              *shown
}

func (u *UI) newCaseForm(c *evidence.Case) *caseForm {
	f := &caseForm{u: u, form: u.newForm()}
	f.title = u.newEntry(u.T("ui.title-hint"))
	f.provider = widget.NewSelectEntry(nil)
	f.provider.PlaceHolder = "OKPay"
	f.problem = u.newChoice("problem", stringsOf(evidence.Problems), "")
	f.problem.PlaceHolder = u.T("ui.choose")
	f.jurisdiction = u.newChoice("jurisdiction", stringsOf(evidence.Jurisdictions), "")
	f.jurisdiction.PlaceHolder = u.T("ui.choose")
	f.amount = u.newEntry(u.T("ui.eg", "example", "1280.00"))
	f.currency = widget.NewSelectEntry(commonCurrencies)
	f.currency.PlaceHolder = "CNY"
	f.incident = u.newDateField(false)
	f.name = u.newEntry("")
	f.contact = u.newEntry(u.T("ui.contact-hint"))
	f.address = u.newMultiline("", 2)
	f.account = u.newEntry(u.T("ui.account-hint"))
	f.remedy = u.newMultiline(u.T("ui.remedy-hint"), 2)
	f.lang = u.newChoice("language", stringsOf(evidence.Languages), "")
	f.status = u.newChoice("status", stringsOf(evidence.Statuses), string(evidence.Open))
	f.jurisdiction.OnChanged = func(string) {
		if f.lang.value() == "" {
			if f.jurisdiction.value() == string(evidence.CN) {
				f.lang.set(string(evidence.Chinese))
			} else if f.jurisdiction.value() != "" {
				f.lang.set(string(evidence.English))
			}
		}
	}
	fm := f.form
	fm.add("title", u.T("field.title"), f.title)
	fm.add("provider", u.T("field.provider"), f.provider)
	fm.add("problem", u.T("field.problem"), f.problem)
	fm.add("jurisdiction", u.T("field.jurisdiction"), f.jurisdiction)
	fm.add("amount", u.T("field.amount"), container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(110, f.currency.MinSize().Height), f.currency), f.amount), "currency")
	fm.add("incident", u.T("field.incident"), f.incident.content)
	fm.add("name", u.T("field.name"), f.name)
	fm.add("contact", u.T("field.contact"), f.contact)
	fm.add("address", u.T("field.address"), f.address)
	fm.add("account", u.T("field.account"), f.account)
	fm.add("remedy", u.T("field.remedy"), f.remedy)
	fm.add("lang", u.T("field.lang"), f.lang)
	if c != nil {
		fm.add("status", u.T("field.status"), f.status)
		f.fill(c)
	}
	u.pending.Add(1)
	go func() {
		defer u.pending.Done()
		if ps, err := u.svc.Providers(u.ctx); err == nil && len(ps) > 0 {
			u.do(func() { f.provider.SetOptions(ps) })
		}
	}()
	return f
}

func (f *caseForm) fill(c *evidence.Case) {
	f.title.SetText(c.Title)
	f.provider.SetText(c.Provider)
	f.problem.set(string(c.Problem))
	f.jurisdiction.set(string(c.Jurisdiction))
	if !c.Amount.IsZero() {
		f.amount.SetText(c.Amount.Decimal())
		f.currency.SetText(c.Amount.Currency)
	}
	f.incident.SetText(c.Incident)
	f.name.SetText(c.Complainant.Name)
	f.contact.SetText(c.Complainant.Contact)
	f.address.SetText(c.Complainant.Address)
	f.account.SetText(c.Complainant.AccountID)
	f.remedy.SetText(c.Remedy)
	f.lang.set(string(c.Language))
	f.status.set(string(c.Status))
}

func (f *caseForm) input() app.CaseInput {
	return app.CaseInput{Title: f.title.Text, Provider: f.provider.Text, Problem: f.problem.value(),
		Jurisdiction: f.jurisdiction.value(), Amount: f.amount.Text, Currency: f.currency.Text,
		Incident: f.incident.Text, Name: f.name.Text, Contact: f.contact.Text, Address: f.address.Text,
		Account: f.account.Text, Remedy: f.remedy.Text, Language: f.lang.value(), Status: f.status.value()}
}

// NewCase opens the new-case form (Ctrl/Cmd+N).
func (u *UI) NewCase() {
	f := u.newCaseForm(nil)
	u.showCaseForm(f, u.T("ui.new-case"), func(close func()) {
		in := f.input()
		if _, err := in.Case(); err != nil {
			f.form.show(err)
			return
		}
		var c evidence.Case
		u.async(func() (err error) {
			c, err = u.svc.NewCase(u.ctx, in)
			return err
		}, func(err error) {
			if err != nil {
				f.form.show(err) // the form stays open with everything typed
				return
			}
			close()
			u.cases.selected = c.ID
			u.cases.reload()
			u.OpenCase(c.ID)
			u.offerSelfCheck(c)
		})
	})
}

// offerSelfCheck lists the self-check steps for a new case; each one ticked
// is recorded in the timeline (regulators ask what was tried first).
func (u *UI) offerSelfCheck(c evidence.Case) {
	intro := wrapped(u.T("ui.self-check-intro"))
	box := container.NewVBox(intro)
	for _, it := range escalation.SelfCheckItems() {
		it := it
		chk := widget.NewCheck(u.T(it.Key), nil)
		chk.OnChanged = func(on bool) {
			if on {
				chk.Disable()
				u.recordSelfCheck(c.ID, it)
			}
		}
		box.Add(chk)
	}
	u.lastSelfCheck = box
	u.modal(u.T("ui.self-check"), box, "", nil, fyne.NewSize(520, 380))
}

// EditCase opens the form for the open case's facts.
func (u *UI) EditCase(c evidence.Case) {
	f := u.newCaseForm(&c)
	u.showCaseForm(f, u.T("ui.edit-case"), func(close func()) {
		parsed, err := f.input().Case()
		if err != nil {
			f.form.show(err)
			return
		}
		edited := c
		parsed.ID, parsed.Created, parsed.Version, parsed.Archived = c.ID, c.Created, c.Version, c.Archived
		edited = parsed
		u.async(func() error { return u.svc.UpdateCase(u.ctx, &edited) }, func(err error) {
			if err != nil {
				f.form.show(err)
				return
			}
			close()
			u.cases.reload()
			u.OpenCase(c.ID)
		})
	})
}

func (u *UI) showCaseForm(f *caseForm, title string, save func(close func())) {
	scroll := container.NewVScroll(f.form.content())
	u.lastCaseForm = f
	f.dialog = u.modal(title, scroll, u.T("ui.save"), save, fyne.NewSize(640, 620))
}
