import { ApiProperty } from '@nestjs/swagger';
import { CONTRACT_TYPES, ContractType, TERMINATION_REASONS, TerminationReason } from '../eligibility/domain/assessment';
import { PopulationRecordDto, RegistryContributionDto } from '../registries/registry-responses.dto';
import { AssessmentDto } from '../eligibility/dto/eligibility-responses.dto';

/** Response bodies of the profile routes, as documented in the OpenAPI document (docs/openapi.json). */

export class InsuranceSummaryLastEmployerDto {
  @ApiProperty({ type: String })
  name!: string;

  @ApiProperty({ type: String })
  taxCode!: string;

  @ApiProperty({ enum: ['I', 'II', 'III', 'IV'] })
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

export class CitizenProfileDto extends PopulationRecordDto {
  @ApiProperty({
    isArray: true,
    enum: ['century_sex_mismatch', 'birth_year_mismatch'],
    description:
      "Disagreements between the personal ID's digits and the registry (a caseworker looks; nothing is rejected).",
  })
  personalIdFlags!: ('century_sex_mismatch' | 'birth_year_mismatch')[];

  @ApiProperty({ nullable: true, type: () => InsuranceSummaryDto, description: '`null`: never insured.' })
  insurance!: InsuranceSummaryDto | null;
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

  @ApiProperty({ enum: TERMINATION_REASONS })
  terminationReason!: TerminationReason;

  @ApiProperty({ enum: CONTRACT_TYPES })
  contractType!: ContractType;

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

export class EligibilityEstimateDto extends AssessmentDto {
  @ApiProperty({ type: () => EligibilityPreviewInputDto })
  input!: EligibilityPreviewInputDto;
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
