/**
 * Time of the report summary at growing numbers of dossiers, on an embedded PostgreSQL with the real migrations.
 * Dossiers are seeded in SQL (INSERT ... SELECT generate_series) with jsonb of realistic size (registry record,
 * application, assessment with its input contributions, insurance history), spread over the 730 days up to
 * 2026-11-30 across 10 centers, then ANALYZEd. Seeding runs with the summary triggers disabled (as a restore would),
 * then `report_summaries_rebuild()` fills the summaries (timed: the migration's backfill). Each case runs once to
 * warm up, then `runs` times from the summaries (what the service does) and `baselineRuns` times as the full read of
 * the dossiers in the period that the reports did before (the baseline), and the two answers are compared.
 * The write side: single-row INSERT and status UPDATE of dossiers with the summary triggers on and off.
 *
 * Run: node -r @swc-node/register bench/reports.bench.ts [sizes...] [--explain]
 *   e.g. bench/reports.bench.ts 10000 1000000 --explain   (default size: 1000000)
 * From code: `runReportsBench({ sizes })` returns the figures; `formatReportsBench` prints them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { WorkingCalendarRepository } from '../src/calendar/working-calendar.repository';
import { LegalContextService } from '../src/eligibility/legal-context.service';
import { LegalRulesRepository } from '../src/eligibility/legal-rules.repository';
import { allEntities } from '../test/support/entities';
import { CenterDirectory } from '../src/dossiers/center-directory';
import { FixedClock } from '../src/platform/clock/clock';
import { startEmbeddedPostgres } from '../src/platform/database/embedded-postgres';
import { runMigrations } from '../src/platform/database/migrate';
import { countByDueBucket } from '../src/reports/domain/due-buckets';
import { ReportPeriod } from '../src/reports/domain/report-period';
import { buildSummary, ReportSummary, SummaryRows } from '../src/reports/domain/report-summary';
import {
  PROVINCE,
  ReportsRepository,
  SUMMARY_DECIDED_SQL,
  SUMMARY_EMPLOYERS_SQL,
  SUMMARY_FILED_SQL,
  sliceParams,
} from '../src/reports/reports.repository';
import { ReportsService } from '../src/reports/reports.service';
import {
  DECIDED_SQL,
  EMPLOYERS_SQL,
  FILED_SQL,
  INTAKE_REFUSALS_SQL,
  RECEIVED_SQL,
  SPANS_SQL,
  directOpenDossierGroups,
} from '../test/support/report-direct-count';
import { dayAfter } from '../src/reports/domain/report-period';
import { percentile } from './support/infra';

export interface ReportsBenchOptions {
  /** Numbers of dossiers, each seeded into its own database. Default [1_000_000]. */
  readonly sizes?: readonly number[];
  /** Measured runs per case from the summaries (after one warm-up). Default 20. */
  readonly runs?: number;
  /** Measured runs per case of the full-read baseline (after one warm-up). Default 2. */
  readonly baselineRuns?: number;
  /** Keep EXPLAIN (ANALYZE, BUFFERS) of every summary query for the province-wide year at the largest size. */
  readonly explain?: boolean;
  readonly log?: (line: string) => void;
}

export interface ReportsBenchCase {
  readonly size: number;
  readonly label: string;
  /** Dossiers filed in the period and scope (what the cohort queries aggregate). */
  readonly filedInPeriod: number;
  /** From the summaries (the service). */
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly minMs: number;
  readonly maxMs: number;
  /** The full read of the rows in the period (the reports before the summaries). */
  readonly baseline: { medianMs: number; p95Ms: number; runs: number };
  /** The summary answer equals the full-read answer (every figure). */
  readonly sameFigures: boolean;
}

export interface ReportsWriteCost {
  readonly size: number;
  readonly statements: number;
  /** Mean ms per single-row statement with the summary triggers on / off. */
  readonly insertMs: { on: number; off: number };
  readonly updateMs: { on: number; off: number };
}

export interface ReportsBenchResult {
  readonly postgres: string;
  readonly seeding: { size: number; seconds: number; tableMb: number; backfillSeconds: number; summaryMb: number }[];
  readonly cases: ReportsBenchCase[];
  readonly writes: ReportsWriteCost[];
  readonly plans?: Record<string, string>;
}

