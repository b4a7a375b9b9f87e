import { Global, Module } from '@nestjs/common';
import { TRANSFER_TUNING_OVERRIDES } from '../../src/transfers/transfers.module';
import { startTestAppWithDb } from './test-app';

export { beneficiary, eventually } from './beneficiary';

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
