import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { sql } from '../platform/database/sql';
import type { StoredTransferPackage } from './domain/transfer-package';
import { IncomingStatus, TransferIncomingEntity } from './transfer-incoming.entity';
import { TransferRequestEntity, TransferStatus } from './transfer-request.entity';

export type { TransferStatus } from './transfer-request.entity';

/** A transfer request as the service and its views read it (timestamps RFC 3339, UTC, milliseconds). */
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
  status: IncomingStatus;
  dossierId: string | null;
  dossierCode: string | null;
  refusalCode: string | null;
  refusalReason: string | null;
}

/** The transfer tables (migration 1765600000000); only the transfers module reads or writes them. */
@Injectable()
export class TransferRepository {
  constructor(
    @InjectRepository(TransferRequestEntity) private readonly requests: Repository<TransferRequestEntity>,
    @InjectRepository(TransferIncomingEntity) private readonly incomings: Repository<TransferIncomingEntity>,
  ) {}

  private requestRepo(em?: EntityManager): Repository<TransferRequestEntity> {
    return em ? em.getRepository(TransferRequestEntity) : this.requests;
  }

  private incomingRepo(em?: EntityManager): Repository<TransferIncomingEntity> {
    return em ? em.getRepository(TransferIncomingEntity) : this.incomings;
  }

  async insertRequest(
    em: EntityManager,
    r: Pick<
      TransferRequestRow,
      'id' | 'dossierId' | 'personalId' | 'centerCode' | 'toProvince' | 'reason' | 'newAddress'
    > & { requestedAt: Date },
  ): Promise<void> {
    await this.requestRepo(em).insert({
      id: r.id,
      dossierId: r.dossierId,
      personalId: r.personalId,
      centerCode: r.centerCode,
      toProvince: r.toProvince,
      reason: r.reason,
      newAddress: r.newAddress,
      status: 'requested',
      requestedAt: r.requestedAt,
    });
  }

  async find(id: string, em?: EntityManager, forUpdate = false): Promise<TransferRequestRow | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    const row = await this.requestRepo(em).findOne({
      where: { id },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return row ? requestRow(row) : undefined;
  }

  async latestFor(dossierId: string): Promise<TransferRequestRow | undefined> {
    const row = await this.requests.findOne({ where: { dossierId }, order: { requestedAt: 'DESC', id: 'ASC' } });
    return row ? requestRow(row) : undefined;
  }

  /** Requests waiting for a decision: one center's, or the province's (null). */
  async pending(centerCode: string | null): Promise<TransferRequestRow[]> {
    const rows = await this.requests.find({
      where: { status: 'requested', ...(centerCode === null ? {} : { centerCode }) },
      order: { requestedAt: 'ASC', id: 'ASC' },
      take: 500,
    });
    return rows.map(requestRow);
  }

  async approve(
    em: EntityManager,
    id: string,
    a: { packageJws: string; handOverMonth: number; at: Date; by: string },
  ): Promise<boolean> {
    const result = await this.requestRepo(em).update(
      { id, status: 'requested' },
      {
        status: 'approved',
        packageJws: a.packageJws,
        handOverMonth: a.handOverMonth,
        decidedAt: a.at,
        decidedBy: a.by,
      },
    );
    return (result.affected ?? 0) > 0;
  }

  async refuse(em: EntityManager, id: string, r: { reason: string; at: Date; by: string }): Promise<boolean> {
    const result = await this.requestRepo(em).update(
      { id, status: 'requested' },
      { status: 'refused', refusalReason: r.reason, decidedAt: r.at, decidedBy: r.by },
    );
    return (result.affected ?? 0) > 0;
  }

  /** The receiving province answered: accepted (with its dossier) or rejected (with its reason). */
  async complete(
    em: EntityManager,
    id: string,
    c: { status: 'accepted' | 'rejected' | 'cancelled'; at: Date; peerDossierCode?: string; reason?: string },
  ): Promise<boolean> {
    const result = await this.requestRepo(em).update(
      { id, status: 'approved' },
      {
        status: c.status,
        completedAt: c.at,
        peerDossierCode: c.peerDossierCode ?? null,
        refusalReason: c.reason ?? null,
      },
    );
    return (result.affected ?? 0) > 0;
  }

  async incoming(packageId: string, em?: EntityManager): Promise<IncomingRow | undefined> {
    const row = await this.incomingRepo(em).findOne({
      select: {
        packageId: true,
        fromProvince: true,
        personalId: true,
        status: true,
        dossierId: true,
        dossierCode: true,
        refusalCode: true,
        refusalReason: true,
      },
      where: { packageId },
    });
    return row
      ? {
          packageId: row.packageId,
          fromProvince: row.fromProvince,
          personalId: row.personalId,
          status: row.status,
          dossierId: row.dossierId,
          dossierCode: row.dossierCode,
          refusalCode: row.refusalCode,
          refusalReason: row.refusalReason,
        }
      : undefined;
  }

  /**
   * Claims a package id (false: it was already received; the caller answers from that row). One upsert that does
   * nothing on a repeat, so two deliveries of one package at once make one claim.
   */
  async claimIncoming(
    em: EntityManager,
    r: { packageId: string; fromProvince: string; personalId: string; pkg: StoredTransferPackage; at: Date },
  ): Promise<boolean> {
    const rows = await sql.rows<{ packageId: string }>(
      em,
      `INSERT INTO transfer_incoming (package_id, from_province, personal_id, status, package, received_at)
       VALUES ($1, $2, $3, 'accepted', $4, $5) ON CONFLICT (package_id) DO NOTHING RETURNING package_id AS "packageId"`,
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
      await this.incomingRepo(em).update({ packageId }, { dossierId: s.dossierId, dossierCode: s.dossierCode });
    else
      await this.incomingRepo(em).update(
        { packageId },
        { status: 'refused', refusalCode: s.refusalCode, refusalReason: s.refusalReason },
      );
  }
}

function requestRow(e: TransferRequestEntity): TransferRequestRow {
  return {
    id: e.id,
    dossierId: e.dossierId,
    personalId: e.personalId,
    centerCode: e.centerCode,
    toProvince: e.toProvince,
    reason: e.reason,
    newAddress: e.newAddress,
    status: e.status,
    refusalReason: e.refusalReason,
    packageJws: e.packageJws,
    handOverMonth: e.handOverMonth,
    requestedAt: e.requestedAt.toISOString(),
    decidedAt: e.decidedAt?.toISOString() ?? null,
    decidedBy: e.decidedBy,
    completedAt: e.completedAt?.toISOString() ?? null,
    peerDossierCode: e.peerDossierCode,
  };
}
