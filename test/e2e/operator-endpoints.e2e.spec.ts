import request from 'supertest';
import { productionEnv } from '../support/production-env';
import { startTestApp, TestApp } from '../support/test-app';
import { auth, staffBearer } from '../support/tokens';

const METRICS_TOKEN = 'prometheus-scrape-token-0123456789abcdef';

describe('/metrics and /docs are not public', () => {
  describe('sandbox mode with METRICS_TOKEN set', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ METRICS_TOKEN, DOCUMENT_WORKER: 'off' });
    });
    afterAll(() => t.close());

    it('refuses /metrics without the token or with another one (401 problem+json)', async () => {
      for (const header of [undefined, 'Bearer wrong-token', `Basic ${METRICS_TOKEN}`, METRICS_TOKEN]) {
        const req = request(t.baseUrl).get('/metrics');
        const res = await (header ? req.set('Authorization', header) : req);
        expect(res.status).toBe(401);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.text).not.toContain('http_request_duration_seconds');
      }
    });

    it('serves /metrics to the bearer of METRICS_TOKEN', async () => {
      const res = await request(t.baseUrl).get('/metrics').set(auth(METRICS_TOKEN)).expect(200);
      expect(res.text).toContain('http_request_duration_seconds');
    });

    it('publishes the API documentation in sandbox mode', async () => {
      const res = await request(t.baseUrl).get('/docs-json').expect(200);
      expect(res.body.openapi).toMatch(/^3\./);
    });
  });

  describe('SANDBOX=off without METRICS_TOKEN', () => {
    let t: TestApp;
    let production: Awaited<ReturnType<typeof productionEnv>>;
    beforeAll(async () => {
      production = await productionEnv();
      t = await startTestApp({ ...production.env, DOCUMENT_WORKER: 'off' });
    });
    afterAll(async () => {
      await t?.close();
      await production?.stop();
    });

    it.each(['/metrics', '/docs', '/docs/', '/docs-json', '/docs/static/index.html'])('serves no %s', async (path) => {
      const res = await request(t.baseUrl).get(path);
      expect(res.status).toBe(404);
      expect(res.text).not.toMatch(/http_request_duration_seconds|"openapi"|swagger/i);
    });

    it('gives the OpenAPI document to an administrator only', async () => {
      const admin = await staffBearer(t, 'quantri.that', 'admin', null);
      const res = await request(t.baseUrl).get('/api/v1/admin/openapi.json').set(auth(admin)).expect(200);
      expect(res.body.openapi).toMatch(/^3\./);
      expect(res.body.paths['/api/v1/dossiers']).toBeDefined();
      const director = await staffBearer(t, 'giamdoc.that', 'director', null);
      await request(t.baseUrl).get('/api/v1/admin/openapi.json').set(auth(director)).expect(403);
      await request(t.baseUrl).get('/api/v1/admin/openapi.json').expect(401);
    });
  });
});
