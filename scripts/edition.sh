#!/usr/bin/env bash
# Install rezident and build the whole edition from tei/ into output/ (HTML and PDF).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
.venv/bin/rezident build "$@"
