#!/usr/bin/env bash
# Builds the widget into pkg/: two wasm modules (release, optimised for size
# by rustc: opt-level z, fat LTO) and their wasm-bindgen glue, beside the hand-written entry
# module pkg/open-data-catalogue.js:
#   odc_core  the widget (always loaded)
#   odc_rdf   RDF/XML and Turtle → registry (loaded only for RDF registries)
# Prints the sizes a page downloads.
set -euo pipefail
cd "$(dirname "$0")/.."

wasm=target/wasm32-unknown-unknown/release/open_data_catalogue.wasm
# With the pinned nightly (scripts/nightly.sh), std is rebuilt so that a
# panic traps at once (-C panic=immediate-abort): no panic hook and no code
# formatting panic messages ship, 22.2 KB less brotli for odc_core (327.3 →
# 305.1 KB). The entry module catches the trap and shows the crash message
# (pkg/open-data-catalogue.js, onTrap). The flags are added to those in
# .cargo/config.toml (Cargo joins --config arrays to the file's).
source scripts/nightly.sh
# std's own code (the allocator, memcpy, string search, …) at opt-level 3, as
# in a prebuilt std. Rebuilt at this crate's opt-level z instead, keystroke
# to painted list was ≈ 20 % slower and first results ≈ 10 % later at 10k and
# 100k datasets (medians of 5 interleaved rounds of bench/e2e.mjs); opt-level
# 3 costs 1.4 KB brotli.
std_opt=()
for crate in std core alloc compiler_builtins dlmalloc; do
  std_opt+=(--config "profile.release.package.$crate.opt-level=3")
done
build_module() { # name, extra cargo args…
  local name=$1
  shift
  cargo "+$NIGHTLY" build --release --lib --target wasm32-unknown-unknown \
    -Z build-std=std,panic_abort "${std_opt[@]}" \
    --config 'target.wasm32-unknown-unknown.rustflags=["-Zunstable-options", "-Cpanic=immediate-abort"]' "$@"
  wasm-bindgen --target web --no-typescript --out-dir pkg --out-name "$name" "$wasm"
  # wasm-opt strips the DWARF and producers sections std brings along and
  # merges functions whose code is identical (generic code instantiated for
  # types of the same shape): 9,302 → 8,796 functions in odc_core, 2.6 KB
  # less brotli, and fewer for the browser to compile. Its -Oz makes the
  # file smaller raw but larger compressed (279 vs 267 KB brotli with the
  # glue, see bench/size-steps.sh), and compressed is what a page
  # downloads. The enable flags name the features rustc's wasm32 target
  # emits by default.
  node_modules/.bin/wasm-opt --strip-debug --strip-producers \
    --duplicate-function-elimination --enable-bulk-memory \
    --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    --enable-reference-types --enable-multivalue \
    "pkg/${name}_bg.wasm" -o "pkg/${name}_bg.wasm"
}
build_module odc_rdf --features rdf-module
build_module odc_core
node scripts/release-files.mjs

echo "what every page loads:"
node scripts/sizes.mjs pkg/odc_core_bg.wasm pkg/odc_core.js pkg/open-data-catalogue.js pkg/odc_rdf_loader.js pkg/odc_worker.js
echo "loaded only for RDF registries:"
node scripts/sizes.mjs pkg/odc_rdf_bg.wasm pkg/odc_rdf.js
