package cli

import (
	"flag"
	"os"
	"strconv"
	"strings"
	"time"

	"redress/app"
	"redress/evidence"
	"redress/forms"
	"redress/lang"
	"redress/letters"
)

// Paralegals and official forms (issue 14): profile, client, case edit,
// forms, authority, records; the case and dossier flags they add.

// detailFlags are the `case new` / `case edit` flags for what the official
// forms ask for.
type detailFlags struct {
	f                                                          *flags
	phone, email, postcode, city, birth, id, prefers           *string
	legal, paddress, regno, pemail, pcontact                   *string
	product, final, mentions, client                           *string
	represented                                                *bool
	title, provider, problem, jurisdiction, amount, currency   *string
	incident, account, name, contact, address, remedy, lng, st *string
}

func newDetailFlags(f *flags) *detailFlags {
	return &detailFlags{f: f,
		phone: f.str("phone"), email: f.str("email"), postcode: f.str("postcode"), city: f.str("city"),
		birth: f.str("birth-date"), id: f.str("id-number"), prefers: f.str("prefers"),
		legal: f.str("provider-legal"), paddress: f.str("provider-address"), regno: f.str("provider-regno"),
		pemail: f.str("provider-email"), pcontact: f.str("provider-contact"),
		product: f.str("product"), final: f.str("final-response"), mentions: f.str("final-mentions-ombudsman"),
		client: f.str("client"), represented: f.boolean("represented")}
}

// details are the details as given (for a new case).
func (d *detailFlags) details() app.CaseDetails {
	return app.CaseDetails{Phone: *d.phone, Email: *d.email, Postcode: *d.postcode, City: *d.city, BirthDate: *d.birth,
		IDNumber: *d.id, Prefers: *d.prefers, ProviderLegal: *d.legal, ProviderAddress: *d.paddress,
		ProviderRegNo: *d.regno, ProviderEmail: *d.pemail, ProviderContact: *d.pcontact, Product: *d.product,
		FinalResponse: *d.final, FinalMentionsOmbudsman: *d.mentions, Client: *d.client, Represented: *d.represented}
}

// set reports which flags were given on the command line.
func (f *flags) set() map[string]bool {
	out := map[string]bool{}
	f.fs.Visit(func(fl *flag.Flag) { out[fl.Name] = true })
	return out
}

// caseEdit is `case edit CASE [flags]`: only the facts given change; the
// previous version is kept.
func (r *runner) caseEdit(args []string) error {
	f := newFlags("case edit")
	d := newDetailFlags(f)
	d.title, d.provider, d.problem, d.jurisdiction = f.str("title"), f.str("provider"), f.str("problem"), f.str("jurisdiction")
	d.amount, d.currency, d.incident, d.account = f.str("amount"), f.str("currency"), f.str("incident"), f.str("account")
	d.name, d.contact, d.address, d.remedy = f.str("name"), f.str("contact"), f.str("address"), f.str("remedy")
	d.lng, d.st = f.str("lang"), f.str("status")
	noClient := f.boolean("no-client")
	pos, err := f.parse(args, 1, "CASE")
	if err != nil {
		return err
	}
	given := f.set()
	if len(given) == 0 {
		return usage("cli.nothing-to-edit", "command", "case edit")
	}
	a, err := r.open()
	if err != nil {
		return err
	}
	defer a.Close()
	c, err := a.Case(r.ctx, pos[0])
	if err != nil {
		return err
	}
	in := app.InputOf(c)
	if given["client"] && *d.client != "" {
		// Another client: the complainant becomes that client, not a mix.
		cl, err := a.Client(r.ctx, *d.client)
		if err != nil {
			return err
		}
		p := cl.Complainant(in.Account)
		in.Name, in.Contact, in.Address = p.Name, p.Contact, p.Address
		x := &in.Details
		x.Phone, x.Email, x.Postcode, x.City, x.BirthDate, x.IDNumber, x.Prefers = p.Phone, p.Email, p.Postcode, p.City,
			p.BirthDate, p.IDNumber, p.Prefers
	}
	put := func(name string, dst *string, v *string) {
		if given[name] {
			*dst = *v
		}
	}
	put("title", &in.Title, d.title)
	put("provider", &in.Provider, d.provider)
	put("problem", &in.Problem, d.problem)
	put("jurisdiction", &in.Jurisdiction, d.jurisdiction)
	put("amount", &in.Amount, d.amount)
	put("currency", &in.Currency, d.currency)
	put("incident", &in.Incident, d.incident)
	put("account", &in.Account, d.account)
	put("name", &in.Name, d.name)
	put("contact", &in.Contact, d.contact)
	put("address", &in.Address, d.address)
	put("remedy", &in.Remedy, d.remedy)
	put("lang", &in.Language, d.lng)
	put("status", &in.Status, d.st)
	x := &in.Details
	put("phone", &x.Phone, d.phone)
	put("email", &x.Email, d.email)
	put("postcode", &x.Postcode, d.postcode)
	put("city", &x.City, d.city)
	put("birth-date", &x.BirthDate, d.birth)
	put("id-number", &x.IDNumber, d.id)
	put("prefers", &x.Prefers, d.prefers)
	put("provider-legal", &x.ProviderLegal, d.legal)
	put("provider-address", &x.ProviderAddress, d.paddress)
	put("provider-regno", &x.ProviderRegNo, d.regno)
	put("provider-email", &x.ProviderEmail, d.pemail)
	put("provider-contact", &x.ProviderContact, d.pcontact)
	put("product", &x.Product, d.product)
	put("final-response", &x.FinalResponse, d.final)
	put("final-mentions-ombudsman", &x.FinalMentionsOmbudsman, d.mentions)
	put("client", &x.Client, d.client)
	if given["represented"] {
		x.Represented = *d.represented
	}
	if *noClient {
		x.Client = ""
	}
	if _, err := in.Case(); err != nil {
		return err
	}
	c, err = a.EditCase(r.ctx, c.ID, in)
	if err != nil {
		return err
	}
	r.printf("%s\n", r.l.T("cli.case-edited", "id", c.ID[:8], "version", strconv.Itoa(c.Version)))
	return nil
}

