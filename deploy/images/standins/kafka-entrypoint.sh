#!/bin/bash
set -euo pipefail
props=/opt/kafka/config/server.properties
: > "$props"
while IFS='=' read -r name value; do
  case "$name" in
    KAFKA_HEAP_OPTS|KAFKA_OPTS|KAFKA_JVM_PERFORMANCE_OPTS|KAFKA_LOG4J_OPTS) continue ;;
    KAFKA_*) key=${name#KAFKA_}; key=${key,,}; key=${key//___/-}; key=${key//__/@}; key=${key//_/.}; key=${key//@/_}
             echo "$key=$value" >> "$props" ;;
  esac
done < <(env)
: "${CLUSTER_ID:?CLUSTER_ID must be set}"
log_dirs=$(sed -n 's/^log\.dirs=//p' "$props")
if [ -z "$log_dirs" ]; then
  log_dirs=/var/lib/kafka/data
  echo "log.dirs=$log_dirs" >> "$props"
fi
java_opts=(${KAFKA_HEAP_OPTS:--Xmx512m -Xms64m} ${KAFKA_OPTS:-})
if [ ! -f "${log_dirs%%,*}/meta.properties" ]; then
  java "${java_opts[@]}" -cp '/opt/kafka/libs/*' kafka.tools.StorageTool format -t "$CLUSTER_ID" -c "$props" --ignore-formatted
fi
exec java "${java_opts[@]}" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp '/opt/kafka/libs/*' kafka.Kafka "$props"
