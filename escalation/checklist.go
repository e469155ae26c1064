package escalation

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"redress/evidence"
)

// Item is one entry of an evidence or self-check checklist.
type Item struct {
	ID  string `json:"id"`  // stable within its list, e.g. "bank-statement"
	Key string `json:"key"` // translation key, "esc.item.<id>" or "esc.selfcheck.<id>"
	// Tags satisfy the item: an event tagged with one of them, or whose
	// caption or an attachment's caption contains one as a word (a leading
	// "#" is allowed; Chinese tags match anywhere in a caption), ticks it.
	// The first tag is the one to apply.
	Tags []string `json:"tags"`
	// Optional items ("police report, if any") are listed but not counted
	// in Done, Total or Missing.
	Optional bool `json:"optional,omitempty"`
	Done     bool `json:"done"`
}

// Checklist is a list of items with a summary: "Done of Total", and the
// required items still missing.
type Checklist struct {
	Items   []Item `json:"items"`
	Done    int    `json:"done"`
	Total   int    `json:"total"`
	Missing []Item `json:"missing"`
}

// Summary is "n of m items" as a translation key with its placeholders.
func (c Checklist) Summary() (key string, args []string) {
	return "esc.checklist.summary", []string{"done", strconv.Itoa(c.Done), "total", strconv.Itoa(c.Total)}
}

// itemDef is an item with the event data that satisfies it without a tag.
type itemDef struct {
	id       string
	tags     []string
	optional bool
	auto     func(e *evidence.Event) bool // an event that satisfies it
	byCase   func(c evidence.Case) bool   // case data that satisfies it
}

func anyTx(e *evidence.Event) bool { return e.Kind == evidence.KindTransaction }

var items = map[string]itemDef{
	"payment-confirmation": {tags: []string{"payment-confirmation", "receipt", "付款凭证"}},
	"bank-statement":       {tags: []string{"bank-statement", "银行流水"}},
	"transaction-id": {tags: []string{"transaction-id", "交易单号"},
		auto: func(e *evidence.Event) bool {
			return e.Kind == evidence.KindTransaction && e.Transaction != nil && e.Transaction.TxID != ""
		}},
	"transaction-time": {tags: []string{"transaction-time", "交易时间"}, auto: anyTx},
	"support-contacts": {tags: []string{"support-contact", "客服记录"},
		auto: func(e *evidence.Event) bool { return e.Kind == evidence.KindContact }},
	"error-message":         {tags: []string{"error-message", "错误提示"}},
	"merchant-confirmation": {tags: []string{"merchant-confirmation", "商户证明"}},
	"withdrawal-request": {tags: []string{"withdrawal-request", "提现申请"},
		auto: func(e *evidence.Event) bool {
			return e.Kind == evidence.KindTransaction && e.Transaction != nil && e.Transaction.Direction == evidence.MoneyOut
		}},
	"balance":             {tags: []string{"balance", "余额"}},
	"recipient-details":   {tags: []string{"recipient-details", "收款信息"}},
	"recipient-statement": {tags: []string{"recipient-statement", "收款方流水"}},
	"freeze-notice":       {tags: []string{"freeze-notice", "冻结通知"}},
	"id-documents":        {tags: []string{"id-documents", "身份证明"}},
	"request-dates": {tags: []string{"request", "申请记录"},
		auto: func(e *evidence.Event) bool {
			return e.Kind == evidence.KindLetter || (e.Kind == evidence.KindContact && !isInbound(e))
		}},
	"order-details":  {tags: []string{"order-details", "订单"}},
	"refund-request": {tags: []string{"refund-request", "退款申请"}},
	"refusal": {tags: []string{"refusal", "拒绝"},
		auto: func(e *evidence.Event) bool { return isProviderResponse(e) }},
	"disputed-transactions": {tags: []string{"disputed", "争议交易"}, auto: anyTx},
	"noticed-time": {tags: []string{"noticed", "发现时间"},
		byCase: func(c evidence.Case) bool { return c.Incident != "" }},
	"provider-told": {tags: []string{"reported", "已告知"},
		auto: func(e *evidence.Event) bool {
			return (e.Kind == evidence.KindContact && !isInbound(e)) ||
				(e.Kind == evidence.KindLetter && party(e) == evidence.ToProvider)
		}},
	"police-report":   {tags: []string{"police-report", "报警回执"}, optional: true},
	"record-in-error": {tags: []string{"incorrect-record", "错误记录"}},
	"closure-notice":  {tags: []string{"closure-notice", "销户通知"}},
	"screenshots": {tags: []string{"screenshot", "截图"},
		auto: func(e *evidence.Event) bool { return e.Kind == evidence.KindScreenshot }},
}

