import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedPostgres, startEmbeddedPostgres } from '../../src/platform/database/embedded-postgres';
import { findFreePort } from '../../src/platform/embedded/free-port';
import { startAppOnDatabase } from '../e2e/portal.support';
import { applicationFor, residents } from '../support/dossier-fixtures';
import { TestApp } from '../support/test-app';
import { auth, citizenBearer, staffBearer } from '../support/tokens';

/**
 * PostgreSQL stopped and started again under a light request load, the service staying up:
 * readiness turns 503 within 5 s, API requests fail fast with 503 problem+json (never a 500 or a hang), and once
 * PostgreSQL is back on the same port and data the service serves again without a restart.
 */

interface Sample {
  startedAt: number;
  ms: number;
  label: string;
  status: number;
  contentType: string;
  code?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('PostgreSQL stopped and started under load', () => {
  let pg: EmbeddedPostgres;
  let t: TestApp;
  let dataDir: string;
  let port: number;
  const pgSettings = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' };

  beforeAll(async () => {
    dataDir = join(mkdtempSync(join(tmpdir(), 'tctn-pg-outage-')), 'pg');
    port = await findFreePort();
    pg = await startEmbeddedPostgres({ dataDir, port, settings: pgSettings });
    t = await startAppOnDatabase(pg.url, { RATE_LIMIT_PER_MINUTE: '100000' });
  }, 60_000);
  afterAll(async () => {
    await t?.close().catch(() => undefined);
    await pg?.stop();
  });

  it('answers 503 fast while the database is down and recovers by itself when it is back', async () => {
    const staff = await staffBearer(t, 'tn.bh', 'receiver', 'DNA-BH');
    const people = residents('eligible');
    const samples: Sample[] = [];
    let filed = 0;

    const call = async (label: string, path: string, init: RequestInit = {}): Promise<void> => {
      const startedAt = Date.now();
      const res = await fetch(t.baseUrl + path, { ...init, signal: AbortSignal.timeout(15_000) }).catch(() => null);
      const ms = Date.now() - startedAt;
      if (!res) {
        samples.push({ startedAt, ms, label, status: 0, contentType: '' });
        return;
      }
      const contentType = res.headers.get('content-type') ?? '';
      const body = contentType.includes('json') ? await res.json().catch(() => ({})) : await res.text();
      samples.push({ startedAt, ms, label, status: res.status, contentType, code: (body as { code?: string }).code });
    };
    const oneRound = async () => {
      const person = people[filed++ % people.length];
      const citizen = await citizenBearer(t, person.personalId);
      await Promise.all([
        call('queue', '/api/v1/staff/dossiers?limit=5', { headers: auth(staff) }),
        call('own dossiers', '/api/v1/dossiers', { headers: auth(citizen) }),
        call('file', '/api/v1/dossiers', {
          method: 'POST',
          headers: { ...auth(citizen), 'content-type': 'application/json' },
          body: JSON.stringify(applicationFor(person)),
        }),
        call('ready', '/health/ready'),
      ]);
    };

    let loading = true;
    const load = (async () => {
      while (loading) {
        await oneRound();
        await sleep(100);
      }
    })();

    try {
      // Warm: the load succeeds while the database is up.
      await sleep(1500);
      const warm = samples.splice(0);
      expect(warm.filter((s) => s.label === 'queue').every((s) => s.status === 200)).toBe(true);
      expect(warm.filter((s) => s.label === 'ready').every((s) => s.status === 200)).toBe(true);

      // Stop PostgreSQL.
      const stoppedAt = Date.now();
      await pg.stop();
      const down = Date.now();

      // Readiness goes 503 within 5 s of the stop.
      let readyDownAfter = Infinity;
      while (Date.now() - stoppedAt < 8000) {
        const res = await fetch(`${t.baseUrl}/health/ready`).catch(() => null);
        if (res?.status === 503) {
          readyDownAfter = Date.now() - stoppedAt;
          expect(((await res.json()) as { checks: { database: string } }).checks.database).toBe('down');
          break;
        }
        await sleep(100);
      }
      expect(readyDownAfter).toBeLessThan(5000);

      // Six more seconds of load against a database that is gone.
      await sleep(6000);
      const during = samples.filter((s) => s.startedAt >= down);
      samples.splice(0);
      const api = during.filter((s) => s.label !== 'ready');
      expect(api.length).toBeGreaterThan(20);
      const wrong = api.filter(
        (s) => s.status !== 503 || !s.contentType.startsWith('application/problem+json') || s.ms >= 5000,
      );
      expect(wrong).toEqual([]);
      expect(new Set(api.map((s) => s.code))).toEqual(new Set(['upstream_unavailable']));
      expect(during.filter((s) => s.label === 'ready').every((s) => s.status === 503)).toBe(true);

      // Start it again on the same port and data: the service recovers without a restart.
      pg = await startEmbeddedPostgres({ dataDir, port, settings: pgSettings });
      const back = Date.now();
      let readyAgainAfter = Infinity;
      while (Date.now() - back < 15_000) {
        const res = await fetch(`${t.baseUrl}/health/ready`).catch(() => null);
        if (res?.status === 200) {
          readyAgainAfter = Date.now() - back;
          break;
        }
        await sleep(100);
      }
      expect(readyAgainAfter).toBeLessThan(10_000);
      await sleep(1500);
      const settledFrom = Date.now();
      await sleep(2000);
      const after = samples.filter((s) => s.startedAt >= settledFrom);
      expect(after.length).toBeGreaterThan(4);
      expect(after.filter((s) => s.status >= 500)).toEqual([]);
      expect(after.filter((s) => s.label === 'queue').every((s) => s.status === 200)).toBe(true);
    } finally {
      loading = false;
      await load;
    }
  }, 60_000);
});
