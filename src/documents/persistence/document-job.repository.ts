import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface ClaimedJob {
  id: string;
  dossierId: string;
  kind: string;
  /** The history event that asked for the document. */
  eventSeq: number | null;
  attempts: number;
}

export interface LockedJob extends ClaimedJob {
  status: 'pending' | 'done' | 'failed';
}

/**
 * The issuance queue (table document_job): one job per dossier and stored kind, written in the transaction of
 * the status change that asks for the document, claimed with FOR UPDATE SKIP LOCKED under a lease.
 */
@Injectable()
export class DocumentJobRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Queues a document; a second request for the same dossier and kind is a no-op. */
  async enqueue(em: EntityManager, dossierId: string, kind: string, eventSeq: number): Promise<void> {
    await em.query(
      `INSERT INTO document_job (dossier_id, kind, event_seq) VALUES ($1, $2, $3) ON CONFLICT (dossier_id, kind) DO NOTHING`,
      [dossierId, kind, eventSeq],
    );
  }

  async exists(em: EntityManager, dossierId: string, kind: string): Promise<boolean> {
    const rows = await em.query(`SELECT 1 FROM document_job WHERE dossier_id = $1 AND kind = $2`, [dossierId, kind]);
    return rows.length > 0;
  }

  /**
   * Takes up to `limit` due jobs nobody holds, counting the attempt and leasing them for `leaseSeconds`
   * (database time, so every instance agrees). A job whose lease expires is handed back by `requeueExpired`.
   */
  async claim(limit: number, leaseSeconds: number): Promise<ClaimedJob[]> {
    return this.dataSource
      .query(
        `UPDATE document_job j SET attempts = j.attempts + 1, locked_until = now() + make_interval(secs => $2)
       FROM (SELECT id FROM document_job
             WHERE status = 'pending' AND run_after <= now() AND locked_until IS NULL
             ORDER BY run_after, id LIMIT $1 FOR UPDATE SKIP LOCKED) due
       WHERE j.id = due.id
       RETURNING j.id::text AS id, j.dossier_id AS "dossierId", j.kind, j.event_seq AS "eventSeq", j.attempts`,
        [limit, leaseSeconds],
      )
      .then(([rows]: [ClaimedJob[]]) => rows);
  }

  /** Locks the job for the issuing transaction; a second worker on the same job waits here, then sees it done. */
  async lock(em: EntityManager, id: string): Promise<LockedJob | undefined> {
    const [row] = await em.query(
      `SELECT id::text AS id, dossier_id AS "dossierId", kind, event_seq AS "eventSeq", attempts, status
       FROM document_job WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row;
  }

  async markDone(em: EntityManager, id: string): Promise<void> {
    await em.query(
      `UPDATE document_job SET status = 'done', done_at = now(), locked_until = NULL, last_error = NULL WHERE id = $1`,
      [id],
    );
  }

  /** After a failed attempt: back off, or give up (status 'failed') when `final`. */
  async markFailedAttempt(id: string, error: string, retryInSeconds: number, final: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE document_job SET locked_until = NULL, last_error = $2, run_after = now() + make_interval(secs => $3),
         status = CASE WHEN $4::boolean THEN 'failed' ELSE 'pending' END
       WHERE id = $1 AND status = 'pending'`,
      [id, error.slice(0, 2000), retryInSeconds, final],
    );
  }

  /**
   * The sweeper: jobs whose lease ran out (the worker died or hung) go back to the queue, or to 'failed' when
   * their attempts are used up. Rows a live transaction still holds are skipped.
   */
  async requeueExpired(maxAttempts: number): Promise<{ requeued: number; failed: number }> {
    const rows: { status: string }[] = await this.dataSource
      .query(
        `UPDATE document_job j SET locked_until = NULL, run_after = now(),
         status = CASE WHEN j.attempts >= $1 THEN 'failed' ELSE 'pending' END,
         last_error = coalesce(j.last_error || ' | ', '') || 'lease expired'
       FROM (SELECT id FROM document_job WHERE status = 'pending' AND locked_until < now() FOR UPDATE SKIP LOCKED) stuck
       WHERE j.id = stuck.id
       RETURNING j.status`,
        [maxAttempts],
      )
      .then(([r]: [{ status: string }[]]) => r);
    return {
      requeued: rows.filter((r) => r.status === 'pending').length,
      failed: rows.filter((r) => r.status === 'failed').length,
    };
  }
}
