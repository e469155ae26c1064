package ui

import "redress/app"

// dossierSealText says who signed a dossier ("signed by this
// installation", "signed by key …"), that it is not signed, or that its
// signature does not match (altered), and the audit head its maker's log
// stood at; "" for anything but a dossier. The same sentences as
// `redress verify`.
func (u *UI) dossierSealText(rep app.VerifyReport) string {
	if rep.Kind != "dossier" {
		return ""
	}
	var s string
	switch rep.Seal {
	case app.SealSigned:
		if rep.ThisInstall {
			s = u.T("cli.dossier-signed-here", "fingerprint", rep.Signer)
		} else {
			s = u.T("cli.dossier-signed-by", "fingerprint", rep.Signer)
		}
		if rep.Head != "" {
			s += " " + u.T("cli.dossier-head", "head", rep.Head)
		}
	case app.SealUnsigned:
		s = u.T("cli.dossier-unsigned")
	case app.SealAltered:
		s = u.T("cli.dossier-altered")
	}
	return s
}
