#!/usr/bin/env bash
# Provisions a Docker Engine and Compose v2 on this machine (Debian bookworm,
# root, no systemd, no container registry) and starts the daemon. Idempotent:
# a second run only checks and reuses what is there.
#   scripts/docker/provision.sh
# Environment:
#   ATELIER_DOCKERD_LOG     dockerd's log file (default /var/log/atelier-dockerd.log)
#   ATELIER_STORAGE_DRIVER  force a storage driver instead of trying overlay2, fuse-overlayfs, vfs
#   ATELIER_DOCKERD_ARGS    more dockerd options, e.g. a second daemon beside the first:
#                           "--data-root /tmp/d2 --exec-root /tmp/d2x --pidfile /tmp/d2.pid
#                           -H unix:///tmp/d2.sock --iptables=false" (with
#                           DOCKER_HOST=unix:///tmp/d2.sock). Never --bridge=none beside
#                           a running daemon: dockerd then deletes the shared docker0.
set -euo pipefail

log_file=${ATELIER_DOCKERD_LOG:-/var/log/atelier-dockerd.log}
total_start=$SECONDS

step() {
  local name=$1
  shift
  local start=$SECONDS
  echo "--- docker: $name"
  "$@"
  echo "--- docker: $name: $((SECONDS - start))s"
}

# Engine 26 (API 1.45) rather than bookworm's 20.10: the stacks may use
# healthcheck options such as start_interval (API 1.44). Compose v2 is only
# packaged from trixie on, and its docker-cli breaks bookworm's docker.io, so
# the four packages come from trixie together. The pin keeps trixie at
# priority 100, and `package/trixie` (not `-t trixie`, which would prefer
# trixie for every dependency and upgraded libc6 on a fresh bookworm) takes
# those four from it, plus containerd at most: libc6, runc and iptables stay
# bookworm's (checked in a fresh bookworm chroot).
installed() {
  [[ $(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null) == installed ]]
}

install_packages() {
  local have
  have=$(dpkg-query -W -f='${Version}' docker.io 2>/dev/null || true)
  if installed docker.io && [[ $have == 26.* ]] && installed docker-compose && installed docker-buildx; then
    echo "docker.io $have et docker-compose déjà installés"
    return 0
  fi
  if [[ $(id -u) -ne 0 ]]; then
    echo "Il faut être root pour installer Docker (apt-get)." >&2
    return 1
  fi
  cat >/etc/apt/sources.list.d/atelier-trixie.sources <<'SOURCES'
Types: deb
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
  cat >/etc/apt/preferences.d/atelier-trixie <<'PIN'
Package: *
Pin: release n=trixie
Pin-Priority: 100
PIN
  echo "installation de docker.io, docker-cli, docker-buildx et docker-compose (trixie)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    docker.io/trixie docker-cli/trixie docker-buildx/trixie docker-compose/trixie
}

docker_answers() {
  timeout 10 docker info >/dev/null 2>&1
}

# Brings up dockerd with one storage driver; fails if it does not answer or
# cannot run a container with that driver.
try_dockerd() {
  local driver=$1
  echo "démarrage de dockerd (storage driver $driver), journal : $log_file"
  : >"$log_file"
  # Word splitting is intended: ATELIER_DOCKERD_ARGS is a list of options.
  # shellcheck disable=SC2086
  setsid nohup dockerd --storage-driver="$driver" ${ATELIER_DOCKERD_ARGS:-} >>"$log_file" 2>&1 </dev/null &
  local pid=$!
  local waited=0
  until docker_answers; do
    if ! kill -0 "$pid" 2>/dev/null || ((waited >= 60)); then
      echo "dockerd ($driver) ne répond pas ; fin du journal :" >&2
      tail -n 15 "$log_file" >&2
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
      return 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
  echo "dockerd prêt en ${waited}s (pid $pid)"
}

start_daemon() {
  if docker_answers; then
    echo "dockerd répond déjà : réutilisé"
    return 0
  fi
  # A daemon killed without cleanup leaves its pid file, which blocks a new one.
  if [[ -f /var/run/docker.pid ]] && ! kill -0 "$(cat /var/run/docker.pid)" 2>/dev/null; then
    rm -f /var/run/docker.pid
  fi
  local drivers=(overlay2 fuse-overlayfs vfs)
  if [[ -n ${ATELIER_STORAGE_DRIVER:-} ]]; then drivers=("$ATELIER_STORAGE_DRIVER"); fi
  local driver
  for driver in "${drivers[@]}"; do
    if [[ $driver == fuse-overlayfs ]] && ! command -v fuse-overlayfs >/dev/null; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fuse-overlayfs || continue
    fi
    if try_dockerd "$driver"; then return 0; fi
  done
  echo "Aucun storage driver ne fonctionne (${drivers[*]}) : voir $log_file" >&2
  return 1
}

# /usr/local/bin/docker (a newer client) may shadow Debian's /usr/bin/docker:
# whichever runs must find the compose plugin.
check_compose() {
  if ! docker compose version >/dev/null 2>&1; then
    mkdir -p "$HOME/.docker/cli-plugins"
    ln -sf /usr/libexec/docker/cli-plugins/docker-compose "$HOME/.docker/cli-plugins/docker-compose"
  fi
  echo "client : $(command -v docker), $(docker version --format '{{.Client.Version}}')"
  echo "serveur : $(docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})')"
  echo "storage driver : $(docker info --format '{{.Driver}}')"
  docker compose version
}

step packages install_packages
step daemon start_daemon
step compose check_compose
echo "--- docker: provision total: $((SECONDS - total_start))s"
