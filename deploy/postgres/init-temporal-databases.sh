#!/bin/sh
# PostgreSQL init script (docker-entrypoint-initdb.d): runs once, when the data volume is new.
# Creates Temporal's login role and its two databases beside the app's own database
# (POSTGRES_DB), so Temporal's schema job needs no superuser. Idempotent.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v tuser="${TEMPORAL_DB_USER:-temporal}" -v tpass="${TEMPORAL_DB_PASSWORD:?set TEMPORAL_DB_PASSWORD}" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'tuser', :'tpass')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'tuser')\gexec
SELECT format('CREATE DATABASE %I OWNER %I', d, :'tuser')
  FROM unnest(ARRAY['temporal', 'temporal_visibility']) AS d
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = d)\gexec
SQL
