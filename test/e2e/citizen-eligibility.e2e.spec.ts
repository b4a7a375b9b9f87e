import { Client } from 'pg';
import request from 'supertest';
import { residents } from '../support/dossier-fixtures';
import { startTestAppWithDb, TestApp } from '../support/test-app';
import { auth, citizenBearer } from '../support/tokens';

describe('GET /api/v1/me/eligibility', () => {
  let t: TestApp;
  let db: Client;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ t, db, close } = await startTestAppWithDb());
  });
  afterAll(() => close());

  it.each([
    ['eligible', true],
    ['cap-zone-1', true],
    ['exactly-12-months', true],
    ['ineligible-11-months', false],
    ['no-record', false],
  ])('previews a %s resident from their registry record', async (scenario, eligible) => {
    const r = residents(scenario)[0];
    const token = await citizenBearer(t, r.personalId);
    const res = await request(t.baseUrl)
      .get(
        `/api/v1/me/eligibility?terminationDate=${r.suggestedTerminationDate}&terminationReason=${r.suggestedTerminationReason}&contractType=${r.suggestedContractType}`,
      )
      .set(auth(token))
      .expect(200);
    expect(res.body.eligible).toBe(eligible);
    if (scenario === 'cap-zone-1') expect(res.body.monthlyBenefit).toBe(res.body.cap);
    if (scenario === 'exactly-12-months') expect(res.body.contributionMonthsInWindow).toBe(12);
    const log = await db.query(`SELECT purpose, source FROM data_access_log WHERE subject_personal_id = $1`, [
      r.personalId,
    ]);
    expect(log.rows).toEqual([{ purpose: 'eligibility_preview', source: 'social_insurance' }]);
  });

  it('names a bad termination date', async () => {
    const token = await citizenBearer(t, residents('eligible')[0].personalId);
    const res = await request(t.baseUrl)
      .get('/api/v1/me/eligibility?terminationDate=31-12-2026')
      .set(auth(token))
      .expect(400);
    expect(res.body.errors[0].field).toBe('terminationDate');
  });
});
