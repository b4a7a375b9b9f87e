import request from 'supertest';
import { eidLogin } from '../../scripts/token';
import { sandboxResidents } from '../../src/sandbox/sandbox-residents';
import { vietnamToday } from '../../src/sandbox/sandbox-dates';
import { startTestApp, TestApp } from '../support/test-app';

describe('citizen login with the sandbox e-ID provider (OpenID Connect over HTTP)', () => {
  let t: TestApp;
  const resident = sandboxResidents(vietnamToday())[0];

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('goes login → provider → login form → callback → session cookie that opens the profile', async () => {
    const { browser } = await eidLogin(t.runtime.config.publicBaseUrl, resident.personalId, { returnTo: '/ho-so' });
    const hops = browser.steps.map((s) => `${s.status} ${s.url.pathname}`);
    expect(hops[0]).toBe('302 /auth/eid/login');
    expect(hops[1]).toMatch(/^30[23] \/sandbox\/eid\/auth$/);
    expect(hops).toContainEqual(expect.stringMatching(/^200 \/sandbox\/eid\/interaction\/[\w-]+$/));
    expect(hops).toContainEqual(expect.stringMatching(/^303 \/sandbox\/eid\/interaction\/[\w-]+\/login$/));
    const callback = browser.steps.find((s) => s.url.pathname === '/auth/eid/callback')!;
    expect(callback.url.searchParams.get('code')).toBeTruthy();
    expect(callback.status).toBe(302);
    expect(callback.response.headers.get('location')).toBe('/ho-so');
    const setCookie = callback.response.headers.getSetCookie().find((c) => c.startsWith('tctn_session='));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Secure/i);

    const session = browser.jar.get('tctn_session')!;
    const profile = await request(t.baseUrl).get('/api/v1/me/profile').set('Cookie', `tctn_session=${session}`);
    expect(profile.status).toBe(200);
    expect(profile.body.personalId).toBe(resident.personalId);
    expect(profile.body.fullName).toBe(resident.fullName);
  });

  it('works when the citizen opened the service as 127.0.0.1: login starts over on the canonical host', async () => {
    const other = new URL(t.baseUrl);
    const canonical = new URL(t.runtime.config.publicBaseUrl);
    expect(other.host).not.toBe(canonical.host); // 127.0.0.1:port vs localhost:port

    const { browser, final } = await eidLogin(other.origin, resident.personalId, { returnTo: '/ho-so' });
    const first = browser.steps[0];
    expect(first.url.host).toBe(other.host);
    expect(first.status).toBe(302);
    expect(first.response.headers.get('location')).toBe(
      `${canonical.origin}/auth/eid/login?returnTo=%2Fho-so&canonical=1`,
    );
    const callback = browser.steps.find((s) => s.url.pathname === '/auth/eid/callback')!;
    expect(callback.url.host).toBe(canonical.host);
    expect(callback.status).toBe(302);
    expect(callback.response.headers.get('location')).toBe('/ho-so');
    expect(final.url.href).toBe(`${canonical.origin}/ho-so`);
    expect(browser.jar.header(new URL('/ho-so', canonical))).toMatch(/tctn_session=/);
  });

  it('answers a browser whose login expired with an HTML page that starts over, an API client with problem+json', async () => {
    const callback = `${t.runtime.config.publicBaseUrl}/auth/eid/callback?code=abc&state=def`;
    const page = await fetch(callback, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(page.status).toBe(401);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('Phiên đăng nhập đã hết hạn');
    expect(html).toContain('href="/auth/eid/login"');
    expect(html).toContain('lang="vi"');

    const api = await fetch(callback, { headers: { accept: 'application/json' } });
    expect(api.status).toBe(401);
    expect(api.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('does not redirect again when a proxy still shows another host (no redirect loop)', async () => {
    const again = await fetch(`${t.baseUrl}/auth/eid/login?canonical=1`, { redirect: 'manual' });
    expect(again.status).toBe(302);
    expect(new URL(again.headers.get('location')!).pathname).toBe('/sandbox/eid/auth');
  });
});
