/**
 * Notices: a province's beneficiaries filing their monthly job-search notice (Mẫu số 24) in the first working days of
 * the month. Authenticated `POST /api/v1/dossiers/{id}/job-search-notices` by distinct beneficiaries (autocannon)
 * against pgbench running the same SQL transaction on the same database, in the same run, on a table seeded with the
 * whole province's beneficiaries (sized by `provinceNoticePeak`, docs in BENCHMARKS.md).
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DOSSIER_COLUMNS as REPOSITORY_DOSSIER_COLUMNS } from '../src/dossiers/dossier.repository';
import { vietnamDate } from '../src/platform/clock/clock';
import { ensureBenchCenter, FILING_CENTER } from './filing.bench';
import { BenchDatabase, findPgbench, load, LoadFigures, startService, tokenMinter } from './support/infra';
import { PgbenchFigures, runPgbench } from './support/pgbench';
import { startRegistryStub } from './support/synthetic-registry';

/**
 * The peak a province's notice path must carry, from the national figures: about 1.05 M benefit decisions a year
 * (2023), one province up to ~10 % of them, one notice per benefit month (a benefit lasts ~4 months on average, so
 * notices are "several times" the decisions), the month after Tết 1.5 × an average month; every beneficiary files in
 * the first three working days of their window, half of them on the first day, a fifth of a day's filings in its
 * busiest hour.
 */
export function provinceNoticePeak(assumptions = NOTICE_PEAK_ASSUMPTIONS) {
  const a = assumptions;
  const beneficiaries = Math.round(
    ((a.nationalDecisionsPerYear * a.provinceShare * a.averageBenefitMonths) / 12) * a.peakMonthFactor,
  );
  const busiestHour = beneficiaries * a.firstDayShare * a.busiestHourShare;
  return { beneficiaries, busiestHourPerSecond: busiestHour / 3600 };
}

export const NOTICE_PEAK_ASSUMPTIONS = {
  nationalDecisionsPerYear: 1_050_000,
  provinceShare: 0.1,
  averageBenefitMonths: 4,
  peakMonthFactor: 1.5,
  firstDayShare: 0.5,
  busiestHourShare: 0.2,
};

export interface NoticeOptions {
  /** Beneficiaries seeded (default: the province's peak month). */
  beneficiaries: number;
  /** Measured notices over HTTP (one distinct beneficiary each); pgbench runs as many transactions. */
  notices: number;
  warmUp: number;
  connections: number;
  dataDir: string;
  serviceEntry?: string;
  s3: { endpoint: string; accessKey: string; secretKey: string; bucket: string };
  log: (m: string) => void;
}

export interface NoticeResult {
  beneficiaries: number;
  peak: ReturnType<typeof provinceNoticePeak>;
  settleSeconds: number;
  http: LoadFigures;
  filed: number;
  pgbench: PgbenchFigures;
  ratio: number;
  pgbenchScript: string;
}

