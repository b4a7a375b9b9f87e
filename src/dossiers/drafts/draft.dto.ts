import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CONTRACT_TYPES, TERMINATION_REASONS } from '../../eligibility/domain/assessment';
import { SingleLineText } from '../../platform/http/text';

/**
 * A draft is an application being written: every answer optional (a half-filled form is saved as it is), each
 * bounded and typed like the application's, but not checked for completeness; filing checks that.
 */
export class DraftEmployerDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @SingleLineText() @MaxLength(200) name?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(/^[\d-]{0,14}$/, { message: 'Mã số thuế gồm chữ số.' })
  taxCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @SingleLineText() @MaxLength(300) address?: string;
}

export class DraftPaymentDto {
  @ApiPropertyOptional({ enum: ['bank', 'cash'] }) @IsOptional() @IsIn(['bank', 'cash']) method?: 'bank' | 'cash';
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^[A-Z0-9]{0,12}$/) bankCode?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(/^[\d .-]{0,30}$/, { message: 'Số tài khoản gồm chữ số.' })
  accountNumber?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @SingleLineText() @MaxLength(100) accountHolder?: string;
}

export class DraftDto {
  @ApiPropertyOptional({ example: '2026-10-30' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Ngày chấm dứt hợp đồng phải có dạng YYYY-MM-DD.' })
  terminationDate?: string;

  @ApiPropertyOptional({ enum: TERMINATION_REASONS })
  @IsOptional()
  @IsIn(TERMINATION_REASONS)
  terminationReason?: (typeof TERMINATION_REASONS)[number];

  @ApiPropertyOptional({ enum: CONTRACT_TYPES })
  @IsOptional()
  @IsIn(CONTRACT_TYPES)
  contractType?: (typeof CONTRACT_TYPES)[number];

  @ApiPropertyOptional({ type: DraftEmployerDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DraftEmployerDto)
  lastEmployer?: DraftEmployerDto;

  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^[A-Z0-9-]{0,20}$/) centerCode?: string;

  @ApiPropertyOptional({ type: DraftPaymentDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DraftPaymentDto)
  payment?: DraftPaymentDto;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(/^[\d +.-]{0,20}$/, { message: 'Số điện thoại gồm chữ số.' })
  phone?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @SingleLineText() @MaxLength(200) email?: string;

  @ApiPropertyOptional({ description: 'The step of the form the citizen was on (1–4)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(4)
  step?: number;

  @ApiPropertyOptional({ description: 'The citizen confirmed filing although the estimate says not eligible' })
  @IsOptional()
  @IsIn([true, false])
  ineligibleAcknowledged?: boolean;
}
