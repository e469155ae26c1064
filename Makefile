# Redress. On a fresh Debian/Ubuntu machine with Go installed:
#   make run      start the desktop app (installs missing system packages)
#   make test     run every check and test, Windows build and Wine included
#   make windows  cross-compile redress.exe (icon, version, manifest)
#   make dist     release files in dist/: Linux tarball, Windows zip, SHA-256 sums
.PHONY: run test deps build vet bench screenshots smoke windows wine-smoke crossvet dist race

# Everything a build reads: when none is newer than redress.exe, `make
# windows` has nothing to do (a cold cross-build takes ~11 min on 2 cores).
SOURCES := $(shell find . -path ./.git -prune -o -path ./dist -prune -o -path ./shots -prune -o \
	-type f \( -name '*.go' -o -name '*.json' -o -name '*.sql' -o -name '*.ttf' -o -name '*.png' -o -name '*.c' \) -print) \
	go.mod go.sum
WINDOWS := CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc

# The race detector runs on the packages where goroutines share memory in
# one process: the store (its bounded pool used from several goroutines),
# the app layer over it, the dossier's parallel image preparation, and the
# desktop app (background work and the widgets it reports to: ui/bridge.go
# runs the tests' callbacks on one goroutine, as Fyne's UI thread does).
# -short keeps the multi-process kill loops small there: the race detector
# sees nothing across processes, and they run in full without -race above.
# letters/typeset has no goroutines. Measured cost: docs/PERFORMANCE.md
# ("The race detector").
RACE_PKGS = ./store/... ./app/... ./letters ./letters/images ./ui/...

run: deps
	go run .

test: deps
	@unformatted=$$(gofmt -l .); if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	go vet ./...
	go build ./...
	$(MAKE) --no-print-directory crossvet
	go test -count=1 -timeout 20m ./...
	go test -race -short -count=1 -timeout 20m $(RACE_PKGS)
	bash scripts/smoke.sh
	$(MAKE) --no-print-directory wine-smoke

deps:
	@bash scripts/deps.sh

build: deps
	go build -o redress .

# Every package but the Fyne entry point builds and vets for macOS and
# Windows without cgo. ui is left out for macOS only: Fyne's widgets need
# cgo there (fyne.io/fyne/v2/internal/widget does not build without it).
crossvet:
	@set -e; pkgs=$$(go list ./... | grep -v -x redress); \
	for target in darwin/arm64 windows/amd64; do \
		os=$${target%/*}; arch=$${target#*/}; p=$$pkgs; \
		if [ $$os = darwin ]; then p=$$(echo "$$pkgs" | grep -v -x redress/ui); fi; \
		echo "crossvet: GOOS=$$os GOARCH=$$arch CGO_ENABLED=0 go vet + go build ($$(echo $$p | wc -w) packages)"; \
		CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch go vet $$p; \
		CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch go build $$p; \
	done

windows: deps redress.exe

redress.exe: $(SOURCES)
	go run ./icons/winres -o rsrc_windows_amd64.syso
	$(WINDOWS) go build -ldflags "-s -w" -o redress.exe.partial .
	go run ./icons/winres -check redress.exe.partial
	mv redress.exe.partial redress.exe

# The Windows exe under Wine and Xvfb: the CLI round trip on C:\ paths,
# the Windows build of the file-handling tests, and the window with a
# dropdown opened by a click.
wine-smoke: windows
	bash scripts/wine-smoke.sh redress.exe

bench:
	go test -run '^$$' -bench . -benchmem ./...

screenshots: deps
	bash scripts/screenshots.sh
	bash scripts/screenshots-paralegal.sh

smoke: deps
	bash scripts/smoke.sh

race: deps
	go test -race -short -count=1 -timeout 20m $(RACE_PKGS)

dist: deps redress.exe
	bash scripts/dist.sh redress.exe
