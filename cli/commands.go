package cli

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"redress/app"
	"redress/evidence"
	"redress/lang"
)

// TimeLayout is how event times are printed: in the original offset.
const TimeLayout = "2006-01-02 15:04 -07:00"

func (r *runner) caseNew(args []string) error {
	f := newFlags("case new")
	in := app.CaseInput{}
	title, provider, problem, jur := f.str("title"), f.str("provider"), f.str("problem"), f.str("jurisdiction")
	amount, currency, incident, account := f.str("amount"), f.str("currency"), f.str("incident"), f.str("account")
	name, contact, address, remedy, lng := f.str("name"), f.str("contact"), f.str("address"), f.str("remedy"), f.str("lang")
	details := newDetailFlags(f)
	if _, err := f.parse(args, 0); err != nil {
		return err
	}
	in = app.CaseInput{Title: *title, Provider: *provider, Problem: *problem, Jurisdiction: *jur,
		Amount: *amount, Currency: *currency, Incident: *incident, Account: *account,
		Name: *name, Contact: *contact, Address: *address, Remedy: *remedy, Language: *lng, Details: details.details()}
	if _, err := in.Case(); err != nil {
		return err // bad input is reported before the data directory is touched
	}
	a, err := r.open()
	if err != nil {
		return err
	}
	defer a.Close()
	c, err := a.NewCase(r.ctx, in)
	if err != nil {
		return err
	}
	r.printf("%s\n", c.ID)
	return nil
}

