import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { WORKFLOW_ACTIONS } from '../domain/dossier-workflow';
import { MultiLineText, SingleLineText } from '../../platform/http/text';

const STAFF_ACTIONS = WORKFLOW_ACTIONS.filter((a) => a !== 'supplement' && a !== 'withdraw');

export class StaffActionDto {
  @ApiProperty({ enum: STAFF_ACTIONS })
  @IsIn(STAFF_ACTIONS, { message: 'Thao tác không hợp lệ.' })
  action: (typeof WORKFLOW_ACTIONS)[number];

  @ApiProperty({ example: 1 })
  @IsInt({ message: 'Cần gửi phiên bản hồ sơ (expectedVersion) là số nguyên.' })
  @Min(1)
  expectedVersion: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MultiLineText()
  @MaxLength(2000, { message: 'Ghi chú không quá 2000 ký tự.' })
  note?: string;

  @ApiPropertyOptional({ description: 'request_supplement: what is missing', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'Cần nêu ít nhất một giấy tờ cần bổ sung.' })
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @SingleLineText({ each: true })
  @MinLength(2, { each: true })
  @MaxLength(300, { each: true })
  items?: string[];

  @ApiPropertyOptional({ description: 'reject_intake, deny: the reason given to the citizen' })
  @IsOptional()
  @IsString()
  @SingleLineText()
  @MinLength(5, { message: 'Lý do phải có ít nhất 5 ký tự.' })
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({ enum: ['approve', 'deny'] })
  @IsOptional()
  @IsIn(['approve', 'deny'], { message: 'Đề xuất phải là approve hoặc deny.' })
  recommendation?: 'approve' | 'deny';

  @ApiPropertyOptional({ description: 'approve despite contributions after the termination (re-employment)' })
  @IsOptional()
  @IsString()
  @SingleLineText()
  @MinLength(5, { message: 'Lý do phải có ít nhất 5 ký tự.' })
  @MaxLength(2000)
  overrideReason?: string;

  @ApiPropertyOptional({
    description: 'terminate: a code of Luật Việc làm 74/2025 Điều 41 k.4 (new_job, military_service, pension, ...)',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z_]{1,40}$/, { message: 'Lý do chấm dứt hưởng không hợp lệ.' })
  terminationReason?: string;

  @ApiPropertyOptional({ description: 'terminate: the day the termination takes effect', example: '2027-04-01' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Ngày có hiệu lực phải có dạng YYYY-MM-DD.' })
  effectiveDate?: string;

  @ApiPropertyOptional({
    enum: ['internal', 'citizen'],
    description: 'Who may read the note: staff only (default for most steps) or also the citizen and the portal',
  })
  @IsOptional()
  @IsIn(['internal', 'citizen'], { message: 'Phạm vi ghi chú phải là internal hoặc citizen.' })
  noteVisibility?: 'internal' | 'citizen';
}

export class CitizenActionDto {
  @ApiPropertyOptional({ example: 2, description: 'When given, a stale version gets 409' })
  @IsOptional()
  @IsInt({ message: 'Cần gửi phiên bản hồ sơ (expectedVersion) là số nguyên.' })
  @Min(1)
  expectedVersion?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MultiLineText()
  @MaxLength(2000, { message: 'Ghi chú không quá 2000 ký tự.' })
  note?: string;
}
