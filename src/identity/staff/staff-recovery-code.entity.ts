import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A two-factor recovery code of a staff account, scrypt-hashed, usable once (table `staff_recovery_code`). */
@Entity({ name: 'staff_recovery_code' })
export class StaffRecoveryCodeEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  @Column({ name: 'account_id', type: 'uuid', nullable: false })
  accountId: string;

  @Column({ name: 'code_hash', type: 'text', nullable: false })
  codeHash: string;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', nullable: false, default: () => 'now()' })
  createdAt: Date;
}
