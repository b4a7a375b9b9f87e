import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
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

export class AnnouncedDayDto {
  @ApiProperty({ example: '2027-02-05' })
  @IsString()
  date: string;

  @ApiProperty({ enum: ['holiday', 'working'] })
  @IsIn(['holiday', 'working'], { message: 'Loại ngày phải là holiday (nghỉ) hoặc working (làm việc).' })
  kind: 'holiday' | 'working';

  @ApiProperty({ example: 'Tết Nguyên đán' })
  @IsString()
  @MinLength(2, { message: 'Cần ghi tên ngày.' })
  @MaxLength(200)
  name: string;
}

/** A year's public-sector schedule as announced by the Government (replaces the year's days; audited). */
export class CalendarYearImportDto {
  @ApiProperty({ example: 'Thông báo 6150/TB-BNV', description: 'Number of the announcing document' })
  @IsString()
  @MinLength(3, { message: 'Cần ghi số hiệu văn bản công bố lịch nghỉ.' })
  @MaxLength(200)
  documentNumber: string;

  @ApiProperty({ example: '2026-12-15', description: 'Date of the announcing document' })
  @IsString()
  documentDate: string;

  @ApiProperty({
    type: [AnnouncedDayDto],
    description: 'Every weekday off and every weekend day worked of the year (weekend holidays are not listed)',
  })
  @IsArray()
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => AnnouncedDayDto)
  days: AnnouncedDayDto[];
}
