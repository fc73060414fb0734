#!/usr/bin/env bash
# `npm run test:stacks`: every chapter's stack started with a real Docker
# Engine and proven to work (tests/stacks/stacks.test.ts), one after another.
#   ATELIER_STACKS=05,08 npm run test:stacks      only some stacks
#   ATELIER_STACKS_STATIC_ONLY=1 npm run test:stacks   config, engine and nginx -t only
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PWD/node_modules/.bin:$PATH"
start=$SECONDS

if [[ ${ATELIER_STACKS_STATIC_ONLY:-} != 1 ]]; then
  if [[ -x scripts/docker/ensure.sh ]]; then
    scripts/docker/ensure.sh
  else
    echo "scripts/docker/ensure.sh absent : Docker doit déjà tourner." >&2
  fi
fi

# Per-stack durations are printed by the test file (build, up→healthy, restart, total).
status=0
npx vitest run --project stacks "$@" || status=$?
echo "=== stacks: $((SECONDS - start)) s au total"
exit $status
