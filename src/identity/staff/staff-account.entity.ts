import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { StaffRole } from '../principal';

/** A caseworker or official who logs in with username and password (table `staff_account`). */
@Entity({ name: 'staff_account' })
export class StaffAccountEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  @Column({ name: 'username', type: 'text', unique: true, nullable: false })
  username: string;

  @Column({ name: 'password_hash', type: 'text', nullable: false })
  passwordHash: string;

  @Column({ name: 'full_name', type: 'text', nullable: false })
  fullName: string;

  @Column({ name: 'role', type: 'text', nullable: false })
  role: StaffRole;

  /** `null` for province-level roles (director, admin). */
  @Column({ name: 'center_code', type: 'text', nullable: true })
  centerCode: string | null;

  @Column({ name: 'failed_attempts', type: 'integer', default: 0, nullable: false })
  failedAttempts: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'active', type: 'boolean', default: true, nullable: false })
  active: boolean;

  @Column({ name: 'title', type: 'text', nullable: true })
  title: string | null;

  @Column({ name: 'phone', type: 'text', nullable: true })
  phone: string | null;

  @Column({ name: 'email', type: 'text', nullable: true })
  email: string | null;

  /** The province's employee number; the identity provider's sign-in may be matched on it. */
  @Column({ name: 'employee_number', type: 'text', nullable: true })
  employeeNumber: string | null;

  /** Set by the first-admin command and by a reset: the next login must choose a new password. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false, nullable: false })
  mustChangePassword: boolean;

  /** The TOTP secret, sealed (AES-256-GCM) with a key kept under DATA_DIR/secrets, never in the database. */
  @Column({ name: 'totp_secret', type: 'text', nullable: true })
  totpSecret: string | null;

  @Column({ name: 'totp_enabled_at', type: 'timestamptz', nullable: true })
  totpEnabledAt: Date | null;

  /** The last TOTP time step accepted: a code is accepted once. */
  @Column({ name: 'totp_last_step', type: 'bigint', nullable: true })
  totpLastStep: string | null;

  /** Tokens of logins before this instant are refused (password reset, deactivation). */
  @Column({ name: 'sessions_valid_from', type: 'timestamptz', nullable: true })
  sessionsValidFrom: Date | null;

  @Column({ name: 'password_changed_at', type: 'timestamptz', nullable: true })
  passwordChangedAt: Date | null;

  /** Seeded from SANDBOX_STAFF; deactivated when the service starts outside sandbox mode. */
  @Column({ name: 'sandbox', type: 'boolean', default: false, nullable: false })
  sandbox: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', nullable: false })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', nullable: false })
  updatedAt: Date;
}
