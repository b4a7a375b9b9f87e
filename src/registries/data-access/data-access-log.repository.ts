import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sql, SqlRunner } from '../../platform/database/sql';
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

  /**
   * One INSERT for all the rows (none when there are none). A plain statement, not the entity's insert: it is on the
   * filing path, whose statements test/e2e/query-counts and the filing bench measure, and needs nothing back.
   */
  async append(rows: readonly DataAccessLogRow[]): Promise<void> {
    if (rows.length === 0) return;
    const params: unknown[] = [];
    const values = rows.map((row) => {
      const base = params.length;
      params.push(row.subjectPersonalId, row.actorType, row.actorId, row.source, row.purpose, row.requestId);
      return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, $${base + 6})`;
    });
    await sql.run(
      this.dataSource,
      `INSERT INTO data_access_log (subject_personal_id, actor_type, actor_id, source, purpose, request_id)
       VALUES ${values.join(', ')}`,
      params,
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

  /**
   * The reads of the Vietnam-calendar days [firstDay, lastDay] for the data-use oversight export (src/indicators):
   * per account, purpose and source (`summary`) or each read (`reads`), instants at +07:00. Runs on the caller's
   * connection (a read-only transaction with a longer statement timeout).
   */
  useOfMonth(db: SqlRunner, firstDay: string, lastDay: string, view: 'summary'): Promise<DataUseSummaryRow[]>;
  useOfMonth(db: SqlRunner, firstDay: string, lastDay: string, view: 'reads'): Promise<DataUseReadRow[]>;
  useOfMonth(
    db: SqlRunner,
    firstDay: string,
    lastDay: string,
    view: 'summary' | 'reads',
  ): Promise<DataUseSummaryRow[] | DataUseReadRow[]> {
    const tz = `'Asia/Ho_Chi_Minh'`;
    const range = `occurred_at >= ($1::date::timestamp AT TIME ZONE ${tz}) AND occurred_at < (($2::date + 1)::timestamp AT TIME ZONE ${tz})`;
    const stamp = (c: string) => `to_char(${c} AT TIME ZONE ${tz}, 'YYYY-MM-DD"T"HH24:MI:SS"+07:00"')`;
    if (view === 'summary')
      return sql.rows<DataUseSummaryRow>(
        db,
        `SELECT actor_type AS "actorType", COALESCE(actor_id, '') AS "actorId", purpose, source,
           count(*)::int AS reads, count(DISTINCT subject_personal_id)::int AS subjects,
           ${stamp('min(occurred_at)')} AS "firstAt", ${stamp('max(occurred_at)')} AS "lastAt"
         FROM data_access_log WHERE ${range}
         GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
        [firstDay, lastDay],
      );
    return sql.rows<DataUseReadRow>(
      db,
      `SELECT ${stamp('occurred_at')} AS "occurredAt", actor_type AS "actorType", COALESCE(actor_id, '') AS "actorId",
         purpose, source, subject_personal_id AS "subjectPersonalId", COALESCE(request_id, '') AS "requestId"
       FROM data_access_log WHERE ${range} ORDER BY actor_type, actor_id, purpose, occurred_at, id`,
      [firstDay, lastDay],
    );
  }
}

/** Registry reads of one account, purpose and source over a month (data-use oversight); instants at +07:00. */
export interface DataUseSummaryRow {
  actorType: string;
  actorId: string;
  purpose: string;
  source: string;
  reads: number;
  subjects: number;
  firstAt: string;
  lastAt: string;
}

/** One registry read (data-use oversight); `occurredAt` at +07:00, absent ids as ''. */
export interface DataUseReadRow {
  occurredAt: string;
  actorType: string;
  actorId: string;
  purpose: string;
  source: string;
  subjectPersonalId: string;
  requestId: string;
}
