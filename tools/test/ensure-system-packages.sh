#!/usr/bin/env bash
# Installs the Debian packages the tests need when they are missing (the browser tests drive
# Debian's Chromium; no browser is ever downloaded by a test tool).
set -euo pipefail
needed=()
[ -x /usr/bin/chromium ] || needed+=(chromium)
[ ${#needed[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "The tests need these Debian packages: ${needed[*]} (run as root, or install them)." >&2
  exit 1
fi
echo "Installing Debian packages for the tests: ${needed[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${needed[@]}" > /dev/null
