#!/usr/bin/env bash
# Screenshot a URL or file with headless Chromium: tools/screenshot.sh URL OUT.png [WIDTHxHEIGHT]
set -euo pipefail
size=${3:-1280x900}
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$(mktemp -d)" --hide-scrollbars --window-size="${size/x/,}" \
  --screenshot="$2" "$1" 2>/dev/null
