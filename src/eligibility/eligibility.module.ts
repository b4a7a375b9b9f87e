import { Module } from '@nestjs/common';
import { WorkingCalendarRepository } from '../calendar/working-calendar.repository';
import { EligibilityController } from './eligibility.controller';
import { EligibilityService } from './eligibility.service';
import { LegalContextService } from './legal-context.service';
import { LegalRulesRepository } from './legal-rules.repository';

@Module({
  controllers: [EligibilityController],
  providers: [LegalRulesRepository, WorkingCalendarRepository, LegalContextService, EligibilityService],
  exports: [EligibilityService, LegalContextService, LegalRulesRepository, WorkingCalendarRepository],
})
export class EligibilityModule {}
