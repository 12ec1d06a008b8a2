#!/usr/bin/env bash
# Debian packages the real-client suites need: Chromium to drive code-server, CJK fonts so that
# screenshots show Chinese, the headers code-server's native modules compile against, and Neovim
# (test/nvim: a second LSP client).
# Installs only what is missing; needs root (or passwordless sudo) when something is.
set -euo pipefail
PACKAGES=(chromium fonts-noto-cjk neovim libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config python3 make g++)
missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if ((${#missing[@]} == 0)); then
  echo "install-deb: all Debian packages present"
  exit 0
fi
SUDO=()
if [[ "$(id -u)" != 0 ]]; then
  if sudo -n true 2>/dev/null; then SUDO=(sudo -n); else
    echo "install-deb: missing ${missing[*]}; run as root: apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
echo "install-deb: apt-get install ${missing[*]}"
"${SUDO[@]}" apt-get update
"${SUDO[@]}" apt-get install -y "${missing[@]}"
