import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A session ended on the server (logout), keyed by the `sid` claim of its tokens (table `revoked_session`). */
@Entity({ name: 'revoked_session' })
export class RevokedSessionEntity {
  @PrimaryColumn({ name: 'sid', type: 'text' })
  sid: string;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: false, default: () => 'now()' })
  revokedAt: Date;

  /** When the session's last token would have expired: the row may be purged after it. */
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: false })
  expiresAt: Date;
}
