#!/usr/bin/env bash
# A throwaway local PostgreSQL server for the store tests (CI and development).
#
# Usage:  eval "$(bash scripts/ci_postgres.sh)"
#
# Installs Debian's postgresql package when no server binaries are found (as root, unless
# KHABAR_PG_NO_INSTALL=1), initializes a cluster under $KHABAR_PG_DIR (default /tmp/khabar-pg),
# starts it on 127.0.0.1:$KHABAR_PG_PORT (default 55432) with its socket in that folder, creates
# the database and prints shell lines for eval:
#     export KHABAR_TEST_PG=postgresql://khabar@127.0.0.1:55432/khabar_test
# When a step fails it prints instead
#     export KHABAR_TEST_PG_UNAVAILABLE='reason'
# (the PostgreSQL tests then skip, naming the reason) and still exits 0: a missing server never
# fails the CI run. Running it again reuses the running server. The same lines are written to
# $KHABAR_PG_DIR/env. All diagnostics go to stderr; stdout carries only the export lines.
# The server trusts every local connection and has fsync off: for tests only.

set -u
PG_DIR="${KHABAR_PG_DIR:-/tmp/khabar-pg}"
PG_PORT="${KHABAR_PG_PORT:-55432}"
PG_DB="${KHABAR_PG_DB:-khabar_test}"
PG_USER="khabar"
DATA="$PG_DIR/data"
LOG="$PG_DIR/server.log"

say() { echo "ci_postgres: $*" >&2; }

emit() {  # emit NAME VALUE: print and record one export line
    local value="${2//\'/}"
    local line="export $1='$value'"
    echo "$line"
    mkdir -p "$PG_DIR" 2>/dev/null && echo "$line" >"$PG_DIR/env" 2>/dev/null
    return 0
}

unavailable() {
    say "PostgreSQL unavailable: $1"
    emit KHABAR_TEST_PG_UNAVAILABLE "$1"
    exit 0
}

find_bin() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then PG_BIN="$dir"; fi  # the newest version wins
    done
    if [ -z "${PG_BIN:-}" ] && command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        PG_BIN="$(dirname "$(command -v initdb)")"
    fi
    [ -n "${PG_BIN:-}" ]
}

PG_BIN=""
if ! find_bin; then
    if [ "${KHABAR_PG_NO_INSTALL:-0}" = 1 ]; then
        unavailable "no PostgreSQL server binaries (initdb, pg_ctl) and installing is disabled"
    fi
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        unavailable "no PostgreSQL server binaries (initdb, pg_ctl) and no root apt-get to install them"
    fi
    say "installing Debian's postgresql package"
    export DEBIAN_FRONTEND=noninteractive
    if ! timeout 600 apt-get install -y -q postgresql >"$PG_DIR.apt.log" 2>&1; then
        timeout 300 apt-get update -q >>"$PG_DIR.apt.log" 2>&1
        timeout 600 apt-get install -y -q postgresql >>"$PG_DIR.apt.log" 2>&1 \
            || unavailable "apt-get install postgresql failed (see $PG_DIR.apt.log)"
    fi
    find_bin || unavailable "postgresql installed but initdb/pg_ctl not found"
fi

# PostgreSQL refuses to run as root: run the server as the 'postgres' system user then.
AS=()
if [ "$(id -u)" = 0 ]; then
    if ! id postgres >/dev/null 2>&1; then
        useradd --system --home-dir "$PG_DIR" --shell /usr/sbin/nologin postgres >&2 \
            || unavailable "running as root and cannot create the 'postgres' user"
    fi
    if command -v runuser >/dev/null 2>&1; then AS=(runuser -u postgres --); else AS=(su postgres -s /bin/sh -c); fi
fi
run_as() {
    if [ "${#AS[@]}" -eq 0 ]; then "$@"; elif [ "${AS[0]}" = runuser ]; then "${AS[@]}" "$@";
    else "${AS[@]}" "$(printf '%q ' "$@")"; fi
}

mkdir -p "$PG_DIR" || unavailable "cannot create $PG_DIR"
[ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"
chmod 700 "$PG_DIR"

if [ ! -s "$DATA/PG_VERSION" ]; then
    rm -rf "$DATA"
    run_as "$PG_BIN/initdb" -D "$DATA" -U "$PG_USER" -A trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
        || run_as "$PG_BIN/initdb" -D "$DATA" -U "$PG_USER" -A trust -E UTF8 --no-locale >"$PG_DIR/initdb.log" 2>&1 \
        || unavailable "initdb failed: $(tail -n 1 "$PG_DIR/initdb.log" 2>/dev/null)"
fi

log_reason() { grep -m 1 -E 'FATAL|ERROR|could not' "$LOG" 2>/dev/null || tail -n 1 "$LOG" 2>/dev/null; }

if run_as "$PG_BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    PG_PORT="$(cat "$PG_DIR/port" 2>/dev/null || echo "$PG_PORT")"  # reuse the running server
else
    started=""
    for port in "$PG_PORT" $((PG_PORT + 1)) $((PG_PORT + 2)); do  # the next ports when one is taken
        OPTS="-c listen_addresses=127.0.0.1 -p $port -k $PG_DIR -c fsync=off -c synchronous_commit=off"
        OPTS="$OPTS -c full_page_writes=off -c max_connections=50 -c shared_buffers=64MB"
        run_as rm -f "$LOG"
        if run_as "$PG_BIN/pg_ctl" -D "$DATA" -o "$OPTS" -l "$LOG" -w -t 60 start >/dev/null 2>&1; then
            started=1 PG_PORT="$port"
            echo "$port" >"$PG_DIR/port"
            break
        fi
        grep -q "in use" "$LOG" 2>/dev/null || break
        say "port $port is taken, trying the next one"
    done
    [ -n "$started" ] || unavailable "the server did not start on 127.0.0.1:$PG_PORT: $(log_reason)"
fi

PSQL=("$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d postgres)
if ! "${PSQL[@]}" -tAc "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'" 2>/dev/null | grep -q 1; then
    "${PSQL[@]}" -c "CREATE DATABASE $PG_DB" >/dev/null 2>"$PG_DIR/createdb.log" \
        || unavailable "cannot create database $PG_DB: $(tail -n 1 "$PG_DIR/createdb.log" 2>/dev/null)"
fi

say "server ready on 127.0.0.1:$PG_PORT (data $DATA)"
emit KHABAR_TEST_PG "postgresql://$PG_USER@127.0.0.1:$PG_PORT/$PG_DB"
exit 0
