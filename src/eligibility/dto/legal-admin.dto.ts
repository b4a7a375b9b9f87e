import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { ZONES } from '../domain/legal-rules';
import { SingleLineText } from '../../platform/http/text';

/** A future-dated legal figure (a new decree is a row, not a deploy). */
export class NewLegalParameterDto {
  @ApiProperty({ example: 'regional_minimum_wage' })
  @IsString()
  @MinLength(3)
  @MaxLength(100)
  key: string;

  @ApiPropertyOptional({ enum: ZONES, nullable: true })
  @IsOptional()
  @IsIn(ZONES, { message: 'Vùng phải là I, II, III hoặc IV.' })
  zone?: (typeof ZONES)[number];

  @ApiProperty({ example: 5650000 })
  @IsInt({ message: 'Giá trị phải là số nguyên.' })
  @Min(0)
  value: number;

  @ApiProperty({ example: '2027-01-01' })
  @IsString()
  effectiveFrom: string;

  @ApiProperty({ example: 'Nghị định xx/2026/NĐ-CP' })
  @IsString()
  @SingleLineText()
  @MinLength(3, { message: 'Cần ghi căn cứ pháp lý.' })
  @MaxLength(300)
  legalBasis: string;
}

export class CalendarDayDto {
  @ApiProperty({ enum: ['holiday', 'working'] })
  @IsIn(['holiday', 'working'], { message: 'Loại ngày phải là holiday (nghỉ) hoặc working (làm việc).' })
  kind: 'holiday' | 'working';

  @ApiProperty({ example: 'Nghỉ bù Quốc khánh' })
  @IsString()
  @SingleLineText()
  @MinLength(2, { message: 'Cần ghi tên ngày.' })
  @MaxLength(200)
  name: string;
}

export class CalendarRangeDto {
  @ApiPropertyOptional({ example: '2026-01-01' }) @IsOptional() @IsString() from?: string;
  @ApiPropertyOptional({ example: '2026-12-31' }) @IsOptional() @IsString() to?: string;
}