// --- profile ---------------------------------------------------------------

func (r *runner) profile(args []string) error {
	if len(args) == 0 {
		return usage("cli.missing-subcommand", "command", "profile", "choices", "show, set")
	}
	switch args[0] {
	case "show":
		f := newFlags("profile show")
		asJSON := f.boolean("json")
		if _, err := f.parse(args[1:], 0); err != nil {
			return err
		}
		a, err := r.openRead()
		if err != nil {
			return err
		}
		defer a.Close()
		p, ok, err := a.Profile(r.ctx)
		if err != nil {
			return err
		}
		if *asJSON {
			if !ok {
				return r.json(nil)
			}
			return r.json(p)
		}
		if !ok {
			r.printf("%s\n", r.l.T("cli.no-profile"))
			return nil
		}
		r.rows([][2]string{{"field.rep-name", p.Name}, {"field.firm", p.Firm}, {"field.role", p.Role},
			{"field.rep-address", p.Address}, {"field.rep-postcode", p.Postcode}, {"field.rep-phone", p.Phone},
			{"field.rep-email", p.Email}, {"field.rep-reference", p.Reference}})
		return nil
	case "set":
		f := newFlags("profile set")
		name, firm, role, addr := f.str("name"), f.str("firm"), f.str("role"), f.str("address")
		postcode, phone, email, ref := f.str("postcode"), f.str("phone"), f.str("email"), f.str("reference")
		if _, err := f.parse(args[1:], 0); err != nil {
			return err
		}
		given := f.set()
		if len(given) == 0 {
			return usage("cli.nothing-to-edit", "command", "profile set")
		}
		a, err := r.open()
		if err != nil {
			return err
		}
		defer a.Close()
		p, _, err := a.Profile(r.ctx)
		if err != nil {
			return err
		}
		for k, v := range map[string][2]*string{"name": {&p.Name, name}, "firm": {&p.Firm, firm}, "role": {&p.Role, role},
			"address": {&p.Address, addr}, "postcode": {&p.Postcode, postcode}, "phone": {&p.Phone, phone},
			"email": {&p.Email, email}, "reference": {&p.Reference, ref}} {
			if given[k] {
				*v[0] = *v[1]
			}
		}
		if _, err := a.SaveProfile(r.ctx, p); err != nil {
			return err
		}
		r.printf("%s\n", r.l.T("cli.profile-saved"))
		return nil
	}
	return usage("cli.unknown-subcommand", "command", "profile", "sub", args[0], "choices", "show, set")
}

// rows prints label/value pairs, leaving out empty values.
func (r *runner) rows(rows [][2]string) {
	t := table{}
	for _, row := range rows {
		if row[1] != "" {
			t.row(r.l.T("cli.label", "label", r.l.T(row[0])), row[1])
		}
	}
	t.write(r.out)
}

