#!/usr/bin/env bash
# Debian's Chromium for the real-browser tests (Playwright drives /usr/bin/chromium; it never downloads a browser).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" != 0 ]; then echo "Chromium is missing: run 'sudo apt-get install -y chromium'" >&2; exit 1; fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
test -x /usr/bin/chromium
