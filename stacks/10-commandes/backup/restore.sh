#!/bin/sh
# Restores a dump into the running database (the latest one by default):
#   docker compose exec backup sh /backup/restore.sh [/backups/atelier-AAAAMMJJTHHMMSSZ.dump]
# --clean --if-exists drops each object before recreating it, so the restore
# works on an empty or a populated database; --single-transaction means
# all or nothing.
set -eu

file=${1:-${BACKUP_DIR:-/backups}/latest.dump}
if [ ! -f "$file" ]; then
  echo "restore: $file introuvable" >&2
  exit 1
fi
pg_restore --clean --if-exists --single-transaction --exit-on-error --dbname="$PGDATABASE" "$file"
echo "restore: $file restored into $PGDATABASE"
