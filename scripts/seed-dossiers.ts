/**
 * Seeds synthetic dossiers for the work-queue benchmark, set-based (`INSERT ... SELECT generate_series`), with a
 * progress bar on stderr:
 *
 *   node -r @swc-node/register scripts/seed-dossiers.ts <count> [--center=BENCH-A] [--batch=20000]
 *
 * `<count>` is the number of seeded dossiers wanted in total: rows already seeded (codes `BENCH-…`) are kept and only
 * the difference is inserted, so `seed 1000` then `seed 1000000` grows the same table. Uses DATABASE_URL, or the
 * embedded PostgreSQL under DATA_DIR (started for the run); applies the migrations first.
 *
 * Shape of the data: 90 % of rows belong to one center (default BENCH-A, the queue under test), 10 % to BENCH-B;
 * filing dates spread over the last 365 days; 40 % SUBMITTED (sorted by filing date), 45 % in the other open
 * statuses with a due date (sorted by it), 15 % closed. Registry snapshots and the eligibility assessment are a
 * realistic template (taken from a dossier filed through the API when the database has one), with the personal
 * data (ID, name, date of birth) varying per row.
 */
import { join } from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../src/config/app-config';
import { searchName } from '../src/dossiers/domain/search-name';
import { startEmbeddedPostgres } from '../src/platform/database/embedded-postgres';
import { runMigrations } from '../src/platform/database/migrate';
import { syntheticInsurance, syntheticPopulation } from '../bench/support/synthetic-registry';

export const SEED_CODE_PREFIX = 'BENCH-';
export const SEED_MAIN_CENTER = 'BENCH-A';
export const SEED_OTHER_CENTER = 'BENCH-B';

export interface SeedOptions {
  /** Rows per INSERT statement (one transaction each). Default 20,000. */
  batch?: number;
  /** Called after each batch with the rows seeded so far. */
  progress?: (done: number, target: number, startedWith: number) => void;
}

