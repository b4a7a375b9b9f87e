import { Logger } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { findFreePort } from '../platform/embedded/free-port';
import { DomainError, ErrorCode } from '../platform/errors/domain-error';
import { SandboxDirectory } from '../sandbox/sandbox-directory.service';
import { SandboxFaultInjector } from '../sandbox/sandbox-fault-injector.service';
import { SandboxModule } from '../sandbox/sandbox.module';
import { sandboxRegistryUrls } from '../sandbox/sandbox-registry-urls';
import { RegistryHttpOptions } from './http/registry-http-client';
import { HttpPopulationRegistryAdapter } from './population/http-population-registry.adapter';
import { HttpSocialInsuranceRegistryAdapter } from './social-insurance/http-social-insurance-registry.adapter';

const TODAY = '2026-11-27';

describe('production registry adapters against the sandbox registries over HTTP', () => {
  let app: NestFastifyApplication;
  let baseUrl: string;
  let faults: SandboxFaultInjector;
  let directory: SandboxDirectory;
  const adapters: { onModuleDestroy(): void }[] = [];

  function population(overrides: Partial<RegistryHttpOptions> = {}) {
    const adapter = new HttpPopulationRegistryAdapter({
      baseUrl: sandboxRegistryUrls(baseUrl).populationUrl,
      timeoutMs: 1000,
      retries: 2,
      backoffMs: 5,
      ...overrides,
    });
    adapters.push(adapter);
    return adapter;
  }

  function insurance(overrides: Partial<RegistryHttpOptions> = {}) {
    const adapter = new HttpSocialInsuranceRegistryAdapter({
      baseUrl: sandboxRegistryUrls(baseUrl).insuranceUrl,
      timeoutMs: 1000,
      retries: 2,
      backoffMs: 5,
      ...overrides,
    });
    adapters.push(adapter);
    return adapter;
  }

  function resident(scenario: string) {
    const found = directory.residents().find((r) => r.scenario === scenario);
    if (!found) throw new Error(`no ${scenario} resident`);
    return found;
  }

  async function upstreamError(promise: Promise<unknown>): Promise<DomainError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(ErrorCode.UpstreamUnavailable);
    return error as DomainError;
  }

  beforeAll(async () => {
    Logger.overrideLogger(['error']);
    const moduleRef = await Test.createTestingModule({ imports: [SandboxModule.forRoot({ today: TODAY })] }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
    faults = app.get(SandboxFaultInjector);
    directory = app.get(SandboxDirectory);
  });

  afterEach(() => faults.clear());

  afterAll(async () => {
    for (const adapter of adapters) adapter.onModuleDestroy();
    await app.close();
  });

  describe('the contract', () => {
    it('reads a citizen: the same record the sandbox holds', async () => {
      const r = resident('eligible');
      await expect(population().findByPersonalId(r.personalId)).resolves.toEqual(r.population);
    });

    it('reads an insured person', async () => {
      const r = resident('gaps');
      await expect(insurance().findByPersonalId(r.personalId)).resolves.toEqual(r.insurance);
    });

    it('maps 404 to null: unknown person, and a resident without a social-insurance record', async () => {
      await expect(population().findByPersonalId('079099999999')).resolves.toBeNull();
      const noRecord = resident('no-record');
      await expect(population().findByPersonalId(noRecord.personalId)).resolves.not.toBeNull();
      await expect(insurance().findByPersonalId(noRecord.personalId)).resolves.toBeNull();
    });

    it('serves X-Sandbox: true, echoes X-Request-Id, and answers 404 as problem+json', async () => {
      const r = resident('eligible');
      const ok = await fetch(`${baseUrl}/sandbox/population/v1/citizens/${r.personalId}`, {
        headers: { 'x-request-id': 'req-123', authorization: 'Bearer anything' },
      });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('x-sandbox')).toBe('true');
      expect(ok.headers.get('x-request-id')).toBe('req-123');
      const missing = await fetch(`${baseUrl}/sandbox/insurance/v1/insured/079099999999`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('x-sandbox')).toBe('true');
      expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await missing.json()).toMatchObject({ status: 404 });
    });

    it('lists residents and staff for scripts, labelled as sandbox', async () => {
      const residents = await fetch(`${baseUrl}/sandbox/residents`);
      expect(residents.headers.get('x-sandbox')).toBe('true');
      const list = (await residents.json()) as Record<string, unknown>[];
      expect(list.length).toBeGreaterThanOrEqual(50);
      expect(list[0]).toEqual(
        expect.objectContaining({
          personalId: expect.stringMatching(/^\d{12}$/),
          fullName: expect.any(String),
          scenario: expect.any(String),
          suggestedTerminationDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        }),
      );
      const staff = await fetch(`${baseUrl}/sandbox/staff`);
      expect(staff.headers.get('x-sandbox')).toBe('true');
      expect(await staff.json()).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ username: 'tiepnhan.bh', role: 'receiver', centerCode: 'DNA-BH' }),
          expect.objectContaining({ role: 'director', centerCode: null }),
        ]),
      );
    });

    it('arms faults over HTTP and validates the request', async () => {
      const bad = await fetch(`${baseUrl}/sandbox/faults/population`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'explode' }),
      });
      expect(bad.status).toBe(400);
      const badTarget = await fetch(`${baseUrl}/sandbox/faults/tax`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'error' }),
      });
      expect(badTarget.status).toBe(400);
      const armed = await fetch(`${baseUrl}/sandbox/faults/population`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'error', status: 503, times: 1 }),
      });
      expect(armed.status).toBe(204);
      const hit = await fetch(`${baseUrl}/sandbox/population/v1/citizens/${resident('eligible').personalId}`);
      expect(hit.status).toBe(503);
      expect(hit.headers.get('x-sandbox')).toBe('true');
      expect((await fetch(`${baseUrl}/sandbox/faults`, { method: 'DELETE' })).status).toBe(204);
    });
  });

  describe('failures', () => {
    it('a stopped upstream (closed port) is an upstream error after the retries', async () => {
      const port = await findFreePort();
      const adapter = population({ baseUrl: `http://127.0.0.1:${port}/sandbox/population`, retries: 1 });
      const error = await upstreamError(adapter.findByPersonalId(resident('eligible').personalId));
      expect(error.message).toBe(
        'Hệ thống Cơ sở dữ liệu quốc gia về dân cư tạm thời không phản hồi, vui lòng thử lại sau.',
      );
      expect(error.details).toMatchObject({ source: 'population', reason: 'network', attempts: 2 });
    });

    it('a slow upstream times out per attempt', async () => {
      faults.arm('population', { kind: 'slow', delayMs: 1500 });
      const started = Date.now();
      const error = await upstreamError(
        population({ timeoutMs: 150, retries: 1 }).findByPersonalId(resident('eligible').personalId),
      );
      expect(error.details).toMatchObject({ source: 'population', reason: 'timeout', attempts: 2 });
      expect(Date.now() - started).toBeLessThan(1000);
    });

    it('a 500 then a 200: the retry succeeds', async () => {
      const r = resident('exactly-12-months');
      faults.arm('insurance', { kind: 'error', status: 500, times: 1 });
      await expect(insurance().findByPersonalId(r.personalId)).resolves.toEqual(r.insurance);
      expect(faults.take('insurance')).toBeUndefined();
    });

    it('persistent 5xx: an upstream error with the status, after every attempt', async () => {
      faults.arm('insurance', { kind: 'error', status: 502 });
      const error = await upstreamError(insurance({ retries: 2 }).findByPersonalId(resident('eligible').personalId));
      expect(error.message).toBe(
        'Hệ thống Cơ sở dữ liệu quốc gia về bảo hiểm tạm thời không phản hồi, vui lòng thử lại sau.',
      );
      expect(error.details).toMatchObject({
        source: 'social_insurance',
        reason: 'http_status',
        status: 502,
        attempts: 3,
      });
    });

    it('a 4xx other than 404 is not retried', async () => {
      faults.arm('population', { kind: 'error', status: 401, times: 1 });
      const error = await upstreamError(population().findByPersonalId(resident('eligible').personalId));
      expect(error.details).toMatchObject({ reason: 'http_status', status: 401, attempts: 1 });
    });

    it('malformed JSON is an upstream error, not retried', async () => {
      faults.arm('population', { kind: 'malformed', times: 1 });
      const error = await upstreamError(population().findByPersonalId(resident('eligible').personalId));
      expect(error.details).toMatchObject({ reason: 'malformed_response', attempts: 1 });
    });

    it('JSON of the wrong shape is an upstream error naming the fields', async () => {
      faults.arm('insurance', { kind: 'wrong-shape', times: 1 });
      const error = await upstreamError(insurance().findByPersonalId(resident('eligible').personalId));
      expect(error.details).toMatchObject({ reason: 'malformed_response' });
      expect(error.details.problems).toEqual(expect.arrayContaining(['$.contributions: expected an array']));
    });

    it("another person's record is refused", async () => {
      faults.arm('population', { kind: 'wrong-person', times: 1 });
      const error = await upstreamError(population().findByPersonalId(resident('gaps').personalId));
      expect(error.details).toMatchObject({ reason: 'identity_mismatch' });
    });

    it('the circuit opens after repeated failures and then fails fast, without calling the registry', async () => {
      const adapter = population({
        retries: 0,
        circuit: { volumeThreshold: 2, errorThresholdPercentage: 50, resetTimeoutMs: 60_000 },
      });
      const id = resident('eligible').personalId;
      faults.arm('population', { kind: 'error', status: 500 });
      await upstreamError(adapter.findByPersonalId(id));
      await upstreamError(adapter.findByPersonalId(id));
      expect(adapter.circuitOpen).toBe(true);
      faults.arm('population', { kind: 'error', status: 500, times: 1 });
      const error = await upstreamError(adapter.findByPersonalId(id));
      expect(error.details).toMatchObject({ source: 'population', reason: 'circuit_open' });
      expect(faults.take('population')).toBeDefined(); // the armed fault was never reached
    });

    it('404s never open the circuit', async () => {
      const adapter = population({ retries: 0, circuit: { volumeThreshold: 2 } });
      for (let i = 0; i < 5; i++) await expect(adapter.findByPersonalId('079099999999')).resolves.toBeNull();
      expect(adapter.circuitOpen).toBe(false);
    });
  });
});
