package letters

import (
	"strconv"
	"strings"
	"time"

	"redress/escalation"
	"redress/evidence"
)

// en writes formal English: British ("Dear Sir or Madam," … "Yours
// faithfully,", "28 November 2026", "unauthorised"), or American for US
// cases ("Dear Sir or Madam:" … "Sincerely,", "November 28, 2026",
// "unauthorized").
type en struct{ us, rep bool }

// usSpelling turns the letters' own British spellings American. It is
// applied to template wording only, never to what the user wrote.
var usSpelling = strings.NewReplacer("unauthorised", "unauthorized", "authorise", "authorize",
	"organisation", "organization", "Organisation", "Organization")

// sp spells template wording for the letter's variety of English.
func (w en) sp(s string) string {
	if w.us {
		return usSpelling.Replace(s)
	}
	return s
}

var enProblems = map[evidence.Problem]string{
	evidence.TopupNotCredited:        "top-up not credited",
	evidence.WithdrawalDelayed:       "withdrawal delayed",
	evidence.TransferNotReceived:     "transfer not received",
	evidence.PaymentFailed:           "failed payment debited",
	evidence.AccountFrozen:           "account frozen",
	evidence.RefundRefused:           "refund refused",
	evidence.UnauthorizedTransaction: "unauthorised transaction",
	evidence.IncorrectRecord:         "incorrect record",
	evidence.AccountClosure:          "account closure",
	evidence.OtherProblem:            "problem with my account",
}

var enChannels = map[evidence.Channel]string{
	evidence.Phone:  "by phone",
	evidence.Chat:   "through online chat",
	evidence.Email:  "by email",
	evidence.InApp:  "through in-app help",
	evidence.Social: "through social media",
	evidence.Post:   "by letter",
	evidence.Visit:  "in person",
}

var enKinds = map[evidence.Kind]string{
	evidence.KindTransaction: "Transaction record",
	evidence.KindContact:     "Record of contact",
	evidence.KindScreenshot:  "Screenshot",
	evidence.KindDocument:    "Document",
	evidence.KindNote:        "Note",
	evidence.KindLetter:      "Letter",
	evidence.KindResponse:    "Response",
}

func (w en) date(t time.Time) string {
	if w.us {
		return t.Format("January 2, 2006")
	}
	return t.Format("2 January 2006")
}

// on opens a sentence with a date: "On 2 November 2026 ", or in American
// usage "On November 2, 2026, ".
func (w en) on(when string) string {
	if w.us {
		return "On " + when + ", "
	}
	return "On " + when + " "
}

func (w en) dateTime(t time.Time) string {
	if w.us {
		return t.Format("January 2, 2006, at 3:04 PM") + " (" + offset(t) + ")"
	}
	return t.Format("2 January 2006 at 15:04") + " (" + offset(t) + ")"
}

func (w en) money(m evidence.Money) string {
	if m.IsZero() {
		return ""
	}
	if w.us && m.Currency == "USD" {
		if d := grouped(m); strings.HasPrefix(d, "-") {
			return "-$" + d[1:]
		}
		return "$" + grouped(m)
	}
	return grouped(m) + " " + m.Currency
}

// name is the provider's name for use in a sentence.
func (en) name(f *facts) string {
	if f.c.Provider != "" {
		return f.c.Provider
	}
	return "the provider"
}

// them is how the letter refers to the provider: "you" in letters to the
// provider, its name otherwise.
func (w en) them(f *facts) string {
	if f.to == Provider {
		return "you"
	}
	return w.name(f)
}

// their is the possessive of them.
func (w en) their(f *facts) string {
	if f.to == Provider {
		return "your"
	}
	return w.name(f) + "'s"
}

func (w en) sender(f *facts) []string {
	if f.rep != nil {
		return w.repSender(f)
	}
	var s []string
	if n := f.c.Complainant.Name; n != "" {
		s = append(s, n)
	}
	return append(s, lines(f.c.Complainant.Address)...)
}

func (w en) addressee(f *facts) []string {
	var a []string
	switch {
	case clean(f.in.RecipientName) != "":
		a = append(a, lines(f.in.RecipientName)...)
	case f.to == Provider && f.c.Provider != "":
		a = append(a, f.c.Provider+" Complaints Team")
	case f.to == Provider:
		a = append(a, "Complaints Team")
	default:
		a = append(a, w.bodyName(f))
	}
	return append(a, lines(f.in.RecipientAddress)...)
}

