import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataAccessLogEntity } from './data-access/data-access-log.entity';
import { DataAccessLogRepository } from './data-access/data-access-log.repository';
import { HttpPopulationRegistryAdapter } from './population/http-population-registry.adapter';
import { POPULATION_REGISTRY } from './population/population-registry.port';
import { RegistryReader } from './registry-reader.service';
import { HttpSocialInsuranceRegistryAdapter } from './social-insurance/http-social-insurance-registry.adapter';
import { SOCIAL_INSURANCE_REGISTRY } from './social-insurance/social-insurance-registry.port';

/** Plain values the lead's config layer reads from the environment (docs/api.md) and passes in. */
export interface RegistriesModuleOptions {
  /** `POPULATION_REGISTRY_URL`, or the sandbox URL `http://127.0.0.1:$PORT/sandbox/population`. */
  readonly populationUrl: string;
  /** `INSURANCE_REGISTRY_URL`, or the sandbox URL `http://127.0.0.1:$PORT/sandbox/insurance`. */
  readonly insuranceUrl: string;
  /** Per attempt. */
  readonly timeoutMs: number;
  /** Extra attempts on transient failures; default 2. */
  readonly retries?: number;
  /** First backoff delay; default 200 ms. */
  readonly backoffMs?: number;
  readonly populationToken?: string;
  readonly insuranceToken?: string;
}

/**
 * Provides `POPULATION_REGISTRY`, `SOCIAL_INSURANCE_REGISTRY` (production HTTP adapters) and `RegistryReader`.
 * Needs a TypeORM `DataSource` provider in scope (TypeOrmModule.forRoot registers one globally).
 */
@Module({})
export class RegistriesModule {
  static forRoot(options: RegistriesModuleOptions): DynamicModule {
    const common = { timeoutMs: options.timeoutMs, retries: options.retries ?? 2, backoffMs: options.backoffMs };
    return {
      module: RegistriesModule,
      global: true,
      imports: [TypeOrmModule.forFeature([DataAccessLogEntity])],
      providers: [
        {
          provide: POPULATION_REGISTRY,
          useFactory: () =>
            new HttpPopulationRegistryAdapter({
              ...common,
              baseUrl: options.populationUrl,
              token: options.populationToken,
            }),
        },
        {
          provide: SOCIAL_INSURANCE_REGISTRY,
          useFactory: () =>
            new HttpSocialInsuranceRegistryAdapter({
              ...common,
              baseUrl: options.insuranceUrl,
              token: options.insuranceToken,
            }),
        },
        DataAccessLogRepository,
        RegistryReader,
      ],
      exports: [POPULATION_REGISTRY, SOCIAL_INSURANCE_REGISTRY, RegistryReader, DataAccessLogRepository],
    };
  }
}