const CENTERS = Array.from({ length: 10 }, (_, i) => `BENCH-${String(i + 1).padStart(2, '0')}`);
const END = '2026-11-30';
const SPAN_DAYS = 730;

const CASES: { label: string; period: ReportPeriod; center: string | null }[] = [
  { label: 'province, 1 month', period: { from: '2026-11-01', to: '2026-11-30' }, center: null },
  { label: 'province, 366 days', period: { from: '2025-11-30', to: END }, center: null },
  { label: 'one center, 1 month', period: { from: '2026-11-01', to: '2026-11-30' }, center: CENTERS[0] },
  { label: 'one center, 366 days', period: { from: '2025-11-30', to: END }, center: CENTERS[0] },
];

/** One INSERT ... SELECT for rows (first, last]; all values derive from the row number through hashint4. */
function seedSql(first: number, last: number, total: number): string {
  return `
  WITH pad AS (
    SELECT
      (SELECT jsonb_agg(jsonb_build_object('month', to_char(date '2023-11-01' + make_interval(months => m), 'YYYY-MM'),
          'salary', 6500000 + m * 12345, 'employerTaxCode', '3600123456', 'employerName', 'Công ty TNHH Điện tử Đồng Nai'))
        FROM generate_series(0, 35) m) AS contributions,
      (SELECT jsonb_agg(jsonb_build_object('month', to_char(date '2021-11-01' + make_interval(months => m), 'YYYY-MM'),
          'salary', 6000000 + m * 54321)) FROM generate_series(0, 59) m) AS history
  ), g AS (
    SELECT i,
      (hashint4(i) & 2147483647) AS h1,
      (hashint4(i + 7919) & 2147483647) AS h2,
      (hashint4(i + 104729) & 2147483647) AS h3,
      timestamptz '${END} 23:59:59+07' - make_interval(secs => (${total} - i)::float8 * ${SPAN_DAYS * 86400} / ${total}) AS filed_at
    FROM generate_series(${first + 1}, ${last}) i
  ), s AS (
    SELECT g.*,
      CASE
        WHEN filed_at > timestamptz '${END}' - interval '40 days' THEN
          (ARRAY['SUBMITTED','SUPPLEMENT_REQUESTED','RECEIVED','IN_REVIEW','REVIEWED','PROPOSED','APPROVED','REJECTED'])[1 + h2 % 8]
        WHEN h2 % 100 < 5 THEN 'REJECTED'
        WHEN h2 % 100 < 9 THEN 'WITHDRAWN'
        WHEN h2 % 100 < 13 THEN 'DENIED'
        WHEN h2 % 100 < 20 THEN 'APPROVED'
        ELSE 'RESULT_RETURNED'
      END AS status
    FROM g
  ), t AS (
    SELECT s.*,
      CASE WHEN status NOT IN ('SUBMITTED', 'REJECTED') THEN filed_at + make_interval(hours => 1 + h3 % 48) END AS received_at,
      status IN ('APPROVED', 'DENIED', 'RESULT_RETURNED') AS decided,
      status = 'DENIED' OR (status = 'RESULT_RETURNED' AND h3 % 10 < 2) AS denied
    FROM s
  )
  INSERT INTO dossier (id, code, personal_id, center_code, channel, status, full_name, search_name, applicant, insurance,
    application, assessment, termination_date, filed_at, received_at, due_date, sort_date, decided_at, decision_note)
  SELECT gen_random_uuid(), 'BENCH-' || i, lpad(i::text, 12, '0'),
    '${CENTERS[0].slice(0, -2)}' || lpad((1 + h1 % ${CENTERS.length})::text, 2, '0'),
    (ARRAY['online', 'portal', 'counter'])[1 + h1 % 3],
    status, 'Nguyễn Văn Bench ' || i, 'nguyen van bench ' || i,
    jsonb_build_object('personalId', lpad(i::text, 12, '0'), 'fullName', 'Nguyễn Văn Bench ' || i,
      'dateOfBirth', to_char(date '1964-01-01' + (h1 % 15000), 'YYYY-MM-DD'),
      'sex', CASE WHEN h2 % 2 = 0 THEN 'female' ELSE 'male' END, 'nationality', 'Việt Nam', 'idCardIssueDate', '2021-06-01',
      'permanentAddress', jsonb_build_object('line', 'Số ' || (h3 % 300) || ', đường Phạm Văn Thuận, khu phố 3',
        'communeCode', '26041', 'communeName', 'Phường Trấn Biên', 'provinceCode', lpad((1 + h3 % 34)::text, 2, '0'),
        'provinceName', 'Tỉnh số ' || (1 + h3 % 34)),
      'currentAddress', jsonb_build_object('line', 'Số ' || (h1 % 300) || ', đường Đồng Khởi, khu phố 5',
        'communeCode', '26068', 'communeName', 'Phường Tam Hiệp', 'provinceCode', lpad((1 + h2 % 34)::text, 2, '0'),
        'provinceName', 'Tỉnh số ' || (1 + h2 % 34))),
    jsonb_build_object('found', true, 'history', pad.history),
    jsonb_build_object(
      'terminationDate', to_char(filed_at - interval '20 days', 'YYYY-MM-DD'),
      'terminationReason', (ARRAY['contract_expired','mutual_agreement','employee_lawful_resignation',
        'employer_lawful_termination','restructuring','employer_closed','dismissal','employee_unlawful_resignation'])[1 + h3 % 8],
      'contractType', (ARRAY['indefinite','fixed_term','short_term'])[1 + h2 % 3],
      'lastEmployer', jsonb_build_object('name', 'Công ty TNHH Sản xuất số ' || (h1 % 20000), 'address', 'KCN Biên Hòa 2')
        || CASE WHEN h1 % 10 = 0 THEN '{}'::jsonb ELSE jsonb_build_object('taxCode', (3600000000 + h1 % 20000)::text) END,
      'centerCode', 'BENCH-01', 'payment', jsonb_build_object('method', 'bank', 'bankCode', 'VCB', 'accountNumber', '0071000' || i,
        'accountHolder', 'NGUYEN VAN BENCH'), 'phone', '0912345678', 'declarationAccepted', true),
    jsonb_build_object(
      'input', jsonb_build_object('terminationDate', to_char(filed_at - interval '20 days', 'YYYY-MM-DD'),
        'contributions', pad.contributions, 'zone', 'I', 'salaryRegime', 'employer'),
      'output', jsonb_build_object('eligible', NOT denied OR h3 % 3 = 0,
        'monthlyBenefit', CASE WHEN decided AND NOT denied THEN 3000000 + (h3 % 300) * 10000 ELSE 0 END,
        'benefitMonths', CASE WHEN decided AND NOT denied THEN 3 + h1 % 10 ELSE 0 END,
        'reasons', CASE WHEN denied AND h3 % 3 <> 0 THEN jsonb_build_array(jsonb_build_object('code',
          (ARRAY['insufficient_contributions','filed_late','unlawful_termination'])[1 + h1 % 3], 'message', 'Không đủ điều kiện'))
          ELSE '[]'::jsonb END,
        'regime', 'VN-2025', 'ruleSetVersion', 'VN-2025@2026-01-01'),
      'ruleSetVersion', 'VN-2025@2026-01-01'),
    (filed_at - interval '20 days')::date, filed_at, received_at,
    (received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + 28,
    COALESCE((received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + 28, (filed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date),
    CASE WHEN decided THEN received_at + make_interval(days => 5 + h1 % 30, hours => h2 % 9) END,
    CASE WHEN denied THEN 'Không đủ điều kiện hưởng theo kết quả xác minh ' || (h2 % 4)
         WHEN status = 'REJECTED' THEN 'Hồ sơ không thuộc thẩm quyền ' || (h1 % 3) END
  FROM t, pad`;
}

