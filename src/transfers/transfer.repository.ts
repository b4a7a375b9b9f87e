import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { utcTimestamp } from '../platform/database/sql-timestamp';

export type TransferStatus = 'requested' | 'approved' | 'refused' | 'accepted' | 'rejected' | 'cancelled';

export interface TransferRequestRow {
  id: string;
  dossierId: string;
  personalId: string;
  centerCode: string;
  toProvince: string;
  reason: string;
  newAddress: string;
  status: TransferStatus;
  refusalReason: string | null;
  packageJws: string | null;
  handOverMonth: number | null;
  requestedAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  completedAt: string | null;
  peerDossierCode: string | null;
}

export interface IncomingRow {
  packageId: string;
  fromProvince: string;
  personalId: string;
  status: 'accepted' | 'refused';
  dossierId: string | null;
  dossierCode: string | null;
  refusalCode: string | null;
  refusalReason: string | null;
}

const REQUEST = `id::text AS id, dossier_id::text AS "dossierId", personal_id AS "personalId", center_code AS "centerCode",
  to_province AS "toProvince", reason, new_address AS "newAddress", status, refusal_reason AS "refusalReason",
  package_jws AS "packageJws", hand_over_month AS "handOverMonth", ${utcTimestamp('requested_at')} AS "requestedAt",
  ${utcTimestamp('decided_at')} AS "decidedAt", decided_by AS "decidedBy", ${utcTimestamp('completed_at')} AS "completedAt",
  peer_dossier_code AS "peerDossierCode"`;

const INCOMING = `package_id::text AS "packageId", from_province AS "fromProvince", personal_id AS "personalId", status,
  dossier_id::text AS "dossierId", dossier_code AS "dossierCode", refusal_code AS "refusalCode",
  refusal_reason AS "refusalReason"`;

/** The transfer tables (migration 1765600000000); only the transfers module reads or writes them. */
@Injectable()
export class TransferRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(em?: EntityManager): EntityManager {
    return em ?? this.dataSource.manager;
  }

  async insertRequest(
    em: EntityManager,
    r: Pick<
      TransferRequestRow,
      'id' | 'dossierId' | 'personalId' | 'centerCode' | 'toProvince' | 'reason' | 'newAddress'
    > & { requestedAt: Date },
  ): Promise<void> {
    await em.query(
      `INSERT INTO transfer_request (id, dossier_id, personal_id, center_code, to_province, reason, new_address, status,
         requested_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 'requested', $8)`,
      [r.id, r.dossierId, r.personalId, r.centerCode, r.toProvince, r.reason, r.newAddress, r.requestedAt],
    );
  }

  async find(id: string, em?: EntityManager, forUpdate = false): Promise<TransferRequestRow | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const [row] = await this.m(em).query(
      `SELECT ${REQUEST} FROM transfer_request WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return row;
  }

  async latestFor(dossierId: string): Promise<TransferRequestRow | undefined> {
    const [row] = await this.m().query(
      `SELECT ${REQUEST} FROM transfer_request WHERE dossier_id = $1 ORDER BY requested_at DESC, id LIMIT 1`,
      [dossierId],
    );
    return row;
  }

  /** Requests waiting for a decision: one center's, or the province's (null). */
  async pending(centerCode: string | null): Promise<TransferRequestRow[]> {
    return this.m().query(
      `SELECT ${REQUEST} FROM transfer_request WHERE status = 'requested' AND ($1::text IS NULL OR center_code = $1)
       ORDER BY requested_at, id LIMIT 500`,
      [centerCode],
    );
  }

  async approve(
    em: EntityManager,
    id: string,
    a: { packageJws: string; handOverMonth: number; at: Date; by: string },
  ): Promise<boolean> {
    const [rows] = await em.query(
      `UPDATE transfer_request SET status = 'approved', package_jws = $2, hand_over_month = $3, decided_at = $4,
         decided_by = $5 WHERE id = $1 AND status = 'requested' RETURNING id`,
      [id, a.packageJws, a.handOverMonth, a.at, a.by],
    );
    return rows.length > 0;
  }

  async refuse(em: EntityManager, id: string, r: { reason: string; at: Date; by: string }): Promise<boolean> {
    const [rows] = await em.query(
      `UPDATE transfer_request SET status = 'refused', refusal_reason = $2, decided_at = $3, decided_by = $4
       WHERE id = $1 AND status = 'requested' RETURNING id`,
      [id, r.reason, r.at, r.by],
    );
    return rows.length > 0;
  }

  /** The receiving province answered: accepted (with its dossier) or rejected (with its reason). */
  async complete(
    em: EntityManager,
    id: string,
    c: { status: 'accepted' | 'rejected' | 'cancelled'; at: Date; peerDossierCode?: string; reason?: string },
  ): Promise<boolean> {
    const [rows] = await em.query(
      `UPDATE transfer_request SET status = $2, completed_at = $3, peer_dossier_code = $4, refusal_reason = $5
       WHERE id = $1 AND status = 'approved' RETURNING id`,
      [id, c.status, c.at, c.peerDossierCode ?? null, c.reason ?? null],
    );
    return rows.length > 0;
  }

  async incoming(packageId: string, em?: EntityManager): Promise<IncomingRow | undefined> {
    const [row] = await this.m(em).query(`SELECT ${INCOMING} FROM transfer_incoming WHERE package_id = $1`, [
      packageId,
    ]);
    return row;
  }

  /** Claims a package id (false: it was already received; the caller answers from that row). */
  async claimIncoming(
    em: EntityManager,
    r: { packageId: string; fromProvince: string; personalId: string; pkg: unknown; at: Date },
  ): Promise<boolean> {
    const rows = await em.query(
      `INSERT INTO transfer_incoming (package_id, from_province, personal_id, status, package, received_at)
       VALUES ($1, $2, $3, 'accepted', $4, $5) ON CONFLICT (package_id) DO NOTHING RETURNING package_id`,
      [r.packageId, r.fromProvince, r.personalId, JSON.stringify(r.pkg), r.at],
    );
    return rows.length > 0;
  }

  async settleIncoming(
    em: EntityManager,
    packageId: string,
    s: { dossierId: string; dossierCode: string } | { refusalCode: string; refusalReason: string },
  ): Promise<void> {
    if ('dossierId' in s)
      await em.query(`UPDATE transfer_incoming SET dossier_id = $2, dossier_code = $3 WHERE package_id = $1`, [
        packageId,
        s.dossierId,
        s.dossierCode,
      ]);
    else
      await em.query(
        `UPDATE transfer_incoming SET status = 'refused', refusal_code = $2, refusal_reason = $3 WHERE package_id = $1`,
        [packageId, s.refusalCode, s.refusalReason],
      );
  }
}
