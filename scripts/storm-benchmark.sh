#!/usr/bin/env bash
# The storm benchmark of issue 3, as measured for the README: GridMend (jar, profiles mysql + demo) on a fresh
# database of a local MariaDB, the storm simulator against it over HTTP, all on this machine.
#
#   scripts/storm-benchmark.sh [storm options...]
#
# Defaults: a storm grid of 60 feeders imported next to the demo grid, 40 faults (breakers, switches, fuses and
# transformer areas), 60 % of the affected customers reporting, 200 reports/s for 120 s from 64 clients.
# DB_ROOT_URL (jdbc:mysql://127.0.0.1:3306/), DB_USER (root) and DB_PASSWORD () say where MariaDB is; the script
# drops and creates the database gridmend_storm on it. Needs the mariadb client.
set -euo pipefail
cd "$(dirname "$0")/.."

DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3306}
DB_USER=${DB_USER:-root}
DB_PASSWORD=${DB_PASSWORD:-}
DB_NAME=gridmend_storm
PORT=${PORT:-8080}
ARGS=("$@")
if [ ${#ARGS[@]} -eq 0 ]; then
  ARGS=(--import 3 --faults 40 --report-share 0.6 --rate 200 --duration 120 --clients 64)
fi

mvn -B -q -ntp package -DskipTests
mariadb -h "$DB_HOST" -P "$DB_PORT" -u "$DB_USER" ${DB_PASSWORD:+-p"$DB_PASSWORD"} -e "
  DROP DATABASE IF EXISTS ${DB_NAME};
  CREATE DATABASE ${DB_NAME} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"

SPRING_PROFILES_ACTIVE=mysql,demo SERVER_PORT=$PORT \
  DB_URL="jdbc:mysql://${DB_HOST}:${DB_PORT}/${DB_NAME}" DB_USER="$DB_USER" DB_PASSWORD="$DB_PASSWORD" \
  java -jar target/gridmend-*.jar > target/storm-gridmend.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://localhost:${PORT}/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
sleep 5  # the demo grid finishes loading

mvn -B -q -ntp exec:java -Dexec.mainClass=org.gridmend.demo.storm.StormCli \
  -Dexec.args="--url http://localhost:${PORT}/ --user admin --password demo ${ARGS[*]}"
