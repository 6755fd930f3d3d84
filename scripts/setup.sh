#!/usr/bin/env bash
# Installs everything the demo and the tests need, and nothing twice:
# the wasm target, wasm-bindgen-cli at the version Cargo.toml pins,
# Debian's Chromium and ChromeDriver, and the npm dev tools (wasm-opt,
# Playwright's driver without a browser download, axe-core).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The pinned nightly that builds the shipped wasm (std rebuilt from rust-src).
source scripts/nightly.sh
if ! rustup run "$NIGHTLY" rustc --version >/dev/null 2>&1 \
   || ! rustup component list --toolchain "$NIGHTLY" --installed 2>/dev/null | grep -q '^rust-src'; then
  say "installing the $NIGHTLY toolchain with rust-src (once)"
  rustup toolchain install "$NIGHTLY" --profile minimal --component rust-src
fi

# The CLI must match the wasm-bindgen crate exactly, or the generated glue
# does not fit the wasm.
want=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (a few minutes, once)"
  # --locked fails for this version: its lock file no longer builds.
  cargo install wasm-bindgen-cli --version "$want"
fi

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing Debian's chromium and chromium-driver"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dev tools"
  # Playwright must never download a browser of its own: Debian's is used.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi
