import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { sql } from '../database/sql';
import { utcTimestamp } from '../database/sql-timestamp';
import { JobPayload, JobStatus } from './job.entity';

export type { JobPayload, JobStatus } from './job.entity';

/** A job as its handler receives it: `attempts` already counts this attempt. */
export interface ClaimedJob<P = JobPayload> {
  id: string;
  queue: string;
  key: string | null;
  payload: P;
  attempts: number;
}

/** A job as administrators see it. */
export interface JobView {
  id: string;
  queue: string;
  key: string | null;
  dedupeKey: string | null;
  payload: JobPayload;
  status: JobStatus;
  hold: string | null;
  attempts: number;
  runAt: string;
  lastError: string | null;
  createdAt: string;
  doneAt: string | null;
}

export interface QueueStats {
  pending: number;
  held: number;
  dead: number;
  oldestWaitingAgeSeconds: number;
}

export interface EnqueueOptions {
  /** Jobs with the same key in a queue run one at a time, in the order they were enqueued. */
  key?: string;
  /** A second enqueue with the same dedupe key in the queue is a no-op. */
  dedupeKey?: string;
  /** Wait until this hold is released (`release`) before running; keeps later jobs of the same key waiting. */
  hold?: string;
  /** Not before this time. */
  runAt?: Date;
}

/** The columns of a JobView (the row type of every statement that selects VIEW). */
const VIEW = `id::text AS id, queue, key, dedupe_key AS "dedupeKey", payload, status, hold, attempts,
  ${utcTimestamp('run_at')} AS "runAt", last_error AS "lastError", ${utcTimestamp('created_at')} AS "createdAt",
  ${utcTimestamp('done_at')} AS "doneAt"`;

/**
 * The job table (platform/jobs): enqueue in the caller's transaction, claim due jobs with FOR UPDATE SKIP LOCKED
 * under a lease (database time, so every instance agrees), record outcomes fenced on the attempt count (a worker
 * whose lease ran out cannot overwrite a later attempt), hold and release, dead letters and replay.
 */
