import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A citizen's notification channels (table `notification_preference`); without a row: e-mail when the dossier has an
 * address, SMS always.
 */
@Entity({ name: 'notification_preference' })
export class NotificationPreferenceEntity {
  @PrimaryColumn({ name: 'personal_id', type: 'text' })
  personalId: string;

  @Column({ name: 'email', type: 'boolean', nullable: false })
  email: boolean;

  @Column({ name: 'sms', type: 'boolean', nullable: false })
  sms: boolean;

  /** null: the deployment's default (`SMS_UNACCENTED`). */
  @Column({ name: 'sms_unaccented', type: 'boolean', nullable: true })
  smsUnaccented: boolean | null;

  @Column({ name: 'updated_at', type: 'timestamptz', nullable: false, default: () => 'now()' })
  updatedAt: Date;
}
