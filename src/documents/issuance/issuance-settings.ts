/** Tuning of the issuance worker; defaults suit one provincial deployment (DOMAIN.md §8). */
export interface IssuanceSettings {
  /** Between polls when the queue was empty. */
  readonly pollIntervalMs: number;
  /** Jobs taken per claim. */
  readonly batchSize: number;
  /** How long a claimed job is reserved; longer than one issuance can take (render + sign + upload). */
  readonly leaseSeconds: number;
  /** Attempts before a job is marked 'failed' (then it needs an operator). */
  readonly maxAttempts: number;
  /** Backoff after attempt n: min(baseBackoffSeconds × 2^(n−1), maxBackoffSeconds). */
  readonly baseBackoffSeconds: number;
  readonly maxBackoffSeconds: number;
  /** How often the sweeper hands expired leases back. */
  readonly sweepIntervalMs: number;
}

export const DEFAULT_ISSUANCE_SETTINGS: IssuanceSettings = {
  pollIntervalMs: 1000,
  batchSize: 4,
  leaseSeconds: 120,
  maxAttempts: 8,
  baseBackoffSeconds: 10,
  maxBackoffSeconds: 3600,
  sweepIntervalMs: 30_000,
};

export function backoffSeconds(attempt: number, settings: IssuanceSettings): number {
  return Math.min(settings.baseBackoffSeconds * 2 ** Math.max(0, attempt - 1), settings.maxBackoffSeconds);
}
