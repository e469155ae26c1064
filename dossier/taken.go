package dossier

import "strings"

// exhibitTimes is the index's "captured / imported" cell: the time the
// picture was taken when its file (or the way it was captured) tells, with
// where that came from, else the event's time; then the import time.
func (r *renderer) exhibitTimes(e *exhibit) string {
	captured := r.when(e.At)
	if t := e.Attachment.Taken; t != nil {
		zone := e.At.Location()
		if len(r.events) > 0 {
			zone = r.events[0].At.Location() // the case's zone
		}
		key := "dossier.taken." + t.Source
		if !t.OffsetKnown {
			key = "dossier.taken.no-offset"
		}
		captured = r.tr("dossier.taken") + "\n" + r.when(t.In(zone)) + "\n" + r.tr(key)
	}
	if e.Attachment.Imported.IsZero() {
		return captured
	}
	return strings.TrimPrefix(captured+"\n"+r.tr("dossier.meta.imported")+"\n"+r.when(e.Attachment.Imported), "\n")
}
