#!/usr/bin/env bash
# The single entry point before anything needs Docker (the stacks harness calls
# it first): provisions Docker Engine + Compose v2 and builds the stand-in
# images tagged with the official names. Idempotent and cached; prints each
# step's duration and the total.
#   scripts/docker/ensure.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

start=$SECONDS
step() {
  local name=$1
  shift
  local step_start=$SECONDS
  echo "=== docker/ensure: $name"
  "$@"
  echo "=== docker/ensure: $name: $((SECONDS - step_start))s"
}

step provision bash scripts/docker/provision.sh
step images bash scripts/images/build.sh
echo "=== docker/ensure: total: $((SECONDS - start))s"
