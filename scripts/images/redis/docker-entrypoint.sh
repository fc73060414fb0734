#!/bin/sh
# Entrypoint of the redis stand-in, written for this project after the
# official image's documented behaviour:
#   - `docker run redis:8-alpine --appendonly yes` or `... /path/redis.conf`
#     means `redis-server ...`;
#   - the server runs as the `redis` user and owns its working directory /data;
#   - without a config file, protected mode is off and the server listens on
#     every interface, so other containers reach it (the official image builds
#     redis with protected-mode defaulting to no; Debian's binary defaults to
#     yes, hence the option added below).
set -e

case ${1:-} in
  -*|*.conf) set -- redis-server "$@" ;;
esac

if [ "${1:-}" = redis-server ] && [ "$(id -u)" = 0 ]; then
  find . \! -user redis -exec chown redis '{}' +
  # As the official image: a umask that keeps the data private unless the user sets one.
  [ "$(umask)" != 0022 ] || umask 0077
  exec setpriv --reuid=redis --regid=redis --init-groups "$0" "$@"
fi

if [ "${1:-}" = redis-server ]; then
  shift
  case ${1:-} in
    # Informational flags are only recognised as the first argument.
    -v|--version|-h|--help|--test-memory|--check-system) exec redis-server "$@" ;;
  esac
  config=
  if [ -n "${1:-}" ] && [ "${1#-}" = "$1" ]; then
    config=$1
    shift
  fi
  # A config file that sets protected-mode itself keeps its own choice; options
  # given after ours (`--protected-mode yes`) win, as later options do in redis.
  if [ -n "$config" ] && grep -Eqi '^[[:space:]]*protected-mode[[:space:]]' "$config" 2>/dev/null; then
    set -- "$config" "$@"
  elif [ -n "$config" ]; then
    set -- "$config" --protected-mode no "$@"
  else
    set -- --protected-mode no "$@"
  fi
  set -- redis-server "$@"
fi

exec "$@"
