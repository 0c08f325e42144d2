#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL server from Debian's packages:
#   scripts/with_postgres.sh COMMAND [ARGS...]
# The server lives in a temporary folder, listens on 127.0.0.1 only, is owned by the postgres
# user when we are root (PostgreSQL refuses to run as root), and is stopped and removed when
# the command ends. COMMAND sees DATABASE_URL=postgres://steiger:steiger@127.0.0.1:PORT/steiger;
# the role may create databases, so pytest-django can make test_steiger next to it.
set -euo pipefail

if [ $# -eq 0 ]; then
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 2
fi

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/postgres" ]; then
    echo "error: PostgreSQL server not found under /usr/lib/postgresql." >&2
    echo "       Install it with scripts/install_system_packages.sh (apt-get install postgresql)." >&2
    exit 1
fi

port=${STEIGER_PG_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
workdir=$(mktemp -d "${TMPDIR:-/tmp}/steiger-pg.XXXXXX")

as_owner=()
if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$workdir"
    as_owner=(runuser -u postgres --)
fi

# Run a PostgreSQL tool as the cluster owner, from a folder that owner can read.
pg() { (cd "$workdir" && "${as_owner[@]}" "$@"); }

cleanup() {
    pg "$pg_bin/pg_ctl" -D "$workdir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$workdir"
}
trap cleanup EXIT

pg "$pg_bin/initdb" -D "$workdir/data" -U postgres -A trust -E UTF8 --no-locale --no-sync >/dev/null
# Durability is pointless for a throwaway test server; turning it off makes the suite faster.
pg "$pg_bin/pg_ctl" -D "$workdir/data" -l "$workdir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $workdir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || { cat "$workdir/server.log" >&2; exit 1; }

pg "$pg_bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE steiger LOGIN PASSWORD 'steiger' CREATEDB" \
    -c "CREATE DATABASE steiger OWNER steiger"

echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') running on 127.0.0.1:$port (data in $workdir)"
export DATABASE_URL="postgres://steiger:steiger@127.0.0.1:$port/steiger"
# Not exec: the trap must still stop the server when the command ends.
"$@"
