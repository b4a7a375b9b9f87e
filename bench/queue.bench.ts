/**
 * Work queue: `GET /api/v1/staff/dossiers` first page and a deep page (cursor after half of the center's rows), at
 * each table size, against the service as a child process; EXPLAIN (ANALYZE, BUFFERS) of the exact SQL the
 * repository sends.
 */
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DossierRepository } from '../src/dossiers/dossier.repository';
import { progressBar, SEED_MAIN_CENTER, seedDossiers } from '../scripts/seed-dossiers';
import { BenchDatabase, load, LoadFigures, startService, tokenMinter } from './support/infra';
import { startRegistryStub } from './support/synthetic-registry';
import { ensureStaffAccount } from '../test/support/staff-accounts';

export interface QueueOptions {
  sizes: number[];
  seconds: number;
  connections: number;
  fresh: boolean;
  dataDir: string;
  serviceEntry?: string;
  s3: { endpoint: string; accessKey: string; secretKey: string; bucket: string };
  log: (m: string) => void;
}

export interface QueuePage {
  load: LoadFigures;
  plan: string;
  indexes: string[];
  sqlMs: number;
  /** Diagnostic only (not what the service sends): the same query with `center_code = <one value>` instead of ANY. */
  singleCenter: { plan: string; indexes: string[]; sqlMs: number };
}

export interface QueueSizeResult {
  size: number;
  centerRows: number;
  deepOffset: number;
  seedSeconds: number;
  inserted: number;
  tableSize: string;
  first: QueuePage;
  deep: QueuePage;
}

/** The SQL and parameters DossierRepository.queue sends, captured with a stand-in DataSource. */
async function queueSql(after?: {
  sortDate: string;
  filedAt: string;
  id: string;
}): Promise<{ sql: string; params: unknown[] }> {
  let captured: { sql: string; params: unknown[] } | undefined;
  const fake = {
    query: async (sql: string, params: unknown[]) => ((captured = { sql, params }), []),
    // The queue is read on a replica when one is configured (platform/database/read-replica.ts).
    driver: { isReplicated: false },
    createQueryRunner: () => ({ ...fake, release: async () => undefined }),
  } as unknown as DataSource;
  await new DossierRepository(fake).queue({ centerCodes: [SEED_MAIN_CENTER], after, limit: 51 });
  return captured!;
}

async function explain(
  db: Client,
  after?: { sortDate: string; filedAt: string; id: string },
  singleCenter = false,
): Promise<{ plan: string; indexes: string[]; sqlMs: number }> {
  const captured = await queueSql(after);
  const { params } = captured;
  const sql = singleCenter
    ? captured.sql.replace('center_code = ANY($1::text[])', 'center_code = ($1::text[])[1]')
    : captured.sql;
  const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
  const plan = rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
  const indexes = [...new Set([...plan.matchAll(/using (\w+) on dossier/gi)].map((m) => m[1]))];
  const sqlMs = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN);
  return { plan, indexes, sqlMs };
}

export async function runQueueBench(db: BenchDatabase, options: QueueOptions): Promise<QueueSizeResult[]> {
  const { log } = options;
  const results: QueueSizeResult[] = [];
  const stub = await startRegistryStub(new Date().toISOString().slice(0, 10));
  try {
    for (const size of options.sizes) {
      const url = await db.database(`tctn_bench_queue_${size}`, options.fresh);
      log(`queue: ${size.toLocaleString('en')} dossiers — seeding (kept between runs; --fresh reseeds)`);
      const seeded = await seedDossiers(url, size, { progress: progressBar(`seeding ${size.toLocaleString('en')}`) });
      const sql = new Client({ connectionString: url });
      await sql.connect();
      const dataDir = join(options.dataDir, `service-queue-${size}`);
      let service: Awaited<ReturnType<typeof startService>> | undefined;
      try {
        if (seeded.inserted > 0) {
          log(
            `queue: seeded ${seeded.inserted.toLocaleString('en')} rows in ${seeded.seconds.toFixed(1)} s; VACUUM ANALYZE`,
          );
          await sql.query('VACUUM (ANALYZE) dossier');
        }
        const [{ tableSize }] = (
          await sql.query(`SELECT pg_size_pretty(pg_total_relation_size('dossier')) AS "tableSize"`)
        ).rows;
        const deepOffset = Math.floor(seeded.mainCenterRows / 2);
        const [anchor] = (
          await sql.query(
            `SELECT sort_date::text AS "sortDate", filed_at::text AS "filedAt", id FROM dossier WHERE center_code = $1 ORDER BY sort_date, filed_at, id OFFSET $2 LIMIT 1`,
            [SEED_MAIN_CENTER, deepOffset],
          )
        ).rows;
        const cursor = Buffer.from(`${anchor.sortDate}|${anchor.filedAt}|${anchor.id}`).toString('base64url');

        service = await startService({
          databaseUrl: url,
          dataDir,
          registryUrl: stub.url,
          s3: options.s3,
          entry: options.serviceEntry,
        });
        await ensureStaffAccount(sql, { username: 'bench.receiver', role: 'receiver', centerCode: SEED_MAIN_CENTER });
        const token = await tokenMinter(dataDir, service.publicBaseUrl).staff(
          'bench.receiver',
          'receiver',
          SEED_MAIN_CENTER,
        );
        const headers = { authorization: `Bearer ${token}` };
        const pages = { first: '/api/v1/staff/dossiers', deep: `/api/v1/staff/dossiers?cursor=${cursor}` };
        for (const path of Object.values(pages)) {
          const response = await fetch(service.baseUrl + path, { headers });
          const body = (await response.json()) as { items?: unknown[] };
          if (response.status !== 200 || body.items?.length !== 50) {
            throw new Error(
              `queue ${path} answered ${response.status} with ${body.items?.length} items: ${JSON.stringify(body).slice(0, 300)}`,
            );
          }
        }
        const measure = async (
          path: string,
          after?: { sortDate: string; filedAt: string; id: string },
        ): Promise<QueuePage> => {
          const url = service!.baseUrl + path;
          const probeStart = Date.now();
          await fetch(url, { headers }).then((r) => r.arrayBuffer());
          const probeMs = Date.now() - probeStart;
          let figures: LoadFigures;
          if (probeMs > 1000) {
            // A page that takes seconds would finish no request inside a short timed run: a fixed number instead.
            const amount = 4 * options.connections;
            log(`queue: one request took ${probeMs} ms; measuring ${amount} requests instead of ${options.seconds} s`);
            figures = await load({ url, headers, connections: options.connections, amount, timeout: 300 });
          } else {
            await load({ url, headers, connections: options.connections, duration: 2 });
            figures = await load({
              url,
              headers,
              connections: options.connections,
              duration: options.seconds,
              timeout: 60,
            });
          }
          return { load: figures, ...(await explain(sql, after)), singleCenter: await explain(sql, after, true) };
        };
        log(`queue: ${size.toLocaleString('en')} — first page`);
        const first = await measure(pages.first);
        log(
          `queue: ${size.toLocaleString('en')} — deep page (after ${deepOffset.toLocaleString('en')} rows of ${SEED_MAIN_CENTER})`,
        );
        const deep = await measure(pages.deep, anchor);
        results.push({
          size,
          centerRows: seeded.mainCenterRows,
          deepOffset,
          seedSeconds: seeded.seconds,
          inserted: seeded.inserted,
          tableSize,
          first,
          deep,
        });
      } finally {
        await service?.stop();
        await sql.end();
      }
    }
  } finally {
    await stub.close();
  }
  return results;
}
