#!/usr/bin/env bash
# Takes the screenshots in docs/screenshots/ from the real app under Xvfb:
# builds redress, fills a data folder with a realistic case through the CLI,
# opens each view in English and Chinese and captures the window.
# Needs: xvfb xdotool imagemagick (make deps installs them).
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
font=fonts/NotoSansSC_400Regular.ttf

# Two phone screenshots and a photo of a letter, drawn with the embedded font.
convert -size 1080x2340 xc:'#f4f6f8' -font "$font" -fill '#1f2d3d' -pointsize 64 \
  -annotate +80+220 'OKPay 钱包' -pointsize 52 -annotate +80+420 '充值 ¥1,280.00' \
  -fill '#e67e22' -annotate +80+540 '处理中 Processing' -fill '#5a6b7b' -pointsize 40 \
  -annotate +80+700 '交易号 TX20261120ABCDEF0123456789' -annotate +80+780 '2026-11-20 10:00:12' \
  "$work/topup.png"
convert -size 1080x2340 xc:white -font "$font" -fill '#1f2d3d' -pointsize 48 \
  -annotate +60+200 '在线客服 · 王小姐 #1024' -fill '#2c7be5' -annotate +60+420 '您好，您的充值正在处理，' \
  -annotate +60+500 '预计 24 小时内到账。' -fill '#1f2d3d' -annotate +60+700 '工单号 T-8899' "$work/chat.png"
convert -size 2480x1754 xc:'#fbfaf5' -font "$font" -fill black -pointsize 60 \
  -annotate +160+300 'OKPay Complaints Team' -annotate +160+420 'Re: top-up of 1,280.00 CNY not credited' "$work/letter.png"

seed() { # lang title
  local d="$work/data-$1" id
  id=$("$bin" --data "$d" case new --title "$2" --provider OKPay --problem topup-not-credited --jurisdiction CN \
    --amount 1280.00 --currency CNY --incident 2026-11-20 --account 6222020202020202 --name 张三 \
    --contact zhangsan@example.com --remedy "补发 1280 元充值并书面说明原因" --lang "$1")
  "$bin" --data "$d" event add "$id" --kind note --summary "$3" --at 2026-11-20T09:50:00+08:00 --tag self-check >/dev/null
  "$bin" --data "$d" event add "$id" --kind transaction --txid TX20261120ABCDEF0123456789 --amount 1280 --currency CNY \
    --direction out --status 处理中 --at 2026-11-20T10:00:12+08:00 >/dev/null
  "$bin" --data "$d" attach "$id" "$work/topup.png" --caption "$4" --at 2026-11-20T10:02:00+08:00 >/dev/null
  "$bin" --data "$d" event add "$id" --kind contact --channel chat --agent "王小姐 #1024" --ref T-8899 \
    --summary "$5" --promise "24小时内到账" --promise-by 2026-11-21T10:30:00+08:00 --at 2026-11-20T10:30:00+08:00 >/dev/null
  "$bin" --data "$d" attach "$id" "$work/chat.png" --caption "$6" --at 2026-11-20T10:41:00+08:00 >/dev/null
  "$bin" --data "$d" event add "$id" --kind contact --channel phone --agent "Li Wei" --ref T-8899 --duration 14m \
    --summary "$7" --at 2026-11-21T15:10:00+08:00 >/dev/null
  "$bin" --data "$d" event add "$id" --kind letter --to provider --method email --ref COMPLAINT-20261122 \
    --summary "$8" --at 2026-11-22T09:00:00+08:00 >/dev/null
  "$bin" --data "$d" attach "$id" "$work/letter.png" --caption "$9" --at 2026-11-22T09:05:00+08:00 >/dev/null
  "$bin" --data "$d" case new --title "${10}" --provider PayNow --problem withdrawal-delayed --jurisdiction UK \
    --amount 450.00 --currency GBP --incident 2026-11-15 >/dev/null
  echo "$id"
}
en_id=$(seed en "OKPay top-up of 1,280 CNY not credited" "Self-check: balance, account number and maintenance notices all fine" \
  "Top-up confirmation: still processing" "Agent says the top-up is processing and will arrive within 24 hours" \
  "Chat transcript with agent 1024" "Called the hotline: promise broken, asked for escalation to a senior agent" \
  "Formal complaint asking for a written final response" "Copy of the complaint letter" "PayNow withdrawal stuck for five days")
