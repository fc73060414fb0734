#!/bin/sh
# Same contract as the official node image's entrypoint: a first argument that
# is an option (`--version`) or not a command (`server.js`) is handed to node.
set -e
if [ "$#" -eq 0 ] || [ "${1#-}" != "$1" ] || ! command -v -- "$1" >/dev/null 2>&1; then
  set -- node "$@"
fi
exec "$@"