export interface SeedResult {
  before: number;
  after: number;
  inserted: number;
  seconds: number;
  /** Rows of the main center (the queue under test). */
  mainCenterRows: number;
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Ngọc', 'Minh', 'Thu', 'Quốc', 'Thanh', 'Hữu'];
const GIVEN = ['Hùng', 'Lan', 'Dũng', 'Hương', 'Khoa', 'Tuyết', 'Long', 'Hạnh', 'Phúc', 'Ánh', 'Tuấn', 'Trang', 'Hải'];

/** Every combination once: the name of row g is NAMES[g % NAMES.length]. */
function names(): { full: string[]; search: string[] } {
  const full: string[] = [];
  for (const f of FAMILY) for (const m of MIDDLE) for (const g of GIVEN) full.push(`${f} ${m} ${g}`);
  return { full, search: full.map(searchName) };
}

/** JSON documents of a representative dossier: from a dossier filed through the API if any, else synthetic. */
async function templates(db: Client): Promise<{ applicant: object; insurance: object; application: object; assessment: object }> {
  const [row] = (
    await db.query(
      `SELECT applicant, insurance, application, assessment FROM dossier
        WHERE code NOT LIKE '${SEED_CODE_PREFIX}%' AND insurance IS NOT NULL ORDER BY filed_at DESC LIMIT 1`,
    )
  ).rows;
  if (row) return row;
  const today = new Date().toISOString().slice(0, 10);
  const insurance = syntheticInsurance('075090000001', today);
  const application = {
    terminationDate: today,
    terminationReason: 'mutual_agreement',
    contractType: 'indefinite',
    lastEmployer: { name: 'Công ty TNHH Điện tử Biên Hòa', taxCode: '3600123456', address: 'KCN Biên Hòa 2, phường Long Bình, tỉnh Đồng Nai' },
    centerCode: SEED_MAIN_CENTER,
    payment: { method: 'bank', bankCode: 'VCB', accountNumber: '0123456789', accountHolder: 'NGUYEN VAN HUNG' },
    phone: '0912345678',
    email: 'cong.dan@example.vn',
    declarationAccepted: true,
  };
  const assessment = {
    input: { contributions: insurance.contributions, terminationDate: today, contractType: 'indefinite', terminationReason: 'mutual_agreement' },
    sources: { population: { source: 'population' }, insurance: { source: 'social_insurance', found: true } },
    output: {
      eligible: true,
      contributionMonths: 36,
      averageSalary: 9_000_000,
      monthlyBenefit: 5_400_000,
      benefitMonths: 3,
      reasons: [{ code: 'eligible', message: 'Đủ điều kiện hưởng trợ cấp thất nghiệp.' }],
      ruleSetVersion: 'VN-2025',
    },
    ruleSetVersion: 'VN-2025',
    parametersUsed: { regionalMinimumWage: { I: 4_960_000 } },
  };
  return { applicant: syntheticPopulation('075090000001'), insurance, application, assessment };
}

const INSERT = `
INSERT INTO dossier (id, code, personal_id, center_code, channel, status, version, full_name, search_name, applicant,
                     insurance, application, assessment, flags, termination_date, filed_at, received_at, due_date,
                     sort_date, decided_at)
SELECT md5('bench-dossier-' || g)::uuid,
       s.center || '-' || to_char(s.filed_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYYMMDD') || '-' || lpad(g::text, 7, '0'),
       lpad((100000000000 + g)::text, 12, '0'),
       s.center, 'online', s.status, 1, s.full_name, s.search_name,
       $5::jsonb || jsonb_build_object('personalId', lpad((100000000000 + g)::text, 12, '0'), 'fullName', s.full_name,
                                       'dateOfBirth', (date '1980-01-01' + (g % 7000)::int)::text),
       $6::jsonb, $7::jsonb || jsonb_build_object('centerCode', s.center), $8::jsonb, '{}',
       (s.filed_at - interval '20 days')::date, s.filed_at,
       CASE WHEN s.status <> 'SUBMITTED' THEN s.filed_at + interval '1 day' END,
       s.due_date,
       COALESCE(s.due_date, (s.filed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date),
       CASE WHEN s.status IN ('APPROVED', 'DENIED', 'WITHDRAWN') THEN s.filed_at + interval '18 days' END
  FROM generate_series($1::bigint, $2::bigint) AS g
 CROSS JOIN LATERAL (
   SELECT CASE WHEN g % 10 = 0 THEN '${SEED_OTHER_CENTER}' ELSE $9 END AS center,
          now() - make_interval(mins => ((g * 7919) % 525600)::int) AS filed_at,
          (ARRAY['SUBMITTED','SUBMITTED','SUBMITTED','SUBMITTED','SUBMITTED','SUBMITTED','SUBMITTED','SUBMITTED',
                 'RECEIVED','RECEIVED','RECEIVED','RECEIVED','IN_REVIEW','IN_REVIEW','REVIEWED','PROPOSED',
                 'SUPPLEMENT_REQUESTED','APPROVED','DENIED','WITHDRAWN'])[1 + (g % 20)::int] AS status,
          ($3::text[])[1 + (g % array_length($3::text[], 1))::int] AS full_name,
          ($4::text[])[1 + (g % array_length($4::text[], 1))::int] AS search_name
 ) AS s0
 CROSS JOIN LATERAL (
   SELECT s0.*, CASE WHEN s0.status = 'SUBMITTED' THEN NULL
                     ELSE (s0.filed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + 22 END AS due_date
 ) AS s`;

/** Grows the seeded dossiers to `target` rows (see the file comment). */
export async function seedDossiers(url: string, target: number, options: SeedOptions = {}): Promise<SeedResult> {
  const batch = options.batch ?? 20_000;
  const started = Date.now();
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    await db.query(
      `INSERT INTO service_center (code, name, province_name, address) VALUES
         ($1, 'Trung tâm Dịch vụ việc làm (bench A)', 'Đồng Nai', ''), ($2, 'Trung tâm Dịch vụ việc làm (bench B)', 'Đồng Nai', '')
       ON CONFLICT (code) DO NOTHING`,
      [SEED_MAIN_CENTER, SEED_OTHER_CENTER],
    );
    // Seeded rows are numbered 1..n (the number is in the code and the id), so the highest number is the count.
    const [{ n }] = (
      await db.query(
        `SELECT COALESCE(max(right(code, 7)::bigint), 0)::bigint AS n FROM dossier WHERE code LIKE '${SEED_CODE_PREFIX}%'`,
      )
    ).rows;
    const before = Number(n);
    const t = await templates(db);
    const { full, search } = names();
    options.progress?.(before, target, before);
    for (let from = before + 1; from <= target; from += batch) {
      const to = Math.min(target, from + batch - 1);
      await db.query(INSERT, [from, to, full, search, t.applicant, t.insurance, t.application, t.assessment, SEED_MAIN_CENTER]);
      options.progress?.(to, target, before);
    }
    if (target > before) await db.query('ANALYZE dossier');
    const [{ main }] = (
      await db.query(`SELECT count(*)::int AS main FROM dossier WHERE center_code = $1`, [SEED_MAIN_CENTER])
    ).rows;
    return {
      before,
      after: Math.max(before, target),
      inserted: Math.max(0, target - before),
      seconds: (Date.now() - started) / 1000,
      mainCenterRows: main,
    };
  } finally {
    await db.end();
  }
}

