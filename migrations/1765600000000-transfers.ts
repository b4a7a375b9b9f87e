import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Moving the benefit to another province (src/transfers, docs/transfer.md):
 * - `transfer_request`: the citizen's request on the sending side and its life (requested → approved → accepted by
 *   the receiving province, or refused by the center, or refused by the receiving province, or cancelled when the
 *   benefit ended before the package left); at most one undecided
 *   or in-flight request per dossier. The signed package is kept as sent, so every retry sends the same bytes.
 * - `transfer_incoming`: every package this province accepted or refused, keyed by the sender's package id (a repeat
 *   is answered from here, so a duplicate never makes a second beneficiary).
 * - `api_client.scope` gains `peer_province` (the other provinces' systems may only deliver packages).
 * - `dossier.channel` gains `transfer`: the dossier a receiving province opens for a moved benefit.
 */
export class Transfers1765600000000 implements MigrationInterface {
  name = 'Transfers1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_client DROP CONSTRAINT IF EXISTS api_client_scope_check`);
    await q.query(
      `ALTER TABLE api_client ADD CONSTRAINT api_client_scope_check CHECK (scope IN ('portal', 'social_insurance', 'peer_province'))`,
    );
    await q.query(`ALTER TABLE dossier DROP CONSTRAINT IF EXISTS dossier_channel_check`);
    await q.query(
      `ALTER TABLE dossier ADD CONSTRAINT dossier_channel_check CHECK (channel IN ('online', 'portal', 'counter', 'transfer'))`,
    );
    await q.query(`
      CREATE TABLE transfer_request (
        id uuid PRIMARY KEY,
        dossier_id uuid NOT NULL REFERENCES dossier (id),
        personal_id char(12) NOT NULL,
        center_code text NOT NULL,
        to_province text NOT NULL,
        reason text NOT NULL,
        new_address text NOT NULL,
        status text NOT NULL CHECK (status IN ('requested', 'approved', 'refused', 'accepted', 'rejected', 'cancelled')),
        refusal_reason text,
        package_jws text,
        hand_over_month integer,
        requested_at timestamptz NOT NULL,
        decided_at timestamptz,
        decided_by text,
        completed_at timestamptz,
        peer_dossier_code text,
        attempts_note text
      )`);
    await q.query(
      `CREATE UNIQUE INDEX transfer_request_one_open ON transfer_request (dossier_id) WHERE status IN ('requested', 'approved')`,
    );
    await q.query(`CREATE INDEX transfer_request_queue_idx ON transfer_request (status, center_code, requested_at)`);
    await q.query(`
      CREATE TABLE transfer_incoming (
        package_id uuid PRIMARY KEY,
        from_province text NOT NULL,
        personal_id char(12) NOT NULL,
        status text NOT NULL CHECK (status IN ('accepted', 'refused')),
        dossier_id uuid REFERENCES dossier (id),
        dossier_code text,
        refusal_code text,
        refusal_reason text,
        package jsonb NOT NULL,
        received_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX transfer_incoming_person_idx ON transfer_incoming (personal_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE transfer_incoming`);
    await q.query(`DROP TABLE transfer_request`);
    await q.query(`DELETE FROM api_client WHERE scope = 'peer_province'`);
    await q.query(`ALTER TABLE api_client DROP CONSTRAINT IF EXISTS api_client_scope_check`);
    await q.query(
      `ALTER TABLE api_client ADD CONSTRAINT api_client_scope_check CHECK (scope IN ('portal', 'social_insurance'))`,
    );
    await q.query(`ALTER TABLE dossier DROP CONSTRAINT IF EXISTS dossier_channel_check`);
    await q.query(
      `ALTER TABLE dossier ADD CONSTRAINT dossier_channel_check CHECK (channel IN ('online', 'portal', 'counter'))`,
    );
  }
}
