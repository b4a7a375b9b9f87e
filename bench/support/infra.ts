/**
 * Bench plumbing: one PostgreSQL for the whole run, databases cloned from a migrated template, the service started
 * as a child process (the real `npm start` entry, scripts/start.js) with its peak RSS sampled from /proc, bearer
 * tokens minted with the service's own AccessTokenService, and autocannon runs with exact percentiles.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { citizenPrincipal, staffPrincipal, StaffRole } from '../../src/identity/principal';
import { AccessTokenService } from '../../src/identity/tokens/access-token.service';
import { SystemClock } from '../../src/platform/clock/clock';
import { EmbeddedPostgres, startEmbeddedPostgres } from '../../src/platform/database/embedded-postgres';
import { runMigrations } from '../../src/platform/database/migrate';
import { findFreePort } from '../../src/platform/embedded/free-port';
import { Runtime } from '../../src/platform/embedded/runtime';
import { startEmbeddedS3 } from '../../src/platform/storage/embedded-s3';

export const ROOT = resolve(__dirname, '..', '..');

export function machine() {
  const osRelease = existsSync('/etc/os-release')
    ? (/PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? '')
    : '';
  return {
    date: new Date().toISOString(),
    nproc: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: +(totalmem() / 2 ** 30).toFixed(1),
    freeGiB: +(freemem() / 2 ** 30).toFixed(1),
    node: process.version,
    os: osRelease,
    loadavg: loadavg().map((l) => +l.toFixed(2)),
  };
}

// ---------------------------------------------------------------- database

export interface BenchDatabase {
  adminUrl: string;
  embedded?: EmbeddedPostgres;
  /** URL of database `name`, created from the migrated template when missing (or always, with `fresh`). */
  database(name: string, fresh?: boolean): Promise<string>;
  stop(): Promise<void>;
}

