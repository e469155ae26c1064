package ui

import (
	"context"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"redress/app"
	"redress/evidence"
)

// clientBar is the case list's client filter: all clients, one client, or
// the cases without a client; with buttons for a new client, to edit the
// one chosen, and to export all of its cases in one step. It shows only
// once there is a client. Cases are grouped by client (in name order,
// cases without a client last), each row naming its client.
type clientBar struct {
	cl      *caseList
	clients []evidence.Client
	pick    *choice
	edit    *tipButton
	export  *tipButton
	content *fyne.Container
}

// Filter values besides a client's ID.
const (
	allClients = ""
	noClient   = "-"
)

func (cl *caseList) newClientBar() *clientBar {
	u := cl.u
	b := &clientBar{cl: cl}
	b.pick = u.newChoiceLabels([]string{allClients}, []string{u.T("ui.para.all-clients")}, allClients)
	b.pick.OnChanged = func(string) {
		b.buttons()
		cl.filter()
	}
	add := u.iconButton(theme.ContentAddIcon(), u.T("ui.para.new-client"), func() {
		u.clientDialog(u.svc, nil, func(c evidence.Client) { b.load(c.ID) })
	})
	b.edit = u.iconButton(theme.DocumentCreateIcon(), u.T("ui.para.edit-client"), func() {
		if c, ok := b.chosen(); ok {
			u.clientDialog(u.svc, &c, func(evidence.Client) { b.load(c.ID) })
		}
	})
	b.export = u.iconButton(theme.UploadIcon(), u.T("ui.para.export-client"), func() {
		if c, ok := b.chosen(); ok {
			u.exportClient(u.svc, c)
		}
	})
	b.content = container.NewBorder(nil, nil, nil, container.NewHBox(add, b.edit, b.export), b.pick)
	b.content.Hide()
	b.buttons()
	return b
}

// load reads the clients again and chooses id ("" keeps the choice).
func (b *clientBar) load(id string) {
	u := b.cl.u
	if u.svc == nil {
		return
	}
	var cls []evidence.Client
	u.async(func(ctx context.Context) (err error) {
		cls, err = u.svc.Clients(ctx, false)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		b.set(cls, id)
	})
}

func (b *clientBar) set(cls []evidence.Client, id string) {
	u := b.cl.u
	if id == "" {
		id = b.pick.value()
	}
	b.clients = cls
	values, labels := []string{allClients}, []string{u.T("ui.para.all-clients")}
	for _, c := range cls {
		values = append(values, c.ID)
		labels = append(labels, c.Name)
	}
	values, labels = append(values, noClient), append(labels, u.T("ui.para.without-client"))
	b.pick.values, b.pick.labels, b.pick.Options = values, labels, labels
	if !slices.Contains(values, id) {
		id = allClients
	}
	b.pick.setQuietly(id)
	b.pick.Refresh()
	if len(cls) > 0 {
		b.content.Show()
	} else {
		b.content.Hide()
	}
	b.buttons()
	b.cl.filter()
}

func (b *clientBar) chosen() (evidence.Client, bool) {
	id := b.pick.value()
	for _, c := range b.clients {
		if c.ID == id {
			return c, true
		}
	}
	return evidence.Client{}, false
}

func (b *clientBar) buttons() {
	if _, ok := b.chosen(); ok {
		b.edit.Enable()
		b.export.Enable()
	} else {
		b.edit.Disable()
		b.export.Disable()
	}
}

// name is the client's name ("" for none).
func (b *clientBar) name(id string) string {
	for _, c := range b.clients {
		if c.ID == id {
			return c.Name
		}
	}
	return ""
}

// apply keeps the cases of the client chosen, grouped by client.
func (b *clientBar) apply(cases []app.CaseSummary) []app.CaseSummary {
	if b == nil || len(b.clients) == 0 {
		return cases
	}
	var out []app.CaseSummary
	switch id := b.pick.value(); id {
	case allClients:
		out = slices.Clone(cases)
	default:
		for _, c := range cases {
			if (id == noClient && c.ClientID == "") || (id != noClient && c.ClientID == id) {
				out = append(out, c)
			}
		}
	}
	rank := func(c app.CaseSummary) string {
		if c.ClientID == "" {
			return "\uffff" // without a client: last
		}
		return strings.ToLower(b.name(c.ClientID)) + "\x00" + c.ClientID
	}
	slices.SortStableFunc(out, func(x, y app.CaseSummary) int { return strings.Compare(rank(x), rank(y)) })
	return out
}

// chosenClient is the ID of the client the case list shows ("" for none).
func (u *UI) chosenClient() string {
	if u.cases == nil || u.cases.clients == nil {
		return ""
	}
	if c, ok := u.cases.clients.chosen(); ok {
		return c.ID
	}
	return ""
}
