import type { FastifyRequest } from 'fastify';
import { callerKey } from './route-limits';

describe('callerKey (per-caller limits on registry reads)', () => {
  const token = (sub: string) =>
    `${Buffer.from('{"alg":"ES256"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub })).toString('base64url')}.sig`;
  const request = (headers: Record<string, string>, ip = '203.0.113.5') =>
    ({ headers, ip }) as unknown as FastifyRequest;

  it('counts a bearer token and a session cookie against their subject, whatever the address', () => {
    expect(callerKey(request({ authorization: `Bearer ${token('075192104729')}` }), 'tctn_session')).toBe(
      'sub:075192104729',
    );
    expect(
      callerKey(request({ cookie: `a=1; tctn_session=${token('075192104729')}; b=2` }, '198.51.100.1'), 'tctn_session'),
    ).toBe('sub:075192104729');
  });

  it('counts anything else against the address', () => {
    expect(callerKey(request({}), 'tctn_session')).toBe('ip:203.0.113.5');
    expect(callerKey(request({ authorization: 'Bearer garbage' }), 'tctn_session')).toBe('ip:203.0.113.5');
    expect(callerKey(request({ cookie: 'tctn_session=' }), 'tctn_session')).toBe('ip:203.0.113.5');
  });
});
