#!/usr/bin/env bash
# Real-window test (part of make test): the built redress binary runs under
# its own Xvfb and a new user's whole session is played with xdotool — every
# dropdown opened and chosen with the mouse, the date pickers, the menus,
# call mode, the file picker, the save and open dialogs, Create dossier for
# each recipient, Settings (language, theme, back up now, restore), the
# attachment viewer, archive and restore, About, quit, and a restart in the
# language chosen. After each step the app must be alive with no panic in
# its log, its window within the screen, and the screen or the data must
# show the step's effect. Screenshots of every step: shots/realwin/.
# The test is internal/realwin (build tag realwin).
# Needs: xvfb xdotool x11-utils imagemagick (make deps installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p shots
go vet -tags realwin ./internal/realwin/
go test -tags realwin -count=1 -timeout 15m -v ./internal/realwin/ 2>&1 | tee shots/realwin.log | grep -E '^(=== RUN|--- |PASS|FAIL|ok|\s+[a-z]+_test.go:[0-9]+: (step|real-window)|\s+(screenshot|app log))' || true
# Every real-window test must pass (each area adds its own), not only the main one.
if ! grep -q '^--- PASS: TestRealWindow$\|^--- PASS: TestRealWindow ' shots/realwin.log || grep -q '^--- FAIL' shots/realwin.log; then
  echo "real-window test failed; its output:" >&2
  tail -80 shots/realwin.log >&2
  exit 1
fi
