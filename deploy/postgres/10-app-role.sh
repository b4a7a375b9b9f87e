#!/bin/sh
# Runs once, when the PostgreSQL volume is first initialised: the login role the service connects as.
# It gets its rights by membership of tctn_app, which the migrations grant (and create, if missing).
# The migrations run as POSTGRES_USER (the owner); the service never holds the owner's rights.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  --set=app_password="$POSTGRES_APP_PASSWORD" <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tctn_app') THEN
    CREATE ROLE tctn_app NOLOGIN;
  END IF;
END $$;
CREATE ROLE tctn_web LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS INHERIT IN ROLE tctn_app;
ALTER ROLE tctn_web PASSWORD :'app_password';
SQL
