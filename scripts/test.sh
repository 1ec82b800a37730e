#!/usr/bin/env bash
# Run bilat's whole test suite on a fresh machine: install what the tests need (Debian's
# PostgreSQL server and Chromium, the pinned Python environment), then pytest.
# Extra arguments go to pytest, e.g. scripts/test.sh -k store -x
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
{ command -v initdb >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; } || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)

# apt-get, waiting while another process (apt, unattended-upgrades) holds the dpkg or lists lock,
# instead of failing with apt's raw "Could not get lock" error; other errors are shown and fatal
apt_retry() {
  local attempt out
  for attempt in $(seq 1 "${BILAT_APT_ATTEMPTS:-60}"); do
    if out=$(DEBIAN_FRONTEND=noninteractive "${BILAT_APT_GET:-apt-get}" -o DPkg::Lock::Timeout=10 "$@" 2>&1); then
      return 0
    fi
    if ! grep -qiE "could not get lock|unable to acquire the dpkg|unable to lock|is another process using it" <<<"$out"; then
      echo "$out" >&2
      echo "apt-get $* failed (above); install ${need[*]} by hand and run scripts/test.sh again" >&2
      return 1
    fi
    echo "another process holds the package manager's lock; waiting (attempt $attempt)" >&2
    sleep "${BILAT_APT_WAIT:-5}"
  done
  echo "the package manager stayed locked; install ${need[*]} by hand when it is free" >&2
  return 1
}

if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing system packages: ${need[*]}"
    apt_retry update -qq
    apt_retry install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "missing system packages: ${need[*]} (sudo apt-get install ${need[*]}); their tests will fail" >&2
  fi
fi
bash scripts/install.sh test
# the browser tests must not skip quietly where Chromium is expected
export BILAT_REQUIRE_BROWSER="${BILAT_REQUIRE_BROWSER:-1}"
exec .venv/bin/python -m pytest -p no:cacheprovider "$@"
