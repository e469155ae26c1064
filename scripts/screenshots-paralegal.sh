#!/usr/bin/env bash
# Takes the screenshots of the paralegal views (issue 14) in docs/screenshots/
# from the real app under Xvfb, as scripts/screenshots.sh does for the main
# views: a profile, two clients with a case each (UK and China; the UK case
# is shown in English, the Chinese one in Chinese, and the form answers of
# both in both languages), then each view in English and Chinese at 1440×900, 1024×700 and
# 800×600, and pages of the PDFs (the letter of authority, a regulator
# dossier's form appendix).
# Needs: xvfb xdotool imagemagick poppler-utils (make deps installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
# The app runs below with its own HOME: keep Go's caches where they are, or
# every build would download and compile everything again.
export GOPATH="$(go env GOPATH)" GOCACHE="$(go env GOCACHE)" GOMODCACHE="$(go env GOMODCACHE)"
out=docs/screenshots
mkdir -p "$out"
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
go build -o "$work/redress" .
bin="$work/redress"

seed() { # DATA LANG: prints the case ID
  local d=$1 r="$bin --data $1" m w uk cn
  REDRESS_LANG=$2 $r profile set --name "Li Jing" --firm "Mingli Legal Services" --role paralegal \
    --address "88 Century Avenue, Pudong, Shanghai" --postcode 200120 --phone "021-5555 0101" --email lijing@example.cn \
    --reference ML-2026-014 >/dev/null
  m=$($r client new --name "Margaret Lee" --address "4 Mill Lane, Leeds" --postcode "LS1 4AB" --phone "07700 900123" \
    --email m.lee@example.co.uk --prefers post --reference ML-C-031)
  w=$($r client new --name 王小明 --phone 13812345678 --id-number 310101195803021234 --address 上海市浦东新区世纪大道100号 \
    --reference ML-C-032)
  uk=$($r case new --title "QuickPay withdrawal stuck" --provider QuickPay --problem withdrawal-delayed --jurisdiction UK \
    --amount 640 --currency GBP --incident 2026-10-02 --account QP-55120 --client "$m" --represented --product e-wallet \
    --provider-legal "QuickPay Payments Ltd" --remedy "Send the £640.00 to my client's bank account")
  cn=$($r case new --title "OKPay 充值 1280 元未到账" --provider OKPay --problem topup-not-credited --jurisdiction CN \
    --amount 1280 --currency CNY --incident 2026-11-20 --account OK-8812345 --client "$w" --represented --product e-wallet)
  for id in $uk $cn; do
    $r event add "$id" --kind contact --channel chat --agent "Agent 1024" --ref T-8899 \
      --summary "Agent said it is under review / 客服称正在审核" --at 2026-11-21T10:30:00+08:00 >/dev/null
    $r event add "$id" --kind letter --to provider --method email --ref COMPLAINT-20261122 \
      --summary "Formal complaint / 正式投诉" --at 2026-11-22T09:00:00+08:00 >/dev/null
    $r event add "$id" --kind note --summary "Client unsure about the dates / 客户对日期不确定" --at 2026-11-22T12:00:00+08:00 >/dev/null
  done
  if [ "$2" = zh ]; then echo "$cn $uk"; else echo "$uk $cn"; fi
}
read -r en_id en_other <<<"$(seed "$work/data-en" en)"
read -r zh_id zh_other <<<"$(seed "$work/data-zh" zh)"

Xvfb -displayfd 3 -screen 0 1440x900x24 -nolisten tcp 3>"$work/display" >/dev/null 2>&1 &
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
export DISPLAY=:$(cat "$work/display")
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" LANG=en_US.UTF-8
mkdir -p "$HOME"
for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
tz() { [ "$1" = zh ] && echo Asia/Shanghai || echo Europe/London; }
sizes="1440x900 1024x700 800x600"
shot() { # LANG DATA CASE SHOW NAME
  local l=$1 d=$2 c=$3 show=$4 name=$5 size w h win pid file
  for size in $sizes; do
    w=${size%x*}; h=${size#*x}
    TZ=$(tz "$l") REDRESS_LANG=$l "$bin" --data "$d" gui ${c:+--case "$c"} ${show:+--show "$show"} >/dev/null 2>&1 &
    pid=$!
    win=$(timeout 30 xdotool search --sync --onlyvisible --name "Redress|维权档案" | head -1 || true)
    xdotool windowsize "$win" "$w" "$h"
    # Once the view is open, size the window again, so a dialog opened
    # while the window was being resized is fitted to it.
    sleep 2; xdotool windowsize "$win" "$w" $((h - 1)); sleep 0.3; xdotool windowsize "$win" "$w" "$h"
    sleep 1.5
    file="$out/$name-$l-$size.png"; [ "$size" = 1440x900 ] && file="$out/$name-$l.png"
    import -window root -crop "${size}+0+0" +repage "$file"
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
}
for l in en zh; do
  d="$work/data-$l"; id=$en_id; [ $l = zh ] && id=$zh_id
  shot $l "$d" "" profile profile
  shot $l "$d" "$id" "" client-cases
  shot $l "$d" "" new-client new-client
  shot $l "$d" "$id" case-details case-details
  shot $l "$d" "$id" forms form-answers
  # The other client's form in the same language: FOS and 12315 are both
  # shown in English and in Chinese.
  other=$en_other other_form=12315; [ $l = zh ] && other=$zh_other other_form=fos
  shot $l "$d" "$other" forms "form-answers-$other_form"
  shot $l "$d" "$id" entries dossier-entries
  shot $l "$d" "$id" records records-request
  shot $l "$d" "$id" authority letter-of-authority
done
# The PDFs: the letter of authority, and the form appendix of a regulator
# dossier written on the client's behalf (its first pages, its last page).
for l in en zh; do
  d="$work/data-$l"; id=$en_id; [ $l = zh ] && id=$zh_id
  REDRESS_LANG=$l "$bin" --data "$d" authority "$id" --lang $l -o "$work/authority-$l.pdf" >/dev/null
  pdftoppm -png -r 60 -f 1 -l 1 "$work/authority-$l.pdf" "$work/auth-$l"
  cp "$work"/auth-$l-1.png "$out/authority-pdf-$l.png"
  REDRESS_LANG=$l "$bin" --data "$d" dossier "$id" --to regulator --lang $l -o "$work/regulator-$l.pdf" >/dev/null
  n=$(pdfinfo "$work/regulator-$l.pdf" | awk '/^Pages:/{print $2}')
  pdftoppm -png -r 60 -f 2 -l 2 "$work/regulator-$l.pdf" "$work/reg-$l-letter"
  pdftoppm -png -r 60 -f "$n" -l "$n" "$work/regulator-$l.pdf" "$work/reg-$l-appendix"
  convert "$work"/reg-$l-letter-*.png "$work"/reg-$l-appendix-*.png +append "$out/regulator-appendix-$l.png"
done
echo "paralegal screenshots in $out"
