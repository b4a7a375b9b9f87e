import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { loadConfig } from '../../src/config/app-config';
import { createApp } from '../../src/app.factory';
import { Runtime, startRuntime } from '../../src/platform/embedded/runtime';
import { createLogger } from '../../src/platform/http/logger';
import { createTestDatabase } from './database';

export interface TestApp {
  app: NestFastifyApplication;
  runtime: Runtime;
  baseUrl: string;
  /** The owner's connection (superuser) for fixtures and assertions; the app itself runs as `appDatabaseUrl`. */
  databaseUrl: string;
  appDatabaseUrl: string;
  close(): Promise<void>;
}

/**
 * The whole service as `npm start` builds it, on a fresh database of its own (real migrations) and an embedded
 * S3 store, listening on a free port so sandboxes reached over HTTP work.
 */
export async function startTestApp(env: Record<string, string> = {}, extraModules: any[] = []): Promise<TestApp> {
  const { url, appUrl } = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'tctn-app-'));
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    DATABASE_URL: appUrl,
    DATABASE_MIGRATION_URL: url,
    LOG_LEVEL: 'silent',
    ...env,
  });
  const runtime = await startRuntime(config, () => undefined);
  let app: NestFastifyApplication;
  try {
    app = await createApp(runtime, createLogger('silent'), extraModules);
    await app.listen({ port: runtime.port, host: '127.0.0.1' });
  } catch (error) {
    await runtime.stop();
    throw error;
  }
  return {
    app,
    runtime,
    baseUrl: runtime.selfUrl,
    databaseUrl: url,
    appDatabaseUrl: appUrl,
    close: async () => {
      await app.close();
      await runtime.stop();
    },
  };
}

/** The app plus a direct connection to its database, for assertions on rows. */
export async function startTestAppWithDb(env: Record<string, string> = {}, extraModules: any[] = []) {
  const t = await startTestApp(env, extraModules);
  const db = new Client({ connectionString: t.databaseUrl });
  await db.connect();
  return {
    t,
    db,
    close: async () => {
      await db.end();
      await t.close();
    },
  };
}
