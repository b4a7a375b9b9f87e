import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { sql } from '../../platform/database/sql';
import { CitizenDraftAttachmentEntity } from './citizen-draft-attachment.entity';
import { CitizenDraftEntity } from './citizen-draft.entity';

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

/** Tables `citizen_draft` and `citizen_draft_attachment` (migration 1765500000000). */
@Injectable()
export class DraftRepository {
  constructor(private readonly dataSource: DataSource) {}

  private db(em?: EntityManager) {
    return em ?? this.dataSource.manager;
  }

  async find(personalId: string): Promise<DraftRecord | null> {
    const row = await this.db().getRepository(CitizenDraftEntity).findOneBy({ personalId });
    return row ? { personalId: row.personalId, data: row.data, updatedAt: row.updatedAt.toISOString() } : null;
  }

  /** Creates or replaces the answers; attachments stay (an upsert: one statement). */
  async save(personalId: string, data: Record<string, unknown>, now: string, em?: EntityManager): Promise<void> {
    await sql.run(
      this.db(em),
      `INSERT INTO citizen_draft (personal_id, data, created_at, updated_at) VALUES ($1, $2, $3, $3)
       ON CONFLICT (personal_id) DO UPDATE SET data = EXCLUDED.data, updated_at = EXCLUDED.updated_at`,
      [personalId, JSON.stringify(data), now],
    );
  }

  /** Creates an empty draft when there is none (files may come before any answer is saved). */
  async ensure(em: EntityManager, personalId: string, now: string): Promise<void> {
    await sql.run(
      em,
      `INSERT INTO citizen_draft (personal_id, data, created_at, updated_at) VALUES ($1, '{}'::jsonb, $2, $2)
       ON CONFLICT (personal_id) DO NOTHING`,
      [personalId, now],
    );
  }

  /** Locks the person's draft row (uploads and filing queue behind each other). */
  async lock(em: EntityManager, personalId: string): Promise<void> {
    await sql.run(em, `SELECT 1 FROM citizen_draft WHERE personal_id = $1 FOR UPDATE`, [personalId]);
  }

  async delete(personalId: string, em?: EntityManager): Promise<void> {
    await this.db(em).getRepository(CitizenDraftEntity).delete({ personalId });
  }

  async attachments(personalId: string, em?: EntityManager): Promise<DraftAttachmentRecord[]> {
    const rows = await this.db(em)
      .getRepository(CitizenDraftAttachmentEntity)
      .find({ where: { personalId }, order: { uploadedAt: 'ASC', id: 'ASC' } });
    return rows.map((a) => ({ ...a, size: Number(a.size), uploadedAt: a.uploadedAt.toISOString() }));
  }

  async insertAttachment(em: EntityManager, a: DraftAttachmentRecord): Promise<void> {
    await em
      .getRepository(CitizenDraftAttachmentEntity)
      .insert({ ...a, size: String(a.size), uploadedAt: new Date(a.uploadedAt) });
  }

  /** Removes one of the person's draft files; false when there is no such file of theirs. */
  async deleteAttachment(personalId: string, id: string): Promise<boolean> {
    const result = await this.db().getRepository(CitizenDraftAttachmentEntity).delete({ personalId, id });
    return (result.affected ?? 0) > 0;
  }
}
