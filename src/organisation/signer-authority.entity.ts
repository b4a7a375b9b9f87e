import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SignerCapacity } from './domain/signers';

/**
 * Who signs for the department or a center from one date to another (table `signer_authority`); periods of one
 * scope never overlap (exclusion constraint).
 */
@Entity({ name: 'signer_authority' })
export class SignerAuthorityEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** `department`, or a center's code. */
  @Column({ type: 'text' })
  scope: string;

  @Column({ type: 'text' })
  capacity: SignerCapacity;

  @Column({ name: 'full_name', type: 'text' })
  fullName: string;

  @Column({ name: 'staff_username', type: 'text', nullable: true })
  staffUsername: string | null;

  /** `YYYY-MM-DD`, inclusive. */
  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  /** `YYYY-MM-DD`, inclusive; null: until further notice. */
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @Column({ name: 'signature_image_key', type: 'text', nullable: true })
  signatureImageKey: string | null;

  @Column({ name: 'certificate_ref', type: 'text', nullable: true })
  certificateRef: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
