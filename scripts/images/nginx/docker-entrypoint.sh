#!/bin/sh
# Entrypoint of the nginx stand-in, written for this project after the official
# image's documented behaviour: when the command is nginx, run the executable
# /docker-entrypoint.d/*.sh in name order (and source the executable *.envsh),
# then start nginx in the foreground. NGINX_ENTRYPOINT_QUIET_LOGS silences it.
set -e

entrypoint_log() {
  if [ -z "${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ]; then
    echo "$@"
  fi
}

if [ "${1:-}" = nginx ] || [ "${1:-}" = nginx-debug ]; then
  if [ -n "$(find /docker-entrypoint.d/ -mindepth 1 -maxdepth 1 -type f -print -quit 2>/dev/null)" ]; then
    entrypoint_log "$0: /docker-entrypoint.d/ is not empty, will attempt to perform configuration"
    entrypoint_log "$0: Looking for shell scripts in /docker-entrypoint.d/"
    # `sort -V` orders 10-, 20-, 100- as the numbers read.
    for f in $(find /docker-entrypoint.d/ -follow -type f -print | sort -V); do
      case $f in
        *.envsh)
          if [ -x "$f" ]; then
            entrypoint_log "$0: Sourcing $f"
            # shellcheck disable=SC1090
            . "$f"
          else
            entrypoint_log "$0: Ignoring $f, not executable"
          fi
          ;;
        *.sh)
          if [ -x "$f" ]; then
            entrypoint_log "$0: Launching $f"
            "$f"
          else
            entrypoint_log "$0: Ignoring $f, not executable"
          fi
          ;;
        *) entrypoint_log "$0: Ignoring $f" ;;
      esac
    done
    entrypoint_log "$0: Configuration complete; ready for start up"
  else
    entrypoint_log "$0: No files found in /docker-entrypoint.d/, skipping configuration"
  fi
fi

exec "$@"
