#!/bin/sh
# The `backup` service's main process: one backup every BACKUP_INTERVAL_SECONDS.
# `sleep & wait` keeps this shell (PID 1) responsive to SIGTERM, so
# `docker compose stop` ends it at once instead of after 10 s.
set -eu
trap 'exit 0' TERM INT

interval=${BACKUP_INTERVAL_SECONDS:-86400}
echo "backup: one dump every ${interval}s, kept ${BACKUP_KEEP_DAYS:-7} days"
while true; do
  sleep "$interval" &
  wait $!
  sh /backup/backup.sh || echo "backup: FAILED, next attempt in ${interval}s" >&2
done
