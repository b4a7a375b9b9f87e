import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { InsuranceRecord, PopulationRecord } from '../registries/registry-reader.service';
import type { Application } from './domain/application';
import type { DossierAssessment, DossierChange, ReviewRecord, SupplementRequest } from './domain/dossier';
import { DossierStatus } from './domain/dossier-status';
import { utcTimestamp } from '../platform/database/sql-timestamp';
import { replicaQuery } from '../platform/database/read-replica';
import { sql } from '../platform/database/sql';
import { AttachmentEntity } from './attachment.entity';
import { DossierEventEntity } from './dossier-event.entity';

/** A dossier row as the services use it (snake_case columns mapped to camelCase). */
export interface DossierRecord {
  id: string;
  code: string;
  personalId: string;
  centerCode: string;
  channel: 'online' | 'portal' | 'counter' | 'transfer';
  portalDossierCode: string | null;
  status: DossierStatus;
  version: number;
  fullName: string;
  /** The population registry's record, as read when the dossier was filed. */
  applicant: PopulationRecord;
  /** The social-insurance registry's record, as read when filed; null: never insured. */
  insurance: InsuranceRecord | null;
  application: Application;
  assessment: DossierAssessment | null;
  flags: string[];
  terminationDate: string;
  filedAt: string;
  receivedAt: string | null;
  dueDate: string | null;
  clockPausedRemaining: number | null;
  decidedAt: string | null;
  supplement: SupplementRequest | null;
  review: ReviewRecord | null;
  decisionNote: string | null;
  isOpen: boolean;
}

export interface DossierEventRecord {
  seq: number;
  occurredAt: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  note: string | null;
  data: DossierEventData;
}

/**
 * The `data` JSON of a history event: what the step recorded (its input and results, which vary by action), plus
 * the fields the views read.
 */
export interface DossierEventData {
  /** Supplementation requests: the documents asked for. */
  items?: string[];
  /** Staff steps: the role of who acted (the citizen sees staff by their function). */
  actorRole?: string;
  /** A staff note not meant for the citizen. */
  noteVisibility?: 'internal';
  [field: string]: unknown;
}

export interface AttachmentRecord {
  id: string;
  dossierId: string;
  kind: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  objectKey: string;
  uploadedAt: string;
  uploadedBy: string;
}

export interface QueueQuery {
  centerCodes: string[] | null;
  status?: DossierStatus;
  /** Several statuses at once (a role's default view). */
  statuses?: DossierStatus[];
  overdueOn?: string;
  dueSoonUntil?: { today: string; until: string };
  search?: { code?: string; personalId?: string; name?: string };
  /** Keyset position: the last row's sort date, filing time (its exact text) and id. */
  after?: { sortDate: string; filedAt: string; id: string };
  limit: number;
}

/** The dossier row as `DossierRecord`; also read back, statement for statement, by the filing bench's pgbench script. */
export const DOSSIER_COLUMNS = `id, code, personal_id AS "personalId", center_code AS "centerCode", channel,
  portal_dossier_code AS "portalDossierCode", status, version, full_name AS "fullName", applicant, insurance,
  application, assessment, flags, termination_date::text AS "terminationDate",
  ${utcTimestamp('filed_at')} AS "filedAt",
  ${utcTimestamp('received_at')} AS "receivedAt",
  due_date::text AS "dueDate", clock_paused_remaining AS "clockPausedRemaining",
  ${utcTimestamp('decided_at')} AS "decidedAt",
  supplement, review, decision_note AS "decisionNote", is_open AS "isOpen"`;

export interface NewDossier {
  id: string;
  code: string;
  personalId: string;
  centerCode: string;
  channel: DossierRecord['channel'];
  portalDossierCode: string | null;
  fullName: string;
  searchName: string;
  applicant: PopulationRecord;
  insurance: InsuranceRecord | null;
  application: Application;
  assessment: DossierAssessment;
  flags: string[];
  terminationDate: string;
  filedAt: string;
}

/**
 * A dossier taken over from another province: its JSON is what the sender's signed package carries (the sender's
 * dossier as stored there), written as received.
 */
export type TransferredDossierRow = Omit<NewDossier, 'applicant' | 'insurance' | 'application' | 'assessment'> & {
  applicant: unknown;
  insurance: null;
  application: unknown;
  assessment: unknown;
  decidedAt: string;
};

/** A step's change with the status it leads to. */
export type DossierUpdate = DossierChange & { status: DossierStatus };

/** Everything SQL about the dossier aggregate: the dossier row, its event history and its attachments. */
@Injectable()
export class DossierRepository {
  constructor(private readonly dataSource: DataSource) {}

  private db(em?: EntityManager) {
    return em ?? this.dataSource.manager;
  }

