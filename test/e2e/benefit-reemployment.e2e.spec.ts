import request from 'supertest';
import { beneficiary, eventually } from '../support/beneficiary';
import { residents } from '../support/dossier-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { auth, staffBearer } from '../support/tokens';

/**
 * The re-employment sweep (Luật Việc làm 74/2025 Điều 41 k.4 a) on the sandbox resident whose new job shows in the
 * social-insurance registry only later: nothing at review, and once the sandbox clock reaches the job's first month
 * the daily sweep proposes terminating the benefit for `new_job` from the first day of that month.
 */
describe('the re-employment sweep', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await request(t.baseUrl).delete('/sandbox/clock');
    await t.close();
  });

  it('proposes new_job with the start of the job found in the registry as the effective date (k.4 a)', async () => {
    const api = () => request(t.baseUrl);
    const [citizen] = residents('new-job-later');
    expect(citizen.laterContributions.length).toBeGreaterThan(0);
    const jobStart = `${citizen.laterContributions[0].month}-01`;
    // Today the registry knows nothing after the termination month: the review's re-employment check passes.
    const today = (await api().get('/sandbox/clock').expect(200)).body.today as string;
    expect(jobStart > today).toBe(true);
    const before = (await api().get(`/sandbox/insurance/v1/insured/${citizen.personalId}`).expect(200)).body;
    expect(
      before.contributions.every((c: { month: string }) => c.month < citizen.suggestedTerminationDate.slice(0, 7)),
    ).toBe(true);

    const { token, id } = await beneficiary(t, 'new-job-later');
    const benefit = (await api().get(`/api/v1/dossiers/${id}/benefit`).set(auth(token)).expect(200)).body;
    const last = benefit.months[benefit.months.length - 1];
    // The job starts while the benefit runs (otherwise there would be nothing to terminate).
    expect(jobStart > benefit.months[0].from && jobStart <= last.to).toBe(true);

    // The day before the job's month the registry still does not report it; on its first day it does.
    const dayBefore = new Date(Date.parse(`${jobStart}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const registryMonths = async () =>
      (await api().get(`/sandbox/insurance/v1/insured/${citizen.personalId}`).expect(200)).body.contributions.map(
        (c: { month: string }) => c.month,
      );
    await api().put('/sandbox/clock').send({ today: dayBefore }).expect(200);
    expect(await registryMonths()).not.toContain(jobStart.slice(0, 7));
    const newJob = async () => {
      const director = await staffBearer(t, 'director.test', 'director', null);
      const r = await api().get('/api/v1/staff/benefits/proposals').set(auth(director)).expect(200);
      return r.body.find(
        (p: { dossierId: string; kind: string; terminationReason: string | null }) =>
          p.dossierId === id && p.kind === 'terminate' && p.terminationReason === 'new_job',
      );
    };

    // The job's first month: the registry reports it and the sweep proposes the termination from its first day.
    await api().put('/sandbox/clock').send({ today: jobStart }).expect(200);
    expect(await registryMonths()).toContain(jobStart.slice(0, 7));
    const proposal = await eventually(newJob, 'the new_job proposal', 15_000);
    expect(proposal).toMatchObject({ effectiveDate: jobStart, terminationReason: 'new_job' });
  });
});
