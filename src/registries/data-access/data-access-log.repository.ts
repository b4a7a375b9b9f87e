import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RegistrySource } from '../http/registry-http-client';
import { DataAccessActorType } from './data-access-labels';
import { DataAccessLogEntity } from './data-access-log.entity';

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

/** Access to `data_access_log` through its entity: the table is append-only and has no aggregate. */
@Injectable()
export class DataAccessLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get log() {
    return this.dataSource.getRepository(DataAccessLogEntity);
  }

  /** One INSERT for all the rows (none when there are none). */
  async append(rows: readonly DataAccessLogRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.log.insert(
      rows.map((row) => ({
        subjectPersonalId: row.subjectPersonalId,
        actorType: row.actorType,
        actorId: row.actorId,
        source: row.source,
        purpose: row.purpose,
        requestId: row.requestId,
      })),
    );
  }

  /** Newest first. */
  async listForSubject(personalId: string, limit: number): Promise<StoredDataAccessLogRow[]> {
    const rows = await this.log.find({
      where: { subjectPersonalId: personalId },
      order: { occurredAt: 'DESC', id: 'DESC' },
      take: limit,
    });
    return rows.map((r) => ({
      id: String(r.id),
      occurredAt: r.occurredAt.toISOString(),
      subjectPersonalId: r.subjectPersonalId,
      actorType: r.actorType,
      actorId: r.actorId,
      source: r.source,
      purpose: r.purpose,
      requestId: r.requestId,
    }));
  }
}
