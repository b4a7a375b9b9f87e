import { DynamicModule, Module } from '@nestjs/common';
import { EMBEDDED_DEFAULTS, HealthService } from './health.service';
import { HealthController } from './health.controller';

@Module({})
export class HealthModule {
  static forRoot(embeddedDefaults: string[]): DynamicModule {
    return {
      module: HealthModule,
      controllers: [HealthController],
      providers: [HealthService, { provide: EMBEDDED_DEFAULTS, useValue: embeddedDefaults }],
    };
  }
}
