import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The benefit period after an approval (src/benefits, docs/benefits.md):
 * - `benefit`: one per approved dossier whose result was returned: stored status (active, suspended, terminated,
 *   transferred; not_started and completed are derived from the dates), the figures of the decision, and the
 *   termination (reason, effective date, reserved months) once decided.
 * - `benefit_month`: the months of the decision with their job-search notice windows and what was recorded about
 *   them (missed, suspended, cancelled, paid).
 * - `job_search_notice`: the monthly notices (Mẫu số 24), one per month; a portal notice is unique on its code.
 * - `benefit_proposal`: suspensions, resumptions and terminations proposed by the scheduled work (or staff) and
 *   awaiting the Director; one per dossier, kind, month and reason, so re-running the work proposes nothing twice.
 * - `sandbox_clock`: the offset of the sandbox clock (sandbox mode only; one row), shared by every instance.
 */
export class BenefitPeriod1765300000000 implements MigrationInterface {
  name = 'BenefitPeriod1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE benefit (
        dossier_id uuid PRIMARY KEY REFERENCES dossier (id),
        center_code text NOT NULL,
        personal_id char(12) NOT NULL,
        status text NOT NULL CHECK (status IN ('active', 'suspended', 'terminated', 'transferred')),
        monthly_benefit bigint NOT NULL CHECK (monthly_benefit >= 0),
        benefit_months integer NOT NULL CHECK (benefit_months BETWEEN 1 AND 12),
        reserved_after_benefit integer NOT NULL DEFAULT 0,
        result_returned_on date NOT NULL,
        termination_reason text,
        termination_effective_date date,
        reserved_months integer,
        terminated_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX benefit_status_idx ON benefit (status, center_code)`);
    await q.query(`CREATE INDEX benefit_person_idx ON benefit (personal_id)`);
    await q.query(`
      CREATE TABLE benefit_month (
        dossier_id uuid NOT NULL REFERENCES benefit (dossier_id),
        month integer NOT NULL CHECK (month BETWEEN 1 AND 12),
        period_from date NOT NULL,
        period_to date NOT NULL,
        notice_from date NOT NULL,
        notice_to date NOT NULL,
        outcome text CHECK (outcome IN ('missed', 'suspended', 'cancelled', 'paid')),
        outcome_at timestamptz,
        PRIMARY KEY (dossier_id, month)
      )`);
    await q.query(`CREATE INDEX benefit_month_open_window_idx ON benefit_month (notice_to) WHERE outcome IS NULL`);
    await q.query(`
      CREATE TABLE job_search_notice (
        id uuid PRIMARY KEY,
        dossier_id uuid NOT NULL REFERENCES benefit (dossier_id),
        month integer NOT NULL,
        channel text NOT NULL CHECK (channel IN ('online', 'portal', 'counter')),
        filed_at timestamptz NOT NULL,
        filed_on date NOT NULL,
        center_code text NOT NULL,
        activities jsonb NOT NULL,
        note text,
        portal_notice_code text UNIQUE,
        receipt_number text NOT NULL UNIQUE,
        filed_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (dossier_id, month)
      )`);
    await q.query(`CREATE INDEX job_search_notice_report_idx ON job_search_notice (filed_on, center_code)`);
    await q.query(`
      CREATE TABLE benefit_proposal (
        id uuid PRIMARY KEY,
        dossier_id uuid NOT NULL REFERENCES benefit (dossier_id),
        center_code text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('suspend', 'resume', 'terminate')),
        month integer NOT NULL DEFAULT 0,
        termination_reason text NOT NULL DEFAULT '',
        effective_date date,
        evidence jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'decided', 'dismissed')),
        proposed_on date NOT NULL,
        proposed_at timestamptz NOT NULL,
        decided_at timestamptz,
        UNIQUE (dossier_id, kind, month, termination_reason)
      )`);
    await q.query(`CREATE INDEX benefit_proposal_pending_idx ON benefit_proposal (proposed_on, center_code) WHERE status = 'pending'`);
    await q.query(`
      CREATE TABLE sandbox_clock (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        offset_ms bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sandbox_clock`);
    await q.query(`DROP TABLE benefit_proposal`);
    await q.query(`DROP TABLE job_search_notice`);
    await q.query(`DROP TABLE benefit_month`);
    await q.query(`DROP TABLE benefit`);
  }
}
