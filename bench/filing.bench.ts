/**
 * Filing: authenticated `POST /api/v1/dossiers` by distinct citizens (autocannon) against pgbench running the same
 * SQL transaction on the same database, in the same run; peak RSS of the service under that load.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DOSSIER_COLUMNS as REPOSITORY_DOSSIER_COLUMNS } from '../src/dossiers/dossier.repository';
import { vietnamDate } from '../src/platform/clock/clock';
import {
  BenchDatabase,
  findPgbench,
  load,
  LoadFigures,
  startService,
  tokenMinter,
  withMemorySampling,
  serviceNodeFlags,
} from './support/infra';
import { PgbenchFigures, runPgbench } from './support/pgbench';
import { benchPersonalId, startRegistryStub, syntheticPopulation } from './support/synthetic-registry';

export const FILING_CENTER = 'DNA-BH';

/** The center the filing and notice benches file at (its row, if the bench database does not have it yet). */
export async function ensureBenchCenter(sql: Client): Promise<void> {
  await sql.query(
    `INSERT INTO service_center (code, name, province_name, address) VALUES ($1, 'Trung tâm Dịch vụ việc làm Đồng Nai – Biên Hòa', 'Đồng Nai', 'Số 1, đường Phạm Văn Thuận, Phường Trấn Biên, Tỉnh Đồng Nai') ON CONFLICT DO NOTHING`,
    [FILING_CENTER],
  );
}

export interface FilingOptions {
  /** Measured filings (one distinct citizen each). */
  filings: number;
  warmUp: number;
  connections: number;
  pgbenchSeconds: number;
  dataDir: string;
  serviceEntry?: string;
  s3: { endpoint: string; accessKey: string; secretKey: string; bucket: string };
  log: (m: string) => void;
}

export interface FilingPgbenchFigures extends PgbenchFigures {
  /** SQL statements per transaction of the script. */
  statements: number;
}

export interface FilingResult {
  http: LoadFigures;
  created: number;
  /** The same SQL as the service sends now. */
  pgbench: FilingPgbenchFigures;
  /** The SQL the service sent before issue #21 (the same, plus the read-back of the new dossier). */
  pgbenchBefore: FilingPgbenchFigures;
  /** The rows alone: no checks, no read-back, no global serialisation (the physical limit). */
  pgbenchBare: FilingPgbenchFigures;
  ratio: number;
  ratioToBare: number;
  /** CPU time per measured filing: the service process, and PostgreSQL (all processes of the cluster; embedded only). */
  cpu: { serviceMsPerFiling: number; postgresMsPerFiling: number | null; wallMsPerFiling: number };
  memory: { idleRssMiB: number; peakHwmMiB: number; maxSampledRssMiB: number };
  rowBytes: number;
  pgbenchScript: string;
  pgbenchBareScript: string;
}

/** A realistic application body (as test/support/dossier-fixtures.ts builds for sandbox residents). */
export function applicationBody(personalId: string, terminationDate: string) {
  const person = syntheticPopulation(personalId);
  return {
    terminationDate,
    terminationReason: 'mutual_agreement',
    contractType: 'indefinite',
    lastEmployer: {
      name: 'Công ty TNHH Điện tử Biên Hòa',
      taxCode: '3600123456',
      address: 'KCN Biên Hòa 2, phường Long Bình, tỉnh Đồng Nai',
    },
    centerCode: FILING_CENTER,
    payment: {
      method: 'bank',
      bankCode: 'VCB',
      accountNumber: String(1_000_000_000 + Number(personalId.slice(-6))),
      accountHolder: person.fullName.toUpperCase(),
    },
    phone: '0912345678',
    email: 'cong.dan@example.vn',
    declarationAccepted: true,
  };
}

const DOSSIER_COLUMNS = REPOSITORY_DOSSIER_COLUMNS.replace(/\s+/g, ' ');

/** pgbench spellings shared by the scripts below. */
function scriptParts() {
  // pgbench (extended protocol) turns every ":name" into a parameter, even inside a string literal: spell the colons
  // of the timestamp formats as chr(58), folded to the same constant when the statement is planned.
  const colon = (sql: string) => sql.replace(/HH24:MI:SS\.MS/g, `HH24' || chr(58) || 'MI' || chr(58) || 'SS.MS`);
  const columns = colon(DOSSIER_COLUMNS);
  const eventColumns = colon(
    `seq, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurredAt", action, from_status, to_status, actor_type, actor_id, actor_name, note, data`,
  );
  const pid = `'2' || lpad(:n::text, 11, '0')`;
  const t = (k: string) => `(SELECT t FROM bench_template WHERE k = '${k}')::jsonb`;
  return { columns, eventColumns, pid, t };
}

