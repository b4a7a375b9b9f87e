import type { QueueOptions } from '../../platform/jobs/job-runner';

/** The job queue of document issuance. */
export const ISSUANCE_QUEUE = 'documents.issue';

/** What an issuance job carries: the dossier, the stored document kind, and the history event that asked for it. */
export interface IssuanceJob {
  dossierId: string;
  kind: string;
  eventSeq: number | null;
}

/** Tuning of the issuance queue; defaults suit one provincial deployment (docs/domain.md, sizing). */
export const DEFAULT_ISSUANCE_SETTINGS: Omit<QueueOptions, 'enabled' | 'permanent'> = {
  pollIntervalMs: 1000,
  batchSize: 4,
  // Longer than one issuance can take (render + sign + upload).
  leaseMs: 120_000,
  maxAttempts: 8,
  backoff: { baseMs: 10_000, capMs: 3_600_000, jitter: false },
  ordered: false,
};
