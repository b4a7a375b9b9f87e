import request from 'supertest';
import { attachTerminationProof } from './attachments';
import { applicationFor, residents } from './dossier-fixtures';
import type { TestApp } from './test-app';
import { auth, citizenBearer, staffBearer } from './tokens';

/** Polls `probe` until it answers something other than `undefined`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 60000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/**
 * A beneficiary of `t` (one province's instance): an eligible sandbox resident files online, the dossier goes through the workflow,
 * the Director approves, the result is returned (the benefit starts) and the signed decision is issued.
 */
export async function beneficiary(t: TestApp, scenario = 'eligible') {
  const api = () => request(t.baseUrl);
  const citizen = residents(scenario)[0];
  const token = await citizenBearer(t, citizen.personalId);
  const id = (await api().post('/api/v1/dossiers').set(auth(token)).send(applicationFor(citizen)).expect(201)).body.id;
  await attachTerminationProof(t.baseUrl, id, token);
  let version = 1;
  for (const [role, center, body] of [
    ['receiver', 'DNA-BH', { action: 'receive' }],
    ['reviewer', 'DNA-BH', { action: 'start_review' }],
    ['reviewer', 'DNA-BH', { action: 'complete_review', recommendation: 'approve' }],
    ['center_head', 'DNA-BH', { action: 'propose' }],
    ['director', '', { action: 'approve' }],
    ['receiver', 'DNA-BH', { action: 'return_result' }],
  ] as const) {
    const staff = await staffBearer(t, `${role}.test`, role, center || null);
    const res = await api()
      .post(`/api/v1/staff/dossiers/${id}/actions`)
      .set(auth(staff))
      .send({ ...body, expectedVersion: version });
    expect({ action: body.action, status: res.status, body: res.body }).toMatchObject({ status: 200 });
    version = res.body.version;
  }
  await eventually(
    async () =>
      (await api().get(`/api/v1/dossiers/${id}/decision`).set(auth(token))).status === 200 ? true : undefined,
    'the signed decision',
  );
  return { citizen, token, id };
}