/** PostgreSQL settings of the bench's own embedded cluster (a small dedicated server; durability left on). */
export const BENCH_PG_SETTINGS = {
  shared_buffers: '256MB',
  max_wal_size: '4GB',
  checkpoint_timeout: '15min',
  max_connections: '200',
};

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** DATABASE_URL if given (bench databases are created beside the one it names), else an embedded cluster kept under dataDir. */
export async function openBenchDatabase(dataDir: string, log: (m: string) => void): Promise<BenchDatabase> {
  let adminUrl = process.env.DATABASE_URL;
  let embedded: EmbeddedPostgres | undefined;
  if (!adminUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), settings: BENCH_PG_SETTINGS, log });
    adminUrl = embedded.url;
    log(`embedded PostgreSQL 18 for the bench on port ${embedded.port}, data in ${embedded.dataDir}`);
  }
  const admin = async <T>(work: (c: Client) => Promise<T>): Promise<T> => {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  const exists = (name: string) =>
    admin(async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
  const template = 'tctn_bench_template';
  const schemaVersion = (await import('../../migrations')).migrations.length;
  const templateOk = async () => {
    if (!(await exists(template))) return false;
    const c = new Client({ connectionString: withDatabase(adminUrl!, template) });
    await c.connect();
    try {
      const { rows } = await c.query('SELECT count(*)::int AS n FROM schema_migrations');
      return rows[0].n === schemaVersion;
    } catch {
      return false;
    } finally {
      await c.end();
    }
  };
  if (!(await templateOk())) {
    await admin(async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${template}`);
      await c.query(`CREATE DATABASE ${template}`);
    });
    await runMigrations(withDatabase(adminUrl, template));
  }
  return {
    adminUrl,
    embedded,
    async database(name, fresh = false) {
      if (fresh || !(await exists(name))) {
        await admin(async (c) => {
          await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
        });
      }
      const url = withDatabase(adminUrl!, name);
      await runMigrations(url);
      return url;
    },
    async stop() {
      await embedded?.stop();
    },
  };
}

// ---------------------------------------------------------------- the service as a child process

export interface ServiceProcess {
  pid: number;
  baseUrl: string;
  dataDir: string;
  publicBaseUrl: string;
  /** VmHWM (peak resident set) and VmRSS now, in MiB, from /proc/<pid>/status. */
  memory(): { hwmMiB: number; rssMiB: number };
  stop(): Promise<void>;
}

export interface ServiceOptions {
  databaseUrl: string;
  dataDir: string;
  registryUrl: string;
  s3: { endpoint: string; accessKey: string; secretKey: string; bucket: string };
  extraEnv?: Record<string, string>;
  /** Script run by node: default scripts/start.js (`npm start`); e.g. dist/src/main.js for the compiled build. */
  entry?: string;
}

function readStatus(pid: number): { hwmMiB: number; rssMiB: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { hwmMiB: kb('VmHWM') / 1024, rssMiB: kb('VmRSS') / 1024 };
  } catch {
    return { hwmMiB: 0, rssMiB: 0 };
  }
}

/**
 * `node scripts/start.js` (what `npm start` runs) with every external system configured: the bench's database,
 * S3 store, registries and portal receiver, and an e-ID issuer that is never contacted (discovery is lazy) so no
 * sandbox module is loaded into the measured process.
 */
export async function startService(options: ServiceOptions): Promise<ServiceProcess> {
  mkdirSync(options.dataDir, { recursive: true });
  const port = await findFreePort();
  const publicBaseUrl = `http://localhost:${port}`;
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_BASE_URL: publicBaseUrl,
    DATA_DIR: options.dataDir,
    DATABASE_URL: options.databaseUrl,
    S3_ENDPOINT: options.s3.endpoint,
    S3_ACCESS_KEY: options.s3.accessKey,
    S3_SECRET_KEY: options.s3.secretKey,
    S3_BUCKET: options.s3.bucket,
    POPULATION_REGISTRY_URL: options.registryUrl,
    INSURANCE_REGISTRY_URL: options.registryUrl,
    PORTAL_SYNC_URL: `${options.registryUrl}/portal/events`,
    EID_ISSUER: `${options.registryUrl}/eid`,
    EID_CLIENT_ID: 'bench',
    EID_CLIENT_SECRET: 'bench-secret',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '1000000',
    ...options.extraEnv,
  };
  const child: ChildProcess = spawn(
    process.execPath,
    [...serviceNodeFlags(), resolve(ROOT, options.entry ?? join('scripts', 'start.js'))],
    {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-8000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`the service exited during start (code ${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the service did not become ready within 180 s:\n${output}`);
    }
    try {
      const response = await fetch(`${baseUrl}/health/live`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const pid = child.pid!;
  return {
    pid,
    baseUrl,
    dataDir: options.dataDir,
    publicBaseUrl,
    memory: () => readStatus(pid),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(force);
    },
  };
}

/** The Node/V8 flags `npm start` gives the service (package.json), so the bench measures the process users run. */
export function serviceNodeFlags(): string[] {
  const start: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.start;
  return start.split(/\s+/).filter((word) => word.startsWith('--'));
}

/** Samples the peak RSS while `work` runs (VmHWM covers spikes between samples too). */
export async function withMemorySampling<T>(
  service: ServiceProcess,
  work: () => Promise<T>,
): Promise<{ result: T; before: { hwmMiB: number; rssMiB: number }; peakHwmMiB: number; maxRssMiB: number }> {
  const before = service.memory();
  let maxRss = before.rssMiB;
  const timer = setInterval(() => {
    maxRss = Math.max(maxRss, service.memory().rssMiB);
  }, 200);
  try {
    const result = await work();
    const after = service.memory();
    return { result, before, peakHwmMiB: after.hwmMiB, maxRssMiB: Math.max(maxRss, after.rssMiB) };
  } finally {
    clearInterval(timer);
  }
}

export async function startObjectStore(dir: string) {
  mkdirSync(dir, { recursive: true });
  return startEmbeddedS3(dir, 'tctn-bench');
}

// ---------------------------------------------------------------- tokens

/** Tokens signed with the key the service keeps in DATA_DIR, by the service's own AccessTokenService. */
export function tokenMinter(dataDir: string, publicBaseUrl: string) {
  mkdirSync(dataDir, { recursive: true });
  const runtime = { config: { dataDir, publicBaseUrl } } as unknown as Runtime;
  // Issues only (never verifies), so it needs no revoked-session store.
  const service = new AccessTokenService(runtime, new SystemClock(), null as never);
  return {
    citizen: async (personalId: string, fullName?: string) =>
      (await service.issue(citizenPrincipal(personalId, fullName), { use: 'bearer', ttlSeconds: 4 * 3600 }))
        .accessToken,
    staff: async (username: string, role: StaffRole, centerCode: string | null) =>
      (
        await service.issue(staffPrincipal({ username, fullName: username, role, centerCode }), {
          use: 'bearer',
          ttlSeconds: 4 * 3600,
        })
      ).accessToken,
  };
}

// ---------------------------------------------------------------- load

export interface LoadFigures {
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  statuses: Record<string, number>;
  errors: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** autocannon with every response time kept (autocannon's own summary has no p95). */
export async function load(options: autocannon.Options): Promise<LoadFigures> {
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  const instance = autocannon({
    ...options,
    renderProgressBar: false,
    renderResultsTable: false,
  } as autocannon.Options);
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    times.push(responseTime);
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
  const started = process.hrtime.bigint();
  const result = await instance;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  times.sort((a, b) => a - b);
  return {
    requests: times.length,
    seconds,
    perSecond: times.length / seconds,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    max: times[times.length - 1] ?? NaN,
    statuses,
    errors: result.errors + result.timeouts,
  };
}

// ---------------------------------------------------------------- pgbench

/** pgbench from PATH or a Debian PostgreSQL install; as root, installs postgresql-contrib when missing. */
export function findPgbench(log: (m: string) => void): string {
  const candidates = [
    '/usr/bin/pgbench',
    ...['18', '17', '16', '15'].map((v) => `/usr/lib/postgresql/${v}/bin/pgbench`),
  ];
  const which = () => {
    try {
      return execFileSync('which', ['pgbench'], { encoding: 'utf8' }).trim();
    } catch {
      return candidates.find((c) => existsSync(c));
    }
  };
  let found = which();
  if (!found && process.getuid?.() === 0) {
    log('pgbench not found: installing the Debian package postgresql-contrib (apt-get)');
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql-contrib'], { stdio: 'inherit' });
    found = which();
  }
  if (!found) {
    throw new Error(
      'pgbench not found: install it with `apt-get install postgresql-contrib` (Debian; it ships ' +
        '/usr/lib/postgresql/<version>/bin/pgbench, PostgreSQL 15 on bookworm) or put pgbench on PATH',
    );
  }
  return found;
}
