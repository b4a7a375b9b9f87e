import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { findFreePort } from '../../src/platform/embedded/free-port';
import { createTestDatabase } from '../support/database';
import { productionEnv } from '../support/production-env';

const root = join(__dirname, '..', '..');

/** Every variable a deployment without sandboxes must set, written out here rather than read from the code. */
const REQUIRED = [
  'EID_ISSUER',
  'EID_CLIENT_ID',
  'EID_CLIENT_SECRET',
  'POPULATION_REGISTRY_URL',
  'INSURANCE_REGISTRY_URL',
  'PORTAL_SYNC_URL',
  'PORTAL_CLIENTS',
  'SOCIAL_INSURANCE_SYNC_URL',
  'SOCIAL_INSURANCE_CLIENTS',
  'SMTP_URL',
  'SMS_GATEWAY_URL',
  'DATABASE_URL',
  'DATABASE_MIGRATION_URL',
  'S3_ENDPOINT',
  'S3_ACCESS_KEY',
  'S3_SECRET_KEY',
  'S3_BUCKET',
  'SIGNING_P12_PATH',
  'SIGNING_P12_PASSWORD',
];

/** The service as the image runs it (src/main.ts), with exactly `env` on top of PATH. */
function service(env: Record<string, string>, loadedModulesFile: string): ChildProcess {
  return spawn(
    process.execPath,
    ['-r', join(__dirname, '..', 'support', 'loaded-modules-reporter.js'), '-r', '@swc-node/register', 'src/main.ts'],
    {
      cwd: root,
      env: { PATH: process.env.PATH, SWCRC: 'true', LOADED_MODULES_FILE: loadedModulesFile, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

function collect(child: ChildProcess): () => string {
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  return () => output;
}

/** The exit code; a service still running after 40 s (it should have refused to start) is stopped and gives null. */
const exited = (child: ChildProcess) =>
  new Promise<number | null>((r) => {
    if (child.exitCode !== null) return r(child.exitCode);
    const timer = setTimeout(() => child.kill('SIGKILL'), 40000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      r(code);
    });
  });

describe('SANDBOX=off (the production image)', () => {
  it('refuses to start with national systems unset, naming every missing variable', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tctn-nosandbox-'));
    const child = service({ SANDBOX: 'off', DATA_DIR: dataDir, PORT: '0' }, join(dataDir, 'modules.txt'));
    const output = collect(child);
    expect(await exited(child)).toBe(1);
    expect(output()).toContain('SANDBOX is off');
    for (const name of REQUIRED) expect(output()).toContain(name);
  });

  it('refuses to start when only one national system is missing, naming it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tctn-nosandbox-'));
    const env: Record<string, string> = { SANDBOX: 'off', DATA_DIR: dataDir, PORT: '0' };
    for (const name of REQUIRED) env[name] = name.endsWith('_URL') || name === 'EID_ISSUER' ? 'http://x.test' : 'x';
    env.DATABASE_URL = 'postgres://u:p@127.0.0.1:1/db';
    env.DATABASE_MIGRATION_URL = 'postgres://o:p@127.0.0.1:1/db';
    delete env.INSURANCE_REGISTRY_URL;
    const child = service(env, join(dataDir, 'modules.txt'));
    const output = collect(child);
    expect(await exited(child)).toBe(1);
    expect(output()).toMatch(/missing: INSURANCE_REGISTRY_URL\s*$/);
  });

  describe('with everything configured (national systems on a local stub)', () => {
    let production: Awaited<ReturnType<typeof productionEnv>>;
    let child: ChildProcess;
    let output: () => string;
    let db: Client;
    let baseUrl: string;
    let dataDir: string;

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'tctn-nosandbox-'));
      production = await productionEnv();
      const { url, appUrl } = await createTestDatabase();
      db = new Client({ connectionString: url });
      await db.connect();
      // A database that once ran in sandbox mode still holds a sandbox account with a published password.
      await db.query(
        `INSERT INTO staff_account (username, password_hash, full_name, role, center_code, sandbox)
         VALUES ('giamdoc.snv', '!', 'Giám đốc (SANDBOX)', 'director', NULL, true)`,
      );
      const port = await findFreePort();
      baseUrl = `http://127.0.0.1:${port}`;
      child = service(
        {
          ...production.env,
          DATA_DIR: dataDir,
          PORT: String(port),
          LOG_LEVEL: 'info',
          DOCUMENT_WORKER: 'off',
          DATABASE_URL: appUrl,
          DATABASE_MIGRATION_URL: url,
        },
        join(dataDir, 'modules.txt'),
      );
      output = collect(child);
      const begun = Date.now();
      for (;;) {
        if (child.exitCode !== null) throw new Error(`the service exited:\n${output()}`);
        const status = await fetch(`${baseUrl}/health/ready`).then(
          (r) => r.status,
          () => 0,
        );
        if (status === 200) break;
        if (Date.now() - begun > 90000) throw new Error(`not ready within 90 s:\n${output()}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }, 120000);

    afterAll(async () => {
      if (child && child.exitCode === null) {
        child.kill('SIGINT');
        await exited(child);
      }
      await db?.end();
      await production?.stop();
    });

    it.each([
      '/sandbox/staff',
      '/sandbox/clients',
      '/sandbox/residents',
      '/sandbox/portal',
      '/sandbox/portal/events',
      '/sandbox/eid/.well-known/openid-configuration',
      '/sandbox/population/v1/citizens/075192104729',
      '/sandbox/insurance/v1/insured/075192104729',
    ])('serves no %s', async (path) => {
      expect((await fetch(`${baseUrl}${path}`)).status).toBe(404);
    });

    it('seeds no sandbox account nor client, and a sandbox account left from before cannot log in', async () => {
      const staff = await db.query(`SELECT username FROM staff_account WHERE sandbox AND active`);
      expect(staff.rows).toEqual([]);
      const clients = await db.query(`SELECT client_id FROM api_client WHERE source = 'sandbox' AND active`);
      expect(clients.rows).toEqual([]);
      const centers = await db.query(`SELECT count(*)::int AS n FROM service_center`);
      expect(centers.rows[0].n).toBe(0);
      const login = await fetch(`${baseUrl}/api/v1/auth/staff/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'giamdoc.snv', password: 'Sandbox@2026.giamdoc.snv' }),
      });
      expect(login.status).toBe(401);
    });

    it('logs no SANDBOX system and loads no sandbox code', async () => {
      expect(output()).toContain('using no embedded defaults');
      expect(output()).not.toContain('SANDBOX');
      child.kill('SIGINT');
      expect(await exited(child)).toBe(0);
      const loaded = readFileSync(join(dataDir, 'modules.txt'), 'utf8').split('\n');
      expect(loaded.some((path) => path.includes(join(root, 'src', 'app.module')))).toBe(true);
      expect(loaded.filter((path) => path.includes(join(root, 'src', 'sandbox')))).toEqual([]);
      expect(loaded.filter((path) => path.includes('oidc-provider'))).toEqual([]);
    });
  });
});
