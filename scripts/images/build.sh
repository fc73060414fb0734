#!/usr/bin/env bash
# Builds the local stand-ins for the official images the stacks use, tagged with
# the official names, since no registry is reachable here (see README.md beside
# this script). Each image = a Debian rootfs (scripts/ci/rootfs.sh, imported
# with `docker import`) + the small Dockerfile in scripts/images/<name>/.
# Cached by content hash: an image whose hash tag exists is not rebuilt.
#   scripts/images/build.sh [name ...]     names: node postgres redis nginx (default: all)
# Environment: ATELIER_CACHE (default /var/cache/atelier-compose), as rootfs.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
cache=${ATELIER_CACHE:-/var/cache/atelier-compose}
repo=atelier-stand-in

# name | Debian suite | packages | official tags. Suites: postgresql-17 exists
# in trixie only; forky has the newest Redis 8 (8.0.6 vs trixie's 8.0.2) and
# nginx 1.30, the line the project judges nginx files with.
specs=(
  'node|trixie|busybox|node:24-alpine node:24'
  'postgres|trixie|postgresql-17 busybox|postgres:17-alpine postgres:17'
  'redis|forky|redis-server busybox|redis:8-alpine redis:8'
  'nginx|forky|nginx gettext-base busybox curl ca-certificates|nginx:1.30-alpine nginx:1.30'
)

