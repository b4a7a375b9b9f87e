import { Global, Logger, Module } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { DataAccessLog1764150000000 } from '../../migrations/1764150000000-data-access-log';
import { createTestDatabase } from '../../test/support/database';
import { findFreePort } from '../platform/embedded/free-port';
import { DomainError, ErrorCode } from '../platform/errors/domain-error';
import { SandboxDirectory } from '../sandbox/sandbox-directory.service';
import { SandboxFaultInjector } from '../sandbox/sandbox-fault-injector.service';
import { SandboxModule } from '../sandbox/sandbox.module';
import { sandboxRegistryUrls } from '../sandbox/sandbox-registry-urls';
import { RegistriesModule } from './registries.module';
import { DataAccessLogEntity } from './data-access/data-access-log.entity';
import { RegistryReader, RegistryReadContext } from './registry-reader.service';

interface LogRow {
  subject_personal_id: string;
  actor_type: string;
  actor_id: string | null;
  source: string;
  purpose: string;
  request_id: string | null;
}

describe('RegistryReader with real PostgreSQL and the sandbox registries', () => {
  let dataSource: DataSource;
  let app: NestFastifyApplication;
  let reader: RegistryReader;
  let faults: SandboxFaultInjector;
  let directory: SandboxDirectory;

  const citizenCtx: RegistryReadContext = {
    actorType: 'citizen',
    actorId: 'self',
    purpose: 'eligibility_preview',
    requestId: 'req-1',
  };

  function personOf(scenario: string): string {
    const found = directory.residents().find((r) => r.scenario === scenario);
    if (!found) throw new Error(scenario);
    return found.personalId;
  }

  async function rowsFor(personalId: string): Promise<LogRow[]> {
    return dataSource.query(
      `SELECT subject_personal_id, actor_type, actor_id, source, purpose, request_id
         FROM data_access_log WHERE subject_personal_id = $1 ORDER BY id`,
      [personalId],
    );
  }

  beforeAll(async () => {
    Logger.overrideLogger(['error']);
    const { url } = await createTestDatabase();
    dataSource = await new DataSource({
      type: 'postgres',
      url,
      synchronize: false,
      entities: [DataAccessLogEntity],
    }).initialize();

    @Global()
    @Module({ providers: [{ provide: DataSource, useValue: dataSource }], exports: [DataSource] })
    class TestDatabaseModule {}

    const port = await findFreePort();
    const moduleRef = await Test.createTestingModule({
      imports: [
        TestDatabaseModule,
        SandboxModule.forRoot({ today: '2026-11-27' }),
        RegistriesModule.forRoot({
          ...sandboxRegistryUrls(`http://127.0.0.1:${port}`),
          timeoutMs: 1000,
          retries: 1,
          backoffMs: 5,
        }),
      ],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    await app.listen(port, '127.0.0.1');
    reader = app.get(RegistryReader);
    faults = app.get(SandboxFaultInjector);
    directory = app.get(SandboxDirectory);
  });

  afterEach(() => faults.clear());

  afterAll(async () => {
    await app?.close();
    await dataSource?.destroy();
  });

  it('logs one row for a population read, with actor, purpose and request id', async () => {
    const id = personOf('eligible');
    const record = await reader.readPopulation(id, citizenCtx);
    expect(record?.personalId).toBe(id);
    expect(await rowsFor(id)).toEqual([
      {
        subject_personal_id: id,
        actor_type: 'citizen',
        actor_id: 'self',
        source: 'population',
        purpose: 'eligibility_preview',
        request_id: 'req-1',
      },
    ]);
  });

  it('logs a completed read that found no record (the number was still looked up)', async () => {
    const id = personOf('no-record');
    await expect(
      reader.readInsurance(id, { actorType: 'staff', actorId: 'thamdinh.bh', purpose: 'review' }),
    ).resolves.toBeNull();
    expect(await rowsFor(id)).toEqual([
      expect.objectContaining({
        source: 'social_insurance',
        actor_type: 'staff',
        actor_id: 'thamdinh.bh',
        request_id: null,
      }),
    ]);
  });

  it('readBoth logs one row per registry', async () => {
    const id = personOf('gaps');
    const both = await reader.readBoth(id, { actorType: 'portal', actorId: 'dvcqg', purpose: 'filing' });
    expect(both.population?.personalId).toBe(id);
    expect(both.insurance?.personalId).toBe(id);
    expect((await rowsFor(id)).map((r) => r.source).sort()).toEqual(['population', 'social_insurance']);
  });

  it('logs nothing when the registry fails', async () => {
    const id = personOf('exactly-12-months');
    faults.arm('population', { kind: 'error', status: 500 });
    const error = await reader.readPopulation(id, citizenCtx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(ErrorCode.UpstreamUnavailable);
    faults.arm('insurance', { kind: 'malformed' });
    await expect(reader.readInsurance(id, citizenCtx)).rejects.toBeInstanceOf(DomainError);
    expect(await rowsFor(id)).toEqual([]);
  });

  it('readBoth with one registry down logs only the read that succeeded, then fails', async () => {
    const id = personOf('over-144-months');
    faults.arm('insurance', { kind: 'error', status: 503 });
    await expect(reader.readBoth(id, citizenCtx)).rejects.toMatchObject({
      code: ErrorCode.UpstreamUnavailable,
      details: { source: 'social_insurance' },
    });
    expect((await rowsFor(id)).map((r) => r.source)).toEqual(['population']);
  });

  it('refuses an invalid personal ID before any read, with a Vietnamese field error', async () => {
    await expect(reader.readPopulation('07509001234', citizenCtx)).rejects.toMatchObject({
      code: ErrorCode.Validation,
      details: {
        errors: [
          { field: 'personalId', code: 'wrong_length', message: 'Số định danh cá nhân phải gồm đúng 12 chữ số.' },
        ],
      },
    });
    await expect(
      reader.readPopulation(personOf('eligible'), { ...citizenCtx, purpose: 'Bad Purpose' }),
    ).rejects.toThrow(TypeError);
  });

  it('lists a citizen’s access history newest first with Vietnamese labels, honouring the limit', async () => {
    const id = personOf('reserved-months');
    await reader.readPopulation(id, { actorType: 'citizen', actorId: id, purpose: 'prefill' });
    await reader.readInsurance(id, { actorType: 'staff', actorId: 'tiepnhan.bh', purpose: 'review' });
    await dataSource.query(
      `INSERT INTO data_access_log (subject_personal_id, actor_type, source, purpose) VALUES ($1, 'system', 'social_insurance', 'future_purpose')`,
      [id],
    );
    const entries = await reader.listAccessFor(id, { limit: 10 });
    expect(entries.map((e) => [e.source, e.purpose])).toEqual([
      ['social_insurance', 'future_purpose'],
      ['social_insurance', 'review'],
      ['population', 'prefill'],
    ]);
    expect(entries[1]).toMatchObject({
      actorType: 'staff',
      actorTypeLabel: 'Cán bộ tổ chức dịch vụ việc làm công',
      actorId: 'tiepnhan.bh',
      sourceLabel: 'Cơ sở dữ liệu quốc gia về bảo hiểm',
      purposeLabel: 'Thẩm định hồ sơ',
    });
    expect(entries[2]).toMatchObject({
      sourceLabel: 'Cơ sở dữ liệu quốc gia về dân cư',
      purposeLabel: 'Điền sẵn thông tin vào tờ khai',
    });
    expect(entries[0].purposeLabel).toBe('future_purpose');
    expect(entries[0].occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(await reader.listAccessFor(id, { limit: 1 })).toHaveLength(1);
    expect(await reader.listAccessFor('079099999999')).toEqual([]);
  });

  it('keeps the log append-only', async () => {
    const id = personOf('state-salary');
    await reader.readPopulation(id, citizenCtx);
    await expect(
      dataSource.query(`UPDATE data_access_log SET purpose = 'x' WHERE subject_personal_id = $1`, [id]),
    ).rejects.toThrow(/append-only/);
  });

  it('has a reversible migration', async () => {
    const runner = dataSource.createQueryRunner();
    try {
      const migration = new DataAccessLog1764150000000();
      await migration.down(runner);
      expect(await runner.hasTable('data_access_log')).toBe(false);
      await migration.up(runner);
      expect(await runner.hasTable('data_access_log')).toBe(true);
      const [{ indexdef }] = await runner.query(
        `SELECT indexdef FROM pg_indexes WHERE indexname = 'data_access_log_subject_idx'`,
      );
      expect(indexdef).toMatch(/\(subject_personal_id, occurred_at DESC\)/);
    } finally {
      await runner.release();
    }
  });
});
