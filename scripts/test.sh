#!/usr/bin/env bash
# Install what the tests need (chromium, poppler, test libraries) and run them.
# Fails on a lint finding, when a test fails and when no test ran at all.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh --test
.venv/bin/ruff check tools tests bench
.venv/bin/rezident convert --check
set +e
.venv/bin/python -m pytest "$@"
status=$?
set -e
if [ $status -eq 5 ]; then
    echo "error: pytest collected no tests" >&2
    exit 1
fi
exit $status