  /** The next number of the day at a center (an upsert: one statement, no race). */
  async nextSequence(em: EntityManager, centerCode: string, day: string): Promise<number> {
    const row = await sql.one<{ lastValue: number }>(
      em,
      `INSERT INTO dossier_sequence (center_code, day, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (center_code, day) DO UPDATE SET last_value = dossier_sequence.last_value + 1
       RETURNING last_value AS "lastValue"`,
      [centerCode, day],
    );
    return row!.lastValue;
  }

  /** Inserts a new dossier and returns it as findById would (RETURNING: no read-back). */
  async insert(em: EntityManager, d: NewDossier): Promise<DossierRecord> {
    const row = await sql.one<DossierRecord>(
      em,
      `INSERT INTO dossier (id, code, personal_id, center_code, channel, portal_dossier_code, status, version, full_name,
         search_name, applicant, insurance, application, assessment, flags, termination_date, filed_at, sort_date)
       VALUES ($1, $2, $3, $4, $5, $6, 'SUBMITTED', 1, $7, $8, $9, $10, $11, $12, $13, $14, $15, ($15::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)
       RETURNING ${DOSSIER_COLUMNS}`,
      [
        d.id,
        d.code,
        d.personalId,
        d.centerCode,
        d.channel,
        d.portalDossierCode,
        d.fullName,
        d.searchName,
        d.applicant,
        d.insurance,
        d.application,
        d.assessment,
        d.flags,
        d.terminationDate,
        d.filedAt,
      ],
    );
    return row!;
  }

  /**
   * A dossier opened by a benefit transfer from another province (channel `transfer`): it starts where the sender's
   * stood, the result returned, decided on the sender's decision day.
   */
  async insertTransferred(em: EntityManager, d: TransferredDossierRow): Promise<void> {
    await sql.run(
      em,
      `INSERT INTO dossier (id, code, personal_id, center_code, channel, portal_dossier_code, status, version, full_name,
         search_name, applicant, insurance, application, assessment, flags, termination_date, filed_at, sort_date,
         received_at, decided_at)
       VALUES ($1, $2, $3, $4, 'transfer', NULL, 'RESULT_RETURNED', 1, $5, $6, $7, $8, $9, $10, $11, $12, $13,
         ($13::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, $13, $14)`,
      [
        d.id,
        d.code,
        d.personalId,
        d.centerCode,
        d.fullName,
        d.searchName,
        d.applicant,
        d.insurance,
        d.application,
        d.assessment,
        d.flags,
        d.terminationDate,
        d.filedAt,
        d.decidedAt,
      ],
    );
  }

