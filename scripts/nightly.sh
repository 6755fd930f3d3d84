# The pinned nightly that builds the shipped wasm modules (scripts/build.sh)
# and that scripts/setup.sh installs: it rebuilds std with
# -C panic=immediate-abort. Sourced, not run.
NIGHTLY=nightly-2026-05-20
