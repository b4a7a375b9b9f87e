import { DataSource } from 'typeorm';
import { FixedClock } from '../../src/platform/clock/clock';
import { JobRunner } from '../../src/platform/jobs/job-runner';
import { JobScheduler, scheduleQueue } from '../../src/platform/jobs/job-scheduler';
import { JobStore } from '../../src/platform/jobs/job.store';
import { createTestDatabase } from '../support/database';

/** Scheduled work on the job facility, on PostgreSQL with the real migrations: two instances, one run per slot. */
describe('job scheduler', () => {
  let ds: DataSource;
  beforeAll(async () => {
    const { url } = await createTestDatabase();
    ds = new DataSource({ type: 'postgres', url });
    await ds.initialize();
  });
  afterAll(() => ds.destroy());

  it('runs a slot once across instances, the next slot when the clock moves, and an extra run when triggered', async () => {
    const clock = new FixedClock(new Date('2027-03-01T03:00:00Z'));
    const runs: string[] = [];
    const instances = [0, 1].map(() => {
      const store = new JobStore(ds);
      const runner = new JobRunner(store);
      const scheduler = new JobScheduler(runner, store, ds, clock);
      scheduler.schedule('test.daily', { slot: (c) => c.today(), enabled: false }, async ({ slot }) => {
        runs.push(slot);
      });
      return { runner, scheduler };
    });
    const queue = scheduleQueue('test.daily');
    const tickAndRun = async () => {
      await Promise.all(instances.map((i) => i.scheduler.tick()));
      await Promise.all(instances.map((i) => i.runner.drain(queue)));
    };

    await tickAndRun();
    await tickAndRun();
    expect(runs).toEqual(['2027-03-01']);

    clock.set(new Date('2027-03-04T03:00:00Z'));
    await tickAndRun();
    expect(runs).toEqual(['2027-03-01', '2027-03-04']);

    await instances[1].scheduler.trigger();
    await Promise.all(instances.map((i) => i.runner.drain(queue)));
    expect(runs).toEqual(['2027-03-01', '2027-03-04', '2027-03-04']);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM job WHERE queue = $1 AND status = 'done'`, [queue]);
    expect(n).toBe(3);
  });
});
