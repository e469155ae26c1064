package letters

import (
	"strconv"
	"strings"
	"time"

	"redress/evidence"
)

// en writes British-style formal English: "Dear Sir or Madam," … "Yours
// faithfully,".
type en struct{}

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

func (en) date(t time.Time) string { return t.Format("2 January 2006") }

func (en) dateTime(t time.Time) string {
	return t.Format("2 January 2006 at 15:04") + " (" + offset(t) + ")"
}

func (en) money(m evidence.Money) string {
	if m.IsZero() {
		return ""
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

func (en) sender(f *facts) []string {
	var s []string
	if n := f.c.Complainant.Name; n != "" {
		s = append(s, n)
	}
	return append(s, lines(f.c.Complainant.Address)...)
}

func (en) addressee(f *facts) []string {
	var a []string
	switch {
	case clean(f.in.RecipientName) != "":
		a = append(a, lines(f.in.RecipientName)...)
	case f.to == Provider && f.c.Provider != "":
		a = append(a, f.c.Provider+" Complaints Team")
	case f.to == Provider:
		a = append(a, "Complaints Team")
	default:
		b := defaultBody(f.to, f.c.Jurisdiction)
		a = append(a, b.en)
		a = append(a, b.enExtra...)
	}
	return append(a, lines(f.in.RecipientAddress)...)
}

func (w en) subject(f *facts) string {
	s := "Re: Formal complaint"
	if f.to != Provider {
		s = "Re: Complaint against " + w.name(f)
	}
	if p, ok := enProblems[f.c.Problem]; ok {
		s += " — " + p
	}
	if a := f.c.Complainant.AccountID; a != "" {
		s += " — account ID " + a
	}
	if m := w.money(f.c.Amount); m != "" {
		s += " — " + m
	}
	return s
}

func (en) salutation(*facts, []string) string { return "Dear Sir or Madam," }

func (w en) intro(f *facts) string {
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
	acct := "my account with " + them
	var s string
	switch f.c.Problem {
	case evidence.TopupNotCredited:
		s = on + "I made a top-up" + of + " to " + acct + ". The money was taken from my funding source, but it has not been credited to my balance."
	case evidence.WithdrawalDelayed:
		what := "funds"
		if amt != "" {
			what = amt
		}
		s = on + "I asked to withdraw " + what + " from " + acct + " to my bank account. The amount has been deducted from my balance, but it has not arrived in my bank account."
	case evidence.TransferNotReceived:
		if f.incoming() {
			s = on + "a transfer" + of + " was sent to " + acct + ", but it has not been received into my account."
		} else {
			s = on + "I sent a transfer" + of + " from " + acct + ". The amount was deducted from my balance, but the payee has not received it."
		}
	case evidence.PaymentFailed:
		s = on + "I made a payment" + of + " using " + acct + ". The payment was reported as failed, yet the amount was debited and has not been returned to me."
	case evidence.AccountFrozen:
		s = on + acct + " was frozen"
		if amt != "" {
			s += " with a balance of " + amt + " in it"
		}
		s += ". Since then I have been unable to use the account or to access my funds."
	case evidence.RefundRefused:
		s = on + "I asked " + them + " for a refund" + of + ". The refund was refused, and I consider that the money is due to me."
	case evidence.UnauthorizedTransaction:
		what := "money"
		if amt != "" {
			what = amt
		}
		s = on + what + " was taken from " + acct + " in a transaction that I did not make or authorise."
	case evidence.IncorrectRecord:
		s = on + "I found that the records of " + acct + " are incorrect"
		if amt != "" {
			s += " in respect of " + amt
		}
		s += ". The record does not reflect what actually happened and needs to be corrected."
	case evidence.AccountClosure:
		s = on + them + " closed my account."
		if amt != "" {
			s += " The account held a balance of " + amt + ", which has not been returned to me."
		}
	default:
		s = on + "I encountered a problem with " + acct
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
		s := "On " + w.dateTime(e.At) + " "
		if c.Direction == evidence.Inbound {
			s += them + " contacted me"
		} else {
			s += "I contacted " + them
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
	head := "I have contacted you about this matter as follows:"
	if f.to != Provider {
		head = "I have taken the matter up with " + w.name(f) + " as follows:"
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
		s += ": “" + p + "”."
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
		t := "On " + w.date(e.At) + " I sent a written complaint to " + them
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
		s = append(s, "I raised my complaint with "+them+" through the contacts listed above.")
	}
	final := false
	for _, e := range f.responses {
		r := e.Response
		t := "On " + w.date(e.At) + " " + them + " replied"
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
			t += ": “" + out + "”"
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
		s = append(s, upperFirst(them)+" did not answer my complaint of "+w.date(f.letters[len(f.letters)-1].At)+", and as of the date of this letter I have received no response.")
	case len(f.responses) == 0 && f.to != Provider && len(f.contacts) > 0:
		s = append(s, upperFirst(them)+" did not answer my complaint in writing, and as of the date of this letter I have received no written response.")
	case len(f.responses) == 0 && f.to != Provider:
		s = append(s, "As of the date of this letter I have received no response from "+them+".")
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
	var r string
	switch f.c.Problem {
	case evidence.TopupNotCredited:
		r = "credit the top-up" + of + " to my account"
	case evidence.WithdrawalDelayed:
		r = "complete the withdrawal" + of + " to my bank account, or return the amount to my balance"
	case evidence.TransferNotReceived:
		if f.incoming() {
			r = "credit the transfer" + of + " to my account"
		} else {
			r = "complete the transfer" + of + ", or return the amount to me"
		}
	case evidence.PaymentFailed:
		r = "refund the amount" + of + " debited for the failed payment"
	case evidence.AccountFrozen:
		r = "lift the restriction on my account and restore my access to my funds"
	case evidence.RefundRefused:
		r = "refund the amount" + of + " due to me"
	case evidence.UnauthorizedTransaction:
		r = "reimburse the amount" + of + " taken by the unauthorised transaction and secure my account"
	case evidence.IncorrectRecord:
		r = "correct the record of my account and confirm the correction in writing"
	case evidence.AccountClosure:
		if amt != "" {
			r = "pay out the remaining balance" + of + " to me"
		} else {
			r = "review the closure of my account"
		}
	default:
		r = "resolve the problem described above"
	}
	return r + ", and explain in writing what happened"
}

func (w en) request(f *facts) string {
	var s string
	switch f.to {
	case Association:
		s = "I ask you to take up my complaint with " + w.name(f) + " and to help us reach a fair settlement."
	case Regulator:
		s = "I ask you to examine " + w.name(f) + "'s handling of my complaint and to take the action open to you."
	}
	if r := finish(f.c.Remedy, "."); r != "" {
		if f.to == Provider {
			s = "To resolve this complaint, I ask you to do the following: " + r
		} else {
			s += " The outcome I am seeking is: " + r
		}
	} else if f.to == Provider {
		s = "To resolve this complaint, I ask you to " + w.remedy(f) + "."
	} else {
		s += " The outcome I am seeking is for " + w.name(f) + " to " + w.remedy(f) + "."
	}
	if m := w.money(f.c.Amount); m != "" {
		s += " The amount in dispute is " + m + "."
	}
	return s
}

func (w en) deadline(f *facts) string {
	days := strconv.Itoa(f.days) + " days"
	if f.days == 1 {
		days = "1 day"
	}
	if f.to == Provider {
		return "Please reply in writing within " + days + " of the date of this letter, that is by " + w.date(f.deadline) +
			". If I do not receive a satisfactory reply by then, I intend to refer the matter to " +
			defaultBody(Regulator, f.c.Jurisdiction).enRef + "."
	}
	return "I would be grateful for your reply within " + days + " of the date of this letter, that is by " + w.date(f.deadline) + "."
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

func (en) closing() string { return "Yours faithfully," }

func (en) signature(f *facts) []string {
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
