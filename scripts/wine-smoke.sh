#!/usr/bin/env bash
# Windows smoke test: the cross-built redress.exe under Wine and Xvfb.
#
#   scripts/wine-smoke.sh redress.exe        (make wine-smoke builds it first)
#
# 1. A fresh Wine prefix in a temporary folder (wineboot -i), plus a
#    bcryptprimitives.dll shim compiled from scripts/wine/ (Go >= 1.24 needs
#    ProcessPrng, which Debian's Wine 8 lacks) and two helpers from there:
#    one holds a file open like a PDF viewer, one is registered as the .pdf
#    handler and records what it was asked to open. Test scaffolding only.
# 2. The command-line contract on C:\ paths with backslashes, spaces and
#    Chinese text: case new, event add, attach, timeline, search, dossier,
#    export, import, verify, verify-log, backup, restore; Windows rules
#    (device names, trailing dots, case-insensitive and forward-slash paths,
#    a path longer than 260 characters, a dossier open in a viewer, a
#    database in use by the app, attachment names Windows reserves coming
#    from a Linux archive) and dossier --open through ShellExecute.
# 3. The desktop window: it appears, a real click (xdotool) opens the "New
#    case" form and another opens its Problem dropdown; the app must still
#    be running and the dropdown's list be on screen; Ctrl+Q ends it with 0.
# Screenshots of step 3 go to shots/wine-*.png.
set -euo pipefail
cd "$(dirname "$0")/.."
exe=$(realpath "${1:-redress.exe}")
work=$(mktemp -d "${TMPDIR:-/tmp}/redress-wine.XXXXXX")
export WINEPREFIX="$work/prefix" WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
cleanup() {
  [ -n "${app:-}" ] && kill "$app" 2>/dev/null
  wineserver -k 2>/dev/null || true
  [ -n "${xvfb:-}" ] && kill "$xvfb" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
start=$SECONDS
failures=0
fail() { echo "wine-smoke: FAIL: $*" >&2; failures=$((failures + 1)); }

# --- 1. Xvfb and the prefix --------------------------------------------------
Xvfb -displayfd 3 -screen 0 1280x860x24 3>"$work/display" >/dev/null 2>&1 &
xvfb=$!
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
export DISPLAY=:$(cat "$work/display")
wineboot -i >"$work/wineboot.log" 2>&1 || { cat "$work/wineboot.log" >&2; exit 1; }
wineserver -w
sys32="$WINEPREFIX/drive_c/windows/system32"
x86_64-w64-mingw32-gcc -O2 -shared -s -o "$sys32/bcryptprimitives.dll" \
  scripts/wine/bcryptprimitives.c scripts/wine/bcryptprimitives.def -ladvapi32
x86_64-w64-mingw32-gcc -O2 -municode -s -o "$work/holdopen.exe" scripts/wine/holdopen.c
# .pdf files open with a recorder of what it was asked to open.
x86_64-w64-mingw32-gcc -O2 -municode -s -o "$WINEPREFIX/drive_c/recordopen.exe" scripts/wine/recordopen.c
wine reg add 'HKCR\.pdf' /ve /d RedressTestPDF /f >/dev/null 2>&1
wine reg add 'HKCR\RedressTestPDF\shell\open\command' /ve /d '"C:\recordopen.exe" "%1"' /f >/dev/null 2>&1
C="$WINEPREFIX/drive_c"
go build -o "$work/redress-linux" . # makes an archive with names Windows cannot have
echo "wine-smoke: prefix ready in $((SECONDS - start)) s"
set +e # from here on every check runs and failures are counted

# --- 2. The command line -----------------------------------------------------
DATA='C:\Users\Public\Redress 数据'
# w runs redress.exe; stdout (CR removed) in $out, stderr in $err, exit code in $code.
w() {
  code=0
  REDRESS_LANG=en wine "$exe" "$@" >"$work/out" 2>"$work/err" || code=$?
  out=$(tr -d '\r' <"$work/out"); err=$(tr -d '\r' <"$work/err")
}
# ok DESCRIPTION ARGS...: the command must exit 0 with nothing on stderr.
ok() {
  local what=$1; shift
  w "$@"
  if [ "$code" -ne 0 ] || [ -n "$err" ]; then fail "$what: exit $code, stderr: $err"; return 1; fi
}
# refuses DESCRIPTION CODE PATTERN ARGS...: exit CODE, one stderr line matching PATTERN.
refuses() {
  local what=$1 want=$2 pattern=$3; shift 3
  w "$@"
  if [ "$code" -ne "$want" ]; then fail "$what: exit $code, want $want (stderr: $err)"; return 1; fi
  if ! grep -qE -- "$pattern" <<<"$err"; then fail "$what: stderr '$err' does not match '$pattern'"; return 1; fi
  if [ "$(wc -l <<<"$err")" -ne 1 ]; then fail "$what: stderr is not one line: $err"; fi
}
partials() { compgen -G "$1/*.partial" >/dev/null; } # a half-written file is left in $1
has() { # has DESCRIPTION TEXT: $out contains TEXT
  grep -qF -- "$2" <<<"$out" || fail "$1: output lacks '$2': $out"
}

mkdir -p "$C/fixtures" "$C/out"
convert -size 320x200 xc:'#3a7bd5' -fill white -draw 'rectangle 20,20 300,60' "$C/fixtures/topup.png"
printf 'Chat transcript\r\nAgent: it will arrive within 24 hours.\r\n' >"$C/fixtures/chat.txt"

ok "version" version && has "version" "redress "
ok "case new" --data "$DATA" case new --title "OKPay 充值未到账" --provider OKPay --problem topup-not-credited \
  --jurisdiction CN --amount 1280.00 --currency CNY --incident 2026-11-20 --name "张三" --lang zh
id=$out
[[ "$id" =~ ^[0-9a-f-]{36}$ ]] || { fail "case new printed '$id', want an ID"; exit 1; }
[ -f "$C/users/Public/Redress 数据/redress.db" ] || fail "case new: no redress.db in the C:\\ data folder"
ok "event add" --data "$DATA" event add "${id:0:8}" --kind contact --channel chat --agent "王小姐 #1024" \
  --ref T-8899 --summary "客服说 24 小时内到账" --at 2026-11-20T10:30:00+08:00
ok "attach" --data "$DATA" attach "${id:0:8}" 'C:\fixtures\topup.png' 'C:/fixtures/chat.txt' --caption "充值确认页面"
# A file another program holds exclusively cannot be read: one sentence, nothing stored.
wine "$work/holdopen.exe" 'C:\fixtures\topup.png' exclusive >"$work/hold.out" 2>&1 &
holder=$!
for _ in $(seq 100); do grep -q open "$work/hold.out" 2>/dev/null && break; sleep 0.1; done
refuses "attach a file held exclusively" 1 'open in another program' --data "$DATA" attach "${id:0:8}" 'C:\fixtures\topup.png'
kill "$holder" 2>/dev/null; wait "$holder" 2>/dev/null
ok "timeline" --data "$DATA" timeline "${id:0:8}" && has "timeline" "王小姐 #1024" && has "timeline" "2 file(s)"
ok "timeline --json" --data "$DATA" timeline "${id:0:8}" --json && has "timeline --json" '"name": "topup.png"' &&
  has "timeline --json" '"name": "chat.txt"'
ok "search" --data "$DATA" search 到账 && has "search" "${id:0:8}"
# The same folder named with other case and with forward slashes is the same folder.
ok "case-insensitive path" --data 'c:\USERS\public\REDRESS 数据' case list && has "case-insensitive path" "OKPay"
ok "forward slashes" --data 'C:/Users/Public/Redress 数据' case show "${id:0:8}" && has "forward slashes" "OKPay"

ok "dossier" --data "$DATA" dossier "${id:0:8}" --to provider -o 'C:\out\投诉 dossier.pdf' && has "dossier" "SHA-256"
pdf="$C/out/投诉 dossier.pdf"
if [ -f "$pdf" ]; then
  qpdf --check "$pdf" >/dev/null || fail "dossier: qpdf --check fails"
  text=$(pdftotext -raw "$pdf" -)
  grep -qF "王小姐" <<<"$text" || fail "dossier: the PDF lacks the agent's name"
  partials "$C/out" && fail "dossier: a .partial file was left"
else
  fail "dossier: no PDF at C:\\out"
fi
ok "verify dossier" --data "$DATA" verify 'C:\out\投诉 dossier.pdf'
# --open goes through ShellExecute and the prefix's .pdf handler.
ok "dossier --open" --data "$DATA" dossier "${id:0:8}" -o 'C:\out\打开 me.pdf' --open
for _ in $(seq 100); do [ -s "$C/opened.txt" ] && break; sleep 0.1; done
[ "$(cat "$C/opened.txt" 2>/dev/null)" = 'C:\out\打开 me.pdf' ] ||
  fail "dossier --open: the PDF handler got '$(cat "$C/opened.txt" 2>/dev/null)', want C:\out\打开 me.pdf"
# A dossier is never replaced (it may be the copy that was sent), also
# while it is open in a viewer: one sentence says so and the open file
# stays as it was.
before=$(sha256sum <"$pdf")
wine "$work/holdopen.exe" 'C:\out\投诉 dossier.pdf' >"$work/hold.out" 2>&1 &
holder=$!
for _ in $(seq 100); do grep -q open "$work/hold.out" 2>/dev/null && break; sleep 0.1; done
refuses "dossier over a file open in a viewer" 1 'already exists' \
  --data "$DATA" dossier "${id:0:8}" -o 'C:\out\投诉 dossier.pdf'
[ "$(sha256sum <"$pdf")" = "$before" ] || fail "dossier over an open file: the open file changed"
partials "$C/out" && fail "dossier over an open file: a .partial file was left"
kill "$holder" 2>/dev/null; wait "$holder" 2>/dev/null
# Names Windows cannot keep: a device name (NUL.pdf would be written into
# nothing) and a trailing dot (silently dropped) are refused up front.
refuses "dossier to a device name" 1 'device name' --data "$DATA" dossier "${id:0:8}" -o 'C:\out\NUL.pdf'
refuses "dossier with a trailing dot" 1 'dot or a space' --data "$DATA" dossier "${id:0:8}" -o 'C:\out\dossier.'
[ -e "$C/out/dossier" ] && fail "dossier with a trailing dot: a file without the dot was written"
ok "export" --data "$DATA" export "${id:0:8}" -o 'C:\out\case.zip' --dossiers
ok "verify archive" --data "$DATA" verify 'C:\out\case.zip'
ok "import as copy" --data "$DATA" import 'C:\out\case.zip' --as-copy
[[ "$out" =~ ^[0-9a-f-]{36}$ && "$out" != "$id" ]] || fail "import --as-copy printed '$out', want a new ID"
ok "import into another folder" --data 'C:\other data' import 'C:\out\case.zip' && [ "$out" = "$id" ] ||
  fail "import into another folder printed '$out', want $id"
ok "timeline of the import" --data 'C:\other data' timeline "${id:0:8}" && has "timeline of the import" "王小姐 #1024"
# The archive made on Windows imports on Linux, with the same case ID.
lin_out=$("$work/redress-linux" --data "$work/from-windows" import "$C/out/case.zip" 2>&1)
[ "$lin_out" = "$id" ] || fail "Linux import of the Windows archive: '$lin_out', want $id"
"$work/redress-linux" --data "$work/from-windows" verify-log >/dev/null 2>&1 || fail "Linux verify-log after importing the Windows archive"
ok "verify-log" --data "$DATA" verify-log
ok "verify-log of the import" --data 'C:\other data' verify-log

# Attachment names that Windows cannot use as file names are only
# metadata: an archive made on Linux with them imports and renders here.
linux_data="$work/linux-data"
mkdir -p "$work/odd"
cp "$C/fixtures/topup.png" "$work/odd/CON.png"
cp "$C/fixtures/topup.png" "$work/odd/receipt. "
cp "$C/fixtures/chat.txt" "$work/odd/aux.txt"
lid=$("$work/redress-linux" --data "$linux_data" case new --title "Frozen account" --provider PayCo \
  --problem account-frozen --jurisdiction UK 2>&1) || fail "linux case new: $lid"
"$work/redress-linux" --data "$linux_data" attach "${lid:0:8}" "$work/odd/CON.png" "$work/odd/receipt. " "$work/odd/aux.txt" >/dev/null ||
  fail "linux attach of odd names"
"$work/redress-linux" --data "$linux_data" export "${lid:0:8}" -o "$C/out/odd names.zip" >/dev/null || fail "linux export"
ok "import names Windows reserves" --data "$DATA" import 'C:\out\odd names.zip'
ok "timeline with reserved names" --data "$DATA" timeline "${lid:0:8}" --json &&
  has "timeline with reserved names" '"name": "CON.png"' && has "timeline with reserved names" '"name": "receipt. "' &&
  has "timeline with reserved names" '"name": "aux.txt"'
ok "dossier with reserved names" --data "$DATA" dossier "${lid:0:8}" -o 'C:\out\odd.pdf'
ok "export with reserved names" --data "$DATA" export "${lid:0:8}" -o 'C:\out\odd again.zip'

# A data folder whose path is longer than Windows' classic 260 characters.
long='C:\Users\Public'
for _ in 1 2 3 4 5; do long+='\a-folder-name-that-is-fifty-characters-long-0123456'; done
if ok "case new in a long path (${#long} characters)" --data "$long" case new --title "Long path" --provider P \
  --problem other --jurisdiction EU; then
  lp=$out
  ok "attach in a long path" --data "$long" attach "${lp:0:8}" 'C:\fixtures\topup.png'
  ok "backup in a long path" --data "$long" backup -o "$long"'\backup.db'
fi

# Backup and restore on Windows paths.
ok "backup" --data "$DATA" backup -o 'C:\Users\Public\backup 1.db' && [ -f "$C/users/Public/backup 1.db" ] ||
  fail "backup: no file"
partials "$C/users/Public" && fail "backup: a .partial file was left"
refuses "backup over an existing file" 1 'already exists' --data "$DATA" backup -o 'C:\Users\Public\backup 1.db'
refuses "backup to a device name" 1 'device name' --data "$DATA" backup -o 'C:\Users\Public\com1.db'
ok "event after the backup" --data "$DATA" event add "${id:0:8}" --kind note --summary "after the backup"
ok "restore" --data "$DATA" restore 'C:\Users\Public\backup 1.db'
ok "timeline after restore" --data "$DATA" timeline "${id:0:8}"
grep -qF "after the backup" <<<"$out" && fail "restore: the event added after the backup is still there"
has "timeline after restore" "王小姐 #1024"
# The replaced database is kept somewhere in the data folder (not only the
# live database and the daily backups).
kept=$(find "$C/users/Public/Redress 数据" -type f ! -name redress.db ! -name redress.db-wal ! -name redress.db-shm \
  ! -path '*/backups/redress-*.db' | head -1)
[ -n "$kept" ] || fail "restore: the replaced database was not kept aside"
ok "verify-log after restore" --data "$DATA" verify-log
echo "wine-smoke: command line checked in $((SECONDS - start)) s"

# --- 3. The desktop window -----------------------------------------------------
mkdir -p shots
REDRESS_LANG=en wine "$exe" --data 'C:\Users\Public\GUI data' >"$work/app.log" 2>&1 &
app=$!
win=
for _ in $(seq 180); do # a window that comes and goes can make one xdotool call fail: ask again
  win=$(xdotool search --onlyvisible --name '^Redress' 2>/dev/null | head -1) && [ -n "$win" ] && break
  sleep 0.5
done
if [ -z "$win" ]; then
  fail "the window did not appear"; cat "$work/app.log" >&2
else
  sleep 2
  # While the app has the database open, a restore must fail cleanly:
  # Windows cannot move a file that another program has open.
  refuses "restore while the app is open" 1 '.' --data 'C:\Users\Public\GUI data' restore 'C:\Users\Public\backup 1.db'
  [ -f "$C/users/Public/GUI data/redress.db" ] || fail "restore while open: redress.db is gone"
  eval "$(xdotool getwindowgeometry --shell "$win")" # X, Y: the window's top left
  import -window root shots/wine-window.png
  # Positions in the window (1200x780 at 100%): "New case" at the top of
  # the case list; the Problem dropdown in the New case form.
  xdotool mousemove $((X + 331)) $((Y + 51)) click 1
  sleep 2
  import -window root shots/wine-form.png
  xdotool mousemove $((X + 656)) $((Y + 236)) click 1
  sleep 2
  import -window root shots/wine-dropdown.png
  if ! kill -0 "$app" 2>/dev/null; then
    fail "the app ended when the dropdown was clicked:"; grep -m3 -E 'panic|error' "$work/app.log" >&2 || true
  else
    # The dropdown's list covers the fields below it: that part of the
    # screen must have changed.
    region=400x150+$((X + 430))+$((Y + 270))
    convert shots/wine-form.png -crop "$region" +repage "$work/before.png"
    convert shots/wine-dropdown.png -crop "$region" +repage "$work/after.png"
    changed=$(compare -metric AE "$work/before.png" "$work/after.png" null: 2>&1 || true)
    [ "${changed%% *}" -gt 2000 ] 2>/dev/null || fail "the dropdown did not open (only ${changed} pixels changed);" \
      "if the window's layout changed, update the two click positions above from shots/wine-window.png and shots/wine-form.png"
    xdotool key Escape; sleep 0.5 # the list
    xdotool key Escape; sleep 0.5 # the form
    for _ in $(seq 20); do
      kill -0 "$app" 2>/dev/null || break
      xdotool windowfocus "$win" 2>/dev/null || true
      xdotool key --window "$win" ctrl+q 2>/dev/null || true
      sleep 0.5
    done
    if kill -0 "$app" 2>/dev/null; then
      fail "the app did not end on Ctrl+Q"
    else
      wait "$app" && code=0 || code=$?
      app=
      [ "$code" -eq 0 ] || { fail "the app ended with $code"; tail -5 "$work/app.log" >&2; }
    fi
  fi
fi
echo "wine-smoke: window checked in $((SECONDS - start)) s"

if [ "$failures" -gt 0 ]; then
  echo "wine-smoke: $failures failed" >&2
  exit 1
fi
echo "wine-smoke: all passed in $((SECONDS - start)) s (screenshots in shots/wine-*.png)"
