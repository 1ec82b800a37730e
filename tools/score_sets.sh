#!/usr/bin/env bash
# Developer aid: extract and score every evaluation set this checkout can see, in one go.
#   tools/score_sets.sh NAME [BATCH...]
# Outputs go to /tmp/bilat-score/NAME/. Prints the dev set whole and per half
# (tools/score_halves.py), the peers' gold sentences (PLOVER GSR, PETR-2 GSR: loose, as they
# carry no dates) and the developers' own batches under eval/own/ (strict, each and pooled;
# default: every batch there). PYTHONPATH=/other/checkout/src scores another checkout's code
# with this one's tools, which is how a change is compared with its start.
set -uo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: tools/score_sets.sh NAME [BATCH...]}; shift
out=/tmp/bilat-score/$name; mkdir -p "$out"
shared="${BILAT_SHARED:-$(cd .. && pwd)/shared}"
ext=/tmp/bilat-score/ext
bilat=.venv/bin/bilat; score="python3 $shared/eval/score.py"
[ -f "$ext/petr2_gsr.articles.jsonl" ] || python3 "$shared/eval/external.py" "$ext" >/dev/null
batches=${*:-$(ls eval/own/*.articles.jsonl 2>/dev/null | sed 's#.*/##; s#\.articles\.jsonl##')}
"$bilat" extract "$shared/eval/dev/articles.jsonl" -o "$out/dev.jsonl" --quiet 2>/dev/null &
"$bilat" extract "$ext/plover_gsr.articles.jsonl" -o "$out/plover.jsonl" --quiet 2>/dev/null &
wait
"$bilat" extract "$ext/petr2_gsr.articles.jsonl" -o "$out/petr2.jsonl" --quiet 2>/dev/null
for b in $batches; do "$bilat" extract "eval/own/$b.articles.jsonl" -o "$out/$b.jsonl" --quiet 2>/dev/null; done
echo "== $name"
.venv/bin/python tools/score_halves.py "$out/dev.jsonl" --shared "$shared" | grep -E "^(whole|even|odd)"
for peer in plover petr2; do
  printf '%-7s' "$peer"; $score "$ext/${peer}_gsr.gold.jsonl" "$out/$peer.jsonl" | grep -E "^loose"
done
[ -n "$batches" ] || exit 0
: > "$out/own.gold"; : > "$out/own.pred"
for b in $batches; do
  printf '%-7s' "$b"; $score "eval/own/$b.gold.jsonl" "$out/$b.jsonl" | grep -E "^strict "
  cat "eval/own/$b.gold.jsonl" >> "$out/own.gold"; cat "$out/$b.jsonl" >> "$out/own.pred"
done
printf '%-7s' "pooled"; $score "$out/own.gold" "$out/own.pred" | grep -E "^(strict |duplicates)" | tr '\n' ' '; echo
