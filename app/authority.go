package app

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"time"

	"redress/dossier"
	"redress/escalation"
	"redress/evidence"
	"redress/forms"
	"redress/letters"
	"redress/store"
)

// The letter of authority (授权委托书) the client signs, and the request to
// the provider for the client's own records (GDPR / UK GDPR art. 15, PIPL
// art. 45, 电子商务法 art. 53), each printed as a single PDF on the
// dossier canvas.

// DocumentOptions choose a single document's language, paper and file.
type DocumentOptions struct {
	Lang  evidence.Language // "" = the case's letter language
	Paper string            // "a4" (default) or "letter"
	Out   string            // where to write the PDF; never replaced
	// IDNumbers prints the parties' identity document numbers on the
	// letter of authority (the copy filed with a Chinese body). Never on
	// anything for the provider.
	IDNumbers bool
}

// Authority composes the letter of authority for the case's client to
// sign: the client (the case's complainant) gives the representative (the
// profile) authority to act in the dispute with the provider. It needs a
// profile.
func (a *App) Authority(ctx context.Context, caseRef string, opts DocumentOptions) (letters.Document, error) {
	c, err := a.Case(ctx, caseRef)
	if err != nil {
		return letters.Document{}, err
	}
	p, ok, err := a.store.Profile(ctx)
	if err != nil {
		return letters.Document{}, err
	}
	if !ok {
		return letters.Document{}, errNoProfile()
	}
	lng := opts.Lang
	if lng == "" {
		lng = c.Language
	}
	cp := c.Complainant
	provider := c.Provider
	if c.Business.LegalName != "" {
		provider = c.Business.LegalName
	}
	ref := c.ID[:8]
	if p.Reference != "" {
		ref = p.Reference + " / " + ref
	}
	contact := cp.Phone
	if contact == "" {
		contact = cp.Contact
	}
	return letters.ComposeAuthority(letters.Authority{Lang: lng, Jurisdiction: c.Jurisdiction,
		Client: letters.Party{Name: cp.Name, IDNumber: cp.IDNumber, Address: joinPostcode(cp.Address, cp.Postcode),
			Phone: contact, Email: cp.Email},
		Representative: letters.Party{Name: p.Name, Firm: p.Firm, Address: joinPostcode(p.Address, p.Postcode),
			Phone: p.Phone, Email: p.Email},
		Provider: provider, Problem: c.Problem, Reference: ref, Scope: letters.FullScope,
		ShowIDNumbers: opts.IDNumbers}), nil
}

func joinPostcode(addr, postcode string) string {
	if postcode == "" || bytes.Contains([]byte(addr), []byte(postcode)) {
		return addr
	}
	if addr == "" {
		return postcode
	}
	return addr + "\n" + postcode
}

// AuthorityPDF writes the letter of authority as a PDF for the client to
// sign. It returns the number of pages.
func (a *App) AuthorityPDF(ctx context.Context, caseRef string, opts DocumentOptions) (int, error) {
	doc, err := a.Authority(ctx, caseRef, opts)
	if err != nil {
		return 0, err
	}
	c, err := a.Case(ctx, caseRef)
	if err != nil {
		return 0, err
	}
	var pages int
	_, err = writeFile(opts.Out, "dossier.cannot-write", func(w io.Writer) error {
		res, err := dossier.RenderDocument(w, dossier.Document{Case: c, Lang: doc.Lang, Paper: paper(opts.Paper),
			Title: doc.Title, Text: doc.Text(), Generated: a.now()})
		pages = res.Pages
		return err
	})
	return pages, spaceError(err, opts.Out)
}

func paper(p string) string {
	if p == "" {
		return "a4"
	}
	return p
}

// AddSignedAuthority adds the client's signed and scanned letter of
// authority to the case as an exhibit: a document entry tagged
// "authority", so letters written on the client's behalf say it is
// enclosed.
func (a *App) AddSignedAuthority(ctx context.Context, caseRef string, paths []string, caption string) (evidence.Event, error) {
	if caption == "" {
		caption = "Signed letter of authority · 已签署的授权委托书"
	}
	return a.Attach(ctx, caseRef, paths, AttachInput{Caption: caption, Kind: evidence.KindDocument, Tags: []string{TagAuthority}})
}

// RecordsRequest composes the request to the provider for the client's
// records under the case's law (forms.RecordsClockFor), asking it to
// preserve them; on the client's behalf when a representative prepares the
// case. The saved draft (recipient "records") wins when there is one:
// edited is then true.
func (a *App) RecordsRequest(ctx context.Context, caseRef string, language evidence.Language) (text string, edited bool, err error) {
	c, err := a.Case(ctx, caseRef)
	if err != nil {
		return "", false, err
	}
	if language == "" {
		language = c.Language
	}
	if d, ok, err := a.store.Draft(ctx, c.ID, DraftRecords, string(language)); err != nil || ok {
		return d.Text, ok, err
	}
	text, err = a.composeRecords(ctx, c, language)
	return text, false, err
}

// ComposeRecords composes the records request afresh, ignoring any draft.
func (a *App) ComposeRecords(ctx context.Context, caseRef string, language evidence.Language) (string, error) {
	c, err := a.Case(ctx, caseRef)
	if err != nil {
		return "", err
	}
	if language == "" {
		language = c.Language
	}
	return a.composeRecords(ctx, c, language)
}

