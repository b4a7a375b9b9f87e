import { DataSource } from 'typeorm';
import { createTestDatabase } from '../../test/support/database';
import { addDays, todayInVietnam } from '../calendar/iso-date';
import { DomainError, ErrorCode } from '../platform/errors/domain-error';
import { DEFAULT_LEGAL_PARAMETERS } from './domain/default-legal-parameters';
import { LegalParameterEntity } from './legal-parameter.entity';
import { LegalRulesRepository } from './legal-rules.repository';

describe('LegalRulesRepository (PostgreSQL, real migrations)', () => {
  let dataSource: DataSource;
  let repository: LegalRulesRepository;

  beforeAll(async () => {
    const { url } = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url, entities: [LegalParameterEntity] }).initialize();
    repository = new LegalRulesRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('loads exactly the seeded default rows', async () => {
    const stored = await repository.listParameters();
    const plain = stored.map(({ key, zone, value, effectiveFrom, legalBasis }) => ({
      key,
      zone,
      value,
      effectiveFrom,
      legalBasis,
    }));
    const byId = (r: { key: string; zone: string | null; effectiveFrom: string }) =>
      `${r.key}#${r.zone}#${r.effectiveFrom}`;
    expect(plain.sort((a, b) => byId(a).localeCompare(byId(b)))).toEqual(
      [...DEFAULT_LEGAL_PARAMETERS].sort((a, b) => byId(a).localeCompare(byId(b))),
    );
    expect(stored.every((r) => r.createdBy === 'system')).toBe(true);

    const rules = await repository.loadRules();
    expect(rules.valueAt('regional_minimum_wage', '2026-01-01', 'I').value).toBe(5_310_000);
    expect(rules.valueAt('base_salary', '2026-07-01').value).toBe(2_530_000);
    expect(rules.valueAt('base_salary', '2026-07-01').row.legalBasis).toBe(
      'Nghị định 161/2026/NĐ-CP (mức lương cơ sở)',
    );
    expect(rules.valueAt('vn2025.entitlement_start_working_day', '2026-01-01').value).toBe(11);
  });

  it('picks a freshly added future row only from its date', async () => {
    const effectiveFrom = addDays(todayInVietnam(), 40);
    const stored = await repository.addParameter(
      { key: 'regional_minimum_wage', zone: 'II', value: 5_500_000, effectiveFrom, legalBasis: 'Nghị định thử nghiệm' },
      'admin.hanoi',
    );
    expect(stored).toMatchObject({ value: 5_500_000, effectiveFrom, createdBy: 'admin.hanoi' });
    // What the insert returns is the stored row (id and created_at set by the database), and the list keeps the order
    // key, zone (none first), effective date.
    const listed = await repository.listParameters();
    expect(listed.find((p) => p.id === stored.id)).toEqual(stored);
    expect(stored.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const order = listed.map((p) => [p.key, p.zone ?? '', p.effectiveFrom]);
    const byParts = (a: string[], b: string[]) =>
      a.map((x, i) => (x < b[i] ? -1 : x > b[i] ? 1 : 0)).find((c) => c) ?? 0;
    expect(order).toEqual([...order].sort(byParts));

    const rules = await repository.loadRules();
    expect(rules.valueAt('regional_minimum_wage', addDays(effectiveFrom, -1), 'II').value).toBe(4_730_000);
    expect(rules.valueAt('regional_minimum_wage', effectiveFrom, 'II').value).toBe(5_500_000);
    expect(rules.valueAt('regional_minimum_wage', effectiveFrom, 'I').value).toBe(5_310_000);
  });

  it('refuses a row effective today or earlier, naming effectiveFrom', async () => {
    const today = todayInVietnam();
    for (const effectiveFrom of [today, '2026-01-01']) {
      const attempt = repository.addParameter(
        { key: 'base_salary', zone: null, value: 3_000_000, effectiveFrom, legalBasis: 'Nghị định thử nghiệm' },
        'admin.hanoi',
      );
      await expect(attempt).rejects.toBeInstanceOf(DomainError);
      await expect(attempt).rejects.toMatchObject({
        code: ErrorCode.Validation,
        details: { errors: [expect.objectContaining({ field: 'effectiveFrom', code: 'not_in_future' })] },
      });
    }
  });

  it('refuses unknown keys, a missing zone and duplicates', async () => {
    const effectiveFrom = addDays(todayInVietnam(), 60);
    await expect(
      repository.addParameter({ key: 'bonus', zone: null, value: 1, effectiveFrom, legalBasis: 'x' }, 'admin'),
    ).rejects.toMatchObject({ details: { errors: [expect.objectContaining({ field: 'key' })] } });
    await expect(
      repository.addParameter(
        { key: 'regional_minimum_wage', zone: null, value: 1, effectiveFrom, legalBasis: 'x' },
        'admin',
      ),
    ).rejects.toMatchObject({ details: { errors: [expect.objectContaining({ field: 'zone' })] } });
    const row = { key: 'base_salary', zone: null, value: 2_800_000, effectiveFrom, legalBasis: 'Nghị định thử nghiệm' };
    await repository.addParameter(row, 'admin');
    await expect(repository.addParameter(row, 'admin')).rejects.toMatchObject({ code: ErrorCode.Conflict });
  });
});
