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

# The real tools the engine and the lessons' commands are judged against: Compose
# 2.40, nginx 1.30 and the Docker CLI from Debian forky, in cached chroots (never
# installed on the host).
record_oracles() {
  bash scripts/ci/rootfs.sh forky docker-compose >/dev/null
  npm run oracle:compose
  npm run oracle:nginx
  # The CLI grammar the lessons' commands are parsed against (Compose 2.40, Debian forky's Docker CLI).
  npm run oracle:docker-cli -- --if-changed
}

# The site built at / (dist) and under a sub-path, both link-checked.
build_site() {
  npm run build
  npm run linkcheck
  BASE_PATH=/formation/ OUT_DIR=.cache/dist-formation npm run build
  npm run linkcheck -- .cache/dist-formation --base /formation/
}

# Oracle and lesson tests fail, rather than skip, when a real tool is missing.
export ATELIER_REQUIRE_ORACLES=1
export SITE_DIST_FORMATION=.cache/dist-formation

phase install bash -eo pipefail -c "$(declare -f install_node_modules); install_node_modules"
phase provision bash scripts/ci/provision.sh
phase typecheck bash -eo pipefail -c "astro sync && tsc --noEmit"
phase oracles bash -eo pipefail -c "$(declare -f record_oracles); record_oracles"
phase unit npx vitest run --project unit
# npm pack, install of the tarball offline into an empty prefix, the installed CLI and API.
phase package npx vitest run --project package
phase build bash -eo pipefail -c "$(declare -f build_site); build_site"
phase budget npm run budget
phase e2e npx vitest run --project e2e
phase perf npm run perf
phase bench npm run bench
phase docker bash scripts/docker/ensure.sh
phase stacks npm run test:stacks
phase swarm bash scripts/swarm/test-swarm.sh

echo "=== durations"
printf '  %s\n' "${summary[@]}"