// bodyName is the name of the body the letter goes to.
func (w en) bodyName(f *facts) string {
	b := enBodies[f.body.ID]
	if f.body.NeedsCity && f.city != "" {
		return strings.ReplaceAll(b.cityName, "{city}", f.city)
	}
	return w.sp(b.name)
}

// bodyRef is how a sentence names a body: "the Financial Ombudsman
// Service".
func (w en) bodyRef(id string) string {
	return w.sp(enBodies[id].ref)
}

func (w en) subject(f *facts) string {
	s := "Re: Formal complaint"
	if f.to != Provider {
		s = "Re: Complaint against " + w.name(f)
	}
	if f.rep != nil {
		s += " on behalf of " + w.client(f)
	}
	if p, ok := enProblems[f.c.Problem]; ok {
		s += " — " + w.sp(w.voice(p))
	}
	if a := f.c.Complainant.AccountID; a != "" {
		s += " — account ID " + a
	}
	if m := w.money(f.c.Amount); m != "" {
		s += " — " + m
	}
	return s
}

// respondent names the provider in letters to bodies.
func (w en) respondent(f *facts) []string {
	if f.to == Provider {
		return nil
	}
	r := []string{"Company complained about: " + w.name(f)}
	for i, l := range lines(f.in.ProviderAddress) {
		if i == 0 {
			l = "Address: " + l
		}
		r = append(r, l)
	}
	if c := clean(f.in.ProviderContact); c != "" {
		r = append(r, "Contact: "+c)
	}
	return r
}

func (w en) salutation(*facts, []string) string {
	if w.us {
		return "Dear Sir or Madam:"
	}
	return "Dear Sir or Madam,"
}

func (w en) intro(f *facts) string {
	if f.rep != nil {
		return w.repIntro(f)
	}
	var s []string
	if f.to == Provider {
		s = append(s, "I am writing to make a formal complaint under your complaints procedure.")
	} else {
		s = append(s, "I am writing to complain about "+w.name(f)+", a payment service provider of which I am a customer, and to ask for your help.")
	}
	name, acct := f.c.Complainant.Name, f.c.Complainant.AccountID
	with := "with " + w.them(f)
	switch {
	case name != "" && acct != "":
		s = append(s, "My name is "+name+" and my account ID "+with+" is "+acct+".")
	case name != "":
		s = append(s, "My name is "+name+".")
	case acct != "":
		s = append(s, "My account ID "+with+" is "+acct+".")
	}
	if f.to != Provider {
		s = append(s, "I have not been able to resolve the matter with "+w.name(f)+" directly.")
	}
	return strings.Join(s, " ")
}

func (w en) happened(f *facts) string {
	on := ""
	if !f.incident.IsZero() {
		on = "On " + w.date(f.incident) + ", "
	}
	amt := w.money(f.c.Amount)
	of := ""
	if amt != "" {
		of = " of " + amt
	}
	them := w.them(f)
	i, my, me := w.i(f), w.my(f), w.me(f)
	acct := my + " account with " + them
	var s string
	switch f.c.Problem {
	case evidence.TopupNotCredited:
		s = on + i + " made a top-up" + of + " to " + acct + ". The money was taken from " + my + " funding source, but it has not been credited to " + my + " balance."
	case evidence.WithdrawalDelayed:
		what := "funds"
		if amt != "" {
			what = amt
		}
		s = on + i + " asked to withdraw " + what + " from " + acct + " to " + my + " bank account. The amount has been deducted from " + my + " balance, but it has not arrived in " + my + " bank account."
	case evidence.TransferNotReceived:
		if f.incoming() {
			s = on + "a transfer" + of + " was sent to " + acct + ", but it has not been received into " + my + " account."
		} else {
			s = on + i + " sent a transfer" + of + " from " + acct + ". The amount was deducted from " + my + " balance, but the payee has not received it."
		}
	case evidence.PaymentFailed:
		s = on + i + " made a payment" + of + " using " + acct + ". The payment was reported as failed, yet the amount was debited and has not been returned to " + me + "."
	case evidence.AccountFrozen:
		s = on + acct + " was frozen"
		if amt != "" {
			s += " with a balance of " + amt + " in it"
		}
		s += ". Since then " + w.have(f) + " been unable to use the account or to access " + my + " funds."
	case evidence.RefundRefused:
		s = on + i + " asked " + them + " for a refund" + of + ". The refund was refused, and " + w.verb(f, "consider") + " that the money is due to " + me + "."
	case evidence.UnauthorizedTransaction:
		what := "money"
		if amt != "" {
			what = amt
		}
		s = on + what + " was taken from " + acct + " in a transaction that " + i + " did not make or " + w.sp("authorise") + "."
	case evidence.IncorrectRecord:
		s = on + i + " found that the records of " + acct + " are incorrect"
		if amt != "" {
			s += " in respect of " + amt
		}
		s += ". The record does not reflect what actually happened and needs to be corrected."
	case evidence.AccountClosure:
		s = on + them + " closed " + my + " account."
		if amt != "" {
			s += " The account held a balance of " + amt + ", which has not been returned to " + me + "."
		}
	default:
		s = on + i + " encountered a problem with " + acct
		if amt != "" {
			s += " involving " + amt
		}
		s += "."
		if t := trimStop(f.c.Title); t != "" {
			s += " In short: " + finish(t, ".")
		}
	}
	return upperFirst(s)
}

