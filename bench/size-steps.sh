#!/usr/bin/env bash
# The bundle-size steps of issue 5: builds the widget's wasm with each
# profile setting in turn (in target/size, so the main build is left alone)
# and prints what a page downloads before the first result (wasm + glue +
# entry module) at gzip -9 and brotli -11 after each step. Rows without
# wasm-opt still strip the DWARF sections std brings (wasm-opt --strip-debug,
# no optimisation), so every row compares code and data. Takes a while:
# every opt-level change recompiles all dependencies.
#
#   bash bench/size-steps.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
wasm=target/size/wasm32-unknown-unknown/release/open_data_catalogue.wasm
OPT="node_modules/.bin/wasm-opt --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue"

step() { # label, wasm-opt args, then env assignments
  local label=$1 wopt=$2
  shift 2
  env "$@" cargo build -q --release --lib --target wasm32-unknown-unknown --target-dir target/size
  wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name odc_core "$wasm"
  $OPT $wopt "$out/odc_core_bg.wasm" -o "$out/odc_core_bg.wasm"
  # (node -e has no script path in argv: the files start at argv[1])
  node -e '
    const { readFileSync } = require("fs"); const z = require("zlib");
    const files = process.argv.slice(1); let raw = 0, gz = 0, br = 0;
    for (const f of files) { const b = readFileSync(f); raw += b.length; gz += z.gzipSync(b, { level: 9 }).length;
      br += z.brotliCompressSync(b, { params: { [z.constants.BROTLI_PARAM_QUALITY]: 11 } }).length; }
    const kb = (n) => (n / 1024).toFixed(1);
    console.log(`| ${process.env.LABEL} | ${kb(raw)} | ${kb(gz)} | ${kb(br)} |`);
  ' "$out/odc_core_bg.wasm" "$out/odc_core.js" pkg/open-data-catalogue.js
}

echo "| step | raw KB | gzip KB | brotli KB |"
echo "|---|---:|---:|---:|"
D="CARGO_PROFILE_RELEASE_STRIP=false"
LABEL="cargo defaults (opt-level 3, thin-local LTO, 16 codegen units), no wasm-opt" \
  step x "--strip-debug --strip-producers" $D CARGO_PROFILE_RELEASE_OPT_LEVEL=3 CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16
LABEL="+ opt-level z" \
  step x "--strip-debug --strip-producers" $D CARGO_PROFILE_RELEASE_OPT_LEVEL=z CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16
LABEL="+ fat LTO, 1 codegen unit (Cargo.toml)" \
  step x "--strip-debug --strip-producers" $D CARGO_PROFILE_RELEASE_OPT_LEVEL=z
LABEL="+ wasm-opt --duplicate-function-elimination: shipped" \
  step x "--strip-debug --strip-producers --duplicate-function-elimination" $D CARGO_PROFILE_RELEASE_OPT_LEVEL=z
LABEL="  + wasm-opt -Oz (smaller raw, larger compressed: dropped)" \
  step x "-Oz" $D CARGO_PROFILE_RELEASE_OPT_LEVEL=z
LABEL="  wasm-opt -Oz --converge instead" \
  step x "-Oz --converge" $D CARGO_PROFILE_RELEASE_OPT_LEVEL=z
LABEL="  opt-level s instead of z (LTO, wasm-opt -Oz)" \
  step x "-Oz" $D CARGO_PROFILE_RELEASE_OPT_LEVEL=s
LABEL="  panic = abort (z, LTO, wasm-opt -Oz)" \
  step x "-Oz" $D CARGO_PROFILE_RELEASE_OPT_LEVEL=z CARGO_PROFILE_RELEASE_PANIC=abort
rm -rf "$out"