/** A progress bar on stderr (one line redrawn on a terminal; a line per 10 % otherwise). */
export function progressBar(label: string): (done: number, target: number, startedWith: number) => void {
  const start = Date.now();
  let lastDecile = -1;
  return (done, target, startedWith) => {
    const total = Math.max(1, target - startedWith);
    const fraction = target <= startedWith ? 1 : Math.min(1, Math.max(0, (done - startedWith) / total));
    const seconds = (Date.now() - start) / 1000;
    const rate = seconds > 0 ? (done - startedWith) / seconds : 0;
    const eta = rate > 0 ? (target - done) / rate : 0;
    const width = 30;
    const bar = '#'.repeat(Math.round(fraction * width)).padEnd(width, '.');
    const line = `${label} [${bar}] ${(fraction * 100).toFixed(0).padStart(3)}% ${done.toLocaleString('en')}/${target.toLocaleString('en')} ${Math.round(rate).toLocaleString('en')} rows/s ETA ${eta.toFixed(0)}s`;
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${line}${fraction >= 1 ? '\n' : ''}`);
    } else {
      const decile = Math.floor(fraction * 10);
      if (decile !== lastDecile) {
        lastDecile = decile;
        process.stderr.write(line + '\n');
      }
    }
  };
}

async function main(argv: string[]): Promise<void> {
  const positional = argv.filter((a) => !a.startsWith('--'));
  const flag = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const count = Number((positional[0] ?? '').replace(/[_,]/g, ''));
  if (!Number.isInteger(count) || count < 0) {
    throw new Error('usage: node -r @swc-node/register scripts/seed-dossiers.ts <count> [--batch=20000]');
  }
  const config = loadConfig();
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({ dataDir: join(config.dataDir, 'postgres') });
  try {
    const url = config.databaseUrl ?? embedded!.url;
    await runMigrations(url);
    const result = await seedDossiers(url, count, {
      batch: flag('batch') ? Number(flag('batch')) : undefined,
      progress: progressBar('seeding dossiers'),
    });
    console.log(
      `seeded dossiers: ${result.before.toLocaleString('en')} → ${result.after.toLocaleString('en')} ` +
        `(${result.inserted.toLocaleString('en')} inserted in ${result.seconds.toFixed(1)} s; ` +
        `${result.mainCenterRows.toLocaleString('en')} in ${SEED_MAIN_CENTER})`,
    );
  } finally {
    await embedded?.stop();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