func (en) see(f *facts, e evidence.Event) string {
	if n := f.see[e.ID]; len(n) > 0 {
		return "see " + strings.Join(n, ", ")
	}
	return ""
}

func (w en) transactions(f *facts) string {
	if len(f.txs) == 0 {
		return ""
	}
	var items []string
	for _, e := range f.txs {
		t := e.Transaction
		var parts []string
		if t.TxID != "" {
			parts = append(parts, "transaction ID "+t.TxID)
		} else if s := trimStop(e.Summary); s != "" {
			parts = append(parts, s)
		}
		if m := w.money(t.Amount); m != "" {
			parts = append(parts, m)
		}
		switch t.Direction {
		case evidence.MoneyIn:
			parts = append(parts, "incoming")
		case evidence.MoneyOut:
			parts = append(parts, "outgoing")
		}
		if c := clean(t.Counterparty); c != "" {
			parts = append(parts, "counterparty: "+c)
		}
		if st := clean(t.Status); st != "" {
			parts = append(parts, "status shown: "+st)
		}
		if r := e.Reference; r != "" && r != t.TxID {
			parts = append(parts, "reference: "+r)
		}
		item := w.dateTime(e.At)
		if len(parts) > 0 {
			item += ": " + strings.Join(parts, ", ")
		}
		if s := w.see(f, e); s != "" {
			item += " (" + s + ")"
		}
		items = append(items, item+".")
	}
	head := "The transaction concerned is:"
	if len(items) > 1 {
		head = "The transactions concerned are:"
	}
	return head + "\n" + numbered(items)
}

func (w en) contacts(f *facts) string {
	if len(f.contacts) == 0 {
		return ""
	}
	them := w.them(f)
	var items []string
	for _, e := range f.contacts {
		c := e.Contact
		how := enChannels[c.Channel]
		s := w.on(w.dateTime(e.At))
		if c.Direction == evidence.Inbound {
			s += them + " contacted " + w.me(f)
		} else {
			s += w.i(f) + " contacted " + them
		}
		if how != "" {
			s += " " + how
		}
		var details []string
		if c.Agent != "" {
			details = append(details, "agent: "+clean(c.Agent))
		}
		if e.Reference != "" {
			details = append(details, "reference: "+e.Reference)
		}
		if x := w.see(f, e); x != "" {
			details = append(details, x)
		}
		if len(details) > 0 {
			s += " (" + strings.Join(details, "; ") + ")"
		}
		s += "."
		if sum := finish(e.Summary, "."); sum != "" {
			s += " Summary: " + sum
		}
		items = append(items, s)
	}
	head := upperFirst(w.have(f)) + " contacted you about this matter as follows:"
	if f.to != Provider {
		head = upperFirst(w.have(f)) + " taken the matter up with " + w.name(f) + " as follows:"
	}
	return head + "\n" + numbered(items)
}

