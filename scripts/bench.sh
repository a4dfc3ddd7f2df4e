#!/usr/bin/env bash
# The benchmark harness, one command: scripts/bench.sh SCALE [RUNS]
#   Generates 10 years (2016–2025) of sources at SCALE × national volume once (cached under .cache/bench/), then:
#   1. full rebuild: RUNS × `bin/trygg run` into an empty home (wall time, JVM start included) with each step's time
#      from the run record (bronze, silver, quality gate, gold marts, research views), and a no-op re-run;
#   2. the gold aggregations in Spark+Iceberg, plain Spark SQL and DuckDB over the same Parquet files (bin/trygg bench gold);
#   3. with BENCH_INCREMENTAL=1: the daily incremental run on top of 1 and of 20 years of history (three days each);
#   4. with BENCH_TRINO=1: the README's research queries through Trino (bin/trygg trino bench).
# With BENCH_SILVER_ONLY=1 (for scale 100 on a small machine) step 1 is one run up to silver (`--until SILVER`) and
# steps 3–4 are skipped: the gold aggregations of step 2 read silver incidents and offices only, so the staff survey is not loaded.
# Prints a Markdown summary for BENCHMARKS.md and keeps every log under .cache/bench/scale-SCALE/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scale="${1:?usage: scripts/bench.sh SCALE [RUNS]  (env BENCH_INCREMENTAL=1, BENCH_TRINO=1 for the optional parts)}"
runs="${2:-3}"
trygg="$root/bin/trygg"
work="$root/.cache/bench/scale-$scale"
export TRYGG_PSEUDONYM_KEY="${TRYGG_PSEUDONYM_KEY:-benchmark-key-0123456789abcdefghijklmnop}"
# The sources end on 31 December 2025: the gate judges freshness as of the next morning, as the demo does.
asof=(--set trygg.quality.as-of=2026-01-01)
mkdir -p "$work"
"$trygg" --version >/dev/null   # build outside the timing

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.1f", b-a}'; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# Each step of the newest run record in a home, as "seconds/Spark jobs" for bronze silver quality gold research.
steps() {
  python3 - "$1/runs" <<'PY'
import json, os, sys
d = sys.argv[1]
f = sorted(x for x in os.listdir(d) if x.endswith(".json"))[-1]
run = json.load(open(os.path.join(d, f)))
s, j = run.get("stepSeconds", {}), run.get("stepSparkJobs", {})
print(" ".join("%.1f/%s" % (s.get(k, 0), j.get(k, "?")) for k in ("bronze", "silver", "quality", "gold", "research")))
PY
}
generate() { # generate FROM TO DIR
  [ -f "$3/manifest.json" ] || "$trygg" generate --seed 42 --from "$1" --to "$2" --scale "$scale" --out "$3" > "$3.log" 2>&1
}

echo "## scale $scale ($(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(date -u +%Y-%m-%d), commit $(git -C "$root" rev-parse --short HEAD))"
generate 2016 2025 "$work/sources"
echo "sources: $(find "$work/sources" -type f -name '*.csv' | wc -l) files, $(du -sh "$work/sources" | cut -f1)"

if [ "${BENCH_SILVER_ONLY:-0}" = 1 ]; then
  echo; echo "### sources → silver, 10 years (one run)"
  echo "| wall s (JVM start included) | bronze | silver |"
  echo "|---|---|---|"
  # Only the sources the gold aggregation reads: the staff survey (most of the rows) is left out.
  src="$work/sources-gold"; rm -rf "$src"; mkdir -p "$src"
  for d in incidents office_register office_month security_measures; do cp -al "$work/sources/$d" "$src/$d"; done
  home="$work/home"; rm -rf "$home"
  t0=$(now); "$trygg" run --home "$home" --sources "$src" --until SILVER "${asof[@]}" > "$work/run-silver.log" 2>&1; t1=$(now)
  read -r b s q g r <<< "$(steps "$home")"
  echo "| $(secs "$t0" "$t1") | $b | $s |"
  echo; echo "### gold aggregations: the pipeline's engine against plain Spark and DuckDB"
  "$trygg" bench gold --home "$home" --runs "$runs" 2>/dev/null | sed -n '/^| engine/,$p'
  exit 0
fi

echo; echo "### full rebuild, 10 years"
echo "Steps as seconds/Spark jobs."
echo "| run | wall s (JVM start included) | bronze | silver | quality gate | gold marts | research views | no-op re-run s |"
echo "|---|---|---|---|---|---|---|---|"
walls=()
for i in $(seq 1 "$runs"); do
  home="$work/home"; rm -rf "$home"
  t0=$(now); "$trygg" run --home "$home" --sources "$work/sources" "${asof[@]}" > "$work/run-$i.log" 2>&1; t1=$(now)
  read -r b s q g r <<< "$(steps "$home")"
  t2=$(now); "$trygg" run --home "$home" --sources "$work/sources" "${asof[@]}" > "$work/rerun-$i.log" 2>&1; t3=$(now)
  walls+=("$(secs "$t0" "$t1")")
  echo "| $i | $(secs "$t0" "$t1") | $b | $s | $q | $g | $r | $(secs "$t2" "$t3") |"
done
echo "median full rebuild: $(median "${walls[@]}") s"

echo; echo "### gold aggregations: the pipeline's engine against plain Spark and DuckDB"
"$trygg" bench gold --home "$work/home" --runs 5 2>/dev/null | sed -n '/^| engine/,$p'

if [ "${BENCH_INCREMENTAL:-0}" = 1 ]; then
  echo; echo "### daily incremental run (one day's incident export) on top of history"
  echo "Steps as seconds/Spark jobs."
  echo "| history | day | wall s | bronze | silver | quality gate | gold marts | research views |"
  echo "|---|---|---|---|---|---|---|---|"
  for years in 1 20; do
    src="$work/sources-history-$years"; home="$work/home-history-$years"
    generate $((2025 - years + 1)) 2025 "$src"
    rm -rf "$home" "$src-days"; cp -r "$src" "$src-days"
    # History: everything to 31 December 2025 (the generator's yearly exports, such as the measures register, are due then).
    "$trygg" run --home "$home" --sources "$src-days" --through 2025-12-31 > "$work/history-$years.log" 2>&1
    for k in 1 2 3; do
      day="2026-01-0$k"
      # A new day's export: 31 December's incidents as new incidents of this day (new ids, new dates).
      sed -e "2,\$ s/2025-12-31/$day/g" -e "2,\$ s/^H2025-/H2026D$k-/" "$src-days/incidents/incidents_2025-12-31.csv" \
        > "$src-days/incidents/incidents_$day.csv"
      t0=$(now); "$trygg" run --home "$home" --sources "$src-days" --through "$day" > "$work/incremental-$years-$day.log" 2>&1; t1=$(now)
      read -r b s q g r <<< "$(steps "$home")"
      echo "| $years years | $day | $(secs "$t0" "$t1") | $b | $s | $q | $g | $r |"
    done
  done
fi

if [ "${BENCH_TRINO:-0}" = 1 ]; then
  echo; echo "### research queries through Trino"
  "$trygg" trino start --home "$work/home" > "$work/trino.log" 2>&1
  trap '"$trygg" trino stop --home "$work/home" >/dev/null 2>&1 || true' EXIT
  "$trygg" trino bench --home "$work/home" --runs 30 2>/dev/null | tail -n 8
fi
