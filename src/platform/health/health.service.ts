import { Inject, Injectable } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { sql } from '../database/sql';
import { OBJECT_STORE, ObjectStore } from '../storage/object-store.port';

export const EMBEDDED_DEFAULTS = Symbol('EMBEDDED_DEFAULTS');

type Check = 'up' | 'down';

@Injectable()
export class HealthService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
    @Inject(EMBEDDED_DEFAULTS) private readonly embedded: string[],
  ) {}

  async readiness(reply: FastifyReply) {
    const [database, objectStore] = await Promise.all([
      probe(() => sql.one<{ up: number }>(this.dataSource, 'SELECT 1 AS up')),
      probe(() => this.store.ping()),
    ]);
    const ready = database === 'up' && objectStore === 'up';
    void reply.status(ready ? 200 : 503);
    return {
      status: ready ? 'ready' : 'unavailable',
      checks: { database, objectStore },
      embeddedDefaults: this.embedded,
    };
  }
}

/** A dependency that does not answer within two seconds counts as down, so readiness never hangs. */
async function probe(check: () => Promise<unknown>): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Check>((resolve) => (timer = setTimeout(() => resolve('down'), 2000)));
  try {
    return await Promise.race([
      check().then(
        (): Check => 'up',
        (): Check => 'down',
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
