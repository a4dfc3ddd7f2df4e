#!/usr/bin/env bash
# Side-by-side daily incremental runs of two checkouts (OLD_TRYGG, NEW_TRYGG: their bin/trygg), alternating, 1 year of history, scale 1.
set -euo pipefail
w="${BENCH_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.cache/bench/ab}"; mkdir -p "$w"
export TRYGG_PSEUDONYM_KEY=benchmark-key-0123456789abcdefghijklmnop
now() { date +%s.%N; }
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
old="${OLD_TRYGG:?set OLD_TRYGG to the bin/trygg of the old checkout}"; new="${NEW_TRYGG:-$root/bin/trygg}"
$old --version >/dev/null; $new --version >/dev/null
[ -f $w/src/manifest.json ] || $new generate --seed 42 --from 2025 --to 2025 --scale 1 --out $w/src > $w/gen.log 2>&1
for x in old new; do
  t=$old; [ $x = new ] && t=$new
  rm -rf $w/home-$x $w/src-$x; cp -r $w/src $w/src-$x
  t0=$(now); $t run --home $w/home-$x --sources $w/src-$x --through 2025-12-31 > $w/history-$x.log 2>&1; t1=$(now)
  echo "history $x $(awk -v a=$t0 -v b=$t1 'BEGIN{printf "%.1f", b-a}')"
done
for k in 1 2 3; do
  day="2026-01-0$k"
  for x in old new; do
    t=$old; [ $x = new ] && t=$new
    sed -e "2,\$ s/2025-12-31/$day/g" -e "2,\$ s/^H2025-/H2026D$k-/" "$w/src-$x/incidents/incidents_2025-12-31.csv" > "$w/src-$x/incidents/incidents_$day.csv"
    t0=$(now); $t run --home $w/home-$x --sources $w/src-$x --through $day > $w/daily-$x-$day.log 2>&1; t1=$(now)
    steps=$(python3 - "$w/home-$x/runs" <<'PY'
import json, os, sys
d = sys.argv[1]
f = sorted(x for x in os.listdir(d) if x.endswith(".json"))[-1]
run = json.load(open(os.path.join(d, f)))
s, j = run.get("stepSeconds", {}), run.get("stepSparkJobs", {})
print(" ".join("%s=%.1f/%s" % (k, s.get(k, 0), j.get(k, "?")) for k in ("bronze", "silver", "quality", "gold", "research")))
PY
)
    echo "daily $x $day $(awk -v a=$t0 -v b=$t1 'BEGIN{printf "%.1f", b-a}') $steps"
  done
done
