import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

describe('docker-compose.yml', () => {
  const env = { ...process.env, POSTGRES_PASSWORD: 'x', MINIO_ROOT_USER: 'minio', MINIO_ROOT_PASSWORD: 'minio-secret' };

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
