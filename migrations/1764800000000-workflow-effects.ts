import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The workflow table carries each step's effects, so the tables stop guessing them:
 * - `document_job.event_seq`: the history event that asked for the document (the issuer reads it by number
 *   instead of mapping the document kind back to an action);
 * - `portal_outbox.held_for`: the document kind a portal event waits for. The documents module releases the event
 *   (adding the decision's number, hash and URL to its payload) in the transaction that issues the document, so
 *   the portal no longer joins the document tables.
 * Existing rows are carried over: pending jobs get their triggering event and undelivered held events get
 * `held_for`; those whose document already exists are released by the documents module's sweep at start.
 */
export class WorkflowEffects1764800000000 implements MigrationInterface {
  name = 'WorkflowEffects1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE document_job ADD COLUMN event_seq integer`);
    await q.query(`
      UPDATE document_job j SET event_seq = (
        SELECT CASE WHEN j.kind LIKE 'supplement-request-%' THEN substring(j.kind FROM 'supplement-request-([0-9]+)$')::int
                    ELSE (SELECT CASE WHEN j.kind = 'supplement-request' THEN min(e.seq) ELSE max(e.seq) END
                          FROM dossier_event e
                          WHERE e.dossier_id = j.dossier_id
                            AND e.action = CASE
                              WHEN j.kind = 'receipt' THEN 'receive'
                              WHEN j.kind = 'supplement-request' THEN 'request_supplement'
                              WHEN j.kind = 'intake-refusal' THEN 'reject_intake'
                              WHEN j.kind = 'decision-approval' THEN 'approve'
                              WHEN j.kind = 'decision-refusal' THEN 'deny' END) END)`);

    await q.query(`ALTER TABLE portal_outbox ADD COLUMN held_for text`);
    await q.query(`
      UPDATE portal_outbox o SET held_for = CASE o.payload->>'status' WHEN 'APPROVED' THEN 'decision-approval' ELSE 'decision-refusal' END
      WHERE o.payload ? 'awaitsDecision' AND o.status <> 'delivered'`);
    await q.query(`UPDATE portal_outbox SET payload = payload - 'awaitsDecision' WHERE payload ? 'awaitsDecision'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE portal_outbox DROP COLUMN held_for`);
    await q.query(`ALTER TABLE document_job DROP COLUMN event_seq`);
  }
}
