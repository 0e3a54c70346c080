#!/usr/bin/env bash
# `make fuzz`: builds the libFuzzer harnesses of fuzz/Sources (PDA_FUZZ=1 adds them to
# Package.swift; -sanitize=fuzzer,address; scratch path .build-fuzz, never .build) and runs each
# for FUZZ_SECONDS (60 by default), then prints executions and findings per harness.
# FUZZ_TARGETS picks harnesses. Fails if any harness found a crash, a hang or an out-of-memory.
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
SECONDS_EACH=${FUZZ_SECONDS:-60}
TARGETS=${FUZZ_TARGETS:-"FuzzJSON FuzzCSV FuzzXLSX FuzzExportReader FuzzVerify FuzzClaim FuzzHTML"}
SCRATCH=.build-fuzz
# Swift's own crash backtracer fights ASan over the crashed process: let ASan report, SIGILL
# (a Swift trap) included. Leak checks are off: Foundation leaks a path buffer per opened file
# (FileManager.fileSystemRepresentation), which is not ours to fix; memory growth still trips
# -rss_limit_mb.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=${ASAN_OPTIONS:-handle_sigill=1:detect_leaks=0}
FLAGS=(--scratch-path "$SCRATCH" -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)

for target in $TARGETS; do
  echo "== building $target"
  # gold warns once per ASan helper symbol; the warnings say nothing about our code.
  PDA_FUZZ=1 "$SWIFT" build "${FLAGS[@]}" --product "$target" 2>&1 | sed '/Cannot export local symbol/d' | tail -n 3
done

summary=()
failed=0
for target in $TARGETS; do
  corpus="$SCRATCH/corpus/$target"
  findings="$SCRATCH/findings/$target"
  mkdir -p "$corpus" "$findings"
  cp -n fuzz/corpus/"$target"/* "$corpus"/ 2>/dev/null || true
  log="$SCRATCH/findings/$target.log"
  echo "== fuzzing $target for ${SECONDS_EACH}s (log: $log)"
  # -timeout: one input taking 10 s is a hang; -rss_limit_mb: memory a hostile input must not reach.
  status=0
  "$SCRATCH/debug/$target" "$corpus" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
    -detect_leaks=0 -print_final_stats=1 -artifact_prefix="$findings/" > "$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  found=$(find "$findings" -type f | wc -l)
  summary+=("$(printf '%-18s %10s executions  %5s corpus inputs  %s findings' "$target" "${runs:-?}" "$(ls "$corpus" | wc -l)" "$found")")
  if [ "$status" -ne 0 ] || [ "$found" -ne 0 ]; then
    failed=1
    grep -m 5 -E "ERROR|SUMMARY|Fatal error|deadly signal|timeout|out-of-memory" "$log" || true
    echo "   inputs: $findings"
  fi
done
echo
printf '%s\n' "${summary[@]}"
exit "$failed"
