#!/usr/bin/env bash
# Install bilat into ./.venv with pinned versions: the spaCy model by its hash, everything
# else under requirements/constraints.txt. Usage: scripts/install.sh [EXTRAS], e.g. "test"
# or "parquet". Each step says what it does first: pip itself is quiet, and a fresh install
# takes a minute or two.
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"
say() { echo "bilat install: $*" >&2; }
started=$SECONDS
if [ ! -x .venv/bin/python ]; then
  say "creating the virtual environment .venv"
  python3 -m venv .venv
fi
say "[1/2] the pinned spaCy model (en-core-web-sm 3.8.0, checked by its hash) ..."
.venv/bin/pip install -q --disable-pip-version-check --require-hashes --no-deps -r requirements/model.txt
spec="."
[ -n "$extras" ] && spec=".[$extras]"
say "[2/2] bilat${extras:+ with [$extras]} and its pinned dependencies (about a minute on a fresh machine) ..."
.venv/bin/pip install -q --disable-pip-version-check -c requirements/constraints.txt -e "$spec"
say "done in $((SECONDS - started)) s; try: .venv/bin/bilat demo"
