import { ApiProperty } from '@nestjs/swagger';

/** Response bodies of the reports routes, as documented in the OpenAPI document (docs/openapi.json). */

export class ReportPeriodDto {
  @ApiProperty({ type: String })
  from!: string;

  @ApiProperty({ type: String })
  to!: string;
}

export class CountItemDto {
  @ApiProperty({ type: String })
  key!: string;

  @ApiProperty({ type: String })
  label!: string;

  @ApiProperty({ type: Number })
  count!: number;
}

export class ReportSummaryFiledDto {
  @ApiProperty({ type: Number })
  total!: number;

  @ApiProperty({ isArray: true, type: () => CountItemDto })
  byStatus!: CountItemDto[];

  @ApiProperty({ isArray: true, type: () => CountItemDto })
  byChannel!: CountItemDto[];

  @ApiProperty({ isArray: true, type: () => CountItemDto })
  byCenter!: CountItemDto[];

  @ApiProperty({ isArray: true, type: () => CountItemDto })
  byMonth!: CountItemDto[];
}

export class ReportSummaryFlowDto {
  @ApiProperty({ type: Number })
  received!: number;

  @ApiProperty({ type: Number })
  decided!: number;

  @ApiProperty({ type: Number })
  approved!: number;

  @ApiProperty({ type: Number })
  denied!: number;

  @ApiProperty({ type: Number })
  rejectedAtIntake!: number;
}

export class ReportSummaryTimelinessDto {
  @ApiProperty({ type: Number })
  decidedWithDueDate!: number;

  @ApiProperty({ type: Number })
  decidedOnTime!: number;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'decidedOnTime / decidedWithDueDate, 0..1; null when nothing was decided.',
  })
  onTimeRate!: number | null;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Mean working days from receipt to decision; null when nothing was decided.',
  })
  averageWorkingDaysToDecision!: number | null;
}

export class ApprovalReasonItemDto {
  @ApiProperty({ type: Number })
  totalMonthlyBenefit!: number;

  @ApiProperty({ type: Number })
  totalBenefitMonths!: number;

  @ApiProperty({ type: String })
  key!: string;

  @ApiProperty({ type: String })
  label!: string;

  @ApiProperty({ type: Number })
  count!: number;
}

export class RefusalReasonItemDto {
  @ApiProperty({
    required: false,
    type: String,
    description: "Set when the refusal is grouped by the Director's written reason.",
  })
  note?: string;

  @ApiProperty({ type: String })
  key!: string;

  @ApiProperty({ type: String })
  label!: string;

  @ApiProperty({ type: Number })
  count!: number;
}

export class ReportSummaryDecisionsDto {
  @ApiProperty({ isArray: true, type: () => ApprovalReasonItemDto })
  approvalsByTerminationReason!: ApprovalReasonItemDto[];

  @ApiProperty({ isArray: true, type: () => RefusalReasonItemDto })
  refusalsByReason!: RefusalReasonItemDto[];

  @ApiProperty({ isArray: true, type: () => CountItemDto })
  intakeRefusalsByReason!: CountItemDto[];
}

export class ReportSummaryBenefitsDto {
  @ApiProperty({ type: Number })
  approved!: number;

  @ApiProperty({ type: Number })
  totalMonthlyBenefit!: number;

  @ApiProperty({ type: Number })
  totalBenefitMonths!: number;

  @ApiProperty({ type: Number, description: 'Σ monthly benefit × benefit months of the approvals (whole VND).' })
  totalBenefitAmount!: number;
}

export class ReportSummaryApplicantsDto {
  @ApiProperty({ isArray: true, type: () => CountItemDto })
  byAgeBand!: CountItemDto[];

  @ApiProperty({ isArray: true, type: () => CountItemDto })
  bySex!: CountItemDto[];

  @ApiProperty({ isArray: true, type: () => CountItemDto })
  byProvince!: CountItemDto[];
}

export class ReportSummaryTopEmployersDto {
  @ApiProperty({ nullable: true, type: String })
  taxCode!: string | null;

  @ApiProperty({ type: String })
  name!: string;

  @ApiProperty({ type: Number })
  count!: number;
}

export class ReportSummaryDto {
  @ApiProperty({ type: () => ReportPeriodDto })
  period!: ReportPeriodDto;

  @ApiProperty({ nullable: true, type: String, description: 'null = every center of the province.' })
  centerCode!: string | null;

  @ApiProperty({ type: String })
  generatedAt!: string;

  @ApiProperty({ type: () => ReportSummaryFiledDto })
  filed!: ReportSummaryFiledDto;

  @ApiProperty({ type: () => ReportSummaryFlowDto })
  flow!: ReportSummaryFlowDto;

  @ApiProperty({ type: () => ReportSummaryTimelinessDto })
  timeliness!: ReportSummaryTimelinessDto;

  @ApiProperty({ type: () => ReportSummaryDecisionsDto })
  decisions!: ReportSummaryDecisionsDto;

  @ApiProperty({ type: () => ReportSummaryBenefitsDto })
  benefits!: ReportSummaryBenefitsDto;

  @ApiProperty({ type: () => ReportSummaryApplicantsDto })
  applicants!: ReportSummaryApplicantsDto;

  @ApiProperty({ isArray: true, type: () => ReportSummaryTopEmployersDto })
  topEmployers!: ReportSummaryTopEmployersDto[];
}
