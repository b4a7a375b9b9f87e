import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the reports (src/reports) and the open-dossier gauges, chosen from EXPLAIN plans at one million
 * dossiers (docs/reports.md "Performance"). `dossier_filed_at_idx` already serves the filing cohort.
 * - received / decided in a date range: range scans instead of full scans;
 * - intake refusals by the time of the `reject_intake` event: a small partial index on the event log;
 * - open dossiers by center, status and due date: an index-only scan of the open part for every /metrics scrape.
 * Plain CREATE INDEX (the migration runs in a transaction): on a large live table run it in a quiet hour.
 */
export class Reports1764600000000 implements MigrationInterface {
  name = 'Reports1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX dossier_received_at_idx ON dossier (received_at) WHERE received_at IS NOT NULL`);
    await q.query(`CREATE INDEX dossier_decided_at_idx ON dossier (decided_at) WHERE decided_at IS NOT NULL`);
    await q.query(`CREATE INDEX dossier_center_filed_at_idx ON dossier (center_code, filed_at)`);
    await q.query(`CREATE INDEX dossier_open_status_due_idx ON dossier (center_code, status, due_date) WHERE is_open`);
    await q.query(
      `CREATE INDEX dossier_event_reject_intake_idx ON dossier_event (occurred_at) WHERE action = 'reject_intake'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX dossier_event_reject_intake_idx`);
    await q.query(`DROP INDEX dossier_open_status_due_idx`);
    await q.query(`DROP INDEX dossier_center_filed_at_idx`);
    await q.query(`DROP INDEX dossier_decided_at_idx`);
    await q.query(`DROP INDEX dossier_received_at_idx`);
  }
}
