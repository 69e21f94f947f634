#!/usr/bin/env bash
# Every benchmark in one command, then the report docs/benchmarks.md (machine, date, commit, command,
# one table per section, how to read it):
#   decode (run-decode.sh), load with the memory, PostgreSQL and Redis stores (run-load.sh, needs wrk:
#   skipped with a message without it), broker forwarding to Kafka and RabbitMQ (run-forward.sh, needs wrk
#   and RabbitMQ at RABBITMQ_URL; starts its own Kafka), stores (run-stores.sh), allocation and memory
#   (run-alloc.sh). Every part runs even when one fails; the script then fails, naming it.
#
#   benchmarks/run-all.sh             the scripts' own settings: the figures to publish (20 to 25 minutes)
#   QUICK=1 benchmarks/run-all.sh     short runs (a few minutes): noisy figures, labelled so in the report
#   SMOKE=1 benchmarks/run-all.sh     proves every part still runs (seconds, what CI does); the report goes
#                                     to benchmarks/target/smoke/benchmarks.md, docs/ is left alone
# env: OUT (the report's path), POSTGRES_URL (jdbc:postgresql://127.0.0.1/test?user=postgres),
#      REDIS_URL (redis://127.0.0.1:6379), LOAD_STORES (dedup specs, space-separated: memory and those two),
#      SKIP_BUILD=1 (reuse benchmarks/target/benchmarks.jar), and every part script's own knobs, which
#      QUICK and SMOKE only default. The parts get RESULTS, SKIP_BUILD=1, QUICK and SMOKE in their environment.
# Figures: benchmarks/target/all/results.tsv (the format is in lib.sh).
set -euo pipefail
export LC_ALL=C
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$root"
command="$(bench_command "QUICK SMOKE OUT POSTGRES_URL REDIS_URL LOAD_STORES" benchmarks/run-all.sh)"
QUICK=${QUICK:-0}
SMOKE=${SMOKE:-0}
POSTGRES_URL=${POSTGRES_URL:-jdbc:postgresql://127.0.0.1/test?user=postgres}
REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}
# a smoke loads the in-memory store only: the stores part and the integration tests reach the servers
if [[ "$SMOKE" == 1 ]]; then LOAD_STORES=${LOAD_STORES:-memory}; fi
LOAD_STORES=${LOAD_STORES:-memory $POSTGRES_URL $REDIS_URL}

if [[ "$SMOKE" == 1 ]]; then
  mode="SMOKE run: it only proves that every benchmark still runs; its figures mean nothing."
  OUT=${OUT:-benchmarks/target/smoke/benchmarks.md}
  : "${FORKS:=0}" "${WARMUPS:=0}" "${ITERATIONS:=1}" "${ITERATION_TIME:=100ms}" "${MODES:=avgt}" "${SAMPLES:=cdr.json}"
  : "${DURATION:=1}" "${ROUNDS:=1}" "${WARMUP:=0}" "${CONNECTIONS:=4}" "${KEYS:=10000}"
elif [[ "$QUICK" == 1 ]]; then
  mode="QUICK run: short iterations, so the figures are noisy; rerun without QUICK=1 for figures to quote."
  : "${FORKS:=1}" "${WARMUPS:=2}" "${WARMUP_TIME:=1s}" "${ITERATIONS:=3}" "${ITERATION_TIME:=1s}" "${MODES:=avgt}"
  : "${DURATION:=3}" "${ROUNDS:=1}" "${WARMUP:=2}"
else
  mode=""
fi
OUT=${OUT:-docs/benchmarks.md}
# the knobs set above reach the parts (those left unset stay so)
export QUICK SMOKE FORKS WARMUPS WARMUP_TIME ITERATIONS ITERATION_TIME MODES SAMPLES DURATION ROUNDS WARMUP CONNECTIONS KEYS

bench_build
export SKIP_BUILD=1
export RESULTS=benchmarks/target/all/results.tsv
mkdir -p "$(dirname "$RESULTS")"
: >"$RESULTS"
failed=()
notes=()

