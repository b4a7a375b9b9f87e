import { ApiProperty } from '@nestjs/swagger';

/** Response bodies of the profile routes, as documented in the OpenAPI document (docs/openapi.json). */

export class InsuranceSummaryLastEmployerDto {
  @ApiProperty({ type: String })
  name!: string;

  @ApiProperty({ type: String })
  taxCode!: string;

  @ApiProperty({ enum: ['I', 'II', 'III', 'IV'] })
  zone!: 'I' | 'II' | 'III' | 'IV';
}

export class RegistryContributionDto {
  @ApiProperty({
    type: String,
    description: '`YYYY-MM`. Two rows may share a month when the person had two contracts.',
  })
  month!: string;

  @ApiProperty({ type: Number, description: 'Contribution salary of that month, whole VND.' })
  salary!: number;

  @ApiProperty({ type: String })
  employerName!: string;

  @ApiProperty({ type: String, description: 'Mã số thuế: 10 digits, or 10 digits + `-` + 3 digits for a branch.' })
  employerTaxCode!: string;

  @ApiProperty({
    enum: ['I', 'II', 'III', 'IV'],
    description: "Minimum-wage zone of the employer's workplace in that month.",
  })
  zone!: 'I' | 'II' | 'III' | 'IV';
}

export class InsuranceSummaryDto {
  @ApiProperty({ type: String })
  socialInsuranceNumber!: string;

  @ApiProperty({ enum: ['employer', 'state'] })
  salaryRegime!: 'employer' | 'state';

  @ApiProperty({
    type: Number,
    description: 'Distinct months with a contribution (two contracts in one month count once).',
  })
  totalMonths!: number;

  @ApiProperty({
    type: Number,
    description: 'Distinct contributed months not already used by an earlier benefit decision.',
  })
  unusedMonths!: number;

  @ApiProperty({ nullable: true, type: String, description: '`YYYY-MM`, or `null` when there is no contribution.' })
  lastContributionMonth!: string | null;

  @ApiProperty({ nullable: true, type: () => InsuranceSummaryLastEmployerDto })
  lastEmployer!: InsuranceSummaryLastEmployerDto | null;

  @ApiProperty({ isArray: true, type: String, description: '`YYYY-MM` months already consumed by earlier decisions.' })
  usedMonths!: string[];

  @ApiProperty({ type: Number, description: 'Months reserved (bảo lưu) by earlier decisions.' })
  reservedMonths!: number;

  @ApiProperty({
    isArray: true,
    type: () => RegistryContributionDto,
    description: 'Oldest first, as the registry holds them.',
  })
  contributions!: RegistryContributionDto[];
}

export class AddressDto {
  @ApiProperty({
    type: String,
    description: 'House number, street, hamlet or residential group, e.g. `Số 12, đường Phạm Văn Thuận, khu phố 3`.',
  })
  line!: string;

  @ApiProperty({ type: String })
  communeCode!: string;

  @ApiProperty({ type: String, description: 'e.g. `Phường Trấn Biên`.' })
  communeName!: string;

  @ApiProperty({ type: String })
  provinceCode!: string;

  @ApiProperty({ type: String, description: 'e.g. `Tỉnh Đồng Nai`, `Thành phố Hồ Chí Minh`.' })
  provinceName!: string;
}

export class CitizenProfileDto {
  @ApiProperty({
    isArray: true,
    enum: ['century_sex_mismatch', 'birth_year_mismatch'],
    description:
      "Disagreements between the personal ID's digits and the registry (a caseworker looks; nothing is rejected).",
  })
  personalIdFlags!: ('century_sex_mismatch' | 'birth_year_mismatch')[];

  @ApiProperty({ nullable: true, type: () => InsuranceSummaryDto, description: '`null`: never insured.' })
  insurance!: InsuranceSummaryDto | null;

  @ApiProperty({ type: String, description: '12 digits; always equal to the number that was asked for.' })
  personalId!: string;

  @ApiProperty({ type: String, description: 'NFC Vietnamese with diacritics, as registered.' })
  fullName!: string;

  @ApiProperty({ type: String, description: '`YYYY-MM-DD`.' })
  dateOfBirth!: string;

  @ApiProperty({ enum: ['male', 'female'] })
  sex!: 'male' | 'female';