/**
 * The statements one online filing sends (FilingService.fileOnce, no Idempotency-Key), in order, with random keys;
 * test/e2e/query-counts.e2e.spec.ts asserts the same list against the service. JSON documents are those of a dossier
 * the service just filed, kept as text in `bench_template` and parsed as jsonb per transaction (the service sends
 * them as text parameters). pgbench's \gset stands in for values the service carries between statements.
 * `readBack`: the filing as it was before issue #21, reading the dossier, its history, attachments, documents and
 * issuance jobs back before answering (17 statements instead of 12).
 */
export function pgbenchScript(center: string, readBack = false): string {
  const { columns, eventColumns, pid, t } = scriptParts();
  const back = readBack
    ? `SELECT ${columns} FROM dossier WHERE id = :did;
SELECT ${eventColumns} FROM dossier_event WHERE dossier_id = :did ORDER BY seq;
SELECT id, dossier_id, kind, file_name, content_type, size, sha256, object_key, uploaded_at, uploaded_by FROM attachment WHERE dossier_id = :did ORDER BY uploaded_at, id;
SELECT id, dossier_id, kind, number, authority_symbol, year, verification_code, sha256, object_key, holder_name, issuer_name, issued_at, status, revoked_at FROM issued_document WHERE dossier_id = :did ORDER BY issued_at, kind;
SELECT id::text AS id, queue, key, dedupe_key, payload, status, hold, attempts, run_at, last_error, created_at, done_at FROM job WHERE queue = 'documents.issue' AND key = :did::text AND status <> 'done' ORDER BY id;
`
    : '';
  return `\\set n random(0, 99999999999)
SELECT 1 FROM service_center WHERE code = '${center}' AND active;
SELECT ${columns} FROM dossier WHERE personal_id = ${pid} AND is_open;
INSERT INTO data_access_log (subject_personal_id, actor_type, actor_id, source, purpose, request_id) VALUES (${pid}, 'citizen', ${pid}, 'population', 'filing', gen_random_uuid()::text), (${pid}, 'citizen', ${pid}, 'social_insurance', 'filing', gen_random_uuid()::text);
BEGIN;
INSERT INTO dossier_sequence (center_code, day, last_value) VALUES ('${center}', (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 1) ON CONFLICT (center_code, day) DO UPDATE SET last_value = dossier_sequence.last_value + 1 RETURNING last_value AS seq \\gset
INSERT INTO dossier (id, code, personal_id, center_code, channel, portal_dossier_code, status, version, full_name, search_name, applicant, insurance, application, assessment, flags, termination_date, filed_at, sort_date) VALUES (gen_random_uuid(), '${center}-' || to_char(now() AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYYMMDD') || '-' || lpad(:seq::text, 5, '0'), ${pid}, '${center}', 'online', NULL, 'SUBMITTED', 1, 'Nguyễn Văn Hùng', 'nguyen van hung', ${t('applicant')}, ${t('insurance')}, ${t('application')}, ${t('assessment')}, '{}', (now() - interval '20 days')::date, now(), (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) RETURNING id AS did, ${columns.replace(/^id, /, '')} \\gset
INSERT INTO dossier_event (dossier_id, seq, occurred_at, action, from_status, to_status, actor_type, actor_id, actor_name, note, data) VALUES (:did, (SELECT COALESCE(MAX(seq), 0) + 1 FROM dossier_event WHERE dossier_id = :did), now(), 'submit', NULL, 'SUBMITTED', 'citizen', ${pid}, NULL, NULL, '{"channel":"online"}') RETURNING ${eventColumns};
INSERT INTO job (queue, key, dedupe_key, payload, status, hold, run_at) VALUES ('portal.deliver', :did, gen_random_uuid()::text, ${t('payload')}, 'pending', NULL, now()) ON CONFLICT (queue, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING RETURNING id;
${back}SELECT pg_advisory_xact_lock(727001);
SELECT COALESCE((SELECT hash FROM audit_chain_head), repeat('0', 64)) AS prev \\gset
WITH appended AS (INSERT INTO audit_log (occurred_at, actor_type, actor_id, action, entity_type, entity_id, data, prev_hash, hash) VALUES (now(), 'citizen', ${pid}, 'dossier.submit', 'dossier', :did, ${t('audit')}, :prev, encode(sha256(convert_to(:prev::text || :did::text || clock_timestamp()::text, 'UTF8')), 'hex')) RETURNING id, hash) INSERT INTO audit_chain_head (last_id, hash) SELECT id, hash FROM appended ON CONFLICT (singleton) DO UPDATE SET last_id = EXCLUDED.last_id, hash = EXCLUDED.hash;
END;
`;
}

