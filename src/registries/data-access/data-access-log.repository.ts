import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RegistrySource } from '../http/registry-http-client';
import { DataAccessActorType } from './data-access-labels';

export interface DataAccessLogRow {
  readonly subjectPersonalId: string;
  readonly actorType: DataAccessActorType;
  readonly actorId: string | null;
  readonly source: RegistrySource;
  readonly purpose: string;
  readonly requestId: string | null;
}

export interface StoredDataAccessLogRow extends DataAccessLogRow {
  readonly id: string;
  /** RFC 3339 UTC. */
  readonly occurredAt: string;
}

interface RawRow {
  id: string;
  occurred_at: Date;
  subject_personal_id: string;
  actor_type: DataAccessActorType;
  actor_id: string | null;
  source: RegistrySource;
  purpose: string;
  request_id: string | null;
}

/** SQL access to `data_access_log` (plain SQL, no entity: the table is append-only and has no aggregate). */
@Injectable()
export class DataAccessLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  async append(rows: readonly DataAccessLogRow[]): Promise<void> {
    if (rows.length === 0) return;
    const params: unknown[] = [];
    const values = rows.map((row) => {
      const base = params.length;
      params.push(row.subjectPersonalId, row.actorType, row.actorId, row.source, row.purpose, row.requestId);
      return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, $${base + 6})`;
    });
    await this.dataSource.query(
      `INSERT INTO data_access_log (subject_personal_id, actor_type, actor_id, source, purpose, request_id)
       VALUES ${values.join(', ')}`,
      params,
    );
  }

  /** Newest first. */
  async listForSubject(personalId: string, limit: number): Promise<StoredDataAccessLogRow[]> {
    const rows: RawRow[] = await this.dataSource.query(
      `SELECT id, occurred_at, subject_personal_id, actor_type, actor_id, source, purpose, request_id
         FROM data_access_log
        WHERE subject_personal_id = $1
        ORDER BY occurred_at DESC, id DESC
        LIMIT $2`,
      [personalId, limit],
    );
    return rows.map((r) => ({
      id: String(r.id),
      occurredAt: new Date(r.occurred_at).toISOString(),
      subjectPersonalId: r.subject_personal_id,
      actorType: r.actor_type,
      actorId: r.actor_id,
      source: r.source,
      purpose: r.purpose,
      requestId: r.request_id,
    }));
  }
}
