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
  # Docker Engine, Compose v2 and the stand-in images (no registry here).
  if [[ -f scripts/docker/ensure.sh ]]; then
    bash scripts/docker/ensure.sh
  elif [[ -f scripts/docker/provision.sh && -f scripts/images/build.sh ]]; then
    bash scripts/docker/provision.sh
    bash scripts/images/build.sh
  else
    echo "Ni scripts/docker/ensure.sh ni provision.sh : Docker doit déjà tourner." >&2
  fi
fi

if [[ ${ATELIER_STACKS_STATIC_ONLY:-} != 1 ]]; then
  # The options of psql, pg_dump, redis-cli, nginx and npm, read in the images just built;
  # recorded again only when a tool's version changed, then the lessons' commands checked against them.
  npm run --silent oracle:tool-options -- --if-changed
  npx vitest run --project unit scripts/stacks/tool-options.test.ts
fi

# Per-stack durations are printed by the test file (build, up→healthy, restart, total).
status=0
npx vitest run --project stacks "$@" || status=$?
echo "=== stacks: $((SECONDS - start)) s au total"
exit $status
