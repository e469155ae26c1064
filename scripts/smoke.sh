#!/usr/bin/env bash
# Real-window test (part of make test): the built redress binary runs under
# its own Xvfb and a new user's whole session is played with xdotool — every
# dropdown opened and chosen with the mouse, the date pickers, the menus,
# call mode, the file picker, the save and open dialogs, Create dossier for
# each recipient, Settings (language, theme, back up now, restore), the
# attachment viewer, archive and restore, About, quit, and a restart in the
# language chosen. After each step the app must be alive with no panic in
# its log, its window within the screen, and the screen or the data must
# show the step's effect. Further sessions, each with its own app and X
# server: lawui_test.go (Your rights, the post draft, I posted it, the body
# picker and the letter that names the body) and capture_test.go (a
# picture and text pasted from the X clipboard with xclip, a screenshot,
# emails imported through the picker) and leftovers_test.go (the recovery
# window, the save dialog over an existing file on a full disk, how a
# dossier was sent, Open with…, Check everything, the damaged-database
# banner) and paralegal_test.go (a representative's profile, a client and
# their case, form answers copied, a dossier on the client's behalf with an
# entry left out). Screenshots of every step are in shots/ (one folder per session).
# The test is internal/realwin (build tag realwin).
# Needs: xvfb xdotool x11-utils imagemagick xclip (make deps installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p shots
go vet -tags realwin ./internal/realwin/
# Every session must pass: the go test exit status decides, and any
# "--- FAIL" line in the log fails the run too.
status=0
go test -tags realwin -count=1 -timeout 15m -v ./internal/realwin/ >shots/realwin.log 2>&1 || status=$?
grep -E '^(=== RUN|--- |PASS|FAIL|ok|\s+[a-z]+_test.go:[0-9]+: (step|real-window|[a-z]+ session)|\s+(screenshot|app log))' shots/realwin.log || true
if [ "$status" -ne 0 ] || grep -q '^--- FAIL' shots/realwin.log; then
  echo "real-window test failed; its output:" >&2
  tail -80 shots/realwin.log >&2
  exit 1
fi
