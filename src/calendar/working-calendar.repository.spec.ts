import { DataSource } from 'typeorm';
import { createTestDatabase } from '../../test/support/database';
import { DomainError } from '../platform/errors/domain-error';
import { shippedCalendar } from './shipped-calendar';
import { WorkingCalendarRepository } from './working-calendar.repository';
import { WorkingCalendarDayEntity } from './working-calendar-day.entity';
import { WorkingCalendarYearEntity } from './working-calendar-year.entity';

describe('WorkingCalendarRepository (PostgreSQL, real migrations)', () => {
  let dataSource: DataSource;
  let repository: WorkingCalendarRepository;

  beforeAll(async () => {
    const { url } = await createTestDatabase();
    dataSource = await new DataSource({
      type: 'postgres',
      url,
      entities: [WorkingCalendarDayEntity, WorkingCalendarYearEntity],
    }).initialize();
    repository = new WorkingCalendarRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('loads exactly the shipped calendar', async () => {
    const calendar = await repository.loadCalendar();
    expect(calendar.overrides()).toEqual(shippedCalendar());
    expect(calendar.isWorkingDay('2026-08-22')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-17')).toBe(false);
    const days = await repository.listDays('2026-01-01', '2026-12-31');
    expect(days).toHaveLength(15);
    expect(days.every((d) => d.source === 'shipped')).toBe(true);
  });

  it('holds the 2026 January swap and marks unannounced years projected (VB 12729/VPCP-KGVX, 25/12/2025)', async () => {
    const calendar = await repository.loadCalendar();
    expect([calendar.isWorkingDay('2026-01-02'), calendar.isWorkingDay('2026-01-10')]).toEqual([false, true]);
    expect([2025, 2026, 2027, 2030, 2031].map((y) => calendar.isProjectedYear(y))).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
    const years = await repository.listYears();
    expect(years.find((y) => y.year === 2026)).toMatchObject({
      status: 'announced',
      documentNumber: 'VB 12729/VPCP-KGVX',
      documentDate: '2025-12-25',
    });
  });

  it('imports an announced year: replaces its days, records the document, refuses bad days before writing', async () => {
    const bad = repository.importYear(
      2029,
      {
        documentNumber: 'TB 1/2028',
        documentDate: '2028-12-01',
        days: [
          { date: '2029-02-12', kind: 'holiday', name: 'Tết' },
          { date: '2029-02-12', kind: 'holiday', name: 'Tết' },
          { date: '2030-01-01', kind: 'holiday', name: 'Năm khác' },
          { date: '2029-02-13', kind: 'working', name: 'Thứ Ba' },
        ],
      },
      'admin.hcm',
    );
    await expect(bad).rejects.toMatchObject({
      details: {
        errors: [
          expect.objectContaining({ field: 'days.1.date', code: 'duplicate_date' }),
          expect.objectContaining({ field: 'days.2.date', code: 'invalid_date' }),
          expect.objectContaining({ field: 'days.3.kind', code: 'weekday_working' }),
        ],
      },
    });
    expect((await repository.loadCalendar()).isProjectedYear(2029)).toBe(true);
    const imported = await repository.importYear(
      2029,
      {
        documentNumber: 'Thông báo 1234/TB-BNV',
        documentDate: '2028-12-01',
        days: [
          { date: '2029-01-01', kind: 'holiday', name: 'Tết Dương lịch' },
          { date: '2029-02-17', kind: 'working', name: 'Làm bù' },
        ],
      },
      'admin.hcm',
    );
    expect(imported.year).toMatchObject({ year: 2029, status: 'announced', documentNumber: 'Thông báo 1234/TB-BNV' });
    const listed = await repository.listDays('2029-01-01', '2029-12-31');
    expect(listed.map((d) => [d.date, d.kind, d.source])).toEqual([
      ['2029-01-01', 'holiday', 'admin'],
      ['2029-02-17', 'working', 'admin'],
    ]);
    // What the import returns is what is stored, the database's timestamp included.
    expect(imported.days).toEqual(listed);
    expect(imported.days[0]).toMatchObject({ name: 'Tết Dương lịch', updatedBy: 'admin.hcm' });
    expect(imported.days[0].updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(await repository.listDays('2029-02-17')).toEqual([listed[1], ...(await repository.listDays('2029-02-18'))]);
    expect(await repository.listDays(undefined, '2029-01-01')).toContainEqual(listed[0]);
    expect((await repository.loadCalendar()).isProjectedYear(2029)).toBe(false);
  });

  it('lets an administrator change a day, recorded as an admin edit', async () => {
    const stored = await repository.setDay('2027-02-12', 'holiday', 'Nghỉ Tết bổ sung theo thông báo', 'admin.hcm');
    expect(stored).toMatchObject({ date: '2027-02-12', kind: 'holiday', source: 'admin', updatedBy: 'admin.hcm' });
    await repository.setDay('2026-08-22', 'holiday', 'Hủy làm bù', 'admin.hcm');
    const calendar = await repository.loadCalendar();
    expect(calendar.isWorkingDay('2027-02-12')).toBe(false);
    expect(calendar.isWorkingDay('2026-08-22')).toBe(false);
    const [changed] = await repository.listDays('2026-08-22', '2026-08-22');
    expect(changed).toMatchObject({ kind: 'holiday', name: 'Hủy làm bù', source: 'admin' });
  });

  it('rejects malformed days', async () => {
    await expect(repository.setDay('2027-02-30', 'holiday', 'x', 'admin')).rejects.toBeInstanceOf(DomainError);
    await expect(repository.setDay('2027-02-10', 'holiday', ' ', 'admin')).rejects.toMatchObject({
      details: { errors: [expect.objectContaining({ field: 'name' })] },
    });
  });
});
