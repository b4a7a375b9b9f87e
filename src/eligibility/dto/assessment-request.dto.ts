import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { CONTRACT_TYPES, SALARY_REGIMES, TERMINATION_REASONS } from '../domain/assessment';
import { ZONES } from '../domain/legal-rules';

export class ContributionDto {
  @ApiProperty({ example: '2026-05', description: 'YYYY-MM' })
  @IsString()
  month: string;

  @ApiProperty({ example: 9200000, description: 'Monthly contribution salary, whole VND' })
  @IsInt()
  @Min(0)
  @Max(1_000_000_000_000)
  salary: number;
}

/** POST /api/v1/eligibility/assessments — the calculator request of docs/api.md. */
export class AssessmentRequestDto {
  @ApiProperty({ example: '2026-10-30' })
  @IsString()
  terminationDate: string;

  @ApiProperty({ example: '2026-11-26' })
  @IsString()
  filingDate: string;

  @ApiPropertyOptional({
    example: '2026-12-08',
    description:
      'Date of the decision; chooses the regime (VN-2013 up to 2025-12-31, VN-2025 from 2026-01-01). Default: filingDate.',
  })
  @IsOptional()
  @IsString()
  decisionDate?: string;

  @ApiProperty({ enum: TERMINATION_REASONS })
  @IsIn(TERMINATION_REASONS)
  terminationReason: (typeof TERMINATION_REASONS)[number];

  @ApiProperty({ enum: CONTRACT_TYPES })
  @IsIn(CONTRACT_TYPES)
  contractType: (typeof CONTRACT_TYPES)[number];

  @ApiProperty({ enum: SALARY_REGIMES })
  @IsIn(SALARY_REGIMES)
  salaryRegime: (typeof SALARY_REGIMES)[number];

  @ApiProperty({ enum: ZONES })
  @IsIn(ZONES)
  zone: (typeof ZONES)[number];

  @ApiPropertyOptional({ example: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1200)
  priorReservedMonths?: number;

  @ApiPropertyOptional({
    example: false,
    description: 'The worker already met the conditions for a pension when leaving (not eligible under VN-2025).',
  })
  @IsOptional()
  @IsBoolean()
  pensionEligible?: boolean;

  @ApiProperty({
    type: [ContributionDto],
    description:
      'One entry per month (a month listed twice is a 400 naming contributions); salary 0 = no contribution.',
  })
  @IsArray()
  @ArrayMaxSize(1200)
  @ValidateNested({ each: true })
  @Type(() => ContributionDto)
  contributions: ContributionDto[];
}
