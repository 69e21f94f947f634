#!/usr/bin/env bash
# End-to-end load on loopback (issue 3's goal: the receiver at >= 90% of a bare servlet's throughput,
# p99 within 1 ms of it). One Jetty serves both: /push (token verification, a dedup store, one listener)
# and /bare (reads the body, answers 200). wrk posts the spec's call record with a fresh eventUniqueId
# per request, alternating bare and push rounds so both see the same machine state.
# With the in-memory store, each round also loads two floors between the two: /jackson-tokens (reads the
# body and walks its JSON tokens with Jackson, the least that tells a malformed body from a good one) and
# /jackson-tree (reads it and parses it with readTree), to show what the JSON parsing alone costs.
#
#   benchmarks/run-load.sh [DEDUP_SPEC]      e.g. memory (default), jdbc:postgresql://127.0.0.1/test?user=postgres,
#                                            redis://127.0.0.1:6379
#   env: DURATION (s per round, 15), ROUNDS (3), CONNECTIONS (16), THREADS (1),
#        WARMUP (s of one unmeasured round per target first, 10; 0 for none), SKIP_BUILD=1 (reuse the jar),
#        FLOORS ("jackson-tokens jackson-tree" with the memory store, none with the others; "" for none)
# Results: benchmarks/target/load/wrk.log (wrk's output of the last run) and results.tsv (section
# "Load (store)": throughput, p50, p99; appended to $RESULTS when set, see lib.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$root"
COMMAND="$(bench_command "DURATION ROUNDS CONNECTIONS THREADS WARMUP FLOORS" benchmarks/run-load.sh "$@")"
DEDUP=${1:-memory}
if [ "$DEDUP" = memory ]; then FLOORS=${FLOORS-jackson-tokens jackson-tree}; else FLOORS=${FLOORS-}; fi
DURATION=${DURATION:-15}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-1}
WARMUP=${WARMUP:-10}
CDR=test-fixtures/src/main/resources/io/github/callpush/fixtures/samples/valid/cdr.json
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }

bench_build
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
LOG=$(mktemp)
OUT=benchmarks/target/load/wrk.log
mkdir -p benchmarks/target/load
: >"$OUT"
java -Xmx1g -cp "$jar" io.github.callpush.benchmarks.LoadTarget "$PORT" "$DEDUP" >"$LOG" 2>&1 &
PID=$!
# wait reports the TERM; the script's status stays its own
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null || true; rm -f "$LOG"' EXIT
for _ in $(seq 100); do grep -q listening "$LOG" && break; sleep 0.1; done
grep -q listening "$LOG" || { cat "$LOG" >&2; exit 1; }

BASE=http://127.0.0.1:$PORT
run() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1"s --latency -s benchmarks/load/post-cdr.lua "$2" -- "$CDR"; }
# the targets in the order each round loads them, the receiver last
TARGETS="bare $FLOORS push"
path() { if [ "$1" = push ]; then echo "/push?token=bench-token"; else echo "/$1"; fi; }
if [ "$WARMUP" != 0 ]; then
  for target in $TARGETS; do run "$WARMUP" "$BASE$(path "$target")" >/dev/null; done
fi
for round in $(seq "$ROUNDS"); do
  for target in $TARGETS; do
    { echo "== $target $round"; run "$DURATION" "$BASE$(path "$target")"; } >>"$OUT"
  done
done
python3 - "$OUT" "$DEDUP" "$DURATION" "$ROUNDS" "$CONNECTIONS" "$COMMAND" benchmarks/target/load/results.tsv "$FLOORS" <<'PY'
import sys
sys.path.insert(0, "benchmarks/load")
import wrk_stats
text = open(sys.argv[1]).read()
dedup, command, floors = sys.argv[2], sys.argv[6], sys.argv[8].split()
runs = wrk_stats.rounds(text, ["bare", *floors, "push"])
def median(name, i):
    return wrk_stats.median(runs, name, i)
print(f"dedup={dedup} rounds={sys.argv[4]} x {sys.argv[3]}s connections={sys.argv[5]} (medians)")
print(f"{'target':14} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8}")
for name in runs:
    print(f"{name:14} {median(name,0):10.0f} {median(name,1):8.3f} {median(name,2):8.3f} {sum(r[3] for r in runs[name]):8d}")
ratio = median('push', 0) / median('bare', 0)
print(f"throughput ratio push/bare = {ratio:.3f} (goal >= 0.90); "
      f"p99 difference = {median('push',2)-median('bare',2):+.3f} ms (goal <= +1 ms)")
if "jackson-tree" in runs:
    print(f"throughput ratio push/jackson-tree = {median('push',0) / median('jackson-tree',0):.3f} (issue 18's goal >= 1.00); "
          f"p99 difference = {median('push',2)-median('jackson-tree',2):+.3f} ms (goal <= +1 ms)")
failed = sum(r[3] for name in runs for r in runs[name])
if failed:
    sys.exit(f"{failed} requests were not answered 2xx: the figures do not measure the receiver")
store = {"memory": "memory"}.get(dedup) or next(
    (name for prefix, name in (("jdbc:postgresql:", "PostgreSQL"), ("jdbc:mariadb:", "MariaDB"), ("jdbc:mysql:", "MySQL"),
                               ("jdbc:h2:", "H2"), ("redis", "Redis")) if dedup.startswith(prefix)), dedup)
section = f"Load ({store})"
with open(sys.argv[7], "w") as tsv:
    def figure(name, value, anchor, ratio, goal):
        tsv.write("\t".join((section, name, value, anchor, ratio, goal, command)) + "\n")
    # the goals are issue 3's, set for the in-memory store; a networked store's figures are reported as they are
    memory = store == "memory"
    figure("throughput push/bare", f"{median('push',0):.0f} req/s", f"bare {median('bare',0):.0f} req/s",
           f"{ratio:.2f}x", ">= 0.90x" if memory else "-")
    for label, i, goal in (("p50", 1, "-"), ("p99", 2, "<= +1 ms" if memory else "-")):
        push, bare = median("push", i), median("bare", i)
        figure(f"{label} latency", f"{push:.2f} ms", f"bare {bare:.2f} ms", f"{push / bare:.2f}x ({push - bare:+.2f} ms)", goal)
    # a floor is not the receiver: what a servlet doing only that parsing reaches, to read the goal against
    for name, work in (("jackson-tokens", "walks the JSON tokens"), ("jackson-tree", "parses readTree")):
        if name in runs:
            figure(f"floor: a servlet that only {work}", f"{median(name,0):.0f} req/s", f"bare {median('bare',0):.0f} req/s",
                   f"{median(name,0) / median('bare',0):.2f}x", "-")
    # issue 18: the whole receiver against the servlet that only parses the body with readTree
    if "jackson-tree" in runs:
        tree = median("jackson-tree", 0)
        figure("throughput push/jackson-tree", f"{median('push',0):.0f} req/s", f"jackson-tree {tree:.0f} req/s",
               f"{median('push',0) / tree:.2f}x", ">= 1.00x")
        push, floor = median("push", 2), median("jackson-tree", 2)
        figure("p99 latency push/jackson-tree", f"{push:.2f} ms", f"jackson-tree {floor:.2f} ms",
               f"{push / floor:.2f}x ({push - floor:+.2f} ms)", "<= +1 ms")
PY
bench_publish benchmarks/target/load/results.tsv
