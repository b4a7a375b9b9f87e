import { DataSource } from 'typeorm';
import { DECISION_NOTE_REASON, UNKNOWN } from '../../src/reports/domain/report-labels';
import { ReportPeriod, dayAfter } from '../../src/reports/domain/report-period';
import {
  DecidedGroupRow,
  EmployerRow,
  FiledGroupRow,
  ReasonCountRow,
  SummaryRows,
  TOP_EMPLOYERS,
} from '../../src/reports/domain/report-summary';
import { ReceiptDecisionPair } from '../../src/reports/domain/working-day-span';

/**
 * The report figures counted directly on the dossier tables (full reads of the rows in the period): the queries the
 * reports ran before the summary tables (migration 1765700000000). The oracle for the summaries
 * (test/integration/report-summaries.spec.ts) and the baseline of bench/reports.bench.ts.
 */
const TZ = `'Asia/Ho_Chi_Minh'`;

/** `column` lies in the Vietnam calendar dates of the period: a range on the raw timestamptz, so indexes apply. */
function inPeriod(column: string): string {
  return `${column} >= ($1::date::timestamp AT TIME ZONE ${TZ}) AND ${column} < ($2::date::timestamp AT TIME ZONE ${TZ})`;
}

/** Outcome of a decided dossier: `deny` always records the Director's reason in decision_note, `approve` never does. */
const OUTCOME = `CASE WHEN status = 'DENIED' OR (status = 'RESULT_RETURNED' AND decision_note IS NOT NULL) THEN 'denied' ELSE 'approved' END`;

/**
 * The filing cohort, one dimension at a time. Age in full years on the filing date (Vietnam time);
 * province of residence = current address (nơi ở hiện tại), else permanent address.
 */
export const FILED_SQL = (centerClause: string) => `
  WITH f AS (
    SELECT d.status, d.channel, d.center_code,
      to_char(d.filed_at AT TIME ZONE ${TZ}, 'YYYY-MM') AS month,
      COALESCE((ARRAY['under_25', '25_34', '35_44', '45_54', '55_plus'])[1 + width_bucket(a.age, ARRAY[25, 35, 45, 55])], '${UNKNOWN}') AS age_band,
      CASE WHEN p.sex IN ('male', 'female') THEN p.sex ELSE '${UNKNOWN}' END AS sex,
      COALESCE(p."currentAddress", p."permanentAddress")->>'provinceCode' AS province_code,
      COALESCE(p."currentAddress", p."permanentAddress")->>'provinceName' AS province_name
    FROM dossier d
    -- jsonb_to_record reads (and decompresses) the registry record once per row, not once per field.
    CROSS JOIN LATERAL jsonb_to_record(d.applicant) AS p("dateOfBirth" text, sex text, "currentAddress" jsonb, "permanentAddress" jsonb)
    CROSS JOIN LATERAL (
      -- Full years: (YYYYMMDD of the filing day − YYYYMMDD of birth) / 10000.
      SELECT CASE WHEN p."dateOfBirth" ~ '^\\d{4}-\\d{2}-\\d{2}$'
        THEN (to_char(d.filed_at AT TIME ZONE ${TZ}, 'YYYYMMDD')::int - translate(p."dateOfBirth", '-', '')::int) / 10000
      END AS age
    ) a
    WHERE ${inPeriod('d.filed_at')} ${centerClause}
  )
  SELECT
    CASE
      WHEN GROUPING(status) = 0 THEN 'status'
      WHEN GROUPING(channel) = 0 THEN 'channel'
      WHEN GROUPING(center_code) = 0 THEN 'center'
      WHEN GROUPING(month) = 0 THEN 'month'
      WHEN GROUPING(age_band) = 0 THEN 'ageBand'
      WHEN GROUPING(sex) = 0 THEN 'sex'
      WHEN GROUPING(province_code) = 0 THEN 'province'
      ELSE 'total'
    END AS dimension,
    COALESCE(status, channel, center_code, month, age_band, sex, province_code) AS key,
    max(province_name) AS label,
    count(*)::int AS count
  FROM f
  GROUP BY GROUPING SETS ((status), (channel), (center_code), (month), (age_band), (sex), (province_code), ())`;

