/** What other modules (payments, notifications, web) use from the benefit period. */
export * from './domain/benefit-period';
export { BenefitService } from './benefit.service';
export { BenefitSteps } from './benefit-steps';
export { BenefitRepository } from './benefit.repository';
export type { BenefitRow, MonthRow, NoticeRow, NoticeChannel, ProposalRow, ProposalKind } from './benefit.repository';
export { BenefitsModule, CLOSE_WINDOWS_SCHEDULE, REEMPLOYMENT_SCHEDULE } from './benefits.module';
