#!/usr/bin/env bash
# Entrypoint of the postgres stand-in. Written for this project (not copied from
# the official image) to honour the official image's documented contract:
#   POSTGRES_PASSWORD (required unless POSTGRES_HOST_AUTH_METHOD=trust),
#   POSTGRES_USER (default postgres), POSTGRES_DB (default: the user), their
#   *_FILE variants, POSTGRES_INITDB_ARGS, POSTGRES_INITDB_WALDIR,
#   POSTGRES_HOST_AUTH_METHOD, PGDATA, and /docker-entrypoint-initdb.d/*
#   (*.sh, *.sql, *.sql.gz, *.sql.xz) run once, on an empty data directory,
#   as the database user, in name order.
# No `set -u`: sourced init scripts may read unset variables, as they can in the official image.
set -Eeo pipefail

say() { printf '%s\n' "$*"; }
fail() {
  printf 'error: %s\n' "$1" >&2
  shift
  if (($#)); then printf '%s\n' "$@" >&2; fi
  exit 1
}

# VAR may come from VAR or from the file named by VAR_FILE (Docker secrets), never both.
file_env() {
  local var=$1 file_var="${1}_FILE" default=${2:-}
  if [[ -n ${!var:-} && -n ${!file_var:-} ]]; then
    fail "both $var and $file_var are set, they are exclusive"
  fi
  local value=$default
  if [[ -n ${!var:-} ]]; then
    value=${!var}
  elif [[ -n ${!file_var:-} ]]; then
    [[ -r ${!file_var} ]] || fail "$file_var=${!file_var}: file not readable"
    value=$(<"${!file_var}")
  fi
  export "$var=$value"
  unset "$file_var"
}

# Root only prepares the directories, then the server (and the init scripts)
# run as the postgres user, like the official image does with su-exec.
prepare_as_root() {
  mkdir -p "$PGDATA" /var/run/postgresql
  # Some mounts refuse chmod; initdb and the server then say what is wrong.
  chmod 00700 "$PGDATA" || :
  chmod 03775 /var/run/postgresql || :
  if [[ -n ${POSTGRES_INITDB_WALDIR:-} ]]; then
    mkdir -p "$POSTGRES_INITDB_WALDIR"
    chown -R postgres:postgres "$POSTGRES_INITDB_WALDIR"
    chmod 700 "$POSTGRES_INITDB_WALDIR"
  fi
  find "$PGDATA" \! -user postgres -exec chown postgres:postgres '{}' +
  find /var/run/postgresql \! -user postgres -exec chown postgres:postgres '{}' +
}

check_environment() {
  file_env POSTGRES_PASSWORD
  file_env POSTGRES_USER postgres
  file_env POSTGRES_DB "$POSTGRES_USER"
  file_env POSTGRES_INITDB_ARGS
  : "${POSTGRES_HOST_AUTH_METHOD:=}"
  if [[ -z $POSTGRES_PASSWORD && $POSTGRES_HOST_AUTH_METHOD != trust ]]; then
    fail "the database is not initialised and no superuser password is given." \
      "       Set POSTGRES_PASSWORD (or POSTGRES_PASSWORD_FILE) to a non-empty value," \
      "       or POSTGRES_HOST_AUTH_METHOD=trust to allow every connection without a" \
      "       password (never do that outside a throwaway test)."
  fi
  if [[ $POSTGRES_HOST_AUTH_METHOD == trust ]]; then
    say "warning: POSTGRES_HOST_AUTH_METHOD=trust: anyone who reaches port 5432 connects without a password."
  fi
}

init_database_directory() {
  local args=(-D "$PGDATA" --username="$POSTGRES_USER")
  if [[ -n ${POSTGRES_INITDB_WALDIR:-} ]]; then args+=(--waldir="$POSTGRES_INITDB_WALDIR"); fi
  # Word splitting is intended: POSTGRES_INITDB_ARGS is a list of options.
  # The password goes through a pipe, never a file or the command line; the
  # process substitution must sit in initdb's own command to stay open.
  if [[ -n $POSTGRES_PASSWORD ]]; then
    # shellcheck disable=SC2086
    initdb "${args[@]}" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") $POSTGRES_INITDB_ARGS
  else
    # shellcheck disable=SC2086
    initdb "${args[@]}" $POSTGRES_INITDB_ARGS
  fi
  # Local (socket) connections stay trusted as initdb made them; every other
  # host must authenticate, with the method password_encryption implies.
  local method=${POSTGRES_HOST_AUTH_METHOD:-$(postgres -C password_encryption -D "$PGDATA")}
  printf '\n# Added by the docker entrypoint: connections from other containers.\nhost all all all %s\n' "$method" >>"$PGDATA/pg_hba.conf"
}

psql_init() {
  psql -v ON_ERROR_STOP=1 --no-psqlrc --no-password --username "$POSTGRES_USER" "$@"
}

run_init_scripts() {
  local file
  # The C locale sorts names byte by byte, as `ls` does in the official image.
  local LC_ALL=C
  shopt -s nullglob
  for file in /docker-entrypoint-initdb.d/*; do
    case $file in
      *.sh)
        if [[ -x $file ]]; then
          say "$0: running $file"
          "$file"
        else
          say "$0: sourcing $file"
          # shellcheck disable=SC1090
          . "$file"
        fi
        ;;
      *.sql) say "$0: running $file"; psql_init --dbname "$POSTGRES_DB" -f "$file" ;;
      *.sql.gz) say "$0: running $file"; gzip -dc "$file" | psql_init --dbname "$POSTGRES_DB" ;;
      *.sql.xz) say "$0: running $file"; xz -dc "$file" | psql_init --dbname "$POSTGRES_DB" ;;
      *) say "$0: ignoring $file" ;;
    esac
  done
  shopt -u nullglob
}

# $@: the server's options (`-c ...`), which apply while the init scripts run
# too (e.g. shared_preload_libraries for an extension they create).
first_start() {
  check_environment
  init_database_directory
  # A server on the socket only: nothing outside reaches it before the init
  # scripts are done. pg_ctl hands -o to a shell, hence the quoting.
  local options=("$@" -c listen_addresses= -p "${PGPORT:-5432}")
  PGUSER=$POSTGRES_USER pg_ctl -D "$PGDATA" -o "$(printf '%q ' "${options[@]}")" -w start
  if [[ $POSTGRES_DB != postgres ]]; then
    local exists
    exists=$(psql_init --dbname postgres -tA -v db="$POSTGRES_DB" <<<"SELECT 1 FROM pg_database WHERE datname = :'db';")
    if [[ -z $exists ]]; then
      psql_init --dbname postgres -v db="$POSTGRES_DB" <<<'CREATE DATABASE :"db";'
    fi
  fi
  run_init_scripts
  PGUSER=$POSTGRES_USER pg_ctl -D "$PGDATA" -m fast -w stop
  say "" "PostgreSQL init process complete; ready for start up." ""
}

# `docker run postgres:17-alpine -c shared_buffers=64MB` means `postgres -c ...`.
if [[ ${1:-} == -* ]]; then
  set -- postgres "$@"
fi

if [[ ${1:-} == postgres ]]; then
  if [[ $(id -u) == 0 ]]; then
    prepare_as_root
    exec setpriv --reuid=postgres --regid=postgres --init-groups "${BASH_SOURCE[0]}" "$@"
  fi
  if [[ ! -s $PGDATA/PG_VERSION ]]; then
    first_start "${@:2}"
  else
    say "PostgreSQL database directory appears to contain a database; skipping initialization."
  fi
fi

exec "$@"
