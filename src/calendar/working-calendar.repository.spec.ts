import { DataSource } from 'typeorm';
import { createTestDatabase } from '../../test/support/database';
import { DomainError } from '../platform/errors/domain-error';
import { shippedCalendar } from './shipped-calendar';
import { WorkingCalendarRepository } from './working-calendar.repository';

describe('WorkingCalendarRepository (PostgreSQL, real migrations)', () => {
  let dataSource: DataSource;
  let repository: WorkingCalendarRepository;

  beforeAll(async () => {
    const { url } = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url }).initialize();
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
    expect(days).toHaveLength(13);
    expect(days.every((d) => d.source === 'shipped')).toBe(true);
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
