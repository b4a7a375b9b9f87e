import { get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/test-app';

/** One raw GET (no automatic decompression), for what goes over the wire. */
function raw(baseUrl: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      get(baseUrl + path, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      }).on('error', reject);
    },
  );
}

const SITE_CSS = readFileSync(join(__dirname, '..', '..', 'templates', 'web', 'assets', 'css', 'site.css'));

/** Pages on a slow line: compressed text, fingerprinted assets cached for good, the old unversioned path revalidated. */
describe('web delivery', () => {
  let app: TestApp;
  let plain: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
    plain = await startTestApp({ HTTP_COMPRESSION: 'off' });
  });
  afterAll(async () => {
    await app?.close();
    await plain?.close();
  });

  async function stylesheetOf(t: TestApp, page: string) {
    const html = (await raw(t.baseUrl, page)).body.toString('utf8');
    const css = /<link rel="stylesheet" href="([^"]+)">/.exec(html)?.[1];
    const script = /<script type="module" src="([^"]+)">/.exec(html)?.[1];
    return { css: css!, script };
  }

  it('pages link the assets under one fingerprint, cached for a year without revalidation', async () => {
    const { css, script } = await stylesheetOf(app, '/ho-so/nop');
    expect(css).toMatch(/^\/assets\/v-[0-9a-f]{12}\/css\/site\.css$/);
    expect(script).toBe(css.replace('css/site.css', 'js/pages/apply.js'));
    const res = await raw(app.baseUrl, css);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.body.equals(SITE_CSS)).toBe(true);
    // A relative import of a page script resolves under the same fingerprint.
    const lib = await raw(app.baseUrl, css.replace('css/site.css', 'js/lib/api.js'));
    expect(lib.status).toBe(200);
    expect(lib.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('the unversioned path and another deployment’s fingerprint are revalidated, an unknown asset is 404', async () => {
    const { css } = await stylesheetOf(app, '/');
    for (const path of ['/assets/css/site.css', css.replace(/v-[0-9a-f]{12}/, 'v-000000000000')]) {
      const res = await raw(app.baseUrl, path);
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=300, must-revalidate');
      expect(res.body.equals(SITE_CSS)).toBe(true);
    }
    expect((await raw(app.baseUrl, css.replace('site.css', 'nope.css'))).status).toBe(404);
    expect((await raw(app.baseUrl, '/assets/v-zzzzzzzzzzzz/css/site.css')).status).toBe(404);
  });

  it('sends brotli or gzip to a browser that accepts it, the same bytes once decoded', async () => {
    const { css } = await stylesheetOf(app, '/');
    const br = await raw(app.baseUrl, css, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.body).equals(SITE_CSS)).toBe(true);
    expect(br.body.length).toBeLessThan(SITE_CSS.length / 3);
    const gz = await raw(app.baseUrl, css, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(SITE_CSS)).toBe(true);
    const none = await raw(app.baseUrl, css, { 'accept-encoding': 'br;q=0, identity' });
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.body.equals(SITE_CSS)).toBe(true);

    const page = await raw(app.baseUrl, '/ho-so/nop', { 'accept-encoding': 'br' });
    expect(page.headers['content-encoding']).toBe('br');
    const html = brotliDecompressSync(page.body).toString('utf8');
    expect(html).toContain('Nộp hồ sơ hưởng trợ cấp thất nghiệp');
    expect(html).toEqual((await raw(app.baseUrl, '/ho-so/nop')).body.toString('utf8'));
    // JSON from 1 KiB (the OpenAPI document of the sandbox), and not a small answer (compressing it gains nothing).
    const json = await raw(app.baseUrl, '/docs-json', { 'accept-encoding': 'gzip' });
    expect(json.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(json.body).toString('utf8')).openapi).toMatch(/^3\./);
    const small = await raw(app.baseUrl, '/health/live', { 'accept-encoding': 'gzip' });
    expect(small.body.length).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('the API documentation (/docs, sandbox only) is linked from no citizen page and is sent compressed', async () => {
    for (const path of ['/', '/tinh-tro-cap', '/ho-so/nop', '/ho-so', '/ho-so/truy-cap-du-lieu', '/verify']) {
      expect((await raw(app.baseUrl, path)).body.toString('utf8')).not.toMatch(/href="\/docs/);
    }
    const html = (await raw(app.baseUrl, '/docs')).body.toString('utf8');
    let plainBytes = 0;
    let sentBytes = 0;
    for (const src of [...html.matchAll(/(?:src|href)="\.?\/?((?:docs\/)?[\w.-]+\.(?:js|css))"/g)].map((m) => m[1])) {
      const path = src.startsWith('docs/') ? `/${src}` : `/docs/${src}`;
      const full = await raw(app.baseUrl, path);
      const sent = await raw(app.baseUrl, path, { 'accept-encoding': 'gzip, br' });
      expect(full.status).toBe(200);
      plainBytes += full.body.length;
      sentBytes += sent.body.length;
    }
    expect(plainBytes).toBeGreaterThan(1_000_000);
    expect(sentBytes).toBeLessThan(plainBytes / 2);
  });

  it('HTTP_COMPRESSION=off sends everything as it is', async () => {
    const { css } = await stylesheetOf(plain, '/');
    for (const path of [css, '/ho-so/nop', '/api/v1/centers']) {
      const res = await raw(plain.baseUrl, path, { 'accept-encoding': 'gzip, deflate, br' });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBeUndefined();
    }
  });
});
