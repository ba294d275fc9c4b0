#!/usr/bin/env bash
# The test command (README, CI): install if needed, find Chromium, type-check, build, then
# node-side tests (emulator, build, XML) and browser tests (headless Chromium against the emulator).
# Ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-deps.sh || exit 1
CHROME_PATH="$(node scripts/find-chromium.mjs)" || exit 1
export CHROME_PATH

status=0
step() { echo; echo "── $1"; }

step "type-check"
npx tsc --noEmit -p tsconfig.json || status=1

step "build"
# The built scripts only send the token to the WxM addresses baked in at build time: build for the port the
# browser tests' emulator will serve WxM on (web-test-runner.config.mjs reads CX_EMULATOR_WXM_PORT).
CX_EMULATOR_WXM_PORT="$(node -e 'import("./scripts/spawn-emulator.mjs").then((m) => m.freePort()).then(console.log)')" || exit 1
export CX_EMULATOR_WXM_PORT
npm run -s build -- --wxm-base-url "http://127.0.0.1:${CX_EMULATOR_WXM_PORT}" || status=1

step "node tests (emulator, build output)"
node_passed=0; node_failed=0
mapfile -t node_tests < <(find emulator/test test/node -name '*.test.ts' 2>/dev/null | sort)
if [ "${#node_tests[@]}" -gt 0 ]; then
  node --import tsx --test --test-reporter=spec --test-concurrency=2 "${node_tests[@]}" 2>&1 | tee .test-node.log
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  node_passed=$(grep -E '^ℹ pass ' .test-node.log | awk '{print $3}' | tail -1)
  node_failed=$(grep -E '^ℹ fail ' .test-node.log | awk '{print $3}' | tail -1)
  node_todo=$(grep -E '^ℹ todo ' .test-node.log | awk '{print $3}' | tail -1)
fi

step "browser tests (headless Chromium: emulator files one at a time, fake-only files in parallel; coverage gate)"
rm -f .test-counts-browser.json
npx wtr "$@" || status=1
read -r b_passed b_failed < <(node -e '
  try {
    const c = require("./.test-counts-browser.json");
    if (c.coverageFailed) console.error("coverage is below the threshold in web-test-runner.config.mjs (counted as 1 failure)");
    console.log(c.passed, c.failed);
  } catch { console.log(0, 1); }')

passed=$(( ${node_passed:-0} + b_passed )); failed=$(( ${node_failed:-0} + b_failed ))
[ "$failed" -eq 0 ] || status=1
echo
# Known gaps, each a test marked to-do with the issue it belongs to (they run and print, and do not fail the suite).
[ "${node_todo:-0}" -eq 0 ] || { echo "${node_todo} to-do:"; grep -E '^✖ .* # ' .test-node.log | sort -u | sed 's/^✖ /  /'; }
echo "${passed} passed, ${failed} failed"
exit $status
