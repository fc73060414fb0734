#!/usr/bin/env bash
# Runs the real `nginx -t` (Debian's nginx 1.30, the line the stacks use) on
# every nginx file of one stack, inside the cached forky rootfs.
#   scripts/stacks/nginx-check.sh stacks/07-reverse-proxy
# The stack files are written as the official nginx image reads them, so they
# are wrapped the same way: the image's main nginx.conf includes conf.d/*.conf
# inside http {}, and templates/*.conf.template go through envsubst first.
# A private mount namespace lays our files over /etc/nginx and /etc/hosts, so
# the shared rootfs is never modified.
set -euo pipefail

stack=$(cd "${1:?usage: nginx-check.sh <stack-dir>}" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
rootfs=$("$root/scripts/ci/rootfs.sh" forky nginx)

mapfile -t files < <(cd "$stack" && find . -path ./node_modules -prune -o \( -name '*.conf' -o -name '*.conf.template' \) -print | sort)
if ((${#files[@]} == 0)); then
  echo "nginx-check: no nginx file in $stack"
  exit 0
fi

status=0
for file in "${files[@]}"; do
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/etc/conf.d" "$work/etc/certs" "$work/html"
  cp "$rootfs/etc/nginx/mime.types" "$work/etc/"
  # The official image's nginx.conf, minus `user nginx` (Debian has no such user).
  cat >"$work/etc/nginx.conf" <<'CONF'
worker_processes auto;
error_log /var/log/nginx/error.log notice;
pid /run/nginx.pid;
events {
    worker_connections 1024;
}
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    keepalive_timeout 65;
    include /etc/nginx/conf.d/*.conf;
}
CONF
  name=$(basename "$file")
  if [[ $name == *.conf.template ]]; then
    # As the image's 20-envsubst-on-templates.sh: only the variables the container defines.
    HTTPS_PORT=8443 envsubst '${HTTPS_PORT}' <"$stack/$file" >"$work/etc/conf.d/${name%.template}"
  elif grep -qE '^\s*(events|http)\s*\{' "$stack/$file"; then
    cp "$stack/$file" "$work/etc/nginx.conf"
  else
    cp "$stack/$file" "$work/etc/conf.d/$name"
  fi
  openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost \
    -keyout "$work/etc/certs/key.pem" -out "$work/etc/certs/cert.pem" 2>/dev/null
  # The compose service names the configs point at, as Docker's DNS would resolve them.
  printf '127.0.0.1 localhost api client web\n' >"$work/hosts"
  # A minbase debootstrap has no /etc/hosts (netbase ships it): the bind mount needs its mount point.
  [[ -e $rootfs/etc/hosts ]] || : >"$rootfs/etc/hosts"
  if unshare --mount --propagation private sh -c '
      mount --bind "$1/etc" "$2/etc/nginx" &&
      mount --bind "$1/hosts" "$2/etc/hosts" &&
      chroot "$2" nginx -t -q' sh "$work" "$rootfs"; then
    echo "nginx-check: ok $file"
  else
    echo "nginx-check: FAILED $file" >&2
    status=1
  fi
  rm -rf "$work"
  trap - EXIT
done
exit $status
