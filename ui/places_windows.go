package ui

import "golang.org/x/sys/windows"

// userFolders asks Windows where the user's known folders are (they may
// have been moved, to OneDrive for instance). Explorer shows them under
// localized names it reads from resources; the picker names them itself.
func userFolders(home string) map[string]place {
	out := defaults(home)
	for k, id := range map[string]*windows.KNOWNFOLDERID{"desktop": windows.FOLDERID_Desktop,
		"documents": windows.FOLDERID_Documents, "downloads": windows.FOLDERID_Downloads, "pictures": windows.FOLDERID_Pictures} {
		if p, err := windows.KnownFolderPath(id, 0); err == nil && p != "" {
			out[k] = place{key: k, path: p}
		}
	}
	return out
}
