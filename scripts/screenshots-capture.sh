#!/usr/bin/env bash
# Screenshots of evidence in one step (docs/CAPTURE.md), in English and
# Chinese, at 1440×900, into docs/screenshots/: a picture pasted from the
# clipboard (paste-result-LANG.png), the result of an email import
# (email-import-LANG.png) and the file picker with its path field, folder
# shortcuts and thumbnails (file-picker-LANG.png). Called by
# scripts/screenshots.sh; runs alone too.
# Needs: xvfb xdotool imagemagick xclip (make deps installs them).
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

Xvfb -displayfd 3 -screen 0 1440x900x24 -nolisten tcp 3>"$work/display" >/dev/null 2>&1 &
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
export DISPLAY=:$(cat "$work/display") LANG=en_US.UTF-8
for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done

# The picture pasted: a phone screenshot of a stuck top-up.
convert -size 540x1170 xc:'#f4f6f8' -font "$font" -fill '#1f2d3d' -pointsize 40 \
  -annotate +40+120 'OKPay 钱包' -pointsize 34 -annotate +40+240 '充值 ¥1,280.00' \
  -fill '#e67e22' -annotate +40+320 '处理中 Processing' -fill '#5a6b7b' -pointsize 24 \
  -annotate +40+420 '交易号 TX20261120ABCDEF' "$work/clip.png"

# run LANG DATA CASE SHOW: the app at a case with a view open; leaves $pid.
run() {
  REDRESS_LANG=$1 "$bin" --data "$2" gui --case "$3" ${4:+--show "$4"} >/dev/null 2>&1 &
  pid=$!
  win=$(timeout 30 xdotool search --sync --onlyvisible --name "Redress|维权档案" | head -1)
  xdotool windowsize "$win" 1440 900
  sleep 3
}
shoot() { import -window root -crop 1440x900+0+0 +repage "$out/$1"; kill "$pid"; wait "$pid" 2>/dev/null || true; }

for l in en zh; do
  export HOME="$work/home-$l" XDG_CONFIG_HOME="$work/home-$l/.config"
  mkdir -p "$XDG_CONFIG_HOME"
  d="$work/data-$l"
  if [ $l = zh ]; then
    export TZ=Asia/Shanghai
    title="OKPay 充值 1280 元未到账"; pics="图片"; desk="桌面"; docs="文档"; down="下载"
    printf 'XDG_DESKTOP_DIR="$HOME/桌面"\nXDG_DOCUMENTS_DIR="$HOME/文档"\nXDG_DOWNLOAD_DIR="$HOME/下载"\nXDG_PICTURES_DIR="$HOME/图片"\n' >"$XDG_CONFIG_HOME/user-dirs.dirs"
  else
    export TZ=Europe/London
    title="OKPay top-up of 1,280 CNY not credited"; pics="Pictures"; desk="Desktop"; docs="Documents"; down="Downloads"
  fi
  mkdir -p "$HOME/$pics" "$HOME/$desk" "$HOME/$docs" "$HOME/$down" "$HOME/mail"
  id=$("$bin" --data "$d" case new --title "$title" --provider OKPay --problem topup-not-credited --jurisdiction CN \
    --amount 1280.00 --currency CNY --incident 2026-11-20 --name 李伟 --contact li.wei@example.cn)
  "$bin" --data "$d" event add "$id" --kind note --summary "Self-check" --at 2026-11-20T09:50:00+08:00 >/dev/null

  # Pasted: the picture on the clipboard, Paste.
  xclip -quiet -selection clipboard -t image/png -i "$work/clip.png" &
  clip=$!
  sleep 0.5
  run $l "$d" "$id" paste
  shoot paste-result-$l.png
  kill $clip 2>/dev/null || true

  # Emails: two messages and a mailbox, imported into the case.
  cp email/testdata/gbk-body.eml email/testdata/utf8-attachments.eml email/testdata/mailbox.mbox "$HOME/mail/"
  run $l "$d" "$id" "import-emails=$HOME/mail/gbk-body.eml:$HOME/mail/utf8-attachments.eml:$HOME/mail/mailbox.mbox"
  xdotool key ctrl+Return
  sleep 3
  shoot email-import-$l.png

  # The picker, opened where the pictures are (the last folder used).
  for i in 1 2 3; do cp "$work/clip.png" "$HOME/$pics/Screenshot_2026-11-20-10-0$i.png"; done
  convert "$work/clip.png" -rotate 90 "$HOME/$pics/chat-agent-1024.png"
  dd="$(cd "$d" && pwd)"
  mkdir -p "$XDG_CONFIG_HOME/fyne/io.github.redress.app"
  printf '{"last-folder:%s":"%s"}' "$dd" "$HOME/$pics" >"$XDG_CONFIG_HOME/fyne/io.github.redress.app/preferences.json"
  run $l "$d" "$id" add-files
  shoot file-picker-$l.png
done
echo "capture screenshots in $out"