// --- client ----------------------------------------------------------------

// clientFlags are the flags of `client new` and `client edit`.
type clientFlags struct {
	name, contact, address, phone, email, postcode, city, birth, id, prefers, ref *string
}

func newClientFlags(f *flags) clientFlags {
	return clientFlags{name: f.str("name"), contact: f.str("contact"), address: f.str("address"), phone: f.str("phone"),
		email: f.str("email"), postcode: f.str("postcode"), city: f.str("city"), birth: f.str("birth-date"),
		id: f.str("id-number"), prefers: f.str("prefers"), ref: f.str("reference")}
}

func (cf clientFlags) apply(c *evidence.Client, given map[string]bool) {
	for k, v := range map[string][2]*string{"name": {&c.Name, cf.name}, "contact": {&c.Contact, cf.contact},
		"address": {&c.Address, cf.address}, "phone": {&c.Phone, cf.phone}, "email": {&c.Email, cf.email},
		"postcode": {&c.Postcode, cf.postcode}, "city": {&c.City, cf.city}, "birth-date": {&c.BirthDate, cf.birth},
		"id-number": {&c.IDNumber, cf.id}, "prefers": {&c.Prefers, cf.prefers}, "reference": {&c.Reference, cf.ref}} {
		if given == nil || given[k] {
			*v[0] = *v[1]
		}
	}
}

func (r *runner) client(args []string) error {
	choices := "new, list, show, edit, archive, restore, export"
	if len(args) == 0 {
		return usage("cli.missing-subcommand", "command", "client", "choices", choices)
	}
	sub, rest := args[0], args[1:]
	switch sub {
	case "new":
		f := newFlags("client new")
		cf := newClientFlags(f)
		if _, err := f.parse(rest, 0); err != nil {
			return err
		}
		var c evidence.Client
		cf.apply(&c, nil)
		c.Normalize()
		if err := c.Validate(); err != nil {
			return err
		}
		a, err := r.open()
		if err != nil {
			return err
		}
		defer a.Close()
		if c, err = a.NewClient(r.ctx, c); err != nil {
			return err
		}
		r.printf("%s\n", c.ID)
		return nil
	case "list":
		f := newFlags("client list")
		asJSON, all := f.boolean("json"), f.boolean("all")
		if _, err := f.parse(rest, 0); err != nil {
			return err
		}
		a, err := r.openRead()
		if err != nil {
			return err
		}
		defer a.Close()
		cls, err := a.Clients(r.ctx, *all)
		if err != nil {
			return err
		}
		cases, err := a.Cases(r.ctx, true)
		if err != nil {
			return err
		}
		n := map[string]int{}
		for _, c := range cases {
			n[c.ClientID]++
		}
		if *asJSON {
			type row struct {
				evidence.Client
				Cases int `json:"cases"`
			}
			out := []row{}
			for _, c := range cls {
				out = append(out, row{c, n[c.ID]})
			}
			return r.json(out)
		}
		if len(cls) == 0 {
			r.printf("%s\n", r.l.T("cli.no-clients"))
			return nil
		}
		t := table{}
		t.row(r.l.T("col.id"), r.l.T("field.name"), r.l.T("field.rep-reference"), r.l.T("cli.col-cases"))
		for _, c := range cls {
			name := c.Name
			if c.Archived != nil {
				name += " (" + r.l.T("status.archived") + ")"
			}
			t.row(c.ID[:8], name, orDash(c.Reference), strconv.Itoa(n[c.ID]))
		}
		t.write(r.out)
		return nil
	case "show":
		f := newFlags("client show")
		asJSON := f.boolean("json")
		pos, err := f.parse(rest, 1, "CLIENT")
		if err != nil {
			return err
		}
		a, err := r.openRead()
		if err != nil {
			return err
		}
		defer a.Close()
		c, err := a.Client(r.ctx, pos[0])
		if err != nil {
			return err
		}
		cases, err := a.ClientCases(r.ctx, c.ID, true)
		if err != nil {
			return err
		}
		if *asJSON {
			if cases == nil {
				cases = []app.CaseSummary{}
			}
			return r.json(struct {
				evidence.Client
				Cases []app.CaseSummary `json:"cases"`
			}{c, cases})
		}
		r.rows([][2]string{{"field.id", c.ID}, {"field.name", c.Name}, {"field.phone", c.Phone}, {"field.email", c.Email},
			{"field.address", c.Address}, {"field.postcode", c.Postcode}, {"field.city", c.City},
			{"field.birth-date", c.BirthDate}, {"field.id-number", c.IDNumber}, {"field.prefers", r.label("prefers", c.Prefers)},
			{"field.contact", c.Contact}, {"field.rep-reference", c.Reference}})
		for _, cs := range cases {
			r.printf("  %s  %s  %s\n", cs.ID[:8], r.l.Label("status", string(cs.Status)), cs.Title)
		}
		return nil
	case "edit":
		f := newFlags("client edit")
		cf := newClientFlags(f)
		pos, err := f.parse(rest, 1, "CLIENT")
		if err != nil {
			return err
		}
		given := f.set()
		if len(given) == 0 {
			return usage("cli.nothing-to-edit", "command", "client edit")
		}
		a, err := r.open()
		if err != nil {
			return err
		}
		defer a.Close()
		c, err := a.Client(r.ctx, pos[0])
		if err != nil {
			return err
		}
		cf.apply(&c, given)
		changed, err := a.UpdateClient(r.ctx, &c)
		if err != nil {
			return err
		}
		r.printf("%s\n", r.l.T("cli.client-edited", "n", strconv.Itoa(len(changed))))
		return nil
	case "archive", "restore":
		return r.archiveCmd("client", sub, "CLIENT", rest, (*app.App).ArchiveClient, (*app.App).RestoreClient)
	case "export":
		f := newFlags("client export")
		out, redact, dossiers := f.str("o"), f.boolean("redact"), f.boolean("dossiers")
		pos, err := f.parse(rest, 1, "CLIENT")
		if err != nil {
			return err
		}
		if *out == "" {
			return usage("cli.missing-flag", "flag", "-o DIR", "command", "client export")
		}
		a, err := r.open()
		if err != nil {
			return err
		}
		defer a.Close()
		files, err := a.ExportClient(r.ctx, pos[0], *out, app.ExportOptions{Redact: *redact, Dossiers: *dossiers})
		for _, p := range files {
			r.printf("%s\n", p)
		}
		if err != nil {
			return err
		}
		r.printf("%s\n", r.l.T("cli.client-exported", "n", strconv.Itoa(len(files)), "dir", *out))
		return nil
	}
	return usage("cli.unknown-subcommand", "command", "client", "sub", sub, "choices", choices)
}