  @ApiProperty({ type: String, description: 'Country name in Vietnamese, e.g. `Việt Nam`.' })
  nationality!: string;

  @ApiProperty({ type: () => AddressDto, description: 'Nơi thường trú.' })
  permanentAddress!: AddressDto;

  @ApiProperty({ type: () => AddressDto, description: 'Nơi ở hiện tại.' })
  currentAddress!: AddressDto;

  @ApiProperty({ type: String, description: '`YYYY-MM-DD` of the current identity card (thẻ căn cước).' })
  idCardIssueDate!: string;
}

export class EligibilityPreviewInputDto {
  @ApiProperty({ type: Number })
  contributionMonths!: number;

  @ApiProperty({ type: String })
  terminationDate!: string;

  @ApiProperty({ type: String })
  filingDate!: string;

  @ApiProperty({
    required: false,
    type: String,
    description: 'Date of the decision; chooses the regime (docs/domain.md §2). Default: `filingDate`.',
  })
  decisionDate?: string;

  @ApiProperty({
    enum: [
      'contract_expired',
      'mutual_agreement',
      'employee_lawful_resignation',
      'employer_lawful_termination',
      'restructuring',
      'employer_closed',
      'dismissal',
      'employee_unlawful_resignation',
      'pension_eligible',
      'receiving_pension',
    ],
  })
  terminationReason!:
    | 'contract_expired'
    | 'mutual_agreement'
    | 'employee_lawful_resignation'
    | 'employer_lawful_termination'
    | 'restructuring'
    | 'employer_closed'
    | 'dismissal'
    | 'employee_unlawful_resignation'
    | 'pension_eligible'
    | 'receiving_pension';

  @ApiProperty({ enum: ['indefinite', 'fixed_term', 'short_term', 'seasonal', 'working_contract'] })
  contractType!: 'indefinite' | 'fixed_term' | 'short_term' | 'seasonal' | 'working_contract';

  @ApiProperty({ enum: ['employer', 'state'] })
  salaryRegime!: 'employer' | 'state';

  @ApiProperty({ enum: ['I', 'II', 'III', 'IV'] })
  zone!: 'I' | 'II' | 'III' | 'IV';

  @ApiProperty({ required: false, type: Number, description: 'Months reserved (bảo lưu) from earlier claims.' })
  priorReservedMonths?: number;

  @ApiProperty({
    required: false,
    type: Boolean,
    description:
      'The worker already met the conditions for a pension when leaving (a fact about the person from the social-insurance registry, Luật Bảo hiểm xã hội 2024): not eligible under VN-2025 (Luật 74/2025 Điều 38 k.1 a).',
  })
  pensionEligible?: boolean;
}

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
  @ApiProperty({
    enum: [
      'lawful_termination',
      'not_pension_eligible',
      'not_receiving_pension',
      'minimum_contributions',
      'filed_after_termination',
      'filed_within_deadline',
    ],
  })
  code!:
    | 'lawful_termination'
    | 'not_pension_eligible'
    | 'not_receiving_pension'
    | 'minimum_contributions'
    | 'filed_after_termination'
    | 'filed_within_deadline';

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

export class EligibilityEstimateDto {
  @ApiProperty({ type: () => EligibilityPreviewInputDto })
  input!: EligibilityPreviewInputDto;

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

export class DataAccessEntryDto {
  @ApiProperty({ type: String })
  id!: string;

  @ApiProperty({ type: String, description: 'RFC 3339 UTC.' })
  occurredAt!: string;

  @ApiProperty({ enum: ['portal', 'citizen', 'staff', 'system'] })
  actorType!: 'portal' | 'citizen' | 'staff' | 'system';

  @ApiProperty({ type: String })
  actorTypeLabel!: string;

  @ApiProperty({ nullable: true, type: String })
  actorId!: string | null;

  @ApiProperty({ enum: ['population', 'social_insurance'] })
  source!: 'population' | 'social_insurance';

  @ApiProperty({ type: String })
  sourceLabel!: string;

  @ApiProperty({ type: String })
  purpose!: string;

  @ApiProperty({ type: String })
  purposeLabel!: string;

  @ApiProperty({ nullable: true, type: String })
  requestId!: string | null;
}

export class DataAccessListDto {
  @ApiProperty({ isArray: true, type: () => DataAccessEntryDto })
  items!: DataAccessEntryDto[];
}
