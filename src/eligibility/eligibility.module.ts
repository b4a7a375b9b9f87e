import { Module } from '@nestjs/common';
import { WorkingCalendarRepository } from '../calendar/working-calendar.repository';
import { EligibilityController } from './eligibility.controller';
import { LegalAdminController } from './legal-admin.controller';
import { LegalAdminService } from './legal-admin.service';
import { EligibilityService } from './eligibility.service';
import { LegalContextService } from './legal-context.service';
import { LegalRulesRepository } from './legal-rules.repository';

@Module({
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
