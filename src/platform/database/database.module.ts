import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

@Global()
@Module({})
export class DatabaseModule {
  /**
   * `url` is the primary; `replicaUrls` (`DATABASE_REPLICA_URLS`) are streaming replicas for the lag-tolerant reads of
   * read-replica.ts. With replicas TypeORM keeps one pool per server and still sends everything else to the primary.
   */
  static forRoot(url: string, replicaUrls: readonly string[] = []): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          ...(replicaUrls.length
            ? {
                replication: {
                  master: { url },
                  slaves: replicaUrls.map((replica) => ({ url: replica })),
                  defaultMode: 'master' as const,
                },
              }
            : { url }),
          autoLoadEntities: true,
          synchronize: false,
          migrationsRun: false,
          extra: {
            max: 20,
            connectionTimeoutMillis: 3000,
            statement_timeout: 15000,
            application_name: 'tro-cap-that-nghiep',
          },
        }),
      ],
    };
  }
}
