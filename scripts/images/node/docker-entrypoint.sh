#!/bin/sh
# Same contract as the official node image's entrypoint: a first argument that
# is an option (`--version`), not a command, or a file that is not executable
# (`server.js`) is handed to node.
set -e
if [ "$#" -eq 0 ] || [ "${1#-}" != "$1" ] || ! command -v -- "$1" >/dev/null 2>&1 \
  || { [ -f "$1" ] && ! [ -x "$1" ]; }; then
  set -- node "$@"
fi
exec "$@"
