import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MultiLineText } from '../../platform/http/text';

/** POST /api/v1/dossiers/{id}/satisfaction: the citizen's rating of the service once the result is returned. */
export class SatisfactionDto {
  @ApiProperty({ minimum: 1, maximum: 5, example: 5, description: '1 (rất không hài lòng) to 5 (rất hài lòng)' })
  @IsInt({ message: 'Mức đánh giá (rating) phải là số nguyên từ 1 đến 5.' })
  @Min(1, { message: 'Mức đánh giá (rating) phải từ 1 đến 5.' })
  @Max(5, { message: 'Mức đánh giá (rating) phải từ 1 đến 5.' })
  rating!: number;

  @ApiPropertyOptional({ maxLength: 1000, example: 'Cán bộ hướng dẫn tận tình.' })
  @IsOptional()
  @IsString({ message: 'Nhận xét (comment) phải là văn bản.' })
  @MultiLineText()
  @MaxLength(1000, { message: 'Nhận xét (comment) tối đa 1000 ký tự.' })
  comment?: string;
}