@Injectable()
export class JobStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Adds a job in the caller's transaction; returns its id, or null when the dedupe key already exists. */
  async enqueue(
    em: EntityManager,
    queue: string,
    payload: object,
    options: EnqueueOptions = {},
  ): Promise<string | null> {
    const row = await sql.one<{ id: string }>(
      em,
      `INSERT INTO job (queue, key, dedupe_key, payload, status, hold, run_at)
       VALUES ($1, $2, $3, $4, $5, $6, coalesce($7::timestamptz, now()))
       ON CONFLICT (queue, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
       RETURNING id::text AS id`,
      [
        queue,
        options.key ?? null,
        options.dedupeKey ?? null,
        payload,
        options.hold ? 'held' : 'pending',
        options.hold ?? null,
        options.runAt ?? null,
      ],
    );
    return row?.id ?? null;
  }

  /**
   * Takes up to `limit` due jobs of the queue that nobody holds (or whose lease expired), counting the attempt and
   * leasing them for `leaseMs`. With `ordered`, only the oldest unfinished job of each key is due: a later job of
   * the key waits while an earlier one is retrying, held or dead.
   */
  async claim(queue: string, limit: number, leaseMs: number, ordered: boolean): Promise<ClaimedJob[]> {
    const head = ordered
      ? `AND (c.key IS NULL OR NOT EXISTS (
           SELECT 1 FROM job e WHERE e.queue = c.queue AND e.key = c.key AND e.status <> 'done' AND e.id < c.id))`
      : '';
    const rows = await sql.rows<ClaimedJob>(
      this.dataSource,
      `UPDATE job j SET attempts = j.attempts + 1, locked_until = now() + make_interval(secs => $3::double precision / 1000)
       FROM (SELECT id FROM job c
             WHERE c.queue = $1 AND c.status = 'pending' AND c.run_at <= now()
               AND (c.locked_until IS NULL OR c.locked_until < now()) ${head}
             ORDER BY c.run_at, c.id LIMIT $2 FOR UPDATE SKIP LOCKED) due
       WHERE j.id = due.id
       RETURNING j.id::text AS id, j.queue, j.key, j.payload, j.attempts`,
      [queue, limit, leaseMs],
    );
    return rows.sort((a, b) => Number(a.id) - Number(b.id));
  }

  /** Locks a job inside the caller's transaction (a handler that completes its job in its own transaction). */
  async lockIn(em: EntityManager, id: string): Promise<{ status: JobStatus; attempts: number } | undefined> {
    return sql.one<{ status: JobStatus; attempts: number }>(
      em,
      `SELECT status, attempts FROM job WHERE id = $1 FOR UPDATE`,
      [id],
    );
  }

  /** Marks the job done inside the caller's transaction. */
  async completeIn(em: EntityManager, id: string): Promise<void> {
    await sql.run(
      em,
      `UPDATE job SET status = 'done', done_at = now(), locked_until = NULL, last_error = NULL
       WHERE id = $1 AND status = 'pending'`,
      [id],
    );
  }

  /** The handler succeeded. False when the outcome was already recorded (e.g. by the handler's own transaction). */
  async complete(job: ClaimedJob): Promise<boolean> {
    const count = await sql.run(
      this.dataSource,
      `UPDATE job SET status = 'done', done_at = now(), locked_until = NULL, last_error = NULL
       WHERE id = $1 AND attempts = $2 AND status = 'pending'`,
      [job.id, job.attempts],
    );
    return count > 0;
  }

  /** A failed attempt: due again after `retryInMs`, or dead when `final`. Returns the new status (null: fenced). */
  async fail(job: ClaimedJob, error: string, retryInMs: number, final: boolean): Promise<JobStatus | null> {
    const row = await sql.one<{ status: JobStatus }>(
      this.dataSource,
      `UPDATE job SET locked_until = NULL, last_error = $3,
         run_at = now() + make_interval(secs => $4::double precision / 1000),
         status = CASE WHEN $5::boolean THEN 'dead' ELSE 'pending' END
       WHERE id = $1 AND attempts = $2 AND status = 'pending'
       RETURNING status`,
      [job.id, job.attempts, error.slice(0, 2000), retryInMs, final],
    );
    return row?.status ?? null;
  }

  /** The process is stopping mid-attempt: give the attempt back and make the job due at once for another worker. */
  async giveBack(job: ClaimedJob): Promise<void> {
    await sql.run(
      this.dataSource,
      `UPDATE job SET attempts = attempts - 1, locked_until = NULL, run_at = now()
       WHERE id = $1 AND attempts = $2 AND status = 'pending'`,
      [job.id, job.attempts],
    );
  }

  /**
   * Releases the queue's jobs of `key` held for `hold`, merging `patch` into their payload; in the caller's
   * transaction. Returns how many were released.
   */
  async release(em: EntityManager, queue: string, key: string, hold: string, patch: object = {}): Promise<number> {
    return sql.run(
      em,
      `UPDATE job SET status = 'pending', hold = NULL, payload = payload || $4::jsonb, run_at = now()
       WHERE queue = $1 AND key = $2 AND hold = $3 AND status = 'held'`,
      [queue, key, hold, JSON.stringify(patch)],
    );
  }

  /** What is still held in a queue (key and hold), oldest first. */
  async held(queue: string, limit = 500): Promise<{ key: string; hold: string }[]> {
    return sql.rows<{ key: string; hold: string }>(
      this.dataSource,
      `SELECT key, hold FROM job WHERE queue = $1 AND status = 'held' ORDER BY id LIMIT $2`,
      [queue, limit],
    );
  }

  async list(filter: { queue?: string; statuses: JobStatus[]; limit: number }): Promise<JobView[]> {
    return sql.rows<JobView>(
      this.dataSource,
      `SELECT ${VIEW} FROM job WHERE status = ANY ($1::text[]) AND ($2::text IS NULL OR queue = $2) ORDER BY id LIMIT $3`,
      [filter.statuses, filter.queue ?? null, filter.limit],
    );
  }

  async find(queue: string, dedupeKey: string, em?: EntityManager): Promise<JobView | undefined> {
    return sql.one<JobView>(
      em ?? this.dataSource,
      `SELECT ${VIEW} FROM job WHERE queue = $1 AND dedupe_key = $2${em ? ' FOR UPDATE' : ''}`,
      [queue, dedupeKey],
    );
  }

  /** The unfinished jobs (pending, held or dead) of one key, oldest first. */
  async openForKey(queue: string, key: string, em?: EntityManager): Promise<JobView[]> {
    return sql.rows<JobView>(
      em ?? this.dataSource,
      `SELECT ${VIEW} FROM job WHERE queue = $1 AND key = $2 AND status <> 'done' ORDER BY id`,
      [queue, key],
    );
  }

  /** The unfinished jobs of several keys in one statement, oldest first (as openForKey gives each). */
  async openForKeys(queue: string, keys: readonly string[]): Promise<JobView[]> {
    if (!keys.length) return [];
    return sql.rows<JobView>(
      this.dataSource,
      `SELECT ${VIEW} FROM job WHERE queue = $1 AND key = ANY($2::text[]) AND status <> 'done' ORDER BY id`,
      [queue, keys],
    );
  }

  /** Dead → pending with a fresh attempt budget, due now; the last error stays for the record. */
  async replay(em: EntityManager, id: string): Promise<boolean> {
    const count = await sql.run(
      em,
      `UPDATE job SET status = 'pending', attempts = 0, run_at = now(), locked_until = NULL WHERE id = $1 AND status = 'dead'`,
      [id],
    );
    return count > 0;
  }

  async stats(queue: string): Promise<QueueStats> {
    const row = await sql.one<QueueStats>(
      this.dataSource,
      `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
              count(*) FILTER (WHERE status = 'held')::int AS held,
              count(*) FILTER (WHERE status = 'dead')::int AS dead,
              COALESCE(EXTRACT(EPOCH FROM now() - min(created_at) FILTER (WHERE status IN ('pending', 'held'))), 0)::float8
                AS "oldestWaitingAgeSeconds"
       FROM job WHERE queue = $1 AND status <> 'done'`,
      [queue],
    );
    // An aggregate without GROUP BY always returns its one row; the fallback only satisfies the type.
    return row ?? { pending: 0, held: 0, dead: 0, oldestWaitingAgeSeconds: 0 };
  }
}