func (w en) promise(f *facts, e evidence.Event) string {
	c := e.Contact
	who := w.their(f) + " agent"
	if c.Agent != "" {
		who += " " + clean(c.Agent)
	}
	s := "On " + w.date(e.At) + ", " + who + " promised"
	if p := trimStop(c.Promise); p != "" {
		s += ": \"" + p + "\"."
		if c.PromiseBy != nil {
			s += " The promised date was " + w.dateTime(*c.PromiseBy) + "."
		}
	} else {
		s += " that the matter would be resolved by " + w.dateTime(*c.PromiseBy) + "."
	}
	if f.broken(e) {
		s += " This promise was not kept: that date passed without any response or transaction from " + w.them(f) + "."
	}
	return s
}

func (w en) history(f *facts) string {
	them := w.them(f)
	var s []string
	for _, e := range f.letters {
		l := e.Letter
		t := w.on(w.date(e.At)) + w.i(f) + " sent a written complaint to " + them
		if m := clean(l.Method); m != "" {
			t += " by " + lowerFirst(m)
		}
		var details []string
		if n := clean(l.Name); n != "" {
			details = append(details, "addressed to "+n)
		}
		if e.Reference != "" {
			details = append(details, "reference: "+e.Reference)
		}
		if x := w.see(f, e); x != "" {
			details = append(details, x)
		}
		if len(details) > 0 {
			t += " (" + strings.Join(details, "; ") + ")"
		}
		s = append(s, t+".")
	}
	if len(f.letters) == 0 && len(f.contacts) > 0 && f.to != Provider {
		s = append(s, upperFirst(w.i(f))+" raised "+w.my(f)+" complaint with "+them+" through the contacts listed above.")
	}
	final := false
	for _, e := range f.responses {
		r := e.Response
		t := w.on(w.date(e.At)) + them + " replied"
		var details []string
		if n := clean(r.Name); n != "" {
			details = append(details, "from "+n)
		}
		if e.Reference != "" {
			details = append(details, "reference: "+e.Reference)
		}
		if x := w.see(f, e); x != "" {
			details = append(details, x)
		}
		if len(details) > 0 {
			t += " (" + strings.Join(details, "; ") + ")"
		}
		out := trimStop(r.Outcome)
		if out == "" {
			out = trimStop(e.Summary)
		}
		if out != "" {
			t += ": \"" + out + "\""
		}
		t += "."
		if r.Final {
			final = true
			if f.to == Provider {
				t += " You described this as your final response."
			} else {
				t += " " + upperFirst(them) + " stated that this was its final response."
			}
		}
		s = append(s, t)
	}
	switch {
	case len(f.letters) > 0 && f.unanswered():
		s = append(s, upperFirst(them)+" did not answer "+w.my(f)+" complaint of "+w.date(f.letters[len(f.letters)-1].At)+", and as of the date of this letter "+w.have(f)+" received no response.")
	case len(f.responses) == 0 && f.to != Provider && len(f.contacts) > 0:
		s = append(s, upperFirst(them)+" did not answer "+w.my(f)+" complaint in writing, and as of the date of this letter "+w.have(f)+" received no written response.")
	case len(f.responses) == 0 && f.to != Provider:
		s = append(s, "As of the date of this letter "+w.have(f)+" received no response from "+them+".")
	case len(f.responses) > 0 && !final && f.to != Provider:
		s = append(s, "None of these replies was a final response, and the matter remains unresolved.")
	}
	return strings.Join(s, " ")
}

