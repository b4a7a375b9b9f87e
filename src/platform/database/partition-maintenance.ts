import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MONTHLY_PARTITIONED } from '../../../migrations/1765800000000-monthly-partitions';
import { JobScheduler } from '../jobs/job-scheduler';
import { sql } from './sql';

/** The schedule (queue `schedule.partitions.ensure`) that keeps monthly partitions ahead of the calendar. */
export const PARTITIONS_SCHEDULE = 'partitions.ensure';

/** The current month and the three after it always have their partitions. */
export const PARTITION_MONTHS_AHEAD = 4;

/**
 * Creates the monthly partitions of the append-only logs ahead of time (migration 1765800000000): the database
 * function runs as the schema owner, so the application role creates partitions without owning the tables. A row
 * stamped in a month that has no partition yet lands in the DEFAULT partition and is moved when its month's
 * partition is created.
 */
@Injectable()
export class PartitionMaintenance {
  constructor(private readonly dataSource: DataSource) {}

  /** Partitions for `months` months from the month of `day` (YYYY-MM-DD); how many each table got. */
  async ensure(day: string, months: number): Promise<Record<(typeof MONTHLY_PARTITIONED)[number], number>> {
    const created = {} as Record<(typeof MONTHLY_PARTITIONED)[number], number>;
    for (const table of MONTHLY_PARTITIONED) {
      const row = await sql.one<{ n: number }>(
        this.dataSource,
        `SELECT ensure_monthly_partitions($1, $2::date, $3) AS n`,
        [table, day, months],
      );
      created[table] = Number(row?.n ?? 0);
    }
    return created;
  }
}

@Injectable()
class PartitionSchedule implements OnModuleInit {
  constructor(
    private readonly scheduler: JobScheduler,
    private readonly partitions: PartitionMaintenance,
  ) {}

  onModuleInit(): void {
    this.scheduler.schedule(PARTITIONS_SCHEDULE, { slot: (clock) => clock.today() }, async ({ today }) => {
      await this.partitions.ensure(today, PARTITION_MONTHS_AHEAD);
    });
  }
}

/** Daily, once across instances: the partitions of the coming months (docs/operations.md). */
@Module({ providers: [PartitionMaintenance, PartitionSchedule], exports: [PartitionMaintenance] })
export class PartitionsModule {}
