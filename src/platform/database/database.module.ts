import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(url: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url,
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
