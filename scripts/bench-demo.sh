#!/usr/bin/env bash
# Times `bin/trygg demo` from an empty warehouse: scripts/bench-demo.sh SCALE [RUNS]
# Each run uses a fresh home under .cache/bench/ (generation + full pipeline, JVM start included).
# Prints one line per run and the median, for BENCHMARKS.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scale="${1:?usage: bench-demo.sh SCALE [RUNS]}"
runs="${2:-3}"
"$root/bin/trygg" --version >/dev/null   # build outside the timing
mkdir -p "$root/.cache/bench"
times=()
for i in $(seq 1 "$runs"); do
  home="$root/.cache/bench/scale-$scale"
  rm -rf "$home"
  start=$(date +%s.%N)
  TRYGG_PSEUDONYM_KEY="benchmark-key-0123456789abcdefghijklmnop" \
    "$root/bin/trygg" demo --home "$home" --scale "$scale" > "$root/.cache/bench/scale-$scale.log" 2>&1
  end=$(date +%s.%N)
  t=$(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.1f", b-a}')
  times+=("$t")
  echo "scale $scale run $i: ${t} s"
  # Per step, from the progress lines: "[k/N] step" … "(x s".
  # A step's line may go on with its Spark work: "(x s, n Spark jobs, m SQL executions)".
  awk '/\[[0-9]\/[0-9]\]/ {sub(/^ *[0-9:]+ +/, ""); step=$0} /^ *[0-9:]+ +\([0-9.]+ s[,)]/ && step != "" {
         match($0, /\([0-9.]+ s/); printf "    %-70s %6.1f s\n", step, substr($0, RSTART + 1, RLENGTH - 3); step=""}' \
    "$root/.cache/bench/scale-$scale.log"
  # A second demo on the same home measures the no-op re-run.
  start=$(date +%s.%N)
  TRYGG_PSEUDONYM_KEY="benchmark-key-0123456789abcdefghijklmnop" \
    "$root/bin/trygg" demo --home "$home" --scale "$scale" >> "$root/.cache/bench/scale-$scale.log" 2>&1
  end=$(date +%s.%N)
  echo "scale $scale run $i re-run (no-op): $(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.1f", b-a}') s"
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print "median: " a[int((NR+1)/2)] " s"}'
