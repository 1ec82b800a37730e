#!/usr/bin/env bash
# Re-extract the dev set, both peers' gold-sentence sets and the bundled samples, and
# compare byte for byte with reference outputs made by the untouched extractor.
#   tools/check_identical.sh            compare against $REF (default /tmp/wt8ref)
#   tools/check_identical.sh --make     (re)write the references with the current code
# 'dev-nofallback' extracts the dev set again with publication_date_fallback = false.
# To make references from another checkout's code: PYTHONPATH=/that/checkout/src tools/check_identical.sh --make
set -uo pipefail
cd "$(dirname "$0")/.."
REF="${REF:-/tmp/wt8ref}"
EXT="${EXT:-/tmp/wt8ext}"
SHARED="${BILAT_SHARED:-$(cd .. && pwd)/shared}"
[ -f "$EXT/petr2_gsr.articles.jsonl" ] || python3 "$SHARED/eval/external.py" "$EXT" >/dev/null
declare -A INPUTS=(
  [dev]="$SHARED/eval/dev/articles.jsonl"
  [petr2]="$EXT/petr2_gsr.articles.jsonl"
  [plover]="$EXT/plover_gsr.articles.jsonl"
  [samples]="src/bilat/samples/articles.jsonl"
  [dev-nofallback]="$SHARED/eval/dev/articles.jsonl"
)
NOFALLBACK="$(mktemp)"; printf 'publication_date_fallback = false\n' > "$NOFALLBACK"
mode="${1:-check}"
out="$REF"; [ "$mode" = "--make" ] || out="$(mktemp -d)"
mkdir -p "$out"
fail=0
for name in dev petr2 plover samples dev-nofallback; do
  opts=(); [ "$name" = dev-nofallback ] && opts=(--settings "$NOFALLBACK")
  .venv/bin/python -c "from bilat.cli import main; main()" "${opts[@]}" extract "${INPUTS[$name]}" -o "$out/$name.jsonl" -q 2>/dev/null
  if [ "$mode" != "--make" ]; then
    if cmp -s "$out/$name.jsonl" "$REF/$name.jsonl"; then echo "identical  $name ($(wc -l < "$REF/$name.jsonl") events)"
    else echo "DIFFERENT  $name"; diff <(head -c 100000 "$REF/$name.jsonl") <(head -c 100000 "$out/$name.jsonl") | head -6; fail=1; fi
  fi
done
[ "$mode" = "--make" ] && echo "references written to $REF"
exit $fail
