import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Report summaries kept current in the same transaction as the change, so that no report reads the dossiers at
 * request time (issue #21: every figure under 1 s at a million dossiers).
 *
 * Counter tables, one row per (center, grain, period, group); `grain` 'd' = one Vietnam calendar day, 'm' = the
 * month that starts at `period`. A report over [from, to] reads the whole months inside the range at month grain
 * and the days at either end at day grain. Rows are never removed: a count that returns to 0 stays (readers skip
 * groups whose sum is 0).
 * - `report_filed_count`: the filing cohort (by filing day) by current status, channel, age band, sex, province;
 * - `report_employer_count`: the filing cohort by last employer (tax code, else the name), with each spelling;
 * - `report_decided_count`: decided dossiers (by decision day) by outcome, termination / refusal reason, with the
 *   on-time counts and the benefit sums;
 * - `report_decision_span`: decided dossiers by (decision day, receipt day), day grain only (working days);
 *   this one and the employers are also counted province-wide under the center code '*';
 * - `report_received_count`, `report_intake_refusal_count`: receipts, and `reject_intake` events by reason;
 * - `report_open_count`: open dossiers by center, status, due date (the Prometheus gauges);
 * - `report_benefit_count`: job-search notices and decided suspensions / resumptions / terminations by day.
 *
 * Statement-level AFTER triggers with transition tables: each statement subtracts the groups of the old rows and
 * adds those of the new ones, in one `INSERT ... ON CONFLICT DO UPDATE` per table, keys in sorted order (so two
 * transactions take the counter rows' locks in the same order). The definitions of the groups are SQL functions
 * (`report_*_facts`) written with the same expressions the reports used on the dossier table.
 * `report_summaries_rebuild()` recomputes every table from the source rows (the backfill below; after a bulk load
 * with triggers disabled).
 */

const TZ = `'Asia/Ho_Chi_Minh'`;
const APP_ROLE = 'tctn_app';

/**
 * Upserts of each dossier summary, over a relation `c(sign, <dossier columns>)` of changed dossier rows: each sums the
 * signs per group, skips the groups that cancel out, and adds the rest to the counters in key order.
 */
const DOSSIER_UPSERTS = (() => {
  // Employers and receipt × decision spans have many groups per center: they are also counted province-wide
  // (center_code '*', never a center's code), so a province report reads one set of rows instead of every center's.
  const PROVINCE_TOO = `CROSS JOIN LATERAL (VALUES (c.center_code), ('*')) s(center_code)`;
  const grains = (day: string) =>
    `CROSS JOIN LATERAL (VALUES ('d', ${day}), ('m', date_trunc('month', ${day}::timestamp)::date)) g(grain, period)`;
  return [
    `INSERT INTO report_filed_count AS t (center_code, grain, period, dimension, key, detail, count)
     SELECT * FROM (
       SELECT f.center_code, g.grain, g.period, f.dimension, f.key, f.detail, sum(c.sign)::int AS n
       FROM c CROSS JOIN LATERAL report_filed_facts(c.filed_at, c.center_code, c.status, c.channel, c.applicant) f
       ${grains('f.day')}
       GROUP BY 1, 2, 3, 4, 5, 6) f WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5, 6
     ON CONFLICT (center_code, grain, period, dimension, key, detail) DO UPDATE SET count = t.count + EXCLUDED.count`,
    `INSERT INTO report_employer_count AS t (center_code, grain, period, key, tax_code, name, count)
     SELECT * FROM (
       SELECT s.center_code, g.grain, g.period, f.key, f.tax_code, f.name, sum(c.sign)::int AS n
       FROM c CROSS JOIN LATERAL report_employer_facts(c.application) f
       ${PROVINCE_TOO}
       ${grains(`(c.filed_at AT TIME ZONE ${TZ})::date`)}
       GROUP BY 1, 2, 3, 4, 5, 6) f WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5, 6
     ON CONFLICT (center_code, grain, period, key, tax_code, name) DO UPDATE SET count = t.count + EXCLUDED.count`,
    `INSERT INTO report_decided_count AS t (center_code, grain, period, outcome, dimension, key, note, count, on_time,
       with_due_date, monthly_benefit, benefit_months, benefit_amount)
     SELECT * FROM (
       SELECT c.center_code, g.grain, g.period, f.outcome, f.dimension, f.key, f.note,
         sum(c.sign)::int AS n, sum(c.sign * f.on_time)::int AS on_time, sum(c.sign * f.with_due_date)::int AS with_due_date,
         sum(c.sign * f.monthly_benefit) AS monthly_benefit, sum(c.sign * f.benefit_months) AS benefit_months,
         sum(c.sign * f.benefit_amount) AS benefit_amount
       FROM c CROSS JOIN LATERAL report_decided_facts(c.decided_at, c.status, c.due_date, c.decision_note, c.application, c.assessment) f
       ${grains('f.day')}
       GROUP BY 1, 2, 3, 4, 5, 6, 7) f
     WHERE n <> 0 OR on_time <> 0 OR with_due_date <> 0 OR monthly_benefit <> 0 OR benefit_months <> 0 OR benefit_amount <> 0
     ORDER BY 1, 2, 3, 4, 5, 6, 7
     ON CONFLICT (center_code, grain, period, outcome, dimension, key, note) DO UPDATE SET
       count = t.count + EXCLUDED.count, on_time = t.on_time + EXCLUDED.on_time,
       with_due_date = t.with_due_date + EXCLUDED.with_due_date,
       monthly_benefit = t.monthly_benefit + EXCLUDED.monthly_benefit,
       benefit_months = t.benefit_months + EXCLUDED.benefit_months,
       benefit_amount = t.benefit_amount + EXCLUDED.benefit_amount`,
    `INSERT INTO report_decision_span AS t (center_code, decided_day, received_day, count)
     SELECT * FROM (
       SELECT s.center_code, (c.decided_at AT TIME ZONE ${TZ})::date AS decided_day,
         (c.received_at AT TIME ZONE ${TZ})::date AS received_day, sum(c.sign)::int AS n
       FROM c ${PROVINCE_TOO} WHERE c.decided_at IS NOT NULL AND c.received_at IS NOT NULL
         AND c.status IN ('APPROVED', 'DENIED', 'RESULT_RETURNED')
       GROUP BY 1, 2, 3) f WHERE n <> 0 ORDER BY 1, 2, 3
     ON CONFLICT (center_code, decided_day, received_day) DO UPDATE SET count = t.count + EXCLUDED.count`,
    `INSERT INTO report_received_count AS t (center_code, grain, period, count)
     SELECT * FROM (
       SELECT c.center_code, g.grain, g.period, sum(c.sign)::int AS n
       FROM c CROSS JOIN LATERAL (SELECT (c.received_at AT TIME ZONE ${TZ})::date AS day) r
       ${grains('r.day')}
       WHERE c.received_at IS NOT NULL
       GROUP BY 1, 2, 3) f WHERE n <> 0 ORDER BY 1, 2, 3
     ON CONFLICT (center_code, grain, period) DO UPDATE SET count = t.count + EXCLUDED.count`,
    `INSERT INTO report_open_count AS t (center_code, status, due_date, count)
     SELECT * FROM (
       SELECT c.center_code, c.status, c.due_date, sum(c.sign)::int AS n FROM c WHERE c.is_open GROUP BY 1, 2, 3) f WHERE n <> 0 ORDER BY 1, 2, 3
     ON CONFLICT (center_code, status, due_date) DO UPDATE SET count = t.count + EXCLUDED.count`,
  ];
})();

/**
 * One statement that brings every dossier summary up to date: `changes` defines `c` (materialized once, so each
 * changed row's documents are read once), each summary's upsert is a data-modifying CTE.
 */
function dossierUpserts(changes: string): string {
  const upserts = [...DOSSIER_UPSERTS];
  const last = upserts.pop();
  return `WITH ${changes},\n${upserts.map((u, i) => `u${i} AS (${u})`).join(',\n')}\n${last}`;
}

/** Intake refusals, given a relation `e(sign, center_code, occurred_at, note)` of reject_intake events. */
function intakeUpsert(events: string): string {
  return `WITH e AS (${events}), f AS (
       SELECT e.center_code, g.grain, g.period, f.reason, sum(e.sign)::int AS n
       FROM e CROSS JOIN LATERAL report_intake_facts(e.occurred_at, e.note) f
       CROSS JOIN LATERAL (VALUES ('d', f.day), ('m', date_trunc('month', f.day::timestamp)::date)) g(grain, period)
       GROUP BY 1, 2, 3, 4)
     INSERT INTO report_intake_refusal_count AS t (center_code, grain, period, reason, count)
     SELECT * FROM f WHERE n <> 0 ORDER BY 1, 2, 3, 4
     ON CONFLICT (center_code, grain, period, reason) DO UPDATE SET count = t.count + EXCLUDED.count`;
}

/** Benefit report counts, given a relation `b(sign, day, center_code, kind)`. */
function benefitUpsert(rows: string): string {
  return `WITH b AS (${rows}), f AS (
       SELECT b.day, b.center_code, b.kind, sum(b.sign)::int AS n FROM b GROUP BY 1, 2, 3)
     INSERT INTO report_benefit_count AS t (day, center_code, kind, count)
     SELECT * FROM f WHERE n <> 0 ORDER BY 1, 2, 3
     ON CONFLICT (day, center_code, kind) DO UPDATE SET count = t.count + EXCLUDED.count`;
}

const NOTICE_ROWS = (sign: number, table: string) =>
  `SELECT ${sign} AS sign, r.filed_on AS day, r.center_code, 'notices' AS kind FROM ${table} r`;
const PROPOSAL_ROWS = (sign: number, table: string) =>
  `SELECT ${sign} AS sign, (r.decided_at AT TIME ZONE ${TZ})::date AS day, r.center_code,
     CASE r.kind WHEN 'suspend' THEN 'suspensions' WHEN 'resume' THEN 'resumptions' ELSE 'terminations' END AS kind
   FROM ${table} r WHERE r.status = 'decided' AND r.decided_at IS NOT NULL`;
const INTAKE_ROWS = (sign: number, table: string) =>
  `SELECT ${sign} AS sign, d.center_code, r.occurred_at, r.note
   FROM ${table} r JOIN dossier d ON d.id = r.dossier_id WHERE r.action = 'reject_intake'`;

/** Columns whose change can move a dossier between groups of some summary (the plain ones compared first). */
const REPORTED_COLUMNS = ['status', 'center_code', 'channel', 'filed_at', 'received_at', 'decided_at', 'due_date'];
const REPORTED_DOCUMENTS = ['decision_note', 'applicant', 'application', 'assessment'];
const distinct = (columns: string[]) =>
  `(${columns.map((c) => `o.${c}`).join(', ')}) IS DISTINCT FROM (${columns.map((c) => `n.${c}`).join(', ')})`;
const CHANGED = `(${distinct(REPORTED_COLUMNS)} OR ${distinct(REPORTED_DOCUMENTS)})`;

const body = (statements: string[]) => `BEGIN\n${statements.map((s) => `  ${s};`).join('\n')}\n  RETURN NULL;\nEND`;

const SUMMARY_TABLES = [
  'report_filed_count',
  'report_employer_count',
  'report_decided_count',
  'report_decision_span',
  'report_received_count',
  'report_open_count',
  'report_intake_refusal_count',
  'report_benefit_count',
];

export class ReportSummaries1765700000000 implements MigrationInterface {
  name = 'ReportSummaries1765700000000';

  async up(q: QueryRunner): Promise<void> {
    const grainColumns = `grain char(1) NOT NULL CHECK (grain IN ('d', 'm')), period date NOT NULL`;
    await q.query(`
      CREATE TABLE report_filed_count (
        center_code text NOT NULL, ${grainColumns}, dimension text NOT NULL, key text, detail text,
        count integer NOT NULL,
        UNIQUE NULLS NOT DISTINCT (center_code, grain, period, dimension, key, detail)
      )`);
    await q.query(`
      CREATE TABLE report_employer_count (
        center_code text NOT NULL, ${grainColumns}, key text NOT NULL, tax_code text, name text NOT NULL,
        count integer NOT NULL,
        UNIQUE NULLS NOT DISTINCT (center_code, grain, period, key, tax_code, name)
      )`);
    await q.query(`
      CREATE TABLE report_decided_count (
        center_code text NOT NULL, ${grainColumns}, outcome text NOT NULL, dimension text NOT NULL, key text, note text,
        count integer NOT NULL, on_time integer NOT NULL, with_due_date integer NOT NULL,
        monthly_benefit numeric NOT NULL, benefit_months numeric NOT NULL, benefit_amount numeric NOT NULL,
        UNIQUE NULLS NOT DISTINCT (center_code, grain, period, outcome, dimension, key, note)
      )`);
    await q.query(`
      CREATE TABLE report_decision_span (
        center_code text NOT NULL, decided_day date NOT NULL, received_day date NOT NULL, count integer NOT NULL,
        PRIMARY KEY (center_code, decided_day, received_day)
      )`);
    await q.query(`
      CREATE TABLE report_received_count (
        center_code text NOT NULL, ${grainColumns}, count integer NOT NULL, PRIMARY KEY (center_code, grain, period)
      )`);
    await q.query(`
      CREATE TABLE report_intake_refusal_count (
        center_code text NOT NULL, ${grainColumns}, reason text NOT NULL, count integer NOT NULL,
        PRIMARY KEY (center_code, grain, period, reason)
      )`);
    await q.query(`
      CREATE TABLE report_open_count (
        center_code text NOT NULL, status text NOT NULL, due_date date, count integer NOT NULL,
        UNIQUE NULLS NOT DISTINCT (center_code, status, due_date)
      )`);
    await q.query(`
      CREATE TABLE report_benefit_count (
        day date NOT NULL, center_code text NOT NULL, kind text NOT NULL, count integer NOT NULL,
        PRIMARY KEY (day, center_code, kind)
      )`);

    // The groups of one dossier, with the expressions the reports used on the dossier table. Values a report query
    // would have refused (a lastEmployer or assessment output that is not an object, an amount that is not a number)
    // count as absent instead of failing the dossier's transaction.
    await q.query(`
      CREATE FUNCTION report_filed_facts(filed_at timestamptz, center_code text, status text, channel text, applicant jsonb)
      RETURNS TABLE (day date, center_code text, dimension text, key text, detail text)
      LANGUAGE sql STABLE AS $$
        SELECT (filed_at AT TIME ZONE ${TZ})::date, center_code, x.dimension, x.key, x.detail
        FROM jsonb_to_record(CASE WHEN jsonb_typeof(applicant) = 'object' THEN applicant END)
          AS p("dateOfBirth" text, sex text, "currentAddress" jsonb, "permanentAddress" jsonb)
        CROSS JOIN LATERAL (
          SELECT CASE WHEN p."dateOfBirth" ~ '^\\d{4}-\\d{2}-\\d{2}$'
            THEN (to_char(filed_at AT TIME ZONE ${TZ}, 'YYYYMMDD')::int - translate(p."dateOfBirth", '-', '')::int) / 10000
          END AS age,
          COALESCE(p."currentAddress", p."permanentAddress") AS address
        ) a
        CROSS JOIN LATERAL (VALUES
          ('total', NULL, NULL),
          ('status', status, NULL),
          ('channel', channel, NULL),
          ('ageBand', COALESCE((ARRAY['under_25', '25_34', '35_44', '45_54', '55_plus'])[1 + width_bucket(a.age, ARRAY[25, 35, 45, 55])], 'unknown'), NULL),
          ('sex', CASE WHEN p.sex IN ('male', 'female') THEN p.sex ELSE 'unknown' END, NULL),
          ('province', a.address->>'provinceCode', a.address->>'provinceName')
        ) x(dimension, key, detail)
      $$`);
    await q.query(`
      CREATE FUNCTION report_employer_facts(application jsonb)
      RETURNS TABLE (key text, tax_code text, name text)
      LANGUAGE sql IMMUTABLE AS $$
        SELECT COALESCE(e.tax_code, 'name:' || lower(e.name)), e.tax_code, e.name
        FROM jsonb_to_record(CASE WHEN jsonb_typeof(application) = 'object' THEN application END) AS x("lastEmployer" jsonb)
        CROSS JOIN LATERAL jsonb_to_record(CASE WHEN jsonb_typeof(x."lastEmployer") = 'object' THEN x."lastEmployer" END)
          AS l("taxCode" text, name text)
        CROSS JOIN LATERAL (SELECT NULLIF(btrim(l."taxCode"), '') AS tax_code, btrim(COALESCE(l.name, '')) AS name) e
      $$`);
    // Outcome: deny always records the Director's reason in decision_note, approve never does. Refusal reason: the
    // first reason code of the filing assessment, else the written reason ('decision_note' with the note).
    await q.query(`
      CREATE FUNCTION report_decided_facts(decided_at timestamptz, status text, due_date date, decision_note text,
        application jsonb, assessment jsonb)
      RETURNS TABLE (day date, outcome text, dimension text, key text, note text, on_time integer, with_due_date integer,
        monthly_benefit numeric, benefit_months numeric, benefit_amount numeric)
      LANGUAGE sql STABLE AS $$
        SELECT r.day, r.outcome, x.dimension, x.key, x.note, COALESCE((r.day <= due_date)::int, 0), (due_date IS NOT NULL)::int,
          r.monthly_benefit, r.benefit_months, r.monthly_benefit * r.benefit_months
        FROM jsonb_to_record(CASE WHEN jsonb_typeof(application) = 'object' THEN application END) AS a("terminationReason" text)
        CROSS JOIN LATERAL jsonb_to_record(CASE WHEN jsonb_typeof(assessment) = 'object' THEN assessment END) AS s(output jsonb)
        CROSS JOIN LATERAL (
          SELECT (decided_at AT TIME ZONE ${TZ})::date AS day, o.outcome,
            CASE WHEN o.outcome = 'approved' AND jsonb_typeof(s.output->'monthlyBenefit') = 'number'
              THEN (s.output->>'monthlyBenefit')::numeric ELSE 0 END AS monthly_benefit,
            CASE WHEN o.outcome = 'approved' AND jsonb_typeof(s.output->'benefitMonths') = 'number'
              THEN (s.output->>'benefitMonths')::numeric ELSE 0 END AS benefit_months,
            CASE WHEN jsonb_typeof(s.output) = 'object' AND jsonb_typeof(s.output->'reasons') = 'array'
              THEN s.output->'reasons'->0->>'code' END AS first_reason
          FROM (SELECT CASE WHEN status = 'DENIED' OR (status = 'RESULT_RETURNED' AND decision_note IS NOT NULL)
            THEN 'denied' ELSE 'approved' END AS outcome) o
        ) r
        CROSS JOIN LATERAL (VALUES
          ('outcome', NULL, NULL),
          (CASE WHEN r.outcome = 'approved' THEN 'terminationReason' ELSE 'refusalReason' END,
           CASE WHEN r.outcome = 'approved' THEN COALESCE(a."terminationReason", 'unknown')
                ELSE COALESCE(r.first_reason, 'decision_note') END,
           CASE WHEN r.outcome = 'denied' AND r.first_reason IS NULL THEN btrim(COALESCE(decision_note, '')) END)
        ) x(dimension, key, note)
        WHERE decided_at IS NOT NULL AND status IN ('APPROVED', 'DENIED', 'RESULT_RETURNED')
      $$`);
    await q.query(`
      CREATE FUNCTION report_intake_facts(occurred_at timestamptz, note text)
      RETURNS TABLE (day date, reason text)
      LANGUAGE sql STABLE AS $$
        SELECT (occurred_at AT TIME ZONE ${TZ})::date, COALESCE(NULLIF(btrim(note), ''), 'Không ghi lý do')
      $$`);

    // Dossiers.
    const inserted = `c AS MATERIALIZED (SELECT 1 AS sign, n.* FROM new_rows n)`;
    const deleted = `c AS MATERIALIZED (SELECT -1 AS sign, o.* FROM old_rows o)`;
    const updated = `changed AS MATERIALIZED (SELECT o.id FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE ${CHANGED}),
       c AS MATERIALIZED (SELECT -1 AS sign, o.* FROM old_rows o WHERE o.id IN (SELECT id FROM changed)
         UNION ALL SELECT 1 AS sign, n.* FROM new_rows n WHERE n.id IN (SELECT id FROM changed))`;
    // A dossier moved to another center takes its intake refusals with it.
    const moved = `SELECT s.sign, s.center_code, e.occurred_at, e.note
       FROM old_rows o JOIN new_rows n ON n.id = o.id AND n.center_code <> o.center_code
       CROSS JOIN LATERAL (VALUES (-1, o.center_code), (1, n.center_code)) s(sign, center_code)
       JOIN dossier_event e ON e.dossier_id = o.id AND e.action = 'reject_intake'`;
    const triggers: { name: string; table: string; event: string; transition: string; statements: string[] }[] = [
      {
        name: 'report_dossier_inserted',
        table: 'dossier',
        event: 'INSERT',
        transition: 'NEW TABLE AS new_rows',
        statements: [dossierUpserts(inserted)],
      },
      {
        name: 'report_dossier_updated',
        table: 'dossier',
        event: 'UPDATE',
        transition: 'OLD TABLE AS old_rows NEW TABLE AS new_rows',
        statements: [dossierUpserts(updated), intakeUpsert(moved)],
      },
      {
        name: 'report_dossier_deleted',
        table: 'dossier',
        event: 'DELETE',
        transition: 'OLD TABLE AS old_rows',
        statements: [dossierUpserts(deleted)],
      },
      {
        name: 'report_dossier_event_inserted',
        table: 'dossier_event',
        event: 'INSERT',
        transition: 'NEW TABLE AS new_rows',
        statements: [intakeUpsert(INTAKE_ROWS(1, 'new_rows'))],
      },
      {
        name: 'report_dossier_event_deleted',
        table: 'dossier_event',
        event: 'DELETE',
        transition: 'OLD TABLE AS old_rows',
        statements: [intakeUpsert(INTAKE_ROWS(-1, 'old_rows'))],
      },
      ...(['job_search_notice', 'benefit_proposal'] as const).flatMap((table) => {
        const rows = table === 'job_search_notice' ? NOTICE_ROWS : PROPOSAL_ROWS;
        return [
          {
            name: `report_${table}_inserted`,
            table,
            event: 'INSERT',
            transition: 'NEW TABLE AS new_rows',
            statements: [benefitUpsert(rows(1, 'new_rows'))],
          },
          {
            name: `report_${table}_updated`,
            table,
            event: 'UPDATE',
            transition: 'OLD TABLE AS old_rows NEW TABLE AS new_rows',
            statements: [benefitUpsert(`${rows(-1, 'old_rows')} UNION ALL ${rows(1, 'new_rows')}`)],
          },
          {
            name: `report_${table}_deleted`,
            table,
            event: 'DELETE',
            transition: 'OLD TABLE AS old_rows',
            statements: [benefitUpsert(rows(-1, 'old_rows'))],
          },
        ];
      }),
    ];
    for (const t of triggers) {
      // Run as the owner: the service's role reads the summaries but cannot write them other than through the triggers.
      await q.query(
        `CREATE FUNCTION ${t.name}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
         AS $$\n${body(t.statements)}\n$$`,
      );
      await q.query(
        `CREATE TRIGGER ${t.name} AFTER ${t.event} ON ${t.table} REFERENCING ${t.transition} FOR EACH STATEMENT EXECUTE FUNCTION ${t.name}()`,
      );
    }

    // Recompute every summary from the source rows: the backfill, and the step after a bulk load without triggers.
    await q.query(`
      CREATE FUNCTION report_summaries_rebuild() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        LOCK TABLE dossier, dossier_event, job_search_notice, benefit_proposal IN SHARE MODE;
        TRUNCATE ${SUMMARY_TABLES.join(', ')};
${[
  dossierUpserts(`c AS NOT MATERIALIZED (SELECT 1 AS sign, d.* FROM dossier d)`),
  intakeUpsert(INTAKE_ROWS(1, 'dossier_event')),
  benefitUpsert(`${NOTICE_ROWS(1, 'job_search_notice')} UNION ALL ${PROPOSAL_ROWS(1, 'benefit_proposal')}`),
]
  .map((s) => `        ${s};`)
  .join('\n')}
      END
      $$`);
    await q.query(`REVOKE EXECUTE ON FUNCTION report_summaries_rebuild() FROM PUBLIC`);
    await q.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ${SUMMARY_TABLES.join(', ')} FROM ${APP_ROLE}`);
    await q.query(`SELECT report_summaries_rebuild()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['dossier', 'dossier_event', 'job_search_notice', 'benefit_proposal']) {
      for (const event of ['inserted', 'updated', 'deleted']) {
        await q.query(`DROP TRIGGER IF EXISTS report_${table}_${event} ON ${table}`);
        await q.query(`DROP FUNCTION IF EXISTS report_${table}_${event}()`);
      }
    }
    await q.query(`DROP FUNCTION report_summaries_rebuild()`);
    await q.query(`DROP FUNCTION report_intake_facts(timestamptz, text)`);
    await q.query(`DROP FUNCTION report_decided_facts(timestamptz, text, date, text, jsonb, jsonb)`);
    await q.query(`DROP FUNCTION report_employer_facts(jsonb)`);
    await q.query(`DROP FUNCTION report_filed_facts(timestamptz, text, text, text, jsonb)`);
    await q.query(`DROP TABLE ${SUMMARY_TABLES.join(', ')}`);
  }
}
