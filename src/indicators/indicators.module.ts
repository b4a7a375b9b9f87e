import { Module } from '@nestjs/common';
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
import { SatisfactionService } from './satisfaction.service';
import { DataUseService } from './data-use.service';

/**
 * Leadership and oversight (issue #22): the service indicators per month and center (QĐ 766/QĐ-TTg), the citizen's
 * satisfaction rating, the public page /chi-so and its open data. Reads the procedure's data through the
 * `indicator_*` views (migration 1766000000000) and DossierReader. docs/indicators.md.
 */
@Module({
  imports: [EligibilityModule, DossiersModule],
  controllers: [
    DataUseController,
    IndicatorsController,
    PublicKpiController,
    SatisfactionController,
    IndicatorsPageController,
  ],
  providers: [DataUseService, IndicatorsRepository, IndicatorsService, OpenDataService, SatisfactionService],
  exports: [IndicatorsService],
})
export class IndicatorsModule {}
