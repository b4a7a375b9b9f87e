import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A signed decision may be revoked (thu hồi) by the Director: the document stays on record, the verification page
 * then says it is no longer valid, and the citizen sees when and why. Who revoked it and why are kept with it.
 */
export class DecisionRevocation1764700000000 implements MigrationInterface {
  name = 'DecisionRevocation1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE issued_document ADD COLUMN revocation_reason text, ADD COLUMN revoked_by text`);
    await q.query(
      `ALTER TABLE issued_document ADD CONSTRAINT issued_document_revocation_complete CHECK (
         (status = 'issued' AND revoked_at IS NULL AND revocation_reason IS NULL AND revoked_by IS NULL)
         OR (status = 'revoked' AND revoked_at IS NOT NULL AND length(revocation_reason) BETWEEN 1 AND 1000
             AND revoked_by IS NOT NULL))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE issued_document DROP CONSTRAINT issued_document_revocation_complete`);
    await q.query(`ALTER TABLE issued_document DROP COLUMN revocation_reason, DROP COLUMN revoked_by`);
  }
}