func (w en) remedy(f *facts) string {
	amt := w.money(f.c.Amount)
	of := ""
	if amt != "" {
		of = " of " + amt
	}
	my, me := w.my(f), w.me(f)
	var r string
	switch f.c.Problem {
	case evidence.TopupNotCredited:
		r = "credit the top-up" + of + " to " + my + " account"
	case evidence.WithdrawalDelayed:
		r = "complete the withdrawal" + of + " to " + my + " bank account, or return the amount to " + my + " balance"
	case evidence.TransferNotReceived:
		if f.incoming() {
			r = "credit the transfer" + of + " to " + my + " account"
		} else {
			r = "complete the transfer" + of + ", or return the amount to " + me
		}
	case evidence.PaymentFailed:
		r = "refund the amount" + of + " debited for the failed payment"
	case evidence.AccountFrozen:
		r = "lift the restriction on " + my + " account and restore " + my + " access to " + my + " funds"
	case evidence.RefundRefused:
		r = "refund the amount" + of + " due to " + me
	case evidence.UnauthorizedTransaction:
		r = "reimburse the amount" + of + " taken by the " + w.sp("unauthorised") + " transaction and secure " + my + " account"
	case evidence.IncorrectRecord:
		r = "correct the record of " + my + " account and confirm the correction in writing"
	case evidence.AccountClosure:
		if amt != "" {
			r = "pay out the remaining balance" + of + " to " + me
		} else {
			r = "review the closure of " + my + " account"
		}
	default:
		r = "resolve the problem described above"
	}
	return r + ", and explain in writing what happened"
}

func (w en) request(f *facts) string {
	var s string
	if f.to != Provider {
		s = w.sp(strings.ReplaceAll(w.voice(enBodies[f.body.ID].ask), "{provider}", w.name(f)))
		if f.body.AdviserOnly {
			return s // an adviser is not asked for an outcome against the provider
		}
	}
	if r := finish(f.c.Remedy, "."); r != "" {
		if f.to == Provider {
			s = "To resolve this complaint, I ask you to do the following: " + r
		} else {
			s += " The outcome " + w.seeking(f) + " is: " + r
		}
	} else if f.to == Provider {
		s = "To resolve this complaint, I ask you to " + w.remedy(f) + "."
	} else {
		s += " The outcome " + w.seeking(f) + " is for " + w.name(f) + " to " + w.remedy(f) + "."
	}
	if m := w.money(f.c.Amount); m != "" {
		s += " The amount in dispute is " + m + "."
	}
	return s
}

// otherSteps tells the other steps the user took that a body weighs: a
// police report, a dispute raised with the bank.
func (w en) otherSteps(f *facts) string {
	var s []string
	say := func(e evidence.Event, what string) {
		t := w.on(w.date(e.At)) + w.i(f) + " " + what
		if e.Reference != "" {
			t += " (reference: " + e.Reference + ")"
		}
		if x := w.see(f, e); x != "" {
			t += " (" + x + ")"
		}
		if sum := trimStop(e.Summary); sum != "" {
			t += ": \"" + sum + "\""
		}
		s = append(s, t+".")
	}
	for _, e := range f.police {
		say(e, "reported the matter to the police")
	}
	for _, e := range f.bank {
		say(e, "also raised a dispute about the payment with "+w.my(f)+" bank")
	}
	return strings.Join(s, " ")
}

// legalBasis cites the rights the complaint rests on.
func (w en) legalBasis(f *facts) string {
	var items []string
	for _, r := range f.rights {
		if t := enRights[r.ID]; t != "" {
			items = append(items, w.sp(r.Source.Short+": "+t))
		}
	}
	if len(items) == 0 {
		return ""
	}
	return upperFirst(w.my(f)) + " complaint rests on the following rules:\n" + numbered(items)
}

// keyDates gives the dates the law sets in this case, counted from the
// timeline.
func (w en) keyDates(f *facts) string {
	var items []string
	for _, d := range f.citedDeadlines() {
		r, _ := escalation.Lookup(d.RuleID)
		cite := w.sp(r.Source.Short)
		if d.Clock == escalation.ClockOmbudsmanAfter {
			if d.Status == escalation.Available {
				items = append(items, "Under "+cite+", "+w.bodyRef("uk.fos")+" can consider "+w.my(f)+" complaint since "+w.date(d.Due)+".")
			} else {
				its := "its"
				if f.to == Provider {
					its = "your"
				}
				items = append(items, "Under "+cite+", "+w.bodyRef("uk.fos")+" can consider "+w.my(f)+" complaint from "+w.date(d.Due)+
					", or as soon as "+w.them(f)+" send"+w.verbS(f)+" "+its+" final response.")
			}
			continue
		}
		if d.Clock == escalation.ClockPlatformMediation {
			verb := " ends on "
			if d.Status == escalation.Available {
				verb = " ended on "
			}
			items = append(items, "Under "+cite+", mediation without agreement"+verb+w.date(d.Due)+".")
			continue
		}
		phrase := w.sp(strings.ReplaceAll(w.voice(enClocks[d.Clock]), "{start}", w.date(d.Start)))
		if phrase == "" {
			continue
		}
		if d.Status == escalation.Overdue {
			items = append(items, "The time for "+phrase+" ended on "+w.date(d.Due)+" ("+cite+").")
		} else {
			items = append(items, "Under "+cite+", "+phrase+" is due by "+w.date(d.Due)+".")
		}
	}
	if len(items) == 0 {
		return ""
	}
	head := "The dates that matter:"
	return head + "\n" + numbered(items)
}

