#!/usr/bin/env bash
# Runs every check and test of the CCHC Workbook, in the order CI runs them:
#
#   bash scripts/test.sh
#
# setup -> rustfmt -> clippy (native, wasm32) -> native tests -> browser tests (wasm-bindgen-test
# in headless Chromium) -> release build (Trunk + wasm-opt) -> bundle-size budget -> Playwright e2e.
# Each step is explained in docs/development.md, with the command to run it alone.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

[ -d "$HOME/.cargo/bin" ] && export PATH="$HOME/.cargo/bin:$PATH"
export PATH="$ROOT/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

START_ALL=$SECONDS
STEP_NAME=""
STEP_START=0
TIMINGS=()
finish_step() {
  if [ -n "$STEP_NAME" ]; then
    TIMINGS+=("$(printf '%5ds  %s' $((SECONDS - STEP_START)) "$STEP_NAME")")
  fi
}
step() {
  finish_step
  STEP_NAME="$1"
  STEP_START=$SECONDS
  printf '\n==== [%s] %s ====\n' "$(date +%H:%M:%S)" "$STEP_NAME"
}
report() {
  local rc=$?
  finish_step
  STEP_NAME=""
  printf '\n==== step timings ====\n'
  printf '%s\n' "${TIMINGS[@]}"
  printf '%5ds  total\n' $((SECONDS - START_ALL))
  if [ "$rc" -ne 0 ]; then
    printf '\n==== FAILED (exit %d) ====\n' "$rc"
  fi
}
trap report EXIT

step "setup (toolchain, npm, cargo fetch)"
bash scripts/setup.sh

step "cargo fmt --all -- --check"
cargo fmt --all -- --check

step "cargo clippy --workspace --all-targets (native)"
cargo clippy --workspace --all-targets -- -D warnings

step "cargo clippy -p cchc-workbook --all-targets (wasm32)"
cargo clippy --target wasm32-unknown-unknown -p cchc-workbook --all-targets -- -D warnings

step "cargo test --workspace (native)"
cargo test --workspace

step "cargo test -p cchc-workbook (wasm32, headless Chromium)"
cargo test -p cchc-workbook --target wasm32-unknown-unknown

step "release build (scripts/build-release.sh: Trunk, nightly build-std, wasm-opt)"
bash scripts/build-release.sh

step "bundle size (gzip -9 budget)"
bash scripts/bundle-size.sh dist

step "playwright e2e (dist served on 127.0.0.1:8089)"
playwright test -c e2e/playwright.config.mjs

finish_step
STEP_NAME=""
printf '\n==== all checks passed ====\n'
