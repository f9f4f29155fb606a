#!/usr/bin/env bash
# Runs every fuzz target (or the TARGETs named) for SECONDS each (default 600) on its seeded
# corpus and prints, per target, the executions, the time it ran and its peak memory. Needs the nightly toolchain and cargo-fuzz
# (cargo install cargo-fuzz). A crash stops that target with its input in
# fuzz/artifacts/TARGET/: copy it into fuzz/regressions/read-FORMAT/ (or write-names/), fix
# the bug, and `cargo test` keeps checking it. Run from the repository's root.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
[ -d fuzz/corpus ] || bash fuzz/seed.sh
cargo +nightly fuzz build -O
targets=("$@")
[ ${#targets[@]} -gt 0 ] || mapfile -t targets < <(cargo +nightly fuzz list)
for target in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$target"
  cargo +nightly fuzz build -O "$target" 2> /dev/null
  # -rss_limit_mb: a run of one input may hold 1 GiB at most; -timeout: 10 s at most (of wall
  # time: a fuzzer starved of the processor by other work times out on inputs that are not slow).
  started=$SECONDS
  log=$(cargo +nightly fuzz run -O "$target" "fuzz/corpus/$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=1024 -timeout=10 -print_final_stats=1 2>&1)
  status=$?
  elapsed=$((SECONDS - started))
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' <<<"$log" | grep -o '[0-9]*$')
  rss=$(grep -o 'stat::peak_rss_mb: *[0-9]*' <<<"$log" | grep -o '[0-9]*$')
  echo "$target: ${runs:-?} executions in ${elapsed} s, peak ${rss:-?} MB, exit $status"
  [ $status -eq 0 ] || grep -E 'panicked|ERROR|SUMMARY|Test unit written' <<<"$log" | head -5
done
