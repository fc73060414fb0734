#!/bin/sh
# As the official image: when the container has IPv6, the image's own
# default.conf also listens on [::]:80, so `wget http://localhost/` (which
# busybox resolves to ::1 first) reaches it. A default.conf the user changed
# or mounted is left alone.
set -e

ME=$(basename "$0")
conf=/etc/nginx/conf.d/default.conf
pristine=/usr/lib/atelier-stand-in/default.conf.sha256

entrypoint_log() {
  if [ -z "${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ]; then
    echo "$@"
  fi
}

if [ ! -f /proc/net/if_inet6 ]; then
  entrypoint_log "$ME: info: IPv6 not available"
  exit 0
fi
if [ ! -f "$conf" ]; then
  entrypoint_log "$ME: info: $conf is not a file or does not exist"
  exit 0
fi
if ! touch "$conf" 2>/dev/null; then
  entrypoint_log "$ME: info: can not modify $conf (read-only file system?)"
  exit 0
fi
if ! sha256sum -c --status "$pristine" 2>/dev/null; then
  entrypoint_log "$ME: info: $conf differs from the image's, leaving it as is"
  exit 0
fi
sed -i 's/^\( *\)listen       80;$/&\n\1listen  [::]:80;/' "$conf"
entrypoint_log "$ME: info: enabled listen on IPv6 in $conf"
