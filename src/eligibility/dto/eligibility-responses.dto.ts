import { ApiProperty } from '@nestjs/swagger';
import { CONDITION_CODES, ConditionCode } from '../domain/assessment';

/** Response bodies of the eligibility routes, as documented in the OpenAPI document (docs/openapi.json). */

export class AssessmentReasonDto {
  @ApiProperty({
    enum: [
      'pension_eligible',
      'receiving_pension',
      'unlawful_termination',
      'insufficient_contributions',
      'filing_before_termination',
      'filed_late',
    ],
  })
  code!:
    | 'pension_eligible'
    | 'receiving_pension'
    | 'unlawful_termination'
    | 'insufficient_contributions'
    | 'filing_before_termination'
    | 'filed_late';

  @ApiProperty({ type: String })
  message!: string;
}

export class BenefitPeriodDto {
  @ApiProperty({ type: String })
  from!: string;

  @ApiProperty({ type: String })
  to!: string;
}

export class AssessmentConditionDto {
  @ApiProperty({ enum: CONDITION_CODES })
  code!: ConditionCode;

  @ApiProperty({ type: Boolean })
  passed!: boolean;

  @ApiProperty({ type: String })
  message!: string;
}

export class LegalParameterRowDto {
  @ApiProperty({ type: String })
  key!: string;

  @ApiProperty({
    nullable: true,
    enum: ['I', 'II', 'III', 'IV'],
    description: 'Minimum-wage zone for zone-dependent figures, null otherwise.',
  })
  zone!: 'I' | 'II' | 'III' | 'IV' | null;

  @ApiProperty({
    type: Number,
    description: 'Whole number: VND, months, working days or percent depending on the key.',
  })
  value!: number;

  @ApiProperty({ type: String })
  effectiveFrom!: string;

  @ApiProperty({ type: String })
  legalBasis!: string;
}

export class AssessmentDto {
  @ApiProperty({ type: Boolean })
  eligible!: boolean;

  @ApiProperty({ isArray: true, type: () => AssessmentReasonDto })
  reasons!: AssessmentReasonDto[];

  @ApiProperty({ enum: ['VN-2013', 'VN-2025'] })
  regime!: 'VN-2013' | 'VN-2025';

  @ApiProperty({
    type: String,
    description: "The decision date the regime was chosen by (the request's, or the filing date).",
  })
  decisionDate!: string;

  @ApiProperty({ type: Number })
  contributionMonthsInWindow!: number;

  @ApiProperty({ type: Number })
  totalContributionMonths!: number;

  @ApiProperty({ type: Number })
  averageSalary!: number;

  @ApiProperty({ type: Number })
  cap!: number;

  @ApiProperty({ type: Number })
  monthlyBenefit!: number;

  @ApiProperty({ type: Number })
  benefitMonths!: number;

  @ApiProperty({ type: Number })
  reservedMonthsAfter!: number;

  @ApiProperty({ nullable: true, type: String, description: 'Null when not eligible.' })
  entitlementStart!: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Null when not eligible.' })
  entitlementEnd!: string | null;

  @ApiProperty({ isArray: true, type: () => BenefitPeriodDto })
  periods!: BenefitPeriodDto[];

  @ApiProperty({ type: String })
  filingDeadline!: string;

  @ApiProperty({
    isArray: true,
    type: Number,
    description:
      'Calendar years not announced yet (projected) that the working-day dates of this result were computed from.',
  })
  projectedYears!: number[];

  @ApiProperty({
    isArray: true,
    enum: ['filingDeadline', 'entitlementStart', 'entitlementEnd', 'periods'],
    description: 'Which dates of this result are estimates because they rest on a projected year ("dự kiến").',
  })
  projectedFields!: ('filingDeadline' | 'entitlementStart' | 'entitlementEnd' | 'periods')[];

  @ApiProperty({ isArray: true, type: () => AssessmentConditionDto })
  conditions!: AssessmentConditionDto[];

  @ApiProperty({ enum: ['regional_minimum_wage', 'base_salary'] })
  capRule!: 'regional_minimum_wage' | 'base_salary';

  @ApiProperty({ type: Number })
  windowMonths!: number;

  @ApiProperty({
    nullable: true,
    type: String,
    description: "'YYYY-MM', or null without any contribution at or before the termination month.",
  })
  lastContributionMonth!: string | null;

  @ApiProperty({
    type: String,
    description: "Regime and the latest effective date among the figures used, e.g. 'VN-2025@2026-01-01'.",
  })
  ruleSetVersion!: string;

  @ApiProperty({ isArray: true, type: () => LegalParameterRowDto })
  parametersUsed!: LegalParameterRowDto[];
}

export class StoredLegalParameterDto extends LegalParameterRowDto {
  @ApiProperty({ type: String })
  id!: string;

  @ApiProperty({ type: String })
  createdAt!: string;

  @ApiProperty({ type: String })
  createdBy!: string;
}

export class LegalParameterListDto {
  @ApiProperty({ isArray: true, type: () => StoredLegalParameterDto })
  items!: StoredLegalParameterDto[];
}

export class StoredCalendarDayDto {
  @ApiProperty({ enum: ['shipped', 'admin'] })
  source!: 'shipped' | 'admin';

  @ApiProperty({ type: String })
  updatedAt!: string;

  @ApiProperty({ type: String })
  updatedBy!: string;

  @ApiProperty({ type: String })
  date!: string;

  @ApiProperty({ enum: ['holiday', 'working'] })
  kind!: 'holiday' | 'working';

  @ApiProperty({ type: String })
  name!: string;
}

export class CalendarDayListDto {
  @ApiProperty({ isArray: true, type: () => StoredCalendarDayDto })
  items!: StoredCalendarDayDto[];
}

export class StoredCalendarYearDto {
  @ApiProperty({ type: Number })
  year!: number;

  @ApiProperty({ enum: ['announced', 'projected'] })
  status!: 'announced' | 'projected';

  @ApiProperty({ nullable: true, type: String })
  documentNumber!: string | null;

  @ApiProperty({ nullable: true, type: String })
  documentDate!: string | null;

  @ApiProperty({ type: String })
  updatedAt!: string;

  @ApiProperty({ type: String })
  updatedBy!: string;
}

export class CalendarYearListDto {
  @ApiProperty({ isArray: true, type: () => StoredCalendarYearDto })
  items!: StoredCalendarYearDto[];
}

export class CalendarYearImportedDto {
  @ApiProperty({ isArray: true, type: () => StoredCalendarDayDto })
  days!: StoredCalendarDayDto[];

  @ApiProperty({ type: Number })
  year!: number;

  @ApiProperty({ enum: ['announced', 'projected'] })
  status!: 'announced' | 'projected';

  @ApiProperty({ nullable: true, type: String })
  documentNumber!: string | null;

  @ApiProperty({ nullable: true, type: String })
  documentDate!: string | null;

  @ApiProperty({ type: String })
  updatedAt!: string;

  @ApiProperty({ type: String })
  updatedBy!: string;
}