// verbS is the third-person "s" for the provider named, not addressed.
func (en) verbS(f *facts) string {
	if f.to == Provider {
		return ""
	}
	return "s"
}

func (w en) deadline(f *facts) string {
	if f.to != Provider {
		if f.statutory {
			act := "handle a complaint and tell the consumer the outcome"
			if f.rule.Clock == escalation.ClockPlatformAccept {
				act = "decide whether to accept a complaint"
			}
			return "Under " + w.sp(f.rule.Source.Short) + " you " + act + " within " + w.window(f.rule) +
				" of receiving it: I look forward to hearing from you by " + w.date(f.deadline) + "."
		}
		if f.days > 0 {
			return "I would be grateful for your reply within " + w.days(f.days) + " of the date of this letter, that is by " +
				w.date(f.deadline) + "."
		}
		return "I look forward to hearing from you."
	}
	var s string
	switch {
	case f.statutory && f.rule.ID == "us.error-investigation":
		s = "This letter is a notice of error under " + f.rule.Source.Short + ". You must investigate it within " + w.window(f.rule) +
			" of receiving it, that is by " + w.date(f.deadline) + " if it reaches you on the date of this letter, or credit the amount to " + w.my(f) + " account provisionally by then and complete your investigation within 45 days."
	case f.statutory && (f.rule.Clock == escalation.ClockComplaintReply) && f.rule.Nature == escalation.Law:
		s = "Under " + w.sp(f.rule.Source.Short) + " you must send me your final response within " + w.window(f.rule) +
			" of receiving this complaint, that is by " + w.date(f.deadline) + " if it reaches you on the date of this letter."
	default:
		s = "Please reply in writing within " + w.days(max(f.days, 1)) + " of the date of this letter, that is by " + w.date(f.deadline) + "."
		if f.statutory {
			s = "Please reply in writing by " + w.date(f.deadline) + "."
		}
	}
	next := escalation.DefaultBody(f.c.Jurisdiction, evidence.ToRegulator)
	if f.c.Jurisdiction == evidence.EU || f.c.Jurisdiction == evidence.Other {
		next = escalation.DefaultBody(f.c.Jurisdiction, evidence.ToAssociation)
	}
	if e := f.firstReferral(); e != nil {
		id := escalation.BodyOf(f.c.Jurisdiction, e)
		return s + " I referred the matter to " + w.bodyRef(id) + " on " + w.date(e.At) + "."
	}
	return s + " If I do not receive a satisfactory reply by then, I intend to refer the matter to " + w.bodyRef(next.ID) + "."
}

// window renders a rule's window: "15 business days", "10 days".
func (w en) window(r escalation.Rule) string {
	n := r.Window.N
	switch r.Window.Unit {
	case escalation.BusinessDays:
		if n == 1 {
			return "1 business day"
		}
		return strconv.Itoa(n) + " business days"
	case escalation.Hours:
		return strconv.Itoa(n) + " hours"
	}
	return w.days(n)
}

func (en) days(n int) string {
	if n == 1 {
		return "1 day"
	}
	return strconv.Itoa(n) + " days"
}

func (en) enclosing(f *facts) string {
	if len(f.in.Exhibits) > 0 {
		return "I enclose copies of the evidence listed below and can provide the originals or further information on request."
	}
	return "I can provide further information and evidence on request."
}

func (en) enclosure(x Exhibit) string {
	return exhibitLine(x, enKinds[x.Kind], " (", ")")
}

