import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1764900000000-least-privilege';

/** The append-only tables partitioned by month of `occurred_at` (docs/operations.md, "Partitions and retention"). */
export const MONTHLY_PARTITIONED = ['audit_log', 'data_access_log'] as const;

/** Partitions follow the Vietnamese calendar month: a month's rows are those stamped in it in Hà Nội time. */
const ZONE = 'Asia/Ho_Chi_Minh';

/**
 * Monthly range partitioning of the append-only logs: `audit_log` (hash-chained) and `data_access_log` (registry
 * reads). A month's partition can then be detached and archived as one piece once its keeping period has run,
 * without a DELETE the application may not do anyway.
 *
 * The other tables the issue names are left unpartitioned on purpose: `job` (the outbox) is updated (status,
 * attempts, lease), `job_search_notice` and `dossier_event` are append-only but carry uniqueness rules that must
 * hold across all time (one notice per benefit month, unique receipt and portal codes; one `seq` per dossier),
 * which PostgreSQL can enforce on a partitioned table only if the key contains the month.
 *
 * The tables are converted with their rows: ids, timestamps and hashes are copied unchanged, so the audit chain and
 * its signed checkpoints still verify. Primary keys become (id, occurred_at). `audit_log.hash` loses its UNIQUE
 * constraint (a unique index must contain the partition key): the chain itself, verified by `npm run audit:verify`,
 * rules out a repeated hash, since each hash covers the previous one. `audit_chain_head` holds the newest row's id and
 * hash for the next append. Each table gets a DEFAULT partition for rows
 * of a month that has no partition yet, and `ensure_monthly_partitions` creates partitions ahead (the
 * `partitions.ensure` schedule), moving any rows of that month out of the DEFAULT partition. It runs as the owner
 * (SECURITY DEFINER, only for these tables): `tctn_app` may call it but cannot alter, detach or drop a partition.
 */
export class MonthlyPartitions1765800000000 implements MigrationInterface {
  name = 'MonthlyPartitions1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION ensure_monthly_partitions(parent text, from_month date, months integer) RETURNS integer
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        created integer := 0;
        first date := date_trunc('month', from_month)::date;
        m date;
        lo timestamptz;
        hi timestamptz;
        part text;
        def text := parent || '_default';
        waiting bigint;
      BEGIN
        IF parent NOT IN (${MONTHLY_PARTITIONED.map((t) => `'${t}'`).join(', ')}) THEN
          RAISE EXCEPTION 'not a monthly partitioned table: %', parent;
        END IF;
        IF months < 1 OR months > 120 THEN
          RAISE EXCEPTION 'months must be between 1 and 120, not %', months;
        END IF;
        FOR i IN 0 .. months - 1 LOOP
          m := (first + make_interval(months => i))::date;
          part := parent || '_' || to_char(m, 'YYYY"m"MM');
          CONTINUE WHEN to_regclass(part) IS NOT NULL;
          lo := m::timestamp AT TIME ZONE '${ZONE}';
          hi := (m + interval '1 month')::timestamp AT TIME ZONE '${ZONE}';
          EXECUTE format('LOCK TABLE %I IN ACCESS EXCLUSIVE MODE', parent);
          EXECUTE format('SELECT count(*) FROM %I WHERE occurred_at >= %L AND occurred_at < %L', def, lo, hi)
            INTO waiting;
          IF waiting = 0 THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', part, parent, lo, hi);
          ELSE
            -- Rows written before their month had a partition: detached, the DEFAULT partition loses the append-only
            -- triggers, so its rows of that month move (unchanged) into the new partition; then it is attached again.
            EXECUTE format('ALTER TABLE %I DETACH PARTITION %I', parent, def);
            EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', part, parent, lo, hi);
            EXECUTE format('INSERT INTO %I SELECT * FROM %I WHERE occurred_at >= %L AND occurred_at < %L',
              parent, def, lo, hi);
            EXECUTE format('DELETE FROM %I WHERE occurred_at >= %L AND occurred_at < %L', def, lo, hi);
            EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I DEFAULT', parent, def);
          END IF;
          EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %I FROM ${APP_ROLE}', part);
          EXECUTE format('COMMENT ON TABLE %I IS %L', part,
            parent || ' rows stamped in ' || to_char(m, 'YYYY-MM') || ' (Hà Nội time); append-only');
          created := created + 1;
        END LOOP;
        RETURN created;
      END
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION ensure_monthly_partitions(text, date, integer) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ensure_monthly_partitions(text, date, integer) TO ${APP_ROLE}`);

    await this.convert(
      q,
      'audit_log',
      `id bigint NOT NULL DEFAULT nextval('audit_log_id_seq'),
        occurred_at timestamptz NOT NULL,
        actor_type text NOT NULL,
        actor_id text,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL`,
      ['audit_log_pkey', 'audit_log_hash_key'],
    );
    await q.query(`
      CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
    // The chain head, kept by the append under the chain lock: "the newest row" of a partitioned table cannot be
    // pruned to one partition, and reading it from every month's index would grow with the years. A head that is
    // wrong makes the next row's prev_hash wrong, which the verifier names.
    await q.query(`
      CREATE TABLE audit_chain_head (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        last_id bigint NOT NULL,
        hash char(64) NOT NULL
      )`);
    await q.query(
      `INSERT INTO audit_chain_head (last_id, hash) SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1`,
    );
    await q.query(`REVOKE DELETE, TRUNCATE ON audit_chain_head FROM ${APP_ROLE}`);

