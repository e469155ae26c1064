package ui

import (
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// place is a folder the file picker offers one click away.
type place struct {
	key  string // "home", "desktop", "documents", "downloads", "pictures"
	path string
	// name is the folder's name as the system shows it in the user's
	// language, where known (the XDG user folders on Linux: "图片",
	// "Bilder"); empty otherwise, and the picker uses its own.
	name string
}

func (p place) icon() fyne.Resource {
	switch p.key {
	case "home":
		return theme.HomeIcon()
	case "desktop":
		return theme.ComputerIcon()
	case "documents":
		return theme.DocumentIcon()
	case "downloads":
		return theme.DownloadIcon()
	case "pictures":
		return theme.FileImageIcon()
	}
	return theme.FolderIcon()
}

// placeKeys are the picker's shortcuts, in the order shown.
var placeKeys = []string{"home", "desktop", "documents", "downloads", "pictures"}

// userPlaces lists the user's home folder and the usual folders inside it
// that exist: each system's own locations (userFolders).
func userPlaces() []place {
	home, err := os.UserHomeDir()
	if err != nil {
		return nil
	}
	found := userFolders(home)
	found["home"] = place{key: "home", path: home}
	var out []place
	for _, k := range placeKeys {
		p, ok := found[k]
		if !ok {
			continue
		}
		p.key = k
		if st, err := os.Stat(p.path); err == nil && st.IsDir() {
			out = append(out, p)
		}
	}
	return out
}

// defaultFolders are the folders' usual names in the home folder, where
// the system keeps no other record of them.
var defaultFolders = map[string]string{"desktop": "Desktop", "documents": "Documents", "downloads": "Downloads", "pictures": "Pictures"}

func defaults(home string) map[string]place {
	out := map[string]place{}
	for k, n := range defaultFolders {
		out[k] = place{key: k, path: filepath.Join(home, n)}
	}
	return out
}
