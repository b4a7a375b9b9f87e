import { ConfigError, embeddedDefaults, loadConfig, maskSecrets } from './app-config';

describe('loadConfig', () => {
  it('uses the embedded defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.publicBaseUrl).toBe('http://localhost:3000');
    expect(embeddedDefaults(config)).toEqual([
      'PostgreSQL (embedded)',
      'object store (embedded S3)',
      'e-ID provider (SANDBOX)',
      'population registry (SANDBOX)',
      'social-insurance registry (SANDBOX)',
      'national portal receiver (SANDBOX)',
      'signing certificate (development)',
    ]);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ PUBLIC_BASE_URL: 'not a url' }, 'PUBLIC_BASE_URL'],
    [{ S3_ENDPOINT: 'http://minio:9000' }, 'S3_ACCESS_KEY'],
    [{ EID_ISSUER: 'https://id.example', EID_CLIENT_ID: 'x' }, 'EID_CLIENT_SECRET'],
    [{ SIGNING_P12_PATH: '/x.p12' }, 'SIGNING_P12_PASSWORD'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('rejects %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(variable);
  });

  it('masks passwords in connection strings', () => {
    expect(maskSecrets('postgres://app:s3cret@db:5432/app')).toBe('postgres://app:***@db:5432/app');
  });
});
