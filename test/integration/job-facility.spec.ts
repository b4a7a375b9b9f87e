import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { backoffMs, JobAborted, JobRunner, QueueOptions } from '../../src/platform/jobs/job-runner';
import { ClaimedJob, JobStore } from '../../src/platform/jobs/job.store';
import { createTestDatabase } from '../support/database';

/** The one job facility on PostgreSQL with the real migrations. */
describe('job facility', () => {
  let ds: DataSource;
  let store: JobStore;
  let queueSeq = 0;
  const newQueue = () => `test.q${++queueSeq}`;
  const options = (o: Partial<QueueOptions> = {}): QueueOptions => ({
    enabled: false,
    pollIntervalMs: 20,
    batchSize: 10,
    leaseMs: 60_000,
    maxAttempts: 3,
    backoff: { baseMs: 1, capMs: 1, jitter: false },
    ordered: false,
    ...o,
  });
  const statusOf = async (id: string) =>
    (
      await ds.query(`SELECT status, attempts, hold, payload, last_error AS "lastError" FROM job WHERE id = $1`, [id])
    )[0];
  const enqueue = (queue: string, payload: object, o = {}) =>
    ds.transaction((em) => store.enqueue(em, queue, payload, o)) as Promise<string>;
  const makeDue = (queue: string) => ds.query(`UPDATE job SET run_at = now() WHERE queue = $1`, [queue]);

  beforeAll(async () => {
    const { url } = await createTestDatabase();
    ds = new DataSource({ type: 'postgres', url });
    await ds.initialize();
    store = new JobStore(ds);
  });
  afterAll(() => ds.destroy());

  it('enqueues in the caller’s transaction: a rolled-back change leaves no job', async () => {
    const queue = newQueue();
    await expect(
      ds.transaction(async (em) => {
        await store.enqueue(em, queue, { n: 1 });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await enqueue(queue, { n: 2 });
    const jobs = await ds.query(`SELECT payload FROM job WHERE queue = $1`, [queue]);
    expect(jobs).toEqual([{ payload: { n: 2 } }]);
  });

  it('makes a repeated enqueue with the same dedupe key a no-op', async () => {
    const queue = newQueue();
    const first = await enqueue(queue, { n: 1 }, { dedupeKey: 'k' });
    const second = await enqueue(queue, { n: 2 }, { dedupeKey: 'k' });
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    expect(await store.find(queue, 'k')).toMatchObject({ id: first, payload: { n: 1 } });
  });

  it('runs the jobs of one key one at a time in order; a held job keeps the later ones waiting until released', async () => {
    const queue = newQueue();
    const runner = new JobRunner(store);
    const ran: string[] = [];
    runner.register<{ n: string }>(queue, options({ ordered: true }), async (job) => void ran.push(job.payload.n));
    await enqueue(queue, { n: 'a1' }, { key: 'A' });
    const held = await enqueue(queue, { n: 'a2' }, { key: 'A', hold: 'decision' });
    await enqueue(queue, { n: 'a3' }, { key: 'A' });
    await enqueue(queue, { n: 'b1' }, { key: 'B' });
    await runner.drain(queue);
    expect(ran.sort()).toEqual(['a1', 'b1']);
    expect(await statusOf(held)).toMatchObject({ status: 'held', hold: 'decision' });

    const released = await ds.transaction((em) =>
      store.release(em, queue, 'A', 'decision', { decision: { number: '1' } }),
    );
    expect(released).toBe(1);
    await runner.drain(queue);
    expect(ran).toEqual(['a1', 'b1', 'a2', 'a3']);
    expect(await statusOf(held)).toMatchObject({
      status: 'done',
      hold: null,
      payload: { n: 'a2', decision: { number: '1' } },
    });
  });

  it('retries with backoff, then leaves the job dead; an error marked permanent is dead at once; replay revives it', async () => {
    const queue = newQueue();
    const runner = new JobRunner(store);
    let calls = 0;
    runner.register<{ permanent?: boolean }>(
      queue,
      options({
        maxAttempts: 3,
        backoff: { baseMs: 60_000, capMs: 60_000, jitter: false },
        permanent: (e) => (e as Error).message === 'permanent',
      }),
      async (job) => {
        calls += 1;
        throw new Error(job.payload.permanent ? 'permanent' : 'transient');
      },
    );
    const transient = await enqueue(queue, {});
    const permanent = await enqueue(queue, { permanent: true });
    expect(await runner.runOnce(queue)).toBe(2);
    expect(await statusOf(transient)).toMatchObject({ status: 'pending', attempts: 1, lastError: 'transient' });
    expect(await statusOf(permanent)).toMatchObject({ status: 'dead', attempts: 1, lastError: 'permanent' });
    // Backed off: not due now.
    expect(await runner.runOnce(queue)).toBe(0);
    for (let i = 0; i < 2; i++) {
      await makeDue(queue);
      await runner.runOnce(queue);
    }
    expect(await statusOf(transient)).toMatchObject({ status: 'dead', attempts: 3 });
    expect(calls).toBe(4);
    expect(await ds.transaction((em) => store.replay(em, transient))).toBe(true);
    expect(await statusOf(transient)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await ds.transaction((em) => store.replay(em, transient))).toBe(false);
  });

  it('claims a job whose lease expired again, and fences the late outcome of the worker that lost it', async () => {
    const queue = newQueue();
    const id = await enqueue(queue, {});
    const [first] = await store.claim(queue, 1, 60_000, false);
    expect(await store.claim(queue, 1, 60_000, false)).toEqual([]);
    await ds.query(`UPDATE job SET locked_until = now() - interval '1 second' WHERE id = $1`, [id]);
    const [second] = await store.claim(queue, 1, 60_000, false);
    expect(second).toMatchObject({ id, attempts: 2 });
    // The first worker wakes up late: its outcome no longer counts.
    expect(await store.complete(first)).toBe(false);
    expect(await store.fail(first, 'late', 0, true)).toBeNull();
    expect(await store.complete(second)).toBe(true);
    expect(await statusOf(id)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('marks dead a job reclaimed after its last attempt ran out of lease, without running it', async () => {
    const queue = newQueue();
    const runner = new JobRunner(store);
    const handler = jest.fn(async () => undefined);
    runner.register(queue, options({ maxAttempts: 1 }), handler);
    const id = await enqueue(queue, {});
    await store.claim(queue, 1, 60_000, false);
    await ds.query(`UPDATE job SET locked_until = now() - interval '1 second' WHERE id = $1`, [id]);
    await runner.runOnce(queue);
    expect(handler).not.toHaveBeenCalled();
    expect(await statusOf(id)).toMatchObject({ status: 'dead', attempts: 2 });
  });

  it('gives the attempt back when the handler is aborted by a shutdown', async () => {
    const queue = newQueue();
    const runner = new JobRunner(store);
    runner.register(queue, options(), async () => {
      throw new JobAborted();
    });
    const id = await enqueue(queue, {});
    await runner.runOnce(queue);
    expect(await statusOf(id)).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('lets two runners on one database work one queue: every job runs exactly once', async () => {
    const queue = newQueue();
    const seen = new Map<string, number>();
    const handler = async (job: ClaimedJob) => {
      await new Promise((r) => setTimeout(r, Math.random() * 5));
      seen.set(job.id, (seen.get(job.id) ?? 0) + 1);
    };
    const [a, b] = [new JobRunner(store), new JobRunner(store)];
    a.register(queue, options({ batchSize: 3 }), handler);
    b.register(queue, options({ batchSize: 3 }), handler);
    for (let i = 0; i < 40; i++) await enqueue(queue, { i });
    const [na, nb] = await Promise.all([a.drain(queue), b.drain(queue)]);
    expect(na + nb).toBe(40);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    expect(seen.size).toBe(40);
  });

  it('runs a started queue by itself and stops cleanly', async () => {
    const queue = newQueue();
    const runner = new JobRunner(store);
    const ran: number[] = [];
    runner.register<{ i: number }>(queue, options({ enabled: true }), async (job) => void ran.push(job.payload.i));
    runner.start();
    try {
      await enqueue(queue, { i: 1 });
      for (let i = 0; i < 100 && ran.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    } finally {
      await runner.stop();
    }
    expect(ran).toEqual([1]);
  });

  it('does not wait past its grace for a handler that ignores the shutdown; the job is claimed again after its lease', async () => {
    const queue = newQueue();
    const runner = new JobRunner(store);
    runner.shutdownGraceMs = 200;
    let release: () => void = () => undefined;
    let started = false;
    // A handler stuck on something that never answers, deaf to the abort signal.
    runner.register(queue, options({ enabled: true, leaseMs: 300 }), async () => {
      started = true;
      await new Promise<void>((r) => (release = r));
    });
    const id = await enqueue(queue, {});
    runner.start();
    for (let i = 0; i < 100 && !started; i++) await new Promise((r) => setTimeout(r, 20));
    expect(started).toBe(true);
    const before = Date.now();
    await runner.stop();
    expect(Date.now() - before).toBeLessThan(5_000);
    // Another instance takes the job over once the stuck attempt's lease has run out.
    await new Promise((r) => setTimeout(r, 400));
    const other = new JobRunner(store);
    const done: string[] = [];
    other.register(queue, options(), async (job) => void done.push(job.id));
    await other.drain(queue);
    expect(done).toEqual([id]);
    expect(await statusOf(id)).toMatchObject({ status: 'done' });
    release();
  });

  it('reports per-queue statistics', async () => {
    const queue = newQueue();
    await enqueue(queue, {});
    await enqueue(queue, {}, { key: 'k', hold: 'h' });
    const dead = await enqueue(queue, {});
    await ds.query(`UPDATE job SET status = 'dead' WHERE id = $1`, [dead]);
    expect(await store.stats(queue)).toMatchObject({ pending: 1, held: 1, dead: 1 });
  });
});

describe('backoffMs', () => {
  it('doubles from the base up to the cap without jitter', () => {
    const b = { baseMs: 1000, capMs: 5000, jitter: false };
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, b))).toEqual([1000, 2000, 4000, 5000, 5000]);
  });

  it('with full jitter stays within [0, min(cap, base × 2^(attempt−1))]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (attempt, r) => {
        const b = { baseMs: 1000, capMs: 300_000, jitter: true };
        const ceiling = Math.min(300_000, 1000 * 2 ** Math.min(attempt - 1, 30));
        const delay = backoffMs(attempt, b, () => r);
        return delay >= 0 && delay <= ceiling && Number.isInteger(delay);
      }),
    );
  });
});
