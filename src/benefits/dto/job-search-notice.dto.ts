import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MultiLineText, SingleLineText } from '../../platform/http/text';

export const ACTIVITY_OUTCOMES = ['applied', 'interviewed', 'offered', 'rejected', 'waiting'] as const;

/** One job-search activity of the month (Mẫu số 24: employer, position, when, result). */
export class JobSearchActivityDto {
  @ApiProperty({ example: 'Công ty TNHH Minh Phát' })
  @IsString()
  @SingleLineText()
  @MinLength(2, { message: 'Tên đơn vị cần ít nhất 2 ký tự.' })
  @MaxLength(200)
  employer!: string;

  @ApiProperty({ example: 'Nhân viên kho' })
  @IsString()
  @SingleLineText()
  @MinLength(2, { message: 'Vị trí cần ít nhất 2 ký tự.' })
  @MaxLength(200)
  position!: string;

  @ApiProperty({ example: '2027-02-03' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Ngày liên hệ phải có dạng YYYY-MM-DD.' })
  contactedOn!: string;

  @ApiProperty({ enum: ACTIVITY_OUTCOMES })
  @IsIn(ACTIVITY_OUTCOMES, { message: 'Kết quả phải là một trong: applied, interviewed, offered, rejected, waiting.' })
  outcome!: string;
}

export class JobSearchNoticeDto {
  @ApiProperty({ example: 1, description: 'The benefit month (1-based)' })
  @IsInt({ message: 'Tháng hưởng phải là số nguyên.' })
  @Min(1, { message: 'Tháng hưởng từ 1.' })
  @Max(12, { message: 'Tháng hưởng không quá 12.' })
  month!: number;

  @ApiProperty({ type: [JobSearchActivityDto] })
  @IsArray({ message: 'Cần kê khai các hoạt động tìm kiếm việc làm.' })
  @ArrayMinSize(1, { message: 'Cần kê khai ít nhất một hoạt động tìm kiếm việc làm.' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => JobSearchActivityDto)
  activities!: JobSearchActivityDto[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MultiLineText()
  @MaxLength(2000, { message: 'Ghi chú không quá 2000 ký tự.' })
  note?: string;
}

export class PortalJobSearchNoticeDto extends JobSearchNoticeDto {
  @ApiProperty({ example: 'G22.99-270203-0001' })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'Mã thông báo của Cổng (portalNoticeCode) không hợp lệ.' })
  portalNoticeCode!: string;

  @ApiProperty({ example: '079192004321' })
  @Matches(/^\d{12}$/, { message: 'Số định danh cá nhân gồm 12 chữ số.' })
  personalId!: string;

  @ApiProperty({ example: '2027-02-03T02:15:00Z' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/, {
    message: 'Thời điểm nộp (submittedAt) phải theo RFC 3339.',
  })
  submittedAt!: string;
}
