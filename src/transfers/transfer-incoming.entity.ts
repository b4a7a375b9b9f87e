import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { StoredTransferPackage } from './domain/transfer-package';

export type IncomingStatus = 'accepted' | 'refused';

/**
 * A package another province sent us, accepted or refused, keyed by the sender's package id (table
 * `transfer_incoming`): a repeat is answered from here.
 */
@Entity({ name: 'transfer_incoming' })
export class TransferIncomingEntity {
  @PrimaryColumn({ name: 'package_id', type: 'uuid' })
  packageId: string;

  @Column({ name: 'from_province', type: 'text', nullable: false })
  fromProvince: string;

  @Column({ name: 'personal_id', type: 'char', nullable: false })
  personalId: string;

  @Column({ name: 'status', type: 'text', nullable: false })
  status: IncomingStatus;

  @Column({ name: 'dossier_id', type: 'uuid', nullable: true })
  dossierId: string | null;

  @Column({ name: 'dossier_code', type: 'text', nullable: true })
  dossierCode: string | null;

  @Column({ name: 'refusal_code', type: 'text', nullable: true })
  refusalCode: string | null;

  @Column({ name: 'refusal_reason', type: 'text', nullable: true })
  refusalReason: string | null;

  @Column({ name: 'package', type: 'jsonb', nullable: false })
  package: StoredTransferPackage;

  @Column({ name: 'received_at', type: 'timestamptz', nullable: false })
  receivedAt: Date;
}