wanted=("$@")
selected=()
for spec in "${specs[@]}"; do
  name=${spec%%|*}
  if ((${#wanted[@]} == 0)) || [[ " ${wanted[*]} " == *" $name "* ]]; then selected+=("$spec"); fi
done
if ((${#selected[@]} == 0)); then
  echo "Image inconnue : $* (connues : node postgres redis nginx)" >&2
  exit 2
fi

# Node, npm, yarn and corepack come from the npm registry: node from the
# repo's own `node` package (the binary package-lock.json pins), the others as
# packed tarballs at the versions node/versions.env pins, cached.
# node_inputs describes them for the content hash (and sets the build
# arguments); node_context copies them into the build context.
node_bin=$root/node_modules/node/bin/node
ca_bundle=/etc/ssl/certs/ca-certificates.crt

node_inputs() {
  if [[ ! -x $node_bin ]] || ! "$node_bin" --version | grep -q '^v24\.'; then
    echo "Node 24 manque dans node_modules/node : lancez npm ci d'abord." >&2
    return 1
  fi
  # shellcheck source=scripts/images/node/versions.env
  . "$root/scripts/images/node/versions.env"
  build_args+=(--build-arg "NODE_VERSION=$("$node_bin" --version | sed 's/^v//')" --build-arg "YARN_VERSION=$YARN_VERSION")
  # Contents only, so the checkout's path does not change the hash.
  echo "node $(sha256sum <"$node_bin")"
  echo "ca $(sha256sum <"$ca_bundle")"
}

# Unpacks npm package <name>@<version> into <dir>, from the cache or the registry.
unpack_npm_package() {
  local package=$1 version=$2 dir=$3
  local tgz=$cache/npm/$package-$version.tgz
  if [[ ! -s $tgz ]]; then
    mkdir -p "$cache/npm"
    (cd "$cache/npm" && npm pack --silent "$package@$version" >/dev/null)
  fi
  mkdir -p "$dir"
  tar -xzf "$tgz" -C "$dir" --strip-components=1 --no-same-owner
}

node_context() {
  local ctx=$1
  cp "$node_bin" "$ctx/node"
  unpack_npm_package npm "$NPM_VERSION" "$ctx/npm"
  unpack_npm_package corepack "$COREPACK_VERSION" "$ctx/corepack"
  unpack_npm_package yarn "$YARN_VERSION" "$ctx/yarn"
  cp "$ca_bundle" "$ctx/ca-certificates.crt"
}

# The rootfs directories, all at once: debootstrap waits on the network more
# than on the CPU, so four in parallel take about as long as one.
mkdir -p "$cache"
# One build at a time per cache: two runs would share the context directories.
exec 8>"$cache/build.lock"
flock 8
declare -A rootfs
pids=()
for spec in "${selected[@]}"; do
  IFS='|' read -r name suite packages _ <<<"$spec"
  # shellcheck disable=SC2086
  scripts/ci/rootfs.sh "$suite" $packages >"$cache/rootfs-$name.path" 2>"$cache/rootfs-$name.log" &
  pids+=("$!:$name")
done

for entry in "${pids[@]}"; do
  if ! wait "${entry%%:*}"; then
    echo "rootfs de ${entry#*:} en échec ; fin du journal $cache/rootfs-${entry#*:}.log :" >&2
    tail -n 20 "$cache/rootfs-${entry#*:}.log" >&2
    exit 1
  fi
  rootfs[${entry#*:}]=$(<"$cache/rootfs-${entry#*:}.path")
done

build_one() {
  local name=$1 official=$2
  local dir=${rootfs[$name]}
  local start=$SECONDS
  # Docs, man pages and message catalogues stay out of the image (about 100 MB
  # for postgres): alpine's images have none and nothing here reads them. The
  # base tag names the rootfs key and this list.
  local excludes=(./.complete ./usr/share/doc ./usr/share/man ./usr/share/info ./usr/share/locale ./usr/share/i18n)
  local base
  base=$repo/base-$name:$(basename "$dir")-$(printf '%s\n' "${excludes[@]}" | sha256sum | cut -c1-8)

  if ! docker image inspect "$base" >/dev/null 2>&1; then
    tar -C "$dir" "${excludes[@]/#/--exclude=}" --numeric-owner -c . | docker import - "$base" >/dev/null
    # The previous base of this image (another rootfs key or list) is unused now.
    docker image ls --format '{{.Repository}}:{{.Tag}}' "$repo/base-$name" | grep -vxF "$base" | xargs -r docker image rm >/dev/null 2>&1 || true
  fi

  build_args=(--build-arg "BASE=$base")
  # Not $(...): the inputs function also sets build_args in this shell.
  local extra_inputs=
  if declare -F "${name}_inputs" >/dev/null; then
    "${name}_inputs" >"$cache/inputs-$name"
    extra_inputs=$(<"$cache/inputs-$name")
  fi

  # The hash covers the Dockerfile directory (bytes and modes), the rootfs key,
  # the build arguments and the files added from outside the directory.
  local hash
  hash=$( {
    echo "$base"
    printf '%s\n' "${build_args[@]}" "$extra_inputs"
    (cd "scripts/images/$name" && find . \( -type f -o -type l \) -printf '%m %p %l\n' | LC_ALL=C sort)
    (cd "scripts/images/$name" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
  } | sha256sum | cut -c1-16)
  local tag=$repo/$name:$hash

  local status=cache
  if ! docker image inspect "$tag" >/dev/null 2>&1; then
    status=build
    local ctx=$cache/context/$name
    rm -rf "$ctx"
    mkdir -p "$ctx"
    cp -a "scripts/images/$name/." "$ctx/"
    if declare -F "${name}_context" >/dev/null; then "${name}_context" "$ctx"; fi
    if ! docker build --progress=plain "${build_args[@]}" -t "$tag" "$ctx" >"$cache/build-$name.log" 2>&1; then
      echo "échec de la construction de $name ; fin du journal $cache/build-$name.log :" >&2
      tail -n 30 "$cache/build-$name.log" >&2
      return 1
    fi
    rm -rf "$ctx"
  fi
  local t
  for t in $official; do docker tag "$tag" "$t"; done
  # Older builds of this image are replaced: drop their hash tags so a reused
  # machine does not keep every past version.
  docker image ls --format '{{.Repository}}:{{.Tag}}' "$repo/$name" | grep -vxF "$tag" | xargs -r docker image rm >/dev/null 2>&1 || true
  local size
  size=$(docker image inspect --format '{{.Size}}' "$tag" | awk '{ printf "%d Mo", $1 / 1000000 }')
  echo "image $name : $official <- $tag ($status, $((SECONDS - start))s, $size)"
}

for spec in "${selected[@]}"; do
  IFS='|' read -r name _ _ official <<<"$spec"
  build_one "$name" "$official"
done
