#!/usr/bin/env bash
# Durability benchmark: Tellus against PostgreSQL (installs PostgreSQL from Debian if missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -x /usr/lib/postgresql/15/bin/initdb ]; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
fi
cargo build --quiet --release --package tellus
cargo run --quiet --release --manifest-path bench/durability/Cargo.toml -- "$PWD/target/release/tellus" "${1:-5}" ${2:+"$2"}
