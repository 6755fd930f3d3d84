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
