import { join } from 'node:path';
import { AppConfig, embeddedDefaults, maskSecrets } from '../../config/app-config';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { runMigrations } from '../database/migrate';
import { ensureAppLoginRole, excessPrivileges } from '../database/roles';
import { readOrCreatePassword } from '../database/embedded-postgres';
import { startEmbeddedS3 } from '../storage/embedded-s3';
import { S3ObjectStore, S3Settings } from '../storage/s3-object-store.adapter';
import { findFreePort } from './free-port';

/**
 * Everything the application needs from outside, resolved before Nest starts: configured services where the
 * environment names them, embedded stand-ins where it does not. Sandboxes of the national systems are served
 * by the application itself under /sandbox, so their URLs point back at this process.
 */
export interface Runtime {
  config: AppConfig;
  port: number;
  databaseUrl: string;
  s3: S3Settings;
  objectStore: S3ObjectStore;
  embedded: string[];
  /** The base URL this process answers on from the same machine (for sandboxes). */
  selfUrl: string;
  sandbox: {
    eid: boolean;
    registries: boolean;
    portal: boolean;
  };
  stop(): Promise<void>;
}

export async function startRuntime(config: AppConfig, log: (message: string) => void): Promise<Runtime> {
  const stops: (() => Promise<void>)[] = [];
  try {
    const port = config.port === 0 ? await findFreePort() : config.port;
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      // Embedded: the cluster's superuser owns the schema and runs the migrations; the service itself connects as
      // the least-privileged login role `tctn_web` (member of tctn_app), as a production deployment does.
      const pg = await startEmbeddedPostgres({ dataDir: join(config.dataDir, 'postgres'), log });
      stops.push(() => pg.stop());
      log(`embedded PostgreSQL listening on 127.0.0.1:${pg.port}, data in ${pg.dataDir}`);
      const applied = await runMigrations(pg.url);
      if (applied.length) log(`migrations applied: ${applied.join(', ')}`);
      databaseUrl = await ensureAppLoginRole(pg.url, 'tctn_web', readOrCreatePassword(`${pg.dataDir}.app-password`));
    } else {
      const applied = await runMigrations(config.databaseMigrationUrl ?? databaseUrl);
      if (applied.length) log(`migrations applied: ${applied.join(', ')}`);
    }
    const excess = await excessPrivileges(databaseUrl);
    if (excess.length && !config.sandbox) {
      throw new Error(
        `DATABASE_URL must connect as the application's least-privileged role (a member of tctn_app, ` +
          `see README "Database roles"), but ${excess.join('; ')}`,
      );
    }
    if (excess.length) log(`WARNING: the database connection has more rights than it needs: ${excess.join('; ')}`);

    let s3 = config.s3;
    if (!s3) {
      const embedded = await startEmbeddedS3(join(config.dataDir, 'objects'));
      stops.push(() => embedded.stop());
      s3 = embedded.settings;
      log(`embedded S3 store listening on ${s3.endpoint}, data in ${join(config.dataDir, 'objects')}`);
    }
    const objectStore = new S3ObjectStore(s3);
    await objectStore.ensureBucket();

    const publicBaseUrl =
      config.publicBaseUrl === `http://localhost:${config.port}` ? `http://localhost:${port}` : config.publicBaseUrl;
    const embedded = embeddedDefaults(config);
    log(
      `using ${embedded.length ? 'embedded defaults: ' + embedded.join('; ') : 'no embedded defaults'} (database ${maskSecrets(databaseUrl)})`,
    );
    return {
      config: { ...config, port, publicBaseUrl },
      port,
      databaseUrl,
      s3,
      objectStore,
      embedded,
      selfUrl: `http://127.0.0.1:${port}`,
      // With SANDBOX=off the configuration guarantees every national system is set; the flags say so explicitly.
      sandbox: {
        eid: config.sandbox && !config.eid,
        registries: config.sandbox && (!config.populationRegistryUrl || !config.insuranceRegistryUrl),
        portal: config.sandbox && !config.portalSyncUrl,
      },
      stop: async () => {
        for (const stop of stops.reverse()) await stop().catch(() => undefined);
      },
    };
  } catch (error) {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    throw error;
  }
}
