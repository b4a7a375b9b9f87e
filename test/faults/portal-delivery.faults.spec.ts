import { DataSource } from 'typeorm';
import { JobStore } from '../../src/platform/jobs/job.store';
import { startTestApp, TestApp } from '../support/test-app';
import {
  enqueueEvents,
  fastPortalDelivery,
  insertDossier,
  outboxRow,
  startAppOnDatabase,
  STEPS,
  TestPortalReceiver,
  waitFor,
} from '../e2e/portal.support';

const FOUR_STEPS = [STEPS.submitted, STEPS.received, STEPS.inReview, STEPS.resultReturned];

async function undelivered(db: DataSource): Promise<number> {
  const [row] = await db.query(
    `SELECT count(*)::int AS n FROM job WHERE queue = 'portal.deliver' AND status <> 'done'`,
  );
  return row.n;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('portal delivery under faults', () => {
  const receiver = new TestPortalReceiver();
  beforeAll(() => receiver.start());
  afterAll(() => receiver.stop());
  afterEach(() => {
    expect(receiver.violations).toEqual([]);
    receiver.behaviour = () => 200;
  });

  describe('one instance', () => {
    let t: TestApp;
    let db: DataSource;
    beforeAll(async () => {
      // Millisecond backoff spends attempts fast: allow enough of them to outlast the outage.
      t = await startTestApp({ PORTAL_SYNC_URL: receiver.url, PORTAL_MAX_ATTEMPTS: '1000' }, [fastPortalDelivery()]);
      db = t.app.get(DataSource);
    });
    afterAll(() => t?.close());

    it('a receiver that is down for a while gets every event afterwards, in order per dossier', async () => {
      let down = true;
      receiver.behaviour = () => (down ? 503 : 200);
      const dossiers = await Promise.all([1, 2, 3, 4, 5].map(() => insertDossier(db)));
      const expected = new Map<string, string[]>();
      for (const d of dossiers) expected.set(d.code, await enqueueEvents(t, d, FOUR_STEPS));

      await sleep(1000);
      const duringOutage = dossiers.flatMap((d) => receiver.forDossier(d.code));
      expect(duringOutage.length).toBeGreaterThanOrEqual(dossiers.length);
      expect(duringOutage.every((r) => r.answered === 503 && r.body.note === '1')).toBe(true);
      expect(await undelivered(db)).toBe(20);

      down = false;
      await waitFor(
        () => undelivered(db),
        (n) => n === 0,
        15_000,
        'recovery',
      );
      for (const d of dossiers) expect(receiver.acceptedEventIds(d.code)).toEqual(expected.get(d.code));
    });
  });

  it('an event enqueued before the service stops is delivered after a restart, even one interrupted mid-POST', async () => {
    let release: () => void = () => undefined;
    const hung = new Promise<number>((resolve) => (release = () => resolve(503)));
    receiver.behaviour = () => hung;

    const first = await startTestApp({ PORTAL_SYNC_URL: receiver.url }, [fastPortalDelivery()]);
    const db1 = first.app.get(DataSource);
    const dossier = await insertDossier(db1);
    const ids = await enqueueEvents(first, dossier, [STEPS.submitted, STEPS.received, STEPS.inReview]);
    await waitFor(
      () => receiver.forDossier(dossier.code).length,
      (n) => n === 1,
      10_000,
      'the first POST in flight',
    );
    await first.app.close(); // interrupts the POST in flight: the attempt is given back
    release();
    await first.runtime.stop();

    receiver.behaviour = () => 200;
    const second = await startAppOnDatabase(first.databaseUrl, { PORTAL_SYNC_URL: receiver.url }, [
      fastPortalDelivery(),
    ]);
    try {
      const db2 = second.app.get(DataSource);
      await waitFor(
        () => outboxRow(db2, ids[2]),
        (r) => r.status === 'delivered',
        10_000,
        'delivery after restart',
      );
      expect(receiver.acceptedEventIds(dossier.code)).toEqual(ids);
      expect(await outboxRow(db2, ids[0])).toMatchObject({ status: 'delivered', attempts: 1 });
    } finally {
      await second.close();
    }
  });

  it('two instances on one database deliver 200 events of 20 dossiers: all arrive, in order per dossier, never twice at once', async () => {
    receiver.behaviour = async () => {
      await sleep(Math.random() * 15);
      return Math.random() < 0.15 ? 503 : 200;
    };
    const a = await startTestApp({ PORTAL_SYNC_URL: receiver.url }, [fastPortalDelivery({ batchSize: 4 })]);
    const b = await startAppOnDatabase(a.databaseUrl, { PORTAL_SYNC_URL: receiver.url }, [
      fastPortalDelivery({ batchSize: 4 }),
    ]);
    try {
      const deliveredBy = [a, b].map((app) => jest.spyOn(app.app.get(JobStore), 'complete'));
      const db = a.app.get(DataSource);
      const dossiers = await Promise.all(Array.from({ length: 20 }, () => insertDossier(db)));
      const steps = Array.from({ length: 10 }, (_, i) => FOUR_STEPS[i % FOUR_STEPS.length]);
      const expected = new Map<string, string[]>();
      await Promise.all(
        dossiers.map(async (d, i) => {
          const ids: string[] = [];
          for (const [n, step] of steps.entries()) {
            // Both instances write, interleaved with deliveries already under way.
            ids.push(...(await enqueueEvents((i + n) % 2 ? a : b, d, [step], n + 1)));
            await sleep(Math.random() * 10);
          }
          expected.set(d.code, ids);
        }),
      );
      await waitFor(
        () => undelivered(db),
        (n) => n === 0,
        45_000,
        'all 200 events delivered',
      );

      const codes = new Set(dossiers.map((d) => d.code));
      const requests = receiver.requests.filter((r) => codes.has(r.body.dossierCode));
      const accepted = new Set(requests.filter((r) => r.answered < 300).map((r) => r.body.eventId));
      expect(accepted.size).toBe(200);
      for (const d of dossiers) expect(receiver.acceptedEventIds(d.code)).toEqual(expected.get(d.code));
      for (const r of requests) expect(r.key).toBe(r.body.eventId);
      expect(deliveredBy.map((spy) => spy.mock.calls.length).every((n) => n > 0)).toBe(true);
    } finally {
      await b.close();
      await a.close();
    }
  });
});
