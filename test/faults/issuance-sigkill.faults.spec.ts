import { ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { findFreePort } from '../../src/platform/embedded/free-port';
import { startEmbeddedS3 } from '../../src/platform/storage/embedded-s3';
import { S3ObjectStore } from '../../src/platform/storage/s3-object-store.adapter';
import { SANDBOX_STAFF } from '../../src/sandbox/sandbox-staff';
import { TestPortalReceiver, waitFor } from '../e2e/portal.support';
import { createTestDatabase } from '../support/database';
import { applicationFor, residents } from '../support/dossier-fixtures';
import { attachTerminationProof } from '../support/attachments';

/**
 * The service as `npm start` runs it (a child process: `node scripts/start.js`) is killed with SIGKILL at random
 * moments while it issues twenty signed approval decisions, and started again each time. Afterwards every approved
 * dossier has exactly one decision, its PDF in the object store hashes to the recorded SHA-256, numbers are unique,
 * and the portal received every status change of every dossier, in order.
 *
 * Leases: a job or portal event claimed by the killed process stays leased (120 s for documents, ~15 s for the
 * portal) until the sweeper hands it back. While the service is down the test moves those leases to "now" —
 * the same as waiting them out — so the whole run stays well under a minute.
 */

const root = join(__dirname, '..', '..');
// Twenty: issuance got fast enough that ten could all be signed before the first kill landed.
const DOSSIERS = 20;
const EXPECTED_STATUSES = ['SUBMITTED', 'RECEIVED', 'IN_REVIEW', 'REVIEWED', 'PROPOSED', 'APPROVED'];

interface Service {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));

