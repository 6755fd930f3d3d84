#!/usr/bin/env bash
# Builds the widget into pkg/: the wasm (release, optimised for size with
# wasm-opt) and its wasm-bindgen glue, beside the hand-written entry module
# pkg/open-data-catalogue.js. Prints the sizes a page downloads.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --lib --target wasm32-unknown-unknown
wasm-bindgen --target web --no-typescript --out-dir pkg --out-name odc_core \
  target/wasm32-unknown-unknown/release/open_data_catalogue.wasm
# The features rustc's wasm32 target emits by default; wasm-opt must be told.
node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  pkg/odc_core_bg.wasm -o pkg/odc_core_bg.wasm

node scripts/sizes.mjs pkg/odc_core_bg.wasm pkg/odc_core.js pkg/open-data-catalogue.js
