import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Sessions ended on the server (logout): table `revoked_session`, keyed by the `sid` claim of their tokens. */
@Injectable()
export class SessionRevocationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Idempotent: a second logout of the same session keeps the first row. Purges rows that no token can need. */
  async revoke(sid: string, expiresAt: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO revoked_session (sid, expires_at) VALUES ($1, $2)
       ON CONFLICT (sid) DO UPDATE SET expires_at = greatest(revoked_session.expires_at, EXCLUDED.expires_at)`,
      [sid, expiresAt],
    );
    await this.dataSource.query(`DELETE FROM revoked_session WHERE expires_at < now() - interval '1 day'`);
  }

  async isRevoked(sid: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM revoked_session WHERE sid = $1`, [sid]);
    return rows.length > 0;
  }
}
