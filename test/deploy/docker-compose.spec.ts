import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

describe('docker-compose.yml', () => {
  /** The national systems a province configures; the compose file has no default for any of them. */
  const national = {
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
    SIGNING_P12_PATH: '/var/lib/tro-cap-that-nghiep/signer.p12',
    SIGNING_P12_PASSWORD: 'p12-password',
  };
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    POSTGRES_PASSWORD: 'x',
    POSTGRES_APP_PASSWORD: 'y',
    MINIO_ROOT_USER: 'minio',
    MINIO_ROOT_PASSWORD: 'minio-secret',
    ...national,
  };

  it('is a valid compose file', () => {
    const result = spawnSync('docker-compose', ['config', '-q'], { cwd: root, env, encoding: 'utf8' });
    expect(result.error).toBeUndefined();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('refuses to start without the database password', () => {
    const { POSTGRES_PASSWORD: _, ...withoutPassword } = env;
    const result = spawnSync('docker-compose', ['config', '-q'], { cwd: root, env: withoutPassword, encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('POSTGRES_PASSWORD');
  });

  it.each(Object.keys(national))('refuses to start without %s (no sandbox stands in for it)', (name) => {
    const without = { ...env };
    delete without[name];
    const result = spawnSync('docker-compose', ['config', '-q'], { cwd: root, env: without, encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(`set ${name}`);
  });

  it('connects the app as its own login role, the owner only for migrations', () => {
    const result = spawnSync('docker-compose', ['config'], { cwd: root, env, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/DATABASE_URL: postgres:\/\/tctn_web:y@postgres:5432\//);
    expect(result.stdout).toMatch(/DATABASE_MIGRATION_URL: postgres:\/\/tctn:x@postgres:5432\//);
    expect(result.stdout).toContain('/docker-entrypoint-initdb.d');
    const without = { ...env };
    delete without.POSTGRES_APP_PASSWORD;
    const refused = spawnSync('docker-compose', ['config', '-q'], { cwd: root, env: without, encoding: 'utf8' });
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('POSTGRES_APP_PASSWORD');
  });

  it('runs the app with SANDBOX off', () => {
    const result = spawnSync('docker-compose', ['config'], { cwd: root, env, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/app:[\s\S]*SANDBOX: "?off"?/);
  });

  it('builds an image that runs with SANDBOX off', () => {
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(finalStage).toMatch(/^ENV .*\bSANDBOX=off\b/m);
  });

  it('describes PostgreSQL 16+, MinIO with its bucket, and the app with a healthcheck', () => {
    const result = spawnSync('docker-compose', ['config'], { cwd: root, env, encoding: 'utf8' });
    expect(result.status).toBe(0);
    const resolved = result.stdout;
    expect(Number(resolved.match(/image: postgres:(\d+)/)?.[1])).toBeGreaterThanOrEqual(16);
    expect(resolved).toMatch(/image: minio\/minio:/);
    expect(resolved).toContain('mc mb --ignore-existing local/tro-cap-that-nghiep');
    expect(resolved).toMatch(/app:[\s\S]*healthcheck:[\s\S]*\/health\/ready/);
  });
});
