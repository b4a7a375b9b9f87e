import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';

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
    POSTGRES_REPLICATION_PASSWORD: 'z',
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
  /** The resolved file as docker-compose sees it (anchors merged, variables substituted). */
  function resolved(): { services: Record<string, any> } {
    const result = spawnSync('docker-compose', ['config'], { cwd: root, env, encoding: 'utf8' });
    expect(result.status).toBe(0);
    return load(result.stdout) as { services: Record<string, any> };
  }

  it('runs two identical app instances, each on the primary with the replica for lag-tolerant reads', () => {
    const { services } = resolved();
    expect(services.app.environment).toEqual(services['app-2'].environment);
    expect(services.app.volumes).toEqual(services['app-2'].volumes);
    for (const name of ['app', 'app-2']) {
      const environment = services[name].environment;
      expect(environment.SANDBOX).toBe('off');
      expect(environment.DATABASE_URL).toBe('postgres://tctn_web:y@postgres:5432/tro_cap_that_nghiep');
      expect(environment.DATABASE_REPLICA_URLS).toBe('postgres://tctn_web:y@postgres-replica:5432/tro_cap_that_nghiep');
      expect(environment.TRUST_PROXY).toBe('true');
      // Only the proxy is published.
      expect(services[name].ports).toBeUndefined();
    }
  });

  it('puts an nginx reverse proxy in front of both instances', () => {
    const { services } = resolved();
    expect(services.proxy.image).toMatch(/^nginx:/);
    expect(services.proxy.ports).toEqual([expect.objectContaining({ published: 80, target: 80 })]);
    expect(Object.keys(services.proxy.depends_on).sort()).toEqual(['app', 'app-2']);
    const mount = services.proxy.volumes.map(String).find((v: string) => v.includes('/etc/nginx/nginx.conf'));
    const conf = readFileSync(join(root, 'deploy', 'nginx', 'nginx.conf'), 'utf8');
    expect(mount).toContain('deploy/nginx/nginx.conf');
    expect(conf).toMatch(/upstream app \{[^}]*server app:3000[^}]*server app-2:3000[^}]*\}/);
    expect(conf).toMatch(/proxy_set_header X-Forwarded-For/);
  });

  it('runs a PostgreSQL streaming replica, a base backup of the primary with the replication role', () => {
    const { services } = resolved();
    const replica = services['postgres-replica'];
    expect(replica.image).toBe(services.postgres.image);
    expect(replica.environment).toMatchObject({ PRIMARY_HOST: 'postgres', POSTGRES_REPLICATION_PASSWORD: 'z' });
    expect(services.postgres.environment.POSTGRES_REPLICATION_PASSWORD).toBe('z');
    const start = readFileSync(join(root, 'deploy', 'postgres-replica', 'start.sh'), 'utf8');
    expect(start).toMatch(/pg_basebackup [^\n]*-U replicator[\s\S]*-S replica_1 -R/);
    expect(start).toMatch(/exec postgres -c hot_standby=on/);
    const primaryInit = readFileSync(join(root, 'deploy', 'postgres', '20-replication.sh'), 'utf8');
    expect(primaryInit).toContain('CREATE ROLE replicator LOGIN REPLICATION');
    expect(primaryInit).toContain(`pg_create_physical_replication_slot('replica_1')`);
    expect(primaryInit).toMatch(/host replication replicator all scram-sha-256/);
    const without = { ...env };
    delete without.POSTGRES_REPLICATION_PASSWORD;
    const refused = spawnSync('docker-compose', ['config', '-q'], { cwd: root, env: without, encoding: 'utf8' });
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('set POSTGRES_REPLICATION_PASSWORD');
  });

  it('checks the shell scripts mounted into PostgreSQL with sh -n', () => {
    for (const script of ['deploy/postgres/20-replication.sh', 'deploy/postgres-replica/start.sh']) {
      const result = spawnSync('sh', ['-n', join(root, script)], { encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    }
  });
});
