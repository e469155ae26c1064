package escalation

// Audience is who will read something Redress produces: the user in the
// app, the user's own copy of a dossier, or a dossier for a recipient
// (the parties evidence.ToProvider, ToAssociation, ToRegulator).
type Audience string

// The audiences that are not a recipient.
const (
	InApp   Audience = "app"      // the app's status panel, the CLI
	OwnCopy Audience = "own-copy" // the user's own copy of a dossier
)

// checklistAudiences are the readers that may see the evidence checklist
// and what is missing from it. Never the provider (it would hand the other
// side the weak points of the case), nor a consumer association or
// regulator: their cover shows the evidence enclosed, not what is not.
var checklistAudiences = map[Audience]bool{InApp: true, OwnCopy: true}

// ShowsChecklist reports whether the evidence checklist (and its missing
// items) may be shown to audience a: in the app and in the user's own
// copy only.
func ShowsChecklist(a Audience) bool { return checklistAudiences[a] }

// ShowsDeadline reports whether deadline d may be shown to audience a. The
// user's own time limits (the effect YouMustAct: the last day to report a
// transaction, to refer to the ombudsman, the outer time limit) are for
// the user only: a provider or a body reading that one has passed learns a
// weakness of the case, not a fact it needs.
func ShowsDeadline(a Audience, d Deadline) bool {
	return checklistAudiences[a] || d.Effect != YouMustAct
}
