import { Global, Module } from '@nestjs/common';
import request from 'supertest';
import { TRANSFER_TUNING_OVERRIDES } from '../../src/transfers/transfers.module';
import { applicationFor, residents } from './dossier-fixtures';
import { attachTerminationProof } from './attachments';
import { startTestAppWithDb } from './test-app';
import { auth, citizenBearer, staffBearer } from './tokens';
import type { TestApp } from './test-app';

/** The federation's shared client credentials between provinces (PEER_CLIENT_ID / PEER_CLIENT_SECRET). */
export const PEER_CLIENT = { clientId: 'lien-tinh-test', clientSecret: 'lien-tinh-test-secret-0123456789' };

/** Fast delivery pacing for tests: a province that is down is tried again within a fraction of a second. */
@Global()
@Module({
  providers: [
    {
      provide: TRANSFER_TUNING_OVERRIDES,
      useValue: { pollIntervalMs: 50, backoffBaseMs: 200, backoffCapMs: 1000, maxAttempts: 1000 },
    },
  ],
  exports: [TRANSFER_TUNING_OVERRIDES],
})
export class FastTransfersModule {}

/**
 * One province's own instance: its own database (cloned from the migrated template), its own data directory and
 * embedded object store (own bucket), listening on `port` so the other province can be configured before it starts.
 */
export function startProvince(code: string, port: number, peers: Record<string, number>) {
  return startTestAppWithDb(
    {
      PORT: String(port),
      PROVINCE_CODE: code,
      PEER_PROVINCES: Object.entries(peers)
        .map(([peer, p]) => `${peer}=http://127.0.0.1:${p}`)
        .join(','),
      PEER_CLIENT_ID: PEER_CLIENT.clientId,
      PEER_CLIENT_SECRET: PEER_CLIENT.clientSecret,
    },
    [FastTransfersModule],
  );
}

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
 * A beneficiary of province `t`: an eligible sandbox resident files online, the dossier goes through the workflow,
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
