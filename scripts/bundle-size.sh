#!/usr/bin/env bash
# Prints raw and gzip -9 sizes of what the browser downloads to start the app (the wasm, JS and
# CSS in dist/) and fails when the gzip total exceeds the budget.
#
#   bash scripts/bundle-size.sh [DIST_DIR]        (default: dist; run `trunk build --release` first)
#   BUNDLE_GZIP_LIMIT=512000                      budget in bytes (500 KiB; see README "Bundle size")
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIST="${1:-$ROOT/dist}"
LIMIT="${BUNDLE_GZIP_LIMIT:-512000}"

[ -d "$DIST" ] || { echo "[bundle-size] ERROR: $DIST does not exist; run trunk build --release first" >&2; exit 1; }

mapfile -t FILES < <(cd "$DIST" && find . -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' \) | sed 's#^\./##' | sort)
[ "${#FILES[@]}" -gt 0 ] || { echo "[bundle-size] ERROR: no .wasm/.js/.css in $DIST" >&2; exit 1; }
ls "$DIST"/*.wasm >/dev/null 2>&1 || { echo "[bundle-size] ERROR: no .wasm in $DIST" >&2; exit 1; }

raw_total=0
gz_total=0
printf '%-60s %12s %12s\n' file raw gzip-9
for f in "${FILES[@]}"; do
  raw=$(stat -c %s "$DIST/$f")
  gz=$(gzip -9 -c "$DIST/$f" | wc -c)
  raw_total=$((raw_total + raw))
  gz_total=$((gz_total + gz))
  printf '%-60s %12d %12d\n' "$f" "$raw" "$gz"
done
printf '%-60s %12d %12d\n' TOTAL "$raw_total" "$gz_total"

if [ "$gz_total" -gt "$LIMIT" ]; then
  echo "[bundle-size] FAIL: gzip total $gz_total bytes is over the budget of $LIMIT bytes" >&2
  exit 1
fi
echo "[bundle-size] OK: gzip total $gz_total bytes is within the budget of $LIMIT bytes"