/**
 * The physical limit: the same rows inserted in one transaction and nothing else. No checks before, no read-back,
 * and no global serialisation (no per-center-and-day sequence row, no audit-chain lock or chain-head read: the code
 * and the hash are made up).
 */
export function pgbenchBareInserts(center: string): string {
  const { pid, t } = scriptParts();
  return `\\set n random(0, 99999999999)
BEGIN;
INSERT INTO data_access_log (subject_personal_id, actor_type, actor_id, source, purpose, request_id) VALUES (${pid}, 'citizen', ${pid}, 'population', 'filing', gen_random_uuid()::text), (${pid}, 'citizen', ${pid}, 'social_insurance', 'filing', gen_random_uuid()::text);
INSERT INTO dossier (id, code, personal_id, center_code, channel, portal_dossier_code, status, version, full_name, search_name, applicant, insurance, application, assessment, flags, termination_date, filed_at, sort_date) VALUES (gen_random_uuid(), '${center}-B-' || ${pid}, ${pid}, '${center}', 'online', NULL, 'SUBMITTED', 1, 'Nguyễn Văn Hùng', 'nguyen van hung', ${t('applicant')}, ${t('insurance')}, ${t('application')}, ${t('assessment')}, '{}', (now() - interval '20 days')::date, now(), (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) RETURNING id AS did \\gset
INSERT INTO dossier_event (dossier_id, seq, occurred_at, action, from_status, to_status, actor_type, actor_id, actor_name, note, data) VALUES (:did, 1, now(), 'submit', NULL, 'SUBMITTED', 'citizen', ${pid}, NULL, NULL, '{"channel":"online"}');
INSERT INTO job (queue, key, dedupe_key, payload, status, hold, run_at) VALUES ('portal.deliver', :did, gen_random_uuid()::text, ${t('payload')}, 'pending', NULL, now());
INSERT INTO audit_log (occurred_at, actor_type, actor_id, action, entity_type, entity_id, data, prev_hash, hash) VALUES (now(), 'citizen', ${pid}, 'dossier.submit', 'dossier', :did, ${t('audit')}, repeat('0', 64), encode(sha256(convert_to(:did::text, 'UTF8')), 'hex'));
END;
`;
}

/** SQL statements a pgbench script sends per transaction (BEGIN/END included; meta-commands are not statements). */
export function statementsOf(script: string): number {
  return script.split('\n').filter((line) => line.trim() && !line.startsWith('\\')).length;
}

