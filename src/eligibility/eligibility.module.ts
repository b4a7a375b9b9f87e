import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WorkingCalendarRepository } from '../calendar/working-calendar.repository';
import { EligibilityController } from './eligibility.controller';
import { ELIGIBILITY_ENTITIES } from './eligibility.entities';
import { LegalAdminController } from './legal-admin.controller';
import { LegalAdminService } from './legal-admin.service';
import { EligibilityService } from './eligibility.service';
import { LegalContextService } from './legal-context.service';
import { LegalRulesRepository } from './legal-rules.repository';

/** Eligibility and the legal figures; also provides the working calendar (src/calendar has no module of its own). */
@Module({
  imports: [TypeOrmModule.forFeature(ELIGIBILITY_ENTITIES)],
  controllers: [EligibilityController, LegalAdminController],
  providers: [
    LegalRulesRepository,
    WorkingCalendarRepository,
    LegalContextService,
    EligibilityService,
    LegalAdminService,
  ],
  exports: [EligibilityService, LegalContextService, LegalRulesRepository, WorkingCalendarRepository],
})
export class EligibilityModule {}
