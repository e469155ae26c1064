// Command winres writes the Windows resources of redress.exe (the app
// icon, the version and app metadata, the application manifest) as a COFF
// object that `go build` links into the exe when it sits in the main
// package's folder. The version comes from app.Version, the one place it
// is set. With -check it reads a built exe back and fails unless it
// carries those resources.
//
// Run from the repository root (the Makefile's windows target does):
//
//	go run ./icons/winres -o rsrc_windows_amd64.syso
//	go run ./icons/winres -check redress.exe
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"image/png"
	"os"
	"strings"

	"github.com/tc-hib/winres"
	"github.com/tc-hib/winres/version"

	"redress/app"
	"redress/icons"
)

// Strings of the version resource (what Explorer shows in Properties).
var details = map[string]string{
	"CompanyName":      "Redress",
	"FileDescription":  "Redress · 维权档案",
	"InternalName":     "redress",
	"LegalCopyright":   "Redress contributors",
	"OriginalFilename": "redress.exe",
	"ProductName":      "Redress",
}

func main() {
	out := flag.String("o", "rsrc_windows_amd64.syso", "the object file to write")
	check := flag.String("check", "", "an exe to check instead")
	flag.Parse()
	var err error
	if *check != "" {
		err = checkEXE(*check)
	} else {
		err = writeObject(*out)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "winres:", err)
		os.Exit(1)
	}
}

// resources builds the resource set: icon, version, manifest.
func resources() (*winres.ResourceSet, error) {
	rs := &winres.ResourceSet{}
	img, err := png.Decode(bytes.NewReader(icons.AppIcon))
	if err != nil {
		return nil, fmt.Errorf("app icon: %w", err)
	}
	icon, err := winres.NewIconFromResizedImage(img, []int{256, 64, 48, 32, 24, 16})
	if err != nil {
		return nil, fmt.Errorf("app icon: %w", err)
	}
	if err := rs.SetIcon(winres.Name("APP"), icon); err != nil {
		return nil, fmt.Errorf("app icon: %w", err)
	}
	vi := version.Info{}
	vi.SetFileVersion(app.Version)
	vi.SetProductVersion(app.Version)
	for k, v := range details {
		if err := vi.Set(version.LangDefault, k, v); err != nil {
			return nil, fmt.Errorf("version %s: %w", k, err)
		}
	}
	rs.SetVersionInfo(vi)
	rs.SetManifest(winres.AppManifest{
		Description:         "Redress",
		DPIAwareness:        winres.DPIPerMonitorV2,
		LongPathAware:       true, // paths over 260 characters where Windows allows them
		UseCommonControlsV6: true,
	})
	return rs, nil
}

func writeObject(path string) error {
	rs, err := resources()
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := rs.WriteObject(&b, winres.ArchAMD64); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// checkEXE fails unless the exe has the icon, a version resource naming
// app.Version and the details, and a manifest.
func checkEXE(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	rs, err := winres.LoadFromEXE(f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	icon, err := rs.GetIcon(winres.Name("APP"))
	if err != nil || icon == nil {
		return fmt.Errorf("%s has no app icon: %v", path, err)
	}
	var raw []byte
	rs.WalkType(winres.RT_VERSION, func(_ winres.Identifier, _ uint16, data []byte) bool {
		raw = data
		return false
	})
	if raw == nil {
		return fmt.Errorf("%s has no version resource", path)
	}
	vi, err := version.FromBytes(raw)
	if err != nil {
		return fmt.Errorf("%s version resource: %w", path, err)
	}
	js, err := json.Marshal(vi)
	if err != nil {
		return err
	}
	var problems []string
	for _, want := range []string{`"ProductVersion":"` + app.Version, `"FileVersion":"` + app.Version, `"ProductName":"Redress"`, `"OriginalFilename":"redress.exe"`} {
		if !bytes.Contains(js, []byte(want)) {
			problems = append(problems, "no "+want)
		}
	}
	manifest := false
	rs.WalkType(winres.RT_MANIFEST, func(winres.Identifier, uint16, []byte) bool { manifest = true; return false })
	if !manifest {
		problems = append(problems, "no manifest")
	}
	if len(problems) > 0 {
		return errors.New(path + ": " + strings.Join(problems, "; ") + " in " + string(js))
	}
	fmt.Printf("winres: %s has the app icon, version %s and a manifest\n", path, app.Version)
	return nil
}
