import { Column, Entity, PrimaryColumn } from 'typeorm';

export type TransferStatus = 'requested' | 'approved' | 'refused' | 'accepted' | 'rejected' | 'cancelled';

/** A citizen's request to move the benefit to another province, on the sending side (table `transfer_request`). */
@Entity({ name: 'transfer_request' })
export class TransferRequestEntity {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id: string;

  @Column({ name: 'dossier_id', type: 'uuid', nullable: false })
  dossierId: string;

  @Column({ name: 'personal_id', type: 'char', nullable: false })
  personalId: string;

  @Column({ name: 'center_code', type: 'text', nullable: false })
  centerCode: string;

  @Column({ name: 'to_province', type: 'text', nullable: false })
  toProvince: string;

  @Column({ name: 'reason', type: 'text', nullable: false })
  reason: string;

  @Column({ name: 'new_address', type: 'text', nullable: false })
  newAddress: string;

  @Column({ name: 'status', type: 'text', nullable: false })
  status: TransferStatus;

  @Column({ name: 'refusal_reason', type: 'text', nullable: true })
  refusalReason: string | null;

  /** The signed package as sent: every retry sends the same bytes. */
  @Column({ name: 'package_jws', type: 'text', nullable: true })
  packageJws: string | null;

  @Column({ name: 'hand_over_month', type: 'integer', nullable: true })
  handOverMonth: number | null;

  @Column({ name: 'requested_at', type: 'timestamptz', nullable: false })
  requestedAt: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decided_by', type: 'text', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ name: 'peer_dossier_code', type: 'text', nullable: true })
  peerDossierCode: string | null;

  /** Unused so far (kept by the migration). */
  @Column({ name: 'attempts_note', type: 'text', nullable: true })
  attemptsNote: string | null;
}
