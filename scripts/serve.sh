#!/usr/bin/env bash
# Builds the release app and serves it locally:
#
#   bash scripts/serve.sh            -> http://127.0.0.1:8080/
#   PORT=9000 bash scripts/serve.sh  -> http://127.0.0.1:9000/
#
# dist/ is a plain static site: after the build, any static file server (or copying dist/ to a
# web server's folder) works the same way.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PORT="${PORT:-8080}"

bash scripts/setup.sh

[ -d "$HOME/.cargo/bin" ] && export PATH="$HOME/.cargo/bin:$PATH"
# Trunk must find wasm-opt 132 from npm binaryen first on PATH; never look for updates online.
export PATH="$ROOT/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

echo "[serve] release build"
bash scripts/build-release.sh

echo "[serve] Sổ kế hoạch CCHC: http://127.0.0.1:${PORT}/   (Ctrl+C to stop)"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory dist
