#!/usr/bin/env bash
# End-to-end load on loopback (issue 3's goal: the receiver at >= 90% of a bare servlet's throughput,
# p99 within 1 ms of it). One Jetty serves both: /push (token verification, a dedup store, one listener)
# and /bare (reads the body, answers 200). wrk posts the spec's call record with a fresh eventUniqueId
# per request, alternating bare and push rounds so both see the same machine state.
#
#   benchmarks/run-load.sh [DEDUP_SPEC]      e.g. memory (default), jdbc:postgresql://127.0.0.1/test?user=postgres,
#                                            redis://127.0.0.1:6379
#   env: DURATION (s per round, 15), ROUNDS (3), CONNECTIONS (16), THREADS (1)
set -euo pipefail
cd "$(dirname "$0")/.."
DEDUP=${1:-memory}
DURATION=${DURATION:-15}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-1}
CDR=test-fixtures/src/main/resources/io/github/callpush/fixtures/samples/valid/cdr.json
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }

[ -f benchmarks/target/benchmarks.jar ] && [ "${REBUILD:-1}" = 0 ] || mvn -q -B -pl benchmarks -am package -DskipTests
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
LOG=$(mktemp)
java -Xmx1g -cp benchmarks/target/benchmarks.jar io.github.callpush.benchmarks.LoadTarget "$PORT" "$DEDUP" >"$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -f "$LOG"' EXIT
for _ in $(seq 100); do grep -q listening "$LOG" && break; sleep 0.1; done
grep -q listening "$LOG" || { cat "$LOG" >&2; exit 1; }

BASE=http://127.0.0.1:$PORT
run() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1"s --latency -s benchmarks/load/post-cdr.lua "$2" -- "$CDR"; }
run 10 "$BASE/bare" >/dev/null
run 10 "$BASE/push?token=bench-token" >/dev/null
OUT=$(mktemp)
for round in $(seq "$ROUNDS"); do
  { echo "== bare $round"; run "$DURATION" "$BASE/bare"; echo "== push $round"; run "$DURATION" "$BASE/push?token=bench-token"; } >>"$OUT"
done
python3 - "$OUT" "$DEDUP" "$DURATION" "$ROUNDS" "$CONNECTIONS" <<'PY'
import re, sys, statistics
text = open(sys.argv[1]).read()
def ms(value):
    number, unit = re.match(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
runs = {"bare": [], "push": []}
for name, body in re.findall(r"== (bare|push) \d+\n(.*?)(?=== |\Z)", text, re.S):
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", body).group(1))
    p50 = ms(re.search(r"50%\s+(\S+)", body).group(1))
    p99 = ms(re.search(r"99%\s+(\S+)", body).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", body)
    runs[name].append((rps, p50, p99, int(bad.group(1)) if bad else 0))
def median(name, i):
    return statistics.median(r[i] for r in runs[name])
print(f"dedup={sys.argv[2]} rounds={sys.argv[4]} x {sys.argv[3]}s connections={sys.argv[5]} (medians)")
print(f"{'target':8} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8}")
for name in ("bare", "push"):
    print(f"{name:8} {median(name,0):10.0f} {median(name,1):8.3f} {median(name,2):8.3f} {sum(r[3] for r in runs[name]):8d}")
print(f"throughput ratio push/bare = {median('push',0)/median('bare',0):.3f} (goal >= 0.90); "
      f"p99 difference = {median('push',2)-median('bare',2):+.3f} ms (goal <= +1 ms)")
PY
rm -f "$OUT"