// exhibitLine renders "E-1 — caption (file name)", falling back to the kind
// label when there is no caption.
func exhibitLine(x Exhibit, kind, open, shut string) string {
	var parts []string
	if n := clean(x.Number); n != "" {
		parts = append(parts, n)
	}
	caption := clean(x.Caption)
	file := clean(x.FileName)
	if caption == "" {
		caption = kind
	}
	if caption == "" {
		caption, file = file, ""
	}
	if caption != "" {
		if file != "" {
			caption += open + file + shut
		}
		parts = append(parts, caption)
	}
	return strings.Join(parts, " — ")
}

func (w en) closing() string {
	if w.us {
		return "Sincerely,"
	}
	return "Yours faithfully,"
}

func (w en) signature(f *facts) []string {
	if f.rep != nil {
		return w.repSignature(f)
	}
	var s []string
	p := f.c.Complainant
	if p.Name != "" {
		s = append(s, p.Name)
	}
	if p.Contact != "" {
		s = append(s, "Contact: "+clean(p.Contact))
	}
	if p.AccountID != "" {
		s = append(s, "Account ID: "+p.AccountID)
	}
	return s
}

// enBody is how English letters name a body and what they ask it.
type enBody struct {
	name, ref string // addressee line, and in-sentence form
	cityName  string // for bodies of the user's city: with {city}
	ask       string // the request; {provider} is the provider's name
}

var enBodies = map[string]enBody{
	"cn.association": {name: "Local Consumers' Association", ref: "the consumers' association", cityName: "{city} Consumers' Association",
		ask: "I ask you to accept my complaint against {provider} and to mediate between us, as Article 37 of the Consumer Rights Protection Law provides."},
	"cn.12315": {name: "Market Regulation Administration (12315 platform)", ref: "the market regulation authority (12315)",
		ask: "I ask you to accept my complaint against {provider} and to organise mediation."},
	"cn.pboc": {name: "People's Bank of China, local branch (Financial Consumer Protection, 12363)", cityName: "People's Bank of China, {city} Branch (Financial Consumer Protection, 12363)", ref: "the People's Bank of China (12363)",
		ask: "{provider} is a licensed payment institution under your supervision. I ask you to take up my complaint and to have {provider} handle it lawfully."},
	"cn.nfra": {name: "National Financial Regulatory Administration, local office (12378)", ref: "the National Financial Regulatory Administration (12378)",
		ask: "I ask you to take up my complaint against {provider} and to have it handled lawfully."},
	"uk.fos": {name: "Financial Ombudsman Service", ref: "the Financial Ombudsman Service",
		ask: "I ask you to investigate my complaint against {provider} and to decide that it must put things right: refund the money, compensate me for my losses, and pay interest."},
	"uk.citizens-advice": {name: "Citizens Advice", ref: "Citizens Advice",
		ask: "I would be grateful for your advice on my rights and on the next steps to take against {provider}."},
	"eu.adr": {name: "Alternative Dispute Resolution Body", ref: "the provider's alternative dispute resolution body",
		ask: "I ask you to consider my dispute with {provider} under your procedure."},
	"eu.nca": {name: "National Competent Authority for Payment Services", ref: "the national competent authority for payment services",
		ask: "I report that {provider} has not complied with its obligations under the payment services rules, and ask you to examine its handling of my complaint and to tell me which out-of-court procedures are open to me."},
	"eu.ecc": {name: "European Consumer Centre", ref: "the European Consumer Centre",
		ask: "{provider} is based in another EU country. I ask for your help in resolving this cross-border dispute."},
	"us.cfpb": {name: "Consumer Financial Protection Bureau", ref: "the Consumer Financial Protection Bureau (CFPB)",
		ask: "I ask you to send my complaint to {provider} for a response and to review how it handles it."},
	"us.state-regulator": {name: "State Money Transmitter Regulator", ref: "my state's money transmitter regulator",
		ask: "{provider} is licensed as a money transmitter. I ask you to look into my complaint and into its compliance with its licence."},
	"us.state-ag": {name: "Office of the Attorney General, Consumer Protection Division", ref: "the State Attorney General's consumer protection office",
		ask: "I ask you to look into {provider}'s practices and to help me obtain redress."},
	"other.association": {name: "Consumer Protection Organisation", ref: "the consumer protection organisation",
		ask: "I ask you to take up my complaint with {provider} and to help us reach a fair settlement."},
	"other.regulator": {name: "Financial Regulator or Ombudsman", ref: "the financial regulator or ombudsman",
		ask: "I ask you to examine {provider}'s handling of my complaint and to take the action open to you."},
}

