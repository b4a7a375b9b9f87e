import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Raw, Repository } from 'typeorm';
import { sql } from '../../platform/database/sql';
import { RevokedSessionEntity } from './revoked-session.entity';

/** Sessions ended on the server (logout): table `revoked_session`, keyed by the `sid` claim of their tokens. */
@Injectable()
export class SessionRevocationRepository {
  constructor(@InjectRepository(RevokedSessionEntity) private readonly repo: Repository<RevokedSessionEntity>) {}

  /** Idempotent: a second logout of the same session keeps the first row. Purges rows that no token can need. */
  async revoke(sid: string, expiresAt: Date): Promise<void> {
    // An upsert that keeps the later expiry (raw SQL: ON CONFLICT … greatest()).
    await sql.run(
      this.repo.manager,
      `INSERT INTO revoked_session (sid, expires_at) VALUES ($1, $2)
       ON CONFLICT (sid) DO UPDATE SET expires_at = greatest(revoked_session.expires_at, EXCLUDED.expires_at)`,
      [sid, expiresAt],
    );
    await this.repo.delete({ expiresAt: Raw((column) => `${column} < now() - interval '1 day'`) });
  }

  /** Asked on every authenticated request: one plain statement (an entity query costs more CPU than the read). */
  async isRevoked(sid: string): Promise<boolean> {
    return (await sql.one(this.repo.manager, `SELECT 1 FROM revoked_session WHERE sid = $1`, [sid])) !== undefined;
  }
}
