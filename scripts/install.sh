#!/usr/bin/env bash
# Install what rezident needs on Debian (Python 3.11+):
#   scripts/install.sh          fonts for the PDF edition + the package in .venv
#   scripts/install.sh --test   the same, plus chromium, poppler-utils and the test libraries
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=no
[ "${1:-}" = "--test" ] && want_test=yes

apt_packages=(fonts-noto-core fonts-dejavu-core)
[ $want_test = yes ] && apt_packages+=(chromium poppler-utils)

missing=()
for pkg in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "==> installing Debian packages: ${missing[*]}"
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ ! -x .venv/bin/python ]; then
    echo "==> creating .venv"
    python3 -m venv .venv
fi
echo "==> installing rezident into .venv"
.venv/bin/python -m pip install -q --upgrade pip
if [ $want_test = yes ]; then
    .venv/bin/python -m pip install -q -e '.[test]'
else
    .venv/bin/python -m pip install -q -e .
fi
