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
});
