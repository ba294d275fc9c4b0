#!/usr/bin/env bash
# Installs the locked dependencies when node_modules is missing or older than the lockfile,
# so the README's two commands work on a fresh clone.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
