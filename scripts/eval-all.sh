#!/usr/bin/env bash
# Runs every khaldun eval suite on the full shared sets and prints the README
# table. Usage: scripts/eval-all.sh [path/to/khaldun]  (KHALDUN_SHARED as usual)
set -euo pipefail
bin=${1:-}
if [ -z "$bin" ]; then
  bin=$(mktemp -d)/khaldun
  go build -o "$bin" ./cmd/khaldun
fi
echo "| suite | gold | n | figures |"
echo "| --- | --- | --- | --- |"
for suite in petrarch plover conflibert-class conflibert-spans conll timeml geo polnear policeevents extract ecbplus; do
  out=$("$bin" eval "$suite" --json 2>/dev/null) || { echo "| $suite | (failed) | | |"; continue; }
  python3 - "$out" <<'PY'
import json, sys, os
r = json.loads(sys.argv[1])
keys = {
  "petrarch": ["coded_pct", "extra_pct", "exact_f1", "headline_f1", "root_f1"],
  "plover": ["exact_f1", "headline_f1", "root_f1"],
  "conflibert-class": ["accuracy", "macro_f1"],
  "conflibert-spans": ["exact_f1", "partial_f1", "source_f1", "target_f1"],
  "conll": ["f1_4type", "f1_3type"],
  "timeml": ["relaxed_f1", "strict_f1", "date_value_acc"],
  "geo": ["acc161", "country_acc", "median_km", "recog_f1"],
  "polnear": ["source_f1_direct", "content_f1_direct", "source_f1_all"],
  "policeevents": ["kill_p", "kill_r", "arrest_p", "arrest_r"],
  "extract": ["include_rate", "exclude_rate", "title_acc", "date_acc"],
  "ecbplus": ["merge_p", "merge_r", "dup_p", "dup_r", "union_r", "cross_topic_merges"],
}[r["suite"]]
m = r["metrics"]
def fig(k, v):
  if k.startswith("cross_topic_"):
    return f"{k} {v:.0f}"  # a count of pairs
  if k.endswith(("_pct", "_km")):
    return f"{k} {v:.1f}"
  return f"{k} {v:.3f}"
figs = ", ".join(fig(k, m[k]) for k in keys if k in m)
gold = r["gold"].split("shared/")[-1]
print(f"| {r['suite']} | {gold} | {r['n']} | {figs} |")
PY
done
