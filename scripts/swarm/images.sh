#!/usr/bin/env bash
# Builds the two stand-ins the multi-node Swarm test needs, from Debian
# packages as scripts/images/build.sh does for the stacks' images (no registry
# is reachable here): a Docker-in-Docker node (docker.io) and an image
# registry (docker-registry). Cached by content hash: an image whose hash tag
# exists is not rebuilt. Prints the two tags, name=tag, one a line.
#   scripts/swarm/images.sh
# Environment: ATELIER_CACHE (default /var/cache/atelier-compose), as rootfs.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=atelier-stand-in

# name | Debian suite | packages. trixie's docker.io is the engine the host
# runs (26.1), so the nodes behave as the single-node test's daemon does.
specs=(
  'dind|trixie|docker.io docker-cli ca-certificates iproute2 procps'
  'registry|trixie|docker-registry'
)

build_one() {
  local name=$1 suite=$2 packages=$3
  local start=$SECONDS dir base hash tag
  # shellcheck disable=SC2086
  dir=$(scripts/ci/rootfs.sh "$suite" $packages)
  base=$repo/base-$name:$(basename "$dir")
  if ! docker image inspect "$base" >/dev/null 2>&1; then
    tar -C "$dir" --exclude=./.complete --exclude=./usr/share/doc --exclude=./usr/share/man \
      --exclude=./usr/share/locale --numeric-owner -c . | docker import - "$base" >/dev/null
  fi
  hash=$( {
    echo "$base"
    (cd "scripts/swarm/images/$name" && find . -type f -printf '%m %p\n' | LC_ALL=C sort)
    (cd "scripts/swarm/images/$name" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
  } | sha256sum | cut -c1-16)
  tag=$repo/$name:$hash
  local status=cache
  if ! docker image inspect "$tag" >/dev/null 2>&1; then
    status=build
    docker build -q --build-arg "BASE=$base" -t "$tag" "scripts/swarm/images/$name" >/dev/null
    # Older builds of this stand-in: their hash tags go (unless a container uses them).
    docker image ls --format '{{.Repository}}:{{.Tag}}' "$repo/$name" | grep -vxF "$tag" | xargs -r docker image rm >/dev/null 2>&1 || true
  fi
  echo "swarm image $name: $tag ($status, $((SECONDS - start))s)" >&2
  echo "$name=$tag"
}

for spec in "${specs[@]}"; do
  IFS='|' read -r name suite packages <<<"$spec"
  build_one "$name" "$suite" "$packages"
done
