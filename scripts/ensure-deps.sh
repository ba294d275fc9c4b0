#!/usr/bin/env bash
# Installs the locked dependencies when node_modules is missing or was installed from another lockfile,
# so the README's two commands work on a fresh clone. Compared by content, not by date: a fresh checkout
# (or a git worktree) has a newer lockfile date without any change, and must not reinstall.
set -euo pipefail
cd "$(dirname "$0")/.."
want=$(sha256sum package-lock.json | cut -d' ' -f1)
have=$(cat node_modules/.cx-lock-sha256 2>/dev/null || true)
if [ ! -d node_modules ] || [ "$want" != "$have" ]; then
  npm ci --no-audit --no-fund
  echo "$want" > node_modules/.cx-lock-sha256
fi
