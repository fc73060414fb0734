#!/usr/bin/env bash
# The whole test suite, as the README gives it and as .ci/run calls it.
# Installs what it needs (Node 24 from npm, Debian's chromium and nginx, and
# for the stacks Docker), then runs each phase and prints its duration.
#   ATELIER_SKIP=stacks,e2e npm test   skips phases on a developer machine.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

# Node 24 comes from the npm registry's `node` package (the machine's own is 20).
export PATH="$root/node_modules/.bin:$PATH"

declare -a summary=()
phase() {
  local name=$1
  shift
  if [[ ",${ATELIER_SKIP:-}," == *",$name,"* ]]; then
    echo "=== phase $name: skipped (ATELIER_SKIP)"
    summary+=("$name: skipped")
    return 0
  fi
  echo "=== phase $name"
  local start=$SECONDS
  "$@"
  local took=$((SECONDS - start))
  echo "=== phase $name: ${took}s"
  summary+=("$name: ${took}s")
}

install_node_modules() {
  if [[ ! -x node_modules/.bin/node || package-lock.json -nt node_modules/.package-lock.json ]]; then
    npm ci --no-audit --no-fund
  fi
  node --version
}

phase install bash -c "$(declare -f install_node_modules); install_node_modules"
phase provision bash scripts/ci/provision.sh
phase typecheck bash -c "astro sync && tsc --noEmit"
phase unit npx vitest run --project unit
phase build npm run build
phase e2e npx vitest run --project e2e
phase stacks npm run test:stacks

echo "=== durations"
printf '  %s\n' "${summary[@]}"
