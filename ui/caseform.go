package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"redress/app"
	"redress/escalation"
	"redress/evidence"
)

// caseWriter is what the case form reads and stores.
type caseWriter interface {
	Providers(ctx context.Context) ([]string, error)
	NewCase(ctx context.Context, in app.CaseInput) (evidence.Case, error)
	UpdateCase(ctx context.Context, c *evidence.Case) error
	// EditCase stores the edit form: a client's details typed here go
	// to the client, for all of the client's cases.
	EditCase(ctx context.Context, caseRef string, in app.CaseInput) (evidence.Case, error)
}

// commonCurrencies are offered first; any ISO 4217 code can be typed.
var commonCurrencies = []string{"CNY", "HKD", "USD", "EUR", "GBP", "SGD", "MYR", "PHP", "THB", "IDR", "VND", "JPY", "KRW", "INR", "AUD", "CAD"}

// caseForm is the new-case and edit-case form.
type caseForm struct {
	u                                   *UI
	svc                                 caseWriter
	form                                *form
	title, amount, name, contact        *entry
	account                             *entry
	address, remedy                     *entry
	provider, currency                  *widget.SelectEntry
	problem, jurisdiction, lang, status *choice
	incident                            *dateField
	content                             fyne.CanvasObject
	// langPicked is set once the user chooses the letter language: from
	// then on it no longer follows the jurisdiction.
	langPicked bool
	// autoCurrency is the currency the form filled in itself ("" when the
	// user typed one), so a new jurisdiction may replace it.
	autoCurrency string
	// more is the client, the representative and the details for the
	// official forms (casedetails.go).
	more *caseDetails
}

func (u *UI) newCaseForm(svc caseWriter, c *evidence.Case) *caseForm {
	f := &caseForm{u: u, svc: svc, form: u.newForm()}
	f.title = u.newEntry(u.T("ui.title-hint"))
	f.provider = widget.NewSelectEntry(nil)
	f.provider.PlaceHolder = u.T("ui.provider-hint")
	f.problem = u.newChoice("problem", stringsOf(evidence.Problems), "")
	f.jurisdiction = u.newChoice("jurisdiction", stringsOf(evidence.Jurisdictions), "")
	f.amount = u.newEntry(u.T("ui.eg", "example", "1280.00"))
	f.currency = widget.NewSelectEntry(commonCurrencies)
	f.currency.PlaceHolder = u.T("ui.currency-hint")
	f.incident = u.newDateField(false)
	f.name = u.newEntry(u.T("ui.name-hint"))
	f.contact = u.newEntry(u.T("ui.contact-hint"))
	f.address = u.newMultiline(u.T("ui.address-hint"), 2)
	f.account = u.newEntry(u.T("ui.account-hint"))
	f.remedy = u.newMultiline(u.T("ui.remedy-hint"), 2)
	f.lang = u.newChoice("language", stringsOf(evidence.Languages), string(app.LetterLanguage("", u.l)))
	f.status = u.newChoice("status", stringsOf(evidence.Statuses), string(evidence.Open))
	f.more = u.newCaseDetails(f)
	f.lang.OnChanged = func(string) { f.langPicked = true }
	f.jurisdiction.OnChanged = func(string) { f.jurisdictionChanged() }
	f.currency.OnChanged = func(s string) {
		if s != f.autoCurrency {
			f.autoCurrency = ""
		}
	}
	fm := f.form
	fm.add("title", u.T("field.title"), f.title)
	fm.add("provider", u.T("field.provider"), f.provider)
	fm.add("problem", u.T("field.problem"), f.problem)
	fm.add("jurisdiction", u.T("field.jurisdiction"), f.jurisdiction)
	fm.add("lang", u.T("field.lang"), f.lang)
	fm.add("amount", u.T("field.amount"), container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(120, f.currency.MinSize().Height), f.currency), f.amount), "currency")
	fm.add("incident", u.T("field.incident"), f.incident.content)
	fm.add("account", u.T("field.account"), f.account)
	fm.add("client", u.T("field.client"), f.more.clientRow())
	fm.add("name", u.T("field.name"), f.name)
	fm.add("contact", u.T("field.contact"), f.contact)
	fm.add("address", u.T("field.address"), f.address)
	fm.add("remedy", u.T("field.remedy"), f.remedy)
	clientID := u.chosenClient() // a new case is for the client the case list shows
	if c != nil {
		fm.add("status", u.T("field.status"), f.status)
		f.fill(c)
		f.more.fill(c)
		clientID = c.ClientID
	}
	f.more.loadClients(clientID)
	var ps []string
	u.async(func(ctx context.Context) (err error) {
		ps, err = svc.Providers(ctx)
		return err
	}, func(err error) {
		if err == nil && len(ps) > 0 {
			f.provider.SetOptions(ps)
		}
	})
	f.content = container.NewVScroll(container.NewVBox(f.form.content(), f.more.content))
	return f
}

