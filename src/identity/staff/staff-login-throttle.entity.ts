import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Failed staff logins per (username as typed, source address) (table `staff_login_throttle`). */
@Entity({ name: 'staff_login_throttle' })
export class StaffLoginThrottleEntity {
  /** As typed (lower-cased): usernames that do not exist are counted too. */
  @PrimaryColumn({ name: 'username', type: 'text' })
  username: string;

  @PrimaryColumn({ name: 'source', type: 'text' })
  source: string;

  @Column({ name: 'failed_attempts', type: 'integer', nullable: false, default: 0 })
  failedAttempts: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'last_failed_at', type: 'timestamptz', nullable: false, default: () => 'now()' })
  lastFailedAt: Date;
}
