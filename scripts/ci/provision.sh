#!/usr/bin/env bash
# Installs the Debian tools the tests drive for real: Chromium (end-to-end
# tests, never a downloaded browser), and what builds the chroots holding
# nginx 1.30 and Compose 2.40 from Debian forky (the host's bookworm nginx
# 1.22 predates `http2 on;`, so it is not the judge). Idempotent.
set -euo pipefail

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v unshare >/dev/null || missing+=(util-linux)
command -v openssl >/dev/null || missing+=(openssl)
command -v debootstrap >/dev/null || missing+=(debootstrap)

if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "Il manque ${missing[*]} : installez-les (sudo apt-get install ${missing[*]})." >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
chromium --version
# nginx 1.30 (the line the stacks use) for `nginx -t` and the site's own
# server test, in cached forky chroots: forky packages never go on the host.
# (The oracle adds the stream and mail modules the official image builds in.)
bash "$(dirname "$0")/rootfs.sh" forky nginx >/dev/null
bash "$(dirname "$0")/rootfs.sh" forky nginx libnginx-mod-stream libnginx-mod-mail >/dev/null