// jurisdictionChanged fills the defaults that follow the jurisdiction: the
// letter language until the user picks one, and the currency unless the
// user typed one.
func (f *caseForm) jurisdictionChanged() {
	j := evidence.Jurisdiction(f.jurisdiction.value())
	f.more.refreshReasons(j)
	if !f.langPicked {
		f.lang.setQuietly(string(app.LetterLanguage(j, f.u.l)))
	}
	if cur := app.DefaultCurrency(j); cur != "" && (f.currency.Text == "" || f.currency.Text == f.autoCurrency) {
		f.autoCurrency = cur
		f.currency.SetText(cur)
	}
}

func (f *caseForm) fill(c *evidence.Case) {
	f.title.SetText(c.Title)
	f.provider.SetText(c.Provider)
	f.problem.set(string(c.Problem))
	f.jurisdiction.setQuietly(string(c.Jurisdiction))
	if !c.Amount.IsZero() {
		f.amount.SetText(c.Amount.Decimal())
		f.currency.SetText(c.Amount.Currency)
	}
	f.incident.setText(c.Incident)
	f.name.SetText(c.Complainant.Name)
	f.contact.SetText(c.Complainant.Contact)
	f.address.SetText(c.Complainant.Address)
	f.account.SetText(c.Complainant.AccountID)
	f.remedy.SetText(c.Remedy)
	f.lang.setQuietly(string(c.Language))
	f.langPicked = true // a stored case's language is the user's choice
	f.status.set(string(c.Status))
}

func (f *caseForm) input() app.CaseInput {
	return app.CaseInput{Title: f.title.Text, Provider: f.provider.Text, Problem: f.problem.value(),
		Jurisdiction: f.jurisdiction.value(), Amount: f.amount.Text, Currency: currencyFor(f.amount.Text, f.currency.Text),
		Incident: f.incident.text(), Name: f.name.Text, Contact: f.contact.Text, Address: f.address.Text,
		Account: f.account.Text, Remedy: f.remedy.Text, Language: f.lang.value(), Status: f.status.value(),
		Details: f.more.details()}
}

// currencyFor is the currency to store with an amount: none without an
// amount, since the form fills in a default currency by itself.
func currencyFor(amount, currency string) string {
	if strings.TrimSpace(amount) == "" {
		return ""
	}
	return currency
}

// NewCase opens the new-case form (Ctrl/Cmd+N).
func (u *UI) NewCase() { u.newCaseDialog() }

func (u *UI) newCaseDialog() *caseForm {
	f := u.newCaseForm(u.svc, nil)
	u.showCaseForm(f, u.T("ui.new-case"), func(close func()) {
		in := f.input()
		if _, err := in.Case(); err != nil {
			f.show(err)
			return
		}
		var c evidence.Case
		u.async(func(ctx context.Context) (err error) {
			c, err = f.svc.NewCase(ctx, in)
			return err
		}, func(err error) {
			if err != nil {
				f.show(err) // the form stays open with everything typed
				return
			}
			close()
			u.cases.selected = c.ID
			u.cases.reload()
			u.OpenCase(c.ID)
			u.offerSelfCheck(c)
		})
	})
	return f
}

// offerSelfCheck lists the self-check steps for a new case; each one ticked
// is recorded in the timeline (regulators ask what was tried first).
func (u *UI) offerSelfCheck(c evidence.Case) *fyne.Container {
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
	u.modal(u.T("ui.self-check"), container.NewVScroll(box), "", nil, fyne.NewSize(520, 400))
	return box
}

// EditCase opens the form for the open case's facts.
func (u *UI) EditCase(c evidence.Case) { u.editCaseDialog(c) }

func (u *UI) editCaseDialog(c evidence.Case) *caseForm {
	f := u.newCaseForm(u.svc, &c)
	u.showCaseForm(f, u.T("ui.edit-case"), func(close func()) {
		in := f.input()
		if _, err := in.Case(); err != nil {
			f.show(err)
			return
		}
		u.async(func(ctx context.Context) error {
			_, err := f.svc.EditCase(ctx, c.ID, in)
			return err
		}, func(err error) {
			if err != nil {
				f.show(err)
				return
			}
			close()
			u.cases.reload()
			u.OpenCase(c.ID)
		})
	})
	return f
}

func (u *UI) showCaseForm(f *caseForm, title string, save func(close func())) {
	u.modalForm(title, f.content, u.T("ui.save"), save, fyne.NewSize(640, 640))
	u.focus(f.title)
}

// show shows an error on the form, opening "More details" when it names
// one of its fields.
func (f *caseForm) show(err error) {
	f.form.show(err)
	f.more.openFor(err)
}
