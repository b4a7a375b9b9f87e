import { Logger } from '@nestjs/common';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { sql } from './sql';

const logger = new Logger('database');

/**
 * Reads that tolerate replication lag (seconds at worst) go to a streaming replica of `DATABASE_REPLICA_URLS`,
 * chosen at random per connection by TypeORM; without replicas they run on the primary like everything else.
 * Everything else — writes, every transaction, and a read that must see what the same request or the one before
 * wrote (read-after-write: the dossier after a step, the citizen's list after filing) — stays on the primary:
 * `replication.defaultMode` is `master`, so only these helpers ever reach a replica. docs/operations.md lists the
 * callers.
 */
export async function replicaQuery<Row extends object>(
  dataSource: DataSource,
  text: string,
  params: readonly unknown[] = [],
): Promise<Row[]> {
  const runner = await replicaRunner(dataSource);
  try {
    return await sql.rows<Row>(runner, text, params);
  } finally {
    await runner.release();
  }
}

/** Several statements in one read-only transaction on a replica (or on the primary without replicas). */
export async function replicaReadOnly<T>(dataSource: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
  const runner = await replicaRunner(dataSource);
  try {
    await runner.startTransaction();
    try {
      await sql.run(runner, 'SET TRANSACTION READ ONLY');
      const result = await work(runner.manager);
      await runner.commitTransaction();
      return result;
    } catch (error) {
      await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    }
  } finally {
    await runner.release();
  }
}

/** A connection to a replica, or to the primary when the replica cannot be reached (it is down or being rebuilt). */
async function replicaRunner(dataSource: DataSource): Promise<QueryRunner> {
  if (!dataSource.driver.isReplicated) return dataSource.createQueryRunner('master');
  const runner = dataSource.createQueryRunner('slave');
  try {
    await runner.connect();
    return runner;
  } catch (error) {
    await runner.release().catch(() => undefined);
    logger.warn(`replica unreachable, reading from the primary: ${(error as Error).message}`);
    return dataSource.createQueryRunner('master');
  }
}