describe('SIGKILL during issuance of signed decisions', () => {
  const receiver = new TestPortalReceiver();
  const children: ChildProcess[] = [];
  let databaseUrl: string;
  let dataDir: string;
  let db: Client;
  let log = '';

  beforeAll(async () => {
    await receiver.start();
    databaseUrl = (await createTestDatabase()).url;
    dataDir = mkdtempSync(join(tmpdir(), 'tctn-sigkill-'));
    chmodSync(dataDir, 0o755);
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await db?.end();
    await receiver.stop();
  });

  async function start(): Promise<Service> {
    const port = await findFreePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      PORT: String(port),
      PORTAL_SYNC_URL: receiver.url,
      LOG_LEVEL: 'warn',
    };
    for (const name of ['S3_ENDPOINT', 'S3_ACCESS_KEY', 'S3_SECRET_KEY', 'S3_BUCKET', 'EID_ISSUER', 'PUBLIC_BASE_URL'])
      delete env[name];
    const child = spawn(process.execPath, [join(root, 'scripts', 'start.js')], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let output = '';
    const keep = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      log += chunk.toString('utf8');
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const baseUrl = `http://127.0.0.1:${port}`;
    const begun = Date.now();
    while (Date.now() - begun < 30_000) {
      if (child.exitCode !== null) throw new Error(`the service exited early:\n${output}`);
      const status = await fetch(`${baseUrl}/health/ready`).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) return { child, baseUrl, output: () => output };
      await sleep(100);
    }
    child.kill('SIGKILL');
    throw new Error(`not ready within 30 s:\n${output}`);
  }

  async function kill(service: Service): Promise<void> {
    const exited = new Promise((r) => service.child.once('exit', r));
    service.child.kill('SIGKILL');
    await exited;
    // Fast-forward the leases the dead process held (see the header comment).
    await db.query(
      `UPDATE job SET locked_until = now() - interval '1 second' WHERE status = 'pending' AND locked_until IS NOT NULL`,
    );
    await db.query(
      `UPDATE job SET run_at = now() WHERE queue = 'portal.deliver' AND status = 'pending' AND run_at > now()`,
    );
  }

  async function stopGracefully(service: Service): Promise<void> {
    const exited = new Promise<number | null>((r) => service.child.once('exit', (code) => r(code)));
    service.child.kill('SIGINT');
    expect(await exited).toBe(0);
  }

  async function issuedCount(ids: string[]): Promise<number> {
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM issued_document WHERE kind = 'decision-approval' AND dossier_id = ANY($1::uuid[])`,
      [ids],
    );
    return rows[0].n;
  }

  async function post(service: Service, path: string, token: string | null, body: unknown): Promise<any> {
    const res = await fetch(service.baseUrl + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  }

  it('issues exactly one decision per approved dossier, stored intact, and reports every status change in order', async () => {
    try {
      const T0 = Date.now();
      const marks: string[] = [];
      const mark = (l: string) => marks.push(`${l} ${((Date.now() - T0) / 1000).toFixed(1)}s`);
      let service = await start();
      mark('started');

      // Staff sign in through the real API (sandbox accounts).
      const token: Record<string, string> = {};
      for (const [role, username] of [
        ['receiver', 'tiepnhan.bh'],
        ['reviewer', 'thamdinh.bh'],
        ['center_head', 'truongtt.bh'],
        ['director', 'giamdoc.snv'],
      ]) {
        const account = SANDBOX_STAFF.find((s) => s.username === username)!;
        token[role] = (
          await post(service, '/api/v1/auth/staff/login', null, { username, password: account.password })
        ).accessToken;
      }

      // Twenty walk-in filings at the counter, each moved to PROPOSED through the workflow API.
      const people = residents('eligible').slice(0, DOSSIERS);
      const act = (id: string, role: string, action: string, expectedVersion: number, extra = {}) =>
        post(service, `/api/v1/staff/dossiers/${id}/actions`, token[role], { action, expectedVersion, ...extra });
      const dossiers: { id: string; code: string }[] = await Promise.all(
        people.map(async (person) => {
          const filed = await post(service, '/api/v1/staff/dossiers', token.receiver, {
            personalId: person.personalId,
            application: applicationFor(person),
          });
          // The receiver scans the proof of termination handed in at the counter.
          await attachTerminationProof(service.baseUrl, filed.id, token.receiver, 'staff');
          await act(filed.id, 'receiver', 'receive', 1);
          await act(filed.id, 'reviewer', 'start_review', 2);
          await act(filed.id, 'reviewer', 'complete_review', 3, { recommendation: 'approve' });
          const proposed = await act(filed.id, 'center_head', 'propose', 4);
          expect(proposed.status).toBe('PROPOSED');
          return { id: filed.id, code: filed.code };
        }),
      );
      const ids = dossiers.map((d) => d.id);
      mark('proposed');

      // The director approves all twenty (real API); the decisions are issued by the worker in the background.
      const approved = await Promise.all(dossiers.map((d) => act(d.id, 'director', 'approve', 5)));
      expect(approved.map((d) => d.status)).toEqual(Array(DOSSIERS).fill('APPROVED'));

      // Kill it three times at random points of the issuance, restarting after each.
      const killedAt: number[] = [];
      for (let round = 0; round < 3; round++) {
        const before = await issuedCount(ids);
        if (before < DOSSIERS) {
          const target = Math.min(DOSSIERS - 1, before + between(0, 3));
          await waitFor(
            () => issuedCount(ids),
            (n) => n >= target,
            20_000,
            `${target} decisions`,
          );
          await sleep(between(0, 40));
        }
        killedAt.push(await issuedCount(ids));
        mark(`kill ${round}`);
        await kill(service);
        service = await start();
        mark(`restarted ${round}`);
      }

      // After the last restart: wait until everything is issued and delivered.
      await waitFor(
        () => issuedCount(ids),
        (n) => n === DOSSIERS,
        30_000,
        'all decisions issued',
      );
      await waitFor(
        async () =>
          (
            await db.query(
              `SELECT count(*)::int AS n FROM job WHERE queue = 'portal.deliver' AND status <> 'done' AND key = ANY($1::text[])`,
              [ids],
            )
          ).rows[0].n,
        (n) => n === 0,
        30_000,
        'all portal events delivered',
      );
      mark('all done');
      await stopGracefully(service);

      // Exactly one decision per dossier, unique numbers, every job done.
      const { rows: documents } = await db.query(
        `SELECT dossier_id AS "dossierId", number, sha256, object_key AS "objectKey" FROM issued_document
         WHERE kind = 'decision-approval' AND dossier_id = ANY($1::uuid[])`,
        [ids],
      );
      expect(documents).toHaveLength(DOSSIERS);
      expect(new Set(documents.map((d) => d.dossierId)).size).toBe(DOSSIERS);
      expect(new Set(documents.map((d) => d.number)).size).toBe(DOSSIERS);
      const { rows: jobs } = await db.query(
        `SELECT status, count(*)::int AS n FROM job WHERE queue = 'documents.issue' AND payload->>'kind' = 'decision-approval' AND payload->>'dossierId' = ANY($1::text[]) GROUP BY status`,
        [ids],
      );
      expect(jobs).toEqual([{ status: 'done', n: DOSSIERS }]);

      // The stored objects are the recorded bytes (read with our own S3 server on the service's data folder).
      const s3 = await startEmbeddedS3(join(dataDir, 'objects'));
      try {
        const store = new S3ObjectStore(s3.settings);
        for (const d of documents) {
          const bytes = await store.get(d.objectKey);
          expect(createHash('sha256').update(bytes).digest('hex')).toBe(d.sha256);
          expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        }
      } finally {
        await s3.stop();
      }

      // The portal received every status change of every dossier, in order, the approval with its decision.
      expect(receiver.violations).toEqual([]);
      for (const d of dossiers) {
        const { rows: outbox } = await db.query(
          `SELECT dedupe_key AS "eventId" FROM job WHERE queue = 'portal.deliver' AND key = $1 ORDER BY id`,
          [d.id],
        );
        expect(receiver.acceptedEventIds(d.code)).toEqual(outbox.map((r) => r.eventId));
        const accepted = receiver.forDossier(d.code).filter((r) => r.answered < 300);
        const firstOfEach = [...new Map(accepted.map((r) => [r.body.eventId, r.body])).values()];
        expect(firstOfEach.map((b) => b.status)).toEqual(EXPECTED_STATUSES);
        const decision = documents.find((doc) => doc.dossierId === d.id)!;
        expect(firstOfEach[5]).toMatchObject({ decision: { number: decision.number, sha256: decision.sha256 } });
      }
      process.stdout.write(`decisions issued at each SIGKILL: ${killedAt.join(', ')}; timeline: ${marks.join(', ')}\n`);
      // Kills really landed while decisions were still being issued.
      expect(killedAt[0]).toBeLessThan(DOSSIERS);
    } catch (error) {
      process.stdout.write(`--- service output (last 6000 chars) ---\n${log.slice(-6000)}\n`);
      throw error;
    }
  }, 120_000);
});
