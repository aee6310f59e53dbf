#!/usr/bin/env bash
# The release build: Trunk (offline) with wasm-opt -Oz, into dist/.
#
#   bash scripts/build-release.sh            (scripts/setup.sh must have run)
#
# By default the WebAssembly is built with the machine's nightly Rust, rebuilding the standard
# library so that a panic aborts at once and carries no message or location
# (-Cpanic=immediate-abort, -Zlocation-detail=none, -Zfmt-debug=none). The app never relies on
# panics (errors are values, shown to the user), and this keeps the bundle about 10 % smaller.
# CCHC_STABLE_RELEASE=1 builds with stable Rust instead (larger; the size budget may fail).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
[ -d "$HOME/.cargo/bin" ] && export PATH="$HOME/.cargo/bin:$PATH"
# Trunk must find wasm-opt 132 from npm binaryen first on PATH; never look for updates online.
export PATH="$ROOT/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

if [ "${CCHC_STABLE_RELEASE:-}" = 1 ]; then
  echo "[build-release] stable Rust"
  exec trunk build --release
fi

NIGHTLY="${CCHC_NIGHTLY:-nightly}"
echo "[build-release] $(rustup run "$NIGHTLY" rustc --version), std rebuilt with immediate abort"
# Target rustflags from .cargo/config.toml are replaced by RUSTFLAGS, so the Leptos cfg is
# repeated here. RUSTFLAGS only reach the wasm32 target: Trunk passes --target, so build
# scripts and proc macros are built normally.
export RUSTUP_TOOLCHAIN="$NIGHTLY"
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"
# A separate target directory keeps these artefacts from invalidating the stable ones.
export CARGO_TARGET_DIR="$ROOT/target/release-nightly"
exec trunk build --release