const BENCH_KEY = 'bench-notice-';
/** The seeded beneficiary `k`'s dossier id, as SQL computes it: `md5('bench-notice-' || k)::uuid`. */
export function noticeDossierId(k: number): string {
  const h = createHash('md5').update(`${BENCH_KEY}${k}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
const personalIdSql = (k: string) => `'3' || lpad((${k})::text, 11, '0')`;
export const noticePersonalId = (k: number) => `3${String(k).padStart(11, '0')}`;

/** Seeds `n` beneficiaries of FILING_CENTER whose first notice window opened today (three months each). */
async function seed(sql: Client, n: number, today: string): Promise<void> {
  await ensureBenchCenter(sql);
  await sql.query(
    `INSERT INTO dossier (id, code, personal_id, center_code, channel, status, version, full_name, search_name, applicant,
       insurance, application, assessment, termination_date, filed_at, received_at, decided_at, sort_date)
     SELECT md5('${BENCH_KEY}' || k)::uuid, '${FILING_CENTER}-B-' || lpad(k::text, 7, '0'), ${personalIdSql('k')},
            $1, 'online', 'RESULT_RETURNED', 6, 'Người hưởng ' || k, 'nguoi huong ' || k,
            jsonb_build_object('fullName', 'Người hưởng ' || k, 'personalId', ${personalIdSql('k')}),
            '{}'::jsonb, '{"contractType":"indefinite","terminationReason":"mutual_agreement"}'::jsonb,
            '{"eligible":true,"monthlyBenefit":4000000,"benefitMonths":3}'::jsonb,
            $2::date - 60, now() - interval '45 days', now() - interval '44 days', now() - interval '30 days',
            $2::date - 45
       FROM generate_series(1, $3::int) AS k`,
    [FILING_CENTER, today, n],
  );
  await sql.query(
    `INSERT INTO benefit (dossier_id, center_code, personal_id, status, monthly_benefit, benefit_months, result_returned_on)
     SELECT md5('${BENCH_KEY}' || k)::uuid, $1, ${personalIdSql('k')}, 'active', 4000000, 3, $2::date - 25
       FROM generate_series(1, $3::int) AS k`,
    [FILING_CENTER, today, n],
  );
  await sql.query(
    `INSERT INTO benefit_month (dossier_id, month, period_from, period_to, notice_from, notice_to)
     SELECT md5('${BENCH_KEY}' || k)::uuid, m, $1::date - 20 + 30 * (m - 1), $1::date + 9 + 30 * (m - 1),
            $1::date + 30 * (m - 1), $1::date + 4 + 30 * (m - 1)
       FROM generate_series(1, $2::int) AS k, generate_series(1, 3) AS m`,
    [today, n],
  );
  await sql.query(`ANALYZE dossier; ANALYZE benefit; ANALYZE benefit_month`);
}

/**
 * Waits until the daily work the service starts with (notice reminders, the re-employment sweep over every active
 * beneficiary) has settled: no change in notifications, data-access rows or finished jobs for three polls.
 */
async function settle(sql: Client, log: (m: string) => void): Promise<number> {
  const started = Date.now();
  await new Promise((r) => setTimeout(r, 8000));
  let last = '';
  let quiet = 0;
  while (quiet < 3 && Date.now() - started < 20 * 60_000) {
    const [row] = (
      await sql.query(
        `SELECT (SELECT count(*) FROM notification) AS n, (SELECT count(*) FROM data_access_log) AS d,
                (SELECT count(*) FROM job WHERE status <> 'pending') AS j,
                (SELECT count(*) FROM job WHERE status = 'pending' AND run_at <= now()) AS due`,
      )
    ).rows;
    const now = `${row.n}/${row.d}/${row.j}`;
    quiet = now === last && Number(row.due) === 0 ? quiet + 1 : 0;
    if (now !== last) log(`notices: daily work running (notifications/data reads/jobs done ${now}, due ${row.due})`);
    last = now;
    await new Promise((r) => setTimeout(r, 2000));
  }
  return (Date.now() - started) / 1000;
}

const DOSSIER_COLUMNS = REPOSITORY_DOSSIER_COLUMNS.replace(/\s+/g, ' ');

/**
 * The statements one online notice sends (BenefitService.fileNotice), in order. The JSON documents are those of a
 * notice the service just filed (bench_template); `bench_notice_k` hands each transaction a beneficiary that has not
 * filed yet. Colons of timestamp formats are spelled chr(58) (pgbench turns every ":name" into a parameter).
 */
export function noticePgbenchScript(center: string): string {
  const colons = (s: string) => s.replace(/HH24:MI:SS\.MS/g, `HH24' || chr(58) || 'MI' || chr(58) || 'SS.MS`);
  const did = `md5('${BENCH_KEY}' || :k)::uuid`;
  const pid = personalIdSql(':k');
  const t = (k: string) => `(SELECT t FROM bench_template WHERE k = '${k}')::jsonb`;
  const utc = (c: string) => colons(`to_char(${c} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
  return `SELECT nextval('bench_notice_k') AS k \\gset
SELECT ${colons(DOSSIER_COLUMNS)} FROM dossier WHERE id = ${did};
BEGIN;
SELECT dossier_id::text AS "dossierId", center_code AS "centerCode", personal_id AS "personalId", status, monthly_benefit::float8 AS "monthlyBenefit", benefit_months AS "benefitMonths", reserved_after_benefit AS "reservedAfterBenefit", to_char(result_returned_on, 'YYYY-MM-DD') AS "resultReturnedOn", termination_reason AS "terminationReason", to_char(termination_effective_date, 'YYYY-MM-DD') AS "terminationEffectiveDate", reserved_months AS "reservedMonths" FROM benefit WHERE dossier_id = ${did} FOR UPDATE;
SELECT m.month, to_char(m.period_from, 'YYYY-MM-DD') AS "from", to_char(m.period_to, 'YYYY-MM-DD') AS "to", to_char(m.notice_from, 'YYYY-MM-DD') AS "noticeFrom", to_char(m.notice_to, 'YYYY-MM-DD') AS "noticeTo", m.outcome, ${utc('n.filed_at')} AS "filedAt", n.channel, n.receipt_number AS "receiptNumber" FROM benefit_month m LEFT JOIN job_search_notice n ON n.dossier_id = m.dossier_id AND n.month = m.month WHERE m.dossier_id = ${did} ORDER BY m.month;
INSERT INTO job_search_notice (id, dossier_id, month, channel, filed_at, filed_on, center_code, activities, note, portal_notice_code, receipt_number, filed_by) VALUES (gen_random_uuid(), ${did}, 1, 'online', now(), (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, '${center}', ${t('activities')}, NULL, NULL, '${center}-B-' || lpad(:k::text, 7, '0') || '-TB01', ${pid}) ON CONFLICT (dossier_id, month) DO NOTHING RETURNING id;
INSERT INTO dossier_event (dossier_id, seq, occurred_at, action, from_status, to_status, actor_type, actor_id, actor_name, note, data) VALUES (${did}, (SELECT COALESCE(MAX(seq), 0) + 1 FROM dossier_event WHERE dossier_id = ${did}), now(), 'job_search_notice', 'RESULT_RETURNED', 'RESULT_RETURNED', 'citizen', ${pid}, NULL, NULL, ${t('event')}) RETURNING seq;
INSERT INTO job (queue, key, dedupe_key, payload, status, hold, run_at) VALUES ('portal.deliver', ${did}::text, gen_random_uuid()::text, ${t('payload')}, 'pending', NULL, now()) ON CONFLICT (queue, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING RETURNING id;
SELECT pg_advisory_xact_lock(727001);
SELECT COALESCE((SELECT hash FROM audit_chain_head), repeat('0', 64)) AS prev \\gset
WITH appended AS (INSERT INTO audit_log (occurred_at, actor_type, actor_id, action, entity_type, entity_id, data, prev_hash, hash) VALUES (now(), 'citizen', ${pid}, 'dossier.job_search_notice', 'dossier', ${did}::text, ${t('audit')}, :prev, encode(sha256(convert_to(:prev::text || :k::text || clock_timestamp()::text, 'UTF8')), 'hex')) RETURNING id, hash) INSERT INTO audit_chain_head (last_id, hash) SELECT id, hash FROM appended ON CONFLICT (singleton) DO UPDATE SET last_id = EXCLUDED.last_id, hash = EXCLUDED.hash;
END;
`;
}

export async function runNoticeBench(db: BenchDatabase, options: NoticeOptions): Promise<NoticeResult> {
  const { log } = options;
  const pgbench = findPgbench(log);
  const total = options.warmUp + options.notices;
  if (options.beneficiaries < total * 2)
    throw new Error(`--notice-beneficiaries must be at least twice warm-up + notices (${total * 2})`);
  const url = await db.database('tctn_bench_notices', true);
  const sql = new Client({ connectionString: url });
  await sql.connect();
  const today = vietnamDate(new Date());
  try {
    log(`notices: seeding ${options.beneficiaries.toLocaleString('en')} beneficiaries (window opened ${today})`);
    await seed(sql, options.beneficiaries, today);
    const stub = await startRegistryStub(vietnamDate(new Date(Date.now() - 60 * 86_400_000)));
    const dataDir = join(options.dataDir, 'service-notices');
    rmSync(dataDir, { recursive: true, force: true });
    const service = await startService({
      databaseUrl: url,
      dataDir,
      registryUrl: stub.url,
      s3: options.s3,
      entry: options.serviceEntry,
    });
    try {
      const settleSeconds = await settle(sql, log);
      log(`notices: the day's scheduled work settled after ${settleSeconds.toFixed(0)} s`);
      const mint = tokenMinter(dataDir, service.publicBaseUrl);
      const body = (k: number) =>
        JSON.stringify({
          month: 1,
          activities: [
            { employer: 'Công ty TNHH Minh Phát', position: 'Nhân viên kho', contactedOn: today, outcome: 'applied' },
            {
              employer: 'Công ty CP Thực phẩm Đồng Nai',
              position: 'Công nhân',
              contactedOn: today,
              outcome: 'waiting',
            },
          ],
          note: k % 3 === 0 ? 'Đã đăng ký tư vấn việc làm tại trung tâm.' : undefined,
        });
      log(`notices: minting ${total.toLocaleString('en')} beneficiary tokens`);
      const beneficiaries: { token: string; path: string; body: string }[] = [];
      for (let k = 1; k <= total; k++) {
        beneficiaries.push({
          token: await mint.citizen(noticePersonalId(k), `Người hưởng ${k}`),
          path: `/api/v1/dossiers/${noticeDossierId(k)}/job-search-notices`,
          body: body(k),
        });
      }
      let next = 0;
      const filing = (amount: number) =>
        load({
          url: service.baseUrl,
          connections: options.connections,
          amount,
          timeout: 30,
          requests: [
            {
              method: 'POST',
              setupRequest: (request) => {
                const b = beneficiaries[next++ % beneficiaries.length];
                return {
                  ...request,
                  path: b.path,
                  headers: { 'content-type': 'application/json', authorization: `Bearer ${b.token}` },
                  body: b.body,
                };
              },
            },
          ],
        });
      log(`notices: warm-up, ${options.warmUp} notices`);
      const warm = await filing(options.warmUp);
      if (!warm.statuses['201']) {
        const b = beneficiaries[beneficiaries.length - 1];
        const probe = await fetch(`${service.baseUrl}${b.path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${b.token}` },
          body: b.body,
        });
        throw new Error(
          `notice warm-up filed nothing (${JSON.stringify(warm.statuses)}): ${probe.status} ${await probe.text()}`,
        );
      }
      next = options.warmUp;
      log(`notices: measuring ${options.notices.toLocaleString('en')} notices, ${options.connections} connections`);
      const http = await filing(options.notices);
      const [{ filed }] = (await sql.query(`SELECT count(*)::int AS filed FROM job_search_notice`)).rows;

      // The JSON documents the service really wrote, as the pgbench transaction's payloads.
      const [sample] = (
        await sql.query(
          `SELECT n.activities::text AS activities,
                  (SELECT e.data::text FROM dossier_event e WHERE e.dossier_id = n.dossier_id AND e.action = 'job_search_notice' LIMIT 1) AS event,
                  (SELECT payload::text FROM job o WHERE o.queue = 'portal.deliver' AND o.key = n.dossier_id::text ORDER BY o.id DESC LIMIT 1) AS payload,
                  (SELECT data::text FROM audit_log a WHERE a.entity_id = n.dossier_id::text ORDER BY a.id DESC LIMIT 1) AS audit
             FROM job_search_notice n ORDER BY n.filed_at DESC LIMIT 1`,
        )
      ).rows;
      await sql.query(`CREATE TABLE IF NOT EXISTS bench_template (k text PRIMARY KEY, t text NOT NULL)`);
      for (const k of ['activities', 'event', 'payload', 'audit'])
        await sql.query(
          `INSERT INTO bench_template (k, t) VALUES ($1, $2) ON CONFLICT (k) DO UPDATE SET t = EXCLUDED.t`,
          [k, sample[k]],
        );
      await sql.query(`DROP SEQUENCE IF EXISTS bench_notice_k; CREATE SEQUENCE bench_notice_k START ${total + 1}`);
      await stub.close().catch(() => undefined);
      const script = noticePgbenchScript(FILING_CENTER);
      const perClient = Math.max(1, Math.floor(options.notices / options.connections));
      log(`notices: pgbench, ${options.connections} clients × ${perClient} transactions (${pgbench})`);
      const pg = await runPgbench(pgbench, url, script, {
        clients: options.connections,
        transactionsPerClient: perClient,
      });
      const [{ after }] = (await sql.query(`SELECT count(*)::int AS after FROM job_search_notice`)).rows;
      if (after - filed !== pg.transactions)
        throw new Error(`pgbench filed ${after - filed} notices in ${pg.transactions} transactions: not the same work`);
      return {
        beneficiaries: options.beneficiaries,
        peak: provinceNoticePeak(),
        settleSeconds,
        http,
        filed,
        pgbench: pg,
        ratio: http.perSecond / pg.tps,
        pgbenchScript: script,
      };
    } finally {
      await service.stop();
      await stub.close().catch(() => undefined);
    }
  } finally {
    await sql.end();
  }
}
