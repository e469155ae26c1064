# Redress. On a fresh Debian/Ubuntu machine with Go installed:
#   make run    start the desktop app (installs missing system packages)
#   make test   run every check and test
.PHONY: run test deps build vet bench screenshots smoke

run: deps
	go run .

test: deps
	@unformatted=$$(gofmt -l .); if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	go vet ./...
	go build ./...
	go test -count=1 -timeout 20m ./...
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