// enRights states each right in a letter's words (after its citation).
var enRights = map[string]string{
	"cn.ecl-57":                "losses from an unauthorised payment are borne by the payment service provider unless it proves that the user was at fault; on notice it must act at once to stop further loss.",
	"cn.ecl-55":                "where a payment instruction goes wrong, the payment service provider must find the cause and correct it, and compensate the loss unless it proves the error was not its doing.",
	"cn.ecl-53":                "the payment service provider must provide reconciliation and the transaction records of the last three years free of charge.",
	"cn.cpl-28":                "a provider of financial services must give its address, contact details, fees, risk warnings and civil liability.",
	"cn.cpl-46":                "an administrative department must handle a consumer's complaint and inform the consumer within 7 working days.",
	"cn.npi-35":                "a non-bank payment institution must handle disputes with its users promptly and properly and bears the responsibility for handling complaints.",
	"cn.npi-24":                "a user may withdraw the balance held with a stored-value payment institution as agreed.",
	"eu.psd2-refund":           "an unauthorised payment must be refunded immediately, and at the latest by the end of the following business day after the provider noted or was notified of it.",
	"eu.psd2-notify":           "the payment service user obtains rectification of an unauthorised or incorrectly executed payment by notifying the provider without undue delay, and no later than 13 months after the debit.",
	"eu.psd2-execution":        "the provider is liable for non-execution or defective or late execution of a payment and must refund or credit the amount without undue delay.",
	"eu.psd2-reply":            "a complaint must be answered in writing within 15 business days, or 35 after a holding reply in exceptional cases.",
	"eu.psd2-adr":              "the provider must inform the customer of at least one alternative dispute resolution body competent for the dispute.",
	"uk.psrs-refund":           "an unauthorised payment must be refunded no later than the end of the business day after the provider becomes aware of it.",
	"uk.psrs-notify":           "the customer obtains rectification of an unauthorised or incorrectly executed payment by notifying the provider without undue delay, and no later than 13 months after the debit.",
	"uk.psrs-execution":        "the provider is liable for non-execution or defective or late execution of a payment, and for the charges and interest that result.",
	"uk.emrs-redemption":       "electronic money must be redeemed at par value, at any time, at the holder's request.",
	"uk.disp-reply":            "a payment-services or e-money complaint must receive a final response within 15 business days, or 35 after a holding response.",
	"uk.fos":                   "the Financial Ombudsman Service can consider the complaint once the final response is sent, or after 15 business days (35 after a holding response).",
	"us.rege-error-resolution": "the institution must investigate a notice of error within 10 business days, or provisionally credit the account within 10 business days and complete the investigation within 45 days (90 days in some cases), and correct an error within 1 business day of finding it.",
	"us.rege-notice":           "a notice of error is timely within 60 days of the statement first showing the error; for prepaid accounts, within 60 days of when the consumer could see it online or 120 days of the transfer.",
	"us.rege-liability":        "the consumer's liability for unauthorised transfers is limited to $50 when the institution is told within 2 business days of learning of the loss or theft, and at most $500 otherwise.",
	"us.rege-prepaid":          "a prepaid account, including a digital wallet that holds funds, is covered by the error-resolution and liability rules.",
}

// enClocks names what a clock of the law measures, for the dates
// paragraph; {start} is the date it started.
var enClocks = map[escalation.Clock]string{
	escalation.ClockComplaintReply:         "a final response to my complaint of {start}",
	escalation.ClockComplaintReplyExtended: "a final response to my complaint of {start}, after a holding reply",
	escalation.ClockUnauthorisedRefund:     "the refund of the unauthorised payment I reported on {start}",
	escalation.ClockErrorInvestigation:     "the investigation of the error I reported on {start}, or a provisional credit,",
	escalation.ClockErrorFinal:             "the end of that investigation",
	escalation.ClockPlatformAccept:         "a decision on accepting my complaint of {start}",
	escalation.ClockRegulatorReply:         "a response to my complaint of {start} to the regulator",
	escalation.ClockRegulatorClose:         "a final response to my complaint of {start} to the regulator",
}