// checklists lists the items each problem kind needs, drawn from what
// complaint bodies ask for.
var checklists = map[evidence.Problem][]string{
	evidence.TopupNotCredited:  {"payment-confirmation", "bank-statement", "transaction-id", "transaction-time", "support-contacts"},
	evidence.WithdrawalDelayed: {"withdrawal-request", "transaction-id", "transaction-time", "balance", "support-contacts"},
	evidence.TransferNotReceived: {"payment-confirmation", "transaction-id", "recipient-details", "recipient-statement",
		"support-contacts"},
	evidence.PaymentFailed: {"error-message", "bank-statement", "transaction-id", "merchant-confirmation", "support-contacts"},
	evidence.AccountFrozen: {"freeze-notice", "id-documents", "request-dates", "balance", "support-contacts"},
	evidence.RefundRefused: {"order-details", "payment-confirmation", "refund-request", "refusal", "support-contacts"},
	evidence.UnauthorizedTransaction: {"disputed-transactions", "noticed-time", "provider-told", "bank-statement",
		"police-report"},
	evidence.IncorrectRecord: {"record-in-error", "bank-statement", "transaction-id", "support-contacts"},
	evidence.AccountClosure:  {"closure-notice", "balance", "id-documents", "request-dates", "support-contacts"},
	evidence.OtherProblem:    {"screenshots", "transaction-id", "support-contacts"},
}

// selfChecks are the self-check steps, in the order they are offered.
var selfChecks = []string{"account", "balance", "details", "maintenance", "relogin"}

// SelfCheckTag is the tag of every self-check note; each step also has its
// own tag "self-check-<id>".
const SelfCheckTag = "self-check"

// EvidenceItems returns the evidence checklist items for a problem kind,
// none ticked. An unknown kind gets the list of "other".
//
// Besides their tags, some items are ticked by the timeline itself:
// "transaction-id" by a transaction with an ID; "transaction-time" and
// "disputed-transactions" by any transaction; "withdrawal-request" by an
// outgoing transaction; "support-contacts" by any contact; "request-dates"
// by an outbound contact or a letter; "provider-told" by an outbound
// contact or a letter to the provider; "refusal" by a response from the
// provider; "screenshots" by a screenshot; "noticed-time" by the case's
// incident date.
func EvidenceItems(p evidence.Problem) []Item {
	ids, ok := checklists[p]
	if !ok {
		ids = checklists[evidence.OtherProblem]
	}
	out := make([]Item, len(ids))
	for i, id := range ids {
		d := items[id]
		out[i] = Item{ID: id, Key: "esc.item." + id, Tags: slices.Clone(d.tags), Optional: d.optional}
	}
	return out
}

// SelfCheckItems returns the self-check steps (right account, balance,
// details typed correctly, maintenance notices, log out and in again),
// none ticked. Ticking one in the UI records a note tagged SelfCheckTag and
// the item's tag, so that regulators can see what the user tried first.
func SelfCheckItems() []Item {
	out := make([]Item, len(selfChecks))
	for i, id := range selfChecks {
		out[i] = Item{ID: id, Key: "esc.selfcheck." + id, Tags: []string{"self-check-" + id}}
	}
	return out
}

// check ticks the items the timeline satisfies and sums them up.
func (tl *timeline) check(list []Item, defs map[string]itemDef) Checklist {
	var cl Checklist
	for _, it := range list {
		def := defs[it.ID]
		it.Done = def.byCase != nil && def.byCase(tl.c)
		for i := range tl.events {
			if it.Done {
				break
			}
			e := &tl.events[i]
			it.Done = matchesTags(e, it.Tags) || (def.auto != nil && def.auto(e))
		}
		cl.Items = append(cl.Items, it)
		if it.Optional {
			continue
		}
		cl.Total++
		if it.Done {
			cl.Done++
		} else {
			cl.Missing = append(cl.Missing, it)
		}
	}
	return cl
}

// matchesTags reports whether the event carries one of the tags: as an
// event tag, or as a word of its exhibit caption or an attachment caption.
func matchesTags(e *evidence.Event, tags []string) bool {
	if hasTag(e, tags) {
		return true
	}
	captions := make([]string, 0, len(e.Attachments)+1)
	if e.Exhibit != nil {
		captions = append(captions, e.Exhibit.Caption)
	}
	for _, a := range e.Attachments {
		captions = append(captions, a.Caption)
	}
	for _, c := range captions {
		words := captionWords(c)
		for _, t := range tags {
			if slices.Contains(words, t) || (!isASCII(t) && strings.Contains(c, t)) {
				return true
			}
		}
	}
	return false
}

// isASCII reports whether s is plain ASCII. Tags that are not (Chinese
// ones) match anywhere in a caption, since Chinese has no spaces between
// words.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// captionWords splits a caption at spaces and punctuation other than "-",
// lower-cased, without a leading "#".
func captionWords(s string) []string {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return unicode.IsSpace(r) || (unicode.IsPunct(r) && r != '-' && r != '#') || unicode.IsSymbol(r)
	})
	for i, w := range words {
		words[i] = strings.TrimLeft(w, "#")
	}
	return words
}
