# Sourced by the run-*.sh scripts (not run on its own): the build, the JMH command line and the
# results file they share.
#
# Results: each script writes its figures to its own results.tsv under benchmarks/target, one line per
# figure, and when RESULTS names a file, appends them there too (run-all.sh collects them so):
#   section<TAB>figure<TAB>value<TAB>anchor<TAB>ratio<TAB>goal<TAB>command
# "anchor" is what the value is measured against, "ratio" the value relative to it, "goal" what it
# should meet ("-" where no goal applies), "command" the command that measures it again.

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/benchmarks/target/benchmarks.jar"

# Builds benchmarks/target/benchmarks.jar, unless SKIP_BUILD=1 (then it must exist).
bench_build() {
  if [[ "${SKIP_BUILD:-0}" == 1 ]]; then
    [[ -f "$jar" ]] || { echo "SKIP_BUILD=1 but $jar is missing" >&2; return 1; }
  else
    (cd "$root" && mvn -q -B -ntp -pl benchmarks -am package -DskipTests)
  fi
}

# Quotes a word for the shell only when it needs it.
bench_quote() {
  if [[ "$1" =~ ^[A-Za-z0-9_./:=,@%+-]+$ ]]; then printf '%s' "$1"; else printf "'%s'" "${1//\'/\'\\\'\'}"; fi
}

# bench_command "VAR ..." SCRIPT [ARG ...]: the command line that runs SCRIPT again, prefixed with those
# of the named variables that are set in the environment. Call it before applying defaults.
bench_command() {
  local names="$1" line="" name
  shift
  for name in $names; do
    [[ -n "${!name+x}" ]] && line+="$name=$(bench_quote "${!name}") "
  done
  line+="$1"
  shift
  for name in "$@"; do line+=" $(bench_quote "$name")"; done
  printf '%s' "$line"
}

# The knobs of bench_jmh, for bench_command.
JMH_KNOBS="FORKS WARMUPS WARMUP_TIME ITERATIONS ITERATION_TIME"

# bench_jmh OUT_DIR [JMH ARG ...]: runs JMH from the jar with the iteration knobs
#   FORKS=1 WARMUPS=3 WARMUP_TIME=2s ITERATIONS=5 ITERATION_TIME=2s
# and writes OUT_DIR/results.csv (JMH's CSV) and OUT_DIR/jmh.log (its output).
bench_jmh() {
  local out="$1"
  shift
  mkdir -p "$out"
  java -jar "$jar" -f "${FORKS:-1}" -wi "${WARMUPS:-3}" -w "${WARMUP_TIME:-2s}" -i "${ITERATIONS:-5}" \
    -r "${ITERATION_TIME:-2s}" -tu us -rf csv -rff "$out/results.csv" "$@" | tee "$out/jmh.log"
}

# bench_publish FILE: appends FILE's figures to $RESULTS when it is set.
bench_publish() {
  if [[ -n "${RESULTS:-}" ]]; then
    cat "$1" >>"$RESULTS"
  fi
}
