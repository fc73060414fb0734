#!/bin/sh
# One backup now. Manual use:  docker compose exec backup sh /backup/backup.sh
# pg_dump's custom format (-Fc) is compressed and lets pg_restore pick tables;
# unlike a copy of the data directory, it is consistent while the database runs.
set -eu

dir=${BACKUP_DIR:-/backups}
keep_days=${BACKUP_KEEP_DAYS:-7}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
file="$dir/$PGDATABASE-$stamp.dump"

mkdir -p "$dir"
# Written under a temporary name, so a failed dump never looks like a backup.
pg_dump --format=custom --file="$file.partial"
mv "$file.partial" "$file"
ln -sf "$(basename "$file")" "$dir/latest.dump"
echo "backup: $file ($(du -h "$file" | cut -f1))"

# Retention: dumps older than BACKUP_KEEP_DAYS days are deleted.
find "$dir" -name '*.dump' -type f -mtime +"$keep_days" -print -delete | sed 's/^/backup: deleted /'
