#!/usr/bin/env bash
# Broker forwarding (issue 17's goal: forwarded pushes/s >= 0.8x the raw client's confirmed sends/s at the same
# concurrency on the same broker). For each broker, ForwardTarget first measures the raw client: CONNECTIONS
# threads each sending the spec's call record and waiting for its confirm (Kafka: one producer, idempotent and
# acks=all, send().get(), the better of Kafka's default linger.ms and the forwarder's 0; RabbitMQ: a channel per
# thread in confirm mode, persistent and mandatory, waitForConfirms). Then one Jetty serves two receivers
# (token, in-memory dedup, fresh eventUniqueId per request) differing only in their onReceived listener:
# /forward (the forwarder the `forward` setting's URI names) and /noop (does nothing); wrk loads them
# alternately with CONNECTIONS connections, as run-load.sh does. The forwarder's own time per push (publish
# and confirm, as the receiver times its listeners) is read around each /forward round and printed next to
# the raw client's time per send (CONNECTIONS / its sends per second).
# Kafka is a real single-node KRaft broker started for the run (push-forward-kafka's KafkaBroker, a JVM of its
# own); RabbitMQ is the server at RABBITMQ_URL (a durable queue capped at 10,000 messages is bound for the run).
#
#   benchmarks/run-forward.sh [BROKER...]    kafka rabbitmq (default: both)
#   env: DURATION (s per round and of the raw run, 20), ROUNDS (1), CONNECTIONS (16: wrk's connections and the
#        raw client's threads), THREADS (wrk's, 1), WARMUP (s of one unmeasured run per target first, 5; 0 for
#        none), RABBITMQ_URL (amqp://guest:guest@127.0.0.1:5672/%2F), KAFKA_SETTINGS (producer settings for both
#        the raw client and the forwarder, e.g. linger.ms=0&batch.size=65536; none by default),
#        BROKER_DELAY_MS (0: the broker behind a proxy delaying each way by this much, for the raw client and the
#        forwarder alike, as a broker across a network; sections then named "Forward (Kafka, +0.5 ms each way)"),
#        SKIP_BUILD=1 (reuse the jar),
#        SMOKE=1 (1 s runs, no warm-up: only proves it runs)
# Results: benchmarks/target/forward/BROKER.log (the target's output), wrk.log (wrk's output) and results.tsv
# (sections "Forward (Kafka)", "Forward (RabbitMQ)"; appended to $RESULTS when set, see lib.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$root"
COMMAND="$(bench_command "DURATION ROUNDS CONNECTIONS THREADS WARMUP RABBITMQ_URL KAFKA_SETTINGS BROKER_DELAY_MS" \
  benchmarks/run-forward.sh "$@")"
