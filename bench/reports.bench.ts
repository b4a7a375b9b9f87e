/**
 * Time of the report summary at growing numbers of dossiers, on an embedded PostgreSQL with the real migrations.
 * Dossiers are seeded in SQL (INSERT ... SELECT generate_series) with jsonb of realistic size (registry record,
 * application, assessment with its input contributions, insurance history), spread over the 730 days up to
 * 2026-11-30 across 10 centers, then ANALYZEd. Each case runs once to warm up, then `runs` times.
 *
 * Run: node -r @swc-node/register bench/reports.bench.ts [sizes...] [--explain]
 *   e.g. bench/reports.bench.ts 10000 1000000 --explain   (default sizes: 10000 1000000)
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
import { FixedClock } from '../src/platform/clock/clock';
import { startEmbeddedPostgres } from '../src/platform/database/embedded-postgres';
import { runMigrations } from '../src/platform/database/migrate';
import { countByDueBucket } from '../src/reports/domain/due-buckets';
import { ReportPeriod } from '../src/reports/domain/report-period';
import {
  DECIDED_SQL,
  EMPLOYERS_SQL,
  FILED_SQL,
  INTAKE_REFUSALS_SQL,
  RECEIVED_SQL,
  ReportsRepository,
  SPANS_SQL,
} from '../src/reports/reports.repository';
import { ReportsService } from '../src/reports/reports.service';

export interface ReportsBenchOptions {
  /** Numbers of dossiers, each seeded into its own database. Default [10_000, 1_000_000]. */
  readonly sizes?: readonly number[];
  /** Measured runs per case (after one warm-up). Default 5. */
  readonly runs?: number;
  /** Keep EXPLAIN (ANALYZE, BUFFERS) of every summary query for the province-wide year at the largest size. */
  readonly explain?: boolean;
  readonly log?: (line: string) => void;
}

export interface ReportsBenchCase {
  readonly size: number;
  readonly label: string;
  /** Dossiers filed in the period and scope (what the cohort queries aggregate). */
  readonly filedInPeriod: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
}

export interface ReportsBenchResult {
  readonly postgres: string;
  readonly seeding: { size: number; seconds: number; tableMb: number }[];
  readonly cases: ReportsBenchCase[];
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

async function seed(url: string, size: number, log: (line: string) => void): Promise<number> {
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
    return (performance.now() - started) / 1000;
  } finally {
    await db.end();
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function runReportsBench(options: ReportsBenchOptions = {}): Promise<ReportsBenchResult> {
  const sizes = options.sizes ?? [10_000, 1_000_000];
  const runs = options.runs ?? 5;
  const log = options.log ?? (() => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'tctn-reports-bench-'));
  const pg = await startEmbeddedPostgres({
    dataDir: join(dir, 'pg'),
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_wal_size: '4GB' },
  });
  const cases: ReportsBenchCase[] = [];
  const seeding: ReportsBenchResult['seeding'] = [];
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
      const seconds = await seed(url, size, log);

      const dataSource = await new DataSource({ type: 'postgres', url, extra: { max: 10 } }).initialize();
      try {
        const [{ mb }] = await dataSource.query(`SELECT (pg_total_relation_size('dossier') / 1048576)::int AS mb`);
        seeding.push({ size, seconds, tableMb: mb });
        log(`  seeded in ${seconds.toFixed(1)} s, dossier table ${mb} MB with indexes and TOAST`);
        const repository = new ReportsRepository(dataSource);
        const legal = new LegalContextService(
          new LegalRulesRepository(dataSource),
          new WorkingCalendarRepository(dataSource),
        );
        const service = new ReportsService(repository, legal, new FixedClock(new Date('2026-12-01T02:00:00Z')));

        for (const c of CASES) {
          const times: number[] = [];
          let filed = 0;
          for (let run = 0; run <= runs; run++) {
            const started = performance.now();
            const summary = await service.summaryFor(c.period, c.center);
            if (run > 0) times.push(performance.now() - started);
            filed = summary.filed.total;
          }
          cases.push({
            size,
            label: c.label,
            filedInPeriod: filed,
            medianMs: median(times),
            minMs: Math.min(...times),
            maxMs: Math.max(...times),
          });
          log(`  ${c.label}: median ${median(times).toFixed(1)} ms`);
        }
        const gaugeTimes: number[] = [];
        for (let run = 0; run <= runs; run++) {
          const started = performance.now();
          const groups = await repository.openDossierGroups();
          countByDueBucket(groups, '2026-12-01', (await legal.current()).calendar);
          if (run > 0) gaugeTimes.push(performance.now() - started);
        }
        const openCount = (await dataSource.query(`SELECT count(*)::int AS n FROM dossier WHERE is_open`))[0].n;
        cases.push({
          size,
          label: 'gauges: open dossiers (one scrape)',
          filedInPeriod: openCount,
          medianMs: median(gaugeTimes),
          minMs: Math.min(...gaugeTimes),
          maxMs: Math.max(...gaugeTimes),
        });

        if (options.explain && size === Math.max(...sizes)) {
          const year = CASES[1].period;
          const params = [year.from, '2026-12-01'];
          const queries = {
            filed: FILED_SQL(''),
            employers: EMPLOYERS_SQL(''),
            decided: DECIDED_SQL(''),
            spans: SPANS_SQL(''),
            received: RECEIVED_SQL(''),
            intakeRefusals: INTAKE_REFUSALS_SQL(''),
          };
          for (const [name, sql] of Object.entries(queries)) {
            const rows: { 'QUERY PLAN': string }[] = await dataSource.query(
              `EXPLAIN (ANALYZE, BUFFERS) ${sql}`,
              params,
            );
            plans[`${name} (province, 366 days)`] = rows.map((r) => r['QUERY PLAN']).join('\n');
          }
          const centerParams = ['2026-11-01', '2026-12-01', CENTERS[0]];
          const rows: { 'QUERY PLAN': string }[] = await dataSource.query(
            `EXPLAIN (ANALYZE, BUFFERS) ${DECIDED_SQL('AND d.center_code = $3')}`,
            centerParams,
          );
          plans['decided (one center, 1 month)'] = rows.map((r) => r['QUERY PLAN']).join('\n');
          const gauge: { 'QUERY PLAN': string }[] = await dataSource.query(
            `EXPLAIN (ANALYZE, BUFFERS) SELECT center_code, status, due_date::text, count(*)::int FROM dossier WHERE is_open GROUP BY 1, 2, 3`,
          );
          plans['gauges'] = gauge.map((r) => r['QUERY PLAN']).join('\n');
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
  return { postgres, seeding, cases, ...(options.explain ? { plans } : {}) };
}

export function formatReportsBench(result: ReportsBenchResult): string {
  const lines = [
    `Report summary (all queries of GET /api/v1/reports/summary, side by side on a pool of 10), PostgreSQL ${result.postgres}, embedded defaults (shared_buffers 128 MB)`,
    '',
    '| dossiers | seeding | table size |',
    '|---:|---:|---:|',
    ...result.seeding.map((s) => `| ${s.size.toLocaleString('en')} | ${s.seconds.toFixed(1)} s | ${s.tableMb} MB |`),
    '',
    '| dossiers | case | rows in scope | median ms | min ms | max ms |',
    '|---:|---|---:|---:|---:|---:|',
    ...result.cases.map(
      (c) =>
        `| ${c.size.toLocaleString('en')} | ${c.label} | ${c.filedInPeriod.toLocaleString('en')} | **${c.medianMs.toFixed(1)}** | ${c.minMs.toFixed(1)} | ${c.maxMs.toFixed(1)} |`,
    ),
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
