#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for the receiver's storage tests (server/*.test.js) and prints
#
#   export TEST_DATABASE_URL=postgres://intake:…@127.0.0.1:<port>/intake_test
#
# on stdout, for .ci/run to eval:   eval "$(bash scripts/ci-postgres.sh)"
#
# Uses the PostgreSQL under /usr/lib/postgresql (PG_LIB_DIR) when there is one; otherwise, as
# root with apt, installs Debian's `postgresql` package first. The cluster lives in a temporary folder
# owned by the postgres user, listens on 127.0.0.1 only, on a free port, with a random password;
# the machine's own clusters are left alone. It keeps running after this script ends (CI
# machines are thrown away); stop it with the command printed on stderr.
#
# Everything but the export line goes to stderr. On any failure it prints one line
# "PostgreSQL could not be started: …" on stderr and exits 0 without the export: the tests then
# run on SQLite only and report their PostgreSQL variants as skipped.
set -uo pipefail

fail() {
  echo "PostgreSQL could not be started: $*" >&2
  exit 0
}

find_bindir() {
  ls -d "${PG_LIB_DIR:-/usr/lib/postgresql}"/*/bin 2>/dev/null | sort -V | tail -n 1
}

[ "$(id -u)" -eq 0 ] || fail "this script must run as root (it may install a package, and switches to the postgres user)"

bindir="$(find_bindir)"
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "PostgreSQL is not installed: installing Debian's postgresql package" >&2
  command -v apt-get >/dev/null 2>&1 || fail "apt-get not found (not Debian or Ubuntu?)"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -qq postgresql >/dev/null 2>&1; then
    apt-get update -qq >/dev/null 2>&1 || fail "apt-get update failed"
    apt-get install -y -qq postgresql >/dev/null 2>&1 || fail "apt-get install postgresql failed"
  fi
  bindir="$(find_bindir)"
fi
[ -n "$bindir" ] && [ -x "$bindir/initdb" ] || fail "initdb not found under ${PG_LIB_DIR:-/usr/lib/postgresql}"
id postgres >/dev/null 2>&1 || fail "there is no postgres user"

as_postgres() {
  if command -v runuser >/dev/null 2>&1; then
    runuser -u postgres -- "$@"
  else
    su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
  fi
}

base="$(mktemp -d -t intake-ci-postgres.XXXXXX)" || fail "mktemp failed"
mkdir -p "$base/data" "$base/socket" || fail "cannot create $base"
chown -R postgres:postgres "$base" && chmod 700 "$base" "$base/data" ||
  fail "cannot hand $base to the postgres user"

password="$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)"
[ -n "$password" ] || fail "no random password"

if ! as_postgres "$bindir/initdb" -D "$base/data" -U postgres --encoding=UTF8 --locale=C \
  --auth-local=trust --auth-host=scram-sha-256 >"$base/initdb.log" 2>&1; then
  fail "initdb failed: $(tail -n 1 "$base/initdb.log")"
fi

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

started=""
for _ in 1 2 3 4 5; do
  port="$(shuf -i 20000-60999 -n 1)"
  port_in_use "$port" && continue
  if as_postgres "$bindir/pg_ctl" -D "$base/data" -l "$base/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $base/socket -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >&2 2>/dev/null; then
    started=1
    break
  fi
done
[ -n "$started" ] || fail "pg_ctl start failed: $(tail -n 1 "$base/server.log" 2>/dev/null)"

if ! as_postgres "$bindir/psql" -h "$base/socket" -p "$port" -U postgres -d postgres -q \
  -v ON_ERROR_STOP=1 \
  -c "CREATE ROLE intake LOGIN PASSWORD '$password'" \
  -c "CREATE DATABASE intake_test OWNER intake" >&2 2>"$base/psql.log"; then
  fail "cannot create the role and database: $(tail -n 1 "$base/psql.log")"
fi

url="postgres://intake:$password@127.0.0.1:$port/intake_test"
if ! "$bindir/psql" "$url" -q -t -c 'SELECT 1' >/dev/null 2>"$base/check.log"; then
  fail "cannot connect over TCP: $(tail -n 1 "$base/check.log")"
fi

echo "PostgreSQL for the tests: 127.0.0.1:$port (stop: runuser -u postgres -- $bindir/pg_ctl -D $base/data stop)" >&2
echo "export TEST_DATABASE_URL=$url"
