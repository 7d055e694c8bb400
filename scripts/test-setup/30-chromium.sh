#!/usr/bin/env bash
# Debian's chromium for the browser client's end-to-end tests (tests/web, driven by playwright-core: no Playwright
# browser download), and a CJK font so screenshots of the Chinese UI show characters. Fails when it cannot install.
set -euo pipefail
packages=(chromium fonts-wqy-microhei)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
    sudo_cmd=(sudo)
  fi
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# playwright-core (pinned in package.json, installed by 10-npm-tools.sh) needs Node.js 20 or later.
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
[ "$node_major" -ge 20 ] || { echo "the browser tests need Node.js >= 20 (found: $(node --version 2>/dev/null || echo none))" >&2; exit 1; }
[ -x /usr/bin/chromium ] || { echo "/usr/bin/chromium is missing after installing chromium" >&2; exit 1; }
/usr/bin/chromium --version >/dev/null 2>&1 || { echo "chromium does not start (/usr/bin/chromium --version failed)" >&2; exit 1; }
echo "VOICEMEMORY_CHROMIUM=/usr/bin/chromium" >> "${TEST_ENV_FILE:-/dev/null}"
