#!/bin/sh
# The streaming replica: on first start (empty volume) a base backup of the primary with a standby configuration
# (-R: standby.signal and primary_conninfo), then PostgreSQL in hot standby, read-only, following the primary.
set -eu
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_isready -h "$PRIMARY_HOST" -p 5432 -q; do sleep 2; done
  PGPASSWORD="$POSTGRES_REPLICATION_PASSWORD" pg_basebackup -h "$PRIMARY_HOST" -p 5432 -U replicator \
    -D "$PGDATA" -X stream -S replica_1 -R --checkpoint=fast
  chmod 700 "$PGDATA"
fi
exec postgres -c hot_standby=on -c hot_standby_feedback=on
