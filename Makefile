# Redress. On a fresh Debian/Ubuntu machine with Go installed:
#   make run    start the desktop app (installs missing system packages)
#   make test   run every check and test
.PHONY: run test deps build vet bench screenshots smoke race

# The race detector runs on the packages where goroutines share memory in
# one process: the store (its bounded pool used from several goroutines),
# the app layer over it, and the dossier's parallel image preparation.
# -short keeps the multi-process kill loops small there: the race detector
# sees nothing across processes, and they run in full without -race above.
# Not yet ./ui/...: it has data races the UI rewrite removes (the async
# callbacks write UI state off the Fyne thread); add it when they are gone.
# letters/typeset has no goroutines, and its pathological-input test times
# itself, which the detector's 10x slowdown breaks. Measured cost:
# docs/PERFORMANCE.md ("The race detector").
RACE_PKGS = ./store/... ./app/... ./letters ./letters/images

run: deps
	go run .

test: deps
	@unformatted=$$(gofmt -l .); if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	go vet ./...
	go build ./...
	go test -count=1 -timeout 20m ./...
	go test -race -short -count=1 -timeout 20m $(RACE_PKGS)
	bash scripts/smoke.sh

deps:
	@bash scripts/deps.sh

build: deps
	go build -o redress .

bench:
	go test -run '^$$' -bench . -benchmem ./...

screenshots: deps
	bash scripts/screenshots.sh

smoke: deps
	bash scripts/smoke.sh

race: deps
	go test -race -short -count=1 -timeout 20m $(RACE_PKGS)
