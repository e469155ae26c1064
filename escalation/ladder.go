package escalation

import (
	"slices"
	"strings"
	"time"

	"redress/evidence"
)

// Step is a rung of the escalation ladder.
type Step string

// The ladder, in order, and the two positions off it. Each step has the
// translation key "esc.step.<step>".
const (
	NotStarted          Step = "not-started" // nothing on the ladder is done yet
	SelfCheck           Step = "self-check"
	CustomerService     Step = "customer-service"
	FormalComplaint     Step = "formal-complaint"
	PublicPost          Step = "public-post" // optional; never proposed as the next step
	ConsumerAssociation Step = "association"
	Platform            Step = "platform"  // CN: the market regulator's 12315 complaint platform
	Regulator           Step = "regulator" // financial regulator or ombudsman
	Legal               Step = "legal"
	Done                Step = "done" // the case is resolved or closed
)

// Ladder lists the rungs in order (every jurisdiction but CN; see
// LadderFor).
var Ladder = []Step{SelfCheck, CustomerService, FormalComplaint, PublicPost, ConsumerAssociation, Regulator, Legal}

// LadderFor lists the rungs of a jurisdiction in order. CN has the 12315
// platform as a rung of its own between the consumer association and the
// financial regulator: the two are alternatives, since the platform does
// not accept a dispute a consumer association already handled
// (《市场监督管理投诉举报处理暂行办法》 art. 15(2)).
func LadderFor(j evidence.Jurisdiction) []Step {
	if j == evidence.CN {
		return []Step{SelfCheck, CustomerService, FormalComplaint, PublicPost, ConsumerAssociation, Platform, Regulator, Legal}
	}
	return slices.Clone(Ladder)
}

// Key is the step's translation key.
func (s Step) Key() string { return "esc.step." + string(s) }

// Tags Redress reads from the timeline (event tags are compared in lower
// case; each English tag also has a Chinese alias).
var (
	tagsSelfCheck = []string{"self-check", "自查"}
	tagsComplaint = []string{"complaint", "投诉"}
	tagsPublic    = []string{"public", "公开"}
	tagsLegal     = []string{"legal", "lawyer", "律师"}
	tagsAccepted  = []string{"accepted", "受理", "已受理"}
	tagsForwarded = []string{"forwarded", "sent-to-company", "已转办", "转办"}
	// tagsFinalNotice marks a final response that told the user of the
	// six-month limit for the ombudsman (FCA DISP 1.6.2 R(1); FOS guidance).
	tagsFinalNotice = []string{"six-months", "6-months", "time-limit-notice", "告知时限"}
)

// timeline is the case's live events in time order with the landmarks the
// rules start from.
type timeline struct {
	c      evidence.Case
	events []evidence.Event

	selfCheck   *evidence.Event // first self-check note (or contact standing in for it)
	firstCS     *evidence.Event // first contact of any kind
	complaint   *evidence.Event // first formal complaint
	final       *evidence.Event // first final response from the provider (after the complaint when there is one)
	public      *evidence.Event // first public social post
	association *evidence.Event // first letter to an association
	regulator   *evidence.Event // first letter to a regulator (CN: other than the 12315 platform)
	platform    *evidence.Event // CN: first complaint filed with the 12315 platform
	accepted    *evidence.Event // CN: the platform's acceptance of that complaint
	forwarded   *evidence.Event // the regulator sent the complaint to the company
	notice      *evidence.Event // the provider was first told of the problem
	inApp       *evidence.Event // first complaint through the provider's in-app form
	legal       *evidence.Event // first event tagged legal
	records     *evidence.Event // first request to the provider for the user's records
	incident    time.Time       // the incident date (midnight in the case zone), else the first transaction
}

