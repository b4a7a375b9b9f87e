import { ApiProperty } from '@nestjs/swagger';
import { TERMINATION_REASONS, TerminationReason } from '../domain/benefit-period';
import { DocumentSummaryDto } from '../../dossiers/dto/dossier-responses.dto';
import { JobSearchActivityDto } from './job-search-notice.dto';

/** Response bodies of the benefits routes, as documented in the OpenAPI document (docs/openapi.json). */

export class DateRangeDto {
  @ApiProperty({ type: String })
  from!: string;

  @ApiProperty({ type: String })
  to!: string;
}

/** A benefit month (1 = the first) and its days. */
export class BenefitMonthDto extends DateRangeDto {
  @ApiProperty({ type: Number })
  month!: number;
}

export class BenefitViewMonthsNoticeDto {
  @ApiProperty({ type: String })
  filedAt!: string;

  @ApiProperty({ enum: ['online', 'portal', 'counter'] })
  channel!: 'online' | 'portal' | 'counter';

  @ApiProperty({ type: String })
  receiptNumber!: string;
}

export class BenefitViewMonthsDto extends BenefitMonthDto {
  @ApiProperty({ type: () => DateRangeDto })
  noticeWindow!: DateRangeDto;

  @ApiProperty({ nullable: true, type: () => BenefitViewMonthsNoticeDto })
  notice!: BenefitViewMonthsNoticeDto | null;

  @ApiProperty({ enum: ['suspended', 'missed', 'cancelled', 'paid', 'upcoming', 'open', 'notified'] })
  state!: 'suspended' | 'missed' | 'cancelled' | 'paid' | 'upcoming' | 'open' | 'notified';
}

export class BenefitViewTerminationDto {
  @ApiProperty({ enum: TERMINATION_REASONS })
  reason!: TerminationReason;

  @ApiProperty({ type: String })
  legalBasis!: string;

  @ApiProperty({ nullable: true, type: String })
  effectiveDate!: string | null;

  @ApiProperty({ type: Number })
  reservedMonths!: number;
}

export class BenefitViewDto {
  @ApiProperty({ type: String })
  dossierId!: string;

  @ApiProperty({
    type: String,
    description: "The service's calendar day (the sandbox clock may move it): countdowns are counted from it.",
  })
  today!: string;

  @ApiProperty({ enum: ['not_started', 'active', 'suspended', 'terminated', 'completed', 'transferred'] })
  status!: 'not_started' | 'active' | 'suspended' | 'terminated' | 'completed' | 'transferred';

  @ApiProperty({ type: Number })
  monthlyBenefit!: number;

  @ApiProperty({ type: Number })
  benefitMonths!: number;

  @ApiProperty({ type: Number })
  reservedMonths!: number;

  @ApiProperty({ type: String })
  resultReturnedOn!: string;

  @ApiProperty({ nullable: true, type: () => BenefitMonthDto })
  nextNotice!: BenefitMonthDto | null;

  @ApiProperty({ isArray: true, type: () => BenefitViewMonthsDto })
  months!: BenefitViewMonthsDto[];

  @ApiProperty({ nullable: true, type: () => BenefitViewTerminationDto })
  termination!: BenefitViewTerminationDto | null;

  @ApiProperty({ isArray: true, type: () => DocumentSummaryDto })
  documents!: DocumentSummaryDto[];
}

export class JobSearchNoticeReceiptDto {
  @ApiProperty({ type: String })
  id!: string;

  @ApiProperty({ type: String })
  dossierId!: string;

  @ApiProperty({ type: Number })
  month!: number;

  @ApiProperty({ enum: ['online', 'portal', 'counter'] })
  channel!: 'online' | 'portal' | 'counter';

  @ApiProperty({ type: String })
  filedAt!: string;

  @ApiProperty({ type: String })
  receiptNumber!: string;
}

export class NoticeRowDto extends JobSearchNoticeReceiptDto {
  @ApiProperty({ type: String })
  filedOn!: string;

  @ApiProperty({ isArray: true, type: () => JobSearchActivityDto })
  activities!: JobSearchActivityDto[];

  @ApiProperty({ nullable: true, type: String })
  note!: string | null;

  @ApiProperty({ nullable: true, type: String })
  portalNoticeCode!: string | null;
}

export class ProposalRowDto {
  @ApiProperty({ type: String })
  id!: string;

  @ApiProperty({ type: String })
  dossierId!: string;

  @ApiProperty({ type: String })
  centerCode!: string;

  @ApiProperty({ enum: ['suspend', 'resume', 'terminate'] })
  kind!: 'suspend' | 'resume' | 'terminate';

  @ApiProperty({ nullable: true, type: Number })
  month!: number | null;

  @ApiProperty({ nullable: true, type: String })
  terminationReason!: string | null;

  @ApiProperty({ nullable: true, type: String })
  effectiveDate!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true })
  evidence!: Record<string, unknown>;

  @ApiProperty({ type: String })
  proposedOn!: string;

  @ApiProperty({ type: String })
  proposedAt!: string;
}

export class ProposalDecisionsDto {
  @ApiProperty({ type: Number })
  decided!: number;

  @ApiProperty({ isArray: true, type: 'object', additionalProperties: true })
  results!: Record<string, unknown>[];
}

export class MissedMonthDto {
  @ApiProperty({ type: String })
  dossierId!: string;

  @ApiProperty({ type: Number, description: 'The benefit month (1 = the first).' })
  month!: number;

  @ApiProperty({ type: String, description: '`YYYY-MM-DD`: first day of the notice window.' })
  windowFrom!: string;

  @ApiProperty({ type: String, description: '`YYYY-MM-DD`: last day of the notice window.' })
  windowTo!: string;

  @ApiProperty({ enum: ['missed', 'suspended'] })
  outcome!: 'missed' | 'suspended';

  @ApiProperty({ type: String, description: 'The stored status of the benefit.' })
  benefitStatus!: string;

  @ApiProperty({ type: String })
  centerCode!: string;
}

export class BenefitReportRowDto {
  @ApiProperty({ type: String, description: '`YYYY-MM` of the notice or the decision.' })
  month!: string;

  @ApiProperty({ type: String })
  centerCode!: string;

  @ApiProperty({ type: Number })
  notices!: number;

  @ApiProperty({ type: Number })
  suspensions!: number;

  @ApiProperty({ type: Number })
  resumptions!: number;

  @ApiProperty({ type: Number })
  terminations!: number;
}
