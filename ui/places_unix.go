//go:build !windows

package ui

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
)

// userFolders reads the XDG user folders ($XDG_CONFIG_HOME/user-dirs.dirs,
// written in the user's language by xdg-user-dirs: XDG_PICTURES_DIR=
// "$HOME/图片"); without it (macOS, a minimal Linux) the usual English
// names. A folder's own name is what file managers show, so it is the
// shortcut's label when the file names it.
func userFolders(home string) map[string]place {
	out := defaults(home)
	cfg := os.Getenv("XDG_CONFIG_HOME")
	if cfg == "" || !filepath.IsAbs(cfg) {
		cfg = filepath.Join(home, ".config")
	}
	f, err := os.Open(filepath.Join(cfg, "user-dirs.dirs"))
	if err != nil {
		return out
	}
	defer f.Close()
	keys := map[string]string{"XDG_DESKTOP_DIR": "desktop", "XDG_DOCUMENTS_DIR": "documents",
		"XDG_DOWNLOAD_DIR": "downloads", "XDG_PICTURES_DIR": "pictures"}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, value, ok := strings.Cut(strings.TrimSpace(sc.Text()), "=")
		k, known := keys[name]
		if !ok || !known {
			continue
		}
		value = strings.Trim(value, `"`)
		switch {
		case strings.HasPrefix(value, "$HOME/"):
			value = filepath.Join(home, strings.TrimPrefix(value, "$HOME/"))
		case value == "$HOME":
			continue // "not used": xdg-user-dirs points a disabled folder at home
		case !filepath.IsAbs(value):
			continue
		}
		out[k] = place{key: k, path: value, name: filepath.Base(value)}
	}
	return out
}
