#!/usr/bin/env bash
# Writes the picture fixtures of package photo with tools independent of
# the Go reader: ImageMagick draws 16×16 pictures, exiftool writes their
# EXIF and PNG tIME. Needs imagemagick (with HEIC and WebP support) and
# libimage-exiftool-perl. The expected values are asserted in
# ../photo_test.go. Run from this folder.
set -euo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# -strip and the excluded chunks keep ImageMagick's own dates out.
convert -size 16x16 xc:'#3366cc' -strip "$tmp/base.jpg"
convert -size 16x16 xc:'#3366cc' -strip -define png:exclude-chunks=date,time "$tmp/base.png"
convert -size 16x16 xc:'#3366cc' -strip "$tmp/base.webp"
convert -size 16x16 xc:'#3366cc' -strip "$tmp/base.heic"
x() { # x OUT BASE TAG=VALUE...
  local out=$1 base=$2; shift 2
  cp "$tmp/base.$base" "$out"
  exiftool -q -q -overwrite_original "$@" "$out"
}
x jpeg-offset.jpg jpg -DateTimeOriginal='2025:11:25 10:30:00' -OffsetTimeOriginal='+08:00' -SubSecTimeOriginal=125 -ModifyDate='2025:11:26 08:00:00'
x jpeg-no-offset.jpg jpg -DateTimeOriginal='2025:11:25 10:30:00'
x jpeg-little-endian.jpg jpg -ExifByteOrder=II -DateTimeOriginal='2024:02:29 23:59:59' -OffsetTimeOriginal='-05:00'
x jpeg-digitized.jpg jpg -EXIF:CreateDate='2025:06:01 07:15:00' -OffsetTimeDigitized='+05:30'
x jpeg-datetime.jpg jpg -ModifyDate='2025:01:02 03:04:05' -OffsetTime='+01:00'
x jpeg-zero-original.jpg jpg -DateTimeOriginal#='0000:00:00 00:00:00' -ModifyDate='2025:01:02 03:04:05'
x jpeg-1980.jpg jpg -DateTimeOriginal='1980:01:01 00:00:00'
x jpeg-future.jpg jpg -DateTimeOriginal='2031:01:01 00:00:00' -OffsetTimeOriginal='+00:00'
cp "$tmp/base.jpg" jpeg-plain.jpg
x png-time.png png -PNG:ModifyDate='2025:11:25 02:30:00'
x png-exif.png png -DateTimeOriginal='2025:11:25 10:30:00' -OffsetTimeOriginal='+08:00'
x png-exif-time.png png -DateTimeOriginal='2025:11:25 10:30:00' -PNG:ModifyDate='2025:12:01 00:00:00'
x png-datetime-time.png png -EXIF:ModifyDate='2025:12:01 09:00:00' -PNG:ModifyDate='2025:11:25 02:30:00'
x webp-exif.webp webp -DateTimeOriginal='2025:11:25 10:30:00' -OffsetTimeOriginal='+08:00'
x heic-exif.heic heic -DateTimeOriginal='2025:11:25 10:30:00' -OffsetTimeOriginal='+09:00'
printf 'not a picture at all\n' > garbage.bin
