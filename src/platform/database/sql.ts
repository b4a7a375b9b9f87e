import { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * Where a statement runs: the data source (a pooled connection of its own), a transaction's entity manager (the
 * transaction's connection) or a query runner.
 */
export type SqlRunner = DataSource | EntityManager | QueryRunner;

/** What a statement returned: its rows (RETURNING or SELECT) and the number of rows it touched. */
export interface SqlResult<Row> {
  rows: Row[];
  affected: number;
}

/**
 * The one way code outside TypeORM's repositories runs SQL (the lint rule `no-restricted-syntax` refuses `.query(`
 * anywhere else in src/). Raw SQL stays where it earns its place: queue claims with SKIP LOCKED, keyset pages,
 * upserts, report aggregates, hot paths whose statements the benchmarks measure. Everything else goes through the
 * owning module's entity repositories (docs/persistence.md).
 *
 * `Row` is the statement's result contract: name the columns with `AS "camelCase"` aliases that match it. PostgreSQL
 * types reach JavaScript as node-postgres maps them (text, numbers, booleans, parsed JSON, Date for timestamptz unless
 * the statement formats it, string for bigint, numeric and date).
 */
export const sql = {
  /** Every row the statement returns. */
  async rows<Row extends object>(db: SqlRunner, text: string, params: readonly unknown[] = []): Promise<Row[]> {
    return (await execute<Row>(db, text, params)).rows;
  },

  /** The first row, or `undefined` when there is none. */
  async one<Row extends object>(
    db: SqlRunner,
    text: string,
    params: readonly unknown[] = [],
  ): Promise<Row | undefined> {
    return (await execute<Row>(db, text, params)).rows[0];
  },

  /** Runs a statement for its effect; returns how many rows it inserted, updated or deleted. */
  async run(db: SqlRunner, text: string, params: readonly unknown[] = []): Promise<number> {
    return (await execute<object>(db, text, params)).affected;
  },

  /** Rows and the count together (an UPDATE … RETURNING whose caller needs both). */
  execute,
};

async function execute<Row extends object>(
  db: SqlRunner,
  text: string,
  params: readonly unknown[] = [],
): Promise<SqlResult<Row>> {
  const own = ownRunner(db);
  const runner = own ?? runnerOf(db);
  try {
    const result = await runner.query(text, params as unknown[], true);
    const rows = (result.records ?? []) as Row[];
    return { rows, affected: result.affected ?? rows.length };
  } finally {
    if (own) await own.release();
  }
}

/** A data source, or a manager outside a transaction, lends a pooled connection for the one statement. */
function ownRunner(db: SqlRunner): QueryRunner | undefined {
  if (db instanceof DataSource) return db.createQueryRunner('master');
  if (db instanceof EntityManager && !db.queryRunner) return db.connection.createQueryRunner('master');
  return undefined;
}

function runnerOf(db: SqlRunner): QueryRunner {
  if (db instanceof EntityManager) return db.queryRunner as QueryRunner;
  return db as QueryRunner;
}
