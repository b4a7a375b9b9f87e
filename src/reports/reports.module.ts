import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DossiersModule } from '../dossiers/dossiers.module';
import { EligibilityModule } from '../eligibility/eligibility.module';
import { REPORT_SUMMARY_ENTITIES } from './entities';
import { OpenDossierMetrics } from './open-dossier-metrics';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

/** Statistics for center heads and the Director (summary, monthly report) and the open-dossier gauges. */
@Module({
  imports: [EligibilityModule, DossiersModule, TypeOrmModule.forFeature(REPORT_SUMMARY_ENTITIES)],
  controllers: [ReportsController],
  providers: [ReportsRepository, ReportsService, OpenDossierMetrics],
  exports: [ReportsService],
})
export class ReportsModule {}
