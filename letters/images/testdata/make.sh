#!/bin/sh
# Regenerates the image fixtures the standard library cannot write.
# Needs ImageMagick 6 (convert) with PNG, JPEG and WebP support.
# Every fixture shows the same 64×48 pattern: red top-left, green top-right,
# blue bottom-left, white bottom-right (pattern.png).
set -eu
cd "$(dirname "$0")"
convert -size 64x48 xc:white \
	-fill red -draw "rectangle 0,0 31,23" \
	-fill lime -draw "rectangle 32,0 63,23" \
	-fill blue -draw "rectangle 0,24 31,47" \
	-strip pattern.png
# Interlaced (Adam7) PNG, 8-bit RGB, and 16-bit RGBA with half-transparent pixels.
convert pattern.png -strip -interlace PNG PNG24:interlaced.png
convert pattern.png -strip -alpha set -channel A -evaluate set 50% +channel \
	-depth 16 -interlace PNG PNG64:interlaced16.png
# Progressive JPEG.
convert pattern.png -strip -interlace JPEG -quality 95 progressive.jpg
# CMYK JPEG: libjpeg stores it as YCCK with an Adobe APP14 marker.
convert pattern.png -strip -colorspace CMYK -quality 95 cmyk.jpg
# WebP: lossy, lossless, lossy with alpha.
convert pattern.png -strip -quality 90 lossy.webp
convert pattern.png -strip -define webp:lossless=true lossless.webp
convert pattern.png -strip -alpha set -channel A -evaluate set 50% +channel -quality 90 alpha.webp
# JPEG chroma subsampling other than Go's 4:2:0: 4:4:4, 4:2:2, 4:4:0, 4:1:1.
convert pattern.png -strip -sampling-factor 1x1 -quality 95 s444.jpg
convert pattern.png -strip -sampling-factor 2x1 -quality 95 s422.jpg
convert pattern.png -strip -sampling-factor 1x2 -quality 95 s440.jpg
convert pattern.png -strip -sampling-factor 4x1 -quality 95 s411.jpg
