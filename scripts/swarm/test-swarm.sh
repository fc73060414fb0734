#!/usr/bin/env bash
# The `swarm` phase of scripts/test.sh: chapter 12's stack on real Swarm
# clusters (tests/swarm): the machine's own Docker as a one-node Swarm, then
# three Docker-in-Docker nodes and a local registry. Prints the phase's time.
#   bash scripts/swarm/test-swarm.sh [vitest args]
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PWD/node_modules/.bin:$PATH"
start=$SECONDS

# Docker Engine and the stand-ins of the official images (no registry here),
# then the node and registry stand-ins (also built by the test if missing).
bash scripts/docker/ensure.sh
bash scripts/swarm/images.sh >/dev/null

status=0
# Both files at once, even on two cores: they spend their time waiting on
# healthchecks, heartbeats and pulls.
npx vitest run --project swarm --maxWorkers=2 "$@" || status=$?
echo "=== swarm: $((SECONDS - start)) s au total"
exit $status