func (r *runner) caseList(args []string) error {
	f := newFlags("case list")
	asJSON, all, client := f.boolean("json"), f.boolean("all"), f.str("client")
	if _, err := f.parse(args, 0); err != nil {
		return err
	}
	a, err := r.openRead()
	if errors.Is(err, app.ErrNoData) {
		if *asJSON {
			return r.json([]app.CaseSummary{})
		}
		r.printf("%s\n", r.l.T("cli.no-cases"))
		return nil
	}
	if err != nil {
		return err
	}
	defer a.Close()
	cases, err := a.Cases(r.ctx, *all)
	if *client != "" && err == nil {
		cases, err = a.ClientCases(r.ctx, *client, *all)
	}
	if err != nil {
		return err
	}
	if *asJSON {
		if cases == nil {
			cases = []app.CaseSummary{}
		}
		return r.json(cases)
	}
	if len(cases) == 0 {
		r.printf("%s\n", r.l.T("cli.no-cases"))
		return nil
	}
	t := table{}
	t.row(r.l.T("col.id"), r.l.T("col.status"), r.l.T("col.provider"), r.l.T("col.problem"),
		r.l.T("col.amount"), r.l.T("col.last-event"), r.l.T("col.title"))
	for _, c := range cases {
		last := "-"
		if c.LastEvent != nil {
			last = c.LastEvent.Local().Format(evidence.DateLayout)
		}
		status := r.l.Label("status", string(c.Status))
		if c.Archived != nil {
			status += " (" + r.l.T("status.archived") + ")"
		}
		t.row(c.ID[:8], status, c.Provider, r.l.Label("problem", string(c.Problem)), orDash(c.Amount.String()), last, c.Title)
	}
	t.write(r.out)
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// caseDetail is the JSON of `case show`.
type caseDetail struct {
	evidence.Case
	Events  int             `json:"events"`
	History []evidence.Case `json:"history"`
}

func (r *runner) caseShow(args []string) error {
	f := newFlags("case show")
	asJSON := f.boolean("json")
	pos, err := f.parse(args, 1, "CASE")
	if err != nil {
		return err
	}
	a, err := r.openRead()
	if err != nil {
		return err
	}
	defer a.Close()
	c, err := a.Case(r.ctx, pos[0])
	if err != nil {
		return err
	}
	n, err := a.Count(r.ctx, c.ID, app.Query{})
	if err != nil {
		return err
	}
	hist, err := a.CaseHistory(r.ctx, c.ID)
	if err != nil {
		return err
	}
	if *asJSON {
		if hist == nil {
			hist = []evidence.Case{}
		}
		return r.json(caseDetail{Case: c, Events: n, History: hist})
	}
	rows := [][2]string{
		{"field.id", c.ID},
		{"field.title", c.Title},
		{"field.provider", c.Provider},
		{"field.problem", r.l.Label("problem", string(c.Problem))},
		{"field.jurisdiction", r.l.Label("jurisdiction", string(c.Jurisdiction))},
		{"field.amount", c.Amount.String()},
		{"field.incident", c.Incident},
		{"field.name", c.Complainant.Name},
		{"field.contact", c.Complainant.Contact},
		{"field.address", c.Complainant.Address},
		{"field.account", c.Complainant.AccountID},
		{"field.phone", c.Complainant.Phone},
		{"field.email", c.Complainant.Email},
		{"field.postcode", c.Complainant.Postcode},
		{"field.city", c.Complainant.City},
		{"field.birth-date", c.Complainant.BirthDate},
		{"field.id-number", c.Complainant.IDNumber},
		{"field.prefers", r.label("prefers", c.Complainant.Prefers)},
		{"field.client", c.ClientID},
		{"field.represented", yesIf(c.Represented, r.l.T("cli.yes"))},
		{"field.provider-legal", c.Business.LegalName},
		{"field.provider-address", c.Business.Address},
		{"field.provider-regno", c.Business.RegNo},
		{"field.provider-email", c.Business.Email},
		{"field.provider-contact", c.Business.Contact},
		{"field.product", r.label("product", c.Product)},
		{"field.final-response", c.FinalResponse},
		{"field.final-mentions-ombudsman", r.label("yesno", c.FinalMentionsOmbudsman)},
		{"field.remedy", c.Remedy},
		{"field.lang", r.l.Label("language", string(c.Language))},
		{"field.status", r.l.Label("status", string(c.Status))},
		{"field.created", c.Created.Local().Format(TimeLayout)},
		{"field.updated", c.Updated.Local().Format(TimeLayout)},
		{"field.events", strconv.Itoa(n)},
	}
	if c.Archived != nil {
		rows = append(rows, [2]string{"field.archived", c.Archived.Local().Format(TimeLayout)})
	}
	t := table{}
	for _, row := range rows {
		if row[1] != "" {
			t.row(r.l.T("cli.label", "label", r.l.T(row[0])), row[1])
		}
	}
	t.write(r.out)
	return nil
}

func (r *runner) caseArchive(action string, args []string) error {
	return r.archiveCmd("case", action, "CASE", args, (*app.App).ArchiveCase, (*app.App).RestoreCase)
}

// archiveCmd runs "case|event archive|restore REF" with the matching app calls.
func (r *runner) archiveCmd(noun, action, arg string, args []string,
	archive, restore func(*app.App, context.Context, string) error) error {
	f := newFlags(noun + " " + action)
	pos, err := f.parse(args, 1, arg)
	if err != nil {
		return err
	}
	a, err := r.open()
	if err != nil {
		return err
	}
	defer a.Close()
	do := restore
	if action == "archive" {
		do = archive
	}
	if err := do(a, r.ctx, pos[0]); err != nil {
		return err
	}
	r.printf("%s\n", r.l.T("cli."+noun+"-"+action+"d"))
	return nil
}

func (r *runner) eventAdd(args []string) error {
	f := newFlags("event add")
	kind, at, channel, agent := f.str("kind"), f.str("at"), f.str("channel"), f.str("agent")
	ref, txid, amount, currency := f.str("ref"), f.str("txid"), f.str("amount"), f.str("currency")
	summary, notes, promise, promiseBy := f.str("summary"), f.str("notes"), f.str("promise"), f.str("promise-by")
	duration, direction, status, counterparty := f.str("duration"), f.str("direction"), f.str("status"), f.str("counterparty")
	caption, shows, to, from := f.str("caption"), f.str("shows"), f.str("to"), f.str("from")
	name, method, outcome := f.str("name"), f.str("method"), f.str("outcome")
	final := f.boolean("final")
	tags := f.list("tag")
	pos, err := f.parse(args, 1, "CASE")
	if err != nil {
		return err
	}
	if *kind == "" {
		return usage("cli.missing-flag", "flag", "--kind", "command", "event add")
	}
	var tagList []string
	for _, t := range *tags {
		tagList = append(tagList, strings.Split(t, ",")...)
	}
	in := app.EventInput{Kind: *kind, At: *at, Summary: *summary, Notes: *notes, Ref: *ref, Tags: tagList,
		TxID: *txid, Amount: *amount, Currency: *currency, Direction: *direction, Status: *status,
		Counterparty: *counterparty, Channel: *channel, Agent: *agent, Duration: *duration,
		Promise: *promise, PromiseBy: *promiseBy, Caption: *caption, Shows: *shows, To: *to, From: *from,
		Name: *name, Method: *method, Outcome: *outcome, Final: *final}
	if _, err := in.Event(time.Now(), time.Local); err != nil {
		return err
	}
	a, err := r.open()
	if err != nil {
		return err
	}
	defer a.Close()
	e, err := a.AddEvent(r.ctx, pos[0], in)
	if err != nil {
		return err
	}
	r.printf("%s\n", e.ID)
	return nil
}

func (r *runner) eventShow(action string, args []string) error {
	f := newFlags("event " + action)
	asJSON := f.boolean("json")
	pos, err := f.parse(args, 1, "EVENT")
	if err != nil {
		return err
	}
	a, err := r.openRead()
	if err != nil {
		return err
	}
	defer a.Close()
	e, err := a.Event(r.ctx, pos[0])
	if err != nil {
		return err
	}
	events := []evidence.Event{e}
	if action == "history" {
		hist, err := a.EventHistory(r.ctx, e.ID)
		if err != nil {
			return err
		}
		events = append(hist, e)
	}
	if *asJSON {
		if action == "show" {
			return r.json(e)
		}
		return r.json(events)
	}
	for i, ev := range events {
		if action == "history" {
			r.printf("%s\n", r.l.T("cli.version", "n", strconv.Itoa(ev.Version)))
		}
		r.printEvent(ev, a)
		if i < len(events)-1 {
			r.printf("\n")
		}
	}
	return nil
}

func (r *runner) eventArchive(action string, args []string) error {
	return r.archiveCmd("event", action, "EVENT", args, (*app.App).ArchiveEvent, (*app.App).RestoreEvent)
}

func (r *runner) attach(args []string) error {
	f := newFlags("attach")
	caption, at, shows, kind := f.str("caption"), f.str("at"), f.str("shows"), f.str("kind")
	tags := f.list("tag")
	fromClip := f.boolean("from-clipboard")
	pos, err := f.parse(args, -1, "CASE", "FILE")
	if err != nil {
		return err
	}
	if *fromClip {
		if len(pos) > 1 {
			return usage("cli.extra-arg", "arg", pos[1], "command", "attach --from-clipboard")
		}
		return r.attachClipboard(pos[0], *caption)
	}
	if len(pos) < 2 {
		return usage("cli.missing-arg", "arg", "FILE", "command", "attach")
	}
	in := app.AttachInput{Caption: *caption, Shows: *shows, At: *at, Tags: *tags, Kind: evidence.Kind(*kind)}
	if *kind != "" && in.Kind != evidence.KindScreenshot && in.Kind != evidence.KindDocument {
		return &evidence.FieldError{Field: "kind", Reason: evidence.ReasonUnknownValue, Value: *kind,
			Allowed: []string{string(evidence.KindScreenshot), string(evidence.KindDocument)}}
	}
	if *at != "" {
		if _, err := evidence.ParseTime("at", *at, time.Local); err != nil {
			return err
		}
	}
	a, err := r.open()
	if err != nil {
		return err
	}
	defer a.Close()
	e, err := a.Attach(r.ctx, pos[0], pos[1:], in)
	if err != nil {
		return err
	}
	r.printf("%s\n", e.ID)
	return nil
}

func (r *runner) timeline(args []string) error {
	f := newFlags("timeline")
	asJSON, oldest, archived := f.boolean("json"), f.boolean("oldest"), f.boolean("archived")
	kinds := f.list("kind")
	limit := f.str("limit")
	text := f.str("search")
	pos, err := f.parse(args, 1, "CASE")
	if err != nil {
		return err
	}
	q := app.Query{OldestFirst: *oldest, Archived: *archived, Text: *text}
	for _, k := range *kinds {
		for _, k := range strings.Split(k, ",") {
			if !evidence.Valid(evidence.Kind(k)) {
				names := make([]string, len(evidence.Kinds))
				for i, k := range evidence.Kinds {
					names[i] = string(k)
				}
				return &evidence.FieldError{Field: "kind", Reason: evidence.ReasonUnknownValue, Value: k, Allowed: names}
			}
			q.Kinds = append(q.Kinds, evidence.Kind(k))
		}
	}
	if *limit != "" {
		n, err := strconv.Atoi(*limit)
		if err != nil || n < 0 {
			return usage("cli.bad-number", "flag", "--limit", "value", *limit)
		}
		q.Limit = n
	}
	a, err := r.openRead()
	if err != nil {
		return err
	}
	defer a.Close()
	evs, err := a.Timeline(r.ctx, pos[0], q)
	if err != nil {
		return err
	}
	if *asJSON {
		if evs == nil {
			evs = []evidence.Event{}
		}
		return r.json(evs)
	}
	if len(evs) == 0 {
		if q.Text != "" || len(q.Kinds) > 0 {
			r.printf("%s\n", r.l.T("cli.no-matching-events"))
		} else {
			r.printf("%s\n", r.l.T("cli.no-events"))
		}
		return nil
	}
	t := table{}
	for _, e := range evs {
		t.row(r.eventRow(e)...)
	}
	t.write(r.out)
	return nil
}

// eventRow is one timeline line: time, id, kind, channel or party, agent,
// reference, title, files.
func (r *runner) eventRow(e evidence.Event) []string {
	what := r.l.Label("kind", string(e.Kind))
	who, ref := "", e.Reference
	switch {
	case e.Contact != nil:
		what += "/" + r.l.Label("channel", string(e.Contact.Channel))
		who = e.Contact.Agent
	case e.Transaction != nil:
		ref = firstNonEmpty(e.Transaction.TxID, ref)
		who = e.Transaction.Amount.String()
	case e.Letter != nil:
		who = r.l.Label("party", e.Letter.To)
		if e.Letter.Channel != "" {
			what += "/" + r.l.Label("channel", string(e.Letter.Channel))
		}
	case e.Response != nil:
		who = r.l.Label("party", e.Response.From)
		if e.Response.Final {
			what += " (" + r.l.T("cli.final") + ")"
		}
	}
	files := ""
	if n := len(e.Attachments); n > 0 {
		files = r.l.T("cli.files", "n", strconv.Itoa(n))
	}
	title := e.Title()
	if e.Archived != nil {
		title = "[" + r.l.T("status.archived") + "] " + title
	}
	return []string{e.At.Format(TimeLayout), e.ID[:8], what, orDash(who), orDash(ref), title, files}
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}

func (r *runner) printEvent(e evidence.Event, ap *app.App) {
	t := table{}
	t.row(r.l.T("cli.label", "label", r.l.T("field.id")), e.ID)
	when := func(at time.Time) string { return at.Format(TimeLayout) }
	for _, f := range app.EventFields(e, r.l, when) {
		t.row(r.l.T("cli.label", "label", r.l.T(f.Key)), f.Value)
	}
	for _, a := range e.Attachments {
		t.row(r.l.T("cli.label", "label", r.l.T("field.file")), fmt.Sprintf("%s (%s, %d B, SHA-256 %s)", a.Name, a.MediaType, a.Size, a.SHA256))
	}
	r.takenRows(&t, e, ap)
	t.write(r.out)
}

func (r *runner) search(args []string) error {
	f := newFlags("search")
	asJSON := f.boolean("json")
	caseRef := f.str("case")
	limitText := f.str("limit")
	pos, err := f.parse(args, -1, "TEXT")
	if err != nil {
		return err
	}
	limit := app.DefaultSearchLimit
	if *limitText != "" {
		n, err := strconv.Atoi(*limitText)
		if err != nil || n <= 0 {
			return usage("cli.bad-number", "flag", "--limit", "value", *limitText)
		}
		limit = n
	}
	text := strings.Join(pos, " ")
	a, err := r.openRead()
	if err != nil {
		return err
	}
	defer a.Close()
	hits, more, err := a.SearchPage(r.ctx, text, *caseRef, limit)
	if err != nil {
		return err
	}
	if more {
		// Said on stderr, so that --json output stays one document.
		fmt.Fprintln(r.errw, r.l.T("cli.search-capped", "n", strconv.Itoa(limit)))
	}
	if *asJSON {
		return r.json(hits)
	}
	if len(hits) == 0 {
		r.printf("%s\n", evidence.Printable(r.l.T("cli.no-hits", "text", text)))
		return nil
	}
	t := table{}
	for _, h := range hits {
		if h.EventID == "" {
			t.row(r.l.T("col.case"), h.CaseID[:8], "", "", h.Title)
			continue
		}
		t.row(r.l.Label("kind", string(h.Kind)), h.EventID[:8], h.CaseID[:8], h.At.Format(TimeLayout), h.Title)
	}
	t.write(r.out)
	return nil
}

func (r *runner) verifyLog(args []string) error {
	f := newFlags("verify-log")
	asJSON, deep := f.boolean("json"), f.boolean("deep")
	against := f.str("head")
	if _, err := f.parse(args, 0); err != nil {
		return err
	}
	var wantSeq int64
	var wantHash string
	if *against != "" {
		seq, hash, ok := strings.Cut(*against, ":")
		n, err := strconv.ParseInt(seq, 10, 64)
		if !ok || err != nil || n < 1 || len(hash) != 64 {
			return usage("cli.bad-head", "value", *against)
		}
		wantSeq, wantHash = n, strings.ToLower(hash)
	}
	a, err := r.openRead()
	if err != nil {
		return err
	}
	defer a.Close()
	verify := a.VerifyLog
	if *deep {
		verify = a.VerifyLogDeep
	}
	rep, err := verify(r.ctx)
	if err != nil {
		return err
	}
	if wantSeq > 0 {
		got, ok, err := a.EntryHash(r.ctx, wantSeq)
		if err != nil {
			return err
		}
		if !ok || got != wantHash {
			rep.Problems = append(rep.Problems, app.LogProblem{Seq: wantSeq, Key: "audit.rewritten"})
		}
	}
	if *asJSON {
		if err := r.json(rep); err != nil {
			return err
		}
	} else {
		for _, p := range rep.Problems {
			where := ""
			if p.Seq > 0 {
				where = r.l.T("audit.at-entry", "seq", strconv.FormatInt(p.Seq, 10))
			} else {
				where = r.l.T("audit.at-entity", "entity", r.l.T("entity."+p.Entity), "id", p.ID)
			}
			fmt.Fprintf(r.out, "%s: %s\n", evidence.Printable(where), r.l.T(p.Key))
		}
	}
	if !rep.OK() {
		return lang.E("cli.log-broken", "n", strconv.Itoa(len(rep.Problems)))
	}
	if !*asJSON {
		r.printf("%s\n", r.l.T("cli.log-ok", "entries", strconv.Itoa(rep.Entries),
			"cases", strconv.Itoa(rep.Cases), "events", strconv.Itoa(rep.Events), "head", rep.Head))
		if rep.Signed {
			r.printf("%s\n", r.l.T("cli.log-signed", "fingerprint", rep.Fingerprint))
		}
		if rep.Deep {
			r.printf("%s\n", r.l.T("cli.log-deep", "files", strconv.Itoa(rep.Files)))
		} else {
			r.printf("%s\n", r.l.T("cli.log-not-deep", "files", strconv.Itoa(rep.Files)))
		}
	}
	return nil
}
