import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';

export const CENTER_CODE = /^[A-Z0-9-]{2,20}$/;

/** GET /api/v1/reports/summary. Date validity and the range (≤ 366 days, from ≤ to) are checked by the service. */
export class SummaryQueryDto {
  @ApiProperty({ example: '2026-11-01', description: 'First day (Vietnam date), YYYY-MM-DD' })
  @IsString({ message: 'Cần nhập ngày bắt đầu (from) dạng YYYY-MM-DD.' })
  from: string;

  @ApiProperty({ example: '2026-11-30', description: 'Last day, included; at most 366 days after from' })
  @IsString({ message: 'Cần nhập ngày kết thúc (to) dạng YYYY-MM-DD.' })
  to: string;

  @ApiPropertyOptional({ example: 'DNA-BH', description: 'One center; a center head may give only their own' })
  @IsOptional()
  @Matches(CENTER_CODE, { message: 'Mã trung tâm không đúng định dạng.' })
  centerCode?: string;
}