if [[ "${SMOKE:-0}" == 1 ]]; then : "${DURATION:=1}" "${ROUNDS:=1}" "${WARMUP:=0}"; fi
DURATION=${DURATION:-20}
ROUNDS=${ROUNDS:-1}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-1}
WARMUP=${WARMUP:-5}
RABBITMQ_URL=${RABBITMQ_URL:-amqp://guest:guest@127.0.0.1:5672/%2F}
BROKER_DELAY_MS=${BROKER_DELAY_MS:-0}
CDR=test-fixtures/src/main/resources/io/github/callpush/fixtures/samples/valid/cdr.json
if [[ $# == 0 ]]; then set -- kafka rabbitmq; fi
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }

bench_build
OUT=benchmarks/target/forward
mkdir -p "$OUT"
: >"$OUT/wrk.log"
: >"$OUT/results.tsv"
PID=
trap '[[ -n "$PID" ]] && { kill $PID 2>/dev/null; wait $PID 2>/dev/null || true; }' EXIT
run() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1"s --latency -s benchmarks/load/post-cdr.lua "$2" -- "$CDR"; }

for broker in "$@"; do
  case "$broker" in
    kafka) spec=kafka${KAFKA_SETTINGS:+?$KAFKA_SETTINGS} name=Kafka ;;
    rabbitmq) spec=$RABBITMQ_URL name=RabbitMQ ;;
    *) echo "unknown broker $broker (kafka, rabbitmq)" >&2; exit 2 ;;
  esac
  if [[ "$BROKER_DELAY_MS" != 0 ]]; then name="$name, +$BROKER_DELAY_MS ms each way"; fi
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  LOG=$OUT/$broker.log
  : >"$LOG" # now: the background job's own redirection may come after the first look for "listening"
  java -Xmx1g -cp "$jar" io.github.callpush.benchmarks.ForwardTarget "$PORT" "$spec" "$CDR" "$CONNECTIONS" \
    "$DURATION" "$WARMUP" "$BROKER_DELAY_MS" >"$LOG" 2>&1 &
  PID=$!
  # the raw run comes first: the broker's start (Kafka) and the raw warm-up and run
  for _ in $(seq 1200); do grep -q listening "$LOG" && break; kill -0 $PID 2>/dev/null || break; sleep 0.1; done
  grep -q listening "$LOG" || { echo "=== ForwardTarget $broker did not come up:" >&2; tail -40 "$LOG" >&2; exit 1; }
  raw=$(sed -n 's/^raw=\([0-9]*\) .*/\1/p' "$LOG")
  BASE=http://127.0.0.1:$PORT
  if [[ "$WARMUP" != 0 ]]; then
    for target in noop forward; do run "$WARMUP" "$BASE/$target?token=bench-token" >/dev/null; done
  fi
  text=$(mktemp)
  for round in $(seq "$ROUNDS"); do
    for target in noop forward; do
      curl -sf "$BASE/listener-time" >/dev/null
      { echo "== $target $round"; run "$DURATION" "$BASE/$target?token=bench-token"
        echo "listener: $(curl -sf "$BASE/listener-time")"; } | tee -a "$OUT/wrk.log" >>"$text"
    done
  done
  kill $PID
  wait $PID 2>/dev/null || true
  PID=
  python3 - "$text" "$name" "$raw" "$DURATION" "$ROUNDS" "$CONNECTIONS" "$COMMAND" "$OUT/results.tsv" <<'PY'
import re
import statistics
import sys
sys.path.insert(0, "benchmarks/load")
import wrk_stats
text, name, raw, duration, rounds, connections, command, results = sys.argv[1:]
runs = wrk_stats.rounds(open(text).read(), ["noop", "forward"])
def median(target, i):
    return wrk_stats.median(runs, target, i)
raw = float(raw)
print(f"{name}: rounds={rounds} x {duration}s connections={connections} (medians); raw client {raw:.0f} confirmed sends/s")
print(f"{'target':8} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8}")
for target in runs:
    print(f"{target:8} {median(target,0):10.0f} {median(target,1):8.3f} {median(target,2):8.3f} {sum(r[3] for r in runs[target]):8d}")
ratio = median("forward", 0) / raw
print(f"throughput ratio forward/raw = {ratio:.3f} (goal >= 0.80)")
listener = statistics.median(float(m) for m in re.findall(r"== forward \d+\n.*?mean_ms=([\d.]+)", open(text).read(), re.S))
per_send = int(connections) / raw * 1000
print(f"forwarder's time per push {listener:.3f} ms (publish + confirm, in the receiver); raw client's time per send {per_send:.3f} ms")
failed = sum(r[3] for target in runs for r in runs[target])
if failed:
    sys.exit(f"{failed} requests were not answered 2xx: the figures do not measure forwarding")
section = f"Forward ({name})"
with open(results, "a") as tsv:
    def figure(label, value, anchor, ratio, goal):
        tsv.write("\t".join((section, label, value, anchor, ratio, goal, command)) + "\n")
    forward, noop = median("forward", 0), median("noop", 0)
    figure("throughput forward/raw client", f"{forward:.0f} req/s",
           f"raw client {raw:.0f} confirmed sends/s ({connections} threads)", f"{ratio:.2f}x", ">= 0.80x")
    figure("throughput forward/no-op listener", f"{forward:.0f} req/s", f"no-op {noop:.0f} req/s",
           f"{forward / noop:.2f}x", "-")
    figure("forwarder's time per push", f"{listener:.2f} ms", f"raw client {per_send:.2f} ms per send",
           f"{listener / per_send:.2f}x", "-")
    for label, i in (("p50", 1), ("p99", 2)):
        fwd, nop = median("forward", i), median("noop", i)
        figure(f"{label} latency", f"{fwd:.2f} ms", f"no-op {nop:.2f} ms", f"{fwd / nop:.2f}x ({fwd - nop:+.2f} ms)", "-")
PY
  rm -f "$text"
done
bench_publish "$OUT/results.tsv"
