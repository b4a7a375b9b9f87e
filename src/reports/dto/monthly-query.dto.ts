import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { REPORT_FORMATS, ReportFormat } from '../export/report-file';
import { CENTER_CODE } from './summary-query.dto';

/** GET /api/v1/reports/monthly. */
export class MonthlyQueryDto {
  @ApiProperty({ example: '2026-11', description: 'The reported month, YYYY-MM' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Tháng báo cáo (month) phải có dạng YYYY-MM.' })
  month: string;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'xlsx' })
  @IsOptional()
  @IsIn(REPORT_FORMATS, { message: 'Định dạng (format) chỉ nhận xlsx, csv hoặc json.' })
  format?: ReportFormat;

  @ApiPropertyOptional({ example: 'DNA-BH' })
  @IsOptional()
  @Matches(CENTER_CODE, { message: 'Mã trung tâm không đúng định dạng.' })
  centerCode?: string;
}
