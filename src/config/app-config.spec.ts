import { ConfigError, embeddedDefaults, loadConfig, maskSecrets, MissingConfigError } from './app-config';

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
      'social insurance office (SANDBOX)',
      'mail relay (SANDBOX mailbox)',
      'SMS gateway (SANDBOX)',
      'signing certificate (development)',
    ]);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DATABASE_MIGRATION_URL: 'http://db' }, 'DATABASE_MIGRATION_URL'],
    [{ AUDIT_CHECKPOINT_SECONDS: '0' }, 'AUDIT_CHECKPOINT_SECONDS'],
    [{ PUBLIC_BASE_URL: 'not a url' }, 'PUBLIC_BASE_URL'],
    [{ S3_ENDPOINT: 'http://minio:9000' }, 'S3_ACCESS_KEY'],
    [{ EID_ISSUER: 'https://id.example', EID_CLIENT_ID: 'x' }, 'EID_CLIENT_SECRET'],
    [{ SIGNING_P12_PATH: '/x.p12' }, 'SIGNING_P12_PASSWORD'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ METRICS_TOKEN: 'too-short' }, 'METRICS_TOKEN'],
    [{ METRICS_TOKEN: 'has a space in it 0123456789abcdef0123' }, 'METRICS_TOKEN'],
    [{ REQUEST_TIMEOUT_MS: '10' }, 'REQUEST_TIMEOUT_MS'],
    [{ SMTP_URL: 'http://relay.example' }, 'SMTP_URL'],
    [{ SOCIAL_INSURANCE_CLIENTS: 'bhxh:short' }, 'SOCIAL_INSURANCE_CLIENTS'],
    [{ SMS_UNACCENTED: 'yes' }, 'SMS_UNACCENTED'],
  ])('rejects %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(variable);
  });

  describe('SANDBOX', () => {
    /** Everything a deployment without sandboxes configures, written out here rather than read from the code. */
    const production = {
      EID_ISSUER: 'https://sso.vneid.example',
      EID_CLIENT_ID: 'tctn',
      EID_CLIENT_SECRET: 'eid-secret',
      POPULATION_REGISTRY_URL: 'https://dancu.example/api',
      INSURANCE_REGISTRY_URL: 'https://baohiem.example/api',
      PORTAL_SYNC_URL: 'https://dichvucong.example/sync',
      PORTAL_CLIENTS: 'dvcqg:0123456789abcdef0123',
      SOCIAL_INSURANCE_SYNC_URL: 'https://bhxh.example/tctn',
      SOCIAL_INSURANCE_CLIENTS: 'bhxh-dni:0123456789abcdef0123',
      SMTP_URL: 'smtp://relay.example:587',
      SMS_GATEWAY_URL: 'https://sms.example/send',
      DATABASE_URL: 'postgres://app:x@db:5432/app',
      DATABASE_MIGRATION_URL: 'postgres://owner:y@db:5432/app',
      S3_ENDPOINT: 'http://minio:9000',
      S3_ACCESS_KEY: 'minio',
      S3_SECRET_KEY: 'minio-secret',
      S3_BUCKET: 'tro-cap',
      SIGNING_P12_PATH: '/run/secrets/signer.p12',
      SIGNING_P12_PASSWORD: 'p12-password',
    };

    it('is on by default, so npm start runs with nothing set', () => {
      expect(loadConfig({}).sandbox).toBe(true);
    });

    it('off with nothing set refuses to start and names every missing variable', () => {
      let error: unknown;
      try {
        loadConfig({ SANDBOX: 'off' });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(MissingConfigError);
      for (const name of Object.keys(production)) expect((error as Error).message).toContain(name);
    });

    it.each(Object.keys(production))('off without only %s refuses to start naming it alone', (name) => {
      const env: Record<string, string> = { ...production, SANDBOX: 'off' };
      delete env[name];
      expect(() => loadConfig(env)).toThrow(MissingConfigError);
      expect(() => loadConfig(env)).toThrow(new RegExp(`missing: ${name}$`));
    });

    it('off with everything configured starts with no embedded default and no sandbox', () => {
      const config = loadConfig({ ...production, SANDBOX: 'off' });
      expect(config.sandbox).toBe(false);
      expect(embeddedDefaults(config)).toEqual([]);
    });

    it('off without PEER_PROVINCES starts: transfers to other provinces are simply unavailable', () => {
      const config = loadConfig({ ...production, SANDBOX: 'off' });
      expect(config.transfers).toEqual({ provinceCode: '075', peers: [], incomingClients: [] });
    });

    it('off with PEER_PROVINCES needs the shared signing key of the packages (TRANSFER_SIGNING_KEY_PATH)', () => {
      const peers = {
        PEER_PROVINCES: '079=https://tctn.hcm.example',
        PEER_CLIENT_ID: 'dni',
        PEER_CLIENT_SECRET: '0123456789abcdef0123',
      };
      expect(() => loadConfig({ ...production, ...peers, SANDBOX: 'off' })).toThrow(/TRANSFER_SIGNING_KEY_PATH/);
      const config = loadConfig({
        ...production,
        ...peers,
        SANDBOX: 'off',
        TRANSFER_SIGNING_KEY_PATH: '/run/secrets/transfer.pem',
      });
      expect(config.transfers.peers).toEqual([{ provinceCode: '079', url: 'https://tctn.hcm.example' }]);
    });

    it('rejects any other value naming SANDBOX', () => {
      expect(() => loadConfig({ SANDBOX: 'false' })).toThrow(/SANDBOX must be one of on, off/);
    });
  });

  describe('PEER_PROVINCES (provinceCode=url,... with PEER_CLIENT_ID, PEER_CLIENT_SECRET)', () => {
    const client = { PEER_CLIENT_ID: 'dni', PEER_CLIENT_SECRET: '0123456789abcdef0123' };

    it('reads each province and its address; incoming peers default to the shared credentials', () => {
      const config = loadConfig({
        PEER_PROVINCES: '079=https://tctn.hcm.example/, 001=http://tctn.hanoi.example:8080',
        PROVINCE_CODE: '075',
        ...client,
      });
      expect(config.transfers).toMatchObject({
        provinceCode: '075',
        peers: [
          { provinceCode: '079', url: 'https://tctn.hcm.example' },
          { provinceCode: '001', url: 'http://tctn.hanoi.example:8080' },
        ],
        client: { clientId: 'dni', clientSecret: '0123456789abcdef0123' },
        incomingClients: [{ clientId: 'dni', clientSecret: '0123456789abcdef0123' }],
      });
      expect(
        loadConfig({ PEER_PROVINCES: '079=https://a.example', ...client, PEER_CLIENTS: 'hcm:abcdef0123456789abcd' })
          .transfers.incomingClients,
      ).toEqual([{ clientId: 'hcm', clientSecret: 'abcdef0123456789abcd' }]);
    });

    it.each([
      [{ PEER_PROVINCES: '79=https://a.example', ...client }, 'PEER_PROVINCES'],
      [{ PEER_PROVINCES: '079', ...client }, 'PEER_PROVINCES'],
      [{ PEER_PROVINCES: '079=ftp://a.example', ...client }, 'PEER_PROVINCES'],
      [{ PEER_PROVINCES: '075=https://a.example', ...client }, 'PEER_PROVINCES'],
      [{ PEER_PROVINCES: '079=https://a.example,079=https://b.example', ...client }, 'PEER_PROVINCES'],
      [{ PEER_PROVINCES: '079=https://a.example' }, 'PEER_CLIENT_ID'],
      [{ PEER_CLIENT_ID: 'dni', PEER_CLIENT_SECRET: 'short' }, 'PEER_CLIENT_SECRET'],
      [{ PROVINCE_CODE: 'DNI' }, 'PROVINCE_CODE'],
    ])('rejects %j naming %s', (env, variable) => {
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(variable);
    });
  });

  describe('DATABASE_REPLICA_URLS', () => {
    const primary = 'postgres://app:pw@primary:5432/tctn';
    it('is empty when unset, so every read goes to the primary', () => {
      expect(loadConfig({ DATABASE_URL: primary }).databaseReplicaUrls).toEqual([]);
    });
    it('takes several replicas separated by commas, ignoring spaces and empty items', () => {
      expect(
        loadConfig({
          DATABASE_URL: primary,
          DATABASE_REPLICA_URLS: ' postgres://app:pw@replica-1/tctn, ,postgresql://app:pw@replica-2/tctn,',
        }).databaseReplicaUrls,
      ).toEqual(['postgres://app:pw@replica-1/tctn', 'postgresql://app:pw@replica-2/tctn']);
    });
    it('names the item that is not a PostgreSQL URL', () => {
      expect(() =>
        loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: 'postgres://r1/tctn,http://r2/tctn' }),
      ).toThrow(/DATABASE_REPLICA_URLS\[1\] must use postgres: or postgresql:/);
    });
    it('refuses replicas without a primary (the embedded database has none)', () => {
      expect(() => loadConfig({ DATABASE_REPLICA_URLS: 'postgres://r1/tctn' })).toThrow(ConfigError);
    });
  });

  it('masks passwords in connection strings', () => {
    expect(maskSecrets('postgres://app:s3cret@db:5432/app')).toBe('postgres://app:***@db:5432/app');
  });
});
