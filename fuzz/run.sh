#!/usr/bin/env bash
# Fuzzes the plan-file import (`cchc_domain::file::import_bytes`) with cargo-fuzz/libFuzzer.
#
#   bash fuzz/run.sh                      # 620 s, as recorded in docs/development.md
#   FUZZ_SECONDS=60 bash fuzz/run.sh      # a shorter run
#   bash fuzz/run.sh -runs=1000           # extra arguments go to libFuzzer
#
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz --locked`). The corpus
# is seeded at run time from tests/fixtures/{valid,invalid}/ and the committed seeds in
# fuzz/seeds/; what libFuzzer adds stays in fuzz/corpus/ (ignored by git). Crashes land in
# fuzz/artifacts/import_bytes/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT/fuzz"
[ -d "$HOME/.cargo/bin" ] && export PATH="$HOME/.cargo/bin:$PATH"

CORPUS=corpus/import_bytes
mkdir -p "$CORPUS" artifacts/import_bytes
for f in "$ROOT"/tests/fixtures/valid/* "$ROOT"/tests/fixtures/invalid/* seeds/*; do
  [ -f "$f" ] || continue
  # The fixtures over the length limit (a 20 MB file) teach the fuzzer nothing.
  [ "$(stat -c %s "$f")" -le 65536 ] || continue
  cp "$f" "$CORPUS/seed-$(basename "$f")"
done

exec cargo +nightly fuzz run import_bytes "$CORPUS" -- \
  -max_len=65536 \
  -dict=import.dict \
  -max_total_time="${FUZZ_SECONDS:-620}" \
  -timeout=10 \
  -rss_limit_mb=2048 \
  -print_final_stats=1 \
  "$@"
