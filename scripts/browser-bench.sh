#!/usr/bin/env bash
# Browser benchmark of the consolidation (issue 4): reading 126, 1.000 and 3.321 generated plan
# files and rolling them up, in headless Chromium, with the app's release profile.
#   bash scripts/browser-bench.sh
# Builds into $CARGO_TARGET_DIR if it is set (default: target/ of the repository).
# Needs what scripts/setup.sh installs (wasm32 target, wasm-bindgen-cli, Chromium, npm packages).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
[ -d "$HOME/.cargo/bin" ] && export PATH="$HOME/.cargo/bin:$PATH"

TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
OUT="$TARGET_DIR/browser-bench"
cargo build --release --target wasm32-unknown-unknown -p cchc-browser-bench
mkdir -p "$OUT"
wasm-bindgen --target web --no-typescript --out-dir "$OUT" \
  "$TARGET_DIR/wasm32-unknown-unknown/release/cchc_browser_bench.wasm"
cp "$ROOT/scripts/browser-bench/index.html" "$OUT/index.html"
node "$ROOT/scripts/browser-bench/run.mjs" "$OUT"