// newTimeline drops archived events and events without a time, sorts the
// rest by time (then ID) and finds the landmarks.
func newTimeline(c evidence.Case, events []evidence.Event) *timeline {
	tl := &timeline{c: c}
	tl.events = withFinalResponse(c, evidence.Active(events))
	incident, hasIncident := time.Time{}, false
	if t, err := time.ParseInLocation(evidence.DateLayout, c.Incident, zoneOf(tl.events)); err == nil {
		incident, hasIncident = t, true
	}
	for i := range tl.events {
		e := &tl.events[i]
		first := func(p **evidence.Event) {
			if *p == nil {
				*p = e
			}
		}
		if hasTag(e, tagsSelfCheck) || hasTagPrefix(e, "self-check-") {
			first(&tl.selfCheck)
		}
		if hasTag(e, tagsLegal) {
			first(&tl.legal)
		}
		switch e.Kind {
		case evidence.KindContact:
			first(&tl.firstCS)
			if hasTag(e, tagsComplaint) {
				first(&tl.complaint)
				if e.Contact != nil && e.Contact.Channel == evidence.InApp {
					first(&tl.inApp)
				}
			}
			if !isInbound(e) && (!hasIncident || dayOf(e.At) >= dayOf(incident)) {
				first(&tl.notice)
			}
			if e.Contact != nil && e.Contact.Channel == evidence.Social && hasTag(e, tagsPublic) {
				first(&tl.public)
			}
			// Any contact after the incident shows the user tried first.
			if !hasIncident || dayOf(e.At) >= dayOf(incident) {
				first(&tl.selfCheck)
			}
		case evidence.KindLetter:
			if IsRecordsRequest(e) {
				first(&tl.records) // not a complaint: it starts no complaint clock
				break
			}
			switch party(e) {
			case evidence.ToProvider:
				first(&tl.complaint)
				if !hasIncident || dayOf(e.At) >= dayOf(incident) {
					first(&tl.notice)
				}
			case evidence.ToAssociation:
				first(&tl.association)
			case evidence.ToRegulator:
				if c.Jurisdiction == evidence.CN && BodyOf(c.Jurisdiction, e) == "cn.12315" {
					first(&tl.platform)
				} else {
					first(&tl.regulator)
				}
			}
		case evidence.KindResponse:
			if from(e) == evidence.ToRegulator {
				if hasTag(e, tagsForwarded) {
					first(&tl.forwarded)
				}
				if id, named := identifyBody(c.Jurisdiction, e); c.Jurisdiction == evidence.CN && hasTag(e, tagsAccepted) &&
					(id == "cn.12315" || (!named && tl.platform != nil && tl.regulator == nil)) {
					first(&tl.accepted)
				}
			}
		}
	}
	if tl.accepted != nil && (tl.platform == nil || tl.accepted.At.Before(tl.platform.At)) {
		tl.accepted = nil // an acceptance needs a complaint before it
	}
	switch {
	case hasIncident:
		tl.incident = incident
	default:
		for i := range tl.events {
			if tl.events[i].Kind == evidence.KindTransaction {
				tl.incident = tl.events[i].At
				break
			}
		}
	}
	for i := range tl.events {
		e := &tl.events[i]
		if e.Kind == evidence.KindResponse && isFinal(e) &&
			(tl.complaint == nil || !e.At.Before(tl.complaint.At)) {
			tl.final = e
			break
		}
	}
	if tl.final == nil && tl.complaint != nil {
		// A final response before the recorded complaint still counts.
		for i := range tl.events {
			e := &tl.events[i]
			if isFinal(e) {
				tl.final = e
				break
			}
		}
	}
	return tl
}

// zoneOf is the zone of the first event (the case's local zone), UTC
// when there are none.
func zoneOf(events []evidence.Event) *time.Location {
	if len(events) > 0 {
		return events[0].At.Location()
	}
	return time.UTC
}

// position is the highest rung the timeline shows as reached. A final
// response from the provider implies a formal complaint.
func (tl *timeline) position() Step {
	switch {
	case tl.legal != nil:
		return Legal
	case tl.regulator != nil:
		return Regulator
	case tl.platform != nil:
		return Platform
	case tl.association != nil:
		return ConsumerAssociation
	case tl.public != nil && (tl.complaint != nil || tl.final != nil):
		return PublicPost
	case tl.complaint != nil || tl.final != nil:
		return FormalComplaint
	case tl.firstCS != nil:
		return CustomerService
	case tl.selfCheck != nil:
		return SelfCheck
	}
	return NotStarted
}

// start is when the case began: its first event, else its creation time.
func (tl *timeline) start() time.Time {
	if len(tl.events) > 0 {
		return tl.events[0].At
	}
	return tl.c.Created
}

func party(e *evidence.Event) string {
	if e.Letter == nil || e.Letter.To == "" {
		return evidence.ToProvider
	}
	return e.Letter.To
}

func from(e *evidence.Event) string {
	if e.Response == nil || e.Response.From == "" {
		return evidence.ToProvider
	}
	return e.Response.From
}

// isFinal reports whether e is a final response from the provider.
func isFinal(e *evidence.Event) bool {
	return e.Kind == evidence.KindResponse && e.Response != nil && e.Response.Final && from(e) == evidence.ToProvider
}

func hasTag(e *evidence.Event, tags []string) bool {
	for _, t := range e.Tags {
		if slices.Contains(tags, strings.ToLower(strings.TrimSpace(t))) {
			return true
		}
	}
	return false
}

func hasTagPrefix(e *evidence.Event, prefix string) bool {
	for _, t := range e.Tags {
		if strings.HasPrefix(strings.ToLower(strings.TrimSpace(t)), prefix) {
			return true
		}
	}
	return false
}