// label is an enumerated value's label, or "" for none.
func (r *runner) label(group, v string) string {
	if v == "" {
		return ""
	}
	return r.l.Label(group, v)
}

// --- forms -----------------------------------------------------------------

// formJSON is a form in `forms --json`.
type formJSON struct {
	ID      string       `json:"id"`
	Name    string       `json:"name"`
	URL     string       `json:"url"`
	Checked string       `json:"checked"`
	Note    string       `json:"note"`
	Fields  []answerJSON `json:"fields"`
	Missing []string     `json:"missing"` // field keys, required first
}

type answerJSON struct {
	Key       string `json:"key"`
	Label     string `json:"label"`
	Required  bool   `json:"required"`
	Value     string `json:"value"`
	Missing   bool   `json:"missing"`
	Reason    string `json:"reason"`
	Problem   string `json:"problem,omitempty"`
	Cut       bool   `json:"cut,omitempty"`
	Length    int    `json:"length,omitempty"`
	Full      int    `json:"full_length,omitempty"`
	Limit     int    `json:"limit,omitempty"`
	Choice    bool   `json:"pick_from_list,omitempty"`
	Sensitive bool   `json:"sensitive,omitempty"`
	FillIn    string `json:"fill_in,omitempty"` // where to give a missing fact: a case edit flag, "profile" or "timeline"
}