/** Employers of the filing cohort: tax code when declared, else the name as written (trimmed, case-folded). */
export const EMPLOYERS_SQL = (centerClause: string) => `
  SELECT max(tax_code) AS "taxCode", mode() WITHIN GROUP (ORDER BY name) AS name, count(*)::int AS count
  FROM (
    SELECT NULLIF(btrim(l."taxCode"), '') AS tax_code, btrim(COALESCE(l.name, '')) AS name
    FROM dossier d
    CROSS JOIN LATERAL jsonb_to_record(d.application) AS x("lastEmployer" jsonb)
    CROSS JOIN LATERAL jsonb_to_record(x."lastEmployer") AS l("taxCode" text, name text)
    WHERE ${inPeriod('d.filed_at')} ${centerClause}
  ) e
  GROUP BY COALESCE(tax_code, 'name:' || lower(name))
  ORDER BY count(*) DESC, min(name), COALESCE(tax_code, 'name:' || lower(name))
  LIMIT ${TOP_EMPLOYERS}`;

/**
 * Dossiers decided in the period (approved or denied by the Director), by outcome alone (with the on-time and
 * benefit sums), by outcome and termination reason, and by outcome and refusal reason. Refusal reason = the first
 * reason code of the filing assessment, else the Director's written reason.
 */
export const DECIDED_SQL = (centerClause: string) => `
  WITH d AS (
    SELECT ${OUTCOME} AS outcome,
      (d.decided_at AT TIME ZONE ${TZ})::date AS decided_date,
      d.due_date,
      COALESCE(x."terminationReason", '${UNKNOWN}') AS termination_reason,
      o."monthlyBenefit" AS monthly_benefit_raw,
      o."benefitMonths" AS benefit_months_raw,
      o.reasons->0->>'code' AS first_reason,
      d.decision_note
    FROM dossier d
    -- Each jsonb document is read (and decompressed) once per row.
    CROSS JOIN LATERAL jsonb_to_record(d.application) AS x("terminationReason" text)
    CROSS JOIN LATERAL jsonb_to_record(d.assessment) AS a(output jsonb)
    CROSS JOIN LATERAL jsonb_to_record(a.output) AS o("monthlyBenefit" numeric, "benefitMonths" numeric, reasons jsonb)
    WHERE ${inPeriod('d.decided_at')} AND d.status IN ('APPROVED', 'DENIED', 'RESULT_RETURNED') ${centerClause}
  ), r AS (
    SELECT *,
      CASE WHEN outcome = 'denied' THEN COALESCE(first_reason, '${DECISION_NOTE_REASON}') END AS refusal_reason,
      CASE WHEN outcome = 'denied' AND first_reason IS NULL THEN btrim(COALESCE(decision_note, '')) END AS refusal_note,
      CASE WHEN outcome = 'approved' THEN COALESCE(monthly_benefit_raw, 0) ELSE 0 END AS monthly_benefit,
      CASE WHEN outcome = 'approved' THEN COALESCE(benefit_months_raw, 0) ELSE 0 END AS benefit_months
    FROM d
  )
  SELECT
    CASE
      WHEN GROUPING(termination_reason) = 0 THEN 'terminationReason'
      WHEN GROUPING(refusal_reason) = 0 THEN 'refusalReason'
      ELSE 'outcome'
    END AS dimension,
    outcome,
    COALESCE(termination_reason, refusal_reason) AS key,
    refusal_note AS note,
    count(*)::int AS count,
    count(*) FILTER (WHERE decided_date <= due_date)::int AS "onTime",
    count(due_date)::int AS "withDueDate",
    sum(monthly_benefit)::float8 AS "monthlyBenefit",
    sum(benefit_months)::float8 AS "benefitMonths",
    sum(monthly_benefit * benefit_months)::float8 AS "benefitAmount"
  FROM r
  GROUP BY GROUPING SETS ((outcome), (outcome, termination_reason), (outcome, refusal_reason, refusal_note))`;

