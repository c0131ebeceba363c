#!/bin/sh
# Runs once, when the postgres service initialises an empty data volume (docker-entrypoint-initdb.d).
# Least privilege (docs/decisions/0010-two-database-roles.md): the owner role runs migrations and owns every table; the apps and
# the workers connect as infobank_app, which is neither owner nor superuser and receives its table
# grants from the migrations. Neither role may create roles or databases.
# An existing volume (initialised before these roles existed): run once
#   docker compose -f docker/compose.yml run --rm -e DATABASE_ADMIN_USER=<superuser> -e DATABASE_ADMIN_PASSWORD=... migrate node dist/apps/admin/src/main.js db:roles
set -eu

# Passwords come from secret files (INFOBANK_*_PASSWORD_FILE, as docker/compose.yml mounts them) or, failing that, the variables.
if [ -n "${INFOBANK_OWNER_PASSWORD_FILE:-}" ]; then INFOBANK_OWNER_PASSWORD="$(cat "$INFOBANK_OWNER_PASSWORD_FILE")"; fi
if [ -n "${INFOBANK_APP_PASSWORD_FILE:-}" ]; then INFOBANK_APP_PASSWORD="$(cat "$INFOBANK_APP_PASSWORD_FILE")"; fi
: "${INFOBANK_OWNER_PASSWORD:?set INFOBANK_OWNER_PASSWORD_FILE}" "${INFOBANK_APP_PASSWORD:?set INFOBANK_APP_PASSWORD_FILE}"

psql --no-psqlrc -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner="$INFOBANK_OWNER_USER" -v owner_password="$INFOBANK_OWNER_PASSWORD" \
  -v app_password="$INFOBANK_APP_PASSWORD" -v database="$INFOBANK_DATABASE" <<'SQL'
CREATE ROLE :"owner" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'owner_password';
CREATE ROLE infobank_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'app_password';
CREATE DATABASE :"database" OWNER :"owner";
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"database" TO infobank_app;
SQL
