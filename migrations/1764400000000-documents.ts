import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signed documents (receipt, supplement request, intake refusal, decisions) and the jobs that issue them.
 * One document per dossier and kind; a decision number is unique per issuing authority and year.
 */
export class Documents1764400000000 implements MigrationInterface {
  name = 'Documents1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE document_number_sequence (
        authority_symbol text NOT NULL,
        year integer NOT NULL,
        last_value integer NOT NULL,
        PRIMARY KEY (authority_symbol, year)
      )`);
    await q.query(`
      CREATE TABLE document_job (
        id bigserial PRIMARY KEY,
        dossier_id uuid NOT NULL REFERENCES dossier (id),
        kind text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        run_after timestamptz NOT NULL DEFAULT now(),
        locked_until timestamptz,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        done_at timestamptz,
        UNIQUE (dossier_id, kind)
      )`);
    await q.query(`CREATE INDEX document_job_pending_idx ON document_job (run_after) WHERE status = 'pending'`);
    await q.query(`
      CREATE TABLE issued_document (
        id uuid PRIMARY KEY,
        dossier_id uuid NOT NULL REFERENCES dossier (id),
        kind text NOT NULL,
        number text,
        authority_symbol text NOT NULL,
        year integer NOT NULL,
        verification_code text NOT NULL UNIQUE,
        sha256 char(64) NOT NULL,
        object_key text NOT NULL,
        holder_name text NOT NULL,
        issuer_name text NOT NULL,
        issued_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'revoked')),
        revoked_at timestamptz,
        UNIQUE (dossier_id, kind)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX issued_document_number_idx ON issued_document (authority_symbol, year, number) WHERE number IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE issued_document`);
    await q.query(`DROP TABLE document_job`);
    await q.query(`DROP TABLE document_number_sequence`);
  }
}
