import { metricsAccess } from './metrics-access';

describe('who may read /metrics', () => {
  const token = 'prometheus-scrape-token-0123456789abcdef';
  it.each([
    ['sandbox, no token configured', { sandbox: true }, undefined, 'allow'],
    ['SANDBOX=off, no token configured', { sandbox: false }, `Bearer ${token}`, 'hidden'],
    ['token configured, none sent', { sandbox: true, metricsToken: token }, undefined, 'unauthorized'],
    ['token configured, wrong one', { sandbox: false, metricsToken: token }, 'Bearer x', 'unauthorized'],
    [
      'token configured, a prefix of it',
      { sandbox: false, metricsToken: token },
      `Bearer ${token.slice(0, -1)}`,
      'unauthorized',
    ],
    ['token configured, not as a bearer', { sandbox: false, metricsToken: token }, token, 'unauthorized'],
    ['token configured, sent as bearer', { sandbox: false, metricsToken: token }, `Bearer ${token}`, 'allow'],
    ['token configured, scheme in lower case', { sandbox: true, metricsToken: token }, `bearer ${token}`, 'allow'],
  ] as const)('%s → %s', (_case, settings, header, expected) => {
    expect(metricsAccess(settings, header)).toBe(expected);
  });
});
