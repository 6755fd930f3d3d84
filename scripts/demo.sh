#!/usr/bin/env bash
# Sets everything up, builds the widget and serves the demo on
# http://127.0.0.1:${PORT:-8080}/ (Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
# The demo's registry is made by `harvest` from the members in
# www/data/sources.toml, with its report (www/data/report/index.html).
cargo run --quiet --release --bin open-data-catalogue -- harvest www/data/sources.toml --out www/data
exec node scripts/serve.mjs --port "${PORT:-8080}"
