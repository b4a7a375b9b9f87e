import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { utcTimestamp } from '../../platform/database/sql-timestamp';

export interface DraftRecord {
  personalId: string;
  data: Record<string, unknown>;
  updatedAt: string;
}

export interface DraftAttachmentRecord {
  id: string;
  personalId: string;
  kind: string;
  contentType: string;
  size: number;
  sha256: string;
  objectKey: string;
  uploadedAt: string;
}

const ATTACHMENT_COLUMNS = `id, personal_id AS "personalId", kind, content_type AS "contentType", size::int AS size, sha256,
  object_key AS "objectKey", ${utcTimestamp('uploaded_at')} AS "uploadedAt"`;

/** Tables `citizen_draft` and `citizen_draft_attachment` (migration 1765500000000). */
@Injectable()
export class DraftRepository {
  constructor(private readonly dataSource: DataSource) {}

  private db(em?: EntityManager) {
    return em ?? this.dataSource.manager;
  }

  async find(personalId: string): Promise<DraftRecord | null> {
    const [row] = await this.dataSource.query(
      `SELECT personal_id AS "personalId", data, ${utcTimestamp('updated_at')} AS "updatedAt"
       FROM citizen_draft WHERE personal_id = $1`,
      [personalId],
    );
    return row ?? null;
  }

  /** Creates or replaces the answers; attachments stay. */
  async save(personalId: string, data: Record<string, unknown>, now: string, em?: EntityManager): Promise<void> {
    await this.db(em).query(
      `INSERT INTO citizen_draft (personal_id, data, created_at, updated_at) VALUES ($1, $2, $3, $3)
       ON CONFLICT (personal_id) DO UPDATE SET data = EXCLUDED.data, updated_at = EXCLUDED.updated_at`,
      [personalId, JSON.stringify(data), now],
    );
  }

  /** Creates an empty draft when there is none (files may come before any answer is saved). */
  async ensure(em: EntityManager, personalId: string, now: string): Promise<void> {
    await em.query(
      `INSERT INTO citizen_draft (personal_id, data, created_at, updated_at) VALUES ($1, '{}'::jsonb, $2, $2)
       ON CONFLICT (personal_id) DO NOTHING`,
      [personalId, now],
    );
  }

  /** Locks the person's draft row (uploads and filing queue behind each other). */
  async lock(em: EntityManager, personalId: string): Promise<void> {
    await em.query(`SELECT 1 FROM citizen_draft WHERE personal_id = $1 FOR UPDATE`, [personalId]);
  }

  async delete(personalId: string, em?: EntityManager): Promise<void> {
    await this.db(em).query(`DELETE FROM citizen_draft WHERE personal_id = $1`, [personalId]);
  }

  async attachments(personalId: string, em?: EntityManager): Promise<DraftAttachmentRecord[]> {
    return this.db(em).query(
      `SELECT ${ATTACHMENT_COLUMNS} FROM citizen_draft_attachment WHERE personal_id = $1 ORDER BY uploaded_at, id`,
      [personalId],
    );
  }

  async insertAttachment(em: EntityManager, a: DraftAttachmentRecord): Promise<void> {
    await em.query(
      `INSERT INTO citizen_draft_attachment (id, personal_id, kind, content_type, size, sha256, object_key, uploaded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [a.id, a.personalId, a.kind, a.contentType, a.size, a.sha256, a.objectKey, a.uploadedAt],
    );
  }

  /** Removes one of the person's draft files; false when there is no such file of theirs. */
  async deleteAttachment(personalId: string, id: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      // As a SELECT, so the driver answers the rows (a bare DELETE answers [rows, count]).
      `WITH gone AS (DELETE FROM citizen_draft_attachment WHERE personal_id = $1 AND id = $2 RETURNING id)
       SELECT id FROM gone`,
      [personalId, id],
    );
    return rows.length > 0;
  }
}
