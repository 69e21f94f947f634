#!/usr/bin/env bash
# Dedup store claim+complete ops/s against the raw server doing the same write once (issue 5's goal:
# each store at >= 50% of its anchor). Runs StoreBenchmark: the in-memory store, H2 embedded, JDBC on
# PostgreSQL and MariaDB through one Hikari pool (anchor: a plain INSERT of the claim's row), and Redis
# through one Jedis pool (anchor: SET NX PX; redis-benchmark's SET is printed alongside as an external
# reference). Each store also gets a floor: the raw server doing the two writes claim+complete needs,
# one after the other (INSERT then UPDATE; SET NX PX then SET XX PX). Store, anchor and floor use the
# same threads and alternate round by round.
#
#   benchmarks/run-stores.sh [TARGET...]     memory h2 postgresql mariadb redis (default: all)
#   env: THREADS (8), DURATION (s per phase, 5), WARMUP (s, 5), ROUNDS (5), REBUILD (1; 0 reuses the jar),
#        SMOKE=1 (phases of 0.2 s, one round: only proves it runs)
#        (several short rounds: each round's store/anchor pairs two phases that ran one after the other)
#        POSTGRESQL_URL, MARIADB_URL (JDBC URLs), REDIS_URL (redis://127.0.0.1:6379)
#        RESULTS=FILE  also appends one tab-separated line per store and per floor:
#                      section, figure, value, anchor, ratio, goal, command
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${SMOKE:-0}" = 1 ]; then DURATION=0.2 WARMUP=0 ROUNDS=1; fi # run-all's smoke: proves it runs, no figures
# the command that reproduces the figures: the knobs that were set, and the targets named
COMMAND=benchmarks/run-stores.sh
for knob in ROUNDS WARMUP DURATION THREADS; do
  if [ -n "${!knob:-}" ]; then COMMAND="$knob=${!knob} $COMMAND"; fi
done
if [ $# -gt 0 ]; then COMMAND="$COMMAND $*"; else set -- memory h2 postgresql mariadb redis; fi
THREADS=${THREADS:-8}
DURATION=${DURATION:-5}
WARMUP=${WARMUP:-5}
ROUNDS=${ROUNDS:-5}
POSTGRESQL_URL=${POSTGRESQL_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}
MARIADB_URL=${MARIADB_URL:-jdbc:mariadb://127.0.0.1:3306/test?user=root}
REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}

# the build writes to stderr: stdout is the table alone
[ -f benchmarks/target/benchmarks.jar ] && [ "${REBUILD:-1}" = 0 ] || mvn -q -B -ntp -pl benchmarks -am package -DskipTests >&2

REFERENCE=
if [[ " $* " == *" redis "* ]] && [ "${SMOKE:-0}" != 1 ] && command -v redis-benchmark >/dev/null; then
  hostport=${REDIS_URL#*://}; hostport=${hostport%%/*}
  SET=$(redis-benchmark -h "${hostport%%:*}" -p "${hostport##*:}" -t set -q -c "$THREADS" -n 200000 \
    | tr '\r' '\n' | grep -o 'SET: [0-9.]* requests per second' | tail -1 \
    | awk '{ n = sprintf("%d", $2); while (n ~ /[0-9]{4}/) sub(/[0-9]{3}($|,)/, ",&", n); print n }' || true)
  if [ -n "$SET" ]; then REFERENCE="redis-benchmark -t set -c $THREADS: $SET req/s"; fi
fi

java -Xmx4g -cp benchmarks/target/benchmarks.jar io.github.callpush.benchmarks.StoreBenchmark \
  --threads="$THREADS" --duration="$DURATION" --warmup="$WARMUP" --rounds="$ROUNDS" \
  --postgresql="$POSTGRESQL_URL" --mariadb="$MARIADB_URL" --redis="$REDIS_URL" \
  --redis-reference="$REFERENCE" --command="$COMMAND" ${RESULTS:+--results="$RESULTS"} "$@" \
  2> >(grep --line-buffered -v -e '^\[main\] INFO com.zaxxer' >&2)