func (r *runner) forms(args []string) error {
	f := newFlags("forms")
	asJSON, only := f.boolean("json"), f.str("form")
	pos, err := f.parse(args, 1, "CASE")
	if err != nil {
		return err
	}
	a, err := r.openRead()
	if err != nil {
		return err
	}
	defer a.Close()
	views, err := a.FormAnswers(r.ctx, pos[0], r.l, *only)
	if err != nil {
		return err
	}
	if *asJSON {
		out := []formJSON{}
		for _, v := range views {
			fj := formJSON{ID: v.ID, Name: v.Name, URL: v.URL, Checked: v.Checked, Note: v.Note, Fields: []answerJSON{}, Missing: []string{}}
			for _, x := range v.Answers {
				fj.Fields = append(fj.Fields, answerJSON{Key: x.Field.Key, Label: x.Label, Required: x.Field.Required,
					Value: x.Value, Missing: x.Missing, Reason: x.Reason, Problem: x.Problem, Cut: x.Cut, Length: x.Length,
					Full: x.Full, Limit: x.Field.Limit.Max, Choice: x.Field.Choice, Sensitive: x.Sensitive,
					FillIn: fillIn(x)})
			}
			for _, x := range v.Missing {
				fj.Missing = append(fj.Missing, x.Field.Key)
			}
			out = append(out, fj)
		}
		return r.json(out)
	}
	if len(views) == 0 {
		r.printf("%s\n", r.l.T("cli.no-forms"))
		return nil
	}
	for i, v := range views {
		if i > 0 {
			r.printf("\n")
		}
		r.printf("%s  [%s]\n%s\n%s\n", v.Name, v.ID, r.l.T("form.where", "url", v.URL, "date", v.Checked), v.Note)
		for n, x := range v.Answers {
			label := x.Label
			if x.Field.Required {
				label = r.l.T("dossier.forms.required", "label", label)
			}
			r.printf("\n%d. %s\n", n+1, label)
			switch {
			case x.Missing && x.Problem != "":
				r.printf("   %s\n", r.l.T("cli.form-problem", "problem", x.Problem))
			case x.Missing:
				r.printf("   %s\n", r.l.T("cli.form-missing", "reason", x.Reason))
				if w := fillIn(x); w != "" {
					r.printf("   %s\n", r.l.T("cli.form-fill-"+fillKind(w), "flag", w))
				}
			default:
				for _, line := range strings.Split(x.Value, "\n") {
					r.printf("   %s\n", line)
				}
				if x.Cut {
					r.printf("   %s\n", r.l.T("form.cut", "n", strconv.Itoa(x.Length), "full", strconv.Itoa(x.Full), "unit", r.l.T(x.Field.Limit.Count.Unit())))
				}
				if x.Field.Choice {
					r.printf("   %s\n", r.l.T("form.choice"))
				}
			}
		}
		if len(v.Missing) > 0 {
			var names []string
			for _, x := range v.Missing {
				names = append(names, x.Label)
			}
			r.printf("\n%s\n", r.l.T("cli.form-missing-summary", "n", strconv.Itoa(len(v.Missing)), "fields", strings.Join(names, r.l.T("ui.list-sep"))))
		}
	}
	return nil
}

// fillIn is where to give a missing fact: "--phone" (a `case edit` flag),
// "profile" or "timeline".
func fillIn(x forms.Answer) string {
	switch w := app.FactField(x.Field.Fact); w {
	case "", "profile", "timeline":
		return w
	default:
		return "--" + w
	}
}

func fillKind(w string) string {
	if strings.HasPrefix(w, "--") {
		return "flag"
	}
	return w
}

// --- authority -------------------------------------------------------------

func (r *runner) authority(args []string) error {
	f := newFlags("authority")
	out, lng, paper, ids := f.str("o"), f.str("lang"), f.str("paper"), f.boolean("id-numbers")
	signed := f.list("signed")
	pos, err := f.parse(args, 1, "CASE")
	if err != nil {
		return err
	}
	if err := checkLangPaper(*lng, *paper); err != nil {
		return err
	}
	if len(*signed) > 0 {
		a, err := r.open()
		if err != nil {
			return err
		}
		defer a.Close()
		e, err := a.AddSignedAuthority(r.ctx, pos[0], *signed, "")
		if err != nil {
			return err
		}
		r.printf("%s\n", r.l.T("cli.authority-added", "id", e.ID))
		return nil
	}
	if *out == "" {
		return usage("cli.missing-flag", "flag", "-o OUT.pdf", "command", "authority")
	}
	if err := newFile(*out); err != nil {
		return err
	}
	a, err := r.open()
	if err != nil {
		return err
	}
	defer a.Close()
	pages, err := a.AuthorityPDF(r.ctx, pos[0], app.DocumentOptions{Lang: evidence.Language(*lng), Paper: *paper, Out: *out, IDNumbers: *ids})
	if err != nil {
		return err
	}
	r.printf("%s\n", r.l.N("cli.authority-saved", pages, "file", *out))
	return nil
}

// checkLangPaper checks the --lang and --paper values.
func checkLangPaper(lng, paper string) error {
	if lng != "" && lng != "zh" && lng != "en" {
		return &evidence.FieldError{Field: "lang", Reason: evidence.ReasonUnknownValue, Value: lng, Allowed: []string{"zh", "en"}}
	}
	if paper != "" && paper != "a4" && paper != "letter" {
		return &evidence.FieldError{Field: "paper", Reason: evidence.ReasonUnknownValue, Value: paper, Allowed: []string{"a4", "letter"}}
	}
	return nil
}

