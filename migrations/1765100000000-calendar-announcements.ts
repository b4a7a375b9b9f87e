import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The working calendar records which years the Government has announced, and 2026 gets its January swap.
 * - `working_calendar_year`: one row per announced year with the document that announced it (number and date);
 *   a year without a row, or with status 'projected', is an estimate derived from Bộ luật Lao động 2019
 *   (Điều 112 holidays, Điều 111 khoản 3 substitutes) and every date computed from it is shown as "dự kiến".
 *   Seeded: 2020–2026 announced (shipped from the announcements), 2027–2030 projected.
 * - 2026: Friday 02/01 off and Saturday 10/01 worked (VB 12729/VPCP-KGVX of 25/12/2025). A day an administrator
 *   already set is left as it is.
 * - The base salary of 2,530,000 from 2026-07-01 cites its decree, Nghị định 161/2026/NĐ-CP (the shipped row only
 *   said the number was to be confirmed; the value is unchanged).
 */
export class CalendarAnnouncements1765100000000 implements MigrationInterface {
  name = 'CalendarAnnouncements1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE working_calendar_year (
        year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2200),
        status text NOT NULL CHECK (status IN ('announced', 'projected')),
        document_number text NULL,
        document_date date NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text NOT NULL
      )
    `);
    await queryRunner.query(`
      INSERT INTO working_calendar_year (year, status, document_number, document_date, updated_by) VALUES
        (2020, 'announced', NULL, NULL, 'system'),
        (2021, 'announced', NULL, NULL, 'system'),
        (2022, 'announced', NULL, NULL, 'system'),
        (2023, 'announced', NULL, NULL, 'system'),
        (2024, 'announced', NULL, NULL, 'system'),
        (2025, 'announced', NULL, NULL, 'system'),
        (2026, 'announced', 'VB 12729/VPCP-KGVX', '2025-12-25', 'system'),
        (2027, 'projected', NULL, NULL, 'system'),
        (2028, 'projected', NULL, NULL, 'system'),
        (2029, 'projected', NULL, NULL, 'system'),
        (2030, 'projected', NULL, NULL, 'system')
    `);
    await queryRunner.query(`
      INSERT INTO working_calendar_day (date, kind, name, source, updated_by) VALUES
        ('2026-01-02', 'holiday', 'Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026)', 'shipped', 'system'),
        ('2026-01-10', 'working', 'Làm bù cho ngày nghỉ hoán đổi 02/01/2026', 'shipped', 'system')
      ON CONFLICT (date) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, updated_at = now()
        WHERE working_calendar_day.source = 'shipped'
    `);
    await queryRunner.query(`
      UPDATE legal_parameter SET legal_basis = 'Nghị định 161/2026/NĐ-CP (mức lương cơ sở)'
      WHERE key = 'base_salary' AND zone IS NULL AND effective_from = '2026-07-01' AND created_by = 'system'
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE legal_parameter
      SET legal_basis = 'Mức lương cơ sở từ 01/7/2026 (số hiệu văn bản cần quản trị viên xác nhận)'
      WHERE key = 'base_salary' AND zone IS NULL AND effective_from = '2026-07-01' AND created_by = 'system'
    `);
    await queryRunner.query(
      `DELETE FROM working_calendar_day WHERE date IN ('2026-01-02', '2026-01-10') AND source = 'shipped'`,
    );
    await queryRunner.query(`DROP TABLE working_calendar_year`);
  }
}
