#!/bin/sh
# Runs once, when the primary's volume is first initialised: the role and the slot the streaming replica
# (service postgres-replica, deploy/postgres-replica/start.sh) copies and follows the primary with.
# The slot keeps the WAL the replica has not received yet, so a replica that was down catches up instead of
# needing a new base backup; watch pg_replication_slots (a replica gone for good must have its slot dropped).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  --set=replication_password="$POSTGRES_REPLICATION_PASSWORD" <<'SQL'
CREATE ROLE replicator LOGIN REPLICATION PASSWORD :'replication_password';
SELECT pg_create_physical_replication_slot('replica_1');
SQL
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