# part NAME COMMAND...: runs one part, which must add figures to $RESULTS; a failure is remembered.
part() {
  local name="$1" before
  shift
  before=$(wc -l <"$RESULTS")
  echo "=== $name: $*"
  if "$@" && (($(wc -l <"$RESULTS") > before)); then
    return 0
  fi
  echo "=== $name FAILED (or gave no figure)" >&2
  failed+=("$name")
}

part decode benchmarks/run-decode.sh
if command -v wrk >/dev/null; then
  read -ra stores <<<"$LOAD_STORES"
  for store in "${stores[@]}"; do
    part "load $store" benchmarks/run-load.sh "$store"
  done
  part forward benchmarks/run-forward.sh
else
  echo "=== load and forward SKIPPED: wrk is not installed (the JMH parts still run)" >&2
  notes+=("Load and Forward: skipped, wrk is not installed on this machine.")
fi
part stores benchmarks/run-stores.sh
part "allocation and memory" benchmarks/run-alloc.sh

commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [[ -n "$(git status --porcelain --untracked-files=no -- . ":!$OUT" 2>/dev/null)" ]]; then
  commit+=" (with uncommitted changes)"
fi
mkdir -p "$(dirname "$OUT")"
{
  echo "# Benchmarks"
  echo
  [[ -n "$mode" ]] && echo "> **$mode**" && echo
  echo "- Command: \`$command\`"
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Commit: $commit"
  echo "- Machine: $(nproc) cores, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)," \
    "$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM"
  echo "- Java: $(java -version 2>&1 | head -n 1)"
  echo "- OS: $(. /etc/os-release && echo "$PRETTY_NAME"), Linux $(uname -r)"
  for note in ${notes[@]+"${notes[@]}"}; do echo "- $note"; done
  for name in ${failed[@]+"${failed[@]}"}; do echo "- **FAILED: $name** (see the run's output)"; done
  awk -F'\t' '
    function cell(s) { gsub(/\|/, "\\|", s); return s }
    !($1 in seen) { seen[$1] = 1; order[++sections] = $1 }
    { rows[$1] = rows[$1] sprintf("| %s | %s | %s | %s | %s | `%s` |\n", cell($2), cell($3), cell($4), cell($5), cell($6), $7) }
    END {
      for (i = 1; i <= sections; i++) {
        printf "\n## %s\n\n| figure | value | anchor | ratio | goal | command |\n|---|---|---|---|---|---|\n%s", order[i], rows[order[i]]
      }
    }
  ' "$RESULTS"
  cat <<'EOF'

## How to read these figures

Each row is one figure: its value, the anchor it is measured against, their ratio (value / anchor;
for latencies also the difference) and the goal it should meet; the command measures that row again.
Decode and Allocation are JMH runs in one JVM (average time; bytes per operation from `-prof gc`'s
`gc.alloc.rate.norm`); "engine" is `PushReceiver.handle` without HTTP. Load runs wrk against one Jetty
on loopback serving the receiver (`/push`: token, dedup store, one listener) and a bare servlet
(`/bare`) alternately, every request with a fresh `eventUniqueId`; throughput and latencies are the
medians of the rounds. The "floor" rows are servlets in the same Jetty that only read the body and walk
its JSON tokens with Jackson (the least that tells a malformed push from a good one) or parse it with
`readTree`: what the JSON parsing alone costs, whatever the receiver does besides. Forward first runs the
broker's raw client (as many threads as wrk has connections, each sending the call record and waiting for
its confirm), then wrk loads, alternately, a receiver whose listener is the forwarder and the same receiver
with a no-op listener; Kafka is a single-node KRaft broker started for the run on the same cores. Memory is the heap still used after GC by an in-memory store full of completed
keys.

Caveats: this machine has 2 cores shared with other work; wrk, Jetty, the JVM's JIT and GC, and
PostgreSQL or Redis all run on them, so the load figures measure how much CPU the receiver takes from
the same cores the load generator needs, not a network deployment, and p99 latencies mostly measure
the scheduler. The `jdbc:URL` store spec runs over its own HikariCP pool, as web.xml's `dedup` does.
Short runs (QUICK, SMOKE) are noisy; compare figures only within one report.
EOF
} >"$OUT"
echo "=== report: $OUT"
if ((${#failed[@]})); then
  echo "FAILED: ${failed[*]}" >&2
  exit 1
fi
