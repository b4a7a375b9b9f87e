import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DossiersModule } from '../dossiers/dossiers.module';
import { EligibilityModule } from '../eligibility/eligibility.module';
import { JobScheduler } from '../platform/jobs/job-scheduler';
import { BenefitController, PortalBenefitController, StaffBenefitController } from './benefits.controller';
import { BenefitMonthEntity } from './benefit-month.entity';
import { BenefitProposalEntity } from './benefit-proposal.entity';
import { BenefitStaffService } from './benefit-staff.service';
import { BenefitEntity } from './benefit.entity';
import { BenefitRepository } from './benefit.repository';
import { BenefitService } from './benefit.service';
import { BenefitSteps } from './benefit-steps';
import { JobSearchNoticeEntity } from './job-search-notice.entity';
import { ReemploymentSweep } from './reemployment-sweep.service';
import { NoticeReminders } from './notice-reminders.service';
import { ReportBenefitCountEntity } from './report-benefit-count.entity';

/** Scheduled names (queues `schedule.<name>`): one run per Việt Nam calendar day across instances. */
export const CLOSE_WINDOWS_SCHEDULE = 'benefits.close-notice-windows';
export const REEMPLOYMENT_SCHEDULE = 'benefits.reemployment-sweep';
export const NOTICE_REMINDERS_SCHEDULE = 'benefits.notice-reminders';

@Injectable()
class BenefitSchedules implements OnModuleInit {
  constructor(
    private readonly scheduler: JobScheduler,
    private readonly benefits: BenefitService,
    private readonly sweep: ReemploymentSweep,
    private readonly reminders: NoticeReminders,
  ) {}

  onModuleInit(): void {
    const daily = { slot: (clock: { today(): string }) => clock.today() };
    this.scheduler.schedule(CLOSE_WINDOWS_SCHEDULE, daily, async ({ today }) => {
      await this.benefits.closeWindows(today);
    });
    this.scheduler.schedule(REEMPLOYMENT_SCHEDULE, daily, async ({ today }) => {
      await this.sweep.run(today);
    });
    this.scheduler.schedule(NOTICE_REMINDERS_SCHEDULE, daily, async ({ today }) => {
      await this.reminders.run(today);
    });
  }
}

/** The benefit period after an approval (docs/benefits.md). Its types are exported for payments and notifications. */
@Module({
  imports: [
    DossiersModule,
    EligibilityModule,
    TypeOrmModule.forFeature([
      BenefitEntity,
      BenefitMonthEntity,
      JobSearchNoticeEntity,
      BenefitProposalEntity,
      ReportBenefitCountEntity,
    ]),
  ],
  controllers: [BenefitController, StaffBenefitController, PortalBenefitController],
  providers: [
    BenefitRepository,
    BenefitSteps,
    BenefitService,
    BenefitStaffService,
    ReemploymentSweep,
    NoticeReminders,
    BenefitSchedules,
  ],
  exports: [BenefitService, BenefitRepository, BenefitSteps],
})
export class BenefitsModule {}
