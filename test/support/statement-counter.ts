import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, Logger } from 'typeorm';

/**
 * Counts the SQL statements TypeORM sends on behalf of one piece of work (and only that work: the job loops of the
 * same app keep polling meanwhile). Every statement goes through the query runner, which calls the data source's
 * logger first; the logger sees the async context of the caller, so statements are attributed to `count(work)` by
 * an AsyncLocalStorage rather than by time.
 */
export function statementCounter(dataSource: DataSource) {
  const scope = new AsyncLocalStorage<string[]>();
  const holder = dataSource as unknown as { logger: Logger };
  const inner = holder.logger;
  holder.logger = new Proxy(inner, {
    get(target, property, receiver) {
      if (property === 'logQuery') {
        return (query: string, parameters?: unknown[], runner?: unknown) => {
          scope.getStore()?.push(query.replace(/\s+/g, ' ').trim());
          return target.logQuery(query, parameters, runner as never);
        };
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  return {
    /** Runs `work` and returns its result with the statements it sent, in order. */
    async count<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
      const statements: string[] = [];
      const result = await scope.run(statements, work);
      return { result, statements };
    },
    restore() {
      holder.logger = inner;
    },
  };
}