const REPORT_TRIGGERS = [
  ...['inserted', 'updated', 'deleted'].map((event) => ({ table: 'dossier', trigger: `report_dossier_${event}` })),
  ...['inserted', 'deleted'].map((event) => ({ table: 'dossier_event', trigger: `report_dossier_event_${event}` })),
];

async function setReportTriggers(db: Client, enabled: boolean): Promise<void> {
  for (const { table, trigger } of REPORT_TRIGGERS) {
    await db.query(`ALTER TABLE ${table} ${enabled ? 'ENABLE' : 'DISABLE'} TRIGGER ${trigger}`);
  }
}

/** Seeds the dossiers (summary triggers off), then fills the summaries as the migration's backfill does. */
async function seed(
  url: string,
  size: number,
  log: (line: string) => void,
): Promise<{ seconds: number; backfillSeconds: number }> {
  const db = new Client({ connectionString: url });
  await db.connect();
  const started = performance.now();
  try {
    await db.query(`SET synchronous_commit = off`);
    for (const code of CENTERS) {
      await db.query(`INSERT INTO service_center (code, name, province_name) VALUES ($1, $2, 'Tỉnh Bench')`, [
        code,
        `Trung tâm ${code}`,
      ]);
    }
    await setReportTriggers(db, false);
    // Bulk load as a restore would: secondary indexes dropped, rows inserted, indexes rebuilt (same definitions).
    const { rows: indexes } = await db.query(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i
       WHERE i.tablename = 'dossier' AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    );
    for (const index of indexes) await db.query(`DROP INDEX ${index.indexname}`);
    const batch = 250_000;
    for (let first = 0; first < size; first += batch) {
      await db.query(seedSql(first, Math.min(size, first + batch), size));
      if (size > batch)
        log(
          `  seeded ${Math.min(size, first + batch).toLocaleString('en')} / ${size.toLocaleString('en')} (${((performance.now() - started) / 1000).toFixed(0)} s)`,
        );
    }
    await db.query(`SET maintenance_work_mem = '256MB'`);
    for (const index of indexes) await db.query(index.indexdef);
    await db.query(`
      INSERT INTO dossier_event (dossier_id, seq, occurred_at, action, from_status, to_status, actor_type, note)
      SELECT id, 1, filed_at + interval '2 hours', 'reject_intake', 'SUBMITTED', 'REJECTED', 'staff', decision_note
      FROM dossier WHERE status = 'REJECTED'`);
    await db.query(`VACUUM ANALYZE dossier`);
    await db.query(`ANALYZE dossier_event`);
    const seconds = (performance.now() - started) / 1000;
    log(`  seeded in ${seconds.toFixed(1)} s; filling the summaries (report_summaries_rebuild)`);
    const backfillStarted = performance.now();
    await db.query(`SET work_mem = '256MB'`);
    await db.query(`SELECT report_summaries_rebuild()`);
    const backfillSeconds = (performance.now() - backfillStarted) / 1000;
    await setReportTriggers(db, true);
    await db.query(`VACUUM ANALYZE`);
    return { seconds, backfillSeconds };
  } finally {
    await db.end();
  }
}

