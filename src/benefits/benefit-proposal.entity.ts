import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ProposalEvidence, ProposalKind } from './benefit.repository';

export type ProposalStatus = 'pending' | 'decided' | 'dismissed';

/**
 * A suspension, resumption or termination awaiting the Director (table `benefit_proposal`); unique per dossier, kind,
 * month (0 = none) and termination reason ('' = none).
 */
@Entity({ name: 'benefit_proposal' })
export class BenefitProposalEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'dossier_id', type: 'uuid', nullable: false })
  dossierId: string;

  @Column({ name: 'center_code', type: 'text', nullable: false })
  centerCode: string;

  @Column({ type: 'text', nullable: false })
  kind: ProposalKind;

  @Column({ type: 'integer', nullable: false, default: 0 })
  month: number;

  @Column({ name: 'termination_reason', type: 'text', nullable: false, default: '' })
  terminationReason: string;

  @Column({ name: 'effective_date', type: 'date', nullable: true })
  effectiveDate: string | null;

  /** What the proposal rests on (the notice, the missed window or months, the registry's new employer, ...). */
  @Column({ type: 'jsonb', nullable: false, default: () => `'{}'` })
  evidence: ProposalEvidence;

  @Column({ type: 'text', nullable: false, default: 'pending' })
  status: ProposalStatus;

  @Column({ name: 'proposed_on', type: 'date', nullable: false })
  proposedOn: string;

  @Column({ name: 'proposed_at', type: 'timestamptz', nullable: false })
  proposedAt: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
}
