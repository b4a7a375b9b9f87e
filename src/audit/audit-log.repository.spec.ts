import { DataSource } from 'typeorm';
import { createTestDatabase } from '../../test/support/database';
import { AuditLogRepository } from './audit-log.repository';

/** The chain verifier on a real PostgreSQL with the real migrations, over more rows than one page. */
describe('audit log verification on PostgreSQL', () => {
  const ROWS = 12_345;
  let dataSource: DataSource;
  let audit: AuditLogRepository;

  beforeAll(async () => {
    const { url } = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url }).initialize();
    audit = new AuditLogRepository(dataSource);
    await dataSource.transaction(async (em) => {
      for (let i = 1; i <= ROWS; i++) {
        await audit.append(em, {
          actorType: 'staff',
          actorId: `canbo.${i % 7}`,
          action: 'dossier.receive',
          entityType: 'dossier',
          entityId: `hs-${i}`,
          data: { n: i, note: 'Tiếp nhận hồ sơ' },
        });
      }
    });
  });
  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('reports an intact chain of thousands of rows as intact, counting every row', async () => {
    expect(await audit.verify()).toEqual({ ok: true, rows: ROWS });
  });

  it('names the tampered row in the middle of the chain, not the tenth one', async () => {
    const { 0: middle } = await dataSource.query(
      `SELECT id::text AS id FROM audit_log ORDER BY audit_log.id OFFSET $1 LIMIT 1`,
      [Math.floor(ROWS / 2)],
    );
    await dataSource.transaction(async (em) => {
      await em.query(`SET LOCAL session_replication_role = replica`);
      await em.query(`UPDATE audit_log SET data = data || '{"note":"sửa trộm"}' WHERE id = $1`, [middle.id]);
    });
    expect(await audit.verify()).toEqual({
      ok: false,
      rows: Math.floor(ROWS / 2) + 1,
      brokenAt: middle.id,
      problem: 'content does not match its hash',
    });
  });
});
