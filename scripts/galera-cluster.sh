#!/usr/bin/env bash
# A 3-node MariaDB Galera cluster on loopback ports, for trying GridMend on Galera by hand (GaleraFaultIT starts the
# same cluster from Java). Needs Debian's mariadb-server, galera-4 and rsync.
#
#   scripts/galera-cluster.sh start [DIR]   # data in DIR (default target/galera), MySQL ports 33061-33063
#   scripts/galera-cluster.sh stop [DIR]
#
# The settings are the ones Camunda documents for Galera (deploy/README.md). The first node bootstraps the cluster
# and gets the database gridmend; the others join by state transfer (rsync). Then run GridMend on it with the URL
# the script prints (Connector/J's failover list: one node at a time, the next when it fails).
set -euo pipefail
cd "$(dirname "$0")/.."
action=${1:-start}
dir=$(realpath -m "${2:-target/galera}")
BASE=${BASE_PORT:-33060}
MARIADBD=$(command -v mariadbd || echo /usr/sbin/mariadbd)
PROVIDER=/usr/lib/galera/libgalera_smm.so
gcomm="127.0.0.1:$((BASE + 4511)),127.0.0.1:$((BASE + 4512)),127.0.0.1:$((BASE + 4513))"

node() {
  local i=$1; shift
  "$MARIADBD" --no-defaults --datadir="$dir/n$i" --port=$((BASE + i)) --bind-address=127.0.0.1 \
    --socket="$dir/n$i/mysqld.sock" --user="$(id -un)" --innodb-buffer-pool-size=256M --max-connections=300 \
    --binlog-format=row --default-storage-engine=InnoDB --innodb-autoinc-lock-mode=2 \
    --transaction-isolation=READ-COMMITTED --wsrep-on=ON --wsrep-sync-wait=7 --wsrep-provider="$PROVIDER" \
    --wsrep-cluster-name=gridmend-local --wsrep-cluster-address="gcomm://$gcomm" \
    --wsrep-node-address=127.0.0.1:$((BASE + 4510 + i)) \
    "--wsrep-provider-options=base_port=$((BASE + 4510 + i));ist.recv_addr=127.0.0.1:$((BASE + 4520 + i));gcache.size=128M" \
    --wsrep-sst-receive-address=127.0.0.1:$((BASE + 4530 + i)) --wsrep-sst-method=rsync --wsrep-node-name="n$i" \
    "$@" >> "$dir/n$i.log" 2>&1 &
  echo $! > "$dir/n$i.pid"
}

synced() {
  mariadb -h127.0.0.1 -P$((BASE + $1)) -uroot -N -e "SHOW STATUS LIKE 'wsrep_local_state_comment'" 2>/dev/null \
    | grep -q Synced
}

wait_synced() {
  for _ in $(seq 1 120); do synced "$1" && return 0; sleep 1; done
  echo "node $1 did not sync; see $dir/n$1.log" >&2
  exit 1
}

case "$action" in
  start)
    [ -r "$PROVIDER" ] || { echo "galera-4 is not installed ($PROVIDER)" >&2; exit 1; }
    command -v rsync >/dev/null || { echo "rsync is not installed" >&2; exit 1; }
    rm -rf "$dir"
    mkdir -p "$dir/n1" "$dir/n2" "$dir/n3"
    mariadb-install-db --no-defaults --datadir="$dir/n1" --user="$(id -un)" \
      --auth-root-authentication-method=normal --skip-test-db > "$dir/install.log" 2>&1
    node 1 --wsrep-new-cluster
    wait_synced 1
    mariadb -h127.0.0.1 -P$((BASE + 1)) -uroot \
      -e "CREATE DATABASE gridmend CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
    # rsync's daemon, started by root, writes the state transfer as nobody
    if [ "$(id -u)" -eq 0 ]; then chown nobody:nogroup "$dir/n2" "$dir/n3"; fi
    node 2
    node 3
    wait_synced 2
    wait_synced 3
    echo "Galera cluster of 3 up: $(mariadb -h127.0.0.1 -P$((BASE + 1)) -uroot -N -e "SHOW STATUS LIKE 'wsrep_cluster_size'" | awk '{print $2}') nodes"
    echo "DB_URL=jdbc:mysql://127.0.0.1:$((BASE + 1)),127.0.0.1:$((BASE + 2)),127.0.0.1:$((BASE + 3))/gridmend?failOverReadOnly=false&secondsBeforeRetrySource=30&queriesBeforeRetrySource=0 DB_USER=root"
    ;;
  stop)
    for i in 1 2 3; do
      [ -f "$dir/n$i.pid" ] && kill "$(cat "$dir/n$i.pid")" 2>/dev/null || true
    done
    echo "stopped"
    ;;
  *)
    echo "usage: $0 start|stop [DIR]" >&2
    exit 2
    ;;
esac