/** utime + stime of a process, in ms (from /proc/<pid>/stat, 100 ticks per second on Linux). */
function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** CPU ms of a PostgreSQL cluster: the postmaster and its children (backends, walwriter, checkpointer...). */
function clusterCpuMs(postmaster: number): number {
  let total = cpuMs(postmaster);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === postmaster) total += cpuMs(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

export async function runFilingBench(db: BenchDatabase, options: FilingOptions): Promise<FilingResult> {
  const { log } = options;
  const pgbench = findPgbench(log);
  const url = await db.database('tctn_bench_filing', true);
  const sql = new Client({ connectionString: url });
  await sql.connect();
  try {
    await ensureBenchCenter(sql);
    const terminationDate = vietnamDate(new Date(Date.now() - 20 * 86_400_000));
    const stub = await startRegistryStub(terminationDate);
    const dataDir = join(options.dataDir, 'service-filing');
    rmSync(dataDir, { recursive: true, force: true });
    log(
      `filing: starting the service (node ${[...serviceNodeFlags(), options.serviceEntry ?? 'scripts/start.js'].join(' ')}) as a child process`,
    );
    const service = await startService({
      databaseUrl: url,
      dataDir,
      registryUrl: stub.url,
      s3: options.s3,
      entry: options.serviceEntry,
    });
    try {
      await new Promise((r) => setTimeout(r, 1000));
      const idle = service.memory();
      const mint = tokenMinter(dataDir, service.publicBaseUrl);
      const total = options.warmUp + options.filings;
      log(`filing: minting ${total.toLocaleString('en')} citizen tokens with AccessTokenService`);
      const citizens: { token: string; body: string }[] = [];
      for (let i = 1; i <= total; i++) {
        const personalId = benchPersonalId(i);
        citizens.push({
          token: await mint.citizen(personalId, syntheticPopulation(personalId).fullName),
          body: JSON.stringify(applicationBody(personalId, terminationDate)),
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
              path: '/api/v1/dossiers',
              setupRequest: (request) => {
                const citizen = citizens[next++ % citizens.length];
                return {
                  ...request,
                  headers: { 'content-type': 'application/json', authorization: `Bearer ${citizen.token}` },
                  body: citizen.body,
                };
              },
            },
          ],
        });
      log(`filing: warm-up, ${options.warmUp} filings`);
      const warm = await filing(options.warmUp);
      if (!warm.statuses['201']) {
        const probe = await fetch(`${service.baseUrl}/api/v1/dossiers`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${citizens[citizens.length - 1].token}`,
          },
          body: citizens[citizens.length - 1].body,
        });
        throw new Error(
          `filing warm-up created nothing (${JSON.stringify(warm.statuses)}): ${probe.status} ${await probe.text()}`,
        );
      }
      next = options.warmUp;
      log(`filing: measuring ${options.filings.toLocaleString('en')} filings, ${options.connections} connections`);
      const postmaster = db.embedded
        ? Number(readFileSync(join(db.embedded.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])
        : null;
      const cpuBefore = { service: cpuMs(service.pid), pg: postmaster ? clusterCpuMs(postmaster) : 0 };
      const measured = await withMemorySampling(service, () => filing(options.filings));
      const cpu = {
        serviceMsPerFiling: (cpuMs(service.pid) - cpuBefore.service) / options.filings,
        postgresMsPerFiling: postmaster ? (clusterCpuMs(postmaster) - cpuBefore.pg) / options.filings : null,
        wallMsPerFiling: (measured.result.seconds * 1000) / options.filings,
      };
      const http = measured.result;
      const [{ created }] = (
        await sql.query(`SELECT count(*)::int AS created FROM dossier WHERE center_code = $1`, [FILING_CENTER])
      ).rows;
      const [{ bytes }] = (
        await sql.query(`SELECT avg(pg_column_size(d.*))::int AS bytes FROM dossier d WHERE center_code = $1`, [
          FILING_CENTER,
        ])
      ).rows;

      // The JSON documents the service really wrote, as the pgbench transaction's payloads.
      const [sample] = (
        await sql.query(
          `SELECT d.applicant::text, d.insurance::text, d.application::text, d.assessment::text,
                  (SELECT payload::text FROM job o WHERE o.queue = 'portal.deliver' AND o.key = d.id::text LIMIT 1) AS payload,
                  (SELECT data::text FROM audit_log a WHERE a.entity_id = d.id::text LIMIT 1) AS audit
             FROM dossier d WHERE center_code = $1 ORDER BY filed_at DESC LIMIT 1`,
          [FILING_CENTER],
        )
      ).rows;
      await sql.query(`CREATE TABLE IF NOT EXISTS bench_template (k text PRIMARY KEY, t text NOT NULL)`);
      for (const k of ['applicant', 'insurance', 'application', 'assessment', 'payload', 'audit']) {
        await sql.query(
          `INSERT INTO bench_template (k, t) VALUES ($1, $2) ON CONFLICT (k) DO UPDATE SET t = EXCLUDED.t`,
          [k, sample[k]],
        );
      }
      await stub.close().catch(() => undefined);
      // The service stays up (idle) while pgbench runs, as it would on a shared database server.
      const script = pgbenchScript(FILING_CENTER);
      const bareScript = pgbenchBareInserts(FILING_CENTER);
      const pgbenchRun = async (name: string, text: string): Promise<FilingPgbenchFigures> => {
        log(`filing: pgbench (${name}), ${options.connections} clients, ${options.pgbenchSeconds} s (${pgbench})`);
        const figures = await runPgbench(pgbench, url, text, {
          clients: options.connections,
          seconds: options.pgbenchSeconds,
        }).catch((error: Error) => {
          throw new Error(`pgbench (${name}): ${error.message}`);
        });
        return { ...figures, statements: statementsOf(text) };
      };
      const same = await pgbenchRun('same SQL as the service', script);
      const before = await pgbenchRun('the SQL before, with the read-back', pgbenchScript(FILING_CENTER, true));
      const bare = await pgbenchRun('bare inserts', bareScript);
      await service.stop();
      return {
        http,
        created,
        pgbench: same,
        pgbenchBefore: before,
        pgbenchBare: bare,
        ratio: http.perSecond / same.tps,
        ratioToBare: http.perSecond / bare.tps,
        cpu,
        memory: { idleRssMiB: idle.rssMiB, peakHwmMiB: measured.peakHwmMiB, maxSampledRssMiB: measured.maxRssMiB },
        rowBytes: bytes,
        pgbenchScript: script,
        pgbenchBareScript: bareScript,
      };
    } finally {
      await service.stop();
      await stub.close().catch(() => undefined);
    }
  } finally {
    await sql.end();
  }
}
