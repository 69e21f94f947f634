#!/usr/bin/env bash
# Allocation and memory, in-process:
# - bytes allocated per request: RequestBenchmark (the PushReceiver engine without HTTP: token, the spec's
#   call record with a fresh eventUniqueId, in-memory dedup, one listener) under JMH's -prof gc
#   (gc.alloc.rate.norm), next to the typed decode of the same record and its bare readTree;
# - heap per retained key: InMemoryStoreFootprint fills an in-memory store with KEYS completed keys
#   (goal: at most 200 MB for 1,000,000, i.e. 200 bytes per key).
#
#   env: FORKS=1 WARMUPS=3 WARMUP_TIME=2s ITERATIONS=5 ITERATION_TIME=2s (JMH), KEYS=1000000,
#        SKIP_BUILD=1 (reuse benchmarks/target/benchmarks.jar); arguments are passed on to JMH.
# Results: benchmarks/target/alloc/ (JMH's results.csv and jmh.log, results.tsv: sections Allocation and
# Memory; appended to $RESULTS when set, see lib.sh).
set -euo pipefail
export LC_ALL=C
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$root"
jmh_command="$(bench_command "$JMH_KNOBS" benchmarks/run-alloc.sh "$@")"
memory_command="$(bench_command KEYS benchmarks/run-alloc.sh)"
KEYS=${KEYS:-1000000}
out=benchmarks/target/alloc

bench_build
bench_jmh "$out" 'io\.github\.callpush\.benchmarks\.(RequestBenchmark|DecodeBenchmark)\.' -bm avgt -prof gc \
  -p sample=cdr.json "$@"
awk -F, -v command="$jmh_command" '
  { sub(/\r$/, ""); gsub(/"/, "") }
  NR > 1 { name = $1; sub(/.*Benchmark\./, "", name); value[name] = $5 }
  function figure(name, v, anchor, a, unit) {
    printf "Allocation\t%s\t%.0f %s\t%s %.0f %s\t%.2fx\t-\t%s\n", name, v, unit, anchor, a, unit, v / a, command
  }
  END {
    figure("bytes per request (engine, cdr.json)", value["push:gc.alloc.rate.norm"], "typed decode",
      value["decode:gc.alloc.rate.norm"], "B")
    figure("bytes per typed decode (cdr.json)", value["decode:gc.alloc.rate.norm"], "readTree",
      value["readTree:gc.alloc.rate.norm"], "B")
    printf "Allocation\ttime per request (engine, cdr.json)\t%.2f µs/op\ttyped decode %.2f µs/op\t%.2fx\t-\t%s\n",
      value["push"], value["decode"], value["push"] / value["decode"], command
  }
' "$out/results.csv" >"$out/results.tsv"

java -Xmx1g -cp "$jar" io.github.callpush.benchmarks.InMemoryStoreFootprint "$KEYS" | tee "$out/footprint.log"
tail -n 1 "$out/footprint.log" | awk -F'\t' -v command="$memory_command" '
  function commas(n) { n = sprintf("%d", n); while (n ~ /[0-9][0-9][0-9][0-9]/) sub(/[0-9][0-9][0-9]($|,)/, ",&", n); return n }
  {
  printf "Memory\theap for %s completed keys (in-memory store)\t%.1f MB\t-\t-\t<= %.1f MB\t%s\n", commas($1), $2 / 1e6, $1 * 200 / 1e6, command
  printf "Memory\theap per completed key\t%.0f B\t-\t-\t<= 200 B\t%s\n", $2 / $1, command
}' >>"$out/results.tsv"
echo
sed "s/\t/ | /g" "$out/results.tsv"
bench_publish "$out/results.tsv"
