import { DynamicModule, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobScheduler } from '../platform/jobs/job-scheduler';
import { IntegrationAlertEntity } from './integration/integration-alert.entity';
import { IntegrationCallEntity } from './integration/integration-call.entity';
import { IntegrationCallRecorder } from './integration/integration-calls.recorder';
import { IntegrationHealthController } from './integration/integration-health.controller';
import { IntegrationHealthService } from './integration/integration-health.service';
import { IntegrationInstrumentation } from './integration/integration-instrumentation';
import { IndicatorReportEntity } from './report/indicator-report.entity';
import { MonthlyReportController } from './report/monthly-report.controller';
import { MonthlyReportService } from './report/monthly-report.service';
import { DossiersModule } from '../dossiers/dossiers.module';
import { EligibilityModule } from '../eligibility/eligibility.module';
import {
  DataUseController,
  IndicatorsController,
  PublicKpiController,
  SatisfactionController,
} from './indicators.controller';
import { IndicatorsPageController } from './indicators-page.controller';
import { IndicatorsRepository } from './indicators.repository';
import { IndicatorsService } from './indicators.service';
import { OpenDataService } from './open-data.service';
import { SatisfactionRatingEntity } from './satisfaction-rating.entity';
import { SatisfactionService } from './satisfaction.service';
import { DataUseService } from './data-use.service';

/**
 * Leadership and oversight (issue #22): the service indicators per month and center (QĐ 766/QĐ-TTg), the citizen's
 * satisfaction rating, the public page /chi-so and its open data. Reads the procedure's data through the
 * `indicator_*` views (migration 1766000000000) and DossierReader. docs/indicators.md.
 */
/** Every 5 minutes: today's integration figures against the alert thresholds. */
export const INTEGRATION_CHECK_SCHEDULE = 'integration-health-check';
const FIVE_MINUTES = 5 * 60_000;
export const MONTHLY_REPORT_SCHEDULE = 'indicator-monthly-report';

@Module({})
export class IndicatorsModule implements OnModuleInit {
  constructor(
    private readonly scheduler: JobScheduler,
    private readonly integration: IntegrationHealthService,
    private readonly reports: MonthlyReportService,
  ) {}

  /** `notifications`: the notifications module the alerts to administrators go through. */
  static forRoot(notifications: DynamicModule): DynamicModule {
    return {
      module: IndicatorsModule,
      imports: [
        TypeOrmModule.forFeature([
          SatisfactionRatingEntity,
          IntegrationCallEntity,
          IntegrationAlertEntity,
          IndicatorReportEntity,
        ]),
        EligibilityModule,
        DossiersModule,
        notifications,
      ],
      controllers: [
        DataUseController,
        IndicatorsController,
        PublicKpiController,
        SatisfactionController,
        IndicatorsPageController,
        IntegrationHealthController,
        MonthlyReportController,
      ],
      providers: [
        DataUseService,
        IndicatorsRepository,
        IndicatorsService,
        OpenDataService,
        SatisfactionService,
        IntegrationCallRecorder,
        IntegrationInstrumentation,
        IntegrationHealthService,
        MonthlyReportService,
      ],
      exports: [IndicatorsService, IntegrationHealthService, IntegrationCallRecorder],
    };
  }

  onModuleInit(): void {
    this.scheduler.schedule(
      INTEGRATION_CHECK_SCHEDULE,
      { slot: (clock) => new Date(Math.floor(clock.now().getTime() / FIVE_MINUTES) * FIVE_MINUTES).toISOString() },
      async () => {
        await this.integration.checkAndAlert();
      },
    );
    // Daily; from the 13th the previous month's draft report is prepared once.
    this.scheduler.schedule(MONTHLY_REPORT_SCHEDULE, { slot: (clock) => clock.today() }, async ({ today }) => {
      await this.reports.prepareDue(today);
    });
  }
}