/**
 * Cost on the write path: `statements` single-row INSERTs of a dossier (a copy of a seeded one) and as many status
 * UPDATEs, in a transaction that is rolled back, with the summary triggers on and then off.
 */
async function writeCost(url: string, size: number, statements: number): Promise<ReportsWriteCost> {
  const db = new Client({ connectionString: url });
  await db.connect();
  const time = async (enabled: boolean) => {
    await setReportTriggers(db, enabled);
    await db.query('BEGIN');
    try {
      const { rows } = await db.query(
        `SELECT id FROM dossier WHERE status = 'APPROVED' ORDER BY filed_at DESC LIMIT $1`,
        [statements],
      );
      const insertStarted = performance.now();
      for (const [i, { id }] of rows.entries()) {
        await db.query(
          `INSERT INTO dossier (id, code, personal_id, center_code, channel, status, full_name, search_name, applicant,
             insurance, application, assessment, termination_date, filed_at, sort_date)
           SELECT gen_random_uuid(), 'WRITE-' || $2::text, '9' || lpad($2::text, 11, '0'), center_code, channel, 'SUBMITTED',
             full_name, search_name, applicant, insurance, application, assessment, termination_date, now(), sort_date
           FROM dossier WHERE id = $1`,
          [id, String(i)],
        );
      }
      const insertMs = (performance.now() - insertStarted) / rows.length;
      const updateStarted = performance.now();
      for (const { id } of rows) {
        await db.query(`UPDATE dossier SET status = 'RESULT_RETURNED', updated_at = now() WHERE id = $1`, [id]);
      }
      const updateMs = (performance.now() - updateStarted) / rows.length;
      return { insertMs, updateMs };
    } finally {
      await db.query('ROLLBACK');
      await setReportTriggers(db, true);
    }
  };
  try {
    await time(true); // warm-up
    // Alternating rounds, the fastest of each kept: the machine is shared, the least disturbed round is the cost.
    const on: { insertMs: number; updateMs: number }[] = [];
    const off: { insertMs: number; updateMs: number }[] = [];
    for (let round = 0; round < 3; round++) {
      on.push(await time(true));
      off.push(await time(false));
    }
    const best = (rounds: typeof on, pick: (r: (typeof on)[number]) => number) => Math.min(...rounds.map(pick));
    return {
      size,
      statements,
      insertMs: { on: best(on, (r) => r.insertMs), off: best(off, (r) => r.insertMs) },
      updateMs: { on: best(on, (r) => r.updateMs), off: best(off, (r) => r.updateMs) },
    };
  } finally {
    await db.end();
  }
}