  async findById(id: string, em?: EntityManager): Promise<DossierRecord | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const row = await sql.one<DossierRecord>(this.db(em), `SELECT ${DOSSIER_COLUMNS} FROM dossier WHERE id = $1`, [id]);
    return row ?? null;
  }

  async findOpenByPersonalId(personalId: string, em?: EntityManager): Promise<DossierRecord | null> {
    const row = await sql.one<DossierRecord>(
      this.db(em),
      `SELECT ${DOSSIER_COLUMNS} FROM dossier WHERE personal_id = $1 AND is_open`,
      [personalId],
    );
    return row ?? null;
  }

  async findByPortalCode(portalDossierCode: string, em?: EntityManager): Promise<DossierRecord | null> {
    const row = await sql.one<DossierRecord>(
      this.db(em),
      `SELECT ${DOSSIER_COLUMNS} FROM dossier WHERE portal_dossier_code = $1`,
      [portalDossierCode],
    );
    return row ?? null;
  }

  async listForPerson(personalId: string): Promise<DossierRecord[]> {
    return sql.rows<DossierRecord>(
      this.dataSource,
      `SELECT ${DOSSIER_COLUMNS} FROM dossier WHERE personal_id = $1 ORDER BY filed_at DESC LIMIT 100`,
      [personalId],
    );
  }

  /** Optimistic update: applies only when the version is still the expected one; returns false otherwise. */
  async applyChange(em: EntityManager, id: string, expectedVersion: number, change: DossierUpdate): Promise<boolean> {
    const sets: string[] = ['status = $3', 'version = version + 1', 'updated_at = now()'];
    const params: unknown[] = [id, expectedVersion, change.status];
    const column: Record<keyof DossierChange, string> = {
      receivedAt: 'received_at',
      dueDate: 'due_date',
      clockPausedRemaining: 'clock_paused_remaining',
      decidedAt: 'decided_at',
      supplement: 'supplement',
      review: 'review',
      decisionNote: 'decision_note',
      flags: 'flags',
      assessment: 'assessment',
    };
    for (const [key, name] of Object.entries(column)) {
      const value = change[key as keyof DossierChange];
      if (value === undefined) continue;
      params.push(value);
      sets.push(`${name} = $${params.length}`);
      if (key === 'dueDate')
        sets.push(`sort_date = COALESCE($${params.length}::date, (filed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)`);
    }
    const affected = await sql.run(em, `UPDATE dossier SET ${sets.join(', ')} WHERE id = $1 AND version = $2`, params);
    return affected === 1;
  }

  async appendEvent(em: EntityManager, dossierId: string, event: Omit<DossierEventRecord, 'seq'>): Promise<number> {
    return (await this.appendEventRecord(em, dossierId, event)).seq;
  }

  /** Appends a history event and returns it as history() gives it (RETURNING: no read-back). */
  async appendEventRecord(
    em: EntityManager,
    dossierId: string,
    event: Omit<DossierEventRecord, 'seq'>,
  ): Promise<DossierEventRecord> {
    const row = await sql.one<DossierEventRecord>(
      em,
      `INSERT INTO dossier_event (dossier_id, seq, occurred_at, action, from_status, to_status, actor_type, actor_id, actor_name, note, data)
       VALUES ($1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM dossier_event WHERE dossier_id = $1), $2, $3, $4, $5, $6, $7, $8, $9, $10)
       RETURNING seq, ${utcTimestamp('occurred_at')} AS "occurredAt", action, from_status AS "fromStatus",
         to_status AS "toStatus", actor_type AS "actorType", actor_id AS "actorId", actor_name AS "actorName", note, data`,
      [
        dossierId,
        event.occurredAt,
        event.action,
        event.fromStatus,
        event.toStatus,
        event.actorType,
        event.actorId,
        event.actorName,
        event.note,
        event.data ?? {},
      ],
    );
    return row!;
  }

  async history(dossierId: string, em?: EntityManager): Promise<DossierEventRecord[]> {
    const rows = await this.db(em)
      .getRepository(DossierEventEntity)
      .find({ where: { dossierId }, order: { seq: 'ASC' } });
    return rows.map(eventRecord);
  }

  /** The histories of several dossiers in one statement (a list page), keyed by dossier, each in order. */
  async historiesOf(dossierIds: readonly string[]): Promise<Map<string, DossierEventRecord[]>> {
    const rows = dossierIds.length
      ? await this.db()
          .getRepository(DossierEventEntity)
          .find({ where: { dossierId: In([...dossierIds]) }, order: { dossierId: 'ASC', seq: 'ASC' } })
      : [];
    return groupBy(dossierIds, rows, (row) => [row.dossierId, eventRecord(row)]);
  }

  async event(em: EntityManager | undefined, dossierId: string, seq: number): Promise<DossierEventRecord | undefined> {
    const row = await this.db(em).getRepository(DossierEventEntity).findOneBy({ dossierId, seq });
    return row ? eventRecord(row) : undefined;
  }

  /** Locks the dossier row for the rest of the transaction (concurrent uploads to one dossier queue here). */
  async lock(em: EntityManager, id: string): Promise<void> {
    await sql.run(em, `SELECT 1 FROM dossier WHERE id = $1 FOR UPDATE`, [id]);
  }

  /** The first active center by code: where a benefit transferred from another province is opened. */
  async insertAttachment(em: EntityManager, a: AttachmentRecord): Promise<void> {
    await em.getRepository(AttachmentEntity).insert({ ...a, uploadedAt: new Date(a.uploadedAt) });
  }

  async attachments(dossierId: string, em?: EntityManager): Promise<AttachmentRecord[]> {
    const rows = await this.db(em)
      .getRepository(AttachmentEntity)
      .find({ where: { dossierId }, order: { uploadedAt: 'ASC', id: 'ASC' } });
    return rows.map(attachmentRecord);
  }

  /** The attachments of several dossiers in one statement (a list page), keyed by dossier. */
  async attachmentsOf(dossierIds: readonly string[]): Promise<Map<string, AttachmentRecord[]>> {
    const rows = dossierIds.length
      ? await this.db()
          .getRepository(AttachmentEntity)
          .find({
            where: { dossierId: In([...dossierIds]) },
            order: { uploadedAt: 'ASC', id: 'ASC' },
          })
      : [];
    return groupBy(dossierIds, rows, (row) => [row.dossierId, attachmentRecord(row)]);
  }

  /**
   * The staff work queue: keyset-paged on (sort_date, id) so a deep page costs what the first one does.
   * sort_date is the due date once the clock runs, else the filing date.
   */
  async queue(q: QueueQuery): Promise<(DossierRecord & { sortDate: string; sortFiledAt: string })[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    // One center is written as `=`, not `= ANY(array)`: only then does the planner walk the (center_code, sort_date, id)
    // index in order and stop at the page size, instead of sorting the whole center (measured in bench/queue).
    if (q.centerCodes?.length === 1) where.push(`center_code = ${p(q.centerCodes[0])}`);
    else if (q.centerCodes) where.push(`center_code = ANY(${p(q.centerCodes)}::text[])`);
    if (q.status) where.push(`status = ${p(q.status)}`);
    if (q.statuses?.length) where.push(`status = ANY(${p(q.statuses)}::text[])`);
    if (q.overdueOn) where.push(`is_open AND due_date < ${p(q.overdueOn)}::date`);
    if (q.dueSoonUntil)
      where.push(
        `is_open AND due_date >= ${p(q.dueSoonUntil.today)}::date AND due_date <= ${p(q.dueSoonUntil.until)}::date`,
      );
    if (q.search?.code) where.push(`code = ${p(q.search.code)}`);
    if (q.search?.personalId) where.push(`personal_id = ${p(q.search.personalId)}`);
    if (q.search?.name) where.push(`search_name LIKE ${p(`%${q.search.name.replace(/[\\%_]/g, (c) => '\\' + c)}%`)}`);
    if (q.after)
      where.push(
        `(sort_date, filed_at, id) > (${p(q.after.sortDate)}::date, ${p(q.after.filedAt)}::timestamptz, ${p(q.after.id)}::uuid)`,
      );
    return replicaQuery<DossierRecord & { sortDate: string; sortFiledAt: string }>(
      this.dataSource,
      // Within one day, the earlier filing first (oldest first), then the id as a tie-break.
      `SELECT ${DOSSIER_COLUMNS}, sort_date::text AS "sortDate", filed_at::text AS "sortFiledAt" FROM dossier
       ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
       ORDER BY sort_date, filed_at, id LIMIT ${p(q.limit)}`,
      params,
    );
  }

  /**
   * The queue's tiles in one statement: dossiers per status, overdue and due soon, over the same centers the
   * queue shows.
   */
  async counts(
    centerCodes: string[] | null,
    today: string,
    dueSoonUntil: string,
  ): Promise<{ byStatus: Record<string, number>; overdue: number; dueSoon: number; open: number }> {
    const params: unknown[] = [today, dueSoonUntil];
    let where = '';
    if (centerCodes?.length === 1) {
      params.push(centerCodes[0]);
      where = 'WHERE center_code = $3';
    } else if (centerCodes) {
      params.push(centerCodes);
      where = 'WHERE center_code = ANY($3::text[])';
    }
    const [row] = await replicaQuery<{
      byStatus: Partial<Record<DossierStatus, number>> | null;
      overdue: number;
      dueSoon: number;
      open: number;
    }>(
      this.dataSource,
      `SELECT json_object_agg(s.status, s.n) FILTER (WHERE s.status IS NOT NULL) AS "byStatus",
              COALESCE(sum(s.overdue), 0)::int AS overdue, COALESCE(sum(s.due_soon), 0)::int AS "dueSoon",
              COALESCE(sum(s.open), 0)::int AS open
       FROM (
         SELECT status, count(*)::int AS n,
                count(*) FILTER (WHERE is_open AND due_date < $1::date) AS overdue,
                count(*) FILTER (WHERE is_open AND due_date >= $1::date AND due_date <= $2::date) AS due_soon,
                count(*) FILTER (WHERE is_open) AS open
         FROM dossier ${where} GROUP BY status
       ) s`,
      params,
    );
    return {
      byStatus: row?.byStatus ?? {},
      overdue: row?.overdue ?? 0,
      dueSoon: row?.dueSoon ?? 0,
      open: row?.open ?? 0,
    };
  }
}

/** A history row as the views read it (timestamps as RFC 3339 strings in UTC with milliseconds). */
function eventRecord(e: DossierEventEntity): DossierEventRecord {
  return {
    seq: e.seq,
    occurredAt: e.occurredAt.toISOString(),
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    actorType: e.actorType,
    actorId: e.actorId,
    actorName: e.actorName,
    note: e.note,
    data: e.data,
  };
}

function attachmentRecord(a: AttachmentEntity): AttachmentRecord {
  return { ...a, uploadedAt: a.uploadedAt.toISOString() };
}

/** Rows of a batched read, grouped by dossier in their order; every asked id has an entry (maybe empty). */
function groupBy<R, V>(ids: readonly string[], rows: R[], split: (row: R) => [string, V]): Map<string, V[]> {
  const grouped = new Map<string, V[]>(ids.map((id) => [id, []]));
  for (const row of rows) {
    const [id, value] = split(row);
    grouped.get(id)?.push(value);
  }
  return grouped;
}
