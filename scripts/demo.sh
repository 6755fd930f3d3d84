#!/usr/bin/env bash
# Sets everything up, builds the widget and serves the demo on
# http://127.0.0.1:${PORT:-8080}/ (Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
exec node scripts/serve.mjs --port "${PORT:-8080}"
