package cli

import "redress/app"

// dossierSeal prints what a dossier's signature says: by whom it is
// signed, or that it is not signed, or altered; and the audit head its
// maker's log stood at, for verify-log --head.
func (r *runner) dossierSeal(rep app.VerifyReport) {
	switch {
	case rep.Seal == app.SealSigned && rep.ThisInstall:
		r.printf("%s\n", r.l.T("cli.dossier-signed-here", "fingerprint", rep.Signer))
	case rep.Seal == app.SealSigned:
		r.printf("%s\n", r.l.T("cli.dossier-signed-by", "fingerprint", rep.Signer))
	case rep.Seal == app.SealUnsigned:
		r.printf("%s\n", r.l.T("cli.dossier-unsigned"))
	case rep.Seal == app.SealAltered:
		r.printf("%s\n", r.l.T("cli.dossier-altered"))
	}
	if rep.Seal == app.SealSigned && rep.Head != "" {
		r.printf("%s\n", r.l.T("cli.dossier-head", "head", rep.Head))
	}
}
