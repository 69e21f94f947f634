#!/usr/bin/env bash
# Builds benchmarks/target/benchmarks.jar and runs DecodeBenchmark on every valid sample of the spec,
# then prints decode vs readTree per sample: average time, ratio, throughput and allocation (-prof gc).
# Goal (cdr.json, issue 18): the typed decode at most 1.0x readTree's time and 1.0x its bytes.
#
# Settings suit a 2-core machine; override with the variables below, e.g.
#   SAMPLES=cdr.json MODES=avgt benchmarks/run-decode.sh
# Arguments are passed on to JMH after these settings (e.g. -prof stack, -jvmArgs ...).
#   FORKS=1 WARMUPS=3 WARMUP_TIME=2s ITERATIONS=5 ITERATION_TIME=2s MODES=avgt,thrpt
#   SAMPLES=a.json,b.json   (default: every *.json of the spec directory but *.malformed.json)
#   SKIP_BUILD=1            (reuse benchmarks/target/benchmarks.jar)
# Results: benchmarks/target/decode/results.csv (JMH's CSV), jmh.log (its full output), table.txt and
# results.tsv (section Decode, one figure per sample; appended to $RESULTS when set, see lib.sh).
set -euo pipefail
export LC_ALL=C
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$root"
knobs="$(bench_command "$JMH_KNOBS MODES" benchmarks/run-decode.sh "$@")"

spec=test-fixtures/src/main/resources/io/github/callpush/fixtures/samples/spec
out=benchmarks/target/decode

if [[ -z "${SAMPLES:-}" ]]; then
  SAMPLES="$(cd "$spec" && ls -- *.json | grep -v '\.malformed\.json$' | paste -sd, -)"
fi
# cdr.json first: it is the sample the goal is about
SAMPLES="$(tr ',' '\n' <<<"$SAMPLES" | awk 'NF { if ($0 == "cdr.json") print; else rest = rest "," $0 }
  END { print rest }' | paste -sd '' - | sed 's/^,//')"

bench_build
bench_jmh "$out" 'io\.github\.callpush\.benchmarks\.DecodeBenchmark\.' -bm "${MODES:-avgt,thrpt}" -prof gc \
  -p sample="$SAMPLES" "$@"
: >"$out/results.tsv"

echo
echo "decode = PushDecoder.defaults().decode(bytes); readTree = new ObjectMapper().readTree(bytes)"
echo "error = JMH's 99.9% confidence half-width; ratio = decode/readTree (error propagated);"
echo "goal on cdr.json: time ratio <= 1.0 and bytes ratio <= 1.0"
echo
awk -F, -v order="$SAMPLES" -v knobs="$knobs" -v tsv="$out/results.tsv" '
  function unq(s) { gsub(/"/, "", s); return s }
  # JMH writes CRLF lines
  { sub(/\r$/, "") }
  NR > 1 {
    name = unq($1); sub(/.*DecodeBenchmark\./, "", name)
    err = $6 == "NaN" ? 0 : $6
    value[unq($8), name, unq($2)] = $5; error[unq($8), name, unq($2)] = err
  }
  function timed(s, name) {
    if (!((s, name, "avgt") in value)) return sprintf("%20s", "-")
    return sprintf("%9.3f ± %-8.3f", value[s, name, "avgt"], error[s, name, "avgt"])
  }
  function perSecond(s, name) {
    return ((s, name, "thrpt") in value) ? sprintf("%.0f", value[s, name, "thrpt"] * 1e6) : "-"
  }
  function bytes(s, name) {
    if ((s, name ":gc.alloc.rate.norm", "avgt") in value) return sprintf("%.0f", value[s, name ":gc.alloc.rate.norm", "avgt"])
    if ((s, name ":gc.alloc.rate.norm", "thrpt") in value) return sprintf("%.0f", value[s, name ":gc.alloc.rate.norm", "thrpt"])
    return "-"
  }
  END {
    n = split(order, samples, ",")
    printf "%-27s %20s %20s %13s %6s %12s %13s %11s %13s %11s\n", "sample", "decode us/op", "readTree us/op", "ratio", \
      "goal", "decode op/s", "readTree op/s", "decode B/op", "readTree B/op", "B ratio"
    for (i = 1; i <= n; i++) {
      s = samples[i]; ratio = "-"; goal = ""
      if (((s, "decode", "avgt") in value) && ((s, "readTree", "avgt") in value)) {
        d = value[s, "decode", "avgt"]; r = value[s, "readTree", "avgt"]
        q = d / r
        dq = q * sqrt((error[s, "decode", "avgt"] / d) ^ 2 + (error[s, "readTree", "avgt"] / r) ^ 2)
        ratio = sprintf("%.2f ± %.2f", q, dq)
        db = bytes(s, "decode"); rb = bytes(s, "readTree")
        bq = (db != "-" && rb != "-") ? db / rb : -1
        if (s == "cdr.json") goal = q <= 1.0 && bq >= 0 && bq <= 1.0 ? "met" : "MISSED"
        printf "Decode\t%s typed decode\t%.2f µs/op\treadTree %.2f µs/op\t%.2fx\t%s\tSAMPLES=%s %s\n", s, d, r, q, \
          s == "cdr.json" ? "<= 1.0x" : "-", s, knobs > tsv
        if (bq >= 0) {
          printf "Decode\t%s typed decode, bytes\t%d B/op\treadTree %d B/op\t%.2fx\t%s\tSAMPLES=%s %s\n", s, db, rb, bq, \
            s == "cdr.json" ? "<= 1.0x" : "-", s, knobs > tsv
        }
      }
      bratio = (bytes(s, "decode") != "-" && bytes(s, "readTree") != "-") ? sprintf("%.2f", bytes(s, "decode") / bytes(s, "readTree")) : "-"
      printf "%-27s %s %s %13s %6s %12s %13s %11s %13s %11s\n", s, timed(s, "decode"), timed(s, "readTree"), ratio, goal, \
        perSecond(s, "decode"), perSecond(s, "readTree"), bytes(s, "decode"), bytes(s, "readTree"), bratio
    }
  }
' "$out/results.csv" | tee "$out/table.txt"
bench_publish "$out/results.tsv"
