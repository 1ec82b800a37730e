#!/usr/bin/env bash
# Run bilat's whole test suite on a fresh machine: install what the tests need (Debian's
# PostgreSQL server and Chromium, the pinned Python environment), then pytest.
# Extra arguments go to pytest, e.g. scripts/test.sh -k store -x
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
{ command -v initdb >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; } || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing system packages: ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "missing system packages: ${need[*]} (sudo apt-get install ${need[*]}); their tests will fail" >&2
  fi
fi
bash scripts/install.sh test
# the browser tests must not skip quietly where Chromium is expected
export BILAT_REQUIRE_BROWSER="${BILAT_REQUIRE_BROWSER:-1}"
exec .venv/bin/python -m pytest -p no:cacheprovider "$@"
