/** How the delivery worker paces itself. Defaults suit production; tests shorten them. */
export interface PortalDeliveryTuning {
  /** Run the worker in this process (tests that inspect the outbox themselves turn it off). */
  readonly enabled: boolean;
  /** Pause between polls when the last poll found nothing to send. */
  readonly pollIntervalMs: number;
  /** Events claimed per poll (at most one per dossier: only a dossier's oldest undelivered event is deliverable). */
  readonly batchSize: number;
  /** Timeout of one POST to the portal. */
  readonly requestTimeoutMs: number;
  /** Exponential backoff with full jitter: delay = random(0, min(cap, base × 2^(attempt−1))). */
  readonly backoffBaseMs: number;
  readonly backoffCapMs: number;
}

export const DEFAULT_PORTAL_DELIVERY_TUNING: PortalDeliveryTuning = Object.freeze({
  enabled: true,
  pollIntervalMs: 250,
  batchSize: 16,
  requestTimeoutMs: 10_000,
  backoffBaseMs: 1_000,
  backoffCapMs: 5 * 60_000,
});

/** Optional override of the tuning, provided by a global module (tests: test/e2e/portal.support.ts), else the defaults apply. */
export const PORTAL_DELIVERY_TUNING = Symbol('PORTAL_DELIVERY_TUNING');

/** The claim lease: a claimed event is not claimed again before the POST has surely timed out. */
export function claimLeaseMs(tuning: PortalDeliveryTuning): number {
  return tuning.requestTimeoutMs + 5_000;
}