// newFile refuses a PDF name Windows cannot keep, or a file that exists:
// a PDF made by Redress is never replaced.
func newFile(out string) error {
	if err := app.CheckName(out); err != nil {
		return err
	}
	if _, err := os.Lstat(out); err == nil {
		return lang.E("dossier.file-exists", "file", out)
	}
	return nil
}

// --- records ---------------------------------------------------------------

func (r *runner) records(args []string) error {
	f := newFlags("records")
	out, lng, paper := f.str("o"), f.str("lang"), f.str("paper")
	sent, via, at, show := f.boolean("sent"), f.str("via"), f.str("at"), f.boolean("text")
	pos, err := f.parse(args, 1, "CASE")
	if err != nil {
		return err
	}
	if err := checkLangPaper(*lng, *paper); err != nil {
		return err
	}
	if *out == "" && !*sent && !*show {
		return usage("cli.missing-flag", "flag", "-o OUT.pdf", "command", "records")
	}
	when := time.Now()
	if *at != "" {
		if when, err = evidence.ParseTime("at", *at, time.Local); err != nil {
			return err
		}
	}
	if *out != "" {
		if err := newFile(*out); err != nil {
			return err
		}
	}
	a, err := r.open()
	if err != nil {
		return err
	}
	defer a.Close()
	if *show {
		text, _, err := a.RecordsRequest(r.ctx, pos[0], evidence.Language(*lng))
		if err != nil {
			return err
		}
		r.printf("%s", text)
		return nil
	}
	var rec app.DossierRecord
	if *out != "" {
		if rec, err = a.RecordsPDF(r.ctx, pos[0], app.DocumentOptions{Lang: evidence.Language(*lng), Paper: *paper, Out: *out}); err != nil {
			return err
		}
		r.printf("%s\n", r.l.N("ui.records-saved", rec.Pages, "file", rec.Path))
		r.printf("SHA-256 %s\n", rec.SHA256)
	}
	if !*sent {
		r.printf("%s\n", r.l.T("cli.records-when-sent"))
		return nil
	}
	e, err := a.MarkRecordsSent(r.ctx, pos[0], rec, *via, when)
	if err != nil {
		return err
	}
	r.printf("%s\n", r.l.T("cli.records-sent", "id", e.ID[:8]))
	c, as, err := a.Assess(r.ctx, pos[0])
	if err != nil {
		return err
	}
	for _, d := range as.Deadlines {
		if d.EventID == e.ID {
			r.printf("%s\n", r.l.T("cli.records-due", "date", d.Due.Format(evidence.DateLayout), "rule", r.l.T("esc.rule."+d.RuleID)))
		}
	}
	if clk, ok := app.RecordsClock(c.Jurisdiction); ok && clk.Months+clk.Days == 0 {
		r.printf("%s\n", r.l.T(clk.Note))
	}
	return nil
}

// dossierSelection is the selection `dossier --exclude … --include-notes`
// asks for, or nil to use the remembered one.
func dossierSelection(r *runner, a *app.App, caseRef string, to letters.Recipient, exclude []string, notes bool) (*app.Selection, error) {
	if len(exclude) == 0 && !notes {
		return nil, nil
	}
	var refs []string
	for _, x := range exclude {
		for _, p := range strings.Split(x, ",") {
			if p = strings.TrimSpace(p); p != "" {
				refs = append(refs, p)
			}
		}
	}
	sel, err := a.SelectionFromRefs(r.ctx, caseRef, to, refs, notes)
	if err != nil {
		return nil, err
	}
	return &sel, nil
}

// leftOutLine says how many entries a dossier left out.
func (r *runner) leftOutLine(rep app.VerifyReport) {
	if rep.Entries == 0 && len(rep.LeftOut) == 0 {
		return
	}
	var ids []string
	for _, id := range rep.LeftOut {
		ids = append(ids, id[:min(8, len(id))])
	}
	r.printf("%s\n", r.l.T("cli.dossier-entries", "n", strconv.Itoa(rep.Entries), "left", strconv.Itoa(len(rep.LeftOut)),
		"ids", orDash(strings.Join(ids, ", "))))
}

func yesIf(b bool, yes string) string {
	if b {
		return yes
	}
	return ""
}
