import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { IsInt, IsString, Min } from 'class-validator';
import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';
import { Public } from '../../src/platform/http/access-policy';

class EchoDto {
  @IsString()
  name: string;

  @IsInt()
  @Min(1)
  count: number;
}

@Public()
@Controller('test-only')
class ProbeController {
  @Post('echo')
  echo(@Body() body: EchoDto) {
    return body;
  }

  @Get('boom')
  boom() {
    throw new Error('secret internals: password=hunter2 at /srv/app.ts:42');
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('platform over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, [ProbeModule]);
  });
  afterAll(() => t.close());

  const problemJson = /^application\/problem\+json/;

  it('is live and ready with database and object store up', async () => {
    await request(t.baseUrl).get('/health/live').expect(200, { status: 'ok' });
    const ready = await request(t.baseUrl).get('/health/ready').expect(200);
    expect(ready.body.checks).toEqual({ database: 'up', objectStore: 'up' });
  });

  it('echoes a request id, or makes one', async () => {
    const echoed = await request(t.baseUrl).get('/health/live').set('X-Request-Id', 'abc-123');
    expect(echoed.headers['x-request-id']).toBe('abc-123');
    const made = await request(t.baseUrl).get('/health/live');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers malformed JSON with 400 problem+json naming the body', async () => {
    const res = await request(t.baseUrl)
      .post('/test-only/echo')
      .set('content-type', 'application/json')
      .send('{"name": ');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(problemJson);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'body', code: 'invalid_json' })]);
  });

  it('answers an unknown field with 400 naming it', async () => {
    const res = await request(t.baseUrl).post('/test-only/echo').send({ name: 'An', count: 1, admin: true });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { field: 'admin', code: 'unknown_field', message: 'Trường này không được chấp nhận.' },
    ]);
  });

  it('refuses keys that name Object.prototype members instead of treating them as known fields', async () => {
    const res = await request(t.baseUrl)
      .post('/test-only/echo')
      .set('content-type', 'application/json')
      .send('{"name":"An","count":1,"constructor":" ","toString":"x","prototype":null,"nested":{"prototype":1}}');
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'constructor',
      'nested.prototype',
      'prototype',
      'toString',
    ]);
    const poisoned = await request(t.baseUrl)
      .post('/test-only/echo')
      .set('content-type', 'application/json')
      .send('{"name":"An","count":1,"__proto__":{"isAdmin":true}}');
    expect(poisoned.status).toBe(400);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('answers a wrong type with 400 naming the field in Vietnamese', async () => {
    const res = await request(t.baseUrl).post('/test-only/echo').send({ name: 'An', count: 'many' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(problemJson);
    expect(res.body).toMatchObject({ status: 400, title: 'Dữ liệu không hợp lệ' });
    expect(res.body.errors).toContainEqual({
      field: 'count',
      code: 'invalid_type',
      message: 'Giá trị phải là số nguyên.',
    });
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const res = await request(t.baseUrl).get('/api/v1/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(problemJson);
    expect(res.body).toMatchObject({ status: 404, code: 'not_found', instance: '/api/v1/no-such-thing' });
  });

  it('answers an unexpected exception with a generic 500 carrying the request id and no internals', async () => {
    const res = await request(t.baseUrl).get('/test-only/boom').set('X-Request-Id', 'req-500');
    expect(res.status).toBe(500);
    expect(res.headers['content-type']).toMatch(problemJson);
    expect(res.body).toMatchObject({ status: 500, requestId: 'req-500' });
    expect(JSON.stringify(res.body)).not.toMatch(/hunter2|secret|app\.ts|stack/);
  });

  it('answers an over-long path parameter, oversized headers and a multipart body on a JSON route with problem+json', async () => {
    const long = await request(t.baseUrl).get(`/api/v1/dossiers/${'a'.repeat(300)}`);
    expect(long.status).toBe(414);
    expect(long.headers['content-type']).toMatch(problemJson);
    const headers = await fetch(`${t.baseUrl}/health/live`, { headers: { 'x-big': 'x'.repeat(20000) } });
    expect(headers.status).toBe(431);
    expect(headers.headers.get('content-type')).toMatch(problemJson);
    const multipart = await request(t.baseUrl).post('/test-only/echo').field('name', 'An').field('count', '1');
    expect(multipart.status).toBe(415);
    expect(multipart.headers['content-type']).toMatch(problemJson);
  });

  it('serves security headers', async () => {
    const res = await request(t.baseUrl).get('/health/live');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('serves Prometheus metrics with latency by route', async () => {
    await request(t.baseUrl).get('/health/live');
    const res = await request(t.baseUrl).get('/metrics').expect(200);
    expect(res.text).toMatch(/http_request_duration_seconds_bucket\{.*route="\/health\/live"/);
  });

  it('serves a valid OpenAPI 3 document', async () => {
    const res = await request(t.baseUrl).get('/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(res.body.info.title).toBeTruthy();
    expect(res.body.paths['/health/ready']).toBeDefined();
  });
});
