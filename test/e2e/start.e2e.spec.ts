import { ChildProcess, execSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { findFreePort } from '../../src/platform/embedded/free-port';

const root = join(__dirname, '..', '..');

interface Started {
  child: ChildProcess;
  output: () => string;
  port: number;
  readyAfterMs: number;
}

/** `npm start` as a newcomer runs it: no configuration but a data folder and a port. */
const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.exitCode === null && c.kill('SIGINT')));

async function start(dataDir: string): Promise<Started> {
  const port = await findFreePort();
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port) };
  for (const name of [
    'DATABASE_URL',
    'S3_ENDPOINT',
    'EID_ISSUER',
    'POPULATION_REGISTRY_URL',
    'INSURANCE_REGISTRY_URL',
    'PORTAL_SYNC_URL',
  ])
    delete env[name];
  const begun = Date.now();
  const child = spawn(process.execPath, [join(root, 'scripts', 'start.js')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  while (Date.now() - begun < 60000) {
    if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
      (r) => r.status,
      () => 0,
    );
    if (ready === 200) return { child, output: () => output, port, readyAfterMs: Date.now() - begun };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`not ready within 60 s:\n${output}`);
}

async function interrupt(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  child.kill('SIGINT');
  return exited;
}

function processesUsing(dataDir: string): string {
  return execSync('ps -eo args', { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(dataDir) || (line.includes('postgres') && line.includes(dataDir.slice(-12))))
    .join('\n');
}

function databaseUrl(started: Started, dataDir: string): string {
  const pgPort = started.output().match(/embedded PostgreSQL listening on 127\.0\.0\.1:(\d+), data in ([^\s"]+)/);
  if (!pgPort) throw new Error(`no embedded PostgreSQL in the log:\n${started.output()}`);
  const password = readFileSync(`${pgPort[2]}.password`, 'utf8').trim();
  expect(pgPort[2].startsWith(dataDir) || pgPort[2].startsWith('/var/tmp/')).toBe(true);
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort[1]}/postgres`;
}

describe('npm start on embedded defaults', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tctn-start-'));
  chmodSync(dataDir, 0o755);

  it('is ready within 20 s, says which embedded defaults it uses, keeps rows across a restart, and leaves no process behind on Ctrl-C', async () => {
    const first = await start(dataDir);
    expect(first.readyAfterMs).toBeLessThan(20000);
    expect(first.output()).toContain('embedded defaults: PostgreSQL (embedded); object store (embedded S3)');
    const url = databaseUrl(first, dataDir);
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query('CREATE TABLE restart_probe (value text)');
    await client.query(`INSERT INTO restart_probe VALUES ('Phạm Thị Hồng Nhung')`);
    await client.end();

    expect(await interrupt(first.child)).toBe(0);
    expect(processesUsing(dataDir)).toBe('');

    const second = await start(dataDir);
    const again = new Client({ connectionString: databaseUrl(second, dataDir) });
    await again.connect();
    const { rows } = await again.query('SELECT value FROM restart_probe');
    await again.end();
    expect(rows).toEqual([{ value: 'Phạm Thị Hồng Nhung' }]);
    expect(await interrupt(second.child)).toBe(0);
    expect(processesUsing(dataDir)).toBe('');
  }, 120000);

  it('recovers by itself after being killed with SIGKILL (a left-over PostgreSQL is stopped, not duplicated)', async () => {
    const killed = await start(dataDir);
    killed.child.kill('SIGKILL');
    await new Promise((r) => killed.child.once('exit', r));
    const restarted = await start(dataDir);
    expect(restarted.output()).toMatch(/stopping a server left running|listening/);
    expect(await interrupt(restarted.child)).toBe(0);
    expect(processesUsing(dataDir)).toBe('');
  }, 120000);
});
