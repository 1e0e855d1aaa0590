#!/bin/bash
# The health check compose runs in the upstream image asks the broker for its API versions. Kafka's tools are not in
# this stand-in: it asks only whether the listener accepts a connection (--bootstrap-server host:port).
set -euo pipefail
target=localhost:9092
while [ $# -gt 0 ]; do
  case "$1" in --bootstrap-server) target=$2; shift 2 ;; *) shift ;; esac
done
exec 3<>"/dev/tcp/${target%:*}/${target##*:}"