zh_id=$(seed zh "OKPay 充值 1280 元未到账" "自查：余额、账号和维护公告均无问题" "充值确认页面：仍在处理中" \
  "客服说充值正在处理，24 小时内到账" "与 1024 号客服的聊天记录" "致电客服热线：承诺未兑现，要求升级至高级客服" \
  "正式投诉，要求书面最终答复" "投诉信副本" "PayNow 提现五天未到账")

# Xvfb picks a free display itself and writes its number to fd 3.
Xvfb -displayfd 3 -screen 0 1440x900x24 -nolisten tcp 3>"$work/display" >/dev/null 2>&1 &
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
export DISPLAY=:$(cat "$work/display")
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" LANG=en_US.UTF-8
mkdir -p "$HOME"
for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
tz() { [ "$1" = zh ] && echo Asia/Shanghai || echo Europe/London; }
# shot LANG DATA CASE SHOW NAME: the main window (or the viewer window) at
# each size, saved as NAME-LANG-WxH.png (NAME-LANG.png at 1440×900).
sizes="1440x900 1024x700 800x600"
shot() {
  local l=$1 d=$2 c=$3 show=$4 name=$5 size w h win pid file v
  for size in $sizes; do
    w=${size%x*}; h=${size#*x}
    TZ=$(tz "$l") REDRESS_LANG=$l "$bin" --data "$d" gui ${c:+--case "$c"} ${show:+--show "$show"} >/dev/null 2>&1 &
    pid=$!
    win=$(timeout 30 xdotool search --sync --onlyvisible --name "Redress|维权档案" | head -1 || true)
    xdotool windowsize "$win" "$w" "$h"
    if [ "$show" = viewer ]; then
      v=""
      for _ in $(seq 100); do v=$(xdotool search --onlyvisible --name "\.png" 2>/dev/null | head -1 || true); [ -n "$v" ] && break; sleep 0.1; done
      xdotool windowsize "$v" "$w" "$h"; xdotool windowraise "$v"
    fi
    sleep 3
    file="$dir/$name-$l-$size.png"; [ "$size" = 1440x900 ] && file="$dir/$name-$l.png"
    import -window root -crop "${size}+0+0" +repage "$file"
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
}
dir=$out
for l in en zh; do
  d="$work/data-$l"; id=$en_id; [ $l = zh ] && id=$zh_id
  shot $l "$work/empty-$l" "" "" first-run
  shot $l "$d" "" "" case-list
  shot $l "$d" "$id" "" case-view
  shot $l "$d" "$id" call call-mode
  shot $l "$d" "$id" new-case new-case
  shot $l "$d" "$id" contact add-contact
  shot $l "$d" "$id" dossier dossier-dialog
  shot $l "$d" "$id" settings settings
  shot $l "$d" "$id" viewer attachment-viewer
  shot $l "$d" "$id" rights status-rights
  shot $l "$d" "$id" post post-draft
done
# Dossier pages: cover, letter, chronology, exhibit index and an exhibit.
for l in en zh; do
  d="$work/data-$l"; id=$en_id; [ $l = zh ] && id=$zh_id
  REDRESS_LANG=$l "$bin" --data "$d" dossier "$id" --to provider --lang $l -o "$work/dossier-$l.pdf" >/dev/null
  pdftoppm -png -r 60 -f 1 -l 6 "$work/dossier-$l.pdf" "$work/page-$l"
  convert "$work"/page-$l-1.png "$work"/page-$l-2.png "$work"/page-$l-3.png +append "$out/dossier-$l-1.png"
  pages=$(ls "$work"/page-$l-*.png | sort -V | tail -3)
  convert $pages +append "$out/dossier-$l-2.png"
done
bash scripts/screenshots-capture.sh
echo "screenshots in $out"