/** The report as computed before the summaries: six full reads of the period's rows, side by side on the pool. */
async function fullReadRows(
  dataSource: DataSource,
  period: ReportPeriod,
  centerCode: string | null,
): Promise<SummaryRows> {
  const params: unknown[] = [period.from, dayAfter(period)];
  if (centerCode) params.push(centerCode);
  const clause = centerCode ? 'AND d.center_code = $3' : '';
  const q = <T>(sql: string): Promise<T[]> =>
    dataSource.transaction(async (em) => {
      await em.query('SET TRANSACTION READ ONLY');
      await em.query(`SET LOCAL statement_timeout = 0`);
      return em.query(sql, params);
    });
  const [filed, employers, decided, spans, received, intakeRefusals, centers] = await Promise.all([
    q<SummaryRows['filed'][number]>(FILED_SQL(clause)),
    q<SummaryRows['employers'][number]>(EMPLOYERS_SQL(clause)),
    q<SummaryRows['decided'][number]>(DECIDED_SQL(clause)),
    q<SummaryRows['spans'][number]>(SPANS_SQL(clause)),
    q<{ count: number }>(RECEIVED_SQL(clause)),
    q<SummaryRows['intakeRefusals'][number]>(INTAKE_REFUSALS_SQL(clause)),
    dataSource.query(`SELECT code, name FROM service_center ORDER BY code`),
  ]);
  return { filed, employers, decided, spans, received: received[0]?.count ?? 0, intakeRefusals, centers };
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function timing(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: median(sorted), p95: percentile(sorted, 95), min: sorted[0], max: sorted[sorted.length - 1] };
}

/** The summary without the time it was made, for comparing two answers. */
const figures = (summary: ReportSummary) => JSON.stringify({ ...summary, generatedAt: '' });

