import { MigrationInterface, QueryRunner } from 'typeorm';

const APP_ROLE = 'tctn_app';
const TZ = `'Asia/Ho_Chi_Minh'`;

/**
 * Service indicators, satisfaction, integration health and the monthly report (src/indicators, docs/indicators.md).
 * The indicators read the procedure's tables only through the views created here (the dossier, benefit and payment
 * modules own those tables), so a change of a table is one view to adjust, not SQL spread over modules.
 * - `indicator_center`: the service centers (code, name).
 * - `indicator_filing`: every dossier with its center, channel and filing date (Vietnam calendar).
 * - `indicator_decision`: every dossier decided by the Director (first `approve`/`deny` step), with the date of its
 *   `receive` step, the clock steps (receive, supplement request, supplement) and the day its signed decision was issued.
 * - `indicator_notice_month`: each benefit month's notice window and the notice filed for it, if any.
 * - `indicator_payment`: each benefit month the provincial social insurance office pays, with its status.
 * - `satisfaction_rating`: one rating per dossier once the result is returned; append-only.
 * - `integration_call`: one row per call to a national system (outcome, duration, error); append-only.
 * - `integration_alert`: the last alert sent per system, day and kind, so a crossed threshold alerts once a day.
 * - `indicator_report`: the monthly report drafts (PDF and XLSX in the object store) awaiting the Director.
 */
export class Indicators1766000000000 implements MigrationInterface {
  name = 'Indicators1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE VIEW indicator_center AS SELECT code, name FROM service_center`);
    await q.query(`
      CREATE VIEW indicator_filing AS
      SELECT d.id AS dossier_id, d.center_code, d.channel, (d.filed_at AT TIME ZONE ${TZ})::date AS filed_on
      FROM dossier d`);
    await q.query(`
      CREATE VIEW indicator_decision AS
      SELECT d.id AS dossier_id, d.center_code, d.channel, dec.action AS outcome,
        (dec.occurred_at AT TIME ZONE ${TZ})::date AS decided_on,
        (SELECT (min(e.occurred_at) AT TIME ZONE ${TZ})::date FROM dossier_event e
          WHERE e.dossier_id = d.id AND e.seq < dec.seq AND e.action = 'receive') AS received_on,
        COALESCE((
          SELECT jsonb_agg(jsonb_build_object('action', e.action, 'on', (e.occurred_at AT TIME ZONE ${TZ})::date) ORDER BY e.seq)
          FROM dossier_event e
          WHERE e.dossier_id = d.id AND e.seq < dec.seq AND e.action IN ('receive', 'request_supplement', 'supplement')
        ), '[]'::jsonb) AS clock_steps,
        (SELECT (min(i.issued_at) AT TIME ZONE ${TZ})::date FROM issued_document i
          WHERE i.dossier_id = d.id AND i.kind IN ('decision-approval', 'decision-refusal')) AS electronic_result_on
      FROM dossier d
      JOIN LATERAL (
        SELECT e.action, e.occurred_at, e.seq FROM dossier_event e
        WHERE e.dossier_id = d.id AND e.action IN ('approve', 'deny')
        ORDER BY e.seq LIMIT 1
      ) dec ON true`);
    await q.query(`
      CREATE VIEW indicator_notice_month AS
      SELECT b.center_code, m.dossier_id, m.month, m.notice_from, m.notice_to, m.outcome, n.filed_on, n.channel
      FROM benefit_month m
      JOIN benefit b ON b.dossier_id = m.dossier_id
      LEFT JOIN job_search_notice n ON n.dossier_id = m.dossier_id AND n.month = m.month`);
    await q.query(`
      CREATE VIEW indicator_payment AS
      SELECT d.center_code, p.dossier_id, p.month, p.period_from, p.status, p.paid_at
      FROM benefit_payment p JOIN dossier d ON d.id = p.dossier_id`);
    await q.query(`CREATE INDEX data_access_log_occurred_at_idx ON data_access_log (occurred_at)`);
    await q.query(
      `CREATE INDEX dossier_event_decision_idx ON dossier_event (dossier_id, seq) WHERE action IN ('approve', 'deny')`,
    );
    await q.query(`CREATE INDEX benefit_month_notice_to_idx ON benefit_month (notice_to)`);

    await q.query(`
      CREATE TABLE satisfaction_rating (
        dossier_id uuid PRIMARY KEY REFERENCES dossier (id),
        center_code text NOT NULL,
        rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
        comment text CHECK (comment IS NULL OR length(comment) <= 1000),
        rated_at timestamptz NOT NULL,
        rated_on date NOT NULL
      )`);
    await q.query(`CREATE INDEX satisfaction_rating_month_idx ON satisfaction_rating (rated_on, center_code)`);

    await q.query(`
      CREATE TABLE integration_call (
        id bigserial PRIMARY KEY,
        system text NOT NULL CHECK (system IN ('population_registry', 'insurance_registry', 'eid', 'portal', 'social_insurance')),
        operation text NOT NULL,
        occurred_at timestamptz NOT NULL,
        duration_ms integer NOT NULL CHECK (duration_ms >= 0),
        ok boolean NOT NULL,
        error text
      )`);
    await q.query(`CREATE INDEX integration_call_day_idx ON integration_call (system, occurred_at)`);
    await q.query(`
      CREATE TABLE integration_alert (
        system text NOT NULL,
        day date NOT NULL,
        kind text NOT NULL,
        detail text NOT NULL,
        sent_at timestamptz NOT NULL,
        PRIMARY KEY (system, day, kind)
      )`);

    await q.query(`
      CREATE TABLE indicator_report (
        month char(7) PRIMARY KEY CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft')),
        pdf_key text NOT NULL,
        pdf_sha256 char(64) NOT NULL,
        xlsx_key text NOT NULL,
        prepared_at timestamptz NOT NULL
      )`);
    // The views are read-only for the service (simple views would otherwise accept writes through them).
    await q.query(
      `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON indicator_center, indicator_filing, indicator_decision, indicator_notice_month, indicator_payment FROM ${APP_ROLE}`,
    );
    // Append-only records: the app role reads and adds, nothing else.
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON satisfaction_rating, integration_call FROM ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE indicator_report`);
    await q.query(`DROP TABLE integration_alert`);
    await q.query(`DROP TABLE integration_call`);
    await q.query(`DROP TABLE satisfaction_rating`);
    await q.query(`DROP INDEX benefit_month_notice_to_idx`);
    await q.query(`DROP INDEX dossier_event_decision_idx`);
    await q.query(`DROP INDEX data_access_log_occurred_at_idx`);
    await q.query(`DROP VIEW indicator_payment`);
    await q.query(`DROP VIEW indicator_notice_month`);
    await q.query(`DROP VIEW indicator_decision`);
    await q.query(`DROP VIEW indicator_filing`);
    await q.query(`DROP VIEW indicator_center`);
  }
}
