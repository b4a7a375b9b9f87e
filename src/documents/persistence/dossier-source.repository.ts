import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { DossierSnapshot, TriggeringEvent } from '../domain/document-data.builder';

export interface CenterRow {
  code: string;
  name: string;
  provinceName: string;
  address: string;
}

/**
 * What the documents module reads of a dossier, with its own SQL: the dossiers module imports this module (for
 * DOSSIER_DOCUMENTS and DOSSIER_SIDE_EFFECTS), so importing it back would make a cycle.
 */
@Injectable()
export class DossierSourceRepository {
  constructor(private readonly dataSource: DataSource) {}

  private db(em?: EntityManager) {
    return em ?? this.dataSource.manager;
  }

  async snapshot(
    dossierId: string,
    em?: EntityManager,
  ): Promise<{ dossier: DossierSnapshot; center: CenterRow } | undefined> {
    const [row] = await this.db(em).query(
      `SELECT d.id, d.code, d.personal_id AS "personalId", d.channel, d.full_name AS "fullName", d.applicant, d.application,
         d.assessment, d.supplement, d.decision_note AS "decisionNote", d.filed_at AS "filedAt", d.received_at AS "receivedAt",
         d.due_date::text AS "dueDate", d.termination_date::text AS "terminationDate",
         (d.filed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date::text AS "filedOn",
         c.code AS "centerCode", c.name AS "centerName", c.province_name AS "centerProvince", c.address AS "centerAddress"
       FROM dossier d JOIN service_center c ON c.code = d.center_code WHERE d.id = $1`,
      [dossierId],
    );
    if (!row) return undefined;
    const { centerCode, centerName, centerProvince, centerAddress, ...dossier } = row;
    return {
      dossier,
      center: { code: centerCode, name: centerName, provinceName: centerProvince, address: centerAddress },
    };
  }

  /** Owner and center, for access checks. */
  async owner(dossierId: string): Promise<{ personalId: string; centerCode: string } | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT personal_id AS "personalId", center_code AS "centerCode" FROM dossier WHERE id = $1`,
      [dossierId],
    );
    return row;
  }

  /** A history event of the dossier: by seq, else the first (`which: 'first'`) or last one of that action. */
  async event(
    em: EntityManager,
    dossierId: string,
    action: string,
    pick: { seq: number } | { which: 'first' | 'last' },
  ): Promise<TriggeringEvent | undefined> {
    const columns = `seq, occurred_at AS "occurredAt", actor_name AS "actorName", note, data`;
    const [row] =
      'seq' in pick
        ? await em.query(`SELECT ${columns} FROM dossier_event WHERE dossier_id = $1 AND action = $2 AND seq = $3`, [
            dossierId,
            action,
            pick.seq,
          ])
        : await em.query(
            `SELECT ${columns} FROM dossier_event WHERE dossier_id = $1 AND action = $2 ORDER BY seq ${pick.which === 'first' ? 'ASC' : 'DESC'} LIMIT 1`,
            [dossierId, action],
          );
    return row;
  }

  async attachments(em: EntityManager, dossierId: string): Promise<{ kind: string; fileName: string }[]> {
    return em.query(
      `SELECT kind, file_name AS "fileName" FROM attachment WHERE dossier_id = $1 ORDER BY uploaded_at, id`,
      [dossierId],
    );
  }
}