/** Receipt date × decision date of the dossiers decided in the period (for working days to decision). */
export const SPANS_SQL = (centerClause: string) => `
  SELECT (d.received_at AT TIME ZONE ${TZ})::date::text AS "receivedDate",
    (d.decided_at AT TIME ZONE ${TZ})::date::text AS "decidedDate",
    count(*)::int AS count
  FROM dossier d
  WHERE ${inPeriod('d.decided_at')} AND d.status IN ('APPROVED', 'DENIED', 'RESULT_RETURNED')
    AND d.received_at IS NOT NULL ${centerClause}
  GROUP BY 1, 2`;

export const RECEIVED_SQL = (centerClause: string) => `
  SELECT count(*)::int AS count FROM dossier d WHERE ${inPeriod('d.received_at')} ${centerClause}`;

/** Refusals at intake by the time of the `reject_intake` step; its note is the reason given to the citizen. */
export const INTAKE_REFUSALS_SQL = (centerClause: string) => `
  SELECT COALESCE(NULLIF(btrim(e.note), ''), 'Không ghi lý do') AS reason, count(*)::int AS count
  FROM dossier_event e JOIN dossier d ON d.id = e.dossier_id
  WHERE e.action = 'reject_intake' AND ${inPeriod('e.occurred_at')} ${centerClause}
  GROUP BY 1`;

/** Every summary query, counted directly on the dossiers, in one snapshot. */
export async function directSummaryRows(
  dataSource: DataSource,
  period: ReportPeriod,
  centerCode: string | null,
): Promise<SummaryRows> {
  const params: unknown[] = [period.from, dayAfter(period)];
  if (centerCode) params.push(centerCode);
  const clause = centerCode ? 'AND d.center_code = $3' : '';
  return dataSource.transaction('REPEATABLE READ', async (em) => {
    await em.query(`SET LOCAL statement_timeout = 0`);
    const q = <T>(sql: string): Promise<T[]> => em.query(sql, params);
    return {
      filed: await q<FiledGroupRow>(FILED_SQL(clause)),
      employers: await q<EmployerRow>(EMPLOYERS_SQL(clause)),
      decided: await q<DecidedGroupRow>(DECIDED_SQL(clause)),
      spans: await q<ReceiptDecisionPair>(SPANS_SQL(clause)),
      received: (await q<{ count: number }>(RECEIVED_SQL(clause)))[0]?.count ?? 0,
      intakeRefusals: await q<ReasonCountRow>(INTAKE_REFUSALS_SQL(clause)),
      centers: await em.query(`SELECT code, name FROM service_center ORDER BY code`),
    };
  });
}

/** Open dossiers by center, status and due date, read from the dossier table. */
export function directOpenDossierGroups(dataSource: DataSource) {
  return dataSource.query(
    `SELECT center_code AS "centerCode", status, due_date::text AS "dueDate", count(*)::int AS count
     FROM dossier WHERE is_open GROUP BY 1, 2, 3`,
  );
}

/** The benefit report (GET /api/v1/staff/reports/benefits) counted on the notices and proposals. */
export function directBenefitReport(dataSource: DataSource, from: string, to: string, centerCode: string | null) {
  return dataSource.query(
    `WITH e AS (
       SELECT to_char(filed_on, 'YYYY-MM') AS month, center_code, 'notices' AS what FROM job_search_notice
         WHERE filed_on BETWEEN $1 AND $2
       UNION ALL
       SELECT to_char(p.decided_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM'), p.center_code,
              CASE p.kind WHEN 'suspend' THEN 'suspensions' WHEN 'resume' THEN 'resumptions' ELSE 'terminations' END
         FROM benefit_proposal p WHERE p.status = 'decided'
           AND (p.decided_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN $1 AND $2)
     SELECT month, center_code AS "centerCode",
            count(*) FILTER (WHERE what = 'notices')::int AS notices,
            count(*) FILTER (WHERE what = 'suspensions')::int AS suspensions,
            count(*) FILTER (WHERE what = 'resumptions')::int AS resumptions,
            count(*) FILTER (WHERE what = 'terminations')::int AS terminations
     FROM e WHERE ($3::text IS NULL OR center_code = $3) GROUP BY month, center_code ORDER BY month, center_code`,
    [from, to, centerCode],
  );
}
