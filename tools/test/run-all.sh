#!/usr/bin/env bash
# `npm test`: installs what the tests need, lints, builds, runs every test tier, and ends with
# the plain "N passed, N failed" line. Exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false NX_SKIP_NX_CACHE=true PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

bash tools/test/ensure-system-packages.sh || exit 1
[ -d node_modules ] || npm ci || exit 1
rm -rf tmp/test-totals

failed_steps=0   # steps that failed
unreported=0     # failures no jest total counts (lint, build)
step() {
  local counted=$1 name=$2
  shift 2
  echo "== $name"
  if ! "$@"; then
    echo "!! $name failed"
    failed_steps=$((failed_steps + 1))
    [ "$counted" = yes ] || unreported=$((unreported + 1))
  fi
}

step no "lint (with module boundaries)" npm run lint --silent
step no "type check (server, tests, tools)" npm run typecheck --silent
step no "build" npm run build --silent
step yes "unit and integration tests" npx jest -c jest.config.js --ci
step yes "end-to-end tests" npx jest -c e2e/jest.config.js --ci --runInBand

node tools/test/summary.js "$unreported"
[ "$failed_steps" -eq 0 ]