// DraftRecords is the draft recipient under which an edited records
// request is kept (letter_drafts; it travels with the case's archive).
const DraftRecords = "records"

// SaveRecordsDraft keeps the user's edited records request.
func (a *App) SaveRecordsDraft(ctx context.Context, caseID string, language evidence.Language, text string) error {
	_, err := a.store.SaveDraft(ctx, caseID, DraftRecords, string(language), text)
	return err
}

func (a *App) composeRecords(ctx context.Context, c evidence.Case, language evidence.Language) (string, error) {
	evs, err := a.store.Timeline(ctx, c.ID, store.Query{OldestFirst: true})
	if err != nil {
		return "", err
	}
	cal, err := a.Calendar(ctx, c.Jurisdiction)
	if err != nil {
		return "", err
	}
	r := letters.RecordsRequest{Case: c, Lang: language, Date: a.now().In(a.loc), Working: cal.IsBusinessDay}
	var ref string
	for _, e := range evidence.Active(evs) {
		if e.Kind == evidence.KindTransaction && e.Transaction != nil && e.Transaction.TxID != "" {
			r.TransactionIDs = append(r.TransactionIDs, e.Transaction.TxID)
		}
		if ref == "" && e.Kind == evidence.KindLetter && !escalation.IsRecordsRequest(&e) && e.Reference != "" {
			ref = e.Reference
		}
	}
	r.Reference = ref
	if c.Business.Address != "" {
		r.RecipientAddress = c.Business.Address
	}
	if c.Represented {
		p, ok, err := a.store.Profile(ctx)
		if err != nil {
			return "", err
		}
		if ok {
			r.Representative = representative(p)
			r.AuthorityEnclosed = authorityEnclosed(evs)
		}
	}
	return letters.ComposeRecords(r).Text(), nil
}

// RecordsPDF writes the records request (the draft, else a fresh one) as
// a PDF and records it like a dossier for the provider, so `verify`
// recognises the file. Mark it sent with MarkRecordsSent.
func (a *App) RecordsPDF(ctx context.Context, caseRef string, opts DocumentOptions) (DossierRecord, error) {
	var rec DossierRecord
	c, err := a.Case(ctx, caseRef)
	if err != nil {
		return rec, err
	}
	lng := opts.Lang
	if lng == "" {
		lng = c.Language
	}
	text, _, err := a.RecordsRequest(ctx, c.ID, lng)
	if err != nil {
		return rec, err
	}
	title := "Request for records"
	if lng == evidence.Chinese {
		title = "查阅、复制个人信息及交易记录申请"
	}
	h := sha256.New()
	var size int64
	var pages int
	out, err := writeFile(opts.Out, "dossier.cannot-write", func(w io.Writer) error {
		cw := &countWriter{w: io.MultiWriter(w, h)}
		res, err := dossier.RenderDocument(cw, dossier.Document{Case: c, Lang: lng, Paper: paper(opts.Paper),
			Title: title, Text: text, Generated: a.now()})
		size, pages = cw.n, res.Pages
		return err
	})
	if err != nil {
		return rec, spaceError(err, opts.Out)
	}
	rec = DossierRecord{ID: evidence.NewID(), CaseID: c.ID, Recipient: evidence.ToProvider, Language: string(lng),
		SHA256: hex.EncodeToString(h.Sum(nil)), Size: size, Pages: pages, Path: out}
	if err := a.store.RecordDossier(ctx, &rec); err != nil {
		return rec, err
	}
	return rec, nil
}

// MarkRecordsSent records in the timeline that the records request was
// sent: a letter to the provider tagged "records-request", which starts
// the records clock (escalation, ClockRecordsReply) and no complaint
// clock. rec is the PDF made (its SHA-256 goes into the entry), or empty
// when it was sent another way.
func (a *App) MarkRecordsSent(ctx context.Context, caseRef string, rec DossierRecord, method string, at time.Time) (evidence.Event, error) {
	id, err := a.store.ResolveCase(ctx, caseRef)
	if err != nil {
		return evidence.Event{}, err
	}
	l := &evidence.Letter{To: evidence.ToProvider}
	l.Channel, l.Method = evidence.SentBy(method)
	summary := "Records request sent · 已发出调取记录申请"
	if rec.SHA256 != "" {
		summary = fmt.Sprintf("Records request sent (%d pages, SHA-256 %s) · 已发出调取记录申请", rec.Pages, rec.SHA256)
	}
	e := evidence.Event{CaseID: id, Kind: evidence.KindLetter, At: at, Summary: summary, Notes: fileName(rec.Path),
		Tags: []string{escalation.TagRecordsRequest}, Letter: l}
	if err := a.store.AddEvent(ctx, &e, nil); err != nil {
		return e, err
	}
	return e, nil
}

// RecordsClock is the law's clock for the case's records request, with
// its sources (forms.RecordsClockFor).
func RecordsClock(j evidence.Jurisdiction) (forms.RecordsClock, bool) {
	return forms.RecordsClockFor(j)
}
