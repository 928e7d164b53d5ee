#!/usr/bin/env bash
# Debian's Chromium for the real-browser tests (Playwright drives /usr/bin/chromium; it never downloads a browser),
# plus CJK and emoji fonts so the Chinese UI and the screenshots under tests/artifacts/ show real glyphs.
# Exits non-zero when Chromium is missing and cannot be installed: the browser tests must fail, not skip.
# The fonts are best effort (a warning, not a failure).
set -euo pipefail
fonts=()
fc-list :lang=zh 2>/dev/null | grep -q . || fonts+=(fonts-noto-cjk)
fc-list 2>/dev/null | grep -qi "color emoji" || fonts+=(fonts-noto-color-emoji)
if [ -x /usr/bin/chromium ] && [ ${#fonts[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  [ -x /usr/bin/chromium ] || { echo "Chromium is missing: run 'sudo apt-get install -y chromium ${fonts[*]}'" >&2; exit 1; }
  echo "warning: for CJK/emoji glyphs run 'sudo apt-get install -y ${fonts[*]}'" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
if [ ! -x /usr/bin/chromium ]; then apt-get install -y -qq chromium >/dev/null; fi
if [ ${#fonts[@]} -gt 0 ]; then
  apt-get install -y -qq --no-install-recommends "${fonts[@]}" >/dev/null || echo "warning: could not install ${fonts[*]}" >&2
fi
test -x /usr/bin/chromium
