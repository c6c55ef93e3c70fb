#!/bin/sh
# One-shot job (temporalio/admin-tools): creates Temporal's databases if missing and brings both
# schemas to the version this admin-tools release ships. Safe on every `docker compose up`, and
# it is also how the schema is upgraded after the Temporal image tags are bumped (one minor
# version at a time, as Temporal requires).
set -eu
: "${POSTGRES_SEEDS:=postgres}" "${DB_PORT:=5432}" "${SQL_USER:=temporal}"
: "${DBNAME:=temporal}" "${VISIBILITY_DBNAME:=temporal_visibility}"
SCHEMA_DIR=/etc/temporal/schema/postgresql/v12
sqltool() { temporal-sql-tool --plugin postgres12 --ep "$POSTGRES_SEEDS" -p "$DB_PORT" -u "$SQL_USER" "$@"; }

i=0
until nc -z -w 5 "$POSTGRES_SEEDS" "$DB_PORT"; do
  i=$((i + 1)); [ "$i" -lt 60 ] || { echo "PostgreSQL at $POSTGRES_SEEDS:$DB_PORT does not answer" >&2; exit 1; }
  sleep 2
done

for spec in "$DBNAME:temporal" "$VISIBILITY_DBNAME:visibility"; do
  db=${spec%%:*}
  dir=$SCHEMA_DIR/${spec#*:}/versioned
  # Normally created by deploy/postgres/init-temporal-databases.sh; "already exists" is fine.
  if sqltool --db "$db" create >/dev/null 2>&1; then echo "created database $db"; fi
  # update-schema fails while the versioning tables do not exist yet: set them up first.
  if ! sqltool --db "$db" update-schema -d "$dir"; then
    echo "initialising the schema of $db"
    sqltool --db "$db" setup-schema -v 0.0
    sqltool --db "$db" update-schema -d "$dir"
  fi
  echo "schema of $db is up to date"
done
