#!/usr/bin/env bash
# Real-window smoke test: the built binary starts under Xvfb on a fresh data
# folder, its window appears, a screenshot is taken, and it exits cleanly
# when asked to quit (Ctrl+Q).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
cleanup() { kill "${app:-}" "${xvfb:-}" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
go build -o "$work/redress" .
# Xvfb picks a free display itself and writes its number to fd 3.
Xvfb -displayfd 3 -screen 0 1280x860x24 3>"$work/display" >/dev/null 2>&1 &
xvfb=$!
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
export DISPLAY=:$(cat "$work/display")
for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
REDRESS_LANG=en "$work/redress" --data "$work/data" gui >"$work/app.log" 2>&1 &
app=$!
if ! timeout 60 xdotool search --sync --onlyvisible --name "Redress" >/dev/null; then
  echo "smoke: the window did not appear" >&2; cat "$work/app.log" >&2; exit 1
fi
sleep 2
mkdir -p shots
import -window root shots/smoke.png
test -s shots/smoke.png || { echo "smoke: no screenshot" >&2; exit 1; }
test -f "$work/data/redress.db" || { echo "smoke: the data folder was not created" >&2; exit 1; }
# Ask to quit with Ctrl+Q, focusing each visible Redress window in turn
# (there is no window manager to do it), until the app has gone.
for _ in $(seq 20); do
  kill -0 "$app" 2>/dev/null || break
  for win in $(xdotool search --onlyvisible --name "Redress" 2>/dev/null); do
    xdotool windowfocus "$win" 2>/dev/null || true
    xdotool key --window "$win" ctrl+q 2>/dev/null || true
  done
  for _ in $(seq 10); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
done
if kill -0 "$app" 2>/dev/null; then
  echo "smoke: the app did not exit after Ctrl+Q" >&2; exit 1
fi
wait "$app" && code=0 || code=$?
if [ "$code" -ne 0 ]; then
  echo "smoke: the app exited with $code" >&2; cat "$work/app.log" >&2; exit 1
fi
echo "smoke: window appeared, screenshot in shots/smoke.png, clean exit"