    await this.convert(
      q,
      'data_access_log',
      `id bigint NOT NULL DEFAULT nextval('data_access_log_id_seq'),
        occurred_at timestamptz NOT NULL DEFAULT now(),
        subject_personal_id char(12) NOT NULL CHECK (subject_personal_id ~ '^[0-9]{12}$'),
        actor_type text NOT NULL CHECK (actor_type IN ('citizen', 'staff', 'portal', 'system')),
        actor_id text,
        source text NOT NULL CHECK (source IN ('population', 'social_insurance')),
        purpose text NOT NULL CHECK (purpose ~ '^[a-z][a-z0-9_]{0,63}$'),
        request_id text`,
      ['data_access_log_pkey'],
    );
    await q.query(
      `CREATE INDEX data_access_log_subject_month_idx ON data_access_log (subject_personal_id, occurred_at DESC)`,
    );
    await q.query(`
      CREATE TRIGGER data_access_log_append_only BEFORE UPDATE ON data_access_log
      FOR EACH ROW EXECUTE FUNCTION data_access_log_forbid_update()`);
    await q.query(
      `COMMENT ON TABLE data_access_log IS 'Reads of a citizen''s registry data (personal data protection); append-only, partitioned by month'`,
    );
  }

  /**
   * Replaces `table` by a table partitioned by month of occurred_at with the same columns and rows: partitions from
   * the month of its oldest row to three months ahead, a DEFAULT partition, the rows copied in id order, the id
   * sequence handed over. The application keeps SELECT and INSERT only.
   */
  private async convert(q: QueryRunner, table: string, columns: string, constraints: string[]): Promise<void> {
    const old = `${table}_unpartitioned`;
    await q.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
    await q.query(`ALTER TABLE ${table} RENAME TO ${old}`);
    for (const c of constraints) await q.query(`ALTER TABLE ${old} RENAME CONSTRAINT ${c} TO ${old}_${c}`);
    await q.query(`CREATE TABLE ${table} (${columns}, PRIMARY KEY (id, occurred_at)) PARTITION BY RANGE (occurred_at)`);
    await q.query(`CREATE TABLE ${table}_default PARTITION OF ${table} DEFAULT`);
    const [{ first, months }] = await q.query(
      `SELECT to_char(f, 'YYYY-MM-DD') AS first,
              ((extract(year FROM age(t, f)) * 12 + extract(month FROM age(t, f)))::int + 1) AS months
         FROM (SELECT date_trunc('month', COALESCE(min(occurred_at), now()) AT TIME ZONE '${ZONE}')::date AS f,
                      (date_trunc('month', now() AT TIME ZONE '${ZONE}') + interval '3 months')::date AS t
                 FROM ${old}) b`,
    );
    // At most ten years back in monthly partitions; anything older stays in the DEFAULT partition.
    const span = Math.min(Number(months), 120);
    const from = Number(months) > 120 ? `(date_trunc('month', now()) - interval '116 months')::date` : `$1::date`;
    await q.query(
      `SELECT ensure_monthly_partitions('${table}', ${from}, ${span})`,
      Number(months) > 120 ? [] : [first],
    );
    await q.query(`INSERT INTO ${table} SELECT * FROM ${old} ORDER BY id`);
    await q.query(`ALTER SEQUENCE ${table}_id_seq OWNED BY ${table}.id`);
    await q.query(`DROP TABLE ${old}`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${table}, ${table}_default FROM ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_chain_head`);
    for (const table of [...MONTHLY_PARTITIONED].reverse()) {
      await q.query(`ALTER TABLE ${table} RENAME TO ${table}_partitioned`);
      await q.query(`CREATE TABLE ${table} (LIKE ${table}_partitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`);
      await q.query(`INSERT INTO ${table} SELECT * FROM ${table}_partitioned ORDER BY id`);
      await q.query(`ALTER SEQUENCE ${table}_id_seq OWNED BY ${table}.id`);
      await q.query(`DROP TABLE ${table}_partitioned`);
      await q.query(`ALTER TABLE ${table} ADD PRIMARY KEY (id)`);
    }
    await q.query(`ALTER TABLE audit_log ADD CONSTRAINT audit_log_hash_key UNIQUE (hash)`);
    await q.query(
      `CREATE INDEX data_access_log_subject_idx ON data_access_log (subject_personal_id, occurred_at DESC)`,
    );
    await q.query(`
      CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
    await q.query(`
      CREATE TRIGGER data_access_log_append_only BEFORE UPDATE ON data_access_log
      FOR EACH ROW EXECUTE FUNCTION data_access_log_forbid_update()`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ${APP_ROLE}`);
    await q.query(`DROP FUNCTION ensure_monthly_partitions(text, date, integer)`);
  }
}
