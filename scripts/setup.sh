#!/usr/bin/env bash
# Installs (or checks) everything the CCHC Workbook needs to build and test, on a fresh
# Debian machine or an already prepared one. Idempotent: each step is guarded by a version
# check, so a re-run on a ready machine takes a few seconds. Fails loudly on any problem.
#
#   bash scripts/setup.sh
#
# Works as root without a TTY (CI). Network needed only for what is missing:
# rustup's dist server, crates.io, the npm registry and Debian's apt mirrors.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
[ -d "$HOME/.cargo/bin" ] && export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

for tool in cargo rustup node npm python3 gzip; do
  command -v "$tool" >/dev/null 2>&1 || die "'$tool' is not on PATH"
done

# --- versions, read from the files that pin them (never duplicated here) ---------------
WBG_VERSION="$(sed -nE \
  -e 's/^wasm-bindgen[[:space:]]*=[[:space:]]*"=([0-9][0-9.]*)".*/\1/p' \
  -e 's/^wasm-bindgen[[:space:]]*=[[:space:]]*\{.*version[[:space:]]*=[[:space:]]*"=([0-9][0-9.]*)".*/\1/p' \
  Cargo.toml | head -n1)"
[ -n "$WBG_VERSION" ] || die 'Cargo.toml must pin wasm-bindgen exactly: wasm-bindgen = "=X.Y.Z"'
TRUNK_WBG="$(sed -nE 's/^wasm_bindgen[[:space:]]*=[[:space:]]*"([^"]+)".*/\1/p' Trunk.toml | head -n1)"
[ "$TRUNK_WBG" = "$WBG_VERSION" ] \
  || die "Trunk.toml [tools] wasm_bindgen = \"$TRUNK_WBG\" but Cargo.toml pins wasm-bindgen =$WBG_VERSION"
WASM_OPT_WANTED="$(sed -nE 's/^wasm_opt[[:space:]]*=[[:space:]]*"([^"]+)".*/\1/p' Trunk.toml | head -n1)"
[ -n "$WASM_OPT_WANTED" ] || die 'Trunk.toml must set [tools] wasm_opt = "version_N"'

# --- Rust target --------------------------------------------------------------------------
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rust target wasm32-unknown-unknown: present"
else
  say "rust target wasm32-unknown-unknown: installing"
  rustup target add wasm32-unknown-unknown \
    || die "rustup could not add the wasm32-unknown-unknown target (is rustup's dist server reachable?)"
fi

# --- Trunk 0.21.x -------------------------------------------------------------------------
trunk_version() { trunk --version 2>/dev/null | awk '{print $2}'; }
if [[ "$(trunk_version)" == 0.21.* ]]; then
  say "trunk $(trunk_version): present"
else
  say "trunk 0.21.x: installing from crates.io (about 12 minutes on 2 cores)"
  cargo install trunk --version '~0.21' --locked || die "cargo install trunk failed"
  [[ "$(trunk_version)" == 0.21.* ]] || die "trunk --version is '$(trunk --version 2>&1)', expected 0.21.x"
fi

# --- wasm-bindgen-cli, same version as the wasm-bindgen crate ------------------------------
wbg_version() { wasm-bindgen --version 2>/dev/null | awk '{print $2}'; }
runner_version() { wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}'; }
if [ "$(wbg_version)" = "$WBG_VERSION" ] && [ "$(runner_version)" = "$WBG_VERSION" ]; then
  say "wasm-bindgen-cli $WBG_VERSION: present"
else
  say "wasm-bindgen-cli $WBG_VERSION: installing from crates.io (about 4 minutes)"
  cargo install wasm-bindgen-cli --version "$WBG_VERSION" --locked \
    || cargo install wasm-bindgen-cli --version "$WBG_VERSION" \
    || die "cargo install wasm-bindgen-cli $WBG_VERSION failed"
  [ "$(wbg_version)" = "$WBG_VERSION" ] \
    || die "wasm-bindgen --version is '$(wasm-bindgen --version 2>&1)', expected $WBG_VERSION"
fi

# --- Debian chromium + chromedriver (browser tests; never a downloaded browser) -------------
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  say "chromium + chromedriver: present"
else
  say "chromium + chromedriver: installing with apt-get"
  SUDO=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "need root (or sudo) to apt-get install chromium chromium-driver"
    SUDO=(sudo -n)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -q </dev/null || die "apt-get update failed"
  "${SUDO[@]}" apt-get install -y -q chromium chromium-driver </dev/null \
    || die "apt-get install chromium chromium-driver failed"
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] \
    || die "/usr/bin/chromium or /usr/bin/chromedriver still missing after apt-get"
fi

# --- npm devDependencies: binaryen (wasm-opt) and @playwright/test --------------------------
LOCK_SUM="$(sha256sum package-lock.json | cut -d' ' -f1)"
STAMP=node_modules/.cchc-lock.sha256
if [ -d node_modules ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$LOCK_SUM" ]; then
  say "node_modules: up to date with package-lock.json"
else
  say "node_modules: npm ci"
  # No lifecycle scripts are needed; Playwright never downloads a browser here.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --ignore-scripts </dev/null \
    || die "npm ci failed"
  printf '%s\n' "$LOCK_SUM" > "$STAMP"
fi
# `wasm-opt version 132 (version_132)` -> version_132, the form Trunk.toml uses
WASM_OPT_HAVE="$(node_modules/.bin/wasm-opt --version 2>/dev/null | sed -nE 's/^wasm-opt version ([0-9]+).*/version_\1/p')"
[ "$WASM_OPT_HAVE" = "$WASM_OPT_WANTED" ] \
  || die "node_modules/.bin/wasm-opt is '$WASM_OPT_HAVE', Trunk.toml wants $WASM_OPT_WANTED"
say "wasm-opt $WASM_OPT_HAVE (npm binaryen): present"

# --- nightly Rust with its source, for the size-optimised release build --------------------
# scripts/build-release.sh rebuilds the standard library with panics that abort at once and
# no panic locations (about 10 % smaller WebAssembly; see docs/development.md). That needs the
# machine's nightly toolchain and its rust-src component.
NIGHTLY="${CCHC_NIGHTLY:-nightly}"
if [ "${CCHC_STABLE_RELEASE:-}" = 1 ]; then
  say "nightly: skipped (CCHC_STABLE_RELEASE=1: the release is built with stable Rust)"
else
  rustup run "$NIGHTLY" rustc --version >/dev/null 2>&1 \
    || die "the '$NIGHTLY' Rust toolchain is missing: the release build needs it (or set CCHC_STABLE_RELEASE=1 for a larger stable build)"
  if rustup component list --toolchain "$NIGHTLY" --installed 2>/dev/null | grep -q '^rust-src'; then
    say "$NIGHTLY rust-src: present ($(rustup run "$NIGHTLY" rustc --version))"
  else
    say "$NIGHTLY rust-src: installing"
    rustup component add rust-src --toolchain "$NIGHTLY" \
      || die "rustup could not add rust-src to '$NIGHTLY' (is rustup's dist server reachable?)"
  fi
  say "cargo fetch (standard library sources' dependencies for build-std)"
  RUSTUP_TOOLCHAIN="$NIGHTLY" CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
    cargo fetch --quiet --target wasm32-unknown-unknown || die "cargo fetch for build-std failed"
fi

# --- crates, so that the offline Trunk build (cargo --offline) finds them -------------------
say "cargo fetch"
cargo fetch --quiet || die "cargo fetch failed"
grep -A1 -x 'name = "wasm-bindgen"' Cargo.lock | grep -qx "version = \"$WBG_VERSION\"" \
  || die "Cargo.lock does not resolve wasm-bindgen to $WBG_VERSION"

say "ready: trunk $(trunk_version), wasm-bindgen $WBG_VERSION, wasm-opt $WASM_OPT_HAVE, $(/usr/bin/chromium --version 2>/dev/null | tr -s ' ' | sed 's/ $//')"
