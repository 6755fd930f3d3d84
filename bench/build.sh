#!/usr/bin/env bash
# Builds the search engine's benchmark entry (src/bench.rs, cargo feature
# `bench`) into bench/dist/: odc_bench.js + odc_bench_bg.wasm. Its own target
# dir keeps the widget's build (target/) untouched.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --lib --target wasm32-unknown-unknown --features bench --target-dir target/bench
wasm-bindgen --target web --no-typescript --out-dir bench/dist --out-name odc_bench \
  target/bench/wasm32-unknown-unknown/release/open_data_catalogue.wasm
# The same passes and features as scripts/build.sh (the features those
# rustc's wasm32 target emits).
node_modules/.bin/wasm-opt --strip-debug --strip-producers --duplicate-function-elimination --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  bench/dist/odc_bench_bg.wasm -o bench/dist/odc_bench_bg.wasm
