#!/usr/bin/env bash
# Builds (once) a Debian root filesystem with the given packages and prints its path.
#   scripts/ci/rootfs.sh <suite> [package ...]
# Used for the stand-in images (`docker import`) and for the nginx oracle
# (a chroot holding the nginx the stacks use). Cached by content hash of the
# suite, the package list and this script, under $ATELIER_CACHE.
set -euo pipefail

suite=${1:?usage: rootfs.sh <suite> [package ...]}
shift
packages=("$@")
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
cache=${ATELIER_CACHE:-/var/cache/atelier-compose}
key=$( { printf '%s\n' "$suite" "${packages[@]}"; cat "$0"; } | sha256sum | cut -c1-16)
dir="$cache/rootfs/$suite-$key"

mkdir -p "$cache/rootfs"
exec 9>"$dir.lock"
flock 9
if [[ -f "$dir/.complete" ]]; then
  echo "$dir"
  exit 0
fi

if ! command -v debootstrap >/dev/null; then
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >&2
fi

rm -rf "$dir"
# The `sid` script fits every current suite, including ones newer than the host's debootstrap.
debootstrap --variant=minbase "$suite" "$dir" "$mirror" /usr/share/debootstrap/scripts/sid >&2

if ((${#packages[@]})); then
  # Testing and unstable Release files in this archive are past their Valid-Until date.
  chroot "$dir" apt-get -o Acquire::Check-Valid-Until=false update -qq >&2
  chroot "$dir" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >&2
  chroot "$dir" apt-get clean >&2
fi
rm -rf "$dir"/var/lib/apt/lists/*
touch "$dir/.complete"
echo "$dir"