/** The first place where two answers differ (for the log when they do). */
function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  if (JSON.stringify(a) === JSON.stringify(b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const diff = firstDifference(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        `${path}.${key}`,
      );
      if (diff) return diff;
    }
  }
  return `${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
}

export async function runReportsBench(options: ReportsBenchOptions = {}): Promise<ReportsBenchResult> {
  const sizes = options.sizes ?? [1_000_000];
  const runs = options.runs ?? 20;
  const baselineRuns = options.baselineRuns ?? 2;
  const log = options.log ?? (() => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'tctn-reports-bench-'));
  const pg = await startEmbeddedPostgres({
    dataDir: join(dir, 'pg'),
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_wal_size: '4GB' },
  });
  const cases: ReportsBenchCase[] = [];
  const seeding: ReportsBenchResult['seeding'] = [];
  const writes: ReportsWriteCost[] = [];
  const plans: Record<string, string> = {};
  let postgres = '';
  try {
    for (const size of sizes) {
      const database = `reports_bench_${size}`;
      const admin = new Client({ connectionString: pg.url });
      await admin.connect();
      postgres = (await admin.query(`SHOW server_version`)).rows[0].server_version;
      await admin.query(`DROP DATABASE IF EXISTS ${database}`);
      await admin.query(`CREATE DATABASE ${database}`);
      await admin.end();
      const url = withDatabase(pg.url, database);
      await runMigrations(url);
      log(`${size.toLocaleString('en')} dossiers: seeding`);
      const { seconds, backfillSeconds } = await seed(url, size, log);

      const dataSource = await new DataSource({
        type: 'postgres',
        url,
        extra: { max: 10 },
        entities: allEntities(),
      }).initialize();
      try {
        const [{ mb, summaryMb }] = await dataSource.query(
          `SELECT (pg_total_relation_size('dossier') / 1048576)::int AS mb,
             (SELECT sum(pg_total_relation_size(c.oid)) / 1048576 FROM pg_class c
              WHERE c.relkind = 'r' AND c.relname LIKE 'report\\_%')::int AS "summaryMb"`,
        );
        seeding.push({ size, seconds, tableMb: mb, backfillSeconds, summaryMb });
        log(
          `  dossier table ${mb} MB with indexes and TOAST; summaries filled in ${backfillSeconds.toFixed(1)} s (${summaryMb} MB)`,
        );
        const repository = new ReportsRepository(dataSource, new CenterDirectory(dataSource));
        const legal = new LegalContextService(
          new LegalRulesRepository(dataSource),
          new WorkingCalendarRepository(dataSource),
        );
        const clock = new FixedClock(new Date('2026-12-01T02:00:00Z'));
        const service = new ReportsService(repository, legal, clock);

        for (const c of CASES) {
          const times: number[] = [];
          let summary: ReportSummary | undefined;
          for (let run = 0; run <= runs; run++) {
            const started = performance.now();
            summary = await service.summaryFor(c.period, c.center);
            if (run > 0) times.push(performance.now() - started);
          }
          const baselineTimes: number[] = [];
          let baseline: ReportSummary | undefined;
          for (let run = 0; run <= baselineRuns; run++) {
            const started = performance.now();
            const [rows, { calendar }] = await Promise.all([
              fullReadRows(dataSource, c.period, c.center),
              legal.current(),
            ]);
            baseline = buildSummary(c.period, c.center, rows, calendar, clock.now().toISOString());
            if (run > 0) baselineTimes.push(performance.now() - started);
          }
          const t = timing(times);
          const b = timing(baselineTimes);
          cases.push({
            size,
            label: c.label,
            filedInPeriod: summary!.filed.total,
            medianMs: t.median,
            p95Ms: t.p95,
            minMs: t.min,
            maxMs: t.max,
            baseline: { medianMs: b.median, p95Ms: b.p95, runs: baselineRuns },
            sameFigures: figures(summary!) === figures(baseline!),
          });
          log(
            `  ${c.label}: p95 ${t.p95.toFixed(1)} ms from the summaries, full read median ${b.median.toFixed(0)} ms`,
          );
          const difference = firstDifference({ ...summary, generatedAt: '' }, { ...baseline, generatedAt: '' });
          if (difference) log(`  DIFFERENT FIGURES ${difference.slice(0, 500)}`);
        }
        const gaugeTimes: number[] = [];
        const gaugeBaseline: number[] = [];
        for (let run = 0; run <= runs; run++) {
          let started = performance.now();
          const groups = await repository.openDossierGroups();
          countByDueBucket(groups, '2026-12-01', (await legal.current()).calendar);
          if (run > 0) gaugeTimes.push(performance.now() - started);
          started = performance.now();
          const direct = await directOpenDossierGroups(dataSource);
          countByDueBucket(direct, '2026-12-01', (await legal.current()).calendar);
          if (run > 0) gaugeBaseline.push(performance.now() - started);
        }
        const openCount = (await dataSource.query(`SELECT count(*)::int AS n FROM dossier WHERE is_open`))[0].n;
        const sortGroups = (rows: { centerCode: string; status: string; dueDate: string | null; count: number }[]) =>
          JSON.stringify(rows.map((r) => `${r.centerCode}|${r.status}|${r.dueDate}|${r.count}`).sort());
        const g = timing(gaugeTimes);
        const gb = timing(gaugeBaseline);
        cases.push({
          size,
          label: 'gauges: open dossiers (one scrape)',
          filedInPeriod: openCount,
          medianMs: g.median,
          p95Ms: g.p95,
          minMs: g.min,
          maxMs: g.max,
          baseline: { medianMs: gb.median, p95Ms: gb.p95, runs },
          sameFigures:
            sortGroups(await repository.openDossierGroups()) === sortGroups(await directOpenDossierGroups(dataSource)),
        });

        log('  write path: single-row INSERT / UPDATE with the summary triggers on and off');
        writes.push(await writeCost(url, size, 200));

        if (options.explain && size === Math.max(...sizes)) {
          const year = CASES[1].period;
          const centers = CENTERS;
          const params = sliceParams(year, centers);
          const queries = {
            filed: [SUMMARY_FILED_SQL, params],
            employers: [SUMMARY_EMPLOYERS_SQL, sliceParams(year, [PROVINCE])],
            decided: [SUMMARY_DECIDED_SQL, params],
          } as const;
          for (const [name, [sql, values]] of Object.entries(queries)) {
            const rows: { 'QUERY PLAN': string }[] = await dataSource.query(
              `EXPLAIN (ANALYZE, BUFFERS) ${sql}`,
              values,
            );
            plans[`summary ${name} (province, 366 days)`] = rows.map((r) => r['QUERY PLAN']).join('\n');
          }
        }
      } finally {
        await dataSource.destroy();
      }
    }
  } finally {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
    // As root the cluster lives under /var/tmp (see embedded-postgres.ts): remove it too.
    rmSync(pg.dataDir, { recursive: true, force: true });
    rmSync(`${pg.dataDir}.password`, { force: true });
  }
  return { postgres, seeding, cases, writes, ...(options.explain ? { plans } : {}) };
}

const ms = (v: number) => (v < 10 ? v.toFixed(2) : v < 1000 ? v.toFixed(1) : v.toFixed(0));

export function formatReportsBench(result: ReportsBenchResult): string {
  const lines = [
    `Report figures from the summary tables (GET /api/v1/reports/summary, one snapshot) next to the full read of the period's dossiers they replace (six queries side by side on a pool of 10), PostgreSQL ${result.postgres}, embedded defaults (shared_buffers 128 MB)`,
    '',
    '| dossiers | seeding (triggers off) | dossier table | summaries filled (backfill) | summary tables |',
    '|---:|---:|---:|---:|---:|',
    ...result.seeding.map(
      (s) =>
        `| ${s.size.toLocaleString('en')} | ${s.seconds.toFixed(1)} s | ${s.tableMb} MB | ${s.backfillSeconds.toFixed(1)} s | ${s.summaryMb} MB |`,
    ),
    '',
    '| dossiers | case | rows in scope | summaries p95 ms | median ms | max ms | full read (baseline) median ms | same figures |',
    '|---:|---|---:|---:|---:|---:|---:|---|',
    ...result.cases.map(
      (c) =>
        `| ${c.size.toLocaleString('en')} | ${c.label} | ${c.filedInPeriod.toLocaleString('en')} | **${ms(c.p95Ms)}** | ${ms(c.medianMs)} | ${ms(c.maxMs)} | ${ms(c.baseline.medianMs)} (${c.baseline.runs} runs) | ${c.sameFigures ? 'yes' : '**NO**'} |`,
    ),
    '',
    '| dossiers | write path (single-row statements, mean of the fastest of 3 rounds) | summary triggers on | off |',
    '|---:|---|---:|---:|',
    ...result.writes.flatMap((w) => [
      `| ${w.size.toLocaleString('en')} | INSERT a dossier (${w.statements}) | ${ms(w.insertMs.on)} ms | ${ms(w.insertMs.off)} ms |`,
      `| ${w.size.toLocaleString('en')} | UPDATE its status (${w.statements}) | ${ms(w.updateMs.on)} ms | ${ms(w.updateMs.off)} ms |`,
    ]),
  ];
  for (const [name, plan] of Object.entries(result.plans ?? {})) lines.push('', `EXPLAIN ${name}:`, plan);
  return lines.join('\n');
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const sizes = args.filter((a) => /^\d+$/.test(a)).map(Number);
  runReportsBench({
    sizes: sizes.length ? sizes : undefined,
    explain: args.includes('--explain'),
    log: (line) => console.log(line),
  })
    .then((result) => console.log('\n' + formatReportsBench(result)))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
