#!/usr/bin/env bash
# Sets everything up and runs every test: the native Rust tests (core,
# registry readers on real catalogues, search) and the browser tests
# (Playwright driving Debian's headless Chromium against the built widget).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
echo "==> native tests" >&2
cargo test --all-targets
echo "==> building the widget" >&2
bash scripts/build.sh
echo "==> browser tests" >&2
node --test --test-concurrency=1 tests/browser/ tests/package/ tests/relevance/
echo "==> browser tests again on the fallback path: the engine in the page, no worker" >&2
ODC_ENGINE=page node --test --test-concurrency=1 tests/browser/demo.test.mjs tests/browser/options.test.mjs \
  tests/browser/api.test.mjs tests/browser/events.test.mjs tests/browser/network.test.mjs tests/browser/formats.test.mjs
