import request from 'supertest';
import { applicationFor, residents } from '../support/dossier-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { auth } from '../support/tokens';

/** Issue #14: a portal re-post under another person, and backdated `submittedAt`. */
describe('inbound portal dossiers', () => {
  let t: TestApp;
  let token: string;
  const people = residents('eligible');
  const DAY = 86_400_000;

  beforeAll(async () => {
    t = await startTestApp();
    const clients = (await request(t.baseUrl).get('/sandbox/clients').expect(200)).body;
    token = (await request(t.baseUrl).post('/api/v1/auth/clients/token').send(clients[0]).expect(200)).body.accessToken;
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (body: Record<string, unknown>) =>
    request(t.baseUrl).post('/api/v1/portal/dossiers').set(auth(token)).send(body);
  const bodyFor = (person: (typeof people)[number], code: string, submittedAt = new Date().toISOString()) => ({
    portalDossierCode: code,
    personalId: person.personalId,
    submittedAt,
    application: applicationFor(person),
  });
  const fields = (res: request.Response) => (res.body.errors ?? []).map((e: { field: string }) => e.field);

  it('answers 409 naming portalDossierCode when the code is re-posted for another person; the same body is 200', async () => {
    const first = await post(bodyFor(people[0], 'G22.99-CONFLICT-1'));
    expect(first.status).toBe(201);
    const repeat = await post(bodyFor(people[0], 'G22.99-CONFLICT-1'));
    expect(repeat.status).toBe(200);
    expect(repeat.body.id).toBe(first.body.id);

    const other = await post(bodyFor(people[1], 'G22.99-CONFLICT-1'));
    expect(other.status).toBe(409);
    expect(other.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(fields(other)).toEqual(['portalDossierCode']);
    expect(JSON.stringify(other.body)).not.toContain(people[0].personalId);
    expect(other.body.id).toBeUndefined();
  });

  it('accepts submittedAt within the window and refuses future, too old, before-termination and unreal times', async () => {
    const now = Date.now();
    const person = people[2];
    const cases: [string, string][] = [
      [new Date(now + 60 * 60_000).toISOString(), 'in_future'],
      [new Date(now - 8 * DAY).toISOString(), 'too_old'],
      ['2026-02-30T08:00:00+07:00', 'invalid_date'],
    ];
    for (const [submittedAt, code] of cases) {
      const res = await post(bodyFor(person, `G22.99-WINDOW-${code}`, submittedAt));
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'submittedAt', code })]);
    }
    // Two days ago, but the contract ended today (Vietnam time): submitted before the termination.
    const todayInVietnam = new Date(now + 7 * 3_600_000).toISOString().slice(0, 10);
    const early = await post({
      ...bodyFor(person, 'G22.99-WINDOW-early', new Date(now - 2 * DAY).toISOString()),
      application: { ...applicationFor(person), terminationDate: todayInVietnam },
    });
    expect(early.status).toBe(400);
    expect(early.body.errors).toEqual([expect.objectContaining({ field: 'submittedAt', code: 'before_termination' })]);

    // A minute ahead (clock skew) is accepted and recorded as now.
    const skewed = await post(bodyFor(person, 'G22.99-WINDOW-ok', new Date(now + 60_000).toISOString()));
    expect(skewed.status).toBe(201);
    expect(Date.parse(skewed.body.filedAt)).toBeLessThanOrEqual(Date.now());
  });
});
